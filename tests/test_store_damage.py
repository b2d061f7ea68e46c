"""Damage a real progress file, page by page: the kit recovers what it held, or says so and names the copy it kept.

The file holds known content (flashcard reviews and schedules, known words, quiz answers of two lessons, two of them
long enough to spill onto overflow pages). Each page in turn is overwritten with garbage (random bytes, zeros, 0xff,
or its second half random), and then, under hypothesis, any stretch of any page with any bytes. For every damaged
copy, opening it:

* never raises;
* loses nothing a healthy page still holds: every row whose pages (its table leaf and any overflow pages, found
  with SQLite's ``dbstat`` in the undamaged file) were not hit is there, whatever happened to the tree above it;
* invents nothing: rows that are not the original ones are at most as many as the damaged pages held;
* when it lost or changed anything, says so (whole-page damage), naming a moved-aside copy that is the damaged file
  byte for byte, and the fresh file it started holds what was recovered (checked by opening it again).

Not damaged under hypothesis: the header's two claims about whose file it is (bytes 60-63, the layout version,
and 68-71, the mark). A file that claims to be another program's or a newer Khabar's is refused and left as it
is, by design (see ``tests/test_progress.py``).
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import warnings
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.study.progress import FILE_NAME, ProgressStore, ProgressWarning, open_progress
from helpers.study.srs import AGAIN, GOOD, CardState, review

T0 = datetime(2026, 1, 27, 9, 0)
LESSONS = ("kazakhstan-visa-2026", "second-lesson")
CLAIMS = set(range(60, 64)) | set(range(68, 72))  # the layout version and the mark, in the header

Item = tuple[object, ...]


@dataclass(frozen=True)
class Original:
    data: bytes
    page_size: int
    items: frozenset[Item]
    on_page: dict[int, frozenset[Item]]  # page number -> the rows it holds (leaf or overflow)

    @property
    def pages(self) -> int:
        return len(self.data) // self.page_size

    def __repr__(self) -> str:
        return f"Original({len(self.data)} bytes, {self.pages} pages, {len(self.items)} rows)"

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:  # how hypothesis shows a failing example
        printer.text(repr(self))

    def healthy(self, hit: set[int]) -> set[Item]:
        lost = set().union(*(self.on_page.get(p, frozenset()) for p in hit))
        return set(self.items) - lost

    def held(self, hit: set[int]) -> int:
        return len(set().union(*(self.on_page.get(p, frozenset()) for p in hit)))


def _item(table: str, row: tuple[object, ...]) -> Item:
    """A row as the learner's views see it, read from the file directly or through the store."""
    if table == "card_state":
        lesson, card, _algorithm, state, _due = row
        return ("card", lesson, card, state, CardState.from_json(state).due)
    if table == "review_log":
        _id, lesson, card, rating, when, _algorithm = row
        return ("review", lesson, card, rating, datetime.fromisoformat(when))
    if table == "known":
        return ("known", row[0], row[1])
    _id, lesson, student, item, mode, response, score, points, when = row
    answer = json.dumps(json.loads(response), sort_keys=True, ensure_ascii=False)
    return ("attempt", lesson, student, item, mode, answer, score, points, when)


def _content(store: ProgressStore) -> set[Item]:
    items: set[Item] = set()
    for lesson in LESSONS:
        for card, s in store.card_states(lesson).items():
            items.add(("card", lesson, card, s.to_json(), s.due))
        items |= {("review", lesson, card, grade, when) for card, grade, when in store.reviews(lesson)}
        items |= {("known", lesson, entry) for entry in store.known(lesson)}
        for a in store.attempts(lesson):
            answer = json.dumps(a["response"], sort_keys=True, ensure_ascii=False)
            items.add(
                ("attempt", lesson, a["student"], a["item"], a["mode"], answer, a["score"], a["points"], a["when"])
            )
    return items


def _pages_of_rows(path: Path) -> dict[int, frozenset[Item]]:
    """Which rows each page holds, from SQLite's dbstat: table leaves in tree order hold rowids in order."""
    db = sqlite3.connect(path)
    on_page: dict[int, set[Item]] = defaultdict(set)
    for table in ("card_state", "review_log", "attempts", "known"):
        rows = [(r[0], _item(table, r[1:])) for r in db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")]
        pages = db.execute(
            "SELECT path, pageno, pagetype, ncell FROM dbstat WHERE name = ? ORDER BY path", (table,)
        ).fetchall()
        leaves = [(p, n, cells) for p, n, kind, cells in pages if kind == "leaf"]
        first_of_leaf, at = {}, 0
        for leaf_path, number, cells in leaves:
            first_of_leaf[leaf_path] = at
            on_page[number] |= {item for _, item in rows[at : at + cells]}
            at += cells
        assert at == len(rows)
        for page_path, number, kind, _ in pages:
            if kind == "overflow":  # e.g. "/000/007+000000": the 8th cell of leaf "/000/"
                leaf_path, cell = page_path[: page_path.rindex("/") + 1], page_path.rsplit("/", 1)[1].split("+")[0]
                on_page[number].add(rows[first_of_leaf[leaf_path] + int(cell, 16)][1])
    db.close()
    return {n: frozenset(items) for n, items in on_page.items()}


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> Original:
    folder = tmp_path_factory.mktemp("original")
    path = folder / FILE_NAME
    store = open_progress(path)
    for n, lesson in enumerate(LESSONS):
        for i in range(30):
            card, when = f"g-{i}:ar-en", T0 + timedelta(days=n, minutes=i)
            state = review(CardState.new(when), GOOD, when)
            store.record_review(lesson, card, GOOD, state, when)
            if i % 3 == 0:
                later = when + timedelta(days=1)
                store.record_review(lesson, card, AGAIN, review(state, AGAIN, later), later)
        store.set_known_many(lesson, [f"g-{i}-كلمة" for i in range(0, 60, 2)])
        store.set_known_many(lesson, [f"g-{i}-كلمة" for i in range(0, 60, 10)], False)
        for i in range(70):
            typed = "وقّعت إسرائيل وكازاخستان " * (300 if (n, i) in ((0, 7), (1, 33)) else 1 + i % 4)
            mode, when = ("exam" if i % 5 == 0 else "practice"), T0 + timedelta(hours=n, seconds=i)
            store.record_attempt(lesson, f"student-{i % 6}", f"q-{i % 35}", {"typed": typed, "try": i}, i % 3 / 2,
                                 1 + i % 2, mode, when)  # fmt: skip
    items = _content(store)
    store.close()
    data = path.read_bytes()
    copy = folder / "for-dbstat.sqlite3"
    copy.write_bytes(data)
    on_page = _pages_of_rows(copy)
    assert set().union(*on_page.values()) == items  # every row is on some page
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) % page_size == 0 and len(data) // page_size >= 15
    assert any(len(rows) == 1 for rows in on_page.values())  # overflow pages are among them
    return Original(data, page_size, frozenset(items), on_page)


def _check(original: Original, damaged: bytes, hit: set[int], where: str, whole_page: bool) -> None:
    """Open a damaged copy and hold the kit to the promises in the module's docstring."""
    with tempfile.TemporaryDirectory(prefix="khabar-damage-") as folder:
        path = Path(folder) / FILE_NAME
        path.write_bytes(damaged)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            store = open_progress(path)  # never raises
        said = [str(w.message) for w in caught if issubclass(w.category, ProgressWarning)]
        got = _content(store)
        assert original.healthy(hit) <= got, f"{where}: lost rows a healthy page holds"
        assert len(got - original.items) <= original.held(hit), f"{where}: rows appeared that the file never held"
        copies = [  # its log and index, if SQLite left them, travel with it
            p for p in Path(folder).glob(f"{FILE_NAME}.damaged-*") if not p.name.endswith(("-wal", "-shm", "-journal"))
        ]
        if whole_page and got != original.items:
            assert said, f"{where}: rows were lost and nobody was told"
        if said:
            assert said == [store.warning], where
            assert store.persistent, f"{where}: {store.warning}"
            assert len(copies) == 1 and copies[0].read_bytes() == damaged, where  # the damaged file, kept whole
            assert store.warning.startswith(f"Your progress file {path} is damaged ("), where
            assert f"; a copy was kept as {copies[0]}, and a fresh one was started with what could still be read" in (
                store.warning
            ), where
            store.close()
            if not whole_page:
                return
            with warnings.catch_warnings(record=True) as again_said:
                warnings.simplefilter("always")
                again = open_progress(path)
            assert not again_said and _content(again) == got, f"{where}: the fresh file does not hold what was shown"
            again.close()
        else:
            assert not copies and store.warning is None, where
            store.close()


GARBAGE = {
    "random": lambda size, seed: random.Random(seed).randbytes(size),
    "zeros": lambda size, seed: bytes(size),
    "0xff": lambda size, seed: b"\xff" * size,
    "second-half-random": None,  # the first half of the page kept
}


@pytest.mark.parametrize("garbage", GARBAGE)
def test_every_page_overwritten_in_turn(original, garbage):
    ps = original.page_size
    for index in range(original.pages):
        page = bytearray(original.data[index * ps : (index + 1) * ps])
        if garbage == "second-half-random":
            page[ps // 2 :] = random.Random(index).randbytes(ps - ps // 2)
        else:
            page[:] = GARBAGE[garbage](ps, index)
        damaged = original.data[: index * ps] + bytes(page) + original.data[(index + 1) * ps :]
        _check(original, damaged, {index + 1}, f"page {index + 1} of {original.pages}, {garbage}", whole_page=True)


def test_a_damaged_first_page_loses_nothing(original):
    """The first page (header and list of tables) is the one most often written: losing it loses no row."""
    ps = original.page_size
    damaged = random.Random(1).randbytes(ps) + original.data[ps:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FILE_NAME
        path.write_bytes(damaged)
        with pytest.warns(ProgressWarning, match="it no longer begins like a database"):
            store = open_progress(path)
        assert _content(store) == original.items
        store.close()


def test_a_damaged_tree_page_loses_no_answer_on_the_pages_below_it(original):
    """The top page of the answers' tree holds no answer: every answer is still on a healthy page."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        copy.write_bytes(original.data)
        db = sqlite3.connect(copy)
        top, kind = db.execute("SELECT pageno, pagetype FROM dbstat WHERE name = 'attempts' AND path = '/'").fetchone()
        db.close()
    assert kind == "internal"
    ps = original.page_size
    damaged = original.data[: (top - 1) * ps] + bytes(ps) + original.data[top * ps :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FILE_NAME
        path.write_bytes(damaged)
        with pytest.warns(ProgressWarning, match="is damaged"):
            store = open_progress(path)
        assert _content(store) == original.items
        store.close()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    where=st.integers(min_value=0),
    patch=st.one_of(
        st.binary(min_size=1, max_size=64),
        st.tuples(st.integers(0, 255), st.integers(1, 4096)).map(lambda b: bytes([b[0]]) * b[1]),
        st.integers(0, 2**32).map(lambda seed: random.Random(seed).randbytes(4096)),
    ),
)
def test_any_stretch_of_any_page_overwritten(original, where, patch):
    """Hypothesis: any bytes over any stretch of the file (run at CI's example count in CI)."""
    start = where % len(original.data)
    patch = patch[: len(original.data) - start]
    damaged = bytearray(original.data)
    damaged[start : start + len(patch)] = patch
    for claim in CLAIMS:
        damaged[claim] = original.data[claim]
    if bytes(damaged) == original.data:
        return
    ps = original.page_size
    hit = {i // ps + 1 for i in range(start, start + len(patch)) if damaged[i] != original.data[i]}
    _check(original, bytes(damaged), hit, f"bytes {start}..{start + len(patch)}", whole_page=False)
