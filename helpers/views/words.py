"""Word cards: every word of a sentence as a focusable span carrying its card (HTML and CSS only).

A tap, click or Tab on a word focuses it and its card shows: the word with its segments coloured by kind
(و + بـ + زيارة + ـه), what each segment means, the gloss here, part of speech, lemma, present tense, root and
the other words of the text on it, the grammar in plain English and why the word has its ending, its glossary
entry, other readings of the bare form, and a "not yet checked" mark on a machine draft. Because it is only
markup and CSS, it works in JupyterLab, in Voilà and in a saved HTML copy with no kernel. The card is placed
by the sentence's paragraph (``position: relative``), so it never extends past the text's own width: on a
390 px phone it stays on screen. Everything from a lesson file is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from helpers.lesson.model import GlossaryEntry, Lesson, Sentence, Word
from helpers.study.words import LEVELS, WordAt, WordIndex, shown_word, word_tokens
from helpers.views.html import HIDDEN_STYLE, Markup, ar, draft_mark, escape, marked

__all__ = [
    "FEATURE_WORDS",
    "POS_WORDS",
    "SEGMENT_MEANINGS",
    "card_html",
    "marked_sentence",
    "no_root_text",
    "pos_text",
    "word_spans",
]

POS_WORDS = {
    "noun": "noun", "proper-noun": "proper name", "adjective": "adjective", "verbal-noun": "verbal noun (maṣdar)",
    "participle": "participle", "verb": "verb", "adverb": "adverb", "pronoun": "pronoun",
    "demonstrative": "demonstrative", "relative": "relative pronoun", "preposition": "preposition",
    "conjunction": "conjunction", "particle": "particle", "numeral": "number", "number": "number",
    "phrase": "phrase",
}  # fmt: skip


def pos_text(pos: str) -> str:
    """A part of speech as a learner reads it: ``proper-noun`` is "proper name", ``verbal-noun`` a maṣdar.

    >>> pos_text("proper-noun"), pos_text("verbal-noun")
    ('proper name', 'verbal noun (maṣdar)')
    """
    return POS_WORDS.get(pos, pos)


def no_root_text(pos: str, root_note: str | None) -> str:
    """What a card says for a word without a root: "no root (function word)", or just "no root" when the reason
    only repeats the part of speech (a proper name).

    >>> no_root_text("adverb", "function word"), no_root_text("proper-noun", "proper name")
    ('no root (function word)', 'no root')
    """
    reason = root_note or ""
    return f"no root ({reason})" if reason and reason != pos_text(pos) else "no root"


#: What a clitic means, by kind and letters (a pronoun by its letters).
SEGMENT_MEANINGS = {
    ("conjunction", "و"): "and", ("conjunction", "ف"): "so, then", ("preposition", "ب"): "with, by, in",
    ("preposition", "ل"): "for, to", ("preposition", "ك"): "like, as", ("future", "س"): "will",
    ("article", "ال"): "the", ("article", "ل"): "the", ("particle", "ل"): "to, so that",
    ("pronoun", "ه"): "his, its, him", ("pronoun", "ها"): "her, its", ("pronoun", "هم"): "their, them",
    ("pronoun", "هما"): "their (two)", ("pronoun", "هن"): "their (f.)", ("pronoun", "نا"): "our, us",
    ("pronoun", "ي"): "my, me", ("pronoun", "ني"): "me", ("pronoun", "ك"): "your, you",
    ("pronoun", "كم"): "your (pl.)",
}  # fmt: skip
FEATURE_WORDS = {
    "person": {"1": "1st person", "2": "2nd person", "3": "3rd person"},
}
_FEATURE_ORDER = ("aspect", "voice", "person", "gender", "number", "case", "mood", "state")
_NON_JOINING = set("اأإآدذرزوؤة")
_CLASS = {
    "conjunction": "khabar-seg-conj", "preposition": "khabar-seg-prep", "particle": "khabar-seg-prep",
    "future": "khabar-seg-fut", "article": "khabar-seg-art", "stem": "khabar-seg-stem", "pronoun": "khabar-seg-pron",
}  # fmt: skip


def _segment_label(segment_text: str, vocalized: str, kind: str) -> str:
    """A clitic as cited: بِـ with a joining stroke after a proclitic that joins, ـهُ before a pronoun."""
    if kind == "pronoun":
        return "ـ" + vocalized
    if kind != "stem" and segment_text[-1] not in _NON_JOINING:
        return vocalized + "ـ"
    return vocalized


def _features(word: Word) -> str:
    f = word.features
    parts = []
    for name in _FEATURE_ORDER:
        value = getattr(f, name)
        if value:
            parts.append(FEATURE_WORDS.get(name, {}).get(value, value))
    if f.verb_form and word.pos in ("verb", "verbal-noun", "participle"):
        parts.insert(0, f"form {f.verb_form}")
    return ", ".join(parts)


def card_html(
    index: WordIndex,
    word: Word,
    entry: GlossaryEntry | None = None,
    known: bool | None = None,
) -> Markup:
    """The card of one word (a ``<span>`` hidden by an inline style until the stylesheet shows it); ``index``:
    the lesson's :class:`~helpers.study.words.WordIndex` (for the root's family)."""
    coloured = Markup("").join(
        Markup('<span class="{}">{}</span>').format(_CLASS[s.kind], s.vocalized) for s in word.segments
    )
    lines = [Markup('<span class="khabar-wc-word" dir="rtl" lang="ar">{}</span>').format(coloured)]
    if len(word.segments) > 1:
        pieces = []
        for s in word.segments:
            meaning = "" if s.kind == "stem" else SEGMENT_MEANINGS.get((s.kind, s.text), "")
            label = _segment_label(s.text, s.vocalized if s.kind != "stem" else word.lemma, s.kind)
            pieces.append(
                Markup('<span class="{}">{}</span>{}').format(
                    _CLASS[s.kind], ar(label, cls="khabar-ar-inline"), Markup(" {}").format(meaning) if meaning else ""
                )
            )
        lines.append(Markup('<span class="khabar-wc-line">{}</span>').format(Markup(" + ").join(pieces)))
    grammar = pos_text(word.pos)
    lines.append(Markup('<span class="khabar-wc-line"><b>{}</b> · {}</span>').format(word.gloss, grammar))
    lemma = Markup("lemma {}").format(ar(word.lemma, cls="khabar-ar-inline"))
    if word.present:
        lemma += Markup(", present {}").format(ar(word.present, cls="khabar-ar-inline"))
    if word.root:
        others = [f for f in index.family(word.root) if f[0] != word.lemma]
        root = Markup("root {}").format(ar(word.root, cls="khabar-ar-inline"))
        if others:  # spans only: a block element would end the paragraph the card sits in
            items = Markup(" · ").join(
                Markup("{} {}").format(ar(lem, cls="khabar-ar-inline"), gloss) for lem, gloss, _ in others
            )
            root = Markup('{} <span class="khabar-wc-root">(also in this text: {})</span>').format(root, items)
        lines.append(Markup('<span class="khabar-wc-line">{} · {}</span>').format(lemma, root))
    else:
        no_root = Markup('<span class="khabar-wc-line">{} · {}</span>')
        lines.append(no_root.format(lemma, no_root_text(word.pos, word.root_note)))
    features = _features(word)
    if features or word.why:
        lines.append(
            Markup('<span class="khabar-wc-line">{}{}</span>').format(
                features, Markup(" — <i>{}</i>").format(word.why) if word.why else ""
            )
        )
    if entry is not None:
        lines.append(
            Markup('<span class="khabar-wc-line">Glossary: {} {}</span>').format(
                ar(entry.headword, cls="khabar-ar-inline"), entry.gloss
            )
        )
    if word.ambiguous:
        lines.append(
            Markup('<span class="khabar-wc-line">Without vowels also: {}</span>').format(
                Markup(" · ").join(ar(a, cls="khabar-ar-inline") for a in word.ambiguous)
            )
        )
    if known is not None:
        lines.append(
            Markup('<span class="khabar-wc-line khabar-wc-known">{}</span>').format(
                "You know this word." if known else "Not marked as known yet."
            )
        )
    lines.append(draft_mark(word, tag="span"))
    return Markup('<span class="khabar-wcard" role="dialog" dir="ltr" lang="en" style="{}">{}</span>').format(
        HIDDEN_STYLE, Markup("").join(lines)
    )


def word_spans(
    lesson: Lesson,
    sentence: Sentence,
    level: str = "full",
    known: Iterable[str] | None = None,
    marks: Sequence[tuple[int, int]] = (),
    index: WordIndex | None = None,
) -> Markup:
    """The sentence at a tashkeel level, each word a focusable span with its card; ``marks`` (spans of the
    printed sentence) are note focus words, highlighted. With ``known`` (known keys) unknown words get a soft
    mark. ``index``: the lesson's word index, when the caller draws many sentences."""
    if level not in LEVELS:
        raise ValueError(f"unknown tashkeel level {level!r}")
    known = set(known) if known is not None else None
    index = index or WordIndex(lesson)
    entries = {e.id: e for e in lesson.glossary}
    text = sentence.ar if level == "none" else sentence.ar_vocalized
    out: list[Markup] = []
    last = 0
    for at in word_tokens(sentence):
        start, end = (at.start, at.end) if level == "none" else (at.vstart, at.vend)
        out.append(escape(text[last:start]))
        out.append(_word_span(index, sentence, at, level, known, marks, entries))
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _word_span(
    index: WordIndex,
    sentence: Sentence,
    at: WordAt,
    level: str,
    known: set[str] | None,
    marks: Sequence[tuple[int, int]],
    entries: dict[str, GlossaryEntry],
) -> Markup:
    word = at.word
    classes = ["khabar-w"]
    entry = entries.get(word.entry) if word.entry else None
    if entry is not None:
        classes.append("khabar-gloss")
    is_known = None
    if known is not None and word.pos != "numeral":
        is_known = index.key(word) in known
        if not is_known:
            classes.append("khabar-new")
    if word.draft:
        classes.append("khabar-draft")
    shown = escape(shown_word(word, level))
    if any(a < at.end and at.start < b for a, b in marks):
        shown = Markup('<mark class="khabar-mark">{}</mark>').format(shown)
    return Markup('<span class="{}" tabindex="0" data-w="{}:{}">{}{}</span>').format(
        " ".join(classes),
        sentence.id,
        at.index + 1,
        shown,
        card_html(index, word, entry, is_known),
    )


def marked_sentence(lesson: Lesson, sentence: Sentence, spans: Sequence[tuple[int, int]], cards: bool = True) -> Markup:
    """A sentence as printed with some spans marked (what dates an event, a key word); in a lesson with a word
    layer and with ``cards``, every word also opens its card (the words a span touches are marked whole)."""
    if cards and sentence.words:
        return word_spans(lesson, sentence, "none", marks=spans)
    return marked(sentence.ar, spans)
