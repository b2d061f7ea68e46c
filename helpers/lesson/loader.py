"""Find and load lessons: YAML → schema → content checks → immutable dataclasses.

A lesson loads whole or not at all: every problem found in any file is
collected, and :class:`~helpers.lesson.problems.LessonError` lists them all.
A file that cannot be read or parsed hides nothing else: the other files are
still checked against their schemas, and their content is checked as far as
what they refer to could be read (every file refers to ``sentences.yaml``).

A lesson that passed every check is not checked again while its files, its article, the schemas and the
checking code are the same (the verdict is kept in the cache folder beside the parsed files); any change to
any of them checks everything again, and a lesson with a problem is checked on every load.

The mapping from a file's entries to the dataclasses is the dataclasses' own
(:class:`~helpers.lesson.model.Record`); the loader only adds what is not
written in the files: each sentence's paragraph, each glossary entry's
transliteration, the first and last day of each timeline event.
"""

from __future__ import annotations

import datetime as dt
import os
import zlib
from functools import cache, lru_cache
from pathlib import Path

from helpers.lesson import checks
from helpers.lesson.field_checks import MAX_FIELD_CHARS
from helpers.lesson.model import (
    PAUSAL_POS,
    Bilingual,
    Features,
    GlossaryEntry,
    Lesson,
    LessonInfo,
    Licence,
    Note,
    Paragraph,
    Segment,
    Sentence,
    Source,
    TimelineEvent,
    TimelineThread,
    Word,
)
from helpers.lesson.problems import LessonError, Problem
from helpers.lesson.quiz import QuizItem
from helpers.lesson.schema import SCHEMA_DIR, validate
from helpers.lesson.yamlio import UnreadableFile, cached, decode_text, keep, read_bytes, read_yaml
from helpers.text.datespan import written_span
from helpers.text.translit import transliterate

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "DEFAULT_LESSON",
    "LESSON_ENV",
    "MATERIALS_ENV",
    "chosen_lesson",
    "lesson_folder",
    "lesson_title",
    "list_lessons",
    "load_lesson",
    "materials_root",
    "materials_roots",
]

MATERIALS_ENV = "KHABAR_MATERIALS"
LESSON_ENV = "KHABAR_LESSON"
DEFAULT_LESSON = "kazakhstan-visa-2026"
DEFAULT_ARTICLE = "article.ar.txt"

#: The files of a lesson: schema kind, file name, whether a lesson may do without it.
FILES = (
    ("lesson", "lesson.yaml", False),
    ("sentences", "sentences.yaml", False),
    ("notes", "notes.yaml", True),
    ("glossary", "glossary.yaml", True),
    ("quiz", "quiz.yaml", True),
    ("timeline", "timeline.yaml", True),
    ("words", "words.yaml", True),
)


def materials_roots() -> list[Path]:
    """Every folder of lesson folders, in the order a lesson id is looked up.

    First each folder named in ``$KHABAR_MATERIALS`` (several are separated by ``os.pathsep``: ``:`` on Linux and
    macOS, ``;`` on Windows), in the order given; then the kit's own ``materials/`` (of the checkout, or the copy
    installed with the package). A folder of ``$KHABAR_MATERIALS`` adds lessons: it hides none of the kit's own,
    except one with the same id, which the folder listed first provides.
    """
    roots: list[Path] = []
    for part in os.environ.get(MATERIALS_ENV, "").split(os.pathsep):
        if part.strip():
            roots.append(Path(part.strip()).expanduser().resolve())
    roots.append(_own_materials())
    return list(dict.fromkeys(roots))  # each once, in order


def _own_materials() -> Path:
    """The kit's own lessons: the checkout's ``materials/``, or the copy installed with the package."""
    checkout = Path(__file__).resolve().parents[2] / "materials"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parents[1] / "_materials"  # installed from a wheel


def materials_root() -> Path:
    """The first folder a lesson id is looked up in: the first of ``$KHABAR_MATERIALS``, else the kit's own
    ``materials/``. :func:`materials_roots` gives them all."""
    return materials_roots()[0]


def list_lessons(root: Path | None = None) -> list[str]:
    """Ids of the lessons in ``root``, or in every folder of :func:`materials_roots`, sorted, each once."""
    roots = [root] if root is not None else materials_roots()
    return sorted({name for folder in roots for name in _lessons_in(folder)})


def _lessons_in(root: Path) -> list[str]:
    """The lesson folders in one folder: those holding a ``lesson.yaml``."""
    try:
        return [p.name for p in root.iterdir() if (p / "lesson.yaml").is_file()] if root.is_dir() else []
    except OSError:  # a folder that cannot be listed holds no lesson the kit can load
        return []


def chosen_lesson() -> str:
    """The lesson a notebook opens: ``$KHABAR_LESSON`` (a lesson id, or a lesson folder's path), else the built-in.

    ``python3 kit.py lab --lesson ID`` sets it for every notebook of the JupyterLab it starts. A kernel reads it
    when it starts, from the server that started it: setting it inside a running notebook changes no other.
    """
    return os.environ.get(LESSON_ENV, "").strip() or DEFAULT_LESSON


def lesson_folder(lesson: str | os.PathLike[str] | None = None) -> Path:
    """Resolve a lesson id, or a path to a lesson folder, to its folder (``None``: :func:`chosen_lesson`).

    An id is looked up in the folders of :func:`materials_roots` in order: the first that holds a lesson of that
    name gives it.
    """
    chosen = lesson is None
    if lesson is None:
        lesson = chosen_lesson()
    candidate = Path(lesson)
    if candidate.is_dir():
        return candidate.resolve()
    folders = [root / str(lesson) for root in materials_roots()]
    found = next((f for f in folders if os.path.lexists(f / "lesson.yaml")), None)
    found = found or next((f for f in folders if f.is_dir()), None)  # then lesson.yaml's absence is the problem
    if found is not None:
        return found
    known = ", ".join(list_lessons()) or "none"
    how = f"chosen by {LESSON_ENV}; " if chosen and os.environ.get(LESSON_ENV, "").strip() else ""
    raise LessonError([Problem(str(lesson), None, None, f"no such lesson ({how}lessons available: {known})")])


def lesson_title(lesson: str | os.PathLike[str] | None = None) -> str:
    """A lesson's English title, reading ``lesson.yaml`` only; ``LessonError`` if that file has problems.

    >>> lesson_title("kazakhstan-visa-2026")
    'Israel and Kazakhstan sign a memorandum to waive visas'
    """
    path = lesson_folder(lesson) / "lesson.yaml"
    shown = _shown(path)
    raw, problems = read_yaml(path, shown)
    if not problems:
        raw, problems = validate("lesson", raw, shown)
    if problems:
        raise LessonError(problems)
    return raw["title"]["en"]


def load_lesson(lesson: str | os.PathLike[str] | None = None) -> Lesson:
    """Load a lesson by id (or folder path), enforcing its schemas and content checks.

    >>> lesson = load_lesson("kazakhstan-visa-2026")
    >>> lesson.info.date.isoformat(), len(lesson.paragraphs)
    ('2026-01-27', 17)
    """
    folder = lesson_folder(lesson)
    problems: list[Problem] = []
    data: dict[str, Any] = {}  # kind → the entries that passed the schema (None: nothing usable)
    whole: set[str] = set()  # kinds whose file passed its schema entirely
    sums: dict[str, str] = {}  # each file's checksum, as read
    read: list[tuple[str, str, Any, list[Problem]]] = []
    for kind, name, optional in FILES:
        path = folder / name
        if optional and not os.path.lexists(path):
            continue
        shown = _shown(path)
        raw, found = read_yaml(path, shown, sums)
        read.append((kind, shown, raw, found))
    verdict = _verdict(folder, sums, read)
    clean = verdict is not None and cached(*verdict) == "clean"
    for kind, shown, raw, found in read:
        if not found and clean:
            whole.add(kind)  # these very files passed every check with this very code: see _verdict
        elif not found:
            raw, found = validate(kind, raw, shown, keep_valid=True)
            whole.update([kind] if not found else [])
        problems.extend(found)
        data[kind] = raw

    info, article = None, None
    if "lesson" in whole:
        info, found = _info(data["lesson"], _shown(folder / "lesson.yaml"))
        problems.extend(found)
        article, found = _article(folder, data["lesson"])
        problems.extend(found)
    events: list[TimelineEvent] = []
    if data.get("timeline"):
        events, found = _events(data["timeline"]["events"], _shown(folder / "timeline.yaml"))
        problems.extend(found)

    if "sentences" in whole:
        checked = {kind for kind in ("notes", "glossary", "quiz", "timeline", "words") if data.get(kind)}
        checked |= {"sentences"} | ({"lesson"} if info else set()) | ({"article"} if article is not None else set())
    else:  # without the sentences nothing else can be checked against the text
        checked = ({"lesson"} if info else set()) | ({"article"} if article is not None else set())
    words = _words(data.get("words")) if "sentences" in whole else {}
    glossary_entries = (data.get("glossary") or {}).get("entries", [])
    translits = _transliterations(glossary_entries, folder)
    lesson_obj = Lesson(
        info=info or _placeholder(folder),
        folder=folder,
        article=article or "",
        paragraphs=tuple(_paragraph(p, words) for p in data["sentences"]["paragraphs"]) if "sentences" in whole else (),
        notes=tuple(Note.from_dict(n) for n in (data.get("notes") or {}).get("notes", [])),
        glossary=tuple(_entry(e, translits) for e in glossary_entries),
        quiz=tuple(QuizItem.from_dict(q) for q in (data.get("quiz") or {}).get("items", [])),
        timeline=tuple(events),
        threads=tuple(
            TimelineThread(t["id"], Bilingual(ar=t["label"]["ar"], en=t["label"]["en"]), tuple(t["events"]))
            for t in (data.get("timeline") or {}).get("threads", ())
        ),
    )
    if checked and not clean:
        data["_whole"] = whole  # the checks leave alone what only a file's entries set aside would cause
        problems.extend(checks.check_lesson(lesson_obj, shown=_shown, files=checked, raw=data))
    if problems:
        raise LessonError(problems)
    if verdict is not None and not clean:
        keep(*verdict, "clean")
    return lesson_obj


def _verdict(
    folder: Path, sums: dict[str, str], read: list[tuple[str, str, Any, list[Problem]]]
) -> tuple[str, str] | None:
    """Where the verdict on a lesson is kept, and for what: the checksums of its files as read, the article's
    size and time, and the version of the code and schemas that check them (``None``: nothing to keep).

    Checking a lesson (schemas, then every content check, the word layer's being the largest) is most of a load;
    for the same bytes and the same code the result cannot differ, so a clean result is kept, like a parsed
    file. Any change to any file of the lesson, to its article, to a schema or to the kit's checking code checks
    everything again; a lesson with a problem is checked on every load.
    """
    if any(found for _, _, _, found in read):
        return None
    meta = next((raw for kind, _, raw, _ in read if kind == "lesson"), None)
    name = meta.get("article", DEFAULT_ARTICLE) if isinstance(meta, dict) else None
    if not isinstance(name, str):
        return None
    try:
        article = (folder / name).stat()
    except (OSError, ValueError):
        return None
    files = "-".join(f"{file}:{sums[file]}" for file in sorted(sums))
    checksum = f"{_checks_version()}-{article.st_size}-{article.st_mtime_ns}-{zlib.crc32(files.encode('utf-8')):08x}"
    return f"verdict-{zlib.crc32(str(folder).encode('utf-8')):08x}", checksum


@cache
def _checks_version() -> str:
    """The version of the code and schemas that load and check a lesson: each file's size and modification time."""
    package = Path(__file__).resolve().parents[1]
    sources = [*sorted((package / "lesson").rglob("*.py")), *sorted((package / "text").glob("*.py"))]
    sources += sorted(SCHEMA_DIR.glob("*.schema.json"))
    stamp = ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)
    return f"{zlib.crc32(stamp.encode('utf-8')):08x}"


def _shown(path: Path) -> str:
    """A path as a teacher would type it: relative to the working folder if inside it."""
    try:
        return _relative(str(path), os.getcwd())
    except (ValueError, OSError):
        return str(path)


@lru_cache(maxsize=256)
def _relative(path: str, cwd: str) -> str:
    return str(Path(path).resolve().relative_to(Path(cwd).resolve()))


def _info(meta: dict[str, Any], shown: str) -> tuple[LessonInfo | None, list[Problem]]:
    """The metadata, or a problem if its date is not a real day."""
    try:
        return LessonInfo.from_dict({k: v for k, v in meta.items() if k != "article"}), []
    except ValueError:
        return None, [Problem(shown, meta["id"], "date", f"{meta['date']!r} is not a real date")]


def _placeholder(folder: Path) -> LessonInfo:
    """Stands in for metadata that could not be read, so that the other files can still be checked."""
    none = Bilingual(None, None)
    return LessonInfo(
        id=folder.name, title=none, date=dt.date.min, date_inferred="", level="", place=none,
        source=Source(""), licence=Licence("", ""),
    )  # fmt: skip


def _article(folder: Path, meta: dict[str, Any]) -> tuple[str | None, list[Problem]]:
    """The article's text; problems say what is wrong with its file (a folder, a device, not UTF-8, ...)."""
    name = meta.get("article", DEFAULT_ARTICLE)
    path = folder / name
    try:
        raw = read_bytes(path)
    except UnreadableFile as exc:
        if "article" in meta:  # the name comes from lesson.yaml: point at that field
            where = _shown(folder / "lesson.yaml")
            return None, [Problem(where, meta["id"], "article", f"{name!r} {str(exc).removeprefix('file ')}")]
        return None, [Problem(_shown(path), None, None, str(exc))]
    try:
        return decode_text(raw), []
    except UnreadableFile as exc:
        return None, [Problem(_shown(path), None, None, str(exc))]


def _paragraph(raw: dict[str, Any], words: dict[str, tuple[Word, ...]]) -> Paragraph:
    sentences = tuple(
        Sentence.from_dict(s, paragraph_id=raw["id"], words=words.get(s["id"], ())) for s in raw["sentences"]
    )
    return Paragraph.from_dict(raw, sentences=sentences)


def _words(raw: dict[str, Any] | None) -> dict[str, tuple[Word, ...]]:
    """Each sentence's word records from ``words.yaml`` (the first entry of a sentence listed twice)."""
    out: dict[str, tuple[Word, ...]] = {}
    for entry in (raw or {}).get("sentences", []):
        if entry["id"] not in out:
            out[entry["id"]] = tuple(_word(w) for w in entry["words"])
    return out


_NO_FEATURES = Features()


def _word(raw: dict[str, Any]) -> Word:
    """``Word.from_dict`` for the one record kind a lesson has hundreds of, without the general converter."""
    given = dict(raw)
    given["segments"] = tuple(Segment(s["text"], s["vocalized"], s["kind"]) for s in raw["segments"])
    features = raw.get("features")
    given["features"] = Features(**features) if features else _NO_FEATURES
    for name in ("ambiguous", "review"):
        if name in raw:
            given[name] = tuple(raw[name])
    if given.get("ending") is None:
        given.pop("ending", None)
    return Word(**given)


def _entry(raw: dict[str, Any], translits: dict[str, str]) -> GlossaryEntry:
    translit = raw.get("translit") or translits.get(_translit_key(raw), "")
    return GlossaryEntry.from_dict(raw, translit=translit)


def _translit_key(raw: dict[str, Any]) -> str:
    """``p:`` + the headword when it is cited in pause (no case ending), ``c:`` + the headword otherwise."""
    return ("p:" if raw["pos"] in PAUSAL_POS else "c:") + raw["headword"]


def _transliterations(entries: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    """The computed transliteration of every headword that the glossary does not transliterate itself.

    Computing them is a fifth of a lesson's load, so they are kept in the cache folder, one small file per lesson
    folder holding just that glossary's headwords, valid while the headwords and the transliterator's code are the
    same; the glossary is still read and checked on every load.
    """
    # A headword over the field limit is refused by the checks; it is not worth transliterating first.
    wanted = sorted(
        {_translit_key(raw) for raw in entries if not raw.get("translit") and len(raw["headword"]) <= MAX_FIELD_CHARS}
    )
    if not wanted:
        return {}
    name = f"transliterations-{zlib.crc32(str(folder).encode('utf-8')):08x}"
    checksum = f"{_translit_version()}-{zlib.crc32(chr(31).join(wanted).encode('utf-8')):08x}-{len(wanted)}"
    known = cached(name, checksum)
    if isinstance(known, dict) and known.keys() == set(wanted):
        return known
    known = {key: transliterate(key[2:], pausal=key.startswith("p:")) for key in wanted}
    keep(name, checksum, known)
    return known


@cache
def _translit_version() -> str:
    """A checksum of the code a transliteration depends on: a change to it recomputes them all."""
    import helpers.text.arabic as arabic
    import helpers.text.chars as chars
    import helpers.text.translit as translit

    crc = 0
    for module in (translit, arabic, chars):
        crc = zlib.crc32(Path(module.__file__).read_bytes(), crc)
    return f"{crc:08x}"


def _events(raw_events: list[dict[str, Any]], shown: str) -> tuple[list[TimelineEvent], list[Problem]]:
    """Timeline events with their dates turned into start and end days; bad dates are problems."""
    events, problems = [], []
    for raw in raw_events:
        text, precision = raw["date"], raw["precision"]
        try:
            start, end, _ = written_span(text, precision)
            if precision == "range":
                if "end" not in raw:
                    raise ValueError("a range needs an end date")
                end = written_span(raw["end"], "day")[0]
                if end <= start:
                    problems.append(Problem(shown, raw["id"], "end", f"{raw['end']} is not after {text}"))
                    continue
        except ValueError as exc:
            problems.append(Problem(shown, raw["id"], "date", str(exc)))
            continue
        if "end" in raw and precision != "range":
            problems.append(Problem(shown, raw["id"], "end", "only a range has an end date"))
            continue
        events.append(TimelineEvent.from_dict(raw, start=start, end=end))
    return events, problems
