"""Exercises for the JourneyKit course, in the style of Kaggle's learntools.

One module per teaching notebook, ``ex00`` ... ``ex08``. In an exercise
notebook::

    import journeykit as jk
    from journeykit.exercises import ex04 as q, ____

    lanes = ____          # your answer replaces the ____
    q.q1.check()          # reads `lanes` from the notebook and gives feedback
    # q.q1.hint()
    # q.q1.solution()

``import journeykit`` does not import this package; it loads when an exercise
notebook asks for it. ``jk.progress()`` shows which questions are done, from a small file
on the learner's own computer (:mod:`.tracking`).

For graders, every question describes itself as plain data (a stable interface, used by
the nbgrader course): ``q.q3.describe()`` gives its ``name``, ``kind`` and one entry per
answer variable in ``parts``, each with ``variable``, ``kind`` (``"value"``: a value
the check compares; ``"choice"``: one of a few options; ``"reason"``: free text no check
marks), ``graded`` (``"auto"`` or ``"manual"``), ``model_answer`` and ``look_for`` (what
a marker looks for). ``core.describe(ex06.QUESTIONS)`` lists a whole module. Reasons are
never marked by their words: the learner compares theirs with the model answer shown.

Examples
--------
>>> from journeykit.exercises import ex02 as q
>>> q.q1.check(["Discover", "Investigate", "Engage", "Purchase", "Advocate", "Re-purchase"])
Not quite: Re-purchase comes before Advocate in this framework.
"""

from __future__ import annotations

from .core import Feedback, Question, ____, assessed
from .tracking import progress

__all__ = ["Feedback", "Question", "____", "assessed", "progress"]
