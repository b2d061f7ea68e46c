"""Content checks on the quiz: ids used once, then each item checked by its own type.

What each type checks (evidence exists, keys valid for the type and supported by
the text, the language of every text) lives in its class in :mod:`helpers.lesson.items`.
"""

from __future__ import annotations

from helpers.lesson.field_checks import _duplicates
from helpers.lesson.items import item_type
from helpers.lesson.model import Lesson
from helpers.lesson.problems import Problem

__all__ = []


def _check_quiz(lesson: Lesson, file: str) -> list[Problem]:
    """Quiz items: every content check of every item's type."""
    problems: list[Problem] = _duplicates(file, [q.id for q in lesson.quiz], "quiz id")
    for q in lesson.quiz:
        try:
            kind = item_type(q)
        except ValueError as exc:
            problems.append(Problem(file, q.id, "type", str(exc)))
            continue
        problems.extend(kind.check(q, lesson, file))
    return problems
