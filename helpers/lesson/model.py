"""The lesson as immutable data: what :func:`helpers.load_lesson` returns.

The dataclasses below are the one statement of a lesson's shape on the Python
side. Each field is the key of the same name in the lesson files and in
``khabar dump``, except where the field declares another name with
:func:`key` (``sentence_ids`` is written ``sentences``). :class:`Record`
turns a file's mapping into a dataclass and back from those declarations:
nested records, lists as tuples, ``YYYY-MM-DD`` text as dates.

>>> note = Note.from_dict({"id": "n-x", "kind": "style", "sentences": ["p01-s1"], "focus": "نحن",
...                        "title": "A title", "text": "Some text"})
>>> note.sentence_ids
('p01-s1',)
>>> note.to_dict()["sentences"], note.to_dict()["usual"]
(['p01-s1'], None)
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from types import GenericAlias, MappingProxyType, UnionType

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

    from helpers.lesson.quiz import QuizItem

__all__ = [
    "SEGMENT_KINDS",
    "STATUSES",
    "WORD_POS",
    "Bilingual",
    "Features",
    "GlossaryEntry",
    "Lesson",
    "LessonInfo",
    "Licence",
    "Note",
    "Paragraph",
    "Record",
    "Reviewed",
    "Segment",
    "Sentence",
    "Source",
    "TimelineEvent",
    "Word",
    "file_keys",
    "key",
]


def key(name: str, **options: Any) -> Any:
    """A dataclass field written ``name`` in the lesson files and in ``khabar dump`` (the alias table).

    ``options`` are those of :func:`dataclasses.field` (``default=``, ...).
    """
    return field(metadata={"key": name}, **options)


class Record:
    """Base of the lesson's dataclasses: to and from the plain mappings of the files, by field.

    >>> Bilingual.from_dict({"ar": "نص", "en": "text"})
    Bilingual(ar='نص', en='text')
    >>> Source.from_dict({"description": "A news agency's wire"}).language
    'ar'
    """

    __slots__ = ()

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], **given: Any) -> Any:
        """Build from a file's mapping (already schema-checked); ``given`` fills or overrides fields by name.

        A key of ``raw`` that is no field is an error: the schema and the model must agree.
        """
        values: dict[str, Any] = {}
        shape = _shape(cls)
        used = 0  # keys of raw that are fields
        for name, file_key, convert in shape:
            used += file_key in raw
            if name in given:
                values[name] = given[name]
            elif file_key in raw:
                value = raw[file_key]
                values[name] = value if convert is None or value is None else convert(value)
        if used < len(raw):
            unknown = [k for k in raw if k not in {file_key for _, file_key, _ in shape}]
            if unknown:
                raise TypeError(f"{cls.__name__} has no field for {', '.join(map(repr, unknown))}")
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """Every field under its file key, in field order: tuples as lists, dates as ``YYYY-MM-DD``."""
        return {file_key: _to_file(getattr(self, name)) for name, file_key, _ in _shape(type(self))}


def file_keys(cls: type) -> tuple[str, ...]:
    """The keys a record is written with, in order.

    >>> file_keys(Note)
    ('id', 'kind', 'sentences', 'focus', 'title', 'text', 'usual')
    """
    return tuple(file_key for _, file_key, _ in _shape(cls))


_SHAPES: dict[type, tuple[tuple[str, str, Any], ...]] = {}


def _shape(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """(attribute, file key, converter from the file's value or ``None``) of each field, worked out once per class."""
    shape = _SHAPES.get(cls)
    if shape is None:
        namespace = vars(sys.modules[cls.__module__])
        shape = tuple(
            (
                f.name,
                f.metadata.get("key", f.name),
                _converter(eval(f.type, namespace) if isinstance(f.type, str) else f.type),
            )
            for f in fields(cls)
            if f.init
        )
        _SHAPES[cls] = shape
    return shape


def _converter(kind: Any) -> Any:
    """A function turning a file's (non-null) value into the field's type, or ``None`` when it is kept as it is."""
    if isinstance(kind, UnionType):
        options = [k for k in kind.__args__ if k is not type(None)]
        if len(options) == 1:
            return _converter(options[0])
        lists = [_converter(k) for k in options if isinstance(k, GenericAlias) and k.__origin__ is tuple]
        if lists and lists[0] is not None:
            convert_list = lists[0]
            return lambda value: convert_list(value) if isinstance(value, list) else value
        return None
    if isinstance(kind, GenericAlias) and kind.__origin__ is tuple:
        args = kind.__args__
        inner = [_converter(k) for k in (args[:1] if len(args) == 2 and args[1] is Ellipsis else args)]
        if len(args) == 2 and args[1] is Ellipsis:
            each = inner[0]
            return tuple if each is None else lambda value: tuple(each(v) for v in value)
        return lambda value: tuple(v if c is None else c(v) for c, v in zip(inner, value, strict=True))
    if isinstance(kind, type) and issubclass(kind, Record):
        return kind.from_dict
    if kind is dt.date:
        return lambda value: dt.date.fromisoformat(value) if isinstance(value, str) else value
    return None


def _to_file(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_file(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_to_file(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class Bilingual(Record):
    """A text given in Arabic and English (a quiz prompt may have only one of them)."""

    ar: str | None
    en: str | None


@dataclass(frozen=True)
class Source(Record):
    """Where the article comes from."""

    description: str
    outlet: str | None = None
    url: str | None = None
    language: str = "ar"


@dataclass(frozen=True)
class Licence(Record):
    """Terms for the article text and for the materials written around it."""

    article: str
    materials: str


@dataclass(frozen=True, kw_only=True)
class LessonInfo(Record):
    """The lesson's metadata (``lesson.yaml``, without the article's file name)."""

    id: str
    title: Bilingual
    date: dt.date
    date_inferred: str
    level: str
    place: Bilingual
    topics: tuple[str, ...] = ()
    source: Source
    licence: Licence


#: The kinds of a word's segments: the proclitics, the stem, the enclitic pronoun.
SEGMENT_KINDS = ("conjunction", "preposition", "particle", "future", "article", "stem", "pronoun")
#: The parts of speech of the word layer (the glossary's, without ``phrase``).
WORD_POS = (
    "noun", "proper-noun", "adjective", "verbal-noun", "participle", "verb", "adverb", "pronoun",
    "demonstrative", "relative", "preposition", "conjunction", "particle", "numeral",
)  # fmt: skip


#: A record's ``status``: ``checked`` once a teacher has checked it, ``draft`` while it is a machine draft.
STATUSES = ("checked", "draft")


class Reviewed:
    """A record that may be a machine draft (``status``, and in ``review`` what a teacher should look at)."""

    __slots__ = ()
    status: str
    review: tuple[str, ...]

    @property
    def draft(self) -> bool:
        """True while no teacher has checked the record: learners see it marked "not yet checked"."""
        return self.status != "checked"


@dataclass(frozen=True)
class Segment(Record):
    """One piece of a word: a proclitic (و ف ب ل ك س ال), the stem, or an enclitic pronoun."""

    text: str
    vocalized: str
    kind: str


@dataclass(frozen=True)
class Features(Record):
    """A word's grammar in plain terms; a feature that does not apply is ``None``."""

    case: str | None = None  # nominative | accusative | genitive
    mood: str | None = None  # indicative | subjunctive | jussive
    state: str | None = None  # definite | indefinite | construct
    number: str | None = None  # singular | dual | plural
    gender: str | None = None  # masculine | feminine
    person: str | None = None  # 1 | 2 | 3
    aspect: str | None = None  # perfect | imperfect | imperative
    voice: str | None = None  # active | passive
    verb_form: str | None = None  # I ... X


@dataclass(frozen=True)
class Word(Reviewed, Record):
    """One word (or number) of a sentence, analysed: what ``words.yaml`` records for every token."""

    text: str
    vocalized: str
    segments: tuple[Segment, ...]
    lemma: str
    pos: str
    gloss: str
    present: str | None = None
    root: str | None = None
    root_note: str | None = None
    features: Features = Features()
    ending: str = ""
    why: str | None = None
    entry: str | None = None
    ambiguous: tuple[str, ...] = ()
    status: str = "checked"
    review: tuple[str, ...] = ()

    @property
    def stem(self) -> Segment:
        """The stem segment."""
        return next(s for s in self.segments if s.kind == "stem")


@dataclass(frozen=True)
class Sentence(Reviewed, Record):
    """One sentence of the article, with its vocalization and translation (and, in ``words.yaml``, its words)."""

    id: str
    paragraph_id: str = key("paragraph")  # not in sentences.yaml: the loader gives the paragraph's id
    ar: str
    ar_vocalized: str
    en: str
    en_hint: str | None = None  # drafts: a word-by-word English hint while the translation is missing
    second_opinion: str | None = None  # drafts: a second vocalizer's reading, where the two disagree
    status: str = "checked"
    review: tuple[str, ...] = ()
    words: tuple[Word, ...] = ()  # from words.yaml; empty for a lesson without one


@dataclass(frozen=True)
class Paragraph(Record):
    """One paragraph of the article: its sentences in order."""

    id: str
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The paragraph as printed: its sentences joined by single spaces."""
        return " ".join(s.ar for s in self.sentences)


@dataclass(frozen=True)
class Note(Record):
    """A teacher's note on the text, pointing at the sentences it explains."""

    id: str
    kind: str
    sentence_ids: tuple[str, ...] = key("sentences")
    focus: str
    title: str
    text: str
    usual: str | None = None


#: Parts of speech cited in pause (no case ending on the last word) in transliteration.
PAUSAL_POS = frozenset({"noun", "verbal-noun", "participle", "adjective", "proper-noun", "phrase", "number"})


@dataclass(frozen=True)
class GlossaryEntry(Reviewed, Record):
    """One word or expression of the article, as a learner's dictionary gives it.

    ``translit`` is filled by the loader: the file's own, or one computed from the headword.
    """

    id: str
    forms: tuple[str, ...]
    headword: str
    pos: str
    gloss: str
    sentence_ids: tuple[str, ...] = key("sentences")
    translit: str = ""
    root: str | None = None
    root_note: str | None = None
    verb_form: str | None = None
    present: str | None = None
    verbal_noun: str | None = None
    verb: str | None = None
    plural: str | None = None
    #: The usual spelling, vocalized, when the text spells the word unusually (its سار for ساعر): flashcards teach it.
    usual_spelling: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    status: str = "checked"
    review: tuple[str, ...] = ()

    @property
    def is_phrase(self) -> bool:
        """True for a multi-word expression (shown as one unit in the text)."""
        return any(" " in form for form in self.forms)


@dataclass(frozen=True, kw_only=True)
class TimelineEvent(Reviewed, Record):
    """One dated event, with its precision, source and how sure we are of it.

    ``start`` and ``end`` are days worked out by the loader from ``date`` (as written) and the precision.
    """

    id: str
    date_text: str = key("date")
    precision: str  # day | month | year | range
    start: dt.date
    end: dt.date
    approximate: bool = False
    label: Bilingual
    category: str
    in_article: bool
    sentence_ids: tuple[str, ...] = key("sentences", default=())
    expression: str | None = None
    source: str
    confidence: str  # high | medium | low
    verify: str | None = None
    status: str = "checked"
    review: tuple[str, ...] = ()

    @property
    def middle(self) -> dt.date:
        """The point used to place the event on a chart."""
        return self.start + (self.end - self.start) / 2


@dataclass(frozen=True)
class TimelineThread:
    """A thread of the story (``timeline.yaml``'s ``threads``): a lane of the timeline chart and its events' ids."""

    id: str
    label: Bilingual
    event_ids: tuple[str, ...]


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
    threads: tuple[TimelineThread, ...] = ()
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

    def draft_counts(self) -> dict[str, tuple[int, int]]:
        """Per file, how many records are still drafts and how many there are (files without records left out)."""
        parts = {
            "sentences.yaml": self.sentences,
            "words.yaml": tuple(w for s in self.sentences for w in s.words),
            "glossary.yaml": self.glossary,
            "quiz.yaml": self.quiz,
            "timeline.yaml": self.timeline,
        }
        return {name: (sum(r.draft for r in records), len(records)) for name, records in parts.items() if records}

    def to_dict(self) -> dict[str, Any]:
        """The whole lesson in the documented ``khabar dump`` shape."""
        return {
            "lesson": {**self.info.to_dict(), "paragraphs": [[s.id for s in p.sentences] for p in self.paragraphs]},
            "sentences": [s.to_dict() for s in self.sentences],
            "glossary": [e.to_dict() for e in self.glossary],
            "quiz": [q.to_dict() for q in self.quiz],
            "timeline": [e.to_dict() for e in self.timeline],
            "notes": [n.to_dict() for n in self.notes],
        }
