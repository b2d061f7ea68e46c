"""The exported deck as Anki itself opens it: imported into a fresh collection with Anki's own library.

What a learner sees after File → Import: the notes and cards, their fields, the cards as Anki renders them,
the typed-answer card, and a newer export updating the notes it imported before.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

import helpers
from helpers.views import export
from helpers.views.export import ANKI_TEMPLATES, anki_ids, export_anki

from .test_loader import edit

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
CARD_NAMES = ["Arabic → meaning", "Meaning → Arabic", "Meaning → type the Arabic"]


@pytest.fixture
def collection_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a fresh Anki collection lives; Anki's library gets a scratch home of its own."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path / "anki" / "collection.anki2"


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Collection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    col = Collection(str(path))
    try:
        yield col
    finally:
        col.close()


def import_deck(path: Path, deck: Path, *, merge_notetypes: bool = False):
    """Import as Anki's import dialog does by default (update notes and note types "if newer")."""
    options = ImportAnkiPackageOptions(merge_notetypes=merge_notetypes)
    with opened(path) as col:
        return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options)).log


def later_export(lesson, deck: Path, monkeypatch: pytest.MonkeyPatch, minutes: int = 5) -> Path:
    """Export as a teacher would some minutes later (Anki updates a note only from a newer one)."""
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now + 60 * minutes)
        return export_anki(lesson, deck)


def note_of(col: Collection, entry_id: str):
    (note_id,) = col.find_notes(f'"EntryId:{entry_id}"')
    return col.get_note(note_id)


class Direction(HTMLParser):
    """Each run of text with the dir and lang of the element it sits in (innermost that says)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.runs: list[tuple[str, str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "hr", "img", "input"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not data.strip() or any(tag == "style" for tag, _ in self.stack):
            return
        direction = next((a["dir"] for _, a in reversed(self.stack) if a.get("dir")), None)
        lang = next((a["lang"] for _, a in reversed(self.stack) if a.get("lang")), None)
        self.runs.append((data.strip(), direction, lang))


def text_runs(html: str) -> list[tuple[str, str | None, str | None]]:
    parser = Direction()
    parser.feed(html)
    return parser.runs


def test_the_deck_opens_in_anki_with_one_note_per_entry_and_three_cards(lesson, tmp_path, collection_path):
    started = time.perf_counter()
    log = import_deck(collection_path, export_anki(lesson, tmp_path / "deck.apkg"))
    seconds = time.perf_counter() - started
    entries = len(lesson.glossary)
    assert (len(log.new), len(log.updated), len(log.conflicting), len(log.duplicate)) == (entries, 0, 0, 0)
    with opened(collection_path) as col:
        assert (col.note_count(), col.card_count()) == (entries, 3 * entries)
        deck = f"Khabar::{lesson.info.title.en}"
        assert len(col.find_cards(f'"deck:{deck}"')) == 3 * entries  # all in the lesson's deck, under "Khabar"
        model_id = anki_ids(lesson.id)[1]
        notetype = col.models.get(model_id)
        assert notetype["name"] == f"Khabar · {lesson.id}"
        assert [t["name"] for t in notetype["tmpls"]] == CARD_NAMES
        note = note_of(col, "g-waqqaa")
        assert note["Arabic"] == "وَقَّعَ" and note["Gloss"] == "to sign" and note["Root"] == "و ق ع"
        assert note["Sentence"].startswith("[…] وزير الخارجية")
        assert note["SentenceFull"].startswith("<b>وقع</b> وزير الخارجية")
        assert sorted(card.ord for card in note.cards()) == [0, 1, 2]
        assert set(note.tags) == {f"khabar::{lesson.id}", "diplomacy"}
        # The deck carries no pictures or sounds, and Anki finds none missing.
        assert list(Path(col.media.dir()).iterdir()) == []
        assert not col.media.check().missing
    assert seconds < 30, f"importing {entries} notes took {seconds:.1f} s"


@pytest.mark.parametrize("card_ord", range(len(CARD_NAMES)), ids=CARD_NAMES)
def test_anki_renders_each_card_with_the_gap_and_the_arabic_right_to_left(lesson, tmp_path, collection_path, card_ord):
    import_deck(collection_path, export_anki(lesson, tmp_path / "deck.apkg"))
    with opened(collection_path) as col:
        card = next(c for c in note_of(col, "g-waqqaa").cards() if c.ord == card_ord)
        question, answer = card.question(), card.answer()
    gap = '<div class="sentence" dir="rtl" lang="ar">[…] وزير الخارجية'
    assert gap in question and "<b>وقع</b>" not in question  # the word is hidden on the front ...
    assert '<div class="sentence" dir="rtl" lang="ar"><b>وقع</b> وزير الخارجية' in answer  # ... marked on the back
    assert '<div class="gloss" dir="ltr" lang="en">to sign</div>' in answer
    if card_ord == 0:
        assert '<div class="ar" dir="rtl" lang="ar">وَقَّعَ</div>' in question and "to sign" not in question
    else:
        assert '<div class="gloss" dir="ltr" lang="en">to sign</div>' in question and "وَقَّعَ" not in question
    for side in (question, answer):
        for text, direction, lang in text_runs(side):
            if ARABIC_LETTER.search(text):
                assert direction in ("rtl", "auto") and lang != "en", f"{text!r} shows as {direction}/{lang}"
    assert ".sentence" in question and "direction: rtl" in question  # the deck's stylesheet came along


def test_the_typed_card_accepts_the_word_written_without_vowel_marks(lesson, tmp_path, collection_path):
    import_deck(collection_path, export_anki(lesson, tmp_path / "deck.apkg"))
    with opened(collection_path) as col:
        card = next(c for c in note_of(col, "g-waqqaa").cards() if c.ord == 2)
        assert "{{type:nc:Arabic}}" in card.template()["qfmt"]
        # Anki leaves this mark where its review screen puts the answer box (and, on the back, the comparison).
        assert "[[type:nc:Arabic]]" in card.question() and "[[type:nc:Arabic]]" in card.answer()
        unvocalized = col.compare_answer("وَقَّعَ", "وقع", combining=False)
        wrong = col.compare_answer("وَقَّعَ", "وقف", combining=False)
        strict = col.compare_answer("وَقَّعَ", "وقع", combining=True)
    assert "typeGood" in unvocalized and "typeBad" not in unvocalized and "typeMissed" not in unvocalized
    assert "typeBad" in wrong
    assert "typeMissed" in strict  # without "nc" the missing vowel marks would count against the learner


def test_an_updated_deck_updates_the_notes_instead_of_adding_new_ones(
    lesson_copy, tmp_path, collection_path, monkeypatch
):
    import_deck(collection_path, export_anki(helpers.load_lesson(lesson_copy), tmp_path / "first.apkg"))
    with opened(collection_path) as col:
        before = {col.get_note(n)["EntryId"]: n for n in col.find_notes("")}
    edit(lesson_copy, "glossary.yaml", 'gloss: "to sign"', 'gloss: "to sign (an agreement)"')
    log = import_deck(
        collection_path, later_export(helpers.load_lesson(lesson_copy), tmp_path / "second.apkg", monkeypatch)
    )
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, len(before), 0)
    with opened(collection_path) as col:
        after = {col.get_note(n)["EntryId"]: n for n in col.find_notes("")}
        assert after == before  # the same notes, so the learner's review history stays with them
        assert col.card_count() == 3 * len(before)
        assert note_of(col, "g-waqqaa")["Gloss"] == "to sign (an agreement)"


def test_a_learner_with_the_two_card_deck_gets_the_typed_card_by_merging_note_types(
    lesson, tmp_path, collection_path, monkeypatch
):
    with monkeypatch.context() as patch:
        patch.setattr(export, "ANKI_TEMPLATES", ANKI_TEMPLATES[:2])
        import_deck(collection_path, export_anki(lesson, tmp_path / "two-cards.apkg"))
    entries = len(lesson.glossary)
    three_cards = later_export(lesson, tmp_path / "three-cards.apkg", monkeypatch)
    # Anki's default import leaves a changed note type alone and says so: nothing is changed or duplicated.
    log = import_deck(collection_path, three_cards)
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, entries)
    with opened(collection_path) as col:
        assert (col.note_count(), col.card_count()) == (entries, 2 * entries)
    # With "Merge note types" ticked, the same notes gain the third card.
    log = import_deck(collection_path, three_cards, merge_notetypes=True)
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, entries, 0)
    with opened(collection_path) as col:
        assert (col.note_count(), col.card_count()) == (entries, 3 * entries)
        khabar = [n.name for n in col.models.all_names_and_ids() if n.name.startswith("Khabar")]
        assert khabar == [f"Khabar · {lesson.id}"]
        assert [t["name"] for t in col.models.get(anki_ids(lesson.id)[1])["tmpls"]] == CARD_NAMES
