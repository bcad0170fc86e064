"""Debrief: a whole class's journey maps compared in one picture (``jk.rollup``).

Layer 6: reads many maps (the model), reviews them (coaching), draws (figures)
and writes one offline page (export).
"""
