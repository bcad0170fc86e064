"""Old name of :mod:`journeykit.editing` (the editor).

``from journeykit.widgets import x`` keeps working.

New code imports from ``journeykit.editing`` or uses the names on ``journeykit``.
"""

from ._aliases import forward

__getattr__, __dir__ = forward("journeykit.editing")
