"""Analytics: a journey measured on an event log (``jk.measure``: funnel, drop-off, repeats).

Layer 4: reads event logs through Ibis (DuckDB by default), beside the model.
"""
