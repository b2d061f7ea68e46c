"""Glossed units of a sentence: which glossary entry covers which characters.

Longer expressions win over the words inside them: in مؤتمر صحفي مشترك the
learner sees one unit, whose gloss also lists its parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from helpers.lesson.model import GlossaryEntry
from helpers.text.folding import find_form

__all__ = ["GlossSpan", "gloss_spans"]


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
