"""Vocabulary as HTML: a glossary entry's card with the sentence it comes from."""

from __future__ import annotations

from html import escape

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.text.folding import find_form
from helpers.views.html import ar, en, marked

__all__ = ["entry_card"]


def entry_card(lesson: Lesson, entry: GlossaryEntry, known: bool | None = None) -> str:
    """One glossary entry as an HTML card, with the sentence it comes from and the word marked."""
    details = [escape(entry.pos + (f", form {entry.verb_form}" if entry.verb_form else ""))]
    if entry.present:
        details.append("present " + ar(entry.present, cls="khabar-ar-inline"))
    if entry.plural:
        details.append("plural " + ar(entry.plural, cls="khabar-ar-inline"))
    if entry.verbal_noun:
        details.append("verbal noun " + ar(entry.verbal_noun, cls="khabar-ar-inline"))
    if entry.verb:
        details.append("from " + ar(entry.verb, cls="khabar-ar-inline"))
    details.append("root " + ar(entry.root, cls="khabar-ar-inline") if entry.root else escape(entry.root_note or ""))
    sentence = lesson.sentence(entry.sentence_ids[0])
    spans = [span for form in entry.forms for span in find_form(sentence.ar, form)]
    badge = "" if known is None else (" · <b>known</b>" if known else " · not known yet")
    tags = f' <span class="khabar-sid">{escape(", ".join(entry.tags))}</span>' if entry.tags else ""
    more = len(entry.sentence_ids) - 1
    return (
        f'<div class="khabar-entry" data-entry="{escape(entry.id)}">'
        f"{ar(entry.headword, cls='khabar-headword')} <i>{escape(entry.translit)}</i> — "
        f"<b>{escape(entry.gloss)}</b>{badge}<br>"
        f'<span class="khabar-en">{" · ".join(details)}</span>{tags}'
        + (f"<br>{en(entry.note)}" if entry.note and entry.note.isascii() else "")
        + f'<div class="khabar-sid">{escape(sentence.id)}'
        + (f" (and {more} more)" if more > 0 else "")
        + "</div>"
        + ar(marked(sentence.ar, spans), tag="div", cls="khabar-ar khabar-example", raw=True)
        + "</div>"
    )
