"""The forms in which a typed answer is compared with the expected one, level by level.

* :func:`strict_form`: the letters as written (hamza seats, ta marbuta, alef maqsura kept), without vowel marks,
  tatweel, invisible characters, the spaces and punctuation around the answer; presentation forms (ﻻ, the
  contextual glyphs text copied from a PDF carries) read as the letters they show.
* :func:`normal_form`: also folds the spelling variants of :data:`FOLDS` (each of which answer checking names
  when it forgives it). Alef with madda folds to bare alef like the other hamza seats, but
  :func:`madda_conflict` keeps آ and أ/إ apart: الآمن (the safe one) and الأمن (security) are different words.
* :func:`marked_clusters`: every letter with its vowel marks, for checking vocalization.

>>> strict_form("  «إِسْرَائِيل».")
'إسرائيل'
>>> normal_form("إسرائيل") == normal_form("اسرائيل"), normal_form("کتاب") == normal_form("كتاب")
(True, True)
>>> madda_conflict("الآمن", "الأمن"), madda_conflict("الآن", "الان")
(True, False)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from helpers.text.arabic import (
    SPELLING_FOLDS,
    letter_clusters,
    normalize_display,
    strip_tashkeel,
    unfold_presentation_forms,
)
from helpers.text.chars import (
    ALEF,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ALEF_MAKSURA,
    FATHATAN,
    STRIPPABLE_MARKS,
    SUKUN,
    YEH,
)

__all__ = [
    "EDGE_PUNCTUATION",
    "FOLDS",
    "KAF",
    "KEHEH",
    "PERSIAN_YEH",
    "letters_form",
    "madda_conflict",
    "marked_clusters",
    "normal_form",
    "strict_form",
]

KEHEH = "\u06a9"  # ک: the Persian and Urdu kaf; initially and medially it looks like ك
PERSIAN_YEH = "\u06cc"  # ی: the Persian ya; dotted initially and medially like ي, undotted at the end like ى
KAF = "\u0643"  # ك

#: Characters around an answer that are not part of it: spaces and punctuation.
EDGE_PUNCTUATION = " \t\n.,;:!?،؛؟۔\"'“”«»()[]-–—…"

#: Each spelling variant forgiven at ``normal``: its description and the folding that removes it.
FOLDS: tuple[tuple[str, dict[int, str]], ...] = (
    *SPELLING_FOLDS,
    ("Persian ک or ی for Arabic ك or ي", str.maketrans({KEHEH: KAF, PERSIAN_YEH: YEH})),
)
_TABLE = {k: v for _, table in FOLDS for k, v in table.items()}
_MARKS = frozenset(STRIPPABLE_MARKS)
_HAMZA_ALEFS = frozenset(ALEF_HAMZA_ABOVE + ALEF_HAMZA_BELOW)


@lru_cache(maxsize=4096)
def letters_form(text: str) -> str:
    """The answer without vowel marks, tatweel, invisible characters and outer spaces; punctuation kept."""
    return normalize_display(strip_tashkeel(unicodedata.normalize("NFC", unfold_presentation_forms(text))))


def strict_form(text: str) -> str:
    """The letters of an answer as a strict teacher compares them: :func:`letters_form` without the punctuation
    around it."""
    return letters_form(text).strip(EDGE_PUNCTUATION)


@lru_cache(maxsize=4096)
def normal_form(strict: str) -> str:
    """The ``normal`` comparison form of a strict form: letter for letter, so indices still match."""
    folded = strict.translate(_TABLE)
    lowered = folded.casefold()
    return lowered if len(lowered) == len(folded) else folded.lower()


def madda_conflict(a: str, b: str) -> bool:
    """True when two strict forms that meet at ``normal`` have آ in one where the other has أ or إ."""
    if len(a) != len(b):
        return False
    return any(
        (x == ALEF_MADDA and y in _HAMZA_ALEFS) or (y == ALEF_MADDA and x in _HAMZA_ALEFS)
        for x, y in zip(a, b, strict=True)
        if x != y
    )


def marked_clusters(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each letter of the answer with the set of marks on it (tanween on a final alef counted on the letter before).

    A sukun alone is not counted: careful writers leave it out, and a vocalization item asks for the vowels.

    >>> [(letter, "".join(sorted(marks))) for letter, marks in marked_clusters("مُمَثِّلًا")][-2:]
    [('ل', 'ً'), ('ا', '')]
    """
    shown = normalize_display(unicodedata.normalize("NFC", unfold_presentation_forms(text))).strip(EDGE_PUNCTUATION)
    out: list[tuple[str, frozenset[str]]] = []
    for cluster in letter_clusters(shown):
        letter = cluster[0]
        if letter in _MARKS:  # a mark with no letter before it
            continue
        marks = frozenset(cluster[1:]) - {SUKUN}
        if FATHATAN in marks and letter in (ALEF, ALEF_MAKSURA) and out:
            prev_letter, prev_marks = out[-1]
            out[-1] = (prev_letter, prev_marks | {FATHATAN})
            marks -= {FATHATAN}
        out.append((letter, marks))
    return out
