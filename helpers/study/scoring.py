"""Comprehension quizzes as plain functions: grading items, per-student variants, best attempts, results files.

Each item type grades itself (:mod:`helpers.lesson.items`); the widgets in
:mod:`helpers.widgets.quiz` and the teacher tools in :mod:`helpers.views.quiz`
call these.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpers.lesson.items import ItemResult, item_type
from helpers.lesson.model import Lesson
from helpers.lesson.paths import write_atomically
from helpers.lesson.quiz import QuizItem
from helpers.text.safe import spreadsheet_cell

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from helpers.study.progress import ProgressStore

__all__ = [
    "ItemResult",
    "Variant",
    "best_by_item",
    "check_student_name",
    "export_results",
    "grade_item",
    "practice_record",
    "results_dict",
    "results_file_stem",
    "student_variant",
    "teaching_order",
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


#: How far ahead :func:`teaching_order` looks for a question of another kind than the one just asked.
_LOOK_AHEAD = 4


def teaching_order(lesson: Lesson, items: Iterable[QuizItem] | None = None) -> tuple[QuizItem, ...]:
    """The items in the order a teacher would ask them: following the text, easy first, the kinds mixed.

    Each item comes once its evidence has been read (after the last paragraph it cites), the easier first among
    those of one paragraph; then, walking that order, the next item is the first of the next few that is not of
    the kind just asked, so a choice, a gap to fill, a true-or-false and a matching alternate. The same lesson always
    gives the same order.

    >>> from helpers import load_lesson
    >>> order = teaching_order(load_lesson())
    >>> sum(a.type == b.type for a, b in zip(order, order[1:])) < len(order) // 4
    True
    """
    pool = list(items if items is not None else lesson.quiz)
    paragraph = {s.id: n for n, p in enumerate(lesson.paragraphs) for s in p.sentences}
    written = {q.id: n for n, q in enumerate(pool)}

    def read_by(q: QuizItem) -> int:
        return max((paragraph.get(sid, len(paragraph)) for sid in q.evidence), default=len(paragraph))

    queue = sorted(pool, key=lambda q: (read_by(q), q.difficulty, written[q.id]))
    out: list[QuizItem] = []
    while queue:
        last = out[-1].type if out else None
        pick = next((q for q in queue[:_LOOK_AHEAD] if q.type != last), queue[0])
        out.append(pick)
        queue.remove(pick)
    return tuple(out)


def practice_record(
    store: ProgressStore, lesson: Lesson, student: str, items: Iterable[QuizItem] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A student's stored practice answers to ``items`` (default: the lesson's), oldest first, and the last
    response to each item: what a practice quiz rebuilds its score and its answers from after a restart.

    Exam answers are left out (an exam is its own paper); so are answers to items the lesson no longer has.
    """
    wanted = {q.id for q in (items if items is not None else lesson.quiz)}
    attempts = [
        {**a, "score": _finite(a.get("score"))}
        for a in store.attempts(lesson.id, student)
        if a.get("mode") == "practice" and a.get("item") in wanted
    ]
    last = {str(a["item"]): a.get("response") for a in attempts}
    return attempts, last


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


#: The longest part of a student's name kept in a results file's name, in UTF-8 bytes: with the prefix, the
#: lesson id and the hash the whole name stays well under the 255 bytes every file system allows.
NAME_BYTES_IN_FILE_NAME = 80


def _readable(text: str) -> str:
    """Letters (any script, with their marks), digits, ``-`` and ``_`` kept; each run of anything else one ``_``."""
    out: list[str] = []
    for ch in text:
        if ch in "-_" or unicodedata.category(ch)[0] in "LMN":
            out.append(ch)
        elif not out or out[-1] != "_":
            out.append("_")
    return "".join(out)


def results_file_stem(lesson_id: str, student: str) -> str:
    """The name, without its extension, of a student's results files: ``results-<lesson>-<student>``.

    Safe on every operating system, and distinct for distinct names. Letters of any script, digits, ``-`` and
    ``_`` are kept; each run of anything else (spaces, ``/``, dots, ...) becomes one ``_``. When that changed the
    name, or cut it short, or when the name could meet another one on a file system that ignores case or Unicode
    normalisation (Windows, macOS), a short hash of the exact name follows a ``~`` (never kept from a name): two
    names that differ in any way give two files.

    >>> results_file_stem("kazakhstan-visa-2026", "amina")
    'results-kazakhstan-visa-2026-amina'
    >>> for name in ("Ali Hassan", "Ali_Hassan", "Ali/Hassan", "علي حسن", "ali_hassan"):
    ...     print(results_file_stem("l", name))
    results-l-Ali_Hassan~bd40775e
    results-l-Ali_Hassan~9c5cef94
    results-l-Ali_Hassan~bb15c249
    results-l-علي_حسن~4520b8e9
    results-l-ali_hassan
    """
    if not student:
        raise ValueError("a results file needs the student's name or id")
    readable = _readable(student)
    short = readable.encode("utf-8", "surrogatepass")[:NAME_BYTES_IN_FILE_NAME].decode("utf-8", "ignore")
    exact = short == student and student == unicodedata.normalize("NFC", student) and student.casefold() == student
    stem = f"results-{_readable(lesson_id)}-{short}"
    if exact:
        return stem
    digest = hashlib.sha256(student.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{stem}~{digest}"


def _finite(value: object) -> float:
    """A score as a number a results file can hold (a damaged or odd value counts as 0)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def results_dict(store: ProgressStore, lesson: Lesson, student: str) -> dict[str, Any]:
    """A student's attempts on a lesson's quiz, as the results file records them."""
    attempts = [{**a, "score": _finite(a.get("score"))} for a in store.attempts(lesson.id, student)]
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


#: The columns of a results CSV.
RESULTS_CSV_COLUMNS = ["student", "lesson", "item", "mode", "response", "score", "points", "when"]


def check_student_name(lesson: Lesson, student: str) -> None:
    """``ValueError`` when the class view would refuse a results file with this name (so none is written).

    >>> from helpers import load_lesson
    >>> check_student_name(load_lesson(), "x" * 101)
    Traceback (most recent call last):
    ValueError: the name is 101 characters long; a results file takes at most 100
    """
    from helpers.lesson.schema import RESULTS_KIND, validate

    if not student.strip():
        raise ValueError("type a name or student id first")
    _valid, problems = validate(
        RESULTS_KIND, {"format": "khabar-results/1", "lesson": lesson.id, "student": student, "attempts": []}, ""
    )
    if problems:
        if len(student) > 100:
            raise ValueError(f"the name is {len(student)} characters long; a results file takes at most 100")
        raise ValueError(
            f"{student!r} cannot go in a results file: a name or id is plain text, without < > & or control characters"
        )


def export_results(
    store: ProgressStore,
    lesson: Lesson,
    student: str,
    json_path: str | Path | None = None,
    csv_path: str | Path | None = None,
) -> list[Path]:
    """Write a student's results as JSON and/or CSV (UTF-8 with BOM); returns the paths written.

    Name the files with :func:`results_file_stem`, so that two students never share a file. Each file is
    written whole or not at all (:func:`write_atomically`): an existing file is replaced, so a caller that must
    not replace one checks first. CSV cells that a spreadsheet would run as a formula (a name or an answer
    starting with ``=``, ``+``, ``-``, ``@``) start with an apostrophe.

    ``ValueError``, before anything is written, when the name cannot go in a results file (the class view would
    refuse it: empty, over 100 characters, markup or control characters) or when both paths name one file.
    """
    import csv

    check_student_name(lesson, student)
    if json_path and csv_path and os.path.realpath(json_path) == os.path.realpath(csv_path):
        raise ValueError(f"the JSON and the CSV file would both be {json_path}: give two file names")
    data = results_dict(store, lesson, student)
    written = []
    if json_path:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
        written.append(write_atomically(json_path, lambda partial: partial.write_text(text, encoding="utf-8")))
    if csv_path:

        def write_csv(partial: Path) -> None:
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(RESULTS_CSV_COLUMNS)
                for a in data["attempts"]:
                    row = [student, lesson.id, a["item"], a["mode"], json.dumps(a["response"], ensure_ascii=False),
                           a["score"], a["points"], a["when"]]  # fmt: skip
                    writer.writerow([spreadsheet_cell(cell) for cell in row])

        written.append(write_atomically(csv_path, write_csv))
    return written
