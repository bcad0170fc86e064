"""Assessment: a journey map judged on a rubric (``jk.rubric``).

Layer 5: builds on the coach (layer 4). :mod:`.criteria` holds the criteria and what each
level looks like; :mod:`.scoring` judges a map on them, with the coach's findings as evidence,
and prints the blank rubric (``docs/rubric.md``). The class roll-up shows a class's levels
side by side, and an nbgrader course shows the rubric to the grader of the capstone map.
"""

from __future__ import annotations

from .criteria import CRITERIA, LEVELS, Criterion
from .scoring import Row, Rubric, rubric, rubric_html, rubric_markdown

__all__ = [
    "CRITERIA",
    "LEVELS",
    "Criterion",
    "Row",
    "Rubric",
    "rubric",
    "rubric_html",
    "rubric_markdown",
]
