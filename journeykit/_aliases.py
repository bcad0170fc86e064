"""Old module names that forward to the modules' new homes (``journeykit.viz`` and the like).

An alias module calls :func:`forward` and keeps no code of its own, so the old
name and the new one always give the same objects.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def forward(target: str) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` that look every name up in module *target*.

    Examples
    --------
    >>> getattr_, dir_ = forward("journeykit.figures.theme")
    >>> getattr_("FIT_WIDTH"), "template" in dir_()
    (800, True)
    """
    module = import_module(target)

    def getattr_(name: str) -> Any:
        return getattr(module, name)

    def dir_() -> list[str]:
        return dir(module)

    return getattr_, dir_
