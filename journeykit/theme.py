"""Old name of :mod:`journeykit.figures.theme` (the figures' look).

``from journeykit.theme import x`` keeps working.

New code imports from ``journeykit.figures.theme`` or uses the names on ``journeykit``.
"""

from ._aliases import forward

__getattr__, __dir__ = forward("journeykit.figures.theme")
