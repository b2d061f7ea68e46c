"""Arabic-aware grading: a table of cases a teacher would recognise, and properties."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.text.answer_forms import strict_form
from helpers.text.arabic import contains_arabic
from helpers.text.lexicon import COMMON_WORDS
from helpers.text.matching import (
    DEFAULT_STRICTNESS,
    NEAR_MISSES,
    STRICTNESS,
    NearMiss,
    TextGrade,
    grade_text,
    partial_multiple,
    partial_order,
    partial_pairs,
)
from helpers.text.spellings import accepted_spellings

from .conftest import ROOT

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
    ("مذكرة", "مذكره", "strict", False, "ta marbuta (ة) is written as ha (ه)"),
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
    ("أستانا", "أستانا.", "strict", True, "punctuation"),  # a full stop is not a spelling mistake
    ("مذكرة", "مذكرة.", "strict", True, "punctuation around the answer"),
    ("إسرائيل", "اسرائيل.", "strict", False, "Check the hamza"),
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
    # one letter away, but another word or another form: never a typo
    ("السلام", "الإسلام", "lenient", False, "الإسلام is a different word"),
    ("العام", "العالم", "lenient", False, "العالم is a different word"),
    ("حماس", "حمام", "lenient", False, "حمام is a different word"),
    ("السياحة", "السياسة", "lenient", False, "السياسة is a different word"),
    ("يونيو", "يوليو", "lenient", False, "يوليو is a different word"),
    ("في وقت لاحق من هذا العام", "في وقت لاحق من هذا العالم", "lenient", False, "العالم is a different word"),
    ("منزوعة السلاح", "منزوع السلاح", "lenient", False, "The ending ـة is missing"),
    ("منزوعة السلاح", "منزوعة السلام", "lenient", False, "السلام is a different word"),
    ("حل الدولتين", "حل الدولتان", "lenient", False, "ـان instead of ـين"),
    ("المسؤولين", "المسؤولون", "lenient", False, "masculine plural"),
    ("وقعت", "وقع", "lenient", False, "verb as feminine"),
    ("عاما", "عام", "lenient", False, "accusative"),
    ("2026", "2025", "lenient", False, "digit"),
    ("يناير 2026", "يناير 2025", "lenient", False, "digit"),
    ("يناير 2026", "يناير ٢٠٢٥", "lenient", False, "digit"),
    ("للدولة", "لدولة", "lenient", False, "The article ال is missing"),
    ("الدولة", "دولة", "normal", False, "The article ال is missing"),
    ("حل الدولتين", "الحل الدولتين", "normal", False, "The article ال should not be there"),
    ("بالقلق", "القلق", "lenient", False, "بـ (with, in) is missing"),
    ("زيارته", "زيارة", "lenient", False, "The pronoun ـه (his, its) is missing"),
    ("الاتفاقية", "الاتفاقيات", "normal", False, "plural ـات"),
    ("حل الدولتين", "حب الدولتين", "lenient", False, "One letter is wrong"),  # حل is too short to forgive
    # ... and typos that are still forgiven, saying what the slip was
    ("مسؤول", "مسول", "lenient", True, "a hamza is missing"),
    ("كازاخستان", "كازاخصتان", "lenient", True, "one letter is wrong"),
    ("المنتدى", "المنتدا", "lenient", True, "alef maqsura (ى) is written as alef (ا)"),
    ("مذكرة", "مذكرت", "lenient", True, "ta marbuta (ة) is written as ta (ت)"),
    ("أستانا", "أستان", "lenient", True, "one letter is missing"),  # a name's last letter, not an ending
    # madda: آ for bare alef is forgiven; آ for أ is not when it makes another word
    ("الآن", "الان", "normal", True, "alef/hamza"),
    ("الأمن", "الآمن", "normal", False, "الآمن is a different word"),
    ("الآمن", "الأمن", "lenient", False, "الأمن is a different word"),
    ("القرآن", "القرأن", "normal", True, "alef/hamza"),  # no other word: a hamza seat
    ("في الآمن", "في الأمن", "normal", False, "الأمن is a different word"),
    ("على", "علی", "strict", False, "ی is the Persian letter: type the Arabic ي or ى"),
    # letters that look the same: Persian ک and ی, presentation forms
    ("كتاب", "کتاب", "normal", True, "Persian"),
    ("كتاب", "کتاب", "strict", False, "ک is the Persian letter: type the Arabic ك"),
    ("على", "علی", "normal", True, "Persian"),
    ("في", "فی", "normal", True, "Persian"),
    ("لا", "\ufefb", "strict", True, "Correct"),
    ("2", "²", "normal", False, "Not accepted"),  # compatibility folding only for Arabic presentation forms
    # marks: the vowels the answer writes must be written
    ("أُلْغِيَتِ", "أُلغِيَتِ", "marks", True, "Correct"),  # a sukun may be left out
    ("أُلْغِيَتِ", "أُلْغِيَتْ", "marks", False, "Check the ending: the vowel on the last letter of أُلْغِيَتْ"),
    ("أُلْغِيَتِ", "ألغيت", "marks", False, "Write the vowel marks"),
    ("أُلْغِيَتِ", "ألغيت", "strict", True, "Correct"),
    ("التَّأْشِيرَةُ", "التَّأْشِيرَةَ", "marks", False, "the last letter of التَّأْشِيرَةَ"),
    ("كَتَبَ", "كُتِبَ", "marks", False, "check the vowel marks of كُتِبَ"),
    ("مُمَثِّلًا", "مُمَثِّلاً", "marks", True, "Correct"),  # tanween on the alef or before it
    ("وَقَّعَ", "وَقَّعَ.", "marks", True, "punctuation"),
    ("وَقَّعَ", "وقّعَ", "marks", False, "vowel marks"),
    ("مذكرة", "مُذَكِّرَةٌ", "marks", True, "Correct"),  # marks the key does not write are not checked
    ("التَّأْشِيرَةُ", "التاشيرةُ", "marks", False, "hamza"),
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
    assert len(CASES) >= 100


def test_the_levels_are_named_strictest_first():
    assert STRICTNESS == ("marks", "strict", "normal", "lenient")
    with pytest.raises(ValueError, match="marks, strict, normal, lenient"):
        grade_text("a", "a", strictness="exact")


def test_the_quiz_schema_names_only_levels_the_grader_knows():
    schema = json.loads((ROOT / "materials" / "schema" / "quiz.schema.json").read_text(encoding="utf-8"))
    enums = []

    def walk(node):
        if isinstance(node, dict):
            if "strictness" in node.get("properties", {}):
                enums.append(node["properties"]["strictness"]["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert enums and all(set(enum) <= set(STRICTNESS) and DEFAULT_STRICTNESS in enum for enum in enums)


def test_a_near_miss_is_named_for_a_view_to_show():
    verdict = grade_text("منزوعة السلاح", "منزوع السلاح", "lenient")
    assert verdict.miss == NearMiss("ending", "The ending ـة is missing (it marks the feminine).")
    assert verdict.miss.note in verdict.note
    assert grade_text("السلام", "الإسلام", "lenient").miss.kind == "different-word"
    assert grade_text("مذكرة", "مذكره").miss.kind == "ta-marbuta"  # accepted, and the slip still named
    assert grade_text("مذكرة", "مذكرة").miss is None
    assert grade_text("نوفمبر", "يناير").miss is None  # nothing close to name
    for expected, typed, strictness, _, _ in CASES:
        miss = grade_text(expected, typed, strictness).miss
        assert miss is None or (miss.kind in NEAR_MISSES and miss.note.endswith("."))


def test_text_grade_is_built_and_read_as_before():
    old = TextGrade(True, "Correct.", "أستانا", "أستانا")  # the fields callers already pass and read
    assert old.forgiven == () and old.miss is None and bool(old)
    assert not TextGrade(False, "Not accepted.", "أستانا", "x", ())


def test_the_lessons_own_words_are_other_words_too():
    # كازخستان is not a common word: one letter off كازاخستان, it is a typo, unless the caller lists it
    assert grade_text("كازاخستان", "كازخستان", "lenient").accepted
    verdict = grade_text("كازاخستان", "كازخستان", "lenient", words=["والكازخستان", "مذكرة"])
    assert not verdict.accepted and verdict.note == "Not accepted. كازخستان is a different word."
    # a cloze bank's words: the learner typed the wrong choice with a slip
    assert not grade_text("المحرقة", "النصرة", "lenient", words=["النصر"]).accepted


@pytest.mark.parametrize("strictness", STRICTNESS)
@pytest.mark.parametrize("answer", ["مُذَكِّرَة", "إِلَى", "أُلْغِيَتِ", "مؤتمر صحفي مشترك", "١٦", "الآن"])
def test_every_spelling_an_export_lists_is_accepted_at_its_level(answer, strictness):
    spellings = accepted_spellings(answer, strictness)
    assert spellings and all(grade_text(answer, s, strictness).accepted for s in spellings), spellings
    if strictness == "marks":
        assert spellings == [helpers.normalize_display(answer)]  # letter-exact platforms: the vocalized answer


def test_the_common_words_are_written_as_words():
    assert len(COMMON_WORDS) >= 300
    for word in COMMON_WORDS:
        assert contains_arabic(word) and word == strict_form(word) and " " not in word, word
        assert not word.startswith("ال") or word in {"الذي", "التي", "الذين", "التقى"}, word


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
    assert verdicts == sorted(verdicts)  # False... then True...: marks ⊆ strict ⊆ normal ⊆ lenient


#: Vocalized words of the lesson's kind, to be slipped on.
WORDS = [
    "السَّلَامِ", "العَامِ", "حَمَاسٍ", "مَنْزُوعَةَ", "الدَّوْلَتَيْنِ", "2026", "الأَمْنِ", "الآمِنِ", "مُذَكِّرَةً",
    "إِسْرَائِيلَ", "كَازَاخِسْتَانَ", "أَسْتَانَا", "المُنْتَدَى", "مَسْؤُولُونَ", "بِالقَلَقِ", "زِيَارَتِهِ",
    "التَّأْشِيرَةِ", "يَنَايِرَ", "لِلدَّوْلَةِ", "أُلْغِيَتِ", "حَلَّ الدَّوْلَتَيْنِ", "فِي وَقْتٍ لَاحِقٍ", "عَامًا",
]  # fmt: skip
SLIPS = list("ابتثجحخدذرسشصضطظعغفقكلمنهويأإآٱؤئءةى") + list("ًٌٍَُِّْ") + ["ک", "ی", "ـ", " ", ".", "ال", "١", "5"]


@st.composite
def near_pairs(draw):
    """A word and the same word with up to three slips: letters, marks, the article, digits, look-alikes."""
    word = draw(st.sampled_from(WORDS))
    typed = word
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(typed)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "swap", "strip marks", "fold"]))
        slip = draw(st.sampled_from(SLIPS))
        if how == "insert":
            typed = typed[:i] + slip + typed[i:]
        elif how == "delete":
            typed = typed[:i] + typed[i + 1 :]
        elif how == "replace":
            typed = typed[:i] + slip + typed[i + 1 :]
        elif how == "swap" and i + 1 < len(typed):
            typed = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
        elif how == "strip marks":
            typed = helpers.strip_tashkeel(typed)
        else:
            typed = typed.translate(str.maketrans("أإآةىكي", "اااهيکی"))
    return word, typed


@given(near_pairs())
def test_each_level_accepts_what_the_stricter_one_accepts_on_near_misses(pair):
    expected, typed = pair
    verdicts = [grade_text(expected, typed, s) for s in STRICTNESS]
    assert [v.accepted for v in verdicts] == sorted(v.accepted for v in verdicts), verdicts
    for verdict in verdicts:  # whatever was forgiven is said, and the right spelling shown
        assert verdict.note.startswith(("Correct.", "Accepted (", "Not accepted", "No answer"))
        if verdict.note.startswith("Accepted ("):
            assert verdict.forgiven and verdict.note.endswith(f"The correct spelling is {verdict.expected}.")


def test_many_near_misses_keep_the_levels_nested():
    """The same property over every single slip of every word (not a sample): thousands of pairs."""
    pairs = 0
    for word in WORDS:
        for i in range(len(word) + 1):
            for slip in SLIPS:
                for typed in (word[:i] + slip + word[i:], word[:i] + slip + word[i + 1 :], word[:i] + word[i + 1 :]):
                    verdicts = [grade_text(word, typed, s).accepted for s in STRICTNESS]
                    assert verdicts == sorted(verdicts), (word, typed, verdicts)
                    pairs += 1
    assert pairs > 5000


@given(arabic_text)
def test_every_answer_is_accepted_against_itself(text):
    if strict_form(text):  # some letters, not only marks, spaces or punctuation
        assert grade_text(text, text, "marks").accepted


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
