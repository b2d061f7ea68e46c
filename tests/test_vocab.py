"""Vocabulary: the glossary content, search, families, frequency, flashcards, known words, export."""

from __future__ import annotations

import csv
import itertools
import sqlite3
import zipfile
from datetime import datetime, timedelta

import pytest

import helpers
from helpers.study.glossing import gloss_spans
from helpers.study.progress import open_progress
from helpers.study.vocab import GlossaryIndex, frequencies, root_families
from helpers.text.folding import find_form
from helpers.views.export import anki_ids, export_anki, export_csv

from .conftest import visible_text
from .test_loader import edit, problems_of

# -- the glossary itself ----------------------------------------------------------------------


def test_glossary_size_and_coverage(lesson):
    assert 80 <= len(lesson.glossary) <= 120
    pos = {e.pos for e in lesson.glossary}
    assert {"verb", "noun", "verbal-noun", "phrase", "proper-noun"} <= pos
    phrases = [e for e in lesson.glossary if e.is_phrase]
    assert len(phrases) >= 20  # the news collocations are entered as units
    assert any("collocation" in e.tags for e in lesson.glossary)
    assert any("time-expression" in e.tags for e in lesson.glossary)


def test_every_form_occurs_exactly_where_the_entry_says(lesson):
    for entry in lesson.glossary:
        claimed = set(entry.sentence_ids)
        actual = {s.id for s in lesson.sentences if any(find_form(s.ar, f) for f in entry.forms)}
        assert claimed == actual, entry.id


def test_ids_and_senses_are_unique(lesson):
    ids = [e.id for e in lesson.glossary]
    assert len(ids) == len(set(ids))
    senses = [(e.headword, e.gloss) for e in lesson.glossary]
    assert len(senses) == len(set(senses))


def test_entries_are_complete(lesson):
    for e in lesson.glossary:
        assert (e.root is None) != (e.root_note is None), e.id
        assert e.translit and not helpers.contains_arabic(e.translit), e.id
        if e.pos == "verb":
            assert e.present and e.verb_form, e.id
        if e.root:
            assert len(e.root.split()) in (3, 4), e.id


def test_key_words_are_glossed_with_the_right_root_and_form(lesson):
    by_headword = {e.headword: e for e in lesson.glossary}
    assert by_headword["وَقَّعَ"].root == "و ق ع" and by_headword["وَقَّعَ"].verb_form == "II"
    assert by_headword["مُذَكِّرَة"].root == "ذ ك ر"
    assert by_headword["تَأْشِيرَة"].root == "أ ش ر"


# -- matching in the text -----------------------------------------------------------------------


def test_longer_expressions_win_and_list_their_parts(lesson):
    s = lesson.sentence("p03-s1")
    spans = gloss_spans(s.ar, lesson.glossary_for(s.id))
    texts = [s.ar[g.start : g.end] for g in spans]
    assert "مؤتمر صحفي مشترك" in texts
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))  # no overlap


def test_glossed_words_carry_their_gloss_in_plain_and_vocalized_text(lesson):
    s = lesson.sentence("p01-s1")
    for vocalized in (False, True):
        html = helpers.sentence_html(s, vocalized=vocalized, glossary=lesson.glossary_for(s.id))
        assert 'data-entry="g-waqqaa"' in html and "to sign" in html
        assert visible_text(html).count(s.ar_vocalized if vocalized else s.ar) == 1  # text intact


def test_gloss_cards_work_without_a_stylesheet(lesson):
    """In a sanitized or static page the card stays hidden and the title attribute still explains."""
    html = helpers.article_html(lesson, glosses=True)
    assert 'class="khabar-pop" dir="ltr" lang="en" style="display: none"' in html
    assert 'title="وَقَّعَ — to sign"' in html


# -- search -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index():
    return GlossaryIndex(helpers.load_lesson().glossary)


@pytest.mark.parametrize(
    ("query", "headword"),
    [
        ("مذكرة", "مُذَكِّرَة"),  # no tashkeel
        ("مُذَكِّرَةٌ", "مُذَكِّرَة"),  # full tashkeel with case ending
        ("مذكره", "مُذَكِّرَة"),  # ha for ta marbuta
        ("تاشيرة", "تَأْشِيرَة"),  # hamza dropped
        ("إستثمار", "اسْتِثْمَار"),  # wrong hamza on the alef
        ("memorandum", "مُذَكِّرَة"),
        ("MEMORANDUM", "مُذَكِّرَة"),
    ],
)
def test_search_is_blind_to_tashkeel_hamza_and_case(index, query, headword):
    found = [e.headword for e in index.search(query)]
    assert headword in found[:3], found[:5]


def test_search_by_root_finds_the_family(index):
    found = index.search("و ق ع")
    assert {"وَقَّعَ"} <= {e.headword for e in found}
    assert all(e.root == "و ق ع" for e in found)


def test_search_filters_and_empty_results(index):
    verbs = index.search("", pos="verb")
    assert verbs and all(e.pos == "verb" for e in verbs)
    assert index.search("xyzzy") == [] and index.search("ضضضض") == []
    assert len(index.search("")) == len(index.entries)


def test_root_families_and_frequencies(lesson):
    families = dict(root_families(lesson))
    assert all(len(v) >= 2 for v in families.values())
    assert len(families) >= 10
    top = frequencies(lesson)
    assert top[0][1] >= top[-1][1] >= 1
    counts = {e.headword: n for e, n in top}
    assert counts.get("تَعْزِيز") == 3  # لتعزيز p01, تعزيز p03, تعزيز p07


def test_frequency_chart_has_arabic_labels(lesson):
    fig = helpers.frequency_chart(lesson, top=10)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 10 and all(helpers.contains_arabic(x) for x in labels)


# -- widgets ----------------------------------------------------------------------------------


def test_glossary_browser_search_and_filters(lesson):
    browser = helpers.glossary_browser(lesson)
    assert browser.count.value.startswith(f"{len(lesson.glossary)} of {len(lesson.glossary)}")
    browser.query.value = "وقع"
    assert "to sign" in browser.results.value
    assert '<mark class="khabar-mark">وقع</mark>' in browser.results.value  # the word in its sentence
    browser.query.value = ""
    browser.pos.value = "proper-noun"
    assert all(e.pos == "proper-noun" for e in browser.matches)
    browser.query.value = "qqqq"
    assert "Nothing found" in browser.results.value
    browser.query.value = "<script>alert(1)</script>"
    assert "<script>" not in browser.results.value


def _clock(times):
    state = {"now": times}
    return (lambda: state["now"]), state


def test_flashcards_schedule_with_a_fake_clock(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    clock, moment = _clock(datetime(2026, 2, 1, 9, 0))
    cards = helpers.flashcards(lesson, store, direction="ar-en", new_per_session=2, clock=clock)
    first = cards.current
    assert first == f"{lesson.glossary[0].id}:ar-en"
    assert lesson.glossary[0].headword in cards.front.value
    assert all(b.disabled for b in cards.grade_buttons)
    cards.grade(4)  # grading before revealing does nothing
    assert cards.current == first
    cards.show_button.click()
    assert lesson.glossary[0].gloss in cards.back.value
    cards.grade_buttons[2].click()  # Good
    assert cards.current != first
    cards.show_button.click()
    cards.grade_buttons[0].click()  # Again: due in a minute
    assert cards.current is None and "No card is due now" in cards.front.value  # 2 new cards used up
    moment["now"] += timedelta(minutes=11)
    cards.next()
    assert cards.current == f"{lesson.glossary[1].id}:ar-en"  # the failed card returns
    moment["now"] += timedelta(days=1, minutes=1)
    again = helpers.flashcards(lesson, store, direction="ar-en", new_per_session=0, clock=clock)
    assert again.current == f"{lesson.glossary[1].id}:ar-en"  # a new session: the most overdue card first
    again.show_button.click()
    again.grade_buttons[3].click()  # Easy
    assert again.current == first  # then the card that was due after ten minutes
    assert [g for _, g, _ in store.reviews(lesson.id)] == [3, 1, 4]  # Good, Again, Easy


def test_reverse_cards_ask_for_the_arabic(lesson, tmp_path):
    cards = helpers.flashcards(lesson, open_progress(tmp_path / "p.sqlite3"), direction="en-ar")
    assert lesson.glossary[0].gloss in cards.front.value and "in Arabic" in cards.front.value
    with pytest.raises(ValueError, match="direction"):
        helpers.flashcards(lesson, open_progress(tmp_path / "q.sqlite3"), direction="sideways")


def test_known_words_leave_the_drill_and_the_reading_view_marks_the_rest(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    view = helpers.reading_view(lesson, progress=store)
    known = helpers.known_words(lesson, store)  # no on_change: the reading view follows the store itself
    assert 'data-entry="g-waqqaa"' in view.focus.value
    assert "khabar-gloss khabar-unknown" in view.focus.value
    known.select.value = ("g-waqqaa",)
    assert store.known(lesson.id) == {"g-waqqaa"}
    assert 'class="khabar-gloss" tabindex="0" data-entry="g-waqqaa"' in view.focus.value  # no longer unknown
    assert known.summary.value.startswith("1 of")
    cards = helpers.flashcards(lesson, store)
    assert not cards.current.startswith("g-waqqaa:")
    cards.known_button.click()
    assert len(store.known(lesson.id)) == 2
    known.select.value = ()  # the learner clears the list: both words, the flashcard's one too
    assert store.known(lesson.id) == set()
    assert 'khabar-gloss khabar-unknown" tabindex="0" data-entry="g-waqqaa"' in view.focus.value


def test_a_word_known_from_a_flashcard_shows_in_every_view(lesson, tmp_path):
    """The learner presses "I know this word" on a card: the known-words list, the glossary and the text follow."""
    store = open_progress(tmp_path / "p.sqlite3")
    known = helpers.known_words(lesson, store)
    browser = helpers.glossary_browser(lesson, store)
    view = helpers.reading_view(lesson, progress=store)
    cards = helpers.flashcards(lesson, store, direction="ar-en")
    word = cards.current.split(":")[0]
    entry = lesson.entry(word)
    assert word not in known.select.value and known.summary.value.startswith("0 of")
    cards.known_button.click()
    assert word in known.select.value
    assert known.summary.value == f"1 of {len(lesson.glossary)} words known"
    assert repr(known) == f"KnownWords: 1 of {len(lesson.glossary)} words known"
    browser.query.value = entry.headword
    card = next(c for c in browser.results.value.split('<div class="khabar-entry"') if f'"{word}"' in c)
    assert "known" in visible_text(card) and "not known yet" not in visible_text(card)
    view.go(entry.sentence_ids[0])
    assert f'class="khabar-gloss" tabindex="0" data-entry="{word}"' in view.focus.value  # not highlighted
    assert not cards.current.startswith(f"{word}:")  # and the word left the drill
    known.select.value = tuple(i for i in known.select.value if i != word)  # the learner unticks it again
    browser.query.value = ""
    browser.query.value = entry.headword
    card = next(c for c in browser.results.value.split('<div class="khabar-entry"') if f'"{word}"' in c)
    assert "not known yet" in visible_text(card)
    assert f'class="khabar-gloss khabar-unknown" tabindex="0" data-entry="{word}"' in view.focus.value


def test_a_word_ticked_in_the_list_leaves_the_card_on_screen(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    cards = helpers.flashcards(lesson, store, direction="ar-en")
    shown = cards.current
    known = helpers.known_words(lesson, store)
    known.select.value = (shown.split(":")[0],)
    assert cards.current != shown and cards.current is not None


def test_a_drill_that_ran_out_comes_back_when_words_are_unticked(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    cards = helpers.flashcards(lesson, store)
    known = helpers.known_words(lesson, store)
    known.select.value = tuple(e.id for e in lesson.glossary)  # the learner selects the whole list
    assert cards.current is None and "No card is due now" in cards.front.value
    known.select.value = ()
    assert cards.current == f"{lesson.glossary[0].id}:ar-en" and not cards.show_button.disabled


def test_a_closed_view_stops_following_the_store(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    view = helpers.reading_view(lesson, progress=store)
    before = view.focus.value
    view.close()
    store.set_known(lesson.id, "g-waqqaa")  # nothing is drawn into the closed view, and nothing fails
    assert view.focus.value == before


def test_vocabulary_widgets_say_what_they_show_in_their_repr(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    clock, _ = _clock(datetime(2026, 2, 1, 9, 0))
    total = len(lesson.glossary)
    cards = helpers.flashcards(lesson, store, direction="ar-en", new_per_session=10, clock=clock)
    first = lesson.glossary[0].id
    assert repr(cards) == f"Flashcards: ar-en, 0 due, 10 new left, card {first}:ar-en (question)"
    cards.show_button.click()
    assert repr(cards) == f"Flashcards: ar-en, 0 due, 10 new left, card {first}:ar-en (answer shown)"
    cards.grade_buttons[0].click()  # Again
    assert repr(cards).startswith("Flashcards: ar-en, 0 due, 9 new left, card ")
    browser = helpers.glossary_browser(lesson)
    assert repr(browser) == f"GlossaryBrowser: {total} of {total} entries, search '', part of speech all, tag all"
    browser.query.value = "وقع"
    browser.pos.value = "verb"
    assert repr(browser) == (
        f"GlossaryBrowser: {len(browser.matches)} of {total} entries, search 'وقع', part of speech verb, tag all"
    )
    assert repr(helpers.known_words(lesson, store)) == f"KnownWords: 0 of {total} words known"
    box = helpers.export_buttons(lesson, folder=str(tmp_path))
    assert repr(box) == "ExportButtons: Anki deck and CSV, written: nothing yet"
    box.csv_button.click()
    assert repr(box).endswith(f"written: khabar-{lesson.id}.csv")


# -- export -----------------------------------------------------------------------------------


def _apkg_notes(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        database = next(n for n in names if n.startswith("collection.anki2"))
        data = z.read(database)
    db_path = path.with_suffix(".anki2")
    db_path.write_bytes(data)
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT guid, flds, mid FROM notes ORDER BY id").fetchall()


def test_anki_package_has_one_note_per_entry_with_stable_ids(lesson, tmp_path):
    first = _apkg_notes(export_anki(lesson, tmp_path / "a.apkg"))
    second = _apkg_notes(export_anki(lesson, tmp_path / "b.apkg"))
    assert len(first) == len(lesson.glossary)
    assert [g for g, _, _ in first] == [g for g, _, _ in second]  # re-import updates, never duplicates
    assert {m for _, _, m in first} == {anki_ids(lesson.id)[1]}
    fields = {f.split("\x1f")[6]: f.split("\x1f") for _, f, _ in first}
    arabic, gloss, root, translit, gap, full, _ = fields["g-waqqaa"]
    assert (arabic, gloss, root, translit) == ("وَقَّعَ", "to sign", "و ق ع", "waqqaʿa")
    assert gap.startswith("[…] وزير الخارجية") and full.startswith("<b>وقع</b> وزير")


def test_csv_opens_in_a_spreadsheet_with_arabic_intact(lesson, tmp_path):
    path = export_csv(lesson, tmp_path / "g.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert len(rows) == len(lesson.glossary)
    row = next(r for r in rows if r["id"] == "g-waqqaa")
    assert row["headword"] == "وَقَّعَ" and row["gloss"] == "to sign" and row["sentence_id"] == "p01-s1"


def test_export_buttons_write_files(lesson, tmp_path):
    box = helpers.export_buttons(lesson, folder=str(tmp_path))
    box.anki_button.click()
    box.csv_button.click()
    assert (tmp_path / f"khabar-{lesson.id}.apkg").exists() and (tmp_path / f"khabar-{lesson.id}.csv").exists()
    assert "Written" in box.result.value


# -- bad glossary input -------------------------------------------------------------------------


def test_a_form_that_is_not_in_its_sentence_is_reported(lesson_copy):
    edit(lesson_copy, "glossary.yaml", "forms: [وقع]", "forms: [وقعت]")
    found = problems_of(lesson_copy)
    assert any("entry 'g-waqqaa': field 'forms': 'وقعت' does not occur as whole words in p01-s1" in p for p in found)


def test_an_entry_without_root_or_root_note_is_refused(lesson_copy):
    edit(lesson_copy, "glossary.yaml", "    root: و ق ع\n    pos: verb", "    pos: verb")
    found = problems_of(lesson_copy)
    assert any("entry 'g-waqqaa'" in p and "needs exactly one of 'root' or 'root_note'" in p for p in found)


def test_a_sentence_left_out_of_an_entry_is_reported(lesson_copy):
    edit(lesson_copy, "glossary.yaml", "sentences: [p01-s1, p03-s1, p07-s1]", "sentences: [p01-s1, p03-s1]")
    assert any("the forms also occur in p07-s1" in p for p in problems_of(lesson_copy))


def test_flashcards_show_what_the_scheduler_decided(lesson, tmp_path):
    from helpers.study.srs import CardState, preview, review

    store = open_progress(tmp_path / "p.sqlite3")
    clock, moment = _clock(datetime(2026, 2, 1, 9, 0))
    cards = helpers.flashcards(lesson, store, direction="ar-en", new_per_session=5, clock=clock)
    cards.show_button.click()
    labels = [b.description for b in cards.grade_buttons]
    assert labels == ["Again · 1 min", "Hard · 6 min", "Good · 10 min", "Easy · 8 d"]  # a new card, as fsrs says
    cards.grade_buttons[2].click()  # Good
    assert visible_text(cards.outcome.value) == "Back in 10 minutes (01 Feb 2026, 09:10)."
    first = f"{lesson.glossary[0].id}:ar-en"
    moment["now"] += timedelta(minutes=10)
    again = helpers.flashcards(lesson, store, direction="ar-en", new_per_session=0, clock=clock)
    assert again.current == first
    again.show_button.click()
    state = review(CardState.new(datetime(2026, 2, 1, 9, 0)), 3, datetime(2026, 2, 1, 9, 0))
    expected = preview(state, moment["now"])  # what fsrs computes for this card at the widget's clock
    assert expected["Good"] >= timedelta(days=1)
    good_days = round(expected["Good"] / timedelta(days=1))
    assert again.grade_buttons[2].description == f"Good · {good_days} d"
    again.grade_buttons[2].click()
    back = moment["now"] + expected["Good"]
    assert (
        visible_text(again.outcome.value)
        == f"Back in {good_days} day{'s' if good_days != 1 else ''} ({back:%d %b %Y})."
    )
    assert store.card_states(lesson.id)[first].due == back


def test_flashcards_refuse_a_desired_retention_that_is_not_a_chance(lesson, tmp_path):
    with pytest.raises(ValueError, match="between 0 and 1"):
        helpers.flashcards(lesson, open_progress(tmp_path / "p.sqlite3"), desired_retention=1.5)
