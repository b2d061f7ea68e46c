"""The khabar command, run as a teacher would run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .conftest import LESSON_ID, ROOT


def khabar(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "helpers.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_validate_prints_a_one_line_summary():
    result = khabar("validate", LESSON_ID)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.strip().splitlines()
    pattern = rf"{LESSON_ID}: valid — 17 paragraphs, 19 sentences, \d+ notes, \d+ glossary entries, \d+ quiz items, "
    pattern += r"\d+ timeline events"
    assert re.fullmatch(pattern, line)


def test_validate_reports_every_problem_and_fails(lesson_copy):
    notes = lesson_copy / "notes.yaml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("kind: spelling", "kind: gossip", 2), encoding="utf-8")
    result = khabar("validate", str(lesson_copy))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all("notes.yaml: entry 'n-" in line and "field 'kind'" in line for line in lines[:2])
    assert lines[-1] == f"{lesson_copy}: INVALID — 2 problems"


def test_validate_without_argument_checks_every_lesson():
    result = khabar("validate")
    assert result.returncode == 0 and result.stdout.startswith(f"{LESSON_ID}: valid")


def test_dump_prints_the_documented_shape():
    result = khabar("dump", LESSON_ID)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["lesson", "sentences", "glossary", "quiz", "timeline", "notes"]
    assert data["lesson"]["id"] == LESSON_ID and data["lesson"]["date"] == "2026-01-27"
    assert len(data["sentences"]) == 19
    assert set(data["sentences"][0]) >= {"id", "ar", "ar_vocalized", "en"}
    assert data["sentences"][0]["ar"].startswith("وقع وزير الخارجية")  # UTF-8, not \\u escapes
    assert data["timeline"] == [] or all("date" in e for e in data["timeline"])
    assert len(data["quiz"]) >= 30 and all({"id", "type", "evidence"} <= set(q) for q in data["quiz"])
    assert len(data["glossary"]) >= 80
    assert all(
        set(g) >= {"id", "forms", "headword", "root", "pos", "gloss", "translit", "sentences", "tags"}
        for g in data["glossary"]
    )
    assert all(set(n) >= {"id", "kind", "sentences", "focus", "title", "text"} for n in data["notes"])


def test_dump_of_a_broken_lesson_fails_cleanly(lesson_copy):
    (lesson_copy / "lesson.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = khabar("dump", str(lesson_copy))
    assert result.returncode == 1 and result.stdout == ""
    assert "lesson.yaml: line 2, column 1: not valid YAML" in result.stderr


def test_unknown_lesson_and_usage_errors():
    result = khabar("validate", "no-such-lesson")
    assert result.returncode == 1 and "no such lesson" in result.stderr
    assert khabar("frobnicate").returncode == 2


def test_generated_schema_validators_are_up_to_date():
    result = khabar("schemas", "--check")
    assert result.returncode == 0, result.stderr


def test_console_script_is_installed():
    exe = ROOT / ".venv" / "bin" / "khabar"
    if not exe.exists():  # installed elsewhere (e.g. a CI venv): find it next to this Python
        exe = type(ROOT)(sys.executable).parent / "khabar"
    result = subprocess.run([str(exe), "lessons"], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == [LESSON_ID]
