"""Vocabulary as plain functions: search, root families, word frequency, flashcard cards.

The widgets in :mod:`helpers.vocab_widgets` only call these.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .arabic import contains_arabic, normalize_match
from .glossing import find_form
from .model import GlossaryEntry, Lesson

__all__ = [
    "CONTENT_POS",
    "GlossaryIndex",
    "card_ids",
    "frequencies",
    "root_families",
]

#: Parts of speech counted as content words.
CONTENT_POS = frozenset({"noun", "verb", "verbal-noun", "participle", "adjective", "adverb"})


@dataclass(frozen=True)
class _Keys:
    exact: frozenset[str]  # folded headword and forms and related forms
    root: str  # folded root letters without spaces, or ""
    english: str  # casefolded gloss and note


class GlossaryIndex:
    """Search a glossary in Arabic (any tashkeel, any hamza spelling), in English, or by root.

    Matches are ranked: whole Arabic word or form, then root, then the start of
    a word, then anywhere in a word, then the English gloss.

    >>> from helpers import load_lesson
    >>> index = GlossaryIndex(load_lesson().glossary)
    >>> index.search("مُذَكِّرَة")[0].gloss
    'memorandum'
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        self._keys = [self._keys_of(e) for e in self.entries]

    @staticmethod
    def _keys_of(e: GlossaryEntry) -> _Keys:
        arabic = [e.headword, *e.forms, *(x for x in (e.plural, e.present, e.verbal_noun, e.verb) if x)]
        return _Keys(
            exact=frozenset(normalize_match(a) for a in arabic),
            root=normalize_match(e.root or "").replace(" ", ""),
            english=" ".join(filter(None, [e.gloss, e.translit])).casefold(),
        )

    def search(self, query: str, pos: str | None = None, tag: str | None = None) -> list[GlossaryEntry]:
        """Entries matching ``query`` (all entries when it is empty), filtered by part of speech and tag."""
        q = normalize_match(query)
        ranked: list[tuple[int, int, GlossaryEntry]] = []
        arabic = contains_arabic(q)
        q_root = q.replace(" ", "")
        for order, (entry, keys) in enumerate(zip(self.entries, self._keys, strict=True)):
            if (pos and entry.pos != pos) or (tag and tag not in entry.tags):
                continue
            rank = self._rank(q, q_root, arabic, keys)
            if rank is not None:
                ranked.append((rank, order, entry))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [entry for _, _, entry in ranked]

    @staticmethod
    def _rank(q: str, q_root: str, arabic: bool, keys: _Keys) -> int | None:
        if not q:
            return 0
        if arabic:
            if q in keys.exact:
                return 0
            if keys.root and q_root == keys.root:
                return 1
            if any(k.startswith(q) or f" {q}" in k for k in keys.exact):
                return 2
            if any(q in k for k in keys.exact):
                return 3
            return None
        words = keys.english.replace(";", " ").replace(",", " ").split()
        if q in words:
            return 4
        if any(w.startswith(q) for w in words) or q in keys.english:
            return 5
        return None


def root_families(lesson: Lesson) -> list[tuple[str, list[GlossaryEntry]]]:
    """The article's words grouped by root, largest families first (roots with 2+ entries)."""
    families: dict[str, list[GlossaryEntry]] = defaultdict(list)
    for entry in lesson.glossary:
        if entry.root:
            families[entry.root].append(entry)
    return sorted(
        ((root, entries) for root, entries in families.items() if len(entries) > 1),
        key=lambda f: (-len(f[1]), f[0]),
    )


def frequencies(lesson: Lesson, pos: Iterable[str] = CONTENT_POS) -> list[tuple[GlossaryEntry, int]]:
    """How often each glossary entry of the given parts of speech occurs in the article, most frequent first."""
    wanted = set(pos)
    counts: Counter[str] = Counter()
    entries = {e.id: e for e in lesson.glossary if e.pos in wanted}
    for sentence in lesson.sentences:
        for entry in entries.values():
            # The largest count of any one form: the pieces of a split expression (وصف … بأنه) count once.
            counts[entry.id] += max(len(find_form(sentence.ar, form)) for form in entry.forms)
    order = {e.id: i for i, e in enumerate(lesson.glossary)}
    return sorted(((entries[i], n) for i, n in counts.items() if n), key=lambda item: (-item[1], order[item[0].id]))


#: Flashcard directions: Arabic shown, meaning asked; and the reverse.
DIRECTIONS = ("ar-en", "en-ar")


def card_ids(entries: Sequence[GlossaryEntry], directions: Iterable[str] = DIRECTIONS) -> list[str]:
    """Flashcard ids in teaching order: ``<entry id>:<direction>``.

    >>> card_ids([type("E", (), {"id": "g-x"})()], ["ar-en"])
    ['g-x:ar-en']
    """
    chosen = [d for d in directions if d in DIRECTIONS]
    return [f"{e.id}:{d}" for d in chosen for e in entries]
