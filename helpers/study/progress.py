"""A learner's progress, kept in SQLite so that it is never lost.

Flashcard history and schedule, the words a learner has marked as known, and
every answer given to a quiz item live in one SQLite file in the learner's data folder:

* ``path`` argument, else ``$KHABAR_DATA_DIR/progress.sqlite3``, else the
  platform's user data folder (``~/.local/share/khabar`` on Linux,
  ``~/Library/Application Support/khabar`` on macOS, ``%APPDATA%\\khabar`` on
  Windows).

What can go wrong, and what happens (no read or write raises because of the file, and no file is ever deleted):

* progress written by the versions that scheduled flashcards with SM-2 (layout 1): migrated when the file is
  first opened, in one transaction, with every review kept (see :func:`_migrate`);
* kernel restart, crash or ``kill -9``: every change is committed at once, nothing to lose;
* two notebooks writing at once: SQLite's write-ahead log and a busy timeout
  make them take turns;
* a file that is not a progress file of ours (a results file given by mistake,
  a text file, another program's database, progress written by a newer Khabar):
  :class:`NotAProgressFile` is raised, and the file is left exactly as it is;
* a progress file of ours that is damaged (checked when it is opened: SQLite's
  integrity check, the columns of each table, and every row read once): it is
  moved aside (``progress.sqlite3.damaged-<time>``), a fresh file is started with
  every row that could still be read, and the warning says where the copy is;
  where it cannot be moved (a read-only folder), what can be read is kept in memory;
* a file or folder that cannot be written (read-only file, folder or disk): what
  the file holds is read, and answers are kept in memory for this session only;
* damage found later, a full disk, or a lock another program holds for longer
  than ``patience`` seconds: the learner keeps working in memory (what the file
  held is copied there first) and is told once; the file is left as it is.

Whenever progress cannot be kept in the file, :attr:`ProgressStore.warning` says so in a sentence for the
learner, :attr:`ProgressStore.persistent` is false, a :class:`ProgressWarning` is issued, and (when it happens
after opening) the observers hear a :class:`ProgressChange` of kind ``"warning"``.

Views follow the store: :meth:`ProgressStore.observe` registers a function that
is called with a :class:`ProgressChange` after every write (a word marked known
in the flashcards shows at once in the known-words list and the reading view).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> store = ProgressStore(folder / FILE_NAME)
>>> store.observe(print)
>>> store.set_known("L", "g-x")
ProgressChange(kind='known', lesson='L', keys=('g-x',), known=True, student=None, message=None)
>>> store.set_known_many("L", ["g-x", "g-y", "g-z"])  # g-x is known already
ProgressChange(kind='known', lesson='L', keys=('g-y', 'g-z'), known=True, student=None, message=None)
>>> store.set_known("L", "g-x")  # nothing changed: nobody is told
>>> store.unobserve(print)
>>> store.close()

A file that is not progress is refused, and left as it is:

>>> results = folder / "results.json"
>>> _ = results.write_text('{"student": "ana", "attempts": []}')
>>> open_progress(results)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
helpers.study.progress.NotAProgressFile: .../results.json is a JSON file, not a Khabar progress database; ...
>>> results.read_text()
'{"student": "ana", "attempts": []}'
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import stat
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from helpers.lesson.paths import DATA_ENV, user_data_dir
from helpers.study.srs import ALGORITHM, CardState, rating_of_sm2_grade, replay

__all__ = [
    "FILE_NAME",
    "PATIENCE",
    "NotAProgressFile",
    "ProgressChange",
    "ProgressError",
    "ProgressStore",
    "ProgressWarning",
    "open_progress",
]

FILE_NAME = "progress.sqlite3"
#: Seconds a write waits for another program to let go of the file before progress is kept in memory.
PATIENCE = 15.0
#: Written in every progress file's header (``PRAGMA application_id``): the bytes ``KHBR``.
APPLICATION_ID = int.from_bytes(b"KHBR", "big")
#: The layout of the tables below (``PRAGMA user_version``). 2: flashcards scheduled by FSRS, in tables that
#: name the algorithm (``card_state``, ``review_log``). 1, and 0 (files without a version): SM-2's ``cards`` and
#: ``reviews``, migrated when the file is opened (see :func:`_migrate`).
SCHEMA_VERSION = 2
#: The algorithm named beside the reviews and card states that layout 1 kept (Khabar's SM-2).
SM2 = "sm2"

# card_state: a card's schedule under one algorithm (``state``: that algorithm's JSON, ``due``: ISO 8601);
# review_log: every review, ``rating`` the button pressed (1 Again, 2 Hard, 3 Good, 4 Easy), ``algorithm`` the
# scheduler that was in use then. Nothing in either is particular to one algorithm.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS card_state (
    lesson TEXT NOT NULL, card TEXT NOT NULL, algorithm TEXT NOT NULL, state TEXT NOT NULL, due TEXT NOT NULL,
    PRIMARY KEY (lesson, card, algorithm));
CREATE TABLE IF NOT EXISTS review_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, card TEXT NOT NULL, rating INTEGER NOT NULL,
    reviewed TEXT NOT NULL, algorithm TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, student TEXT NOT NULL, item TEXT NOT NULL,
    mode TEXT NOT NULL, response TEXT NOT NULL, score REAL NOT NULL, points INTEGER NOT NULL, answered TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS known (
    lesson TEXT NOT NULL, entry TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (lesson, entry));
"""

# What each column must hold for a row to be believed (a damaged page can hold anything).
_TEXT, _NUMBER, _STAMP, _JSON = "text", "number", "stamp", "json"
_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "card_state": (("lesson", _TEXT), ("card", _TEXT), ("algorithm", _TEXT), ("state", _JSON), ("due", _STAMP)),
    "review_log": (("id", _NUMBER), ("lesson", _TEXT), ("card", _TEXT), ("rating", _NUMBER), ("reviewed", _STAMP),
                   ("algorithm", _TEXT)),
    "attempts": (("id", _NUMBER), ("lesson", _TEXT), ("student", _TEXT), ("item", _TEXT), ("mode", _TEXT),
                 ("response", _JSON), ("score", _NUMBER), ("points", _NUMBER), ("answered", _STAMP)),
    "known": (("lesson", _TEXT), ("entry", _TEXT), ("since", _STAMP)),
}  # fmt: skip
# The flashcard tables of layout 1 (SM-2): read, to be migrated or salvaged, never written.
_LEGACY: dict[str, tuple[tuple[str, str], ...]] = {
    "cards": (("lesson", _TEXT), ("card", _TEXT), ("repetitions", _NUMBER), ("interval_days", _NUMBER),
              ("ease", _NUMBER), ("due", _STAMP)),
    "reviews": (("id", _NUMBER), ("lesson", _TEXT), ("card", _TEXT), ("grade", _NUMBER), ("reviewed", _STAMP)),
}  # fmt: skip
_ALL = {**_TABLES, **_LEGACY}
_LAYOUT_1 = {"cards", "reviews", "attempts", "known"}
_WHAT = {"review_log": ("review", "reviews"), "known": ("known word", "known words"),
         "attempts": ("answer", "answers")}  # fmt: skip

_MAGIC = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")

# What reading a file that went wrong raises (Python's sqlite3 lets a garbled name through as a UnicodeDecodeError).
_BROKEN = (sqlite3.DatabaseError, UnicodeDecodeError)
# Why SQLite refused: the kinds of trouble the store knows how to live with.
_DAMAGED, _READ_ONLY, _FULL, _LOCKED, _FAILED = "damaged", "read-only", "full", "locked", "failed"

T = TypeVar("T")


class ProgressError(OSError):
    """The progress file cannot be used as it is; the message says why in a sentence (``path``: the file)."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None

    def _render_traceback_(self) -> list[str]:
        """What a notebook shows when a cell raises this: the sentence, and no traceback."""
        return [str(self)]


class NotAProgressFile(ProgressError):
    """The file is not a Khabar progress database (or one this version cannot read); it was left untouched."""


class ProgressWarning(UserWarning):
    """Progress could not be kept where it should be; the message says what happened instead."""


class _Damaged(Exception):
    """A check found the file damaged; ``detail`` says how, in plain words."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class ProgressChange:
    """What one write to the store changed, as its observers are told.

    ``kind`` is ``"known"`` (``keys`` are the glossary entries that changed, ``known`` their new state),
    ``"review"`` (``keys`` holds the flashcard id), ``"attempt"`` (``keys`` holds the quiz item id,
    ``student`` says who answered), or ``"warning"``: progress can no longer be kept in the file
    (``message`` says why, for the learner; ``lesson`` is the lesson being worked on; it is sent once,
    before the change that found the trouble, and that change is still kept, in memory).
    """

    kind: str
    lesson: str
    keys: tuple[str, ...]
    known: bool | None = None
    student: str | None = None
    message: str | None = None


class ProgressStore:
    """Progress of one learner; every method commits before it returns, then tells the observers.

    ``patience``: seconds to wait for another program that holds the file locked before giving up on it
    (then progress is kept in memory and :attr:`warning` says so). :class:`NotAProgressFile` (a
    :class:`ProgressError`) is raised, and the file left untouched, when ``path`` holds something else.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, patience: float = PATIENCE) -> None:
        self.path = Path(path) if path is not None else user_data_dir() / FILE_NAME
        self.patience = float(patience)
        #: False when progress is kept in memory only (see :attr:`warning`).
        self.persistent = True
        #: What went wrong with the file, in a sentence for the learner; None while all is well.
        self.warning: str | None = None
        self._observers: list[Callable[[ProgressChange], object]] = []
        self._db = self._open()

    def __repr__(self) -> str:
        where = str(self.path) if self.persistent else f"memory (for {self.path})"
        return f"ProgressStore({where})"

    # -- observers -------------------------------------------------------------------------

    def observe(self, callback: Callable[[ProgressChange], object]) -> None:
        """Call ``callback(change)`` after every write that changes something (see :class:`ProgressChange`).

        Observers are called in the order they were added, after the change is committed. If one raises,
        the others are still called, then the first error is raised again.
        """
        if callback not in self._observers:
            self._observers.append(callback)

    def unobserve(self, callback: Callable[[ProgressChange], object]) -> None:
        """Stop calling ``callback`` (nothing happens if it was not observing)."""
        if callback in self._observers:
            self._observers.remove(callback)

    def _tell(self, *changes: ProgressChange | None) -> None:
        error: BaseException | None = None
        for change in changes:
            if change is None:
                continue
            for callback in list(self._observers):
                try:
                    callback(change)
                except Exception as exc:  # the others must still hear of the change
                    if error is None:
                        error = exc
        if error is not None:
            raise error

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        kind, detail = _sniff(self.path)
        if kind == "new":
            return self._create()
        if kind == "unreadable":
            return self._empty_memory(
                f"Your progress file {self.path} cannot be read ({detail}): your earlier progress is not shown, "
                "and answers are kept for this session only."
            )
        if kind == "headerless":
            return self._recover("it no longer begins like a database")
        return self._open_database(detail if isinstance(detail, bytes) else b"")

    def _create(self) -> sqlite3.Connection:
        """A new progress file (or memory, with a warning, where none can be made)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = _connect(self.path, self.patience)
        except (OSError, sqlite3.Error) as exc:
            return self._empty_memory(_cannot_save(folder, exc))
        try:
            _prepare_for_writing(db, self.patience)
        except sqlite3.Error as exc:
            _close(db)
            return self._empty_memory(_cannot_save(folder, exc))
        return db

    def _open_database(self, head: bytes) -> sqlite3.Connection:
        """An SQLite file (``head``: its first bytes): make sure it is ours and sound, then that it can be written."""

        def ours() -> bool:  # for a damaged file: whether it is ours to move aside
            return int.from_bytes(head[68:72], "big") == APPLICATION_ID or _looks_like_ours(self.path)

        if not _header_is_sound(head):  # SQLite would call it read-only, or not a database, or misread every page
            if ours():
                return self._recover("its first page is damaged")
            raise NotAProgressFile(
                f"{self.path} is a damaged SQLite database, and nothing in it says it holds Khabar progress; it "
                "was left as it is.",
                self.path,
            )
        last: BaseException | None = None
        for mode in ("rw", "ro", "immutable"):  # a read-only folder may let SQLite read only the last ways
            try:
                db = _connect(self.path, self.patience, mode)
            except sqlite3.Error as exc:
                last = exc
                continue
            try:
                app_id, version, tables = _identify(db)
                _judge(self.path, app_id, version, tables)
                _verify(db)
            except _Damaged as exc:
                _close(db)
                return self._recover(exc.detail)
            except _BROKEN as exc:
                _close(db)
                cause = _cause(exc)
                if cause == _READ_ONLY:
                    last = exc
                    continue
                if cause == _LOCKED:
                    return self._empty_memory(_locked_message(self.path, self.patience, unread=True))
                if cause == _DAMAGED:
                    if ours():
                        return self._recover(_plain(exc))
                    raise NotAProgressFile(
                        f"{self.path} is a damaged SQLite database, and nothing in it says it holds Khabar "
                        "progress; it was left as it is.",
                        self.path,
                    ) from None
                return self._empty_memory(
                    f"Your progress file {self.path} cannot be read ({exc}): your earlier progress is not shown, "
                    "and answers are kept for this session only."
                )
            except BaseException:
                _close(db)
                raise
            if mode != "rw":
                return self._into_memory(db, _read_only_message(self.path))
            try:
                _prepare_for_writing(db, self.patience)
            except _BROKEN as exc:
                cause = _cause(exc)
                if cause == _DAMAGED:
                    _close(db)
                    return self._recover(_plain(exc))
                return self._into_memory(db, _message(cause, self.path, self.patience, exc))
            return db
        return self._empty_memory(
            f"Your progress file {self.path} cannot be read ({last}): your earlier progress is not shown, "
            "and answers are kept for this session only."
        )

    def _recover(self, detail: str) -> sqlite3.Connection:
        """A damaged file of ours: keep it aside, start afresh with what can still be read."""
        aside = _aside_name(self.path)
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:  # another notebook opening it at the same moment moved it first
            return self._create()
        except OSError:  # a read-only folder: leave it where it is, work from what can be read
            memory = _memory()
            counts = _salvage_file(self.path, memory, self.patience)
            return self._use_memory(
                memory,
                f"Your progress file {self.path} is damaged ({detail}), and its folder cannot be written, so it "
                f"was left as it is. What could still be read ({_held(counts)}) is shown, and answers are kept "
                "for this session only.",
            )
        for suffix in _COMPANIONS:  # the log and journal belong with the file they were written for
            companion = Path(str(self.path) + suffix)
            if companion.exists():
                with suppress(OSError):
                    os.rename(companion, str(aside) + suffix)
        before = {s for s in _COMPANIONS if Path(str(aside) + s).exists()}
        stale = [s for s in ("-wal", "-journal") if Path(str(self.path) + s).exists()]
        fresh: sqlite3.Connection | None = None
        if not stale:  # a log left behind would be replayed into the fresh file
            try:
                fresh = _connect(self.path, self.patience)
                _prepare_for_writing(fresh, self.patience)
            except (OSError, sqlite3.Error):
                _close(fresh)
                fresh = None
        target = fresh if fresh is not None else _memory()
        counts = _salvage_file(aside, target, self.patience)
        for suffix in set(_COMPANIONS) - before:  # only what reading the copy just created
            with suppress(OSError):
                Path(str(aside) + suffix).unlink()
        if fresh is None:
            return self._use_memory(
                target,
                f"Your progress file {self.path} is damaged ({detail}); a copy was kept as {aside}. A fresh one "
                f"could not be started, so what could still be read ({_held(counts)}) is shown, and answers are "
                "kept for this session only.",
            )
        self.warning = (
            f"Your progress file {self.path} is damaged ({detail}); a copy was kept as {aside}, and a fresh one "
            f"was started with what could still be read: {_held(counts)}."
        )
        warnings.warn(self.warning, ProgressWarning, stacklevel=5)
        return fresh

    def _into_memory(self, db: sqlite3.Connection, message: str) -> sqlite3.Connection:
        """Copy what ``db`` holds into memory and work there from now on."""
        memory = _memory()
        _salvage(db, memory)
        _close(db)
        return self._use_memory(memory, message)

    def _empty_memory(self, message: str) -> sqlite3.Connection:
        return self._use_memory(_memory(), message)

    def _use_memory(self, memory: sqlite3.Connection, message: str) -> sqlite3.Connection:
        self.persistent = False
        self.warning = message
        warnings.warn(message, ProgressWarning, stacklevel=5)
        return memory

    # -- reading and writing, surviving what happens to the file meanwhile -----------------

    def _fall_back(self, exc: Exception, lesson: str) -> ProgressChange:
        """The file failed mid-session: copy what it holds into memory, go on there, say so once."""
        self._db = self._into_memory(self._db, _message(_cause(exc), self.path, self.patience, exc, later=True))
        return ProgressChange("warning", lesson, (), message=self.warning)

    def _can_fall_back(self, exc: Exception, writing: bool = False) -> bool:
        if isinstance(exc, sqlite3.ProgrammingError):
            return False  # a bug (a closed store), not the file
        if writing and isinstance(exc, (sqlite3.IntegrityError, sqlite3.DataError)):
            return False  # the values given (a score that is not a number), not the file: memory would refuse them too
        return self.persistent

    def _read(self, lesson: str, query: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return query(self._db)
        except _BROKEN as exc:
            if not self._can_fall_back(exc):
                raise
            notice = self._fall_back(exc, lesson)
        result = query(self._db)
        self._tell(notice)
        return result

    def _write(self, lesson: str, change: Callable[[sqlite3.Connection], T]) -> tuple[T, ProgressChange | None]:
        """Run ``change`` in one transaction; if the file fails, in memory. Returns its result and any notice."""
        try:
            return _transaction(self._db, change), None
        except _BROKEN as exc:
            if not self._can_fall_back(exc, writing=True):
                raise
            notice = self._fall_back(exc, lesson)
        return _transaction(self._db, change), notice

    def close(self) -> None:
        """Let go of the file (nothing is lost: every change was committed)."""
        _close(self._db)

    # -- flashcards ------------------------------------------------------------------------

    def card_states(self, lesson: str) -> dict[str, CardState]:
        """Every scheduled card of a lesson."""

        def query(db: sqlite3.Connection) -> dict[str, CardState]:
            rows = db.execute(
                "SELECT card, state FROM card_state WHERE lesson = ? AND algorithm = ?", (lesson, ALGORITHM)
            )
            states = {}
            for card, state in rows:
                with suppress(TypeError, ValueError, KeyError):  # a row that makes no sense is not a schedule
                    states[card] = CardState.from_json(state)
            return states

        return self._read(lesson, query)

    def record_review(self, lesson: str, card: str, rating: int, state: CardState, when: datetime) -> None:
        """Store one review (``rating`` 1-4, the button) and the card's new FSRS state, atomically."""
        row = (lesson, card, ALGORITHM, state.to_json(), state.card.due.isoformat())

        def change(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO review_log (lesson, card, rating, reviewed, algorithm) VALUES (?, ?, ?, ?, ?)",
                (lesson, card, rating, when.isoformat(), ALGORITHM),
            )
            db.execute("INSERT OR REPLACE INTO card_state VALUES (?, ?, ?, ?, ?)", row)

        _, notice = self._write(lesson, change)
        self._tell(notice, ProgressChange("review", lesson, (card,)))

    def reviews(self, lesson: str) -> list[tuple[str, int, datetime]]:
        """The review history of a lesson: (card, rating 1-4, when), oldest first (reviews made under SM-2
        included, rated with the button they were given with)."""

        def query(db: sqlite3.Connection) -> list[tuple[str, int, datetime]]:
            rows = db.execute("SELECT card, rating, reviewed FROM review_log WHERE lesson = ? ORDER BY id", (lesson,))
            history = []
            for card, grade, when in rows:
                with suppress(TypeError, ValueError):
                    history.append((card, grade, datetime.fromisoformat(when)))
            return history

        return self._read(lesson, query)

    # -- quiz attempts ---------------------------------------------------------------------

    def record_attempt(
        self,
        lesson: str,
        student: str,
        item: str,
        response: object,
        score: float,
        points: int,
        mode: str = "practice",
        when: datetime | None = None,
    ) -> None:
        """Keep one answer to a quiz item (every attempt is kept, not only the last)."""
        row = (lesson, student, item, mode, json.dumps(response, ensure_ascii=False, default=str), score, points,
               (when or datetime.now()).isoformat(timespec="seconds"))  # fmt: skip

        def change(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO attempts (lesson, student, item, mode, response, score, points, answered)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

        _, notice = self._write(lesson, change)
        self._tell(notice, ProgressChange("attempt", lesson, (item,), student=student))

    def reassign_attempts(self, old: str, new: str, lesson: str | None = None) -> int:
        """Answers kept under ``old`` (the "anonymous" of a learner who had not given a name yet) are ``new``'s from
        now on, in ``lesson`` or in every lesson; returns how many. On the learner's own computer what they did
        before naming themselves is theirs."""

        def change(db: sqlite3.Connection) -> int:
            if lesson is None:
                return db.execute("UPDATE attempts SET student = ? WHERE student = ?", (new, old)).rowcount
            return db.execute(
                "UPDATE attempts SET student = ? WHERE lesson = ? AND student = ?", (new, lesson, old)
            ).rowcount

        count, notice = self._write(lesson or "*", change)
        self._tell(notice, ProgressChange("attempt", lesson or "*", (), student=new) if count else None)
        return count

    def attempts(self, lesson: str, student: str | None = None) -> list[dict[str, object]]:
        """Attempts on a lesson's quiz (one student's, or everyone's), oldest first."""
        sql = "SELECT student, item, mode, response, score, points, answered FROM attempts WHERE lesson = ?"
        args: tuple[str, ...] = (lesson,)
        if student is not None:
            sql, args = sql + " AND student = ?", (lesson, student)

        def query(db: sqlite3.Connection) -> list[dict[str, object]]:
            found = []
            for st, it, mo, re, sc, po, wh in db.execute(sql + " ORDER BY id", args):
                with suppress(TypeError, ValueError):
                    found.append({"student": st, "item": it, "mode": mo, "response": json.loads(re), "score": sc,
                                  "points": po, "when": wh})  # fmt: skip
            return found

        return self._read(lesson, query)

    def students(self, lesson: str) -> list[str]:
        """Students with attempts on a lesson, sorted."""

        def query(db: sqlite3.Connection) -> list[str]:
            rows = db.execute("SELECT DISTINCT student FROM attempts WHERE lesson = ? ORDER BY student", (lesson,))
            return [row[0] for row in rows]

        return self._read(lesson, query)

    # -- known words -----------------------------------------------------------------------

    def known(self, lesson: str) -> set[str]:
        """Ids of the glossary entries marked as known."""
        return self._read(
            lesson, lambda db: {row[0] for row in db.execute("SELECT entry FROM known WHERE lesson = ?", (lesson,))}
        )

    def set_known(self, lesson: str, entry: str, known: bool = True, when: datetime | None = None) -> None:
        """Mark a glossary entry as known (or not any more); observers hear of it only if that changed it."""
        self.set_known_many(lesson, (entry,), known, when)

    def set_known_many(
        self, lesson: str, entries: Iterable[str], known: bool = True, when: datetime | None = None
    ) -> None:
        """Mark several entries at once: one transaction, then one change naming those that changed."""
        wanted = list(dict.fromkeys(entries))
        stamp = (when or datetime.now()).isoformat()

        def change(db: sqlite3.Connection) -> list[str]:
            changed = []
            for entry in wanted:
                if known:
                    cursor = db.execute("INSERT OR IGNORE INTO known VALUES (?, ?, ?)", (lesson, entry, stamp))
                else:
                    cursor = db.execute("DELETE FROM known WHERE lesson = ? AND entry = ?", (lesson, entry))
                if cursor.rowcount:
                    changed.append(entry)
            return changed

        changed, notice = self._write(lesson, change)
        self._tell(notice, ProgressChange("known", lesson, tuple(changed), known=bool(known)) if changed else None)


# -- what a file is --------------------------------------------------------------------------


def _sniff(path: Path) -> tuple[str, object]:
    """What the bytes of ``path`` say, before SQLite is asked: ("new" | "unreadable" | "sqlite" | "headerless",
    detail). Raises :class:`NotAProgressFile` for anything that cannot be a progress file of ours."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return "new", None
    except ValueError:
        raise ProgressError(f"{path!r} is not a file name this computer can use.", None) from None
    except OSError as exc:
        return "unreadable", _reason(exc)
    if stat.S_ISDIR(info.st_mode):
        raise NotAProgressFile(f"{path} is a folder, not a progress file (Khabar's is named {FILE_NAME}).", path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAProgressFile(
            f"{path} is not a regular file (it is a device, a pipe or a socket), so it cannot hold progress; "
            "it was left as it is.",
            path,
        )
    if info.st_size == 0:
        return "new", None  # nothing in it to lose: SQLite starts a database there
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError as exc:
        return "unreadable", _reason(exc)
    if head.startswith(_MAGIC):
        return "sqlite", head
    if _database_page_size(path, info.st_size):
        return "headerless", None  # a database whose first page was destroyed (text files have no such pages)
    kind = _file_kind(head)
    raise NotAProgressFile(
        f"{path} is {kind or 'a file that does not begin like an SQLite database'}, not a Khabar progress "
        f"database; it was left as it is (Khabar keeps progress in a file named {FILE_NAME}).",
        path,
    )


_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive (or a spreadsheet or document, which are ZIP archives too)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def _header_is_sound(head: bytes) -> bool:
    """Whether the fields of an SQLite header that say how to read the file hold values SQLite writes
    (SQLite file format, section 1.3): page size, format versions, payload fractions."""
    if len(head) < 100:
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return (
        512 <= page_size <= 65536
        and page_size & (page_size - 1) == 0
        and head[18] in (1, 2)
        and head[19] in (1, 2)
        and head[21:24] == b"\x40\x20\x20"
        and int.from_bytes(head[44:48], "big") in (0, 1, 2, 3, 4)  # 0: nothing in it yet
        and int.from_bytes(head[56:60], "big") in (0, 1, 2, 3)
    )


def _file_kind(head: bytes) -> str | None:
    """What the first bytes of a file that is not SQLite look like, or None for bytes that mean nothing."""
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic):
            return name
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16
        return "a text file"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut in two at the end of what was read
            return None
        text = head[: exc.start].decode("utf-8")
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    if "\x00" in text or controls > len(text) // 100:
        return None
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "a JSON file", "[": "a JSON file", "<": "an HTML or XML file"}.get(start, "a text file")


def _database_page_size(path: Path, size: int) -> int | None:
    """For a file whose first page is gone: the page size at which its pages are laid out as SQLite's, if any."""
    try:
        with path.open("rb") as file:
            for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
                if size % page_size or size < 2 * page_size:
                    continue
                for number in range(1, min(size // page_size, 9)):
                    file.seek(number * page_size)
                    if _looks_like_btree_page(file.read(page_size), page_size):
                        return page_size
    except OSError:
        return None
    return None


def _looks_like_btree_page(page: bytes, page_size: int) -> bool:
    """A b-tree page header (SQLite file format, section 1.6) whose numbers fit inside the page."""
    if len(page) < page_size or page[0] not in (2, 5, 10, 13):
        return False
    header = 12 if page[0] in (2, 5) else 8
    freeblock = int.from_bytes(page[1:3], "big")
    cells = int.from_bytes(page[3:5], "big")
    content = int.from_bytes(page[5:7], "big") or 65536
    if page[7] > 60 or (freeblock and not header <= freeblock < page_size):
        return False
    if not header + 2 * cells <= content <= page_size:
        return False
    pointers = (int.from_bytes(page[header + 2 * i : header + 2 * i + 2], "big") for i in range(cells))
    return all(content <= p < page_size for p in pointers)


def _looks_like_ours(path: Path) -> bool:
    """For a damaged file without our mark (older files have none): our name, or our tables in its first pages."""
    if path.name == FILE_NAME:
        return True
    try:
        with path.open("rb") as file:
            start = file.read(65536)
    except OSError:
        return False
    if b"CREATE TABLE attempts" not in start:
        return False
    return b"CREATE TABLE card_state" in start or (b"CREATE TABLE cards" in start and b"interval_days" in start)


def _identify(db: sqlite3.Connection) -> tuple[int, int, dict[str, list[str]]]:
    """The file's mark, layout version, and the columns of its tables (SQLite errors if it cannot tell)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    columns = {name: [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')] for name in names if name in _ALL}
    return app_id, version, {name: columns.get(name, []) for name in names}


def _judge(path: Path, app_id: int, version: int, tables: dict[str, list[str]]) -> None:
    """Raise :class:`NotAProgressFile` unless the file is progress of ours in a layout this version reads, and
    :class:`_Damaged` for a file marked as ours whose tables are not the ones this module makes."""
    layout = {name: [column for column, _ in spec] for name, spec in _ALL.items()}
    others = sorted(name for name in tables if name not in _ALL and not name.startswith("sqlite_"))
    fits = all(tables[name] == layout[name] for name in tables if name in layout)
    exact = not others and fits and (set(_TABLES) <= set(tables) or _LAYOUT_1 <= set(tables))  # this or layout 1
    if version > SCHEMA_VERSION and (app_id == APPLICATION_ID or exact):
        raise NotAProgressFile(
            f"{path} was written by a newer version of Khabar, which this one cannot read; it was left as it is. "
            "Update Khabar to open it.",
            path,
        )
    if exact:
        return  # ours, whatever its header says: an older file has no mark, a damaged header a wrong one
    if app_id == APPLICATION_ID:
        raise _Damaged("its list of tables is not the one Khabar writes")
    if app_id != 0 or others or version > SCHEMA_VERSION:
        listed = f" (its tables: {', '.join(others[:5])})" if others else ""
        raise NotAProgressFile(
            f"{path} is another program's SQLite database{listed}, not a Khabar progress file; it was left as it is.",
            path,
        )
    for name, columns in layout.items():  # an older file of ours: tables missing are added, others must fit
        if name in tables and tables[name] != columns:
            raise NotAProgressFile(
                f"{path} holds progress in a form this version of Khabar cannot read (its table {name!r} has the "
                f"columns {', '.join(tables[name]) or 'none'} instead of {', '.join(columns)}); it was left as "
                "it is.",
                path,
            )


def _verify(db: sqlite3.Connection) -> None:
    """Raise :class:`_Damaged` unless SQLite's integrity check passes and every row reads back sensibly."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise _Damaged("parts of it do not fit together")
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.text_factory = bytes
    try:
        for table in _ALL:
            if table in present:
                for _rowid, row in _rows(db, table, ""):
                    if row is None:
                        raise _Damaged("some of its entries hold values that make no sense")
    finally:
        db.text_factory = str


# -- connections -----------------------------------------------------------------------------


def _connect(path: Path, patience: float, mode: str = "rw") -> sqlite3.Connection:
    """A connection to ``path``: "rw" (read and write, creating it), "ro" (read only), "immutable" (read only,
    for a file SQLite cannot even lock: a read-only folder; a log beside it is not read then)."""
    if mode == "rw":
        target, uri = str(path), False
    else:
        target = path.resolve().as_uri() + ("?mode=ro" if mode == "ro" else "?mode=ro&immutable=1")
        uri = True
    return sqlite3.connect(target, timeout=patience, isolation_level=None, check_same_thread=False, uri=uri)


def _memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.executescript(_SCHEMA)
    return db


def _close(db: sqlite3.Connection | None) -> None:
    if db is not None:
        with suppress(sqlite3.Error):
            db.close()


def _prepare_for_writing(db: sqlite3.Connection, patience: float) -> None:
    """Switch to the write-ahead log, create the tables, mark the file as ours: a real write, so that a file or
    folder that cannot be written, a full disk or a lock that does not end shows now, not at the first answer."""
    # Switching to WAL needs a moment alone with the file: when two notebooks open it at the same
    # time SQLite answers "locked" at once, without waiting, so wait here.
    _retry_while_locked(lambda: db.execute("PRAGMA journal_mode=WAL").fetchone(), patience)

    def create(db: sqlite3.Connection) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        _migrate(db)  # in the same transaction: another notebook opening the file meanwhile finds it migrated
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    _transaction(db, create)


def _transaction(db: sqlite3.Connection, change: Callable[[sqlite3.Connection], T]) -> T:
    db.execute("BEGIN IMMEDIATE")
    try:
        result = change(db)
        db.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    return result


def _open_for_salvage(path: Path, patience: float) -> sqlite3.Connection | None:
    """A read-only connection to a damaged file whose list of tables SQLite can read, or None.

    Without a log beside the file it is read as immutable: nothing is created next to it (no ``-shm``).
    """
    for mode in ("ro", "immutable") if Path(str(path) + "-wal").exists() else ("immutable",):
        db = None
        try:
            db = _connect(path, patience, mode)
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if names & set(_ALL):
                return db
        except (sqlite3.Error, UnicodeDecodeError):
            pass
        _close(db)
    return None


def _retry_while_locked(step: Callable[[], object], patience: float = PATIENCE) -> None:
    """Run ``step``, retrying for up to ``patience`` seconds while another process holds the file."""
    deadline = time.monotonic() + patience
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# -- salvage: every row that can still be read -----------------------------------------------

_FIRST = -(2**63)
_GENERIC = tuple("abcdefghij")  # more columns than any table of ours has


def _rows(db: sqlite3.Connection, table: str, where: str, args: tuple[int, ...] = (), order: str = "ASC") -> Iterator[
    tuple[int, tuple[object, ...] | None]
]:  # fmt: skip
    """(rowid, row) of ``table`` in rowid order, each row checked (None when it makes no sense).

    Needs ``db.text_factory = bytes``: text is decoded here, so that one garbled row does not stop the rest.
    """
    spec = _ALL[table]
    # Bare names: SQLite reads a double-quoted name that is not a column as a string, and a damaged list of
    # tables can lose a column's name.
    columns = ", ".join(f"typeof({name}), {name}" for name, _ in spec)
    sql = f"SELECT rowid, {columns} FROM {table} {where} ORDER BY rowid {order}"
    for record in db.execute(sql, args):
        yield record[0], _checked(spec, record[1:])


def _checked(spec: tuple[tuple[str, str], ...], values: tuple[object, ...]) -> tuple[object, ...] | None:
    row = []
    for (_name, kind), sql_type, value in zip(spec, values[0::2], values[1::2], strict=True):
        sql_type = sql_type.decode() if isinstance(sql_type, bytes) else sql_type
        if kind == _NUMBER:
            if sql_type not in ("integer", "real") or (isinstance(value, float) and math.isnan(value)):
                return None
            row.append(value)
            continue
        if sql_type != "text":
            return None
        try:
            text = value.decode("utf-8") if isinstance(value, bytes) else str(value)
            if kind == _STAMP:
                datetime.fromisoformat(text)
            elif kind == _JSON:
                json.loads(text)
        except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            return None
        row.append(text)
    return tuple(row)


class _Stop(Exception):
    """Reading the file must stop: another program holds it."""


Rows = dict[str, dict[float, tuple[object, ...]]]


def _keep(found: dict[float, tuple[object, ...]], rowid: int, row: tuple[object, ...]) -> None:
    """Add a salvaged row under its rowid, unless it is there already. A different row under the same rowid (a
    damaged rowid) is kept too, just after it, with a new id where the id is the rowid."""
    if rowid not in found:
        found[rowid] = row
    elif found[rowid] != row and row not in found.values():
        key: float = rowid
        while key in found:
            key += 0.5**10
        found[key] = (None, *row[1:]) if isinstance(row[0], int) and row[0] == rowid else row


def _table_rows(db: sqlite3.Connection, table: str, found: dict[float, tuple[object, ...]]) -> bool:
    """Add to ``found`` (by rowid) every sensible row of ``table`` SQLite can reach: forwards until damage stops
    the reading, then backwards from the end to the same place. True when nothing stopped it."""

    def scan(order: str, after: int) -> tuple[int | None, bool]:
        last, sound = None, True
        try:
            for rowid, row in _rows(db, table, "WHERE rowid > ?", (after,), order):
                last = rowid
                if row is None:
                    sound = False  # a row that makes no sense: damage, whatever SQLite says
                else:
                    _keep(found, rowid, row)
        except _BROKEN as exc:
            if _cause(exc) == _LOCKED:
                raise _Stop from exc
            return last, False
        return last, sound

    last, complete = scan("ASC", _FIRST)
    if not complete:
        scan("DESC", _FIRST if last is None else last)
    return complete


def _read_tables(source: sqlite3.Connection) -> tuple[Rows, bool]:
    """The sensible rows of our tables that ``source`` can give, by table and rowid; True if all read cleanly."""
    rows: Rows = {table: {} for table in _ALL}
    try:
        present = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except _BROKEN:
        return rows, False
    source.text_factory = bytes
    # a table missing from a damaged list of tables is not an empty one
    complete = set(_TABLES) <= present or _LAYOUT_1 <= present
    try:
        for table in _ALL:
            if table in present:
                complete = _table_rows(source, table, rows[table]) and complete
    except _Stop:
        complete = False
    finally:
        with suppress(sqlite3.Error):
            source.text_factory = str
    return rows, complete


def _salvage(source: sqlite3.Connection, target: sqlite3.Connection) -> dict[str, int]:
    """Copy every sensible row ``source`` can still give into ``target``; how many of each kind were copied."""
    return _insert_all(target, _read_tables(source)[0])


def _insert_all(target: sqlite3.Connection, rows: Rows) -> dict[str, int]:
    """Add salvaged rows to ``target`` in their old order, one transaction; how many of each kind went in."""

    return _transaction(target, lambda db: _put_rows(db, rows))


def _put_rows(db: sqlite3.Connection, rows: Rows) -> dict[str, int]:
    """Add rows read from a file (of this layout or of layout 1) to ``db``, in their old order; rows of layout 1
    go into this layout's tables (:func:`_converted`), and cards with reviews but no FSRS state get one
    (:func:`_seed_states`). How many rows of each table of this layout went in."""
    counts = dict.fromkeys(_TABLES, 0)
    for table, found in rows.items():
        order = sorted(found, key=lambda key: (key != int(key), key))  # rows kept beside another: new ids, last
        for key in order:
            target, row = _converted(table, found[key])
            columns = ", ".join(name for name, _ in _TABLES[target])
            marks = ", ".join("?" * len(_TABLES[target]))
            verb = "INSERT OR REPLACE" if target == "card_state" else "INSERT OR IGNORE"  # a later schedule wins
            counts[target] += db.execute(f"{verb} INTO {target} ({columns}) VALUES ({marks})", row).rowcount
    _seed_states(db)
    return counts


def _converted(table: str, row: tuple[object, ...]) -> tuple[str, tuple[object, ...]]:
    """(table, row) of this layout for a row of ``table`` (which may be a table of layout 1)."""
    if table == "reviews":  # (id, lesson, card, SM-2 grade, reviewed)
        rowid, lesson, card, grade, when = row
        rating = rating_of_sm2_grade(min(5, max(0, int(grade))))  # type: ignore[call-overload]
        return "review_log", (rowid, lesson, card, rating, when, SM2)
    if table == "cards":  # SM-2's schedule, kept as that algorithm's state
        lesson, card, repetitions, interval_days, ease, due = row
        state = {"repetitions": repetitions, "interval_days": interval_days, "ease": ease, "due": due}
        return "card_state", (lesson, card, SM2, json.dumps(state, sort_keys=True), due)
    return table, row


def _seed_states(db: sqlite3.Connection) -> int:
    """Give every card that has reviews but no FSRS state the state its whole review history gives.

    Replayed rather than converted from SM-2's numbers: an FSRS state (stability, difficulty) is defined by
    the history of reviews and their times, and SM-2's ease factor and interval have no FSRS equivalent.
    Replaying gives the card the state it would have if FSRS had scheduled it from the first review.
    How many cards were given a state.
    """
    missing = db.execute(
        "SELECT DISTINCT lesson, card FROM review_log WHERE NOT EXISTS (SELECT 1 FROM card_state s WHERE "
        "s.lesson = review_log.lesson AND s.card = review_log.card AND s.algorithm = ?)",
        (ALGORITHM,),
    ).fetchall()
    seeded = 0
    for lesson, card in missing:
        history = []
        for rating, when in db.execute(
            "SELECT rating, reviewed FROM review_log WHERE lesson = ? AND card = ? ORDER BY id", (lesson, card)
        ):
            with suppress(TypeError, ValueError):
                history.append((int(rating), datetime.fromisoformat(when)))
        with suppress(ValueError, OverflowError):  # no review fsrs can take: the card starts as new
            state = replay(history)
            db.execute(
                "INSERT INTO card_state VALUES (?, ?, ?, ?, ?)",
                (lesson, card, ALGORITHM, state.to_json(), state.card.due.isoformat()),
            )
            seeded += 1
    return seeded


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a file of layout 1 (SM-2) to this layout, inside the caller's transaction: every review goes into
    ``review_log`` (rated with the button its SM-2 grade came from, marked ``sm2``), every SM-2 schedule into
    ``card_state`` as that algorithm's state (so nothing is lost), each card gets its FSRS state by replaying its
    reviews (:func:`_seed_states`), and the old tables go. Nothing happens to a file without them."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    legacy = [table for table in _LEGACY if table in present]
    if not legacy:
        return
    rows: Rows = {}
    db.text_factory = bytes
    try:
        for table in legacy:
            rows[table] = {rowid: row for rowid, row in _rows(db, table, "") if row is not None}
    finally:
        db.text_factory = str
    _put_rows(db, rows)
    for table in legacy:
        db.execute(f"DROP TABLE {table}")


def _salvage_file(path: Path, target: sqlite3.Connection, patience: float) -> dict[str, int]:
    """Copy what can still be read of the damaged file ``path`` into ``target`` (``path`` is only read).

    First through SQLite's own tree of each table. When SQLite cannot read the file's first page (its header and
    list of tables), through a copy whose first page is put back as this module makes it (the tables' own pages
    sit where a file made here puts them). When damage stopped that reading, every page laid out as a table's
    leaf is then read on its own, so that rows on healthy pages that the damaged tree no longer leads to are kept.
    """
    rows: Rows = {table: {} for table in _ALL}
    complete = False
    page_size = _page_size(path)
    with tempfile.TemporaryDirectory(prefix="khabar-salvage-") as folder:
        source = _open_for_salvage(path, patience)
        if source is None and page_size is not None:
            try:
                copy = _with_first_page(path, page_size, Path(folder), _schema_page)
            except (OSError, sqlite3.Error):
                copy = None
            source = _open_for_salvage(copy, patience) if copy is not None else None
        if source is not None:
            rows, complete = _read_tables(source)
            _close(source)
        if not complete and page_size is not None:
            with suppress(OSError, sqlite3.Error):
                _leaf_rows(path, page_size, Path(folder), rows)
    return _insert_all(target, rows)


def _page_size(path: Path) -> int | None:
    """The page size the header gives, else the one at which the file's pages look like SQLite's."""
    try:
        with path.open("rb") as file:
            head = file.read(100)
        size = path.stat().st_size
    except OSError:
        return None
    if head.startswith(_MAGIC) and len(head) >= 18:
        page_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        if page_size >= 512 and page_size & (page_size - 1) == 0:
            return page_size
    return _database_page_size(path, size)


def _schema_page(db: sqlite3.Connection) -> None:
    db.executescript(_SCHEMA)  # in the order _prepare_for_writing creates them: the same pages


def _with_first_page(
    path: Path, page_size: int, folder: Path, make: Callable[[sqlite3.Connection], None], name: str = "rebuilt"
) -> Path | None:
    """A copy of ``path`` in ``folder`` whose first page is that of a fresh database ``make`` fills."""
    template = folder / f"{name}-template.sqlite3"
    with suppress(FileNotFoundError):
        template.unlink()
    db = sqlite3.connect(template, isolation_level=None)
    try:
        db.execute(f"PRAGMA page_size = {page_size}")
        db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no need to survive a crash
        db.execute("PRAGMA synchronous = OFF")
        make(db)
    finally:
        db.close()
    first = bytearray(template.read_bytes()[:page_size])
    if first[100] != 13:  # the list of tables must fit on the first page
        return None
    first[28:32] = (path.stat().st_size // page_size).to_bytes(4, "big")  # the pages the file has
    first[32:40] = bytes(8)  # no list of free pages: it was on the page replaced
    first[92:96] = first[24:28]  # the page count above is to be believed
    copy = folder / f"{name}.sqlite3"
    if not copy.exists():
        shutil.copyfile(path, copy)
    with copy.open("r+b") as out:
        out.write(first)
    return copy


def _free_pages(path: Path, page_size: int, count: int) -> set[int]:
    """The pages the header lists as free (their old rows are not progress any more)."""
    free: set[int] = set()
    with path.open("rb") as file:
        head = file.read(100)
        if not head.startswith(_MAGIC):
            return free
        trunk = int.from_bytes(head[32:36], "big")
        while 1 < trunk <= count and trunk not in free:
            free.add(trunk)
            file.seek((trunk - 1) * page_size)
            page = file.read(page_size)
            listed = min(int.from_bytes(page[4:8], "big"), page_size // 4 - 2)
            free.update(int.from_bytes(page[8 + 4 * i : 12 + 4 * i], "big") for i in range(listed))
            trunk = int.from_bytes(page[0:4], "big")
    return free


def _leaf_rows(path: Path, page_size: int, folder: Path, rows: Rows) -> None:
    """Add to ``rows`` the rows of ours on every page of ``path`` laid out as a table's leaf (rowids already
    found are kept as found). Each page is read as the whole of a table of ten untyped columns, whose first
    page is put in front of a copy of the file; which of our tables a row belongs to shows in its columns."""
    count = path.stat().st_size // page_size
    free = _free_pages(path, page_size, count)
    leaves = []
    with path.open("rb") as file:
        for number in range(2, count + 1):
            file.seek((number - 1) * page_size)
            page = file.read(page_size)
            if number not in free and page[:1] == b"\x0d" and _looks_like_btree_page(page, page_size):
                leaves.append(number)
    per_batch = max(1, (page_size - 200) // 120)
    columns = ", ".join(f"typeof({c}), {c}" for c in _GENERIC)
    for start in range(0, len(leaves), per_batch):
        batch = leaves[start : start + per_batch]

        def make(db: sqlite3.Connection, batch: list[int] = batch) -> None:
            db.execute("PRAGMA writable_schema = ON")
            db.execute("CREATE TABLE x (a)")  # so that the list of tables exists to be written
            for number in batch:
                db.execute(
                    "INSERT INTO sqlite_master VALUES ('table', ?, ?, ?, ?)",
                    (f"p{number}", f"p{number}", number, f"CREATE TABLE p{number} ({', '.join(_GENERIC)})"),
                )

        copy = _with_first_page(path, page_size, folder, make, "pages")
        db = _connect(copy, PATIENCE, "immutable") if copy is not None else None
        if db is None:
            continue
        db.text_factory = bytes
        try:
            for number in batch:
                try:
                    rowids = [row[0] for row in db.execute(f"SELECT rowid FROM p{number}")]
                except _BROKEN:
                    continue
                for rowid in rowids:
                    try:
                        values = db.execute(f"SELECT {columns} FROM p{number} WHERE rowid = ?", (rowid,)).fetchone()
                    except _BROKEN:
                        continue
                    matched = _as_ours(rowid, values) if values else None
                    if matched is not None:
                        _keep(rows[matched[0]], rowid, matched[1])
        finally:
            _close(db)


def _as_ours(rowid: int, values: tuple[object, ...]) -> tuple[str, tuple[object, ...]] | None:
    """(table, row) for a record of one of our tables read through untyped columns, or None."""
    for table, spec in _ALL.items():  # a record too short for a table has NULL (not text) where its columns end
        width = 2 * len(spec)
        if any(kind not in (b"null", "null") for kind in values[width::2]):
            continue  # more columns than this table has
        own = list(values[:width])
        if spec[0][0] == "id":  # an INTEGER PRIMARY KEY is the rowid; the record holds NULL in its place
            if own[0] not in (b"null", "null"):
                continue
            own[0:2] = ["integer", rowid]
        row = _checked(spec, tuple(own))
        if row is not None:
            return table, row
    return None


# -- what to tell the learner ----------------------------------------------------------------


def _cause(exc: BaseException) -> str:
    """Which kind of trouble an error from reading or writing the file is. Anything SQLite says about a file
    other than a lock, a full disk, no right to write, or the disk itself failing, means the file is damaged
    ("malformed", "not a database", "unsupported file format", "string or blob too big", garbled text ...)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _LOCKED
    if "full" in text:
        return _FULL
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return _READ_ONLY
    if "i/o error" in text or "out of memory" in text:
        return _FAILED
    return _DAMAGED


def _plain(exc: BaseException) -> str:
    """How a damaged file failed, in words a learner understands."""
    text = str(exc).lower()
    if "not a database" in text or "encrypted" in text:
        return "it no longer begins like a database"
    if "decode" in text:
        return "some of its text is garbled"
    return "parts of it cannot be read"


def _reason(exc: OSError) -> str:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return "a file is in the way where a folder should be"
    return (exc.strerror or str(exc)).lower()


def _held(counts: dict[str, int]) -> str:
    parts = [f"{counts[t]} {_WHAT[t][counts[t] != 1]}" for t in ("review_log", "known", "attempts") if counts.get(t)]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _read_only_message(path: Path) -> str:
    return (
        "Your progress is read-only here: answers are kept for this session only. "
        f"({path} cannot be written; to keep your answers, set {DATA_ENV} to a folder you can write to.)"
    )


def _locked_message(path: Path, patience: float, unread: bool = False) -> str:
    return (
        f"Your progress file {path} is in use by another program (it stayed locked for more than {patience:g} "
        f"seconds){': your earlier progress could not be read, and' if unread else ':'} answers are kept for this "
        "session only. Close the other program and open the notebook again to save them."
    )


def _cannot_save(folder: Path, exc: BaseException) -> str:
    reason = _reason(exc) if isinstance(exc, OSError) else str(exc)
    if _cause(exc) == _FULL or "no space" in reason:
        reason = "the disk is full"
    return (
        f"Your progress cannot be saved in {folder} ({reason}): answers are kept for this session only. "
        f"Set {DATA_ENV} to a folder you can write to, to keep them."
    )


def _message(cause: str, path: Path, patience: float, exc: BaseException, later: bool = False) -> str:
    """The sentence for the learner when the file can no longer be written (``later``: after it was opened)."""
    if cause == _READ_ONLY:
        return _read_only_message(path)
    if cause == _FULL:
        return (
            f"Your answers could not be saved: the disk that holds {path} is full. They are kept for this session "
            "only; free some space and open the notebook again to save again."
        )
    if cause == _LOCKED:
        return _locked_message(path, patience)
    if cause == _DAMAGED and later:
        return (
            f"Your progress file {path} turned out to be damaged ({_plain(exc)}). Nothing was deleted: the file "
            "was left as it is and will be repaired the next time it is opened. Until then, what could still be "
            "read and your new answers are kept for this session only."
        )
    return f"Your progress could not be saved in {path} ({exc}): answers are kept for this session only."


def _aside_name(path: Path) -> Path:
    base = f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}"
    aside, n = path.with_name(base), 1
    while any(Path(str(aside) + s).exists() for s in ("", *_COMPANIONS)):
        n += 1
        aside = path.with_name(f"{base}-{n}")
    return aside


def open_progress(path: str | os.PathLike[str] | None = None, *, patience: float = PATIENCE) -> ProgressStore:
    """Open the learner's progress (see :class:`ProgressStore` for where and how).

    Raises :class:`NotAProgressFile` (a :class:`ProgressError`, an ``OSError``) for a file that holds something
    else; its message names the file and says what it looks like. Every other trouble ends in a store that
    works, with :attr:`ProgressStore.warning` saying what happened.
    """
    return ProgressStore(path, patience=patience)
