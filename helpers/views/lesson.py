"""HTML for the lesson: sentences, the whole article, teacher notes, an overview.

Every function returns :class:`Html`, a ``str`` that Jupyter displays as HTML,
so the same call works in a notebook, in Voilà, in a static HTML export and in
a test. Every piece of lesson text is escaped: a lesson file cannot inject
markup or script. Arabic carries ``dir="rtl" lang="ar"``, English
``dir="ltr" lang="en"``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from html import escape

from helpers.lesson.model import GlossaryEntry, Lesson, Note, Sentence
from helpers.study.glossing import GlossSpan, gloss_spans
from helpers.text.arabic import find_phrase, vocalized_span
from helpers.views.html import _LEFT, CSS, Html, _mixed, ar, en

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
) -> Html:
    """One sentence as a card: Arabic (plain or vocalized), optional English and notes.

    Notes are shown under the sentence with their focus words marked in it.
    Glossary words and expressions are underlined; hovering or focusing one
    shows its vocalized headword, gloss, root and transliteration. With
    ``known`` (ids of known entries) the others are marked as still unknown.
    """
    notes = tuple(notes)
    body = annotated_sentence(sentence, vocalized=vocalized, notes=notes, glossary=glossary, known=known)
    parts = [
        '<div class="khabar-focus">',
        f'<div class="khabar-sid">{escape(sentence.id)}</div>',
        ar(body, tag="p", raw=True),
    ]
    if translation:
        parts.append(en(sentence.en, tag="p"))
    if notes:
        parts.append(_notes_block(notes))
    parts.append("</div>")
    return Html("".join(parts))


def article_html(
    lesson: Lesson,
    *,
    vocalized: bool = False,
    translation: bool = False,
    current: str | None = None,
    glosses: bool = False,
    known: Iterable[str] | None = None,
) -> Html:
    """The whole article, paragraph by paragraph, right to left.

    Each sentence is a ``<span data-sid=...>``; ``current`` is highlighted. With
    ``translation`` each paragraph is followed by its English; with ``glosses``
    every glossary word carries its gloss (see :func:`sentence_html`).
    """
    known = set(known) if known is not None else None
    parts = [f"<style>{CSS}</style>", '<div class="khabar-article">']
    for paragraph in lesson.paragraphs:
        spans = []
        for s in paragraph.sentences:
            cls = "khabar-s khabar-current" if s.id == current else "khabar-s"
            entries = lesson.glossary_for(s.id) if glosses else ()
            body = annotated_sentence(s, vocalized=vocalized, glossary=entries, known=known)
            spans.append(f'<span class="{cls}" data-sid="{escape(s.id)}">{body}</span>')
        parts.append(ar(" ".join(spans), tag="p", raw=True))
        if translation:
            parts.append(en(" ".join(s.en for s in paragraph.sentences), tag="p", cls="khabar-en khabar-en-block"))
    parts.append("</div>")
    return Html("".join(parts))


def annotated_sentence(
    sentence: Sentence,
    *,
    vocalized: bool = False,
    notes: Iterable[Note] = (),
    glossary: Iterable[GlossaryEntry] = (),
    known: Iterable[str] | None = None,
) -> str:
    """The sentence's Arabic as escaped HTML, with glossed units and note words marked."""
    text = sentence.ar_vocalized if vocalized else sentence.ar

    def shown(start: int, end: int) -> tuple[int, int]:
        return vocalized_span(sentence.ar_vocalized, start, end, plain=sentence.ar) if vocalized else (start, end)

    glossed = [(*shown(g.start, g.end), g) for g in gloss_spans(sentence.ar, glossary)]
    marks = focus_spans(sentence, notes, vocalized)
    known = set(known) if known is not None else None
    cuts = sorted({0, len(text), *(x for a, b, _ in glossed for x in (a, b)), *(x for m in marks for x in m)})
    out: list[str] = []
    open_gloss = None
    for a, b in itertools.pairwise(cuts):
        here = next((g for g in glossed if g[0] <= a and b <= g[1]), None)
        if here is not open_gloss:
            if open_gloss is not None:
                out.append(_popup(open_gloss[2]) + "</span>")
            if here is not None:
                entry = here[2].entry
                unknown = known is not None and entry.id not in known
                cls = "khabar-gloss khabar-unknown" if unknown else "khabar-gloss"
                title = escape(f"{entry.headword} — {entry.gloss}", quote=True)
                out.append(f'<span class="{cls}" tabindex="0" data-entry="{escape(entry.id)}" title="{title}">')
            open_gloss = here
        piece = escape(text[a:b])
        out.append(
            f'<mark class="khabar-mark">{piece}</mark>' if any(m[0] <= a and b <= m[1] for m in marks) else piece
        )
    if open_gloss is not None:
        out.append(_popup(open_gloss[2]) + "</span>")
    return "".join(out)


def _popup(span: GlossSpan) -> str:
    """The gloss card shown on hover: hidden by an inline style if the page has no stylesheet."""
    lines = [_entry_line(span.entry, main=True), *(_entry_line(p) for p in span.parts)]
    return f'<span class="khabar-pop" dir="ltr" lang="en" style="display: none">{"".join(lines)}</span>'


def _entry_line(entry: GlossaryEntry, main: bool = False) -> str:
    grammar = entry.pos + (f" {entry.verb_form}" if entry.verb_form else "")
    root = f"root {ar(entry.root, cls='khabar-ar-inline')}" if entry.root else escape(entry.root_note or "")
    head = ar(entry.headword, cls="khabar-pop-head" if main else "khabar-ar-inline")
    return (
        f'<span class="khabar-pop-line">{head} <i>{escape(entry.translit)}</i> · {escape(grammar)} · '
        f"<b>{escape(entry.gloss)}</b> · {root}</span>"
    )


def _notes_block(notes: Iterable[Note]) -> str:
    items = []
    for note in notes:
        usual = f" — usual form: {ar(note.usual, cls='khabar-ar-inline')}" if note.usual else ""
        items.append(
            '<div class="khabar-note">'
            f'<span class="khabar-kind">{escape(note.kind)}</span> · <b>{_mixed(note.title)}</b>'
            f" (on {ar(note.focus, cls='khabar-ar-inline')}){usual}"
            f'<div dir="ltr" lang="en">{_mixed(note.text)}</div></div>'
        )
    return '<div class="khabar-notes">' + "".join(items) + "</div>"


def notes_table(lesson: Lesson, kinds: Iterable[str] | None = None) -> Html:
    """Every teacher note (or those of some kinds), in text order, with its sentences."""
    wanted = set(kinds) if kinds is not None else None
    order = {s.id: i for i, s in enumerate(lesson.sentences)}
    notes = sorted(
        (n for n in lesson.notes if wanted is None or n.kind in wanted),
        key=lambda n: (min(order[s] for s in n.sentence_ids), n.id),
    )
    rows = [
        "<tr>"
        f"<td{_LEFT}>{escape(', '.join(n.sentence_ids))}</td>"
        f"<td{_LEFT}>{escape(n.kind)}</td>"
        f"<td{_LEFT}>{ar(n.focus, cls='khabar-ar-inline')}</td>"
        f"<td{_LEFT}><b>{_mixed(n.title)}</b><br>{_mixed(n.text)}"
        + (f"<br>Usual form: {ar(n.usual)}" if n.usual else "")
        + "</td></tr>"
        for n in notes
    ]
    head = "".join(f"<th{_LEFT}>{h}</th>" for h in ("Sentences", "Kind", "Words", "Note"))
    head = f"<tr>{head}</tr>"
    return Html(f'<style>{CSS}</style><table class="khabar-table">{head}{"".join(rows)}</table>')


def lesson_overview(lesson: Lesson) -> Html:
    """The lesson at a glance: title, date, place, level, size, source and licence."""
    info = lesson.info
    words = sum(1 for s in lesson.sentences for _ in s.ar.split())
    kinds: dict[str, int] = {}
    for n in lesson.notes:
        kinds[n.kind] = kinds.get(n.kind, 0) + 1
    notes = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
    rows = [
        ("Title", ar(info.title.ar) + "<br>" + en(info.title.en)),
        ("Date", f"{info.date:%A %d %B %Y} — {_mixed(info.date_inferred)}"),
        ("Place", ar(info.place.ar) + " · " + en(info.place.en)),
        ("Level", f"CEFR {escape(info.level)}"),
        ("Size", f"{len(lesson.paragraphs)} paragraphs, {len(lesson.sentences)} sentences, {words} words"),
        ("Teacher notes", f"{len(lesson.notes)} ({escape(notes)})"),
        ("Source", _mixed(info.source.description)),
        ("Licence", f"Article: {escape(info.licence.article)}<br>Materials: {escape(info.licence.materials)}"),
    ]
    body = "".join(f"<tr><th{_LEFT}>{k}</th><td{_LEFT}>{v}</td></tr>" for k, v in rows)
    return Html(f'<style>{CSS}</style><table class="khabar-table">{body}</table>')


def root_families_html(lesson: Lesson) -> Html:
    """The article's words grouped by root: one row per root with two or more words."""
    from helpers.study.vocab import root_families

    rows = []
    for root, entries in root_families(lesson):
        words = " · ".join(
            f"{ar(e.headword, cls='khabar-ar-inline')} <i>{escape(e.translit)}</i> {escape(e.gloss)}" for e in entries
        )
        rows.append(
            f"<tr><td{_LEFT}>{ar(root, cls='khabar-root')}</td>"
            f"<td{_LEFT}>{len(entries)}</td><td{_LEFT}>{words}</td></tr>"
        )
    head = "".join(f"<th{_LEFT}>{h}</th>" for h in ("Root", "Words", "The words in this article"))
    return Html(f'<style>{CSS}</style><table class="khabar-table"><tr>{head}</tr>{"".join(rows)}</table>')
