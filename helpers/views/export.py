"""Take the glossary elsewhere: an Anki deck (.apkg) and a CSV spreadsheet.

Anki: one note per glossary entry with the fields Arabic (vocalized headword),
Gloss, Root, Transliteration, Sentence (the article sentence with the word as a
cloze gap) and SentenceFull (with the word marked), and two cards per note
(Arabic → meaning, meaning → Arabic). The deck id, the note type id and each
note's guid are derived from the lesson and entry ids, so importing a newer
export updates the notes instead of duplicating them.

CSV: UTF-8 with a byte-order mark, so that spreadsheet programs open the
Arabic correctly.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.text.folding import find_form
from helpers.text.safe import spreadsheet_cell
from helpers.views.html import Markup, escape, stylesheet

__all__ = ["CSV_COLUMNS", "anki_ids", "cloze_sentence", "export_anki", "export_csv"]

CSV_COLUMNS = [
    "id", "headword", "transliteration", "part_of_speech", "verb_form", "root", "gloss", "present", "plural",
    "verbal_noun", "tags", "sentence_id", "sentence_ar", "sentence_en",
]  # fmt: skip


def _stable_int(text: str) -> int:
    """A stable 31-bit id from text (Anki wants integers; Python's hash() changes per run)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) & 0x7FFFFFFF or 1


def anki_ids(lesson_id: str) -> tuple[int, int]:
    """(deck id, note type id) for a lesson: the same on every export."""
    return _stable_int(f"khabar-deck:{lesson_id}"), _stable_int(f"khabar-model:{lesson_id}:v1")


def _occurrence(lesson: Lesson, entry: GlossaryEntry) -> tuple[str, str, list[tuple[int, int]]]:
    sentence = lesson.sentence(entry.sentence_ids[0])
    spans = sorted(span for form in entry.forms for span in find_form(sentence.ar, form))
    return sentence.id, sentence.ar, spans[:1]


def cloze_sentence(text: str, spans: list[tuple[int, int]], gap: str = "[…]") -> tuple[str, str]:
    """(the sentence with the word replaced by a gap, the sentence with the word in bold), both escaped HTML.

    >>> cloze_sentence("وقع الوزير مذكرة", [(4, 10)])
    ('وقع […] مذكرة', 'وقع <b>الوزير</b> مذكرة')
    """
    if not spans:
        return str(escape(text)), str(escape(text))
    a, b = spans[0]
    before, word, after = text[:a], text[a:b], text[b:]
    return (
        str(Markup("{}{}{}").format(before, gap, after)),
        str(Markup("{}<b>{}</b>{}").format(before, word, after)),
    )


def export_anki(lesson: Lesson, path: str | Path) -> Path:
    """Write the lesson's glossary as an Anki package; returns the path written."""
    import genanki

    deck_id, model_id = anki_ids(lesson.id)
    fields = ["Arabic", "Gloss", "Root", "Transliteration", "Sentence", "SentenceFull", "EntryId"]
    back_extra = (
        '<hr id="answer"><div class="small">{{Transliteration}} · root {{Root}}</div>'
        '<div class="sentence">{{SentenceFull}}</div>'
    )
    model = genanki.Model(
        model_id,
        f"Khabar · {lesson.id}",
        fields=[{"name": f} for f in fields],
        templates=[
            {
                "name": "Arabic → meaning",
                "qfmt": '<div class="ar">{{Arabic}}</div><div class="sentence">{{Sentence}}</div>',
                "afmt": '<div class="ar">{{Arabic}}</div><div>{{Gloss}}</div>' + back_extra,
            },
            {
                "name": "Meaning → Arabic",
                "qfmt": '<div>{{Gloss}}</div><div class="sentence">{{Sentence}}</div>',
                "afmt": '<div>{{Gloss}}</div><div class="ar">{{Arabic}}</div>' + back_extra,
            },
        ],
        css=stylesheet("anki"),
        sort_field_index=0,
    )
    deck = genanki.Deck(deck_id, f"Khabar::{lesson.info.title.en}")
    for entry in lesson.glossary:
        _sid, text, spans = _occurrence(lesson, entry)
        gap, full = cloze_sentence(text, spans)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    escape(entry.headword),
                    escape(entry.gloss),
                    escape(entry.root or entry.root_note or ""),
                    escape(entry.translit),
                    gap,
                    full,
                    escape(entry.id),
                ],
                guid=genanki.guid_for("khabar", lesson.id, entry.id),
                tags=[f"khabar::{lesson.id}", *(t.replace(" ", "_") for t in entry.tags)],
            )
        )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(target))
    return target


def export_csv(lesson: Lesson, path: str | Path) -> Path:
    """Write the glossary as CSV (UTF-8 with BOM); returns the path written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for entry in lesson.glossary:
            sentence = lesson.sentence(entry.sentence_ids[0])
            row = [
                entry.id,
                entry.headword,
                entry.translit,
                entry.pos,
                entry.verb_form or "",
                entry.root or entry.root_note or "",
                entry.gloss,
                entry.present or "",
                entry.plural or "",
                entry.verbal_noun or "",
                " ".join(entry.tags),
                sentence.id,
                sentence.ar,
                sentence.en,
            ]
            writer.writerow([spreadsheet_cell(cell) for cell in row])
    return target
