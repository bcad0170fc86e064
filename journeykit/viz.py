"""Old name of :mod:`journeykit.figures` (the figures).

``from journeykit.viz import x`` keeps working.

New code imports from ``journeykit.figures`` or uses the names on ``journeykit``.
"""

from ._aliases import forward

__getattr__, __dir__ = forward("journeykit.figures")
