"""Normalisation, tokenizing and sentence splitting: examples and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyarabic import araby

from helpers.text import chars
from helpers.text.arabic import (
    arabic_runs,
    contains_arabic,
    contains_latin,
    find_phrase,
    normalize_display,
    normalize_match,
    split_sentences,
    strip_tashkeel,
    tokenize,
    vocalized_span,
)

ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0621, 0x063B)]
    + [chr(c) for c in range(0x0641, 0x064B)]
    + list(chars.TASHKEEL)
    + [chars.TATWEEL, chars.SUPERSCRIPT_ALEF, chars.ALEF_WASLA, chars.HAMZA_ABOVE, chars.MADDA_ABOVE]
    + list(chars.ARABIC_INDIC_DIGITS[:3])
    + list("0123 abcXYZ.,:!?\n\t")
    + ["،", "؟", "؛", "“", "”", "«", "»", "…", chars.RLM, chars.LRM, chars.ALM, chars.ZWNJ, "\u2067", "\u2069"]
)
arabicish = st.text(alphabet=st.sampled_from(ARABIC_ALPHABET), max_size=80)
anything = st.text(max_size=60)


# -- constants ------------------------------------------------------------------------------


def test_named_constants_agree_with_pyarabic():
    assert (chars.FATHA, chars.DAMMA, chars.KASRA, chars.SHADDA, chars.SUKUN) == (
        araby.FATHA,
        araby.DAMMA,
        araby.KASRA,
        araby.SHADDA,
        araby.SUKUN,
    )
    assert (chars.TATWEEL, chars.TEH_MARBUTA, chars.ALEF_MAKSURA, chars.ALEF_HAMZA_BELOW) == (
        araby.TATWEEL,
        araby.TEH_MARBUTA,
        araby.ALEF_MAKSURA,
        araby.ALEF_HAMZA_BELOW,
    )
    assert set(araby.TASHKEEL) == set(chars.TASHKEEL)


def test_constants_are_the_characters_their_names_say():
    for name in ("TEH_MARBUTA", "ALEF_MAKSURA", "TATWEEL", "FATHATAN", "SUKUN", "ALEF_WASLA"):
        assert unicodedata.name(getattr(chars, name)).endswith(name.replace("_", " ")), name
    assert unicodedata.name(chars.RLM) == "RIGHT-TO-LEFT MARK"


# -- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إِسْرَائِيلَ", "اسرائيل"),  # tashkeel and hamza seat
        ("أستانا", "استانا"),
        ("آسيا", "اسيا"),  # alef madda
        ("ٱلسلام", "السلام"),  # alef wasla
        ("مسؤول", "مسئول"),  # hamza on waw vs on ya
        ("الوطنية", "الوطنيه"),  # ta marbuta vs ha
        ("على", "علي"),  # alef maqsura vs ya
        ("العـــالمي", "العالمي"),  # tatweel
        ("\u200fكازاخستان\u200e", "كازاخستان"),  # bidi marks
        ("١٦", "16"),  # Arabic-Indic digits
        ("۱۶", "16"),  # Extended (Persian) digits
        ("Astana", "ASTANA"),
        ("ا\u0654", "أ"),  # decomposed hamza above (NFC)
    ],
)
def test_normalize_match_folds_spelling_variants(a, b):
    assert normalize_match(a) == normalize_match(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("سار", "ساعر"), ("كتب", "كتاب"), ("علم", "عمل"), ("16", "61")],
)
def test_normalize_match_keeps_real_differences(a, b):
    assert normalize_match(a) != normalize_match(b)


def test_normalize_display_keeps_what_a_reader_sees():
    text = "\u202bوَزِيرُ   الخـــارجية\u202c"
    assert normalize_display(text) == "وَزِيرُ الخارجية"
    assert normalize_display("إِسْرَائِيلَ") == "إِسْرَائِيلَ"  # hamza and tashkeel stay


def test_strip_tashkeel_removes_marks_only():
    assert strip_tashkeel("مُسَلِّطًا الضَّوْءَ") == "مسلطا الضوء"
    assert strip_tashkeel("هٰذا") == "هذا"  # superscript alef
    assert strip_tashkeel("كتاب") == "كتاب"


def test_language_detection():
    assert contains_arabic("Sa'ar سار") and contains_latin("Sa'ar سار")
    assert not contains_arabic("Sa'ar, 2026") and not contains_latin("سار ٢٠٢٦")


@given(arabicish)
def test_normalize_match_is_idempotent(text):
    once = normalize_match(text)
    assert normalize_match(once) == once


@given(anything)
def test_normalize_match_is_idempotent_on_any_unicode(text):
    once = normalize_match(text)
    assert normalize_match(once) == once


@given(arabicish)
def test_normalize_display_is_idempotent(text):
    once = normalize_display(text)
    assert normalize_display(once) == once


@given(arabicish)
def test_matching_ignores_tashkeel_and_display_form(text):
    assert normalize_match(strip_tashkeel(text)) == normalize_match(text)
    assert normalize_match(normalize_display(text)) == normalize_match(text)


@given(arabicish)
def test_normalize_match_loses_no_base_letters(text):
    letters = [c for c in normalize_display(text) if c.isalpha() and unicodedata.category(c) == "Lo"]
    assert len([c for c in normalize_match(text) if unicodedata.category(c) == "Lo"]) == len(letters)


# -- tokenizer ------------------------------------------------------------------------------


def test_tokenizer_splits_quotes_and_punctuation_off_words():
    tokens = tokenize("وقال: “لقد تعلمنا الدرس”. مسلطًا 16")
    assert [(t.text, t.kind) for t in tokens] == [
        ("وقال", "word"),
        (":", "punct"),
        ("“", "punct"),
        ("لقد", "word"),
        ("تعلمنا", "word"),
        ("الدرس", "word"),
        ("”", "punct"),
        (".", "punct"),
        ("مسلطًا", "word"),
        ("16", "number"),
    ]


def test_tokenizer_keeps_tashkeel_and_tatweel_inside_words():
    assert [t.text for t in tokenize("وَقَّعَ العـــالمي")] == ["وَقَّعَ", "العـــالمي"]


def test_tokenizer_reads_numbers_with_separators():
    assert [t.text for t in tokenize("3.5 و٣٫٥ و1,000")] == ["3.5", "و", "٣٫٥", "و", "1,000"]


@given(arabicish)
def test_token_offsets_map_back_to_the_text(text):
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


@given(arabicish)
def test_tokenizer_loses_nothing_but_spaces_and_bidi_controls(text):
    covered = set()
    last_end = 0
    for token in tokenize(text):
        assert token.start >= last_end  # in order, no overlap
        last_end = token.end
        covered.update(range(token.start, token.end))
    for i, ch in enumerate(text):
        if i not in covered:
            assert ch.isspace() or ch in chars.BIDI_CONTROLS, repr(ch)


# -- sentence splitter ----------------------------------------------------------------------


def test_splitter_keeps_a_quotation_whole():
    para = "وقال: “نحن ندعم خطة ترامب في غزة. وهذا ضروري لأمن إسرائيل”. وقال إن أستانا تدعم حل الدولتين."
    assert [s.text for s in split_sentences(para)] == [
        "وقال: “نحن ندعم خطة ترامب في غزة. وهذا ضروري لأمن إسرائيل”.",
        "وقال إن أستانا تدعم حل الدولتين.",
    ]


def test_splitter_does_not_split_at_commas_or_colons():
    # pyarabic's sentence_tokenize splits at both.
    para = "وفي حديثه في مؤتمر صحفي مشترك في أستانا، قال سار: إن زيارته تعكس رغبته."
    assert len(split_sentences(para)) == 1


def test_splitter_handles_arabic_question_mark_and_more_than_32_sentences():
    para = " ".join(["هل وصل الوفد؟"] * 40)
    assert len(split_sentences(para)) == 40  # pyarabic stops after 32 splits


def test_splitter_ignores_unbalanced_quotes():
    para = "قال “نحن هنا. ثم غادر. وانتهى"
    assert [s.text for s in split_sentences(para)] == ["قال “نحن هنا.", "ثم غادر.", "وانتهى"]


def test_splitter_keeps_numbers_and_abbreviations():
    assert len(split_sentences("زار د. أحمد أستانا 3.5 ساعات.")) == 1


@given(arabicish)
def test_sentence_offsets_map_back_and_nothing_is_lost(text):
    spans = split_sentences(text)
    last = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.start >= last
        assert text[last : span.start].strip() == ""
        last = span.end
    assert text[last:].strip() == ""


@given(arabicish)
def test_splitting_a_sentence_again_changes_nothing(text):
    for span in split_sentences(text):
        again = split_sentences(span.text)
        assert "".join(s.text for s in again).replace(" ", "") == span.text.replace(" ", "")


# -- spans between plain and vocalized forms -----------------------------------------------


def test_vocalized_span_follows_the_same_letters():
    plain = "ورحب بقرار الرئيس قاسم جومارت توكاييف"
    vocal = "وَرَحَّبَ بِقَرَارِ الرَّئِيسِ قَاسِم جُومَارْت تُوكَايِيف"
    start = plain.index("الرئيس")
    a, b = vocalized_span(vocal, start, start + len("الرئيس"), plain=plain)
    assert vocal[a:b] == "الرَّئِيسِ"


def test_find_phrase_matches_whole_words_only():
    text = "لن نكون أبدًا أمة أعزل. أن"
    assert find_phrase(text, "أمة") == (14, 17)
    assert find_phrase(text, "أن") == (24, 26)
    assert find_phrase(text, "مة") is None


def test_arabic_runs_in_english_text():
    text = "Say منذ 16 عاما, not ست عشرة."
    assert [text[a:b] for a, b in arabic_runs(text)] == ["منذ", "عاما", "ست عشرة"]


def test_splitting_many_abbreviations_keeps_them_all_in_one_sentence():
    text = "د. " * 20_000 + "أحمد وصل."
    spans = split_sentences(text)
    assert len(spans) == 1 and spans[0].text.endswith("أحمد وصل.")


def test_the_spelling_folds_are_defined_once_and_matching_uses_every_one():
    from helpers.text.arabic import SPELLING_FOLDS

    names = [name for name, _ in SPELLING_FOLDS]
    assert names == [
        "alef/hamza spelling",
        "ta marbuta written as ha",
        "alef maqsura written as ya",
        "Arabic-Indic digits",
    ]
    for _, table in SPELLING_FOLDS:
        for source, target in table.items():
            assert normalize_match(chr(source)) == normalize_match(target)
