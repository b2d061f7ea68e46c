"""Comprehension quizzes as plain functions: grading items, per-student variants, results files.

The widgets in :mod:`helpers.widgets.quiz` and the teacher tools in
:mod:`helpers.views.quiz` call these.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.text.matching import grade_text, partial_multiple, partial_order, partial_pairs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from helpers.study.progress import ProgressStore

__all__ = ["ItemResult", "Variant", "export_results", "grade_item", "results_dict", "student_variant"]


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one answer: points earned out of the item's points, and what to tell the learner."""

    item_id: str
    score: float
    points: int
    feedback: str
    response: Any = None

    @property
    def correct(self) -> bool:
        return self.score >= self.points

    @property
    def answered(self) -> bool:
        return self.response not in (None, "", [], {}, ())


def _no_answer(item: QuizItem, response: Any, message: str = "No answer given yet.") -> ItemResult:
    return ItemResult(item.id, 0.0, item.points, message, response)


def grade_item(item: QuizItem, response: Any) -> ItemResult:
    """Grade a response to any item type; odd responses get 0 and a polite explanation.

    Responses: single — an option id; multiple — a collection of option ids;
    true-false — True/False; cloze and short-answer — the typed text;
    matching — {left: right}; ordering — the step ids in the learner's order.
    """
    kind = item.type
    if kind == "single":
        chosen = next((o for o in item.options if o.id == response), None)
        if chosen is None:
            return _no_answer(item, response, "Choose one of the answers.")
        return ItemResult(
            item.id, float(item.points) if response == item.key else 0.0, item.points, chosen.feedback, response
        )
    if kind == "multiple":
        if isinstance(response, str) or not hasattr(response, "__iter__"):
            return _no_answer(item, response, "Tick every answer you think is right.")
        chosen_ids = set(response)
        if not chosen_ids:
            return _no_answer(item, [], "Tick every answer you think is right.")
        valid = {o.id for o in item.options}
        if not chosen_ids <= valid:
            return _no_answer(item, sorted(chosen_ids), "Tick answers from the list.")
        share = partial_multiple(set(item.key or ()), chosen_ids, valid)
        lines = [o.feedback for o in item.options if o.id in chosen_ids]
        missed = set(item.key or ()) - chosen_ids
        if missed and share > 0:
            lines.append(f"{len(missed)} right answer{'s' if len(missed) > 1 else ''} not ticked yet.")
        return ItemResult(item.id, round(share * item.points, 2), item.points, " ".join(lines), sorted(chosen_ids))
    if kind == "true-false":
        if not isinstance(response, bool):
            return _no_answer(item, response, "Choose true or false.")
        feedback = item.if_true if response else item.if_false
        return ItemResult(
            item.id, float(item.points) if response is item.key else 0.0, item.points, feedback or "", response
        )
    if kind in ("cloze", "short-answer"):
        if not isinstance(response, str) or not response.strip():
            return _no_answer(item, response, "Type your answer first.")
        verdict = grade_text(item.answers, response, item.strictness)
        shown = response if len(response) <= 200 else response[:200] + "…"
        return ItemResult(item.id, float(item.points) if verdict.accepted else 0.0, item.points, verdict.note, shown)
    if kind == "matching":
        if not isinstance(response, dict) or not any(response.values()):
            return _no_answer(item, response, "Match each word with a meaning.")
        share = partial_pairs(dict(item.pairs), response)
        right = round(share * len(item.pairs))
        return ItemResult(
            item.id, round(share * item.points, 2), item.points, f"{right} of {len(item.pairs)} pairs right.", response
        )
    if kind == "ordering":
        order = list(response) if isinstance(response, (list, tuple)) else []
        if sorted(order) != sorted(i for i, _ in item.steps):
            return _no_answer(item, response, "Put every step in a different place.")
        share = partial_order([i for i, _ in item.steps], order)
        verdict = (
            "All in the right order." if share == 1 else f"{share:.0%} of the pairs of steps are in the right order."
        )
        return ItemResult(item.id, round(share * item.points, 2), item.points, verdict, order)
    raise ValueError(f"unknown item type {kind!r}")


@dataclass(frozen=True)
class Variant:
    """A student's version of a quiz: which items, in which order, with options in which order."""

    student: str
    items: tuple[QuizItem, ...]
    option_order: dict[str, tuple[str, ...]]


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
    """The same student id always gets the same items, order and option order; different ids differ.

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
    order = {}
    for q in pool:
        ids = [o.id for o in q.options]
        if shuffle_options:
            random.Random(_seed(lesson.id, student, q.id)).shuffle(ids)
        order[q.id] = tuple(ids)
    return Variant(student, tuple(pool), order)


def results_dict(store: ProgressStore, lesson: Lesson, student: str) -> dict[str, Any]:
    """A student's attempts on a lesson's quiz, as the results file records them."""
    attempts = store.attempts(lesson.id, student)
    best: dict[str, float] = {}
    for a in attempts:
        best[a["item"]] = max(best.get(a["item"], 0.0), a["score"])
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
