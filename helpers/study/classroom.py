"""For teachers: a class's results, read from the files students export.

Results files are what students export from the quiz (``results-<lesson>-<student>.json``,
format ``khabar-results/1``, described by ``materials/schema/results.schema.json``). They
are the one input the kit takes from outside, so each is read with care: only regular
files of at most 5 MB, only strict JSON (no ``NaN``), only what the schema allows (no
markup in names, no huge numbers, no deep nesting). A file that fails any of this is
listed in ``skipped`` with the reason, never raised. Every answer is graded again from
the lesson's quiz: the score written in a file is not trusted.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from helpers.lesson.model import Lesson
from helpers.lesson.schema import RESULTS_KIND, validate
from helpers.lesson.yamlio import UnreadableFile, decode_text, read_bytes
from helpers.study.scoring import best_by_item, grade_item

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


__all__ = ["RESULTS_FORMAT", "ClassResults", "load_class_results", "read_results_file"]

RESULTS_FORMAT = "khabar-results/1"
_MAX_BYTES = 5_000_000
_MAX_REASONS = 3  # schema problems quoted per skipped file


class ClassResults:
    """The results files of a class for one lesson.

    ``files`` holds the files that were read, each with its attempts graded again
    (``score`` and ``points`` from the lesson's quiz); ``skipped`` one line per file
    left out, or per answer to a question the lesson does not have.
    """

    def __init__(self, lesson: Lesson, files: list[dict[str, Any]], skipped: list[str]) -> None:
        self.lesson, self.files, self.skipped = lesson, files, skipped

    def _attempts(self) -> dict[str, list[dict[str, Any]]]:
        """student → every graded attempt, over all of the student's files."""
        by_student: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in self.files:
            by_student[f["student"]].extend(f["attempts"])
        return by_student

    @property
    def students(self) -> list[str]:
        return sorted({f["student"] for f in self.files})

    def best_scores(self) -> dict[str, dict[str, float]]:
        """student → item → best score."""
        return {student: best_by_item(attempts) for student, attempts in sorted(self._attempts().items())}

    def item_difficulty(self) -> dict[str, float]:
        """item → share of the points the class earned (lower = harder), over students who answered."""
        shares: dict[str, list[float]] = defaultdict(list)
        points = {q.id: q.points for q in self.lesson.quiz}
        for best in self.best_scores().values():
            for item, score in best.items():
                if item in points:
                    shares[item].append(score / points[item])
        return {q.id: sum(shares[q.id]) / len(shares[q.id]) for q in self.lesson.quiz if shares[q.id]}

    def student_scores(self) -> dict[str, tuple[float, int]]:
        """student → (points earned, points of the items answered)."""
        points = {q.id: q.points for q in self.lesson.quiz}
        return {s: (sum(best.values()), sum(points.get(i, 0) for i in best)) for s, best in self.best_scores().items()}

    def common_wrong_answers(self, top: int = 3) -> dict[str, list[tuple[str, int]]]:
        """item → the most frequent wrong responses (as text) with how many students gave them."""
        wrong: dict[str, Counter[str]] = defaultdict(Counter)
        points = {q.id: q.points for q in self.lesson.quiz}
        for attempts in self._attempts().values():
            seen = set()
            for a in attempts:
                if a["item"] in points and a["score"] < points[a["item"]]:
                    response = a["response"]
                    text = response if isinstance(response, str) else json.dumps(response, ensure_ascii=False)
                    if (a["item"], text) not in seen:
                        seen.add((a["item"], text))
                        wrong[a["item"]][text] += 1
        return {item: counts.most_common(top) for item, counts in wrong.items()}


class _Refused(ValueError):
    """A value the JSON reader refuses (too large, not a number)."""


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text} is too large")
    return value


def _whole(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > 100:
        raise _Refused(f"a {digits}-digit number is far too large")
    return int(text)


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number")


def read_results_file(path: str | Path, lesson_id: str | None = None) -> dict[str, Any]:
    """One results file, checked against its schema; ``ValueError`` says in plain words why it cannot be used.

    >>> read_results_file("/")
    Traceback (most recent call last):
    ValueError: is a folder, not a file
    """
    try:
        text = decode_text(read_bytes(Path(path), _MAX_BYTES), bom_ok=True)
    except UnreadableFile as exc:
        raise ValueError(str(exc)) from None
    try:
        data = json.loads(text, parse_float=_finite, parse_int=_whole, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("cannot be used: it is nested too deeply") from None
    except _Refused as exc:
        raise ValueError(f"cannot be used: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "text" if isinstance(data, str) else "a single value"
        raise ValueError(f"is not a Khabar results file: it holds {kind}, not a mapping")
    if data.get("format") != RESULTS_FORMAT:
        raise ValueError(f'is not a Khabar results file (it has no "format": "{RESULTS_FORMAT}")')
    if lesson_id is not None and data.get("lesson") != lesson_id:
        raise ValueError(f"holds results of {_quoted(data.get('lesson'))}, not of lesson {lesson_id!r}")
    if _too_deep(data, 6):
        raise ValueError("cannot be used: it is nested too deeply")
    valid, problems = validate(RESULTS_KIND, data, "")
    if problems:
        reasons = [p.path + (": " if p.path else "") + p.message for p in problems[:_MAX_REASONS]]
        more = f"; and {len(problems) - _MAX_REASONS} more" if len(problems) > _MAX_REASONS else ""
        raise ValueError("does not match the results format: " + "; ".join(reasons) + more)
    return valid


def _quoted(value: Any) -> str:
    return repr(value) if isinstance(value, str) and len(value) <= 60 else "another lesson"


def _too_deep(data: Any, limit: int) -> bool:
    """True when lists and mappings are nested more than ``limit`` levels (checked without recursion)."""
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (list, dict)):
            if depth >= limit:
                return True
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return False


def load_class_results(lesson: Lesson, folder: str | Path) -> ClassResults:
    """Read every ``*.json`` results file of this lesson in ``folder``; files that cannot be used are listed, not fatal.

    Each answer is graded again from the lesson's quiz; answers to questions the lesson
    does not have are left out (and listed).
    """
    files, skipped = [], []
    try:
        paths = sorted(Path(folder).glob("*.json"))
    except OSError as exc:
        return ClassResults(lesson, [], [f"{folder}: the folder cannot be read ({exc.strerror or exc})"])
    items = {q.id: q for q in lesson.quiz}
    for path in paths:
        try:
            data = read_results_file(path, lesson.id)
        except ValueError as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        graded, unknown = [], Counter()
        for attempt in data["attempts"]:
            item = items.get(attempt["item"])
            if item is None:
                unknown[attempt["item"]] += 1
                continue
            try:
                result = grade_item(item, attempt["response"])
            except (TypeError, ValueError, KeyError, AttributeError):  # an answer no widget could have given
                result = None
            score = float(result.score) if result is not None else 0.0
            graded.append({**attempt, "score": score, "points": item.points})
        if unknown:
            count = sum(unknown.values())
            skipped.append(
                f"{path.name}: {count} answer{'s' if count != 1 else ''} to questions this lesson does not have "
                f"({', '.join(sorted(unknown))}) left out"
            )
        files.append({**data, "attempts": graded})
    return ClassResults(lesson, files, skipped)
