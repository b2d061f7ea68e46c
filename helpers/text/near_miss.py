"""What separates a typed answer from the expected one, said in a short note a learner can act on.

:func:`word_miss` looks at the one word in which two answers differ (in their ``normal`` forms, see
:mod:`helpers.text.answer_forms`) and names the difference: the article ال missing or extra, a different ending
(number, gender, case), a proclitic missing or extra, a digit, another common word one letter away, a missing or
extra hamza, or a plain typo. Each :class:`NearMiss` says whether lenient checking may forgive it as a typo: a
one-letter edit that makes another word, or changes the article, a digit or an ending, is not a typo.

>>> word_miss("السلام", "الاسلام", "السلام", "الإسلام").note
'الإسلام is a different word.'
>>> word_miss("منزوعه", "منزوع", "منزوعة", "منزوع").note
'The ending ـة is missing (it marks the feminine).'
>>> word_miss("الدولة", "دولة", "الدولة", "دولة").kind
'article'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from helpers.text.answer_forms import FOLDS, KEHEH, PERSIAN_YEH, madda_conflict, marked_clusters, strict_form
from helpers.text.lexicon import known_spelling, known_word, without_proclitics

__all__ = [
    "NEAR_MISSES",
    "NearMiss",
    "edit",
    "fold_miss",
    "madda_miss",
    "marks_miss",
    "word_miss",
]

#: Every kind of near miss a :class:`NearMiss` may name, for a view that groups or styles them.
NEAR_MISSES = (
    "article",
    "prefix",
    "ending",
    "different-word",
    "digit",
    "hamza",
    "madda",
    "ta-marbuta",
    "alef-maqsura",
    "persian-letter",
    "digit-style",
    "letter-case",
    "one-letter",
    "case-ending",  # the vowel on a word's last letter: a case or mood ending
    "vowel-marks",
    "no-vowel-marks",
)


@dataclass(frozen=True)
class NearMiss:
    """One difference between a typed answer and the expected one."""

    kind: str  #: one of :data:`NEAR_MISSES`
    note: str  #: a short sentence for the learner
    forgivable: bool = False  #: may lenient checking forgive it as a one-letter typo?


_HAMZAS = frozenset("ءأإآؤئ")
_NAMES = {"ة": "ta marbuta (ة)", "ه": "ha (ه)", "ت": "ta (ت)", "ى": "alef maqsura (ى)", "ي": "ya (ي)", "ا": "alef (ا)"}
_PROCLITICS = "وفبلك"
_PROCLITIC_NAMES = {"و": "و (and)", "ف": "ف (so)", "ب": "بـ (with, in)", "ل": "لـ (for, to)", "ك": "كـ (like)"}
#: Word endings (in their normal forms: ة is folded to ه) that mark number, gender or case.
_ENDINGS = frozenset(("", "ه", "ت", "ا", "ي", "ان", "ين", "ون", "ات", "وا", "تان", "تين"))
_DUAL = "the dual: ـان nominative, ـين accusative and genitive"
_ENDING_MEANINGS = {
    frozenset(("ان", "ين")): _DUAL,
    frozenset(("تان", "تين")): _DUAL,
    frozenset(("ون", "ين")): "the masculine plural: ـون nominative, ـين accusative and genitive",
    frozenset(("ه", "ات")): "singular ـة, plural ـات",
    frozenset(("ا", "")): "ـًا is the indefinite accusative ending",
    frozenset(("ت", "")): "ـت marks the verb as feminine",
    frozenset(("وا", "")): "ـوا marks the plural verb",
    frozenset(("ي", "")): "ـي makes a relative adjective, or means my",
    frozenset(("ه", "")): "it marks the feminine",
}
_NUMBER = "it marks the number: singular, dual or plural"
#: Words that begin with ال without the article.
_NOT_ARTICLE = frozenset(("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي", "الله"))


def edit(a: str, b: str) -> tuple[str, int] | None:
    """The one edit that turns a into b, as (kind, index in a): "wrong", "missing", "extra" or "swapped".

    >>> edit("كازاخستان", "كازخستان"), edit("سلام", "سلاما"), edit("عام", "عام")
    (('missing', 3), ('extra', 4), None)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return ("wrong", i)
        if i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
            return ("swapped", i)
        return None
    if len(a) > len(b):
        return ("missing", i) if a[i + 1 :] == b[i:] else None
    return ("extra", i) if a[i:] == b[i + 1 :] else None


def _article(word: str) -> tuple[str, bool, str]:
    """A folded word as (proclitic, has the article, stem): للدولة → ("ل", True, "دوله")."""
    if word in _NOT_ARTICLE:
        return ("", False, word)
    if word.startswith("لل") and len(word) > 3:
        return ("ل", True, word[2:])
    clitic = word[0] if len(word) > 4 and word[0] in _PROCLITICS and word[1:3] == "ال" else ""
    rest = word[len(clitic) :]
    if rest.startswith("ال") and len(rest) > 3:
        return (clitic, True, rest[2:])
    return ("", False, word)


def _ending(a: str, b: str) -> tuple[str, str, int] | None:
    """The endings (of :data:`_ENDINGS`) after a common stem of two or more letters, and where they start."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    for cut in range(p, max(p - 3, 1), -1):
        ea, eb = a[cut:], b[cut:]
        if ea != eb and ea in _ENDINGS and eb in _ENDINGS:
            return ea, eb, cut
    return None


def word_miss(
    expected: str, given: str, expected_letters: str, given_shown: str, words: Sequence[str] = ()
) -> NearMiss | None:
    """Name the difference between two words (their normal forms, then the expected word's strict form and the
    given word as typed); ``None`` when they differ too much to say."""
    given_letters = strict_form(given_shown)
    one = edit(expected, given)
    if any(ch.isdigit() for ch in expected + given):
        return NearMiss("digit", "Check the number: a digit is not right.")
    ce, he, se = _article(expected)
    cg, hg, sg = _article(given)
    if he != hg and (one or (ce, se) == (cg, sg)):
        note = "The article ال is missing." if he else "The article ال should not be there."
        return NearMiss("article", note)
    suffix = _suffix(expected, given, expected_letters, given_letters)
    if suffix:
        return suffix
    ending = _ending(expected, given)
    if ending and {ending[0], ending[1]} == {"ي", "ا"} and {expected_letters[-1:], given_letters[-1:]} == {"ى", "ا"}:
        ending = None  # ى written as ا (or the reverse): a spelling slip unless it makes another word
        if one and not known_word(given_shown, words):
            wrote, meant = ("ا", "ى") if expected_letters.endswith("ى") else ("ى", "ا")
            return NearMiss("alef-maqsura", f"{_NAMES[meant]} is written as {_NAMES[wrote]}.", forgivable=True)
    if ending and {ending[0], ending[1]} in ({"ا", ""}, {"ي", ""}, {"ت", ""}, {"وا", ""}):
        shorter = expected if len(expected) < len(given) else given
        if not known_word(shorter, words):
            ending = None  # أستانا / أستان: a name's last letter, not an ending (عاما / عام is one)
    if ending and (one or len(expected) > 3):
        if _ENDING_MEANINGS.get(frozenset(ending[:2])) or "" in ending[:2] or not known_word(given_shown, words):
            return _ending_miss(expected, given, expected_letters, given_letters, ending)
        return NearMiss("different-word", f"{given_letters} is a different word.")  # رؤيا for رؤية: no ending
    prefix = _prefix(expected, given, words)
    if prefix:
        return prefix
    if one is None:
        return None
    if known_word(given_shown, words) and not set(without_proclitics(expected)) & set(without_proclitics(given)):
        return NearMiss("different-word", f"{given_letters} is a different word.")
    return _typo(one, expected_letters, given_letters)


def _ending_miss(expected: str, given: str, e_letters: str, g_letters: str, ending: tuple[str, str, int]) -> NearMiss:
    ea, eb, cut = ending
    if {ea, eb} == {"ه", "ت"}:  # ة written as ت, or the reverse: a spelling slip, not another ending
        wrote, meant = ("ت", "ة") if ea == "ه" else ("ة", "ت")
        return NearMiss("ta-marbuta", f"{_NAMES[meant]} is written as {_NAMES[wrote]}.", forgivable=True)
    # Shown as written: ة, not its folded ه (the strict forms have the same letters at the same places).
    shown_e = e_letters[cut:] if len(e_letters) == len(expected) else ea
    shown_g = g_letters[cut:] if len(g_letters) == len(given) else eb
    if {ea, eb} == {"ه", ""} and "ه" in (shown_e + shown_g):  # the pronoun ـه (his, its), not ta marbuta
        meaning = "ـه means his or its"
    else:
        meaning = _ENDING_MEANINGS.get(frozenset((ea, eb)), _NUMBER if "" in (ea, eb) else "")
    if not ea:
        note = f"The ending ـ{shown_g} should not be there"
    elif not eb:
        note = f"The ending ـ{shown_e} is missing"
    else:
        note = f"The ending is not right: ـ{shown_g} instead of ـ{shown_e}"
    return NearMiss("ending", f"{note} ({meaning})." if meaning else f"{note}.")


_SUFFIXES = {
    "ه": "his, its",
    "ها": "her, its",
    "هم": "their",
    "هما": "their (two)",
    "نا": "our",
    "كم": "your",
    "ك": "your",
}


def _suffix(expected: str, given: str, e_letters: str, g_letters: str) -> NearMiss | None:
    """A possessive or object pronoun (ـه ـها ـهم ...) missing or extra: زيارته / زيارة."""
    for long, short, letters, missing in ((expected, given, e_letters, True), (given, expected, g_letters, False)):
        for suffix, meaning in _SUFFIXES.items():
            if not long.endswith(suffix) or len(long) - len(suffix) < 2 or (suffix == "ه" and letters[-1:] != "ه"):
                continue
            stem = long[: -len(suffix)]
            if short == stem or (stem.endswith("ت") and short == stem[:-1] + "ه"):
                where = "is missing" if missing else "should not be there"
                return NearMiss("ending", f"The pronoun ـ{suffix} ({meaning}) {where}.")
    return None


def _prefix(expected: str, given: str, words: Sequence[str]) -> NearMiss | None:
    """A proclitic (و ف ب ل ك) joined to the front of a word that stands without it."""
    for long, short, missing in ((expected, given, True), (given, expected, False)):
        if len(long) == len(short) + 1 and long[0] in _PROCLITICS and long[1:] == short and len(short) >= 3:
            if short.startswith("ال") or known_word(short, words):
                name = _PROCLITIC_NAMES[long[0]]
                note = f"{name} is missing at the front of the word." if missing else f"{name} should not be there."
                return NearMiss("prefix", note)
    return None


def _typo(one: tuple[str, int], e_letters: str, g_letters: str) -> NearMiss:
    kind, i = one
    e_char = e_letters[i : i + 1] if len(e_letters) > i else ""
    g_char = g_letters[i : i + 1] if len(g_letters) > i else ""
    if kind == "missing" and e_char in _HAMZAS:
        return NearMiss("hamza", "A hamza is missing.", forgivable=True)
    if kind == "extra" and g_char in _HAMZAS:
        return NearMiss("hamza", "There is a hamza too many.", forgivable=True)
    if kind == "wrong" and (e_char in _HAMZAS) != (g_char in _HAMZAS):
        note = "A hamza is missing." if e_char in _HAMZAS else "There is a hamza too many."
        return NearMiss("hamza", note, forgivable=True)
    notes = {
        "wrong": "One letter is wrong.",
        "missing": "One letter is missing.",
        "extra": "There is one letter too many.",
        "swapped": "Two letters are swapped.",
    }
    return NearMiss("one-letter", notes[kind], forgivable=True)


# -- differences that normal checking forgives -----------------------------------------------------------


def fold_miss(expected: str, given: str, forgiven: Sequence[str]) -> NearMiss:
    """At ``strict``, name what a ``normal`` check would have forgiven (``forgiven``: names from :data:`FOLDS`)."""
    first = FOLDS[4][0] if FOLDS[4][0] in forgiven else forgiven[0] if forgiven else ""  # ی looks like ى
    if first == FOLDS[0][0]:  # alef/hamza spelling
        kind, note = "hamza", "Check the hamza: it is missing or on the wrong seat (أ إ آ ؤ ئ)."
    elif first == FOLDS[1][0]:
        pair = (_NAMES["ة"], _NAMES["ه"]) if "ة" in expected else (_NAMES["ه"], _NAMES["ة"])
        kind, note = "ta-marbuta", f"{pair[0]} is written as {pair[1]}."
    elif first == FOLDS[2][0]:
        pair = (_NAMES["ى"], _NAMES["ي"]) if "ى" in expected else (_NAMES["ي"], _NAMES["ى"])
        kind, note = "alef-maqsura", f"{pair[0]} is written as {pair[1]}."
    elif first == FOLDS[3][0]:
        kind, note = "digit-style", f"Write the number with the digits of the answer: {expected}."
    elif first == FOLDS[4][0]:
        letter, arabic = (KEHEH, "ك") if KEHEH in given else (PERSIAN_YEH, "ي or ى")
        kind, note = "persian-letter", f"{letter} is the Persian letter: type the Arabic {arabic} (Arabic keyboard)."
    elif first == "letter case":
        kind, note = "letter-case", "Check the capital letters."
    else:
        kind, note = "one-letter", "Check the spelling."
    return NearMiss(kind, note)


def madda_miss(expected: str, given: str, words: Sequence[str]) -> NearMiss | None:
    """آ where أ or إ is written, or the reverse (two strict forms): a different word when the typed one is a
    known word spelled so."""
    e_words, g_words = expected.split(" "), given.split(" ")
    if len(e_words) != len(g_words):
        return None
    for e_word, g_word in zip(e_words, g_words, strict=True):
        if e_word != g_word and madda_conflict(e_word, g_word) and known_spelling(g_word, words):
            return NearMiss("madda", f"{g_word} is a different word (آ and أ are not the same).")
    return None


# -- vowel marks ---------------------------------------------------------------------------------------


def marks_miss(expected: str, given: str) -> NearMiss | None:
    """With the letters right: are the vowel marks the expected answer writes written the same?

    >>> marks_miss("أُلْغِيَتِ", "أُلغِيَتِ") is None, marks_miss("أُلْغِيَتِ", "أُلْغِيَتْ").kind
    (True, 'case-ending')
    """
    ce, cg = marked_clusters(expected), marked_clusters(given)
    if [letter for letter, _ in ce] != [letter for letter, _ in cg]:
        return NearMiss("vowel-marks", "Check the vowel marks.")
    wrong = [i for i, (_, marks) in enumerate(ce) if marks and cg[i][1] != marks]
    if not wrong:
        return None
    if not any(marks for _, marks in cg):
        return NearMiss("no-vowel-marks", "Write the vowel marks: this answer is checked with them.")
    word_of, last_marked, word = [], {}, 0
    for i, (letter, marks) in enumerate(ce):
        if letter == " ":
            word += 1
        word_of.append(word)
        if marks:
            last_marked[word] = i
    given_words = " ".join(given.split()).split(" ")
    shown = given_words[word_of[wrong[0]]] if word_of[wrong[0]] < len(given_words) else given
    if all(last_marked.get(word_of[i]) == i for i in wrong):
        return NearMiss("case-ending", f"Check the ending: the vowel on the last letter of {shown}.")
    return NearMiss("vowel-marks", f"The letters are right; check the vowel marks of {shown}.")
