"""Arabic-aware answer checking, as plain functions.

``grade_text(expected, given, strictness)`` compares a learner's typed answer
with the expected one at a strictness the teacher chooses:

* ``strict``: the letters must be exactly right, hamza seats, ta marbuta and
  alef maqsura included. Vowel marks, tatweel, invisible bidi marks and spaces
  around the answer are not compared.
* ``normal`` (default): also forgives alef/hamza seat variants (أ إ آ ٱ ا,
  ؤ ئ ء), final ta marbuta written as ha, alef maqsura written as ya,
  Arabic-Indic digits for 0-9, Latin letter case, and punctuation around the
  answer.
* ``lenient``: also forgives one wrong, missing, extra or swapped letter in
  answers of four letters or more.

Whatever ``strict`` accepts, ``normal`` accepts; whatever ``normal`` accepts,
``lenient`` accepts. The result says what was forgiven and shows the correct
spelling, so a learner never learns a slip as right.

>>> g = grade_text("مُذَكِّرَة", "مذكره")
>>> g.accepted, g.note
(True, 'Accepted (ta marbuta written as ha). The correct spelling is مُذَكِّرَة.')
>>> grade_text("مذكرة", "مذكره", strictness="strict").accepted
False
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from helpers.text.arabic import (
    SPELLING_FOLDS,
    contains_arabic,
    contains_latin,
    normalize_display,
    normalize_match,
    strip_tashkeel,
    unfold_presentation_forms,
)

__all__ = [
    "MAX_ANSWER",
    "MAX_EXPECTED",
    "STRICTNESS",
    "TextGrade",
    "grade_text",
    "partial_multiple",
    "partial_order",
    "partial_pairs",
]

STRICTNESS = ("strict", "normal", "lenient")
#: Typed answers longer than this many characters are refused without being compared.
MAX_ANSWER = 2000
#: Accepted answers longer than this many characters are never compared (no answer a learner may type could
#: match one: even fully vocalized, it holds more letters than :data:`MAX_ANSWER`). Lesson keys are held to
#: 5,000 characters when the lesson loads; this bounds what grading compares whatever it is given.
MAX_EXPECTED = 3 * MAX_ANSWER

#: Each forgivable difference at ``normal``: its description and the folding that removes it.
_FOLDS = SPELLING_FOLDS
_EDGE_PUNCTUATION = " \t\n.,;:!?،؛؟\"'“”«»()[]-–—…"


@dataclass(frozen=True)
class TextGrade:
    """The verdict on one typed answer."""

    accepted: bool
    note: str
    expected: str
    given: str
    forgiven: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.accepted


def _strict_form(text: str) -> str:
    """Letters only as a strict teacher compares them: no vowels, tatweel, bidi marks or outer spaces."""
    return normalize_display(strip_tashkeel(unicodedata.normalize("NFC", unfold_presentation_forms(text))))


def _normal_form(strict: str) -> str:
    """The ``normal`` comparison form, computed from the strict one (so strict ⊆ normal)."""
    return normalize_match(strict.strip(_EDGE_PUNCTUATION))


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _forgiven(expected: str, given: str) -> tuple[str, ...]:
    """Which differences, forgiven at ``normal``, separate two strict forms."""
    e, g = expected.strip(_EDGE_PUNCTUATION), given.strip(_EDGE_PUNCTUATION)
    reasons = ["punctuation around the answer"] if (e, g) != (expected, given) else []
    if e != g and e.casefold() == g.casefold():
        reasons.append("letter case")
    e, g = e.casefold(), g.casefold()
    reasons += [name for name, _ in _FOLDS if _needed(e, g, name)]
    return tuple(reasons)


def _needed(e: str, g: str, name: str) -> bool:
    """Is the fold called ``name`` needed for e and g to meet when every other fold is applied?"""
    for other, table in _FOLDS:
        if other != name:
            e, g = e.translate(table), g.translate(table)
    return e != g


def grade_text(expected: str | Sequence[str], given: str, strictness: str = "normal") -> TextGrade:
    """Grade a typed answer against the expected answer (or any of several accepted answers).

    >>> grade_text("إسرائيل", "اسرائيل").note
    'Accepted (alef/hamza spelling). The correct spelling is إسرائيل.'
    >>> grade_text("إسرائيل", "Israel").note
    'Please type your answer in Arabic letters.'
    >>> grade_text("الاتفاقية", "الاتفاقيه", "lenient").accepted
    True
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
    if not _strict_form(given):
        return TextGrade(False, "No answer given.", main, shown_given)
    if any(contains_arabic(a) for a in answers) and contains_latin(given) and not contains_arabic(given):
        return TextGrade(False, "Please type your answer in Arabic letters.", main, shown_given)
    best: TextGrade | None = None
    for answer in answers:
        verdict = _grade_one(answer, given, strictness)
        if verdict.accepted and (best is None or len(verdict.forgiven) < len(best.forgiven)):
            best = verdict
    if best is not None:
        return best
    return _grade_one(answers[0], given, strictness)


def _grade_one(expected: str, given: str, strictness: str) -> TextGrade:
    shown_expected, shown_given = normalize_display(expected), normalize_display(given)
    se, sg = _strict_form(expected), _strict_form(given)
    if se == sg:
        return TextGrade(True, "Correct.", shown_expected, shown_given)
    ne, ng = _normal_form(se), _normal_form(sg)
    if strictness in ("normal", "lenient") and ne == ng:
        forgiven = _forgiven(se, sg) or ("spelling variant",)
        return TextGrade(True, _accepted(forgiven, shown_expected), shown_expected, shown_given, forgiven)
    letters = sum(ch.isalpha() for ch in ne)
    close = letters >= 4 and _one_edit_apart(ne, ng)
    if strictness == "lenient" and close:
        forgiven = ("one-letter typo",)
        return TextGrade(True, _accepted(forgiven, shown_expected), shown_expected, shown_given, forgiven)
    if strictness == "strict" and ne == ng:
        return TextGrade(
            False, "Not accepted: check the spelling (hamza, ta marbuta, alef maqsura).", shown_expected, shown_given
        )
    hint = " One letter is wrong, missing or extra." if close else ""
    return TextGrade(False, f"Not accepted.{hint}", shown_expected, shown_given)


def _accepted(forgiven: Sequence[str], expected: str) -> str:
    return f"Accepted ({', '.join(forgiven)}). The correct spelling is {expected}."


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
