"""Find and load lessons: YAML → schema → content checks → immutable dataclasses.

A lesson loads whole or not at all: every problem found in any file is
collected, and :class:`~helpers.lesson.problems.LessonError` lists them all.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from helpers.lesson import checks
from helpers.lesson.model import (
    PAUSAL_POS,
    Bilingual,
    GlossaryEntry,
    Lesson,
    LessonInfo,
    Licence,
    Note,
    Paragraph,
    Sentence,
    Source,
    TimelineEvent,
)
from helpers.lesson.problems import LessonError, Problem
from helpers.lesson.quiz import Option, QuizItem
from helpers.lesson.schema import validate
from helpers.lesson.yamlio import read_yaml
from helpers.text.translit import transliterate

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__all__ = ["DEFAULT_LESSON", "MATERIALS_ENV", "lesson_folder", "list_lessons", "load_lesson", "materials_root"]

MATERIALS_ENV = "KHABAR_MATERIALS"
DEFAULT_LESSON = "kazakhstan-visa-2026"


def materials_root() -> Path:
    """Where the lesson folders are: ``$KHABAR_MATERIALS``, the checkout's ``materials/``, or the installed copy."""
    override = os.environ.get(MATERIALS_ENV)
    if override:
        return Path(override).expanduser().resolve()
    checkout = Path(__file__).resolve().parents[2] / "materials"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parents[1] / "_materials"  # installed from a wheel


def list_lessons(root: Path | None = None) -> list[str]:
    """Ids of the lessons under the materials folder, sorted."""
    root = root or materials_root()
    return sorted(p.name for p in root.iterdir() if (p / "lesson.yaml").is_file()) if root.is_dir() else []


def lesson_folder(lesson: str | os.PathLike[str] | None = None) -> Path:
    """Resolve a lesson id, or a path to a lesson folder, to its folder."""
    if lesson is None:
        lesson = DEFAULT_LESSON
    candidate = Path(lesson)
    if candidate.is_dir():
        return candidate.resolve()
    folder = materials_root() / str(lesson)
    if folder.is_dir():
        return folder
    known = ", ".join(list_lessons()) or "none"
    raise LessonError([Problem(str(lesson), None, None, f"no such lesson (lessons available: {known})")])


def load_lesson(lesson: str | os.PathLike[str] | None = None) -> Lesson:
    """Load a lesson by id (or folder path), enforcing its schemas and content checks.

    >>> lesson = load_lesson("kazakhstan-visa-2026")
    >>> lesson.info.date.isoformat(), len(lesson.paragraphs)
    ('2026-01-27', 17)
    """
    folder = lesson_folder(lesson)
    problems: list[Problem] = []

    def load(kind: str, name: str, optional: bool = False) -> Any:
        path = folder / name
        if optional and not path.exists():
            return None
        shown = _shown(path)
        raw, found = read_yaml(path, shown)
        if not found:
            raw, found = validate(kind, raw, shown)
        problems.extend(found)
        return raw

    meta = load("lesson", "lesson.yaml")
    sentences = load("sentences", "sentences.yaml")
    notes = load("notes", "notes.yaml", optional=True)
    glossary = load("glossary", "glossary.yaml", optional=True)
    quiz = load("quiz", "quiz.yaml", optional=True)
    timeline = load("timeline", "timeline.yaml", optional=True)
    if problems or meta is None or sentences is None:
        raise LessonError(problems)

    try:
        dt.date.fromisoformat(meta["date"])
    except ValueError:
        problems.append(
            Problem(_shown(folder / "lesson.yaml"), meta["id"], "date", f"{meta['date']!r} is not a real date")
        )
        raise LessonError(problems) from None

    events, date_problems = _events((timeline or {}).get("events", []), _shown(folder / "timeline.yaml"))
    problems.extend(date_problems)
    if problems:
        raise LessonError(problems)

    article_path = folder / meta.get("article", "article.ar.txt")
    try:
        article = article_path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise LessonError([Problem(_shown(article_path), None, None, f"cannot read the article ({exc})")]) from None

    lesson_obj = Lesson(
        info=_info(meta),
        folder=folder,
        article=article,
        paragraphs=tuple(_paragraph(p) for p in sentences["paragraphs"]),
        notes=tuple(_note(n) for n in (notes or {}).get("notes", [])),
        glossary=tuple(_entry(e) for e in (glossary or {}).get("entries", [])),
        quiz=tuple(_item(q) for q in (quiz or {}).get("items", [])),
        timeline=tuple(events),
    )
    problems.extend(checks.check_lesson(lesson_obj, shown=_shown))
    if problems:
        raise LessonError(problems)
    return lesson_obj


def _shown(path: Path) -> str:
    """A path as a teacher would type it: relative to the working folder if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _info(meta: dict[str, Any]) -> LessonInfo:
    source = meta["source"]
    date = dt.date.fromisoformat(meta["date"])
    return LessonInfo(
        id=meta["id"],
        title=Bilingual(**meta["title"]),
        date=date,
        date_inferred=meta["date_inferred"],
        level=meta["level"],
        place=Bilingual(**meta["place"]),
        source=Source(
            description=source["description"],
            outlet=source.get("outlet"),
            url=source.get("url"),
            language=source.get("language", "ar"),
        ),
        licence=Licence(**meta["licence"]),
        topics=tuple(meta.get("topics", ())),
    )


def _paragraph(raw: dict[str, Any]) -> Paragraph:
    return Paragraph(
        id=raw["id"],
        sentences=tuple(
            Sentence(id=s["id"], paragraph_id=raw["id"], ar=s["ar"], ar_vocalized=s["ar_vocalized"], en=s["en"])
            for s in raw["sentences"]
        ),
    )


def _note(raw: dict[str, Any]) -> Note:
    return Note(
        id=raw["id"],
        kind=raw["kind"],
        sentence_ids=tuple(raw["sentences"]),
        focus=raw["focus"],
        title=raw["title"],
        text=raw["text"],
        usual=raw.get("usual"),
    )


def _entry(raw: dict[str, Any]) -> GlossaryEntry:
    return GlossaryEntry(
        id=raw["id"],
        forms=tuple(raw["forms"]),
        headword=raw["headword"],
        pos=raw["pos"],
        gloss=raw["gloss"],
        sentence_ids=tuple(raw["sentences"]),
        translit=raw.get("translit") or transliterate(raw["headword"], pausal=raw["pos"] in PAUSAL_POS),
        root=raw.get("root"),
        root_note=raw.get("root_note"),
        verb_form=raw.get("verb_form"),
        present=raw.get("present"),
        verbal_noun=raw.get("verbal_noun"),
        verb=raw.get("verb"),
        plural=raw.get("plural"),
        tags=tuple(raw.get("tags", ())),
        note=raw.get("note"),
    )


def _item(raw: dict[str, Any]) -> QuizItem:
    key = raw.get("key")
    if isinstance(key, list):
        key = tuple(key)
    statement = raw.get("statement")
    feedback = raw.get("feedback") or {}
    return QuizItem(
        id=raw["id"],
        type=raw["type"],
        skill=raw["skill"],
        difficulty=raw["difficulty"],
        points=raw["points"],
        prompt=Bilingual(raw["prompt"].get("ar"), raw["prompt"].get("en")),
        explanation=raw["explanation"],
        evidence=tuple(raw["evidence"]),
        options=tuple(Option(o["id"], o["text"], o["feedback"]) for o in raw.get("options", ())),
        key=key,
        statement=Bilingual(statement.get("ar"), statement.get("en")) if statement else None,
        if_true=feedback.get("if_true"),
        if_false=feedback.get("if_false"),
        sentence=raw.get("sentence"),
        gap=raw.get("gap"),
        bank=tuple(raw.get("bank", ())),
        pairs=tuple((p["left"], p["right"]) for p in raw.get("pairs", ())),
        steps=tuple((st["id"], st["text"]) for st in raw.get("steps", ())),
        strictness=raw.get("strictness", "normal"),
        hint=raw.get("hint"),
    )


def _events(raw_events: list[dict[str, Any]], shown: str) -> tuple[list[TimelineEvent], list[Problem]]:
    """Timeline events with their dates turned into start and end days; bad dates are problems."""
    import calendar

    events, problems = [], []
    for raw in raw_events:
        text, precision = raw["date"], raw["precision"]
        parts = text.split("-")
        try:
            if precision == "day" or precision == "range":
                if len(parts) != 3:
                    raise ValueError(f"a {precision} needs a full date YYYY-MM-DD, not {text!r}")
                start = dt.date.fromisoformat(text)
                end = start
                if precision == "range":
                    if "end" not in raw:
                        raise ValueError("a range needs an end date")
                    end = dt.date.fromisoformat(raw["end"])
                    if end <= start:
                        problems.append(Problem(shown, raw["id"], "end", f"{raw['end']} is not after {text}"))
                        continue
            elif precision == "month":
                if len(parts) != 2:
                    raise ValueError(f"a month is written YYYY-MM, not {text!r}")
                year, month = int(parts[0]), int(parts[1])
                start = dt.date(year, month, 1)
                end = dt.date(year, month, calendar.monthrange(year, month)[1])
            else:
                if len(parts) != 1:
                    raise ValueError(f"a year is written YYYY, not {text!r}")
                start, end = dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        except ValueError as exc:
            problems.append(Problem(shown, raw["id"], "date", str(exc)))
            continue
        if "end" in raw and precision != "range":
            problems.append(Problem(shown, raw["id"], "end", "only a range has an end date"))
            continue
        events.append(
            TimelineEvent(
                id=raw["id"],
                start=start,
                end=end,
                precision=precision,
                label=Bilingual(raw["label"]["ar"], raw["label"]["en"]),
                category=raw["category"],
                in_article=raw["in_article"],
                source=raw["source"],
                confidence=raw["confidence"],
                date_text=text,
                approximate=raw.get("approximate", False),
                sentence_ids=tuple(raw.get("sentences", ())),
                expression=raw.get("expression"),
                verify=raw.get("verify"),
            )
        )
    return events, problems
