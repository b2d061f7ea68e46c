"""The lesson as immutable data: what :func:`helpers.load_lesson` returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

    from helpers.lesson.quiz import QuizItem

__all__ = [
    "Bilingual",
    "GlossaryEntry",
    "Lesson",
    "LessonInfo",
    "Licence",
    "Note",
    "Paragraph",
    "Sentence",
    "Source",
    "TimelineEvent",
]


@dataclass(frozen=True)
class Bilingual:
    """A text given in Arabic and English (a quiz prompt may have only one of them)."""

    ar: str | None
    en: str | None


@dataclass(frozen=True)
class Source:
    """Where the article comes from."""

    description: str
    outlet: str | None = None
    url: str | None = None
    language: str = "ar"


@dataclass(frozen=True)
class Licence:
    """Terms for the article text and for the materials written around it."""

    article: str
    materials: str


@dataclass(frozen=True)
class LessonInfo:
    """The lesson's metadata (``lesson.yaml``)."""

    id: str
    title: Bilingual
    date: dt.date
    date_inferred: str
    level: str
    place: Bilingual
    source: Source
    licence: Licence
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article, with its vocalization and translation."""

    id: str
    paragraph_id: str
    ar: str
    ar_vocalized: str
    en: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the article: its sentences in order."""

    id: str
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The paragraph as printed: its sentences joined by single spaces."""
        return " ".join(s.ar for s in self.sentences)


@dataclass(frozen=True)
class Note:
    """A teacher's note on the text, pointing at the sentences it explains."""

    id: str
    kind: str
    sentence_ids: tuple[str, ...]
    focus: str
    title: str
    text: str
    usual: str | None = None


#: Parts of speech cited in pause (no case ending on the last word) in transliteration.
PAUSAL_POS = frozenset({"noun", "verbal-noun", "participle", "adjective", "proper-noun", "phrase", "number"})


@dataclass(frozen=True)
class GlossaryEntry:
    """One word or expression of the article, as a learner's dictionary gives it."""

    id: str
    forms: tuple[str, ...]
    headword: str
    pos: str
    gloss: str
    sentence_ids: tuple[str, ...]
    translit: str = ""
    root: str | None = None
    root_note: str | None = None
    verb_form: str | None = None
    present: str | None = None
    verbal_noun: str | None = None
    verb: str | None = None
    plural: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None

    @property
    def is_phrase(self) -> bool:
        """True for a multi-word expression (shown as one unit in the text)."""
        return any(" " in form for form in self.forms)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "forms": list(self.forms),
            "headword": self.headword,
            "pos": self.pos,
            "gloss": self.gloss,
            "sentences": list(self.sentence_ids),
            "translit": self.translit,
            "root": self.root,
            "root_note": self.root_note,
            "verb_form": self.verb_form,
            "present": self.present,
            "verbal_noun": self.verbal_noun,
            "verb": self.verb,
            "plural": self.plural,
            "tags": list(self.tags),
            "note": self.note,
        }


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event, with its precision, source and how sure we are of it."""

    id: str
    start: dt.date
    end: dt.date
    precision: str  # day | month | year | range
    label: Bilingual
    category: str
    in_article: bool
    source: str
    confidence: str  # high | medium | low
    date_text: str
    approximate: bool = False
    sentence_ids: tuple[str, ...] = ()
    expression: str | None = None
    verify: str | None = None

    @property
    def middle(self) -> dt.date:
        """The point used to place the event on a chart."""
        return self.start + (self.end - self.start) / 2

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date_text,
            "precision": self.precision,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "approximate": self.approximate,
            "label": {"ar": self.label.ar, "en": self.label.en},
            "category": self.category,
            "in_article": self.in_article,
            "sentences": list(self.sentence_ids),
            "expression": self.expression,
            "source": self.source,
            "confidence": self.confidence,
            "verify": self.verify,
        }


@dataclass(frozen=True)
class Lesson:
    """A whole lesson: metadata, the verbatim article, its sentences and notes."""

    info: LessonInfo
    folder: Path
    article: str
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    quiz: tuple[QuizItem, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    _by_id: Mapping[str, Sentence] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {s.id: s for p in self.paragraphs for s in p.sentences}
        object.__setattr__(self, "_by_id", MappingProxyType(index))

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence in reading order."""
        return tuple(self._by_id.values())

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this id; ``KeyError`` names the id if there is none."""
        try:
            return self._by_id[sentence_id]
        except KeyError:
            raise KeyError(f"lesson {self.id!r} has no sentence {sentence_id!r}") from None

    def entry(self, entry_id: str) -> GlossaryEntry:
        """The glossary entry with this id; ``KeyError`` names the id if there is none."""
        for e in self.glossary:
            if e.id == entry_id:
                return e
        raise KeyError(f"lesson {self.id!r} has no glossary entry {entry_id!r}")

    def item(self, item_id: str) -> QuizItem:
        """The quiz item with this id; ``KeyError`` names the id if there is none."""
        for q in self.quiz:
            if q.id == item_id:
                return q
        raise KeyError(f"lesson {self.id!r} has no quiz item {item_id!r}")

    def events_for(self, sentence_id: str) -> tuple[TimelineEvent, ...]:
        """The timeline events a sentence states or implies."""
        return tuple(e for e in self.timeline if sentence_id in e.sentence_ids)

    def glossary_for(self, sentence_id: str) -> tuple[GlossaryEntry, ...]:
        """The glossary entries that occur in one sentence."""
        return tuple(e for e in self.glossary if sentence_id in e.sentence_ids)

    def notes_for(self, sentence_id: str) -> tuple[Note, ...]:
        """The teacher notes that point at one sentence."""
        return tuple(n for n in self.notes if sentence_id in n.sentence_ids)

    def to_dict(self) -> dict[str, Any]:
        """The whole lesson in the documented ``khabar dump`` shape."""
        info = self.info
        return {
            "lesson": {
                "id": info.id,
                "title": {"ar": info.title.ar, "en": info.title.en},
                "date": info.date.isoformat(),
                "date_inferred": info.date_inferred,
                "level": info.level,
                "place": {"ar": info.place.ar, "en": info.place.en},
                "topics": list(info.topics),
                "source": {
                    "description": info.source.description,
                    "outlet": info.source.outlet,
                    "url": info.source.url,
                    "language": info.source.language,
                },
                "licence": {"article": info.licence.article, "materials": info.licence.materials},
                "paragraphs": [[s.id for s in p.sentences] for p in self.paragraphs],
            },
            "sentences": [
                {
                    "id": s.id,
                    "paragraph": s.paragraph_id,
                    "ar": s.ar,
                    "ar_vocalized": s.ar_vocalized,
                    "en": s.en,
                }
                for s in self.sentences
            ],
            "glossary": [e.to_dict() for e in self.glossary],
            "quiz": [q.to_dict() for q in self.quiz],
            "timeline": [e.to_dict() for e in self.timeline],
            "notes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "sentences": list(n.sentence_ids),
                    "focus": n.focus,
                    "title": n.title,
                    "text": n.text,
                    "usual": n.usual,
                }
                for n in self.notes
            ],
        }
