"""The progress store: survives restarts, kill -9, concurrent writers, locks, full disks, read-only places, damage
found at open or later, and files that are not progress at all (refused, and left exactly as they were).

Where a test needs a read-only place or a full disk it makes a real one when this machine lets it (a tmpfs
mounted and remounted read-only as root, where ``mount`` works; ``chmod`` as any other user) and, always, a
simulated one too, by fault injection: SQLite's own error ("attempt to write a readonly database", "database or
disk is full") raised by the connection, and ``os.rename`` failing as on a read-only file system. Each test's
docstring says which it uses.
"""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import helpers
from helpers.lesson.paths import DATA_ENV, user_data_dir
from helpers.study import progress as progress_module
from helpers.study.progress import (
    APPLICATION_ID,
    NotAProgressFile,
    ProgressChange,
    ProgressError,
    ProgressStore,
    ProgressWarning,
    open_progress,
)
from helpers.study.srs import GOOD, CardState, review

from .conftest import ROOT, right_answer

T0 = datetime(2026, 1, 27, 9, 0)
READ_ONLY = "Your progress is read-only here: answers are kept for this session only."


def _fill(store: ProgressStore, attempts: int = 5) -> None:
    store.record_review("L", "g-x:ar-en", GOOD, review(CardState.new(T0), GOOD, T0), T0)
    store.set_known_many("L", ["g-a", "g-b"])
    for i in range(attempts):
        store.record_attempt("L", "ana", f"q-{i}", {"answer": "نعم", "n": i}, 1.0, 1, when=T0 + timedelta(minutes=i))


def _content(store: ProgressStore) -> tuple[object, ...]:
    return (store.card_states("L"), store.reviews("L"), store.known("L"), store.attempts("L"))


def _quietly(path: Path, **options: float) -> tuple[ProgressStore, list[str]]:
    """Open ``path``, returning the store and the warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        store = open_progress(path, **options)
    return store, [str(w.message) for w in caught if issubclass(w.category, ProgressWarning)]


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: (p.read_bytes() if p.is_file() else b"") for p in folder.iterdir()}


def test_progress_survives_closing_and_reopening(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    state = review(CardState.new(T0), GOOD, T0)
    store.record_review("L", "g-x:ar-en", GOOD, state, T0)
    store.set_known("L", "g-y")
    store.close()
    again, said = _quietly(path)
    assert said == [] and again.persistent and again.warning is None
    assert again.card_states("L") == {"g-x:ar-en": state}
    assert again.known("L") == {"g-y"} and again.known("other") == set()
    assert again.reviews("L") == [("g-x:ar-en", GOOD, T0)]
    again.set_known("L", "g-y", False)
    assert again.known("L") == set()


def test_data_folder_comes_from_the_environment_or_the_argument(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "d"))
    assert user_data_dir() == tmp_path / "d"
    assert ProgressStore().path == tmp_path / "d" / "progress.sqlite3"
    assert ProgressStore(tmp_path / "x.db").path == tmp_path / "x.db"


def test_a_new_file_is_marked_as_khabar_progress(tmp_path):
    path = tmp_path / "progress.sqlite3"
    open_progress(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == int.from_bytes(b"KHBR", "big")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


#: The tables as the kit made them before it marked its files (no application id, no layout version).
_SCHEMA_BEFORE_THE_MARK = """
CREATE TABLE IF NOT EXISTS cards (
    lesson TEXT NOT NULL, card TEXT NOT NULL, repetitions INTEGER NOT NULL, interval_days REAL NOT NULL,
    ease REAL NOT NULL, due TEXT NOT NULL, PRIMARY KEY (lesson, card));
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, card TEXT NOT NULL, grade INTEGER NOT NULL,
    reviewed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, student TEXT NOT NULL, item TEXT NOT NULL,
    mode TEXT NOT NULL, response TEXT NOT NULL, score REAL NOT NULL, points INTEGER NOT NULL, answered TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS known (
    lesson TEXT NOT NULL, entry TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (lesson, entry));
"""


def test_a_progress_file_from_before_the_mark_opens_with_everything_in_it(tmp_path):
    path = tmp_path / "progress.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA_BEFORE_THE_MARK)
    db.execute("INSERT INTO known VALUES ('L', 'g-old', '2025-12-01T10:00:00')")
    db.commit()
    db.close()
    store, said = _quietly(path)
    assert said == [] and store.persistent and store.known("L") == {"g-old"}
    store.set_known("L", "g-new")
    assert open_progress(path).known("L") == {"g-old", "g-new"}


def test_an_empty_file_becomes_a_progress_file(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.touch()
    store, said = _quietly(path)
    assert said == [] and store.persistent
    store.set_known("L", "g-x")
    assert open_progress(path).known("L") == {"g-x"}


# -- crashes and other notebooks ------------------------------------------------------------------

_WRITER = """
import sys
from datetime import datetime, timedelta
from helpers.study.progress import open_progress
from helpers.study.srs import GOOD, CardState, review
store = open_progress(sys.argv[1])
t = datetime(2026, 1, 27)
state = review(CardState.new(t), GOOD, t)
for i in range(150):
    store.record_review("L", f"{sys.argv[2]}-{i}", GOOD, state, t)
    store.set_known("L", f"{sys.argv[2]}-{i}")
"""


def test_two_notebooks_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "progress.sqlite3"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name], cwd=ROOT) for name in ("a", "b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store, said = _quietly(path)
    assert said == []
    assert len(store.reviews("L")) == 300 and len(store.card_states("L")) == 300 and len(store.known("L")) == 300


_KEEPS_WRITING = """
import sys
from helpers.study.progress import open_progress
store = open_progress(sys.argv[1])
for i in range(100000):
    store.record_attempt("L", "ana", f"q-{i}", {"typed": "x" * 200}, 1.0, 1)
    print(i, flush=True)  # after the commit: everything up to i is saved
"""


def test_a_kernel_killed_mid_write_loses_no_committed_answer(tmp_path):
    """``kill -9`` while a notebook writes answer after answer: each answer it said was saved is there."""
    path = tmp_path / "progress.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", _KEEPS_WRITING, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    for _ in range(60):
        saved = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    store, said = _quietly(path)
    assert said == [] and store.persistent  # nothing damaged: no copy, no fresh file
    items = [a["item"] for a in store.attempts("L")]
    assert items[: saved + 1] == [f"q-{i}" for i in range(saved + 1)]
    assert not list(tmp_path.glob("*.damaged-*"))


# -- files that are not progress: refused, left as they were ----------------------------------------


def _other_sqlite(path: Path, app_id: int = 0, version: int = 0, schema: str = "CREATE TABLE contacts (name);") -> None:
    db = sqlite3.connect(path)
    db.executescript(schema)
    db.execute(f"PRAGMA application_id = {app_id}")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def _damaged_other_sqlite(path: Path) -> None:
    _other_sqlite(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # its list of tables destroyed, the header kept
    path.write_bytes(bytes(data))


_OLD_LAYOUT = "CREATE TABLE cards (lesson TEXT, card TEXT, due TEXT); CREATE TABLE known (lesson TEXT, entry TEXT);"

#: A file given where progress is expected, and the words that must say what it looks like.
NOT_PROGRESS = {
    "results-json": (lambda p: p.write_text('{"format": "khabar-results/1", "student": "ana"}'), "is a JSON file"),
    "text": (lambda p: p.write_text("Ana's notes\nword list\n" * 300), "is a text file"),
    "csv-with-bom": (lambda p: p.write_bytes("\ufeffstudent,score\nana,3\n".encode()), "is a text file"),
    "spreadsheet": (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(4092)), "is a ZIP archive"),
    "random-bytes": (lambda p: p.write_bytes(bytes(range(256)) * 7 + b"\x01"), "does not begin like an SQLite"),
    "another-programs-sqlite": (_other_sqlite, "another program's SQLite database \\(its tables: contacts\\)"),
    "another-programs-mark": (
        lambda p: _other_sqlite(p, app_id=0x12345678, schema="CREATE TABLE photos (x);"),
        "another program's SQLite database",
    ),
    "newer-khabar": (
        lambda p: _other_sqlite(p, APPLICATION_ID, 3, _SCHEMA_BEFORE_THE_MARK),  # layout 3: not made yet
        "written by a newer version of Khabar",
    ),
    "older-layout": (lambda p: _other_sqlite(p, schema=_OLD_LAYOUT), "in a form this version of Khabar cannot read"),
    "damaged-not-ours": (_damaged_other_sqlite, "a damaged SQLite database, and nothing in it says"),
    "folder": (lambda p: p.mkdir(), "is a folder, not a progress file"),
}
if hasattr(os, "mkfifo"):
    NOT_PROGRESS["fifo"] = (os.mkfifo, "is not a regular file")
if Path("/dev/zero").exists():
    NOT_PROGRESS["symlink-to-dev-zero"] = (lambda p: p.symlink_to("/dev/zero"), "is not a regular file")


@pytest.mark.parametrize("make, says", NOT_PROGRESS.values(), ids=NOT_PROGRESS.keys())
def test_a_file_that_is_not_progress_is_refused_and_left_as_it_was(tmp_path, make, says):
    path = tmp_path / ("results.json" if "json" in says or "text" in says else "other.db")
    make(path)
    before = {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else None) for p in tmp_path.iterdir()}
    with pytest.raises(NotAProgressFile, match=says) as refused:
        open_progress(path)
    assert isinstance(refused.value, ProgressError) and isinstance(refused.value, OSError)
    assert str(path) in str(refused.value) and refused.value.path == path
    after = {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else None) for p in tmp_path.iterdir()}
    assert after == before  # not renamed, not written, nothing added beside it


def test_the_results_export_command_refuses_a_results_file_given_as_progress(tmp_path):
    """The command of the report: ``khabar results export --data results.json`` must leave the JSON alone."""
    results = tmp_path / "results.json"
    results.write_text('{"format": "khabar-results/1", "student": "dina", "attempts": []}', encoding="utf-8")
    before = _listing(tmp_path)
    cmd = [sys.executable, "-m", "helpers.cli", "results", "export", "--student", "dina", "--data", str(results),
           "--json", str(tmp_path / "out.json")]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0
    assert _listing(tmp_path) == before


# -- damage found when the file is opened ------------------------------------------------------------


def test_a_damaged_file_is_moved_aside_with_a_warning_and_a_fresh_one_started_with_what_survives(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    for i in range(300):
        store.record_attempt("L", "ana", f"q-{i}", "x" * 40, 1.0, 1)
    store.set_known("L", "g-x")
    store.close()
    data = bytearray(path.read_bytes())
    db = sqlite3.connect(path)
    page = db.execute("SELECT pageno FROM dbstat WHERE name = 'attempts' AND pagetype = 'leaf'").fetchall()[1][0]
    db.close()  # the second page of answers, above
    data[(page - 1) * 4096 : page * 4096] = b"\x00" * 4096
    path.write_bytes(bytes(data))
    store, said = _quietly(path)
    aside = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)  # the copy is the damaged file, untouched
    assert said == [store.warning]
    assert re.fullmatch(
        rf"Your progress file {re.escape(str(path))} is damaged \(parts of it cannot be read\); a copy was kept as "
        rf"{re.escape(str(aside[0]))}, and a fresh one was started with what could still be read: 1 known word and "
        r"\d+ answers\.",
        store.warning,
    )
    answers = [a["item"] for a in store.attempts("L")]
    assert 200 < len(answers) < 300 and answers == sorted(answers, key=lambda i: int(i[2:]))  # in their old order
    assert store.persistent and store.known("L") == {"g-x"}
    store.set_known("L", "g-new")
    again, said_again = _quietly(path)
    assert said_again == [] and again.known("L") == {"g-x", "g-new"} and len(again.attempts("L")) == len(answers)


def test_a_database_with_smashed_pages_is_treated_as_damaged(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    for i in range(300):
        store.set_known("L", f"g-{i}-" + "x" * 50)
    store.close()  # the last connection to close writes the log back into the file
    assert not path.with_name(path.name + "-wal").exists()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))  # the header survives, the pages do not
    with pytest.warns(ProgressWarning, match=r"is damaged .*; a copy was kept as .*: nothing\.$"):
        store = open_progress(path)
    assert list(tmp_path.glob("progress.sqlite3.damaged-*"))
    store.set_known("L", "g-new")
    assert store.known("L") == {"g-new"}


def test_garbled_text_that_passes_sqlites_own_check_is_found_when_the_file_opens(tmp_path):
    """A byte changed inside an answer: SQLite's quick check passes, reading it back would fail."""
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    _fill(store)
    store.close()
    data = path.read_bytes()
    at = data.index("نعم".encode())
    path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    store, said = _quietly(path)
    assert len(said) == 1 and "is damaged (some of its entries hold values that make no sense)" in said[0]
    kept = [a["item"] for a in store.attempts("L")]
    assert len(kept) == 4 and set(kept) < {f"q-{i}" for i in range(5)}  # the one answer garbled is left out
    assert store.known("L") == {"g-a", "g-b"} and list(store.card_states("L")) == ["g-x:ar-en"]


def test_a_file_of_ours_with_a_table_missing_is_damage_not_a_stranger(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    _fill(store)
    store.close()
    db = sqlite3.connect(path)
    db.execute("DROP TABLE review_log")
    db.commit()
    db.close()
    store, said = _quietly(path)
    assert len(said) == 1 and "its list of tables is not the one Khabar writes" in said[0]
    assert store.known("L") == {"g-a", "g-b"} and len(store.attempts("L")) == 5 and store.reviews("L") == []


# -- read-only places ----------------------------------------------------------------------------------


def _can_mount() -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"khabar-mount-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        if subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)], capture_output=True
        ).returncode:
            return False
        subprocess.run(["umount", str(probe)], capture_output=True)
        return True
    except OSError:
        return False
    finally:
        probe.rmdir()


MOUNT = _can_mount()
#: How a place is made read-only: for real where this machine lets a test do it, and always by fault injection.
READ_ONLY_WAYS = ["fault", *(["mount"] if MOUNT else []), *(["chmod"] if os.name == "posix" and os.geteuid() else [])]
#: How a disk is made full: a real small tmpfs where mounting works, and always by fault injection.
FULL_WAYS = ["fault", *(["tmpfs"] if MOUNT else [])]


WRITING = re.compile(r"\s*(BEGIN IMMEDIATE|COMMIT|INSERT|UPDATE|DELETE|CREATE|PRAGMA \w+\s*=)", re.IGNORECASE)
COMMITTING = re.compile(r"\s*COMMIT", re.IGNORECASE)
ANYTHING = re.compile(r"\s*(?!ROLLBACK)", re.IGNORECASE)


class _Faulty:
    """A connection that fails as SQLite does on a read-only file, a full disk or a damaged page, once armed:
    ``fault["error"]`` is raised by each statement matching ``fault["match"]`` (or only by the next one, with
    ``fault["once"]``)."""

    def __init__(self, db: sqlite3.Connection, fault: dict[str, object]) -> None:
        object.__setattr__(self, "_db", db)
        object.__setattr__(self, "_fault", fault)

    def execute(self, sql: str, *args: object) -> object:
        error = self._fault.get("error")
        if error is not None and self._fault.get("match", WRITING).match(sql):
            if self._fault.get("once"):
                self._fault["error"] = None
            raise error
        return self._db.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._db, name, value)


def _faults(monkeypatch: pytest.MonkeyPatch, folder: Path) -> dict[str, object]:
    """Connections to files in ``folder`` fail as ``fault["error"]`` says, once it is set (None: they work), and
    renaming files in it fails with ``fault["rename"]``, once that is set."""
    fault: dict[str, object] = {"error": None}
    real_connect, real_rename = sqlite3.connect, os.rename

    def connect(target: object, *args: object, **kwargs: object) -> object:
        db = real_connect(target, *args, **kwargs)
        return _Faulty(db, fault) if str(folder) in str(target) else db

    def rename(source: object, target: object, *args: object, **kwargs: object) -> None:
        if fault.get("rename") is not None and str(folder) in str(source):
            raise fault["rename"]
        real_rename(source, target, *args, **kwargs)

    monkeypatch.setattr(progress_module.sqlite3, "connect", connect)
    monkeypatch.setattr(progress_module.os, "rename", rename)
    return fault


class _Place:
    """A folder to fill, then :meth:`seal` read-only in the way the test was given."""

    def __init__(self, folder: Path, way: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder, self.way, self.monkeypatch = folder, way, monkeypatch
        folder.mkdir()
        if way == "mount":
            subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=True)

    def seal(self) -> None:
        if self.way == "mount":
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
        elif self.way == "chmod":
            for path in self.folder.iterdir():
                path.chmod(0o444)
            self.folder.chmod(0o555)
        else:
            fault = _faults(self.monkeypatch, self.folder)
            fault["error"] = sqlite3.OperationalError("attempt to write a readonly database")
            fault["rename"] = OSError(errno.EROFS, "Read-only file system")

    def undo(self) -> None:
        if self.way == "mount":
            subprocess.run(["umount", "-l", str(self.folder)], check=False)
        elif self.way == "chmod":
            self.folder.chmod(0o755)


@pytest.fixture(params=READ_ONLY_WAYS)
def read_only_place(request, tmp_path, monkeypatch):
    place = _Place(tmp_path / "shared", request.param, monkeypatch)
    yield place
    place.undo()


def test_a_read_only_progress_file_is_read_and_answers_are_kept_for_the_session(read_only_place):
    """A folder shared read-only (a tmpfs remounted read-only, chmod, or fault injection: see the module)."""
    path = read_only_place.folder / "progress.sqlite3"
    store = open_progress(path)
    _fill(store)
    earlier = _content(store)
    store.close()
    read_only_place.seal()
    before = _listing(read_only_place.folder)
    store, said = _quietly(path)
    assert not store.persistent and said == [store.warning] and store.warning.startswith(READ_ONLY)
    assert str(path) in store.warning
    assert _content(store) == earlier  # everything saved before is shown
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    store.record_attempt("L", "ana", "q-new", "b", 1.0, 1)  # no error for the learner: the answer is kept
    store.set_known("L", "g-new")
    assert [a["item"] for a in store.attempts("L")][-1] == "q-new" and "g-new" in store.known("L")
    assert [c.kind for c in heard] == ["attempt", "known"]  # told once, at opening: no warning change later
    store.close()
    assert _listing(read_only_place.folder) == before


def test_a_widget_on_a_read_only_file_says_so_where_the_learner_works(lesson, read_only_place):
    """Fault injection or a real read-only place (see the module); the known-words list shows the warning."""
    path = read_only_place.folder / "progress.sqlite3"
    open_progress(path).close()
    read_only_place.seal()
    store, _ = _quietly(path)
    words = helpers.known_words(lesson, store)

    def shown(widget: object) -> str:  # every value the widget and those inside it show
        inside = "".join(shown(child) for child in getattr(widget, "children", ()))
        value = getattr(widget, "value", "")
        return (value if isinstance(value, str) else "") + inside

    assert READ_ONLY in shown(words)


def test_a_damaged_file_in_a_read_only_folder_is_left_where_it_is_and_read(read_only_place):
    """Moving the damaged file aside fails (a read-only tmpfs, chmod, or fault injection): no error, nothing lost."""
    path = read_only_place.folder / "progress.sqlite3"
    store = open_progress(path)
    for i in range(300):
        store.record_attempt("L", "ana", f"q-{i}", "x" * 40, 1.0, 1)
    store.close()
    data = bytearray(path.read_bytes())
    data[4 * 4096 : 5 * 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    read_only_place.seal()
    before = _listing(read_only_place.folder)
    store, said = _quietly(path)
    assert not store.persistent and said == [store.warning]
    assert store.warning.startswith(f"Your progress file {path} is damaged")
    assert "its folder cannot be written, so it was left as it is" in store.warning
    assert "answers are kept for this session only" in store.warning
    assert 200 < len(store.attempts("L")) <= 300
    store.record_attempt("L", "ana", "q-new", "b", 1.0, 1)
    assert store.attempts("L")[-1]["item"] == "q-new"
    store.close()
    assert _listing(read_only_place.folder) == before


def test_a_folder_that_cannot_be_made_keeps_progress_in_memory(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.warns(ProgressWarning, match="answers are kept for this session only") as caught:
        store = open_progress(blocker / "progress.sqlite3")
    assert str(caught[0].message) == (
        f"Your progress cannot be saved in {blocker} (a file is in the way where a folder should be): answers are "
        f"kept for this session only. Set {DATA_ENV} to a folder you can write to, to keep them."
    )
    assert not store.persistent and store.warning == str(caught[0].message)
    store.record_review("L", "c", GOOD, review(CardState.new(T0), GOOD, T0), T0)
    assert list(store.card_states("L")) == ["c"]
    assert store.card_states("L")["c"].due == T0 + timedelta(minutes=10)  # FSRS's second learning step
    assert blocker.read_text() == "not a folder"


# -- a full disk -----------------------------------------------------------------------------------------

WRITES = {
    "record_attempt": lambda store, i: store.record_attempt("L", "ana", f"q-{i}", "x" * 300, 1.0, 1),
    "record_review": lambda store, i: store.record_review(
        "L", f"g-{i}:ar-en", GOOD, review(CardState.new(T0), GOOD, T0), T0 + timedelta(seconds=i)
    ),
    "set_known": lambda store, i: store.set_known("L", f"g-{i}-" + "x" * 300),
}


def _written(store: ProgressStore, kind: str) -> list[str]:
    if kind == "record_attempt":
        return [a["item"] for a in store.attempts("L")]
    if kind == "record_review":
        return [card for card, _, _ in store.reviews("L")]
    return sorted(store.known("L"), key=lambda e: int(e.split("-")[1]))


@pytest.fixture(params=FULL_WAYS)
def full_disk(request, tmp_path, monkeypatch):
    """A folder whose disk fills up when ``fill()`` is called: a real 256 KB tmpfs, or fault injection."""
    folder = tmp_path / "small"
    folder.mkdir()
    filler = folder / "filler"
    if request.param == "tmpfs":
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], check=True)

        def fill() -> None:
            with filler.open("wb", buffering=0) as out, pytest.raises(OSError):
                while True:
                    out.write(b"\0" * 4096)
                    out.flush()

        def free() -> None:
            filler.unlink()

        yield folder, fill, free
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        fault = _faults(monkeypatch, folder)
        fault["match"] = COMMITTING  # as SQLite does: the transaction fails when it is to be written

        def fill() -> None:
            fault["error"] = sqlite3.OperationalError("database or disk is full")

        def free() -> None:
            fault["error"] = None

        yield folder, fill, free


def _expected(kind: str, count: int) -> list[str]:
    name = {"record_attempt": "q-{}", "record_review": "g-{}:ar-en", "set_known": "g-{}-" + "x" * 300}[kind]
    return [name.format(i) for i in range(count)]


@pytest.mark.parametrize("kind", WRITES)
def test_a_full_disk_keeps_the_answer_in_memory_and_tells_the_learner_once(full_disk, kind):
    """Answers written on a disk that fills up (a real tmpfs of 256 KB, or fault injection): none raises, every
    one is kept for the session, the learner is told once, and every answer committed before is in the file."""
    folder, fill, free = full_disk
    write = WRITES[kind]
    path = folder / "progress.sqlite3"
    store = open_progress(path)
    write(store, 0)
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    fill()
    saved_before = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(1, 400):
            write(store, i)
            if not store.persistent and saved_before is None:
                saved_before = i  # answers 0 .. i-1 were committed to the file
            if saved_before is not None and i >= saved_before + 3:
                break
    assert saved_before is not None, "the disk never filled"
    assert _written(store, kind) == _expected(kind, i + 1)  # every answer of the session, in order
    warnings_given = [str(w.message) for w in caught if issubclass(w.category, ProgressWarning)]
    assert warnings_given == [store.warning]
    assert store.warning == (
        f"Your answers could not be saved: the disk that holds {path} is full. They are kept for this session only; "
        "free some space and open the notebook again to save again."
    )
    notices = [c for c in heard if c.kind == "warning"]
    assert notices == [ProgressChange("warning", "L", (), message=store.warning)]
    assert heard.index(notices[0]) == saved_before - 1  # told before the change that found the disk full
    store.close()
    free()
    again, said = _quietly(path)
    assert said == [] and _written(again, kind) == _expected(kind, saved_before)  # all committed before
    again.close()


def test_a_quiz_on_a_full_disk_still_checks_and_counts_the_answer(lesson, full_disk):
    """Fault injection or a real full tmpfs: the learner clicks Check; the answer counts and is kept in memory."""
    folder, fill, _free = full_disk
    store = open_progress(folder / "progress.sqlite3")
    qz = helpers.quiz(lesson, student="dina", progress=store)
    fill()
    view = qz.views[0]
    view.set_response(right_answer(view.item))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProgressWarning)
        view.check_button.click()
    assert [a["item"] for a in store.attempts(lesson.id, "dina")] == [view.item.id]
    assert "Score: " in qz.score.value and f" / {sum(q.points for q in qz.variant.items)} points" in qz.score.value
    assert not store.persistent and "could not be saved" in store.warning
    store.close()


# -- locks -------------------------------------------------------------------------------------------------

_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "everything":  # no reader gets in either
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("INSERT INTO known VALUES ('L', 'g-held', '2026-01-01T00:00:00')")
    db.execute("COMMIT")
    db.execute("SELECT count(*) FROM known").fetchone()
else:
    db.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
"""


@contextmanager
def _held(path: Path, how: str, seconds: float = 4.0):
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), how, str(seconds)], stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "holding"
    try:
        yield
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_lock_held_longer_than_the_patience_keeps_answers_in_memory_with_a_clear_message(tmp_path):
    """Another program holds the file for 4 s; the store's patience is 0.5 s."""
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path, patience=0.5)
    _fill(store)
    earlier = _content(store)
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    with _held(path, "writes"):
        started = time.monotonic()
        with pytest.warns(ProgressWarning, match="is in use by another program"):
            store.set_known("L", "g-during")
        assert time.monotonic() - started < 3
        store.record_attempt("L", "ana", "q-during", "b", 1.0, 1)  # in memory now: no more waiting
        assert time.monotonic() - started < 3
    assert store.warning == (
        f"Your progress file {path} is in use by another program (it stayed locked for more than 0.5 seconds): "
        "answers are kept for this session only. Close the other program and open the notebook again to save them."
    )
    assert "database is locked" not in store.warning
    assert [c.kind for c in heard] == ["warning", "known", "attempt"]
    assert store.known("L") == earlier[2] | {"g-during"} and store.attempts("L")[-1]["item"] == "q-during"
    store.close()
    again, said = _quietly(path)
    assert said == [] and _content(again) == earlier  # the file holds what was committed, nothing half-written


def test_a_file_locked_against_readers_too_opens_in_memory_within_the_patience(tmp_path):
    path = tmp_path / "progress.sqlite3"
    open_progress(path).close()
    with _held(path, "everything"):
        started = time.monotonic()
        store, said = _quietly(path, patience=0.5)
        assert time.monotonic() - started < 3
    assert not store.persistent and said == [store.warning]
    assert "is in use by another program" in store.warning and "your earlier progress could not be read" in (
        store.warning
    )
    store.set_known("L", "g-x")
    assert store.known("L") == {"g-x"}


# -- damage found in the middle of a session ---------------------------------------------------------


def test_damage_found_mid_session_keeps_the_learner_working_and_the_file_is_kept(tmp_path):
    """Real damage: a page of the open file is overwritten, and another notebook's write makes SQLite read it."""
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    for i in range(200):
        store.record_attempt("L", "ana", f"q-{i}", "x" * 100, 1.0, 1)
    store.set_known("L", "g-x")
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    other = sqlite3.connect(path)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    leaves = other.execute("SELECT pageno, ncell FROM dbstat WHERE name = 'attempts' AND pagetype = 'leaf'")
    page, lost = leaves.fetchall()[1]
    with path.open("r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(b"\xff" * 4096)
    other.execute("INSERT INTO known VALUES ('L', 'g-other', '2026-01-01T00:00:00')")
    other.commit()
    other.close()
    with pytest.warns(ProgressWarning, match="turned out to be damaged"):
        answers = store.attempts("L")
    assert 150 < len(answers) < 200
    assert store.warning == (
        f"Your progress file {path} turned out to be damaged (parts of it cannot be read). Nothing was deleted: the "
        "file was left as it is and will be repaired the next time it is opened. Until then, what could still be "
        "read and your new answers are kept for this session only."
    )
    store.record_attempt("L", "ana", "q-new", "b", 1.0, 1)
    store.set_known("L", "g-new")
    assert store.known("L") == {"g-x", "g-other", "g-new"} and store.attempts("L")[-1]["item"] == "q-new"
    assert [c.kind for c in heard] == ["warning", "attempt", "known"]
    store.close()
    assert path.exists()  # kept: the next opening repairs it, with a copy kept
    again, said = _quietly(path)
    assert len(said) == 1 and "is damaged" in said[0] and again.known("L") == {"g-x", "g-other"}
    assert len(again.attempts("L")) == 200 - lost  # all but those on the page that was hit


@pytest.mark.parametrize(
    "error",
    [sqlite3.DatabaseError("database disk image is malformed"), sqlite3.OperationalError("disk I/O error")],
    ids=["malformed", "io-error"],
)
def test_reads_and_writes_that_fail_later_fall_back_to_memory_once(tmp_path, monkeypatch, error):
    """Fault injection: every statement on the file fails from some moment on, reads as well as writes."""
    folder = tmp_path / "f"
    folder.mkdir()
    fault = _faults(monkeypatch, folder)
    store = open_progress(folder / "progress.sqlite3")
    _fill(store)
    earlier = _content(store)
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    fault.update(error=error, match=ANYTHING, once=True)  # the next statement fails, reading or writing
    with pytest.warns(ProgressWarning) as caught:
        assert store.known("L") == earlier[2]
        store.set_known("L", "g-c")
        store.record_attempt("L", "ana", "q-9", "b", 1.0, 1)
    assert len(caught) == 1 and not store.persistent
    assert store.card_states("L") == earlier[0] and store.reviews("L") == earlier[1]
    assert len(store.attempts("L")) == 6 and store.known("L") == earlier[2] | {"g-c"}
    assert [c.kind for c in heard] == ["warning", "known", "attempt"]
    assert heard[0].message == store.warning and "answers are kept for this session only" in store.warning
    store.close()
    assert open_progress(folder / "progress.sqlite3").known("L") == earlier[2]  # the file holds what it held


def test_a_closed_store_still_says_it_is_closed(tmp_path):
    store = open_progress(tmp_path / "progress.sqlite3")
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        store.known("L")


# -- observers: views follow the store -----------------------------------------------------------


def test_observers_hear_of_every_change_once(tmp_path):
    store = open_progress(tmp_path / "progress.sqlite3")
    heard: list[ProgressChange] = []
    store.observe(heard.append)
    store.observe(heard.append)  # observing twice is observing once
    store.set_known("L", "g-x")
    store.set_known("L", "g-x")  # already known: nothing changed
    store.set_known("L", "g-y", False)  # was not known: nothing changed
    store.set_known("L", "g-x", False)
    store.record_review("L", "g-x:ar-en", GOOD, review(CardState.new(T0), GOOD, T0), T0)
    store.record_attempt("L", "ana", "q-1", "b", 1.0, 1)
    store.set_known_many("L", ["g-a", "g-b", "g-a"])
    store.set_known_many("L", ["g-a", "g-c"], False)
    assert heard == [
        ProgressChange("known", "L", ("g-x",), known=True),
        ProgressChange("known", "L", ("g-x",), known=False),
        ProgressChange("review", "L", ("g-x:ar-en",)),
        ProgressChange("attempt", "L", ("q-1",), student="ana"),
        ProgressChange("known", "L", ("g-a", "g-b"), known=True),
        ProgressChange("known", "L", ("g-a",), known=False),  # g-c was not known: only g-a changed
    ]
    store.unobserve(heard.append)
    store.set_known("L", "g-z")
    assert len(heard) == 6 and store.known("L") == {"g-b", "g-z"}


def test_a_failing_observer_neither_loses_the_change_nor_silences_the_others(tmp_path):
    store = open_progress(tmp_path / "progress.sqlite3")
    heard: list[str] = []

    def broken(change: ProgressChange) -> None:
        raise RuntimeError("the view is gone")

    store.observe(broken)
    store.observe(lambda change: heard.extend(change.keys))
    with pytest.raises(RuntimeError, match="the view is gone"):
        store.set_known("L", "g-x")
    assert heard == ["g-x"] and open_progress(store.path).known("L") == {"g-x"}


def test_responses_are_kept_as_given(tmp_path):
    store = open_progress(tmp_path / "progress.sqlite3")
    response = {"pairs": {"a": "ب"}, "order": [3, 1, 2], "typed": "وَقَّعَ"}
    store.record_attempt("L", "ana", "q-1", response, 0.5, 2, mode="exam", when=T0)
    assert store.attempts("L") == [
        {"student": "ana", "item": "q-1", "mode": "exam", "response": json.loads(json.dumps(response)),
         "score": 0.5, "points": 2, "when": T0.isoformat()}
    ]  # fmt: skip


# -- layout 1 (SM-2) migrated to FSRS --------------------------------------------------------------------

SM2_FIXTURE = ROOT / "tests" / "data" / "progress-sm2-v1.sqlite3"  # made by tests/data/make_progress_sm2_v1.py


def _table(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_sm2_progress_is_migrated_with_nothing_lost(tmp_path):
    import shutil

    from helpers.study.srs import rating_of_sm2_grade, replay

    path = tmp_path / "progress.sqlite3"
    shutil.copyfile(SM2_FIXTURE, path)
    old_reviews = _table(path, "SELECT lesson, card, grade, reviewed FROM reviews ORDER BY id")
    old_known = _table(path, "SELECT * FROM known ORDER BY entry")
    old_attempts = _table(path, "SELECT * FROM attempts ORDER BY id")
    old_cards = _table(path, "SELECT lesson, card, repetitions, interval_days, ease, due FROM cards ORDER BY card")
    assert (len(old_reviews), len(old_known), len(old_attempts), len(old_cards)) == (8, 2, 3, 4)
    store, said = _quietly(path)
    assert said == [] and store.persistent
    for lesson in ("L", "M"):
        history = [
            (c, rating_of_sm2_grade(g), datetime.fromisoformat(w)) for le, c, g, w in old_reviews if le == lesson
        ]
        assert store.reviews(lesson) == history  # every review, in order, rated with its button
        expected = {c: replay([(r, w) for c2, r, w in history if c2 == c]) for c in {c for c, _, _ in history}}
        assert store.card_states(lesson) == expected  # each state: its history replayed through fsrs
    assert store.known("L") == {"g-shams", "g-qamar"} and len(store.attempts("L")) == 2 + 1
    store.close()
    assert _table(path, "SELECT * FROM known ORDER BY entry") == old_known
    assert _table(path, "SELECT * FROM attempts ORDER BY id") == old_attempts
    assert _table(path, "SELECT algorithm, count(*) FROM review_log GROUP BY algorithm") == [("sm2", 8)]
    kept = _table(path, "SELECT lesson, card, state FROM card_state WHERE algorithm = 'sm2' ORDER BY card")
    assert [(le, c, *json.loads(s).values()) for le, c, s in kept] == [  # SM-2's schedule is kept as it was
        (le, c, due, e, i, r) for le, c, r, i, e, due in old_cards
    ]
    tables = {name for (name,) in _table(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"cards", "reviews"}.isdisjoint(tables) and _table(path, "PRAGMA user_version") == [(2,)]


def test_a_migrated_file_opens_again_without_migrating_twice(tmp_path):
    import shutil

    path = tmp_path / "progress.sqlite3"
    shutil.copyfile(SM2_FIXTURE, path)
    first = open_progress(path)
    states, reviews = first.card_states("L"), first.reviews("L")
    first.close()
    rows = _table(path, "SELECT * FROM card_state ORDER BY rowid"), _table(path, "SELECT * FROM review_log")
    again, said = _quietly(path)
    assert said == [] and again.card_states("L") == states and again.reviews("L") == reviews
    again.close()
    assert (_table(path, "SELECT * FROM card_state ORDER BY rowid"), _table(path, "SELECT * FROM review_log")) == rows


def test_a_read_only_sm2_file_shows_its_progress_migrated_in_memory(read_only_place):
    """An SM-2 file in a read-only place (a read-only tmpfs, chmod, or fault injection: see the module)."""
    import shutil

    path = read_only_place.folder / "progress.sqlite3"
    shutil.copyfile(SM2_FIXTURE, path)
    read_only_place.seal()
    with pytest.warns(ProgressWarning, match="read-only"):
        store = open_progress(path)
    assert len(store.reviews("L")) == 7 and set(store.card_states("L")) == {c for c, _, _ in store.reviews("L")}
    store.close()
    assert SM2_FIXTURE.read_bytes() == path.read_bytes()
