"""Grading a class: the exercise notebooks as an nbgrader course (``journeykit course``).

Layer 7: builds on the exercises (their questions and checks), the rubric and the roll-up's
page machinery. Its modules:

* :mod:`.course`: ``journeykit course nbgrader DIR``, the course directory;
* :mod:`.parts`: how each question is graded (autograded, hidden, by hand, the capstone);
* :mod:`.testcell`: what a graded notebook's test cells run, with a fresh copy of the checks;
* :mod:`.plain`: a learner's answer as plain data, and back;
* :mod:`.nbgrader_plugins`: the kit's plugins for nbgrader (imports nbgrader);
* :mod:`.autograding`: ``journeykit course grade``: nbgrader's autograde for every
  submission, with a reason for each one that could not be graded;
* :mod:`.mistakes`: what the class got wrong, from autograded notebooks, as a debrief page.

nbgrader is a teacher's tool (the ``grading`` extra); learners never need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .course import Course, nbgrader_course

__all__ = ["Course", "nbgrader_course"]


def __getattr__(name: str) -> Any:
    # a test cell imports .testcell on its own, so nothing else loads until asked for
    if name in __all__:
        from . import course

        return getattr(course, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
