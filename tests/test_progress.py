"""The progress store: survives restarts, concurrent writers, damage and read-only places."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from helpers.lesson.paths import DATA_ENV, user_data_dir
from helpers.study.progress import ProgressChange, ProgressStore, ProgressWarning, open_progress
from helpers.study.srs import GOOD, CardState, review

T0 = datetime(2026, 1, 27, 9, 0)


def test_progress_survives_closing_and_reopening(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    state = review(CardState.new(T0), GOOD, T0)
    store.record_review("L", "g-x:ar-en", GOOD, state, T0)
    store.set_known("L", "g-y")
    store.close()
    again = open_progress(path)
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


_WRITER = """
import sys
from datetime import datetime, timedelta
from helpers.study.progress import open_progress
from helpers.study.srs import CardState
store = open_progress(sys.argv[1])
t = datetime(2026, 1, 27)
for i in range(150):
    store.record_review("L", f"{sys.argv[2]}-{i}", 4, CardState(1, 1.0, 2.5, t + timedelta(days=1)), t)
    store.set_known("L", f"{sys.argv[2]}-{i}")
"""


def test_two_notebooks_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "progress.sqlite3"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name]) for name in ("a", "b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store = open_progress(path)
    assert len(store.reviews("L")) == 300 and len(store.card_states("L")) == 300 and len(store.known("L")) == 300


def test_a_damaged_file_is_moved_aside_with_a_warning_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.warns(ProgressWarning, match="was damaged") as caught:
        store = open_progress(path)
    aside = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert str(aside[0]) in str(caught[0].message)
    assert store.persistent and store.known("L") == set()
    store.set_known("L", "g-x")
    assert open_progress(path).known("L") == {"g-x"}


def test_a_database_with_smashed_pages_is_treated_as_damaged(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = open_progress(path)
    for i in range(300):
        store.set_known("L", f"g-{i}-" + "x" * 50)
    store.close()  # the last connection to close writes the log back into the file
    assert not path.with_name(path.name + "-wal").exists()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))  # the header survives, the pages do not
    with pytest.warns(ProgressWarning, match="was damaged"):
        store = open_progress(path)
    assert list(tmp_path.glob("progress.sqlite3.damaged-*"))
    store.set_known("L", "g-new")
    assert store.known("L") == {"g-new"}


def test_a_place_that_cannot_be_written_keeps_progress_in_memory(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.warns(ProgressWarning, match="kept in memory for this session"):
        store = open_progress(blocker / "progress.sqlite3")
    assert not store.persistent and store.warning
    store.record_review("L", "c", GOOD, review(CardState.new(T0), GOOD, T0), T0)
    assert list(store.card_states("L")) == ["c"]
    assert store.card_states("L")["c"].due == T0 + timedelta(days=1)


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
