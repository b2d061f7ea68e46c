"""The khabar command, run as a teacher would run it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from .conftest import LESSON_ID, ROOT


def khabar(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "helpers.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, **env},
    )  # fmt: skip


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
    assert len(data["timeline"]) == 22 and all(
        {"date", "precision", "source", "confidence"} <= set(e) for e in data["timeline"]
    )
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
    assert result.stderr == (
        f"1 problem in the lesson:\n  {lesson_copy / 'lesson.yaml'}: line 1: the [ opened here is not closed with ]\n"
    )


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
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == LESSON_ID


def test_lessons_are_listed_with_their_titles(lesson_copy):
    other = lesson_copy.parent / "a-second-lesson"
    other.mkdir()
    (other / "lesson.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (lesson_copy.parent / "schema").mkdir()
    result = khabar("lessons", KHABAR_MATERIALS=str(lesson_copy.parent))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "a-second-lesson       (lesson.yaml has problems: run khabar validate a-second-lesson)",
        f"{LESSON_ID}  Israel and Kazakhstan sign a memorandum to waive visas",
    ]


def test_help_is_plain_text():
    result = khabar("--help")
    assert result.returncode == 0
    assert "khabar lessons" in result.stdout and "khabar schemas --check" in result.stdout
    assert "``" not in result.stdout and ":func:" not in result.stdout


def test_dump_into_a_closed_pipe_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `khabar dump | head` once head has exited
    try:
        result = subprocess.run(
            [sys.executable, "-m", "helpers.cli", "dump", LESSON_ID], cwd=ROOT, stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1


def test_dump_piped_into_head_prints_no_traceback():
    dump = subprocess.Popen(
        [sys.executable, "-m", "helpers.cli", "dump", "--indent", LESSON_ID], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert dump.stdout is not None and dump.stderr is not None
    first = dump.stdout.read(100)
    dump.stdout.close()  # the reader goes away after a few lines
    errors = dump.stderr.read().decode("utf-8")
    assert dump.wait(timeout=60) == 1
    assert first.startswith(b"{") and errors == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["worksheet", LESSON_ID, "--out", "{tmp}"], "khabar worksheet: {tmp}: is a directory"),
        (["worksheet", LESSON_ID, "--out", "{tmp}/a-file/w.html"], "khabar worksheet: {tmp}/a-file: file exists"),
        (["export", LESSON_ID, "--csv", "{tmp}"], "khabar export: {tmp}: is a directory"),
        (["validate", "{tmp}/a-file"], "{tmp}/a-file: no such lesson (lessons available: kazakhstan-visa-2026)"),
    ],
    ids=["worksheet-into-a-folder", "worksheet-under-a-file", "csv-into-a-folder", "validate-a-file"],
)
def test_bad_input_gives_one_line_and_no_traceback(tmp_path, args, message):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = khabar(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 1
    assert message.format(tmp=tmp_path) in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
