"""For teachers: a class's results, read from the files students export.

Results files are what students export from the quiz (``results-<lesson>-<student>.json``,
format ``khabar-results/1``, described by ``materials/schema/results.schema.json``). They
are the one input the kit takes from outside, so each is read with care: only regular
files of at most 1 MB, only strict JSON (no ``NaN``), only what the schema allows (no
markup in names, no huge numbers, no deep nesting). A file that fails any of this is
listed in ``skipped`` with the reason, never raised. Every answer is graded again from
the lesson's quiz: the score written in a file is not trusted.

Limits of a class folder: at most :data:`MAX_FILES` (2,000) files are read, in the order of
their names, and at most :data:`MAX_FOLDER_BYTES` (100 MB) in all; the files beyond are
listed as left out. Reading and the class view take time in proportion to the files read.

One student, one row: two files with the same student name (an export made twice, or a
copy) are counted together — the best answer to each question over both — and ``notes``
says so. Names that differ in any way are different students.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from pathlib import Path

from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.lesson.schema import RESULTS_KIND, validate
from helpers.lesson.yamlio import UnreadableFile, decode_text, read_bytes
from helpers.study.scoring import best_by_item, grade_item

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_FOLDER_BYTES",
    "RESULTS_FORMAT",
    "SAMPLE_CLASS",
    "ClassResults",
    "load_class_results",
    "read_results_file",
    "sample_class",
]

RESULTS_FORMAT = "khabar-results/1"
#: The most results files read from one class folder (by name; the rest are listed as left out).
MAX_FILES = 2_000
#: The largest results file read (a quiz of 40 questions answered a few times is about 10 kB).
MAX_FILE_BYTES = 1_000_000
#: The most bytes read from one class folder, over all its files.
MAX_FOLDER_BYTES = 100_000_000
_MAX_BYTES = MAX_FILE_BYTES  # the name earlier versions used
#: The folder, inside a lesson's own, of its made-up sample class (optional).
SAMPLE_CLASS = "sample-class"
_MAX_REASONS = 3  # schema problems quoted per skipped file


class ClassResults:
    """The results files of a class for one lesson.

    ``files`` holds the files that were read, each with its attempts graded again
    (``score`` and ``points`` from the lesson's quiz); ``skipped`` one line per file
    left out (or group of files beyond a limit), or per answers left out of a file;
    ``notes`` one line per student whose answers came in more than one file (counted
    together). A student is one row however many files hold their answers:
    :attr:`students` and every table agree.
    """

    def __init__(
        self, lesson: Lesson, files: list[dict[str, Any]], skipped: list[str], notes: list[str] | None = None
    ) -> None:
        self.lesson, self.files, self.skipped = lesson, files, skipped
        self.notes: list[str] = list(notes or [])

    def _attempts(self) -> dict[str, list[dict[str, Any]]]:
        """student → every graded attempt, over all of the student's files (students in sorted order)."""
        by_student: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in self.files:
            by_student[f["student"]].extend(f["attempts"])
        return dict(sorted(by_student.items()))

    @property
    def students(self) -> list[str]:
        """Every student with a file read, each once, sorted."""
        return list(self._attempts())

    def best_scores(self) -> dict[str, dict[str, float]]:
        """student → item → best score."""
        return {student: best_by_item(attempts) for student, attempts in self._attempts().items()}

    def item_difficulty(self) -> dict[str, float]:
        """item → share of the points the class earned (lower = harder), over students who answered."""
        shares: dict[str, list[float]] = defaultdict(list)
        points = {q.id: q.points for q in self.lesson.quiz}
        for best in self.best_scores().values():
            for item, score in best.items():
                if points.get(item):
                    shares[item].append(min(max(score / points[item], 0.0), 1.0))
        return {q.id: sum(shares[q.id]) / len(shares[q.id]) for q in self.lesson.quiz if shares[q.id]}

    def student_scores(self) -> dict[str, tuple[float, int]]:
        """student → (points earned, points of the items answered), for every student."""
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
        text = decode_text(read_bytes(Path(path), MAX_FILE_BYTES), bom_ok=True)
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


def _results_paths(folder: Path) -> list[Path]:
    """The ``*.json`` files of a folder, sorted by name (``OSError`` if it cannot be listed)."""
    with os.scandir(folder) as entries:
        return [folder / name for name in sorted(e.name for e in entries if e.name.endswith(".json"))]


def _left_out(paths: list[Path], why: str) -> str:
    """One line for the files beyond a limit: how many, which (first and last), why."""
    which = paths[0].name if len(paths) == 1 else f"{paths[0].name} … {paths[-1].name}"
    return f"{which} ({len(paths):,} file{'s' if len(paths) != 1 else ''}): left out: {why}"


def _score(item: QuizItem, result: Any) -> float:
    """The points of a graded answer, a finite number between 0 and the item's points."""
    try:
        score = float(result.score) if result is not None else 0.0
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return min(max(score, 0.0), float(item.points)) if math.isfinite(score) else 0.0


def sample_class(lesson: Lesson) -> Path:
    """The folder of the lesson's made-up sample class, to show what the class view looks like.

    It is ``sample-class/`` in the lesson's folder; a lesson may have none, and then the class view read from this
    folder says so.

    >>> from helpers import load_lesson
    >>> sample_class(load_lesson()).name
    'sample-class'
    """
    return lesson.folder / SAMPLE_CLASS


def load_class_results(
    lesson: Lesson, folder: str | Path, max_files: int = MAX_FILES, max_bytes: int = MAX_FOLDER_BYTES
) -> ClassResults:
    """Read the ``*.json`` results files of this lesson in ``folder``; files that cannot be used are listed, not fatal.

    At most ``max_files`` files (by name) and ``max_bytes`` bytes in all are read; the rest are
    listed as left out. Each answer is graded again from the lesson's quiz (one grading per
    distinct answer to a question); answers to questions the lesson does not have are left
    out and listed in ``skipped``. The file's ``student`` says whose answers they are (a name
    corrected there counts for all of them). Two files of one student are counted together,
    and listed in ``notes``.
    """
    files: list[dict[str, Any]] = []
    skipped: list[str] = []
    where = Path(folder)
    if not where.is_dir():
        if where == sample_class(lesson) and not where.exists():
            why = f"the lesson {lesson.id} has no sample class: give the folder of your class's results files instead"
            return ClassResults(lesson, [], [why])
        what = "is a file, not a folder" if where.exists() else "no such folder"
        return ClassResults(lesson, [], [f"{folder}: {what}"])
    try:
        paths = _results_paths(where)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        return ClassResults(lesson, [], [f"{folder}: the folder cannot be read ({reason})"])
    if len(paths) > max_files:
        skipped.append(
            _left_out(paths[max_files:], f"a class folder is read up to {max_files:,} files; put the rest in another")
        )
        paths = paths[:max_files]
    items = {q.id: q for q in lesson.quiz}
    graded_once: dict[tuple[str, str], float] = {}
    files_of: dict[str, list[str]] = defaultdict(list)
    notes: list[str] = []
    total = 0
    for n, path in enumerate(paths):
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0
        if total + size > max_bytes:
            why = f"a class folder is read up to {max_bytes / 1e6:g} MB in all; put the rest in another"
            skipped.append(_left_out(paths[n:], why))
            break
        total += size
        try:
            data = read_results_file(path, lesson.id)
        except ValueError as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        student = data["student"]
        graded, unknown = [], Counter()
        for attempt in data["attempts"]:
            item = items.get(attempt["item"])
            if item is None:
                unknown[attempt["item"]] += 1
                continue
            key = (item.id, json.dumps(attempt["response"], sort_keys=True, ensure_ascii=False))
            if key not in graded_once:
                try:
                    result = grade_item(item, attempt["response"])
                except (TypeError, ValueError, KeyError, AttributeError):  # an answer no widget could have given
                    result = None
                graded_once[key] = _score(item, result)
            graded.append({**attempt, "score": graded_once[key], "points": item.points})
        if unknown:
            count = sum(unknown.values())
            skipped.append(
                f"{path.name}: {count} answer{'s' if count != 1 else ''} to questions this lesson does not have "
                f"({', '.join(sorted(unknown))}) left out"
            )
        files_of[student].append(path.name)
        files.append({**data, "attempts": graded})
    for student, names in sorted(files_of.items()):
        if len(names) > 1:
            notes.append(
                f"{', '.join(names)}: {len(names)} files of the same student {student!r}: their answers are counted "
                "together (the best answer to each question)"
            )
    return ClassResults(lesson, files, skipped, notes)
