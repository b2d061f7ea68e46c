"""Find glossary words and expressions in the running text.

Matching goes through the same folding as :func:`helpers.normalize_match`
(tashkeel, hamza seats, ta marbuta, alef maqsura), always on whole words, and
keeps the offsets of the original text so that the reading view can mark the
exact characters. Longer expressions win over the words inside them: in
مؤتمر صحفي مشترك the learner sees one unit, whose gloss also lists its parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .arabic import normalize_match, whole_word_spans
from .chars import BIDI_CONTROLS, STRIPPABLE_MARKS, TATWEEL
from .model import GlossaryEntry

__all__ = ["GlossSpan", "find_form", "folded_text", "gloss_spans"]

_DROPPED = frozenset(STRIPPABLE_MARKS + TATWEEL + BIDI_CONTROLS)
_FOLD: dict[str, str] = {}


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


@dataclass(frozen=True)
class GlossSpan:
    """A glossed unit of a sentence: ``text[start:end]``, its entry, and entries inside it."""

    start: int
    end: int
    entry: GlossaryEntry
    parts: tuple[GlossaryEntry, ...] = ()


def gloss_spans(text: str, entries: Iterable[GlossaryEntry]) -> list[GlossSpan]:
    """The glossed units of ``text``, in order, never overlapping; longer expressions first.

    Entries whose span lies inside a chosen longer one become its ``parts``.
    """
    found: list[tuple[int, int, GlossaryEntry]] = []
    for entry in entries:
        for form in entry.forms:
            found.extend((a, b, entry) for a, b in find_form(text, form))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, GlossaryEntry]] = []
    inside: dict[int, list[GlossaryEntry]] = {}
    for start, end, entry in found:
        holder = next((i for i, (a, b, _) in enumerate(chosen) if start < b and a < end), None)
        if holder is None:
            chosen.append((start, end, entry))
        else:
            a, b, outer = chosen[holder]
            if a <= start and end <= b and entry is not outer and entry not in inside.get(holder, []):
                inside.setdefault(holder, []).append(entry)
    spans = [GlossSpan(a, b, e, tuple(inside.get(i, ()))) for i, (a, b, e) in enumerate(chosen)]
    return sorted(spans, key=lambda s: s.start)
