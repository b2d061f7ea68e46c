"""Content checks on the kit's lesson: what a teacher would check by hand."""

from __future__ import annotations

import hashlib

import pytest

from helpers import contains_arabic, split_sentences, strip_tashkeel, tokenize
from helpers.text.chars import STRIPPABLE_MARKS

from .conftest import LESSON_DIR

#: SHA-256 of the published article (17 paragraphs, trailing blank lines removed).
ARTICLE_SHA256 = "b566ea4497e95d8f473605ee901df1134e434e77dc4cbf38d0bbf9d2b19d1498"


def test_article_file_is_the_published_text_verbatim():
    text = (LESSON_DIR / "article.ar.txt").read_text(encoding="utf-8").rstrip("\n")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == ARTICLE_SHA256
    assert len(text.split("\n")) == 17


def test_sentences_joined_reproduce_every_paragraph(lesson):
    lines = lesson.article.rstrip("\n").split("\n")
    assert [p.text for p in lesson.paragraphs] == lines


def test_sentence_ids_are_unique_and_ordered(lesson):
    ids = [s.id for s in lesson.sentences]
    assert len(ids) == len(set(ids)) == 19
    assert ids[0] == "p01-s1" and ids[-1] == "p17-s1"
    assert "p07-s2" in ids and "p16-s2" in ids


def test_our_splitter_agrees_with_the_lesson_sentences(lesson):
    for paragraph in lesson.paragraphs:
        assert [s.text for s in split_sentences(paragraph.text)] == [s.ar for s in paragraph.sentences]


@pytest.mark.parametrize("sentence_id", [f"p{n:02d}-s1" for n in range(1, 18)] + ["p07-s2", "p16-s2"])
def test_vocalized_sentence_strips_back_to_the_original_letter_for_letter(lesson, sentence_id):
    sentence = lesson.sentence(sentence_id)
    assert strip_tashkeel(sentence.ar_vocalized) == strip_tashkeel(sentence.ar)


def test_every_arabic_word_of_the_vocalized_text_carries_marks(lesson):
    """A word left bare would be read without guidance; only one-letter words may be."""
    bare = [
        (s.id, t.text)
        for s in lesson.sentences
        for t in tokenize(s.ar_vocalized)
        if t.kind == "word"
        and contains_arabic(t.text)
        and len(t.text) > 1
        and not any(c in STRIPPABLE_MARKS for c in t.text)
    ]
    assert bare == []


def test_vocalized_text_uses_tashkeel_only_where_the_original_has_letters(lesson):
    for s in lesson.sentences:
        for ch in s.ar_vocalized:
            assert ch in STRIPPABLE_MARKS or ch in s.ar, (s.id, ch)


def test_translations_are_english_and_complete(lesson):
    for s in lesson.sentences:
        assert s.en.strip() and not contains_arabic(s.en), s.id
        assert s.en.rstrip()[-1] in ".”\"'", s.id


def test_every_note_points_at_sentences_that_exist_and_contain_its_words(lesson):
    ids = {s.id for s in lesson.sentences}
    assert len(lesson.notes) >= 20
    for note in lesson.notes:
        assert set(note.sentence_ids) <= ids, note.id
        for sid in note.sentence_ids:
            assert note.focus.replace("ً", "") in lesson.sentence(sid).ar.replace("ً", ""), (note.id, sid)


def test_notes_cover_what_the_lesson_promises(lesson):
    kinds = {n.kind for n in lesson.notes}
    assert {"spelling", "translation", "grammar", "punctuation", "formula", "reported-speech", "numbers"} <= kinds
    focuses = {n.focus for n in lesson.notes}
    assert "سار" in focuses  # the minister's name against the press spelling ساعر
    assert any("أعزل" in f for f in focuses)  # the agreement error أمة أعزل
    assert any("16" in f for f in focuses)  # reading the numbers aloud


def test_lesson_date_is_a_tuesday_as_the_text_says(lesson):
    assert lesson.info.date.isoformat() == "2026-01-27"
    assert lesson.info.date.strftime("%A") == "Tuesday"
    assert "يوم الثلاثاء" in lesson.sentence("p01-s1").ar
