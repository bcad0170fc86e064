"""The one error a learner meets: :class:`JourneyMapError`.

Every check in the kit collects :class:`Problem` records instead of stopping at
the first one, so a learner fixes a file in one pass instead of one line per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a journey map, where it is, and how to fix it.

    Parameters
    ----------
    where : str
        A field path such as ``stages[2].emotion.score``, or ``line 4, column 9``
        for broken JSON. Empty when the problem is about the whole file.
    message : str
        What is wrong, in plain words.
    fix : str
        What to do about it.

    Examples
    --------
    >>> print(Problem("title", "the title is empty", "give the map a short title"))
    title: the title is empty. Fix: give the map a short title.
    """

    where: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text}. Fix: {self.fix}." if self.fix else f"{text}."


class JourneyMapError(ValueError):
    """Bad input: names the file and every problem found, each with its fix.

    It is a ``ValueError``, so ``except ValueError`` catches it too.

    Parameters
    ----------
    problems : iterable of Problem or str
        What is wrong. Plain strings become problems with no field path.
    source : str, optional
        The file (or other source) the problems were found in.

    Examples
    --------
    >>> err = JourneyMapError([Problem("title", "the title is empty", "add one")],
    ...                       source="my_maps/shop.json")
    >>> print(err)
    my_maps/shop.json: 1 problem
      - title: the title is empty. Fix: add one.
    >>> err.problems[0].where
    'title'
    """

    def __init__(self, problems: Iterable[Problem | str], source: str | None = None) -> None:
        self.problems: list[Problem] = [
            p if isinstance(p, Problem) else Problem("", str(p)) for p in problems
        ]
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.problems)
        head = f"{count} problem" + ("" if count == 1 else "s")
        if self.source:
            head = f"{self.source}: {head}"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])

    def lines(self) -> list[str]:
        """One readable line per problem, prefixed with the source (for the CLI).

        Examples
        --------
        >>> JourneyMapError(["no stages"], source="a.json").lines()
        ['a.json: no stages.']
        """
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{p}" for p in self.problems]
