"""Arabic-aware grading: a table of cases a teacher would recognise, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.text.matching import STRICTNESS, grade_text, partial_multiple, partial_order, partial_pairs

RLM, LRM, TATWEEL = "\u200f", "\u200e", "\u0640"

# (expected, given, strictness, accepted, words the note must contain)
CASES = [
    # exact, with or without tashkeel
    ("مذكرة", "مذكرة", "strict", True, "Correct"),
    ("مُذَكِّرَة", "مذكرة", "strict", True, "Correct"),
    ("مذكرة", "مُذَكِّرَةٌ", "strict", True, "Correct"),
    ("مذكرة", "مُذَكِّرَةٌ", "normal", True, "Correct"),
    ("وَقَّعَ", "وقّع", "normal", True, "Correct"),
    # tatweel and invisible bidi marks
    ("مذكرة", "مـذكـرة", "strict", True, "Correct"),
    ("مذكرة", f"{RLM}مذكرة{LRM}", "strict", True, "Correct"),
    ("أستانا", f"{RLM}أستانا", "normal", True, "Correct"),
    ("مذكرة", f"م{TATWEEL * 5}ذكرة", "normal", True, "Correct"),
    # hamza and alef seats
    ("إسرائيل", "اسرائيل", "normal", True, "alef/hamza"),
    ("إسرائيل", "اسرائيل", "strict", False, "hamza"),
    ("أستانا", "استانا", "normal", True, "alef/hamza"),
    ("آسيا", "اسيا", "normal", True, "alef/hamza"),
    ("مسؤول", "مسئول", "normal", True, "alef/hamza"),
    ("مسؤول", "مسئول", "strict", False, "hamza"),
    ("إحلال", "أحلال", "normal", True, "alef/hamza"),
    # ta marbuta and alef maqsura
    ("مذكرة", "مذكره", "normal", True, "ta marbuta"),
    ("مذكرة", "مذكره", "strict", False, "ta marbuta"),
    ("المنتدى", "المنتدي", "normal", True, "alef maqsura"),
    ("أخرى", "اخري", "normal", True, "alef/hamza spelling, alef maqsura"),
    ("أخرى", "اخري", "strict", False, "Not accepted"),
    # digits
    ("16", "١٦", "normal", True, "Arabic-Indic"),
    ("16", "۱۶", "normal", True, "Arabic-Indic"),
    ("30", "٣٠", "strict", False, "Not accepted"),
    ("16", "61", "normal", False, "Not accepted"),
    # punctuation and spaces around
    ("أستانا", "  أستانا  ", "strict", True, "Correct"),
    ("أستانا", "أستانا.", "normal", True, "punctuation"),
    ("أستانا", "«أستانا»", "normal", True, "punctuation"),
    ("أستانا", "أستانا؟", "normal", True, "punctuation"),
    ("حل الدولتين", "حل   الدولتين", "normal", True, "Correct"),
    # typos
    ("الاتفاقية", "الاتفاقيه", "lenient", True, "ta marbuta"),
    ("كازاخستان", "كازخستان", "lenient", True, "one-letter typo"),
    ("كازاخستان", "كازخستان", "normal", False, "One letter"),
    ("كازاخستان", "كازاختسان", "lenient", True, "one-letter typo"),  # two neighbours swapped
    ("كازاخستان", "كزخستان", "lenient", False, "Not accepted"),
    ("سار", "ساب", "lenient", False, "Not accepted"),  # too short to forgive a wrong letter
    ("تأشيرة", "تاشيره", "lenient", True, "alef/hamza"),
    # wrong answers
    ("مذكرة", "اتفاقية", "lenient", False, "Not accepted"),
    ("نوفمبر", "يناير", "normal", False, "Not accepted"),
    ("ساعر", "سار", "normal", False, "Not accepted"),
    # Latin letters, empty, odd input
    ("أستانا", "Astana", "normal", False, "Arabic letters"),
    ("أستانا", "astana", "lenient", False, "Arabic letters"),
    ("Astana", "ASTANA", "normal", True, "letter case"),
    ("أستانا", "", "normal", False, "No answer"),
    ("أستانا", "   ", "normal", False, "No answer"),
    ("أستانا", RLM + LRM, "normal", False, "No answer"),
    ("أستانا", "ـــ", "normal", False, "No answer"),
    ("أستانا", "أستانا" * 500, "lenient", False, "far too long"),
    ("أستانا", "x" * 1_000_000, "normal", False, "far too long"),
    ("أستانا", "<script>alert(1)</script>", "normal", False, "Arabic letters"),
    ("أستانا", "<b>أستانا</b>", "normal", False, "Not accepted"),
    # several accepted answers
    (["أستانا", "أستانة"], "استانه", "normal", True, "أستانة"),
    (["16", "ستة عشر"], "ستة عشر", "normal", True, "Correct"),
    (["16", "ستة عشر"], "سته عشر", "normal", True, "ta marbuta"),
]


@pytest.mark.parametrize(("expected", "given", "strictness", "accepted", "note"), CASES)
def test_grading_table(expected, given, strictness, accepted, note):
    result = grade_text(expected, given, strictness)
    assert result.accepted is accepted, result
    assert note in result.note, result.note


def test_the_table_is_big_enough():
    assert len(CASES) >= 50


def test_public_api_is_stable():
    result = helpers.grade_text("مذكرة", "مذكره")
    assert result.accepted is True and isinstance(result.note, str)
    assert helpers.grade_text("مذكرة", "مذكره", strictness="strict").accepted is False
    with pytest.raises(ValueError, match="strictness"):
        helpers.grade_text("a", "a", strictness="medium")


def test_accepted_with_forgiveness_shows_the_correct_spelling():
    result = grade_text("مُذَكِّرَة", "مذكره")
    assert result.forgiven == ("ta marbuta written as ha",)
    assert result.note.endswith("The correct spelling is مُذَكِّرَة.")


def test_an_answer_with_markup_is_kept_as_text():
    result = grade_text("أستانا", "<b>أستانا</b>")
    assert result.given == "<b>أستانا</b>"  # shown escaped by the widgets, never interpreted


arabic_text = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهوي") + list("أإآٱؤئءةى") + list("ًٌٍَُِّْـ") + [RLM, " ", "1", "١", "."]
    ),
    max_size=20,
)


@given(arabic_text, arabic_text)
def test_strict_is_within_normal_is_within_lenient(expected, given_text):
    if not expected.strip():
        return
    verdicts = [grade_text(expected, given_text, s).accepted for s in STRICTNESS]
    assert verdicts == sorted(verdicts)  # False... then True...: strict ⊆ normal ⊆ lenient


@given(arabic_text)
def test_every_answer_is_accepted_against_itself(text):
    if helpers.normalize_display(helpers.strip_tashkeel(text)).strip():
        assert grade_text(text, text, "strict").accepted


@given(arabic_text)
def test_normalising_twice_is_normalising_once(text):
    once = helpers.normalize_match(text)
    assert helpers.normalize_match(once) == once


def test_partial_credit():
    assert partial_multiple({"a", "c"}, {"a", "c"}, set("abcd")) == 1.0
    assert partial_multiple({"a", "c"}, {"a", "b", "c"}, set("abcd")) == 0.5
    assert partial_multiple({"a"}, {"z"}, set("abcd")) == 0.0
    assert partial_pairs({"x": "1", "y": "2", "z": "3"}, {"x": "1", "y": "3", "z": "2"}) == pytest.approx(1 / 3)
    assert partial_order(list("abcd"), list("abcd")) == 1.0
    assert partial_order(list("abcd"), list("dcba")) == 0.0
    assert partial_order(list("abc"), list("ab")) == 0.0


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("إسرا\u200bئيل", "a zero-width space pasted inside the word"),
        ("إسرائيل\u2060", "a word joiner after it"),
        ("إسرائي\u00adل", "a soft hyphen inside it"),
        ("\ufe87\ufeb3\ufead\ufe8d\ufe8b\ufef4\ufede", "presentation forms copied from a PDF"),
    ],
)
def test_a_right_answer_with_invisible_characters_or_presentation_forms_is_right(given, why):
    verdict = grade_text("إسرائيل", given, "strict")
    assert verdict.accepted, why
    assert verdict.note == "Correct."


def test_the_lam_alef_ligature_is_read_as_its_two_letters():
    assert grade_text("لا", "\ufefb").accepted
    assert not grade_text("لا", "\ufefb\ufefb").accepted
