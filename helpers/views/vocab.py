"""Vocabulary as HTML: a glossary entry's card with the sentence it comes from."""

from __future__ import annotations

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.text.folding import find_form
from helpers.views.html import Html, Markup, ar, draft_mark, en, marked, mixed
from helpers.views.words import no_root_text, pos_text

__all__ = ["entry_card"]


def entry_card(lesson: Lesson, entry: GlossaryEntry, known: bool | None = None) -> Html:
    """One glossary entry as an HTML card, with the sentence it comes from and the word marked.

    ``known`` adds a badge: True "known", False "not known yet", None none.
    """
    details: list[Markup | str] = [pos_text(entry.pos) + (f", form {entry.verb_form}" if entry.verb_form else "")]
    for label, word in (
        ("present", entry.present),
        ("plural", entry.plural),
        ("verbal noun", entry.verbal_noun),
        ("from", entry.verb),
    ):
        if word:
            details.append(Markup("{} {}").format(label, ar(word, cls="khabar-ar-inline")))
    details.append(
        Markup("root {}").format(ar(entry.root, cls="khabar-ar-inline"))
        if entry.root
        else no_root_text(entry.pos, entry.root_note)
    )
    sentence = lesson.sentence(entry.sentence_ids[0])
    spans = [span for form in entry.forms for span in find_form(sentence.ar, form)]
    badge = Markup("") if known is None else Markup(" · <b>known</b>") if known else Markup(" · not known yet")
    tags = Markup(' <span class="khabar-sid">{}</span>').format(", ".join(entry.tags)) if entry.tags else ""
    note = Markup("<br>{}").format(en(mixed(entry.note))) if entry.note else ""  # notes quote Arabic: keep it RTL
    more = len(entry.sentence_ids) - 1
    return Html(
        '<div class="khabar-entry" data-entry="{id}">{head} <i>{translit}</i> — <b>{gloss}</b>{badge}<br>'
        '<span class="khabar-en">{details}</span>{tags}{note}{draft}'
        '<div class="khabar-sid">{sid}{more}</div>{example}</div>'
    ).format(
        draft=draft_mark(entry),
        id=entry.id,
        head=ar(entry.headword, cls="khabar-headword"),
        translit=entry.translit,
        gloss=entry.gloss,
        badge=badge,
        details=Markup(" · ").join(details),
        tags=tags,
        note=note,
        sid=sentence.id,
        more=f" (and {more} more)" if more > 0 else "",
        example=ar(marked(sentence.ar, spans), tag="div", cls="khabar-ar khabar-example"),
    )
