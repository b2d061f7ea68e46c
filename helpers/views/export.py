"""Take the glossary elsewhere: an Anki deck (.apkg) and a CSV spreadsheet.

Anki: one note per glossary entry with the fields Arabic (vocalized headword),
Gloss, Root, Transliteration, Sentence (the article sentence with the word as a
cloze gap) and SentenceFull (with the word marked), and three cards per note:
Arabic → meaning, meaning → Arabic, and meaning → type the Arabic, which Anki
compares without vowel marks (``{{type:nc:Arabic}}``: بطيخ is right for بَطِّيخ).
The deck id, the note type id and each note's guid are derived from the lesson
and entry ids, so importing a newer export updates the notes instead of
duplicating them. (A deck imported before the typed card existed has a two-card
note type: Anki then updates it only with "Merge note types" ticked.)

CSV: UTF-8 with a byte-order mark, so that spreadsheet programs open the
Arabic correctly; a cell a spreadsheet would run as a formula (a gloss starting
with ``=``, ``+``, ``-``, ``@``) starts with an apostrophe.

Each file is written whole or not at all (:func:`~helpers.lesson.paths.write_atomically`):
after a full disk or an error the folder holds what it held before.
"""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.lesson.paths import write_atomically
from helpers.text.folding import find_form
from helpers.text.safe import spreadsheet_cell
from helpers.views.html import Markup, escape, stylesheet

TYPE_CHECKING = False
if TYPE_CHECKING:
    import genanki

__all__ = [
    "ANKI_FIELDS",
    "ANKI_TEMPLATES",
    "CSV_COLUMNS",
    "anki_ids",
    "cloze_sentence",
    "download_link",
    "export_anki",
    "export_csv",
]

#: The largest file a page offers as a download link (the file is carried in the page itself).
DOWNLOAD_LIMIT = 20_000_000
_MIME = {".apkg": "application/octet-stream", ".csv": "text/csv", ".json": "application/json",
         ".html": "text/html", ".txt": "text/plain"}  # fmt: skip

CSV_COLUMNS = [
    "id", "headword", "transliteration", "part_of_speech", "verb_form", "root", "gloss", "present", "plural",
    "verbal_noun", "tags", "sentence_id", "sentence_ar", "sentence_en",
]  # fmt: skip


ANKI_FIELDS = ["Arabic", "Gloss", "Root", "Transliteration", "Sentence", "SentenceFull", "EntryId"]

_AR = '<div class="ar" dir="rtl" lang="ar">{{Arabic}}</div>'
_GLOSS = '<div class="gloss" dir="ltr" lang="en">{{Gloss}}</div>'
_GAP = '<div class="sentence" dir="rtl" lang="ar">{{Sentence}}</div>'
_BACK_EXTRA = (
    # Root holds the Arabic root or, for a word without one, an English note ("proper name"): it takes the
    # direction of its text.
    '<hr id="answer"><div class="small"><span dir="ltr" lang="en">{{Transliteration}} · root</span> '
    '<span dir="auto">{{Root}}</span></div>'
    '<div class="sentence" dir="rtl" lang="ar">{{SentenceFull}}</div>'
)
# The typed card compares without vowel marks ("nc": no combining characters), so that a learner who types
# بطيخ for بَطِّيخ, as Arabic is usually written, is right.
_TYPED = '<div class="typed" dir="rtl" lang="ar">{{type:nc:Arabic}}</div>'

#: (name, question, answer) of each card of a note; a new card goes at the end (Anki numbers cards by position).
ANKI_TEMPLATES = [
    ("Arabic → meaning", _AR + _GAP, _AR + _GLOSS + _BACK_EXTRA),
    ("Meaning → Arabic", _GLOSS + _GAP, _GLOSS + _AR + _BACK_EXTRA),
    ("Meaning → type the Arabic", _GLOSS + _GAP + _TYPED, _GLOSS + _GAP + _TYPED + _BACK_EXTRA),
]


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
    model = genanki.Model(
        model_id,
        f"Khabar · {lesson.id}",
        fields=[{"name": f} for f in ANKI_FIELDS],
        templates=[{"name": name, "qfmt": front, "afmt": back} for name, front, back in ANKI_TEMPLATES],
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
    return write_atomically(path, lambda partial: _write_package(genanki.Package(deck), partial))


def _write_package(package: genanki.Package, file: Path) -> None:
    """genanki's ``write_to_file``, without leaving its collection database behind in the temporary folder."""
    import errno
    import itertools
    import sqlite3
    import tempfile
    import time
    import zipfile

    fd, db_file = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        db = sqlite3.connect(db_file)
        try:
            timestamp = time.time()
            package.write_to_db(db.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            db.commit()
        finally:
            db.close()
        with zipfile.ZipFile(file, "w") as archive:
            archive.write(db_file, "collection.anki2")
            archive.writestr("media", "{}")
    except sqlite3.Error as exc:  # e.g. the temporary folder is full
        raise OSError(errno.EIO, f"the deck could not be built in {tempfile.gettempdir()} ({exc})") from None
    finally:
        os.unlink(db_file)


def export_csv(lesson: Lesson, path: str | Path) -> Path:
    """Write the glossary as CSV (UTF-8 with BOM); returns the path written."""

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
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

    return write_atomically(path, write)


def download_link(path: str | Path, label: str | None = None) -> Markup:
    """A link that downloads the file at ``path`` from the page itself: in Voilà, where there is no file browser,
    and on a phone. The file travels inside the link (a ``data:`` address), so it needs no server and works in a
    saved page; a file over :data:`DOWNLOAD_LIMIT` is not offered (the file browser has it).

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "results <amina>.json"
    >>> _ = file.write_text("{}", encoding="utf-8")
    >>> link = str(download_link(file))
    >>> link.startswith('<a class="khabar-download" download="results &lt;amina&gt;.json" href="data:application/json')
    True
    >>> link.endswith('base64,e30=">Download results &lt;amina&gt;.json (1 KB)</a>')
    True
    """
    import base64

    file = Path(path)
    data = file.read_bytes()
    if len(data) > DOWNLOAD_LIMIT:
        return Markup('<span class="khabar-download">{} is too large to download from the page: open it from the '
                      "file browser.</span>").format(file.name)  # fmt: skip
    mime = _MIME.get(file.suffix.lower(), "application/octet-stream")
    size = max(1, round(len(data) / 1000))
    return Markup('<a class="khabar-download" download="{}" href="data:{};base64,{}">{}</a>').format(
        file.name, mime, base64.b64encode(data).decode("ascii"), label or f"Download {file.name} ({size} KB)"
    )
