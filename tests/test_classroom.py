"""The class folder a teacher reads: one row per student, documented limits, sane numbers, time in proportion."""

from __future__ import annotations

import copy
import json
import math
import re
import time
from pathlib import Path

import pytest

import helpers
from helpers.study import classroom
from helpers.study.classroom import ClassResults, load_class_results
from helpers.views.classroom import NAMED_STUDENTS, class_charts, class_charts_html, class_results_html

from .conftest import LESSON_DIR, LESSON_ID, right_answer, visible_text

SAMPLE = LESSON_DIR / "sample-class" / f"results-{LESSON_ID}-sample-student-1.json"
GOOD = json.loads(SAMPLE.read_text(encoding="utf-8"))


def results_file(folder: Path, name: str, student: str, attempts: list[dict] | None = None) -> Path:
    data = copy.deepcopy(GOOD)
    data["student"] = student
    if attempts is not None:
        data["attempts"] = attempts
    for attempt in data["attempts"]:
        attempt["student"] = student
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def all_wrong(lesson: helpers.Lesson, items: list[str] | None = None) -> list[dict]:
    """An answer to every question (or to ``items``) that earns nothing (the file claims full marks all the same)."""
    return [{"item": q.id, "response": None, "score": q.points, "points": q.points} for q in lesson.quiz
            if items is None or q.id in items]  # fmt: skip


def shown_students(html: str) -> tuple[int, int]:
    """(the count the report states, the rows of its student table)."""
    text = visible_text(html)
    count = int(re.search(r"(\d+) students\.", text).group(1))
    table = html.split("<table", 2)[1]
    return count, table.count("<tr>") - 1


# -- one student, one row -----------------------------------------------------------------------


def test_two_files_of_one_student_are_counted_together_and_said_so(lesson, tmp_path):
    first = load_class_results(lesson, LESSON_DIR / "sample-class").student_scores()["sample-student-1"]
    results_file(tmp_path, "results-a.json", "sample-student-1")
    answered = [a["item"] for a in GOOD["attempts"]]
    results_file(tmp_path, "results-b.json", "sample-student-1", all_wrong(lesson, answered))  # a later, empty exam
    results = load_class_results(lesson, tmp_path)
    assert results.students == ["sample-student-1"]
    assert results.student_scores()["sample-student-1"] == first  # the better answers are kept, not replaced
    assert results.notes == [
        "results-a.json, results-b.json: 2 files of the same student 'sample-student-1': their answers are counted "
        "together (the best answer to each question)"
    ]
    assert results.skipped == []
    html = class_results_html(results)
    assert shown_students(html) == (1, 1)
    assert "2 files of the same student" in visible_text(html)


def test_names_that_differ_in_any_way_are_different_students(lesson, tmp_path):
    names = ["Amina", "amina", "Amina ", "أمينة", "امينة"]
    for n, name in enumerate(names):
        results_file(tmp_path, f"results-{n}.json", name)
    results = load_class_results(lesson, tmp_path)
    assert results.students == sorted(names) and results.notes == []
    assert shown_students(class_results_html(results)) == (5, 5)
    assert visible_text(class_charts_html(results)).count("%") == len(results.item_difficulty()) + len(names)


def test_the_count_and_the_rows_agree_for_the_sample_class(lesson):
    results = load_class_results(lesson, LESSON_DIR / "sample-class")
    assert shown_students(class_results_html(results)) == (6, 6)


# -- limits -------------------------------------------------------------------------------------


def test_the_limits_are_documented():
    assert (classroom.MAX_FILES, classroom.MAX_FILE_BYTES, classroom.MAX_FOLDER_BYTES) == (
        2_000,
        1_000_000,
        100_000_000,
    )
    doc = classroom.__doc__
    assert "2,000" in doc and "1 MB" in doc and "100 MB" in doc


def test_files_beyond_the_limit_are_listed_as_left_out(lesson, tmp_path):
    for n in range(7):
        results_file(tmp_path, f"results-{n}.json", f"student-{n}", [])
    results = load_class_results(lesson, tmp_path, max_files=4)
    assert results.students == [f"student-{n}" for n in range(4)]
    assert results.skipped == [
        "results-4.json … results-6.json (3 files): left out: a class folder is read up to 4 files; put the rest "
        "in another"
    ]


def test_a_folder_beyond_its_byte_budget_is_read_up_to_it(lesson, tmp_path):
    for n in range(3):
        results_file(tmp_path, f"results-{n}.json", f"student-{n}")
    size = (tmp_path / "results-0.json").stat().st_size
    results = load_class_results(lesson, tmp_path, max_bytes=2 * size + 10)
    assert results.students == ["student-0", "student-1"]
    assert results.skipped == [
        f"results-2.json (1 file): left out: a class folder is read up to {(2 * size + 10) / 1e6:g} MB in all; put "
        "the rest in another"
    ]


def test_a_file_over_one_megabyte_is_skipped(lesson, tmp_path):
    big = results_file(tmp_path, "results-big.json", "big")
    big.write_text(big.read_text(encoding="utf-8") + " " * 1_000_001, encoding="utf-8")
    results_file(tmp_path, "results-ok.json", "ok")
    results = load_class_results(lesson, tmp_path)
    assert results.students == ["ok"]
    [line] = results.skipped
    assert line.startswith("results-big.json: is 1.0 MB; the kit reads files of at most 1 MB")


@pytest.mark.parametrize(
    ("make", "line"),
    [(lambda p: None, "{p}: no such folder"), (lambda p: p.write_text("x"), "{p}: is a file, not a folder")],
    ids=["missing", "a-file"],
)
def test_a_class_folder_that_is_not_a_folder_is_said_so(lesson, tmp_path, make, line):
    where = tmp_path / "class"
    make(where)
    results = load_class_results(lesson, where)
    assert results.students == [] and results.skipped == [line.format(p=where)]


def test_a_thousand_files_load_and_show_quickly(lesson, tmp_path):
    """A smoke test only: the measured times are in the benchmark report."""
    attempts = [{"item": q.id, "response": right_answer(q), "score": 0, "points": q.points} for q in lesson.quiz[:5]]
    for n in range(1_000):
        results_file(tmp_path, f"results-{n:04d}.json", f"student-{n:04d}", attempts)
    start = time.perf_counter()
    results = load_class_results(lesson, tmp_path)
    html = class_results_html(results) + class_charts_html(results)
    assert time.perf_counter() - start < 20  # about 0.3 s on a laptop; far slower means something is quadratic
    assert len(results.students) == 1_000 and results.skipped == []
    assert html.count("100%") >= 1_000  # each answer was graded again: all right


# -- numbers shown ------------------------------------------------------------------------------


def test_scores_shown_are_never_inf_or_nan(lesson):
    item = lesson.quiz[0]

    def attempt(score: float) -> dict:
        return {"item": item.id, "response": "b", "score": score, "points": item.points}

    scores = [math.inf, -math.inf, math.nan, 1e308, -5.0]
    files = [{"student": f"student-{n}", "attempts": [attempt(score)]} for n, score in enumerate(scores)]
    results = ClassResults(lesson, files, [])
    for html in (class_results_html(results), class_charts_html(results)):
        assert "inf" not in visible_text(html).lower() and "nan" not in visible_text(html).lower()
        shares = re.findall(r"([-+.\w]+)%", html)
        assert len(shares) >= len(scores) and all(p.isdigit() and 0 <= int(p) <= 100 for p in shares), shares
    cells = re.findall(r'<td class="khabar-cell">([^<]*)</td>', str(class_results_html(results)))
    assert [c for c in cells if " / " in c] == ["0 / 1"] * 3 + ["1 / 1", "0 / 1"]  # earned within 0 … the points


def test_the_chart_of_a_large_class_shows_bands_instead_of_names(lesson, tmp_path):
    for n in range(NAMED_STUDENTS + 1):
        results_file(tmp_path, f"results-{n:03d}.json", f"$student-{n:03d}$", [])
    results = load_class_results(lesson, LESSON_DIR / "sample-class")
    small = class_charts(results)
    assert [t.get_text() for t in small.axes[1].get_yticklabels()] == results.students
    large = class_charts(load_class_results(lesson, tmp_path))
    assert large.axes[1].get_title() == f"Scores of the {NAMED_STUDENTS + 1} students"
    assert sum(bar.get_height() for bar in large.axes[1].patches) == NAMED_STUDENTS + 1
