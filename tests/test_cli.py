"""The khabar command, run as a teacher would run it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import cli

from .conftest import LESSON_ID, ROOT

USAGE, PROBLEMS, CANNOT_WRITE, INTERNAL = 2, 1, 3, 4


def khabar(*args: str, cwd: Path = ROOT, preexec_fn=None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "helpers.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env}, preexec_fn=preexec_fn,
    )  # fmt: skip


def one_line_failure(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command printed on stderr (and no traceback)."""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    return line


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
    lesson = helpers.load_lesson()
    assert len(data["timeline"]) == len(lesson.timeline) and all(
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
    assert result.returncode == PROBLEMS and "no such lesson" in result.stderr
    assert khabar("frobnicate").returncode == USAGE


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
    assert result.returncode == CANNOT_WRITE


def test_dump_piped_into_head_prints_no_traceback():
    dump = subprocess.Popen(
        [sys.executable, "-m", "helpers.cli", "dump", "--indent", LESSON_ID], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert dump.stdout is not None and dump.stderr is not None
    first = dump.stdout.read(100)
    dump.stdout.close()  # the reader goes away after a few lines
    errors = dump.stderr.read().decode("utf-8")
    assert dump.wait(timeout=60) == CANNOT_WRITE
    assert first.startswith(b"{") and errors == ""


# -- exit statuses, and files written whole or not at all ----------------------------------------


def test_help_documents_every_exit_status():
    result = khabar("--help")
    for status, words in [(0, "all is well"), (1, "a lesson or a student's results have problems"),
                          (2, "bad usage"), (3, "a file or folder could not be read or written"),
                          (4, "an unexpected error inside the kit")]:  # fmt: skip
        assert re.search(rf"^ +{status} +{re.escape(words)}", result.stdout, re.M), status
    assert "--force" in khabar("export", "--help").stdout


def progress_with(tmp_path: Path, *students: str) -> Path:
    """A progress file holding one answer from each student."""
    db = tmp_path / "progress.sqlite3"
    store = helpers.open_progress(db)
    for student in students:
        store.record_attempt(LESSON_ID, student, "q-signing-who", "b", 1.0, 1, "exam")
    store.close()
    return db


REFUSED = [
    (["export"], USAGE, "khabar export: say where to write: --anki FILE, --csv FILE (the glossary), --moodle-xml FILE, "
     "--gift FILE, --qti FILE (the quiz)"),
    (["export", "--csv", ""], USAGE, "khabar export: --csv needs a file name (it was given an empty one)"),
    (["worksheet", "--out", " "], USAGE, "khabar worksheet: --out needs a file name (it was given an empty one)"),
    (["export", "--csv", "{tmp}/x", "--anki", "{tmp}/x"], USAGE,
     "khabar export: --anki and --csv both name {tmp}/x: give each its own file"),
    (["export", "--csv", "{tmp}/x", "--anki", "{tmp}/./x"], USAGE,
     "khabar export: --anki and --csv both name {tmp}/x: give each its own file"),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r", "--csv", "{tmp}/r", "--data", "{db}"], USAGE,
     "khabar results export: --json and --csv both name {tmp}/r: give each its own file"),
    (["results", "export", "--student", "", "--json", "{tmp}/r.json", "--data", "{db}"], USAGE,
     "khabar results export: --student needs the name or id typed in the quiz"),
    (["worksheet", "--out", "/dev/full"], CANNOT_WRITE,
     "khabar worksheet: /dev/full: is a device or a pipe, not a file to write"),
    (["worksheet", "--out", "{tmp}/a-file/w.html"], CANNOT_WRITE,
     "khabar worksheet: {tmp}/a-file: is a file, not a folder"),
    (["export", "--anki", "{tmp}/a-file/deeper/d.apkg"], CANNOT_WRITE,
     "khabar export: {tmp}/a-file: is a file, not a folder"),
    (["export", "--csv", "{tmp}/existing.csv"], CANNOT_WRITE,
     "khabar export: {tmp}/existing.csv: exists already; add --force to replace it, or give another name"),
    (["export", "--csv", "{tmp}/new.csv", "--anki", "{tmp}/existing.csv"], CANNOT_WRITE,
     "khabar export: {tmp}/existing.csv: exists already; add --force to replace it, or give another name"),
    (["worksheet", "--out", "{tmp}/dangling"], CANNOT_WRITE, "khabar worksheet: {tmp}/dangling: is a link to nothing"),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r.json", "--data", "{tmp}/existing.csv"],
     CANNOT_WRITE, "khabar results export: {tmp}/existing.csv: is not a Khabar progress file (it is not an SQLite "
     "database); --data names the progress file (progress.sqlite3), not a results file"),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r.json", "--data", "{tmp}/empty"], CANNOT_WRITE,
     "khabar results export: {tmp}/empty: is not a Khabar progress file (it is empty); --data names the progress "
     "file (progress.sqlite3), not a results file"),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r.json", "--data", "{tmp}/other.sqlite3"],
     CANNOT_WRITE, "khabar results export: {tmp}/other.sqlite3 is another program's SQLite database (its tables: "
     "foo), not a Khabar progress file; it was left as it is."),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r.json", "--data", "{tmp}/none.sqlite3"],
     CANNOT_WRITE, "khabar results export: {tmp}/none.sqlite3: no such file"),
    (["results", "export", "--student", "dina", "--json", "{tmp}/r.json", "--data", "{tmp}"], CANNOT_WRITE,
     "khabar results export: {tmp}: is a folder, not a progress file"),
    (["results", "export", "--student", "nobody", "--json", "{tmp}/r.json", "--data", "{db}"], PROBLEMS,
     "khabar results export: no answers from 'nobody' in {db} (students: 'dina')"),
    (["results", "export", "--student", "x\x1b[2K\r", "--json", "{tmp}/r.json", "--data", "{db}"], PROBLEMS,
     "khabar results export: no answers from 'x\\x1b[2K\\r' in {db} (students: 'dina')"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "status", "message"), REFUSED, ids=[
    "no-output", "empty-csv", "blank-out", "same-file-twice", "same-file-spelt-twice", "results-same-file-twice",
    "empty-student", "device", "under-a-file", "deeper-under-a-file", "exists", "second-exists", "dangling-link",
    "data-not-a-database", "data-empty", "data-of-another-program", "data-missing", "data-folder",
    "no-such-student", "escapes-in-student",
])  # fmt: skip
def test_a_command_that_cannot_be_done_says_why_in_one_line_and_writes_nothing(tmp_path, args, status, message):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "existing.csv").write_text("keep me", encoding="utf-8")
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    other = sqlite3.connect(tmp_path / "other.sqlite3")
    other.execute("CREATE TABLE foo (x)")
    other.commit()
    other.close()
    db = progress_with(tmp_path / "store", "dina")

    def files() -> dict[Path, bytes]:  # the progress file's bytes change when it is opened: only its name counts
        return {p: b"" if p.parent == db.parent else p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    before = files()
    result = khabar(*(a.format(tmp=tmp_path, db=db) for a in args))
    assert result.returncode == status
    assert one_line_failure(result) == message.format(tmp=tmp_path, db=db)
    assert result.stdout == ""
    assert files() == before  # nothing written, moved or replaced


def test_a_folder_gets_the_usual_file_name_and_a_file_is_replaced_only_when_asked(tmp_path):
    first = khabar("export", "--csv", str(tmp_path), "--anki", f"{tmp_path}/decks/")
    assert first.returncode == 0, first.stderr
    csv_file, deck = tmp_path / f"khabar-{LESSON_ID}.csv", tmp_path / "decks" / f"khabar-{LESSON_ID}.apkg"
    n = len(helpers.load_lesson().glossary)
    assert first.stdout.splitlines() == [f"{deck}: Anki deck, {n} notes", f"{csv_file}: CSV, {n} rows"]
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf") and deck.stat().st_size > 0
    again = khabar("export", "--csv", str(tmp_path))
    assert again.returncode == CANNOT_WRITE
    assert one_line_failure(again) == (
        f"khabar export: {csv_file}: exists already; add --force to replace it, or give another name"
    )
    forced = khabar("export", "--csv", str(tmp_path), "--force")
    assert forced.returncode == 0
    assert forced.stdout == f"{csv_file}: CSV, {n} rows (replaced the file that was there)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decks", csv_file.name]  # no partial file left


def test_results_of_students_whose_names_look_alike_go_to_separate_files(tmp_path):
    names = ["Ali Hassan", "Ali_Hassan", "Ali/Hassan", "علي حسن", "ali_hassan"]
    db = progress_with(tmp_path, *names)
    out = tmp_path / "to-the-teacher"
    out.mkdir()
    for name in names:
        result = khabar(
            "results", "export", "--student", name, "--json", str(out), "--csv", str(out), "--data", str(db)
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.count(f": results of {name}\n") == 2
    files = sorted(out.glob("*.json"))
    assert len(files) == len(names) == len(set(f.name.casefold() for f in files))
    assert sorted(json.loads(f.read_text(encoding="utf-8"))["student"] for f in files) == sorted(names)
    assert len(list(out.glob("*.csv"))) == len(names)


def test_a_name_that_a_results_file_cannot_hold_is_refused_before_writing(tmp_path):
    db = progress_with(tmp_path, "<b>dina</b>")
    result = khabar("results", "export", "--student", "<b>dina</b>", "--json", str(tmp_path / "r.json"),
                    "--data", str(db))  # fmt: skip
    assert result.returncode == PROBLEMS
    assert "cannot go in a results file" in one_line_failure(result)
    assert not (tmp_path / "r.json").exists()


def limited_file_size(limit: int = 20_000):
    """For a child process: files it writes cannot grow past ``limit`` bytes, as on a full disk."""
    import resource
    import signal

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(
    "args",
    [["export", "--anki", "{out}"], ["export", "--csv", "{out}"], ["worksheet", "--key", "--out", "{out}"]],
    ids=["anki", "csv", "worksheet"],
)
def test_a_full_disk_leaves_the_earlier_file_whole(tmp_path, args):
    out = tmp_path / "sub" / "earlier-file"
    out.parent.mkdir()
    out.write_text("the earlier file, whole", encoding="utf-8")
    result = khabar(*(a.format(out=out) for a in args), "--force", preexec_fn=limited_file_size())
    assert result.returncode == CANNOT_WRITE
    line = one_line_failure(result)
    assert line.startswith(f"khabar {args[0]}: ") and ("file too large" in line or "could not be built" in line)
    assert out.read_text(encoding="utf-8") == "the earlier file, whole"
    assert [p.name for p in out.parent.iterdir()] == ["earlier-file"]  # no partial file left


def test_a_full_disk_leaves_no_new_file_and_no_new_folder(tmp_path):
    result = khabar("worksheet", "--out", str(tmp_path / "new" / "folder" / "w.html"), preexec_fn=limited_file_size())
    assert result.returncode == CANNOT_WRITE
    assert one_line_failure(result) == f"khabar worksheet: {tmp_path}/new/folder/w.html: file too large"
    assert list(tmp_path.iterdir()) == []


def test_dump_onto_a_full_disk_says_so(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "helpers.cli", "dump", LESSON_ID], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
            text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == CANNOT_WRITE
    assert one_line_failure(result) == "khabar dump: standard output: no space left on device"


def test_dump_with_standard_output_closed_says_so():
    result = khabar("dump", LESSON_ID, preexec_fn=lambda: os.close(1))  # like khabar dump >&-
    assert result.returncode == CANNOT_WRITE
    assert one_line_failure(result) == "khabar dump: standard output is closed"


def test_an_unexpected_error_is_one_line_unless_debugging(monkeypatch, capsys):
    def broken(_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_lessons", broken)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert cli.main(["lessons"]) == INTERNAL
    assert (
        capsys.readouterr().err
        == f"khabar lessons: unexpected RuntimeError: boom (set {cli.DEBUG_ENV}=1 for details)\n"
    )
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["lessons"])


# -- text from files cannot act on the terminal --------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_an_id_with_terminal_escapes_is_shown_not_obeyed(lesson_copy):
    glossary = lesson_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text.replace("  - id: g-waqqaa\n", f'  - id: "g-waqqaa\\e[2K\\r{LESSON_ID}: valid \\u202e"\n', 1),
        encoding="utf-8",
    )
    result = khabar("validate", str(lesson_copy))
    assert result.returncode == PROBLEMS
    out = result.stdout + result.stderr
    assert not CONTROL.search(out)  # no escape, carriage return or direction override reaches the terminal
    assert "g-waqqaa\\x1b[2K" in out
    assert not any(line.startswith(f"{LESSON_ID}: valid") for line in out.splitlines())
    assert result.stderr.splitlines()[-1] == f"{lesson_copy}: INVALID — 1 problem"


def test_lesson_folders_and_titles_are_listed_with_their_control_characters_shown(lesson_copy):
    evil = lesson_copy.parent / "evil\x1b[2K\rlesson"
    evil.mkdir()
    (evil / "lesson.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    lesson_yaml = lesson_copy / "lesson.yaml"
    text = lesson_yaml.read_text(encoding="utf-8")
    title = "Israel and Kazakhstan sign a memorandum to waive visas"
    lesson_yaml.write_text(text.replace(f"en: {title}\n", f'en: "\\e]0;pwned\\a{title}"\n', 1), encoding="utf-8")
    result = khabar("lessons", KHABAR_MATERIALS=str(lesson_copy.parent))
    assert result.returncode == 0, result.stderr
    assert not CONTROL.search(result.stdout + result.stderr)
    assert result.stdout.splitlines()[0].startswith("evil\\x1b[2K\\x0dlesson  (lesson.yaml has problems")
