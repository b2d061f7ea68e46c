"""How tests/data/progress-sm2-v1.sqlite3 was made: a learner's progress written by Khabar's layout 1 (SM-2).

It was run once, from the repository's root, with the code of layout 1 (commit b582023: ``helpers.study.srs``
still SM-2, ``SCHEMA_VERSION = 1``)::

    python tests/data/make_progress_sm2_v1.py

The later code cannot run it (SM-2 scheduling is gone); the file it wrote is kept as it is, to test that
progress written then opens, migrated, with nothing lost. What it holds: seven SM-2 reviews of three cards of
lesson "L" over nine days (grades Good, Again, Hard, Easy as the buttons gave them: 4, 1, 3, 5), one review in
lesson "M", two known words and three quiz attempts by two students.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from helpers.study.progress import ProgressStore
from helpers.study.srs import AGAIN, EASY, GOOD, HARD, CardState, review

T0 = datetime(2026, 1, 5, 9, 0)
HISTORY = [  # (lesson, card, grade, minutes after T0)
    ("L", "g-kitab:ar-en", GOOD, 0),
    ("L", "g-qalam:ar-en", AGAIN, 1),
    ("L", "g-qalam:ar-en", GOOD, 12),
    ("L", "g-kitab:ar-en", GOOD, 24 * 60 + 5),
    ("L", "g-bayt:en-ar", HARD, 24 * 60 + 30),
    ("L", "g-qalam:ar-en", EASY, 2 * 24 * 60),
    ("L", "g-kitab:ar-en", AGAIN, 9 * 24 * 60),
    ("M", "g-x:ar-en", GOOD, 3 * 24 * 60),
]


def main(path: Path) -> None:
    from helpers.study.progress import SCHEMA_VERSION

    if SCHEMA_VERSION != 1:  # the file must stay as layout 1 wrote it
        raise SystemExit(f"this needs the code of layout 1; this code writes layout {SCHEMA_VERSION}")
    path.unlink(missing_ok=True)
    store = ProgressStore(path)
    states: dict[tuple[str, str], CardState] = {}
    for lesson, card, grade, minutes in HISTORY:
        when = T0 + timedelta(minutes=minutes)
        state = review(states.get((lesson, card)) or CardState.new(when), grade, when)
        states[lesson, card] = state
        store.record_review(lesson, card, grade, state, when)
    store.set_known("L", "g-shams", when=T0 + timedelta(days=1))
    store.set_known("L", "g-qamar", when=T0 + timedelta(days=2))
    store.record_attempt("L", "ana", "q-1", "كتاب", 1.0, 1, when=T0 + timedelta(hours=1))
    store.record_attempt("L", "ana", "q-2", ["a", "b"], 0.5, 2, mode="exam", when=T0 + timedelta(hours=2))
    store.record_attempt("L", "omar", "q-1", "قلم", 0.0, 1, when=T0 + timedelta(days=1))
    store.close()
    for suffix in ("-wal", "-shm"):  # everything is in the file itself once the store is closed
        Path(str(path) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main(Path(__file__).with_name("progress-sm2-v1.sqlite3"))
