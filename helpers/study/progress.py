"""A learner's progress, kept in SQLite so that it is never lost.

Flashcard history and schedule, the words a learner has marked as known, and
every answer given to a quiz item live in one SQLite file in the learner's data folder:

* ``path`` argument, else ``$KHABAR_DATA_DIR/progress.sqlite3``, else the
  platform's user data folder (``~/.local/share/khabar`` on Linux,
  ``~/Library/Application Support/khabar`` on macOS, ``%APPDATA%\\khabar`` on
  Windows).

What can go wrong, and what happens:

* kernel restart or crash: every change is committed at once, nothing to lose;
* two notebooks writing at once: SQLite's write-ahead log and a busy timeout
  make them take turns;
* a damaged file: it is moved aside (``progress.sqlite3.damaged-<time>``) with
  a warning naming both paths, and a fresh file is started;
* a folder that cannot be written: a warning says so, and progress is kept in
  memory for this session (the kit keeps working).

Views follow the store: :meth:`ProgressStore.observe` registers a function that
is called with a :class:`ProgressChange` after every write (a word marked known
in the flashcards shows at once in the known-words list and the reading view).

>>> import tempfile
>>> store = ProgressStore(Path(tempfile.mkdtemp()) / FILE_NAME)
>>> store.observe(print)
>>> store.set_known("L", "g-x")
ProgressChange(kind='known', lesson='L', keys=('g-x',), known=True, student=None)
>>> store.set_known_many("L", ["g-x", "g-y", "g-z"])  # g-x is known already
ProgressChange(kind='known', lesson='L', keys=('g-y', 'g-z'), known=True, student=None)
>>> store.set_known("L", "g-x")  # nothing changed: nobody is told
>>> store.unobserve(print)
>>> store.close()
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpers.lesson.paths import DATA_ENV, user_data_dir
from helpers.study.srs import CardState

__all__ = ["ProgressChange", "ProgressStore", "ProgressWarning", "open_progress"]

FILE_NAME = "progress.sqlite3"

_SCHEMA = """
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


class ProgressWarning(UserWarning):
    """Progress could not be kept where it should be; the message says what happened instead."""


@dataclass(frozen=True)
class ProgressChange:
    """What one write to the store changed, as its observers are told.

    ``kind`` is ``"known"`` (``keys`` are the glossary entries that changed, ``known`` their new state),
    ``"review"`` (``keys`` holds the flashcard id) or ``"attempt"`` (``keys`` holds the quiz item id,
    ``student`` says who answered).
    """

    kind: str
    lesson: str
    keys: tuple[str, ...]
    known: bool | None = None
    student: str | None = None


class ProgressStore:
    """Progress of one learner; every method commits before it returns, then tells the observers."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else user_data_dir() / FILE_NAME
        self.persistent = True
        self.warning: str | None = None
        self._observers: list[Callable[[ProgressChange], object]] = []
        self._db = self._open()

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

    def _tell(self, change: ProgressChange) -> None:
        error: BaseException | None = None
        for callback in list(self._observers):
            try:
                callback(change)
            except Exception as exc:  # the others must still hear of the change
                if error is None:
                    error = exc
        if error is not None:
            raise error

    # -- opening, with the two failure modes -----------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(self.path)
        except sqlite3.DatabaseError as exc:
            if self.path.exists() and _is_damage(exc):
                return self._start_fresh(exc)
            return self._in_memory(exc)
        except OSError as exc:
            return self._in_memory(exc)

    @staticmethod
    def _connect(target: Path | str) -> sqlite3.Connection:
        db = sqlite3.connect(str(target), timeout=15, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout=15000")
            if target != ":memory:":
                # Switching to WAL needs a moment alone with the file: when two notebooks open it at the same
                # time SQLite answers "locked" at once, without waiting, so wait here.
                _retry_while_locked(lambda: db.execute("PRAGMA journal_mode=WAL"))
                if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("database disk image is malformed (quick_check)")
            _retry_while_locked(lambda: db.executescript(_SCHEMA))
        except BaseException:
            db.close()
            raise
        return db

    def _start_fresh(self, exc: BaseException) -> sqlite3.Connection:
        aside = self.path.with_name(f"{self.path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
        shutil.move(str(self.path), aside)
        for extra in ("-wal", "-shm"):
            companion = Path(str(self.path) + extra)
            if companion.exists():
                shutil.move(str(companion), str(aside) + extra)
        self.warning = (
            f"Your progress file {self.path} was damaged ({exc}). It was moved to {aside} "
            "and a fresh progress file was started."
        )
        warnings.warn(self.warning, ProgressWarning, stacklevel=3)
        return self._connect(self.path)

    def _in_memory(self, exc: BaseException) -> sqlite3.Connection:
        self.persistent = False
        self.warning = (
            f"Progress cannot be saved in {self.path.parent} ({exc}). It is kept in memory for this session "
            f"only; set {DATA_ENV} to a folder you can write to keep it."
        )
        warnings.warn(self.warning, ProgressWarning, stacklevel=3)
        return self._connect(":memory:")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    # -- flashcards ------------------------------------------------------------------------

    def card_states(self, lesson: str) -> dict[str, CardState]:
        """Every scheduled card of a lesson."""
        rows = self._db.execute(
            "SELECT card, repetitions, interval_days, ease, due FROM cards WHERE lesson = ?", (lesson,)
        )
        return {card: CardState(r, i, e, datetime.fromisoformat(d)) for card, r, i, e, d in rows}

    def record_review(self, lesson: str, card: str, grade: int, state: CardState, when: datetime) -> None:
        """Store one review and the card's new schedule, atomically."""
        with self._write() as db:
            db.execute(
                "INSERT INTO reviews (lesson, card, grade, reviewed) VALUES (?, ?, ?, ?)",
                (lesson, card, grade, when.isoformat()),
            )
            db.execute(
                "INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?, ?, ?)",
                (lesson, card, state.repetitions, state.interval_days, state.ease, state.due.isoformat()),
            )
        self._tell(ProgressChange("review", lesson, (card,)))

    def reviews(self, lesson: str) -> list[tuple[str, int, datetime]]:
        """The review history of a lesson: (card, grade, when), oldest first."""
        rows = self._db.execute("SELECT card, grade, reviewed FROM reviews WHERE lesson = ? ORDER BY id", (lesson,))
        return [(card, grade, datetime.fromisoformat(when)) for card, grade, when in rows]

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
        import json

        with self._write() as db:
            db.execute(
                "INSERT INTO attempts (lesson, student, item, mode, response, score, points, answered)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (lesson, student, item, mode, json.dumps(response, ensure_ascii=False, default=str), score, points,
                 (when or datetime.now()).isoformat(timespec="seconds")),
            )  # fmt: skip
        self._tell(ProgressChange("attempt", lesson, (item,), student=student))

    def attempts(self, lesson: str, student: str | None = None) -> list[dict[str, object]]:
        """Attempts on a lesson's quiz (one student's, or everyone's), oldest first."""
        import json

        query = "SELECT student, item, mode, response, score, points, answered FROM attempts WHERE lesson = ?"
        args: tuple[str, ...] = (lesson,)
        if student is not None:
            query, args = query + " AND student = ?", (lesson, student)
        rows = self._db.execute(query + " ORDER BY id", args)
        return [
            {"student": st, "item": it, "mode": mo, "response": json.loads(re), "score": sc, "points": po, "when": wh}
            for st, it, mo, re, sc, po, wh in rows
        ]

    def students(self, lesson: str) -> list[str]:
        """Students with attempts on a lesson, sorted."""
        rows = self._db.execute("SELECT DISTINCT student FROM attempts WHERE lesson = ? ORDER BY student", (lesson,))
        return [row[0] for row in rows]

    # -- known words -----------------------------------------------------------------------

    def known(self, lesson: str) -> set[str]:
        """Ids of the glossary entries marked as known."""
        return {row[0] for row in self._db.execute("SELECT entry FROM known WHERE lesson = ?", (lesson,))}

    def set_known(self, lesson: str, entry: str, known: bool = True, when: datetime | None = None) -> None:
        """Mark a glossary entry as known (or not any more); observers hear of it only if that changed it."""
        self.set_known_many(lesson, (entry,), known, when)

    def set_known_many(
        self, lesson: str, entries: Iterable[str], known: bool = True, when: datetime | None = None
    ) -> None:
        """Mark several entries at once: one transaction, then one change naming those that changed."""
        changed = []
        with self._write() as db:
            stamp = (when or datetime.now()).isoformat()
            for entry in dict.fromkeys(entries):
                if known:
                    cursor = db.execute("INSERT OR IGNORE INTO known VALUES (?, ?, ?)", (lesson, entry, stamp))
                else:
                    cursor = db.execute("DELETE FROM known WHERE lesson = ? AND entry = ?", (lesson, entry))
                if cursor.rowcount:
                    changed.append(entry)
        if changed:
            self._tell(ProgressChange("known", lesson, tuple(changed), known=bool(known)))


def _retry_while_locked(step: Callable[[], object], patience: float = 15.0) -> None:
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


def _is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("not a database", "malformed", "quick_check", "file is encrypted"))


def open_progress(path: str | os.PathLike[str] | None = None) -> ProgressStore:
    """Open the learner's progress (see :class:`ProgressStore` for where and how)."""
    return ProgressStore(path)
