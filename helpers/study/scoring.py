"""Comprehension quizzes as plain functions: grading items, per-student variants, best attempts, results files.

Each item type grades itself (:mod:`helpers.lesson.items`); the widgets in
:mod:`helpers.widgets.quiz` and the teacher tools in :mod:`helpers.views.quiz`
call these.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpers.lesson.items import ItemResult, item_type
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from helpers.study.progress import ProgressStore

__all__ = [
    "ItemResult",
    "Variant",
    "best_by_item",
    "export_results",
    "grade_item",
    "results_dict",
    "student_variant",
]


def best_by_item(attempts: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """The best score of each item over a student's attempts (dicts with "item" and "score"), in first-seen order.

    >>> best_by_item([{"item": "q1", "score": 0.0}, {"item": "q2", "score": 1}, {"item": "q1", "score": 0.5}])
    {'q1': 0.5, 'q2': 1.0}
    """
    best: dict[str, float] = {}
    for attempt in attempts:
        item, score = attempt["item"], float(attempt["score"])
        best[item] = max(best.get(item, score), score)
    return best


def grade_item(item: QuizItem, response: Any) -> ItemResult:
    """Grade a response to any item type (its type's :meth:`~helpers.lesson.items.ItemType.grade`).

    Odd responses get 0 and a polite explanation. Responses: single — an option id;
    multiple — a collection of option ids; true-false — True/False; cloze and
    short-answer — the typed text; matching — {left: right}; ordering — the step
    ids in the learner's order.

    >>> from helpers import load_lesson
    >>> item = load_lesson().item("q-signing-who")
    >>> grade_item(item, item.key).correct, grade_item(item, None).feedback
    (True, 'Choose one of the answers.')
    """
    return item_type(item).grade(item, response)


@dataclass(frozen=True)
class Variant:
    """A student's version of a quiz: which items, in which order, and how each item's parts are arranged.

    ``arrangements[item_id]`` is the order the student sees the item's options,
    the right-hand sides of its pairs, its steps or its word bank in (see
    :meth:`~helpers.lesson.items.ItemType.arrangement`).
    """

    student: str
    items: tuple[QuizItem, ...]
    arrangements: dict[str, tuple[str, ...]]

    @property
    def option_order(self) -> dict[str, tuple[str, ...]]:
        """The option ids of each item in the order shown (empty for items without options)."""
        return {q.id: self.arrangements[q.id] if q.options else () for q in self.items}


def _seed(*parts: str) -> int:
    return int(hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16], 16)


def student_variant(
    lesson: Lesson,
    student: str,
    items: list[QuizItem] | None = None,
    count: int | None = None,
    shuffle_items: bool = True,
    shuffle_options: bool = True,
) -> Variant:
    """The same student id always gets the same paper; different ids get different ones.

    The paper: which items (``count`` of them), in which order, and each item's
    arrangement (options, pairs, steps, word bank), all from the student's seed.
    Without ``shuffle_options`` every item keeps the author's order where that
    gives nothing away (a paper that is not shuffled is the same for everyone).

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> a, b = student_variant(lesson, "amina", count=5), student_variant(lesson, "amina", count=5)
    >>> [q.id for q in a.items] == [q.id for q in b.items]
    True
    """
    pool = list(items if items is not None else lesson.quiz)
    rng = random.Random(_seed(lesson.id, student))
    if count is not None and count < len(pool):
        chosen = set(q.id for q in rng.sample(pool, count))
        pool = [q for q in pool if q.id in chosen]
    if shuffle_items:
        rng.shuffle(pool)
    arrangements = {
        q.id: item_type(q).arrangement(q, random.Random(_seed(lesson.id, student, q.id)) if shuffle_options else None)
        for q in pool
    }
    return Variant(student, tuple(pool), arrangements)


def results_dict(store: ProgressStore, lesson: Lesson, student: str) -> dict[str, Any]:
    """A student's attempts on a lesson's quiz, as the results file records them."""
    attempts = store.attempts(lesson.id, student)
    best = best_by_item(attempts)
    points = {q.id: q.points for q in lesson.quiz}
    return {
        "format": "khabar-results/1",
        "lesson": lesson.id,
        "student": student,
        "exported": datetime.now().isoformat(timespec="seconds"),
        "summary": {
            "items_answered": len(best),
            "items_total": len(lesson.quiz),
            "score": round(sum(best.values()), 2),
            "max": sum(points[i] for i in best if i in points),
        },
        "attempts": attempts,
    }


def export_results(
    store: ProgressStore,
    lesson: Lesson,
    student: str,
    json_path: str | Path | None = None,
    csv_path: str | Path | None = None,
) -> list[Path]:
    """Write a student's results as JSON and/or CSV (UTF-8 with BOM); returns the paths written."""
    import csv

    data = results_dict(store, lesson, student)
    written = []
    if json_path:
        target = Path(json_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(target)
    if csv_path:
        target = Path(csv_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["student", "lesson", "item", "mode", "response", "score", "points", "when"])
            for a in data["attempts"]:
                writer.writerow(
                    [student, lesson.id, a["item"], a["mode"], json.dumps(a["response"], ensure_ascii=False),
                     a["score"], a["points"], a["when"]]
                )  # fmt: skip
        written.append(target)
    return written
