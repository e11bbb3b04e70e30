"""The lesson path: the learner's study notes, in their order, as short bilingual lessons.

Each :class:`Lesson` has a title, a few paragraphs written for this app (English and Japanese),
code blocks, the lab that goes with it (``"tensor"``, ``"numpy"``, ``"autograd"``, ``"forward"``,
``"linear"``, ``"activation"``, ``"depth"``, ``"conv"``, ``"seq2seq"``, ``"transformer"``
or ``""``) and "try it" actions. An action id is routed
by the main window: ``editor:template:<name>``, ``training:setup:<name>`` (a complete set-up from
``core.lessons.setups``: network, data, settings and what to watch), ``addition``, ``addition:compare``.
"""
from __future__ import annotations

from core.lessons.lesson import Block, Lesson, TryIt  # noqa: F401 - the lesson types, importable from here too
from core.lessons.path import models, networks, tensors

LABS = ("tensor", "numpy", "autograd", "forward", "linear", "activation", "depth", "conv", "seq2seq",
        "transformer", "")


LESSONS: tuple[Lesson, ...] = (*tensors.LESSONS, *networks.LESSONS, *models.LESSONS)

_BY_ID = {lesson.id: lesson for lesson in LESSONS}


def lesson(lesson_id: str) -> Lesson:
    return _BY_ID[lesson_id]


def action_ids() -> list[str]:
    """Every "try it" action id, in lesson order (for the router's tests)."""
    return [t.action for lesson in LESSONS for t in lesson.try_its]
