"""What the figures read from a measured journey, by its shape.

``jk.measure`` returns a :class:`~journeykit.analytics.Measurement`, but the figures
sit beside the analytics layer, not above it, and never import it. These protocols
name what the figures call on such an object instead: a type checker then holds
every measurement to them, and tests/figures/test_shapes.py checks that the
analytics layer's ``Measurement`` has each shape. Each figure also takes the plain
table the method would return (a pandas DataFrame), for counts typed in by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

if TYPE_CHECKING:
    import pandas as pd


@runtime_checkable
class MeasuredFunnel(Protocol):
    """A journey measured on an event log: how many users reached each stage.

    ``funnel()`` returns one row per stage in journey order, with columns ``stage``
    and ``users``. :func:`journeykit.plot_funnel` and the map's Measured row read it.
    """

    def funnel(self) -> pd.DataFrame: ...


@runtime_checkable
class MeasuredStages(MeasuredFunnel, Protocol):
    """A measured funnel that also times each step and counts returns.

    ``time_to_next()`` has ``from_stage`` and ``median`` (a duration);
    ``repeat_rate()`` has ``stage`` and ``repeat_rate``. The map's Measured row adds
    them to its cells when the measurement has them.
    """

    def time_to_next(self) -> pd.DataFrame: ...

    def repeat_rate(self) -> pd.DataFrame: ...


@runtime_checkable
class MeasuredMoves(Protocol):
    """A journey measured on an event log: where journeys go after each stage.

    ``transitions()`` has ``from_stage``, ``to_stage``, ``kind``, ``users`` and
    ``moves``; ``stages`` lists the measured stages in journey order.
    """

    @property
    def stages(self) -> list[str]: ...

    def transitions(self) -> pd.DataFrame: ...


#: What the map's Measured row and the funnel read: a measurement, or its funnel() table.
Measured: TypeAlias = "MeasuredFunnel | pd.DataFrame"
#: What :func:`journeykit.plot_funnel` takes: counts typed in (``{stage: count}``, a
#: Series indexed by stage, a table of ``stage`` and ``customers``) or measured.
Counts: TypeAlias = "Mapping[str, int] | pd.Series | Measured"
