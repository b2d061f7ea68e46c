"""Find glossary words and expressions in the running text.

Matching goes through the same folding as :func:`helpers.normalize_match`
(tashkeel, hamza seats, ta marbuta, alef maqsura), and reads the Persian ک and ی
as the Arabic ك and ي they look like (as answer checking does at ``normal``),
always on whole words, and
keeps the offsets of the original text so that the reading view can mark the
exact characters. Longer expressions win over the words inside them: in
مؤتمر صحفي مشترك the learner sees one unit, whose gloss also lists its parts.
"""

from __future__ import annotations

from functools import lru_cache

from helpers.text.answer_forms import KAF, KEHEH, PERSIAN_YEH
from helpers.text.arabic import normalize_match, whole_word_spans
from helpers.text.chars import INVISIBLES, STRIPPABLE_MARKS, TATWEEL, YEH

__all__ = ["find_form", "folded_text"]

_DROPPED = frozenset(STRIPPABLE_MARKS + TATWEEL + INVISIBLES)
_FOLD: dict[str, str] = {KEHEH: KAF, PERSIAN_YEH: YEH}


def _fold_char(ch: str) -> str:
    """One character as :func:`normalize_match` folds it (memoised per character)."""
    folded = _FOLD.get(ch)
    if folded is None:
        folded = "" if ch in _DROPPED else (" " if ch.isspace() else normalize_match(ch))
        _FOLD[ch] = folded
    return folded


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` folded for matching, with the original index of every kept character."""
    chars, where = [], []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            chars.append(out)
            where.append(i)
    return "".join(chars), tuple(where)


def folded_text(text: str) -> str:
    """``text`` folded for matching (marks dropped, spelling variants folded), as :func:`find_form` sees it."""
    return _folded(text)[0]


def find_form(text: str, form: str, whole_words: bool = True) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``form`` in ``text``, as offsets into ``text``.

    With ``whole_words=False`` the form may also sit inside a word (after a
    proclitic such as و or ب).

    >>> text = "وقال إن أستانا تدعم حل الدولتين."
    >>> [text[a:b] for a, b in find_form(text, "استانا")]
    ['أستانا']
    >>> find_form(text, "قال")
    []
    >>> find_form("في کازاخستان", "كازاخستان")
    [(3, 12)]
    """
    folded, where = _folded(text)
    spans = []
    needle = _folded(form)[0]
    if whole_words:
        found = whole_word_spans(folded, needle)
    else:
        found, start = [], folded.find(needle)
        while needle and start >= 0:
            found.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    for a, b in found:
        start, end = where[a], where[b - 1] + 1
        while end < len(text) and text[end] in _DROPPED:
            end += 1  # keep the marks of the last letter
        spans.append((start, end))
    return spans
