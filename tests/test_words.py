"""The word layer: every word of the text analysed, its checks, tashkeel levels, known words by lemma, search."""

from __future__ import annotations

import re
import socket
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.lesson.word_checks import check_words, sentence_tokens
from helpers.study.progress import ProgressStore
from helpers.study.settings import Settings
from helpers.study.words import LEVELS, find_words, known_key, known_share, sentence_at_level, shown_word
from helpers.text.arabic import strip_tashkeel
from helpers.text.chars import STRIPPABLE_MARKS
from helpers.views.words import word_spans

from .test_loader import edit, problems_of

MARKS = set(STRIPPABLE_MARKS)
SHADDA = "\u0651"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def word(lesson, sid, text):
    return next(w for w in lesson.sentence(sid).words if w.text == text)


# -- the lesson's word layer --------------------------------------------------------------------------


def test_every_word_of_the_article_has_one_checked_record_in_order(lesson):
    total = 0
    for s in lesson.sentences:
        assert [w.text for w in s.words] == sentence_tokens(s.ar), s.id
        assert [nfc(w.vocalized) for w in s.words] == [nfc(t) for t in sentence_tokens(s.ar_vocalized)]
        total += len(s.words)
    assert total == 356
    assert not [w for s in lesson.sentences for w in s.words if w.draft]  # all checked by hand
    assert all(w.why and w.gloss for s in lesson.sentences for w in s.words)


def test_a_word_with_clitics_is_cut_into_its_segments(lesson):
    w = word(lesson, "p01-s1", "ونظيره")
    assert [(s.text, s.kind) for s in w.segments] == [("و", "conjunction"), ("نظير", "stem"), ("ه", "pronoun")]
    assert (w.lemma, w.root, w.pos) == ("نَظِير", "ن ظ ر", "noun")
    tourism = word(lesson, "p01-s1", "السياحة")
    assert [s.kind for s in tourism.segments] == ["article", "stem"]
    assert tourism.segments[0].vocalized == "ال"  # a sun letter: no sukun on the lam, shadda on the stem
    lil = next(w for s in lesson.sentences for w in s.words if w.text.startswith("لل"))
    assert [s.kind for s in lil.segments][:2] == ["preposition", "article"]  # لِلْ: the article without its alef


def test_a_verb_a_name_and_an_ambiguous_word_are_analysed(lesson):
    signed = word(lesson, "p01-s1", "وقع")
    assert (signed.lemma, signed.present, signed.root, signed.features.verb_form) == ("وَقَّعَ", "يُوَقِّعُ", "و ق ع", "II")
    assert signed.ambiguous  # وَقَعَ 'fell' is the other common reading
    name = word(lesson, "p01-s1", "كوشيرباييف")
    assert name.pos == "proper-noun" and name.root is None and name.root_note == "proper name"
    counted = word(lesson, "p02-s1", "ويعد")
    assert counted.features.voice == "passive" and len(counted.ambiguous) >= 2


def test_the_dump_carries_the_words_of_each_sentence(lesson):
    data = lesson.to_dict()
    first = data["sentences"][0]["words"][0]
    assert first["text"] == "وقع" and first["segments"] == [{"text": "وقع", "vocalized": "وَقَّعَ", "kind": "stem"}]


# -- the checks -----------------------------------------------------------------------------------


def test_a_missing_record_is_found(lesson_copy):
    path = lesson_copy / "words.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - text: وزير\n")
    end = text.index("  - text: الخارجية\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems_of(lesson_copy)
    assert any("word 2 (وزير) text" in p and "'الخارجية'" in p for p in found), found


def test_segments_that_do_not_join_back_are_found(lesson_copy):
    edit(
        lesson_copy,
        "words.yaml",
        "{text: نظير, vocalized: نَظِيرُ, kind: stem}",
        "{text: نظر, vocalized: نَظَرُ, kind: stem}",
    )
    found = problems_of(lesson_copy)
    assert any("(ونظيره) segments" in p and "join to 'ونظره'" in p for p in found), found


def test_an_ending_that_is_not_on_the_last_letter_is_found(lesson):
    s = lesson.sentence("p01-s1")
    w = word(lesson, "p01-s1", "مذكرة")
    bad = w.__class__(**{**w.__dict__, "ending": "ُ"})
    words = tuple(bad if x is w else x for x in s.words)
    found = [str(p) for p in check_words([s], {s.id: words}, lesson.glossary, "words.yaml")]
    assert any("(مذكرة) ending" in p for p in found), found


def test_a_lemma_that_disagrees_with_its_glossary_entry_is_found(lesson_copy):
    edit(lesson_copy, "words.yaml", "    lemma: وَقَّعَ\n", "    lemma: وَقَعَ\n")
    found = problems_of(lesson_copy)
    assert any("(وقع) lemma" in p and "its glossary entry has 'وَقَّعَ'" in p for p in found), found


# -- tashkeel levels --------------------------------------------------------------------------------


def test_full_and_none_are_the_sentence_as_vocalized_and_as_printed(lesson):
    for s in lesson.sentences:
        assert sentence_at_level(s, "full") == s.ar_vocalized
        assert sentence_at_level(s, "none") == s.ar


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, 18), level=st.sampled_from(LEVELS))
def test_every_level_only_drops_marks(index, level):
    s = helpers.load_lesson().sentences[index]
    shown = sentence_at_level(s, level)
    assert strip_tashkeel(shown) == strip_tashkeel(s.ar)
    assert len(shown) <= len(s.ar_vocalized)


def test_no_endings_drops_the_case_mark_and_keeps_the_stem(lesson):
    changed = 0
    for s in lesson.sentences:
        for w in s.words:
            shown = shown_word(w, "no-endings")
            if not w.ending:
                assert shown == w.vocalized
                continue
            changed += 1
            assert Counter(w.vocalized) - Counter(shown) == Counter(w.ending), (w.text, shown)  # only the ending
            assert strip_tashkeel(shown) == strip_tashkeel(w.vocalized)  # every letter kept
    assert changed > 150
    assert shown_word(word(lesson, "p01-s1", "مذكرة"), "no-endings") == "مُذَكِّرَة"
    assert shown_word(word(lesson, "p03-s1", "زيارته"), "no-endings") == "زِيَارَتهُ"


def test_only_where_needed_shows_exactly_the_flagged_words_and_shadda(lesson):
    for s in lesson.sentences:
        for w in s.words:
            shown = shown_word(w, "needed")
            extra = {ch for ch in shown if ch in MARKS} - {SHADDA} - {ch for ch in w.text if ch in MARKS}
            assert bool(extra) == bool(w.ambiguous and set(w.vocalized) & (MARKS - {SHADDA})), w.text
            if SHADDA in w.vocalized:
                assert SHADDA in shown, w.text


def test_an_unknown_level_is_refused(lesson):
    with pytest.raises(ValueError, match="unknown tashkeel level"):
        sentence_at_level(lesson.sentences[0], "some")


# -- known words by lemma, search ------------------------------------------------------------------


def test_known_words_follow_the_lemma(lesson):
    forms = [w for s in lesson.sentences for w in s.words if strip_tashkeel(w.lemma) == "وزير"]
    assert len({w.text for w in forms}) >= 2  # وزير, الوزير ...
    assert len({known_key(lesson, w) for w in forms}) == 1
    hits, total = known_share(lesson, {known_key(lesson, forms[0])})
    assert hits == len(forms) and total == 356 - sum(w.pos == "numeral" for s in lesson.sentences for w in s.words)


def test_search_finds_words_through_clitics_and_inflection(lesson):
    found = {at.word.text for _, at in find_words(lesson, "وبزيارته")}
    assert "زيارته" in found
    officials = {strip_tashkeel(at.word.lemma) for _, at in find_words(lesson, "المسؤولون")}
    assert officials == {"مسؤول"}
    assert {at.word.text for _, at in find_words(lesson, "مسؤول")} >= {"المسؤولون"}


def test_a_word_card_says_what_the_word_is(lesson):
    html = word_spans(lesson, lesson.sentence("p01-s1"), "full", known=set())
    assert len(re.findall(r'class="khabar-w[ "]', html)) == 24 and html.count('tabindex="0"') == 24
    assert 'class="khabar-wcard" role="dialog" dir="ltr" lang="en" style="display: none"' in html  # hidden unstyled
    assert "counterpart" in html and "root" in html and "form II" in html
    assert "khabar-new" in html and "khabar-unknown" not in html  # unknown words: a soft mark, not an error


def test_a_draft_says_it_is_a_draft(lesson):
    s = lesson.sentence("p02-s1")
    w = s.words[0]
    drafted = w.__class__(**{**w.__dict__, "status": "draft", "review": ("gloss in context",)})
    sentence = s.__class__(**{**s.__dict__, "words": (drafted, *s.words[1:])})
    html = word_spans(lesson, sentence, "full")
    assert "Draft: not yet checked by a teacher." in html and "khabar-draft" in html


# -- the learner's level is remembered -------------------------------------------------------------


def test_the_level_is_remembered_beside_the_progress(lesson, tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    view = helpers.reading_view(lesson, progress=store)
    view.level.value = "needed"
    again = helpers.reading_view(lesson, progress=ProgressStore(tmp_path / "progress.sqlite3"))
    assert again.level.value == "needed"


def test_a_settings_file_that_cannot_be_written_keeps_the_choice_and_says_so(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "progress.settings.json").mkdir()  # a folder where the file should be: never replaced
    settings_ = Settings(folder / "progress.settings.json")
    settings_.set("tashkeel", "none")
    assert settings_.get("tashkeel", "full") == "none" and "this session only" in settings_.warning
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert Settings(tmp_path / "bad.json").get("tashkeel", "full") == "full"


# -- drafting -------------------------------------------------------------------------------------


def test_drafts_are_made_offline_and_pass_the_structural_checks(lesson, monkeypatch):
    from helpers.authoring.words import draft_words
    from helpers.lesson.model import Word

    def no_network(*args, **kwargs):
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    s = lesson.sentence("p02-s1")
    records = draft_words(s.ar, None, lesson.glossary_for(s.id))  # vocalized by text2tashkeel too
    assert [r["text"] for r in records] == sentence_tokens(s.ar)
    assert all(r["status"] == "draft" and r["review"] for r in records)
    for r in records:
        assert "".join(seg["text"] for seg in r["segments"]) == r["text"]
        assert "".join(seg["vocalized"] for seg in r["segments"]) == r["vocalized"]
        Word.from_dict(r)  # the shape of words.yaml
    clitics = draft_words("وبزيارته", "وَبِزِيَارَتِهِ")
    assert [seg["kind"] for seg in clitics[0]["segments"]] == ["conjunction", "preposition", "stem", "pronoun"]
    assert clitics[0]["lemma"] == "زِيَارَة" and clitics[0]["root"] == "ز و ر"


def test_the_lexicon_gives_english_glosses():
    from helpers.authoring.analysers import lexicon_readings

    glosses = [r["gloss"] for r in lexicon_readings("مذكرة")]
    assert any("memorandum" in g for g in glosses)
    assert not any(g.startswith("[") for g in (r["gloss"] for r in lexicon_readings("زيارة")))
