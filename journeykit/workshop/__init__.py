"""Workshop room: participants join from a browser, the facilitator watches the room fill in.

Layer 7: serves the editor (editing) and the live roll-up (debrief) through
Voila and Jupyter Server.
"""
