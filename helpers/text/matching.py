"""Arabic-aware answer checking, as plain functions.

``grade_text(expected, given, strictness)`` compares a learner's typed answer
with the expected one at a strictness the teacher chooses (:data:`STRICTNESS`,
strictest first):

* ``marks``: as ``strict``, and the vowel marks the expected answer writes
  must be written the same (a sukun may be left out; tanween on a final alef
  may sit on the alef or on the letter before it; letters the expected answer
  leaves bare are not checked). For items that test vocalization.
* ``strict``: the letters must be exactly right, hamza seats, ta marbuta and
  alef maqsura included. Vowel marks, tatweel, invisible bidi marks, and the
  spaces and punctuation around the answer are not compared.
* ``normal`` (default): also forgives alef/hamza seat variants (أ إ آ ٱ ا,
  ؤ ئ ء), final ta marbuta written as ha, alef maqsura written as ya,
  Arabic-Indic digits for 0-9, the Persian letters ک and ی for ك and ي, and
  Latin letter case. آ written for أ or إ (or the reverse) is not forgiven
  when the word typed is another word (الآمن, the safe one, for الأمن,
  security).
* ``lenient``: also forgives one wrong, missing, extra or swapped letter in a
  word of four letters or more, unless the edit makes another word: a digit,
  the article ال, an ending that marks number, gender or case (منزوعة /
  منزوع, الدولتين / الدولتان), a pronoun suffix (زيارته / زيارة), a proclitic
  (بالقلق / القلق), or a common word (الإسلام for السلام, العالم for العام) is
  never a typo.

Whatever ``marks`` accepts, ``strict`` accepts; whatever ``strict`` accepts,
``normal`` accepts; whatever ``normal`` accepts, ``lenient`` accepts. The
result says what was forgiven and shows the correct spelling, so a learner
never learns a slip as right; a near miss, accepted or not, is also named in
:attr:`TextGrade.miss` (a kind from :data:`NEAR_MISSES` and a short note).

>>> g = grade_text("مُذَكِّرَة", "مذكره")
>>> g.accepted, g.note
(True, 'Accepted (ta marbuta written as ha). The correct spelling is مُذَكِّرَة.')
>>> grade_text("مذكرة", "مذكره", strictness="strict").accepted
False
>>> grade_text("السلام", "الإسلام", "lenient").note
'Not accepted. الإسلام is a different word.'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from helpers.text.answer_forms import (
    EDGE_PUNCTUATION,
    FOLDS,
    letters_form,
    madda_conflict,
    normal_form,
)
from helpers.text.arabic import contains_arabic, contains_latin, normalize_display
from helpers.text.near_miss import NEAR_MISSES, NearMiss, edit, fold_miss, madda_miss, marks_miss, word_miss

__all__ = [
    "DEFAULT_STRICTNESS",
    "MAX_ANSWER",
    "MAX_EXPECTED",
    "NEAR_MISSES",
    "STRICTNESS",
    "NearMiss",
    "TextGrade",
    "grade_text",
    "partial_multiple",
    "partial_order",
    "partial_pairs",
]

#: The strictness levels a typed answer is checked at, strictest first (the values of a quiz item's ``strictness``).
STRICTNESS = ("marks", "strict", "normal", "lenient")
#: The level of an item that names none.
DEFAULT_STRICTNESS = "normal"
#: Typed answers longer than this many characters are refused without being compared.
MAX_ANSWER = 2000
#: Accepted answers longer than this many characters are never compared (no answer a learner may type could
#: match one: even fully vocalized, it holds more letters than :data:`MAX_ANSWER`). Lesson keys are held to
#: 5,000 characters when the lesson loads; this bounds what grading compares whatever it is given.
MAX_EXPECTED = 3 * MAX_ANSWER

_PUNCTUATION = "punctuation around the answer"
_TYPO = "one-letter typo"


@dataclass(frozen=True)
class TextGrade:
    """The verdict on one typed answer.

    ``note`` is the whole message for the learner; ``forgiven`` names what was forgiven (when accepted);
    ``miss``, when not ``None``, is the one near miss found (accepted or not), for a view to show on its own.
    """

    accepted: bool
    note: str
    expected: str
    given: str
    forgiven: tuple[str, ...] = ()
    miss: NearMiss | None = None

    def __bool__(self) -> bool:
        return self.accepted


def _forgiven(expected: str, given: str) -> tuple[str, ...]:
    """Which differences, forgiven at ``normal``, separate two strict forms."""
    e, g = expected, given
    reasons = []
    if e != g and e.casefold() == g.casefold():
        reasons.append("letter case")
    e, g = e.casefold(), g.casefold()
    reasons += [name for name, _ in FOLDS if _needed(e, g, name)]
    return tuple(reasons)


def _needed(e: str, g: str, name: str) -> bool:
    """Is the fold called ``name`` needed for e and g to meet when every other fold is applied?"""
    for other, table in FOLDS:
        if other != name:
            e, g = e.translate(table), g.translate(table)
    return e != g


def grade_text(
    expected: str | Sequence[str], given: str, strictness: str = DEFAULT_STRICTNESS, *, words: Iterable[str] = ()
) -> TextGrade:
    """Grade a typed answer against the expected answer (or any of several accepted answers).

    ``words`` are more words that a one-letter slip must not turn the answer into (a lesson's own words, an
    item's word bank), on top of the built-in list of common words (:mod:`helpers.text.lexicon`).

    >>> grade_text("إسرائيل", "اسرائيل").note
    'Accepted (alef/hamza spelling). The correct spelling is إسرائيل.'
    >>> grade_text("إسرائيل", "Israel").note
    'Please type your answer in Arabic letters.'
    >>> grade_text("الاتفاقية", "الاتفاقيه", "lenient").accepted
    True
    >>> grade_text("منزوعة السلاح", "منزوع السلاح", "lenient").miss.note
    'The ending ـة is missing (it marks the feminine).'
    """
    if strictness not in STRICTNESS:
        raise ValueError(f"strictness must be one of {', '.join(STRICTNESS)}, not {strictness!r}")
    answers = [expected] if isinstance(expected, str) else list(expected)
    if not answers:
        raise ValueError("no expected answer given")
    main = answers[0] if len(answers[0]) <= MAX_EXPECTED else answers[0][:MAX_EXPECTED] + "…"
    if not isinstance(given, str):
        return TextGrade(False, "Please type your answer as text.", main, repr(given)[:MAX_ANSWER])
    if len(given) > MAX_ANSWER:
        return TextGrade(False, "This answer is far too long; type just the word or phrase asked for.", main, "")
    answers = [a for a in answers if isinstance(a, str) and len(a) <= MAX_EXPECTED]
    if not answers:  # only answers too long to compare: none can be typed
        return TextGrade(False, "Not accepted.", main, normalize_display(given))
    shown_given = normalize_display(given)
    if not letters_form(given).strip(EDGE_PUNCTUATION):
        return TextGrade(False, "No answer given.", main, shown_given)
    if any(contains_arabic(a) for a in answers) and contains_latin(given) and not contains_arabic(given):
        return TextGrade(False, "Please type your answer in Arabic letters.", main, shown_given)
    extra = tuple(w for w in words if isinstance(w, str)) if words else ()
    typed = _Typed(given, shown_given)
    best: TextGrade | None = None
    rejected: TextGrade | None = None
    for answer in answers:
        verdict = _grade_one(answer, typed, strictness, extra)
        if verdict.accepted and not verdict.forgiven:
            return verdict  # right as written: nothing better to find
        if verdict.accepted:
            if best is None or len(verdict.forgiven) < len(best.forgiven):
                best = verdict
        elif rejected is None or (rejected.miss is None and verdict.miss is not None):
            rejected = verdict
    if best is not None:
        return best
    return rejected if rejected is not None else _grade_one(answers[0], typed, strictness, extra)


class _Typed:
    """The forms of one answer, worked out once however many accepted answers it is compared with."""

    __slots__ = ("edges", "letters", "normal", "shown", "strict", "text")

    def __init__(self, text: str, shown: str | None = None) -> None:
        self.text = text
        self.shown = normalize_display(text) if shown is None else shown
        self.letters = letters_form(text)
        self.strict = self.letters.strip(EDGE_PUNCTUATION)
        self.edges = _edges(self.letters)
        self.normal = normal_form(self.strict)


@lru_cache(maxsize=1024)
def _expected(text: str) -> _Typed:
    """The accepted answers of a quiz are the same for every learner: their forms are kept."""
    return _Typed(text)


def _grade_one(expected_text: str, typed: _Typed, strictness: str, words: tuple[str, ...]) -> TextGrade:
    expected = _expected(expected_text)
    shown_expected, shown_given = expected.shown, typed.shown
    se, sg = expected.strict, typed.strict
    punctuation = (_PUNCTUATION,) if expected.edges != typed.edges else ()

    def accept(forgiven: tuple[str, ...], miss: NearMiss | None = None) -> TextGrade:
        note = _accepted(forgiven, shown_expected, miss) if forgiven else "Correct."
        return TextGrade(True, note, shown_expected, shown_given, forgiven, miss)

    def reject(miss: NearMiss | None) -> TextGrade:
        note = f"Not accepted. {miss.note}" if miss else "Not accepted."
        return TextGrade(False, note, shown_expected, shown_given, (), miss)

    if se == sg:
        if strictness == "marks":
            miss = marks_miss(expected.text, typed.text)
            if miss:
                return reject(miss)
        return accept(punctuation)
    ne, ng = expected.normal, typed.normal
    if ne == ng:
        folds = _forgiven(se, sg) or ("spelling variant",)
        miss = fold_miss(se, sg, folds)
        if strictness in ("marks", "strict"):
            return reject(miss)
        if madda_conflict(se, sg):
            different = madda_miss(se, sg, words)
            if different:
                return reject(different)
        return accept(punctuation + folds, miss)
    if abs(len(ne) - len(ng)) > 3:  # too far apart for a near miss: no more to say
        return reject(None)
    miss, letters = _word_level(ne, ng, se, sg, shown_given, words)
    if strictness == "lenient" and letters >= 4 and edit(ne, ng) and (miss is None or miss.forgivable):
        return accept((*punctuation, _TYPO), miss)
    return reject(miss)


def _edges(letters: str) -> tuple[str, str]:
    """The punctuation before and after an answer."""
    before = len(letters) - len(letters.lstrip(EDGE_PUNCTUATION))
    return letters[:before], letters[len(letters.rstrip(EDGE_PUNCTUATION)) :]


def _word_level(
    ne: str, ng: str, se: str, sg: str, shown_given: str, words: tuple[str, ...]
) -> tuple[NearMiss | None, int]:
    """The near miss in the one word where two answers differ, and that word's length in letters (the whole
    answer's when a space was added or dropped)."""
    te, tg = ne.split(" "), ng.split(" ")
    if len(te) != len(tg):
        return None, sum(ch.isalpha() for ch in ne)
    differ = [i for i, (a, b) in enumerate(zip(te, tg, strict=True)) if a != b]
    if len(differ) != 1:
        return None, 0  # two words changed by one edit (letters swapped across a space): not a typo to forgive
    i = differ[0]
    e_words, g_words = se.split(" "), sg.split(" ")
    shown_words = shown_given.strip(EDGE_PUNCTUATION).split(" ")
    shown = shown_words[i] if len(shown_words) == len(tg) else g_words[i] if len(g_words) == len(tg) else tg[i]
    e_letters = e_words[i] if len(e_words) == len(te) else te[i]
    miss = word_miss(te[i], tg[i], e_letters, shown, words)
    return miss, sum(ch.isalpha() for ch in te[i])


def _accepted(forgiven: Sequence[str], expected: str, miss: NearMiss | None = None) -> str:
    reasons = list(forgiven)
    if _TYPO in reasons and miss is not None:
        detail = miss.note.rstrip(".")
        reasons[reasons.index(_TYPO)] = f"{_TYPO}: {detail[:1].lower()}{detail[1:]}"
    return f"Accepted ({', '.join(reasons)}). The correct spelling is {expected}."


# -- partial credit ---------------------------------------------------------------------------


def partial_multiple(key: set[str], chosen: set[str], options: set[str]) -> float:
    """Credit for a multiple-answer item: right choices minus wrong ones, over the number of right answers.

    >>> partial_multiple({"a", "c"}, {"a"}, {"a", "b", "c", "d"})
    0.5
    >>> partial_multiple({"a", "c"}, {"a", "b"}, {"a", "b", "c", "d"})
    0.0
    """
    if not key:
        return 1.0 if not chosen else 0.0
    right = len(chosen & key)
    wrong = len(chosen - key)
    return max(0.0, (right - wrong) / len(key)) if chosen <= options else 0.0


def partial_pairs(key: dict[str, str], given: dict[str, str]) -> float:
    """Credit for matching: the share of left items matched to their right partner.

    >>> partial_pairs({"a": "1", "b": "2"}, {"a": "1", "b": "1"})
    0.5
    """
    return sum(given.get(left) == right for left, right in key.items()) / len(key) if key else 1.0


def partial_order(key: Sequence[str], given: Sequence[str]) -> float:
    """Credit for ordering: the share of pairs of steps given in the right relative order.

    >>> partial_order(["a", "b", "c"], ["a", "b", "c"]), partial_order(["a", "b", "c"], ["b", "a", "c"])
    (1.0, 0.6666666666666666)
    """
    if sorted(key) != sorted(given):
        return 0.0
    n = len(key)
    if n < 2:
        return 1.0
    position = {step: i for i, step in enumerate(given)}
    return (n * (n - 1) // 2 - _inversions([position[step] for step in key])) / (n * (n - 1) // 2)


def _inversions(values: list[int]) -> int:
    """How many pairs of ``values`` are not in increasing order (by merging: n log n, not n²).

    >>> _inversions([0, 1, 2]), _inversions([2, 1, 0]), _inversions([1, 0, 2]), _inversions([1, 1])
    (0, 3, 1, 1)
    """
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = sorted(values[:middle]), sorted(values[middle:])
    count = _inversions(values[:middle]) + _inversions(values[middle:])
    j = 0
    for x in left:  # for each value on the left, the smaller ones on the right come after it
        while j < len(right) and right[j] <= x:
            j += 1
        count += j
    return count
