"""Vocabulary as plain functions: search, root families, word frequency, flashcard cards.

The widgets in :mod:`helpers.widgets.vocab` only call these.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.text.arabic import contains_arabic, normalize_match
from helpers.text.folding import find_form

__all__ = ["CONTENT_POS", "MAX_QUERY", "GlossaryIndex", "card_ids", "frequencies", "root_families"]

#: Parts of speech counted as content words.
CONTENT_POS = frozenset({"noun", "verb", "verbal-noun", "participle", "adjective", "adverb"})
#: The longest search, in characters: a longer query is cut to this length (the glossary browser says so).
#: No headword, gloss or expression comes near it; searching stays a few milliseconds whatever is pasted.
MAX_QUERY = 200


class GlossaryIndex:
    """Search a glossary in Arabic (any tashkeel, any hamza spelling), in English, or by root.

    Matches are ranked: whole Arabic word or form, then root, then the start of
    a word, then anywhere in a word, then the English gloss (whole word before
    part of a word). The index folds every key once; a query scans one string
    per language in C, so it stays fast on large glossaries.

    >>> from helpers import load_lesson
    >>> index = GlossaryIndex(load_lesson().glossary)
    >>> index.search("مُذَكِّرَة")[0].gloss
    'memorandum'
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        self._exact: dict[str, set[int]] = defaultdict(set)
        self._root: dict[str, set[int]] = defaultdict(set)
        arabic_parts, english_parts = [], []
        self._arabic_starts: list[int] = []
        self._english_starts: list[int] = []
        arabic_len = english_len = 0
        for i, e in enumerate(self.entries):
            keys = {normalize_match(a) for a in (e.headword, *e.forms, e.plural, e.present, e.verbal_noun, e.verb) if a}
            for key in keys:
                self._exact[key].add(i)
            if e.root:
                self._root[normalize_match(e.root).replace(" ", "")].add(i)
            text = "\x01" + "\x01".join(sorted(keys))
            self._arabic_starts.append(arabic_len)
            arabic_parts.append(text)
            arabic_len += len(text)
            english = "\x01" + " ".join(filter(None, [e.gloss, e.translit])).casefold()
            self._english_starts.append(english_len)
            english_parts.append(english)
            english_len += len(english)
        self._arabic = "".join(arabic_parts)
        self._english = "".join(english_parts)

    def _entries_at(self, text: str, starts: list[int], pattern: str) -> set[int]:
        return {bisect_right(starts, m.start()) - 1 for m in re.finditer(pattern, text)}

    def search(self, query: str, pos: str | None = None, tag: str | None = None) -> list[GlossaryEntry]:
        """Entries matching ``query`` (all entries when it is empty), filtered by part of speech and tag.

        Only the first :data:`MAX_QUERY` characters of ``query`` are searched for.
        """
        q = normalize_match(query[:MAX_QUERY])
        rank: dict[int, int] = {}

        def add(found: Iterable[int], r: int) -> None:
            for i in found:
                if i not in rank:
                    rank[i] = r

        if not q:
            add(range(len(self.entries)), 0)
        elif contains_arabic(q):
            e = re.escape(q)
            add(self._exact.get(q, ()), 0)
            add(self._root.get(q.replace(" ", ""), ()), 1)
            add(self._entries_at(self._arabic, self._arabic_starts, f"[\x01 ]{e}"), 2)
            add(self._entries_at(self._arabic, self._arabic_starts, e), 3)
        else:
            e = re.escape(q)
            add(self._entries_at(self._english, self._english_starts, rf"(?<![\w]){e}(?![\w])"), 4)
            add(self._entries_at(self._english, self._english_starts, e), 5)
        hits = sorted(rank.items(), key=lambda item: (item[1], item[0]))
        return [
            self.entries[i]
            for i, _ in hits
            if (not pos or self.entries[i].pos == pos) and (not tag or tag in self.entries[i].tags)
        ]


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
