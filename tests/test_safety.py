"""Text from a lesson or a results file reaches spreadsheets and terminals defused."""

from __future__ import annotations

import csv

import pytest

import helpers
from helpers.text.safe import spreadsheet_cell, terminal_text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(start):
    cell = spreadsheet_cell(f'{start}HYPERLINK("http://evil.example", "click")')
    assert cell.startswith("'" + start)


def test_numbers_and_ordinary_text_are_left_alone():
    assert spreadsheet_cell(-3) == -3
    assert spreadsheet_cell("to sign") == "to sign"
    assert spreadsheet_cell("وقّع") == "وقّع"


def test_the_glossary_csv_defuses_a_formula_in_a_gloss(lesson_copy, tmp_path):
    glossary = lesson_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    first_gloss = text.index("gloss: ") + len("gloss: ")
    line_end = text.index("\n", first_gloss)
    glossary.write_text(text[:first_gloss] + '"=HYPERLINK(1) to sign"' + text[line_end:], encoding="utf-8")
    lesson = helpers.load_lesson(lesson_copy)
    path = helpers.export_csv(lesson, tmp_path / "words.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    glosses = [row["gloss"] for row in rows]
    assert "'=HYPERLINK(1) to sign" in glosses
    assert not any(g.startswith(("=", "+", "@")) for g in glosses)


def test_terminal_text_shows_escapes_instead_of_running_them():
    faked = "q-1\x1b[2K\r kazakhstan-visa-2026: valid"
    shown = terminal_text(faked)
    assert "\x1b" not in shown and "\r" not in shown
    assert shown.startswith("q-1\\x1b[2K\\x0d")
    assert terminal_text("\u202eabc") == "\\u202eabc"


def test_a_lesson_or_progress_error_in_a_notebook_cell_shows_its_message_not_a_traceback(lesson_copy, tmp_path):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    (lesson_copy / "notes.yaml").write_text("notes:\n\t- id: x\n", encoding="utf-8")
    bad = tmp_path / "results.json"
    bad.write_text('{"format": "khabar-results/1"}', encoding="utf-8")
    shell = InteractiveShell.instance()
    for cell, expected in [
        (f"import helpers; helpers.load_lesson({str(lesson_copy)!r})", "The lesson could not be loaded. 1 problem"),
        (f"import helpers; helpers.open_progress({str(bad)!r})", "is a JSON file, not a Khabar progress database"),
    ]:
        with capture_output() as shown:
            result = shell.run_cell(cell)
        assert result.error_in_exec is not None
        assert expected in shown.stdout
        assert "Traceback" not in shown.stdout and "File " not in shown.stdout
    assert bad.read_text(encoding="utf-8") == '{"format": "khabar-results/1"}'
