"""HTML for the lesson: sentences, the whole article, teacher notes, an overview.

Every function returns :class:`~helpers.views.html.Html` (MarkupSafe ``Markup`` that Jupyter displays), so
the same call works in a notebook, in Voilà, in a static HTML export and in a test. Lesson text is plain
``str`` and escaped wherever it is joined to markup: a lesson file cannot inject markup or script. Arabic
carries ``dir="rtl" lang="ar"``, English ``dir="ltr" lang="en"``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from helpers.lesson.model import GlossaryEntry, Lesson, Note, Sentence
from helpers.study.glossing import GlossSpan, gloss_spans
from helpers.study.words import WordIndex, sentence_at_level
from helpers.text.arabic import find_phrase, vocalized_span
from helpers.views.html import HIDDEN_STYLE, Html, Markup, ar, draft_mark, en, escape, mixed, style
from helpers.views.words import no_root_text, pos_text, word_spans

__all__ = [
    "annotated_sentence",
    "article_html",
    "focus_spans",
    "lesson_overview",
    "notes_table",
    "root_families_html",
    "sentence_html",
]


def focus_spans(sentence: Sentence, notes: Iterable[Note], vocalized: bool) -> list[tuple[int, int]]:
    """Where each note's focus words stand in the sentence (in the shown form)."""
    spans = []
    for note in notes:
        found = find_phrase(sentence.ar, note.focus)
        if found is None:
            continue
        start, end = found
        spans.append(
            vocalized_span(sentence.ar_vocalized, start, end, plain=sentence.ar) if vocalized else (start, end)
        )
    return spans


def sentence_html(
    sentence: Sentence,
    *,
    vocalized: bool = False,
    translation: bool = False,
    notes: Iterable[Note] = (),
    glossary: Iterable[GlossaryEntry] = (),
    known: Iterable[str] | None = None,
    lesson: Lesson | None = None,
    level: str | None = None,
    index: WordIndex | None = None,
) -> Html:
    """One sentence as a card: Arabic (plain or vocalized), optional English and notes.

    Notes are shown under the sentence with their focus words marked in it.
    Glossary words and expressions are underlined; hovering or focusing one
    shows its vocalized headword, gloss, root and transliteration. With
    ``known`` (ids of known entries) the others are marked as still unknown.

    Given the ``lesson`` and a sentence with a word layer, every word is a word card instead (see
    :mod:`helpers.views.words`), shown at the tashkeel ``level`` (default: full if ``vocalized``, else none),
    and ``known`` holds known-word keys (``index``: the lesson's word index, if the caller keeps one).
    """
    notes = tuple(notes)
    body = annotated_sentence(
        sentence,
        vocalized=vocalized,
        notes=notes,
        glossary=glossary,
        known=known,
        lesson=lesson,
        level=level,
        index=index,
    )
    parts = [Markup('<div class="khabar-sid">{}</div>').format(sentence.id), draft_mark(sentence), ar(body, tag="p")]
    if translation:
        parts.append(_translation(sentence))
    if notes:
        parts.append(_notes_block(notes))
    return Html('<div class="khabar-focus">{}</div>').format(Markup("").join(parts))


def _translation(sentence: Sentence) -> Markup:
    """The sentence's English; for a draft without one, that it is missing and the lexicon's word-by-word hint."""
    if sentence.en.strip():
        return en(sentence.en, tag="p")
    hint = (
        Markup("<br>Word by word (a machine hint, not a translation): {}").format(sentence.en_hint)
        if sentence.en_hint
        else ""
    )
    return Markup('<p class="khabar-en" dir="ltr" lang="en"><i>No translation yet.</i>{}</p>').format(hint)


def drafts_notice(lesson: Lesson) -> Markup:
    """A line saying how many of the lesson's records are machine drafts, if any are."""
    left = sum(d for d, _ in lesson.draft_counts().values())
    if not left:
        return Markup("")
    return Markup('<div class="khabar-draft-mark" dir="ltr" lang="en">{}</div>').format(
        f"This lesson is a draft: {left} of its records are not yet checked by a teacher, and are marked so."
    )


def article_html(
    lesson: Lesson,
    *,
    vocalized: bool = False,
    translation: bool = False,
    current: str | None = None,
    glosses: bool = False,
    known: Iterable[str] | None = None,
    level: str | None = None,
) -> Html:
    """The whole article, paragraph by paragraph, right to left.

    Each sentence is a ``<span data-sid=...>``; ``current`` is highlighted. With
    ``translation`` each paragraph is followed by its English; with ``glosses``
    every glossary word carries its gloss (see :func:`sentence_html`), or, in a lesson with a word layer,
    every word its word card, at the tashkeel ``level``.
    """
    known = set(known) if known is not None else None
    index = WordIndex(lesson) if glosses else None
    parts = []
    for paragraph in lesson.paragraphs:
        spans = []
        for s in paragraph.sentences:
            cls = "khabar-s khabar-current" if s.id == current else "khabar-s"
            entries = lesson.glossary_for(s.id) if glosses else ()
            if not glosses and s.words and level is not None:
                body = escape(sentence_at_level(s, level))
            else:
                body = annotated_sentence(
                    s,
                    vocalized=vocalized,
                    glossary=entries,
                    known=known,
                    lesson=lesson if glosses else None,
                    level=level,
                    index=index,
                )
            spans.append(Markup('<span class="{}" data-sid="{}">{}</span>').format(cls, s.id, body))
        parts.append(ar(Markup(" ").join(spans), tag="p"))
        if translation:
            english = " ".join(s.en or "[no translation yet]" for s in paragraph.sentences)
            parts.append(en(english, tag="p", cls="khabar-en khabar-en-block"))
    return style() + Markup('<div class="khabar-article">{}{}</div>').format(
        drafts_notice(lesson), Markup("").join(parts)
    )


def annotated_sentence(
    sentence: Sentence,
    *,
    vocalized: bool = False,
    notes: Iterable[Note] = (),
    glossary: Iterable[GlossaryEntry] = (),
    known: Iterable[str] | None = None,
    lesson: Lesson | None = None,
    level: str | None = None,
    index: WordIndex | None = None,
) -> Markup:
    """The sentence's Arabic as HTML (its text escaped), with glossed units and note words marked.

    With the ``lesson`` and a word layer: every word with its card, at ``level``.
    """
    if lesson is not None and sentence.words:
        marks = [found for note in notes if (found := find_phrase(sentence.ar, note.focus)) is not None]
        shown_level = level or ("full" if vocalized else "none")
        return word_spans(lesson, sentence, shown_level, known=known, marks=marks, index=index)
    text = sentence.ar_vocalized if vocalized else sentence.ar

    def shown(start: int, end: int) -> tuple[int, int]:
        return vocalized_span(sentence.ar_vocalized, start, end, plain=sentence.ar) if vocalized else (start, end)

    glossed = [(*shown(g.start, g.end), g) for g in gloss_spans(sentence.ar, glossary)]
    marks = focus_spans(sentence, notes, vocalized)
    known = set(known) if known is not None else None
    cuts = sorted({0, len(text), *(x for a, b, _ in glossed for x in (a, b)), *(x for m in marks for x in m)})
    out: list[Markup] = []
    open_gloss = None
    for a, b in itertools.pairwise(cuts):
        here = next((g for g in glossed if g[0] <= a and b <= g[1]), None)
        if here is not open_gloss:
            if open_gloss is not None:
                out.append(_popup(open_gloss[2]) + Markup("</span>"))
            if here is not None:
                entry = here[2].entry
                unknown = known is not None and entry.id not in known
                out.append(
                    Markup('<span class="{}" tabindex="0" data-entry="{}" title="{}">').format(
                        "khabar-gloss khabar-unknown" if unknown else "khabar-gloss",
                        entry.id,
                        f"{entry.headword} — {entry.gloss}",
                    )
                )
            open_gloss = here
        piece = text[a:b]
        marked = any(m[0] <= a and b <= m[1] for m in marks)
        out.append(Markup('<mark class="khabar-mark">{}</mark>').format(piece) if marked else escape(piece))
    if open_gloss is not None:
        out.append(_popup(open_gloss[2]) + Markup("</span>"))
    return Markup("").join(out)


def _popup(span: GlossSpan) -> Markup:
    """The gloss card shown on hover: hidden by an inline style if the page has no stylesheet."""
    lines = [_entry_line(span.entry, main=True), *(_entry_line(p) for p in span.parts)]
    return Markup('<span class="khabar-pop" dir="ltr" lang="en" style="{}">{}</span>').format(
        HIDDEN_STYLE, Markup("").join(lines)
    )


def _entry_line(entry: GlossaryEntry, main: bool = False) -> Markup:
    grammar = pos_text(entry.pos) + (f", form {entry.verb_form}" if entry.verb_form else "")
    root = (
        Markup("root {}").format(ar(entry.root, cls="khabar-ar-inline"))
        if entry.root
        else no_root_text(entry.pos, entry.root_note)
    )
    head = ar(entry.headword, cls="khabar-pop-head" if main else "khabar-ar-inline")
    return Markup('<span class="khabar-pop-line">{} <i>{}</i> · {} · <b>{}</b> · {}</span>').format(
        head, entry.translit, grammar, entry.gloss, root
    )


def _notes_block(notes: Iterable[Note]) -> Markup:
    items = []
    for note in notes:
        usual = Markup(" — usual form: {}").format(ar(note.usual, cls="khabar-ar-inline")) if note.usual else ""
        items.append(
            Markup(
                '<div class="khabar-note"><span class="khabar-kind">{}</span> · <b>{}</b> (on {}){}'
                '<div dir="ltr" lang="en">{}</div></div>'
            ).format(note.kind, mixed(note.title), ar(note.focus, cls="khabar-ar-inline"), usual, mixed(note.text))
        )
    return Markup('<div class="khabar-notes">{}</div>').format(Markup("").join(items))


def _row(*cells: object, tag: str = "td") -> Markup:
    """A table row whose cells read left to right from the top (class ``khabar-cell``); text is escaped."""
    element = Markup('<{0} class="khabar-cell">{1}</{0}>')
    return Markup("<tr>{}</tr>").format(Markup("").join(element.format(Markup(tag), cell) for cell in cells))


def _table(rows: Iterable[Markup]) -> Html:
    return style() + Markup('<table class="khabar-table">{}</table>').format(Markup("").join(rows))


def notes_table(lesson: Lesson, kinds: Iterable[str] | None = None) -> Html:
    """Every teacher note (or those of some kinds), in text order, with its sentences."""
    wanted = set(kinds) if kinds is not None else None
    order = {s.id: i for i, s in enumerate(lesson.sentences)}
    notes = sorted(
        (n for n in lesson.notes if wanted is None or n.kind in wanted),
        key=lambda n: (min(order[s] for s in n.sentence_ids), n.id),
    )
    rows = [_row("Sentences", "Kind", "Words", "Note", tag="th")]
    for n in notes:
        usual = Markup("<br>Usual form: {}").format(ar(n.usual)) if n.usual else ""
        note = Markup("<b>{}</b><br>{}{}").format(mixed(n.title), mixed(n.text), usual)
        rows.append(_row(", ".join(n.sentence_ids), n.kind, ar(n.focus, cls="khabar-ar-inline"), note))
    return _table(rows)


def lesson_overview(lesson: Lesson) -> Html:
    """The lesson at a glance: title, date, place, level, size, source and licence."""
    info = lesson.info
    words = sum(1 for s in lesson.sentences for _ in s.ar.split())
    kinds: dict[str, int] = {}
    for n in lesson.notes:
        kinds[n.kind] = kinds.get(n.kind, 0) + 1
    notes = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
    rows = [
        ("Title", Markup("{}<br>{}").format(ar(info.title.ar), en(info.title.en))),
        ("Date", Markup("{} — {}").format(f"{info.date:%A %d %B %Y}", mixed(info.date_inferred))),
        ("Place", Markup("{} · {}").format(ar(info.place.ar), en(info.place.en))),
        ("Level", f"CEFR {info.level}"),
        ("Size", f"{len(lesson.paragraphs)} paragraphs, {len(lesson.sentences)} sentences, {words} words"),
        ("Teacher notes", f"{len(lesson.notes)} ({notes})"),
        ("Source", mixed(info.source.description)),
        ("Licence", Markup("Article: {}<br>Materials: {}").format(info.licence.article, info.licence.materials)),
    ]
    element = Markup('<tr><th class="khabar-cell">{}</th><td class="khabar-cell">{}</td></tr>')
    return _table(element.format(name, value) for name, value in rows)


def root_families_html(lesson: Lesson) -> Html:
    """The article's words grouped by root: one row per root with two or more words."""
    from helpers.study.vocab import root_families

    rows = [_row("Root", "Words", "The words in this article", tag="th")]
    for root, entries in root_families(lesson):
        words = Markup(" · ").join(
            Markup("{} <i>{}</i> {}").format(ar(e.headword, cls="khabar-ar-inline"), e.translit, e.gloss)
            for e in entries
        )
        rows.append(_row(ar(root, cls="khabar-root"), len(entries), words))
    return _table(rows)
