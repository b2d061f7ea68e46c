"""HTML for the lesson: sentences, the whole article, teacher notes, an overview.

Every function returns :class:`Html`, a ``str`` that Jupyter displays as HTML,
so the same call works in a notebook, in Voilà, in a static HTML export and in
a test. Every piece of lesson text is escaped: a lesson file cannot inject
markup or script. Arabic carries ``dir="rtl" lang="ar"``, English
``dir="ltr" lang="en"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .arabic import arabic_runs, find_phrase, vocalized_span
from .model import Lesson, Note, Sentence

__all__ = ["CSS", "Html", "article_html", "lesson_overview", "marked", "notes_table", "sentence_html"]


class Html(str):
    """A string of HTML that Jupyter renders (and tests can search as text)."""

    def _repr_html_(self) -> str:
        return str(self)


CSS = """
.khabar-ar { font-family: 'Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif;
  font-size: 1.45em; line-height: 2.1; direction: rtl; text-align: right; unicode-bidi: isolate; }
.khabar-en { font-size: 1.0em; line-height: 1.5; direction: ltr; text-align: left; color: #333; }
.khabar-focus { border: 1px solid #c8d3e0; border-radius: 6px; padding: 0.4em 0.9em; background: #f8fafc; }
.khabar-focus > p.khabar-ar { font-size: 1.9em; }
.khabar-ar-inline { font-family: 'Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif;
  font-size: 1.15em; unicode-bidi: isolate; }
.khabar-sid { font-family: monospace; font-size: 0.8em; color: #667; }
.khabar-article .khabar-s { cursor: default; }
.khabar-article .khabar-current { background: #fff2b3; border-radius: 3px; }
.khabar-article p.khabar-ar { margin: 0 0 0.6em 0; }
.khabar-en-block { margin: 0 0 0.9em 0; }
.khabar-notes { margin-top: 0.5em; }
.khabar-note { border-left: 3px solid #d98b00; padding: 0.1em 0.7em; margin: 0.5em 0; }
.khabar-note .khabar-kind { font-variant: small-caps; color: #8a5a00; }
mark.khabar-mark { background: #ffd97a; padding: 0 1px; border-radius: 2px; }
table.khabar-table td, table.khabar-table th { text-align: left; vertical-align: top; padding: 0.2em 0.6em; }
.khabar-rtl, .khabar-rtl input, .khabar-rtl select { direction: rtl; text-align: right; }
.khabar-rtl .widget-radio-box input { float: right; margin: 0 0 0 8px; }
"""


#: Table cells read left to right from the top, whatever the notebook's own table style says.
_LEFT = ' style="text-align: left; vertical-align: top"'


def style() -> Html:
    """The kit's stylesheet, to display once per notebook (views include it)."""
    return Html(f"<style>{CSS}</style>")


def ar(text: str, tag: str = "span", cls: str = "khabar-ar", raw: bool = False) -> str:
    """Arabic text in an element with ``dir="rtl" lang="ar"`` (escaped unless ``raw``)."""
    body = text if raw else escape(text)
    align = "" if tag == "span" else ' style="text-align: right"'  # beats notebook themes' p { left }
    return f'<{tag} class="{cls}" dir="rtl" lang="ar"{align}>{body}</{tag}>'


def en(text: str, tag: str = "span", cls: str = "khabar-en") -> str:
    """English text in an element with ``dir="ltr" lang="en"``, escaped."""
    return f'<{tag} class="{cls}" dir="ltr" lang="en">{escape(text)}</{tag}>'


def marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap the given character spans in ``<mark>``.

    >>> marked("a<b>c", [(1, 4)])
    'a<mark class="khabar-mark">&lt;b&gt;</mark>c'
    """
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue  # overlapping spans: the first wins
        out += [escape(text[last:start]), f'<mark class="khabar-mark">{escape(text[start:end])}</mark>']
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


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
) -> Html:
    """One sentence as a card: Arabic (plain or vocalized), optional English and notes.

    Notes are shown under the sentence with their focus words marked in it.
    """
    notes = tuple(notes)
    text = sentence.ar_vocalized if vocalized else sentence.ar
    parts = [
        '<div class="khabar-focus">',
        f'<div class="khabar-sid">{escape(sentence.id)}</div>',
        ar(marked(text, focus_spans(sentence, notes, vocalized)), tag="p", raw=True),
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
) -> Html:
    """The whole article, paragraph by paragraph, right to left.

    Each sentence is a ``<span data-sid=...>``; ``current`` is highlighted. With
    ``translation`` each paragraph is followed by its English.
    """
    parts = [f"<style>{CSS}</style>", '<div class="khabar-article">']
    for paragraph in lesson.paragraphs:
        spans = []
        for s in paragraph.sentences:
            cls = "khabar-s khabar-current" if s.id == current else "khabar-s"
            text = s.ar_vocalized if vocalized else s.ar
            spans.append(f'<span class="{cls}" data-sid="{escape(s.id)}">{escape(text)}</span>')
        parts.append(ar(" ".join(spans), tag="p", raw=True))
        if translation:
            parts.append(en(" ".join(s.en for s in paragraph.sentences), tag="p", cls="khabar-en khabar-en-block"))
    parts.append("</div>")
    return Html("".join(parts))


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


def _mixed(text: str) -> str:
    """English text quoting Arabic: escaped, each Arabic run isolated right to left."""
    out, last = [], 0
    for start, end in arabic_runs(text):
        out += [escape(text[last:start]), ar(text[start:end], cls="khabar-ar-inline")]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


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
