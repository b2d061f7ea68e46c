"""The word layer as a learner uses it: tashkeel levels, known words by lemma, root families, word search.

**Levels.** How much vocalization a text shows (the research behind fading it: vocalized text helps L2
readers, less so as they advance):

- ``full``: every mark of the sentence's vocalization;
- ``no-endings``: the same without case and mood endings (each word's recorded ``ending``), as read in pause;
- ``needed``: only shadda, the marks the article itself prints, and full marks on words whose bare form has
  several common readings (the record's ``ambiguous``);
- ``none``: the article as printed.

Every level only drops marks: stripping all marks from any level gives back the printed text.

**Known words** are tracked by lemma, not by surface form: وزير, الوزير and وزيرها are one word. A word's key
is the single-word glossary entry with its lemma as headword (so the glossary's known words and the text's
agree), or ``w:`` and the lemma for a word the glossary does not list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from helpers.lesson.model import Lesson, Sentence, Word
from helpers.lesson.word_checks import stem_ending_cluster
from helpers.text.arabic import composed, letter_clusters, normalize_match, strip_tashkeel, tokenize

__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "WordAt",
    "WordIndex",
    "find_words",
    "known_key",
    "known_share",
    "root_family",
    "sentence_at_level",
    "shown_word",
    "word_families",
    "word_tokens",
]

LEVELS = ("full", "no-endings", "needed", "none")
LEVEL_LABELS = {
    "full": "Full tashkeel",
    "no-endings": "No case endings",
    "needed": "Only where needed",
    "none": "None (as printed)",
}
SHADDA = "\u0651"


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown tashkeel level {level!r} (levels: {', '.join(LEVELS)})")


def _letters(text: str) -> list[tuple[str, str]]:
    return [(c[0], c[1:]) for c in letter_clusters(text)]


def shown_word(word: Word, level: str) -> str:
    """The word as the level shows it (see the module's docstring).

    >>> from helpers.lesson.model import Segment
    >>> w = Word(text="الوزير", vocalized="الْوَزِيرُ", segments=(Segment("ال", "الْ", "article"),
    ...          Segment("وزير", "وَزِيرُ", "stem")), lemma="وَزِير", pos="noun", gloss="the minister", ending="ُ")
    >>> [shown_word(w, level) for level in LEVELS]
    ['الْوَزِيرُ', 'الْوَزِير', 'الوزير', 'الوزير']
    """
    _check_level(level)
    if level == "full":
        return word.vocalized
    if level == "none":
        return word.text
    if level == "no-endings":
        if not word.ending:
            return word.vocalized
        offset = 0
        for segment in word.segments:
            if segment.kind == "stem":
                at, marks = stem_ending_cluster(segment.vocalized)
                kept = "".join(ch for ch in marks if ch not in word.ending)
                start = offset + at
                return word.vocalized[:start] + kept + word.vocalized[start + len(marks) :]
            offset += len(segment.vocalized)
        return word.vocalized
    if word.ambiguous:  # needed: the whole word where its bare form can be read several ways
        return word.vocalized
    printed = _letters(word.text)
    voiced = _letters(word.vocalized)
    if len(printed) != len(voiced):
        return word.text
    return "".join(
        letter + "".join(ch for ch in marks if ch == SHADDA or ch in print_marks)
        for (letter, marks), (_, print_marks) in zip(voiced, printed, strict=True)
    )


@dataclass(frozen=True)
class WordAt:
    """A word of a sentence with where it stands: in the printed text and in the vocalized text."""

    index: int
    word: Word
    start: int
    end: int
    vstart: int
    vend: int


def word_tokens(sentence: Sentence) -> list[WordAt]:
    """The sentence's words with their places in ``ar`` and ``ar_vocalized`` (empty without a word layer)."""
    if not sentence.words:
        return []
    plain = [t for t in tokenize(sentence.ar) if t.kind != "punct"]
    voiced = [t for t in tokenize(sentence.ar_vocalized) if t.kind != "punct"]
    return [
        WordAt(i, w, p.start, p.end, v.start, v.end)
        for i, (w, p, v) in enumerate(zip(sentence.words, plain, voiced, strict=False))
    ]


def sentence_at_level(sentence: Sentence, level: str) -> str:
    """The whole sentence at a level: each word as :func:`shown_word` gives it, punctuation and spaces kept.

    >>> import helpers
    >>> s = helpers.load_lesson().sentence("p02-s1")
    >>> sentence_at_level(s, "full") == s.ar_vocalized, sentence_at_level(s, "none") == s.ar
    (True, True)
    """
    _check_level(level)
    if level == "full" or not sentence.words:
        return sentence.ar_vocalized if level != "none" else sentence.ar
    if level == "none":
        return sentence.ar
    out, last = [], 0
    for at in word_tokens(sentence):
        out.append(sentence.ar_vocalized[last : at.vstart])
        out.append(shown_word(at.word, level))
        last = at.vend
    out.append(sentence.ar_vocalized[last:])
    return "".join(out)


class WordIndex:
    """What the learner's views ask of a lesson's word layer, worked out once: each word's known key, the lemmas
    of the text on each root, the share of the text known."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self._entries = {
            composed(e.headword): e for e in lesson.glossary if e.pos != "phrase" and " " not in e.headword.strip()
        }
        families: dict[str, dict[str, tuple[str, list[str]]]] = {}
        for sentence in lesson.sentences:
            for word in sentence.words:
                if word.root:
                    _, where = families.setdefault(word.root, {}).setdefault(composed(word.lemma), (word.gloss, []))
                    if sentence.id not in where:
                        where.append(sentence.id)
        self._families = {
            root: [(lemma, gloss, where) for lemma, (gloss, where) in lemmas.items()]
            for root, lemmas in families.items()
        }

    def key(self, word: Word) -> str:
        """The key a word is known by: its lemma's glossary entry id, or ``w:`` + its lemma."""
        entry = self._entries.get(composed(word.lemma))
        return entry.id if entry is not None else "w:" + composed(word.lemma)

    def family(self, root: str) -> list[tuple[str, str, list[str]]]:
        """The lemmas of the text on one root: ``(lemma, gloss of its first occurrence, sentence ids)``."""
        return self._families.get(root, [])

    def share(self, known: Iterable[str]) -> tuple[int, int]:
        """How many of the text's words (numbers aside) the learner knows, and how many there are.

        A word counts once per time it occurs (a reader meets it each time).
        """
        known = set(known)
        counted = [w for s in self.lesson.sentences for w in s.words if w.pos != "numeral"]
        return sum(self.key(w) in known for w in counted), len(counted)


def known_key(lesson: Lesson, word: Word) -> str:
    """The key a word is known by (see :class:`WordIndex`; build one to ask for many words)."""
    return WordIndex(lesson).key(word)


def known_share(lesson: Lesson, known: Iterable[str]) -> tuple[int, int]:
    """How many of the text's words (numbers aside) the learner knows, and how many there are."""
    return WordIndex(lesson).share(known)


def root_family(lesson: Lesson, root: str) -> list[tuple[str, str, list[str]]]:
    """The lemmas of the text on one root (see :meth:`WordIndex.family`)."""
    return WordIndex(lesson).family(root)


def word_families(lesson: Lesson) -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """The roots that two or more different words of the text share, the largest family first (of the same size,
    the one the text uses first): ``(root, [(lemma, gloss, sentence ids), ...])``.

    From the word layer; a lesson without one: from the glossary's single words (headword, gloss, sentences).

    >>> from helpers import load_lesson
    >>> root, family = word_families(load_lesson())[0]
    >>> root, [lemma for lemma, _, _ in family]
    ('و ق ع', ['وَقَّعَ', 'تَوْقِيع', 'مُتَوَقَّع'])
    """
    if any(s.words for s in lesson.sentences):
        index = WordIndex(lesson)
        roots = dict.fromkeys(w.root for s in lesson.sentences for w in s.words if w.root)
        families = [(root, index.family(root)) for root in roots]
    else:
        by_root: dict[str, list[tuple[str, str, list[str]]]] = {}
        for e in lesson.glossary:
            if e.root and not e.is_phrase:
                by_root.setdefault(e.root, []).append((e.headword, e.gloss, list(e.sentence_ids)))
        families = list(by_root.items())
    ranked = sorted(enumerate(families), key=lambda item: (-len(item[1][1]), item[0]))
    return [family for _, family in ranked if len(family[1]) > 1]


def _folded(text: str) -> str:
    return normalize_match(strip_tashkeel(text))


def find_words(lesson: Lesson, query: str) -> Iterator[tuple[Sentence, WordAt]]:
    """The words of the text a search finds: by the printed word, its stem (through its clitics) or its lemma.

    ``وبزيارته`` finds زيارته (the same stem); ``المسؤولون`` and ``مسؤول`` find every form of مَسْؤُول.
    """
    wanted = _folded(query.strip())
    if not wanted:
        return
    stems = _stem_of_query(wanted)  # the query itself among them
    for sentence in lesson.sentences:
        for at in word_tokens(sentence):
            word = at.word
            if stems & {_folded(word.text), _folded(word.stem.text), _folded(word.lemma)}:
                yield sentence, at


def _stem_of_query(query: str) -> set[str]:
    """Plausible stems of a typed word: the query without the proclitics and pronouns it may carry."""
    out = {query}
    prefixes = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "وس", "و", "ف", "ب", "ل", "ك")
    suffixes = ("هما", "هم", "هن", "ها", "نا", "كم", "ه", "ي", "ك")
    for p in ("", *prefixes):
        if not query.startswith(p) or len(query) - len(p) < 2:
            continue
        core = query[len(p) :]
        out.add(core)
        for s in suffixes:
            if core.endswith(s) and len(core) - len(s) >= 2:
                bare = core[: -len(s)]
                out.add(bare)
                if bare.endswith("ت"):
                    out.add(bare[:-1] + "ه")  # ta marbuta before a pronoun (normalize_match folds ة to ه)
    return out
