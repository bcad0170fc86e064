"""Coaching: feedback on a journey map, the way a good instructor gives it (``jk.review``).

Layer 4: reads a map (the model) and says what to work on next and why.
"""
