"""Content checks: what a schema cannot say about a lesson.

Run by :func:`helpers.load_lesson` on every load and by ``khabar validate``. The one rule for text
(:func:`~helpers.lesson.field_checks.text_problems`) is applied to every text of every file.
Each check returns :class:`~helpers.lesson.problems.Problem` objects naming the file,
the entry id and the field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path

from helpers.lesson.field_checks import (
    MAX_ARTICLE_CHARS,
    _duplicates,
    _quoted,
    _texts,
    all_texts_clean,
    first_difference,
    foreign_characters,
    strip_back_difference,
    text_problems,
)
from helpers.lesson.model import Lesson
from helpers.lesson.problems import Problem
from helpers.lesson.quiz import QuizItem
from helpers.lesson.quiz_checks import _check_quiz
from helpers.lesson.schema import _PARTS
from helpers.lesson.word_checks import check_words
from helpers.text.arabic import (
    find_phrase,
    normalize_match,
    strip_tashkeel,
    whole_word_spans,
)
from helpers.text.chars import STRIPPABLE_MARKS
from helpers.text.folding import find_form

__all__ = ["PARTS", "check_lesson", "every_text", "sentences_with"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


#: Every part of a lesson that check_lesson can check.
PARTS = frozenset({"lesson", "article", "sentences", "notes", "glossary", "quiz", "timeline", "words"})


def check_lesson(
    lesson: Lesson,
    shown: Callable[[Path], str] = str,
    files: Iterable[str] = PARTS,
    raw: Mapping[str, Any] | None = None,
) -> list[Problem]:
    """Every content check on a built lesson, or on the parts of it named in ``files`` (see :data:`PARTS`).

    The loader leaves out the parts it could not read; whatever refers to the sentences is only
    checked together with them. ``raw``: the files' data as read (the loader has it), which spares
    writing the lesson back into the files' shape for the one rule for text.
    """
    files = set(files)
    folder = lesson.folder
    meta, sent, notes = (shown(folder / name) for name in ("lesson.yaml", "sentences.yaml", "notes.yaml"))
    problems: list[Problem] = []
    for part, name in _FILE_OF.items():
        if part in files:
            data = raw[part] if raw is not None and raw.get(part) is not None else _file_data(lesson, part)
            problems += _text_rule(shown(folder / name), data)
    info = lesson.info
    if "lesson" in files:
        if info.id != folder.name:
            problems.append(Problem(meta, info.id, "id", f"must equal the folder name {folder.name!r}"))
        problems += _texts(
            meta,
            info.id,
            [
                ("title.ar", info.title.ar, "ar"),
                ("title.en", info.title.en, "en"),
                ("place.ar", info.place.ar, "ar"),
                ("place.en", info.place.en, "en"),
                ("date_inferred", info.date_inferred, "en+ar"),
                ("source.description", info.source.description, "en+ar"),
            ],
        )
    article = shown(folder / "article.ar.txt")
    if "article" in files:
        problems += _article_characters(lesson, article)
    if "sentences" not in files:
        return problems
    if "article" in files:
        problems += _check_article(lesson, article)
    problems += _check_sentences(lesson, sent)
    if "notes" in files:
        problems += _check_notes(lesson, notes)
    if "glossary" in files:
        problems += _check_glossary(lesson, shown(folder / "glossary.yaml"))
    if "quiz" in files:
        problems += _check_quiz(lesson, shown(folder / "quiz.yaml"))
    if "timeline" in files:
        problems += _check_timeline(lesson, shown(folder / "timeline.yaml"))
    if "words" in files:
        problems += _check_words(lesson, shown(folder / "words.yaml"), raw)
    return problems


def _check_words(lesson: Lesson, file: str, raw: Mapping[str, Any] | None) -> list[Problem]:
    """The word layer (see :mod:`helpers.lesson.word_checks`), from the file as read when the loader has it."""
    written = (raw or {}).get("words") if raw is not None else None
    if written is None:
        by_sentence = {s.id: s.words for s in lesson.sentences}
        order: list[str] = list(by_sentence)
        problems: list[Problem] = []
    else:
        by_sentence, order, problems = {}, [], []
        known = {s.id: s for s in lesson.sentences}
        for entry in written["sentences"]:
            if entry["id"] in by_sentence:
                problems.append(Problem(file, entry["id"], None, "this sentence is listed twice"))
                continue
            order.append(entry["id"])
            by_sentence[entry["id"]] = known[entry["id"]].words if entry["id"] in known else ()
    glossary_whole = raw is None or "glossary" in raw.get("_whole", {"glossary"})
    return problems + check_words(lesson.sentences, by_sentence, lesson.glossary, file, order, glossary_whole)


# -- the one rule for text, on every text of every file ------------------------------------------

#: The file each part of a lesson is written in (the article aside).
_FILE_OF = {
    "lesson": "lesson.yaml",
    "sentences": "sentences.yaml",
    "notes": "notes.yaml",
    "glossary": "glossary.yaml",
    "quiz": "quiz.yaml",
    "timeline": "timeline.yaml",
    "words": "words.yaml",
}


def _file_data(lesson: Lesson, part: str) -> Any:
    """A part of the lesson in the shape of its file: every text of the file, under the keys it is written with."""
    if part == "lesson":
        return lesson.info.to_dict()
    if part == "sentences":
        return {"paragraphs": [
            {"id": p.id, "sentences": [{k: v for k, v in s.to_dict().items() if k not in ("paragraph", "words")}
                                       for s in p.sentences]}
            for p in lesson.paragraphs
        ]}  # fmt: skip
    if part == "notes":
        return {"notes": [n.to_dict() for n in lesson.notes]}
    if part == "glossary":
        return {"entries": [e.to_dict() for e in lesson.glossary]}
    if part == "quiz":
        return {"items": [_item_data(q) for q in lesson.quiz]}
    if part == "words":
        return {"sentences": [{"id": s.id, "words": [w.to_dict() for w in s.words]} for s in lesson.sentences]}
    return {"events": [e.to_dict() for e in lesson.timeline]}


def _item_data(item: QuizItem) -> dict[str, Any]:
    """Every field of a quiz item as ``quiz.yaml`` writes it (whatever its type uses)."""
    data: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if f.name in ("if_true", "if_false"):
            data.setdefault("feedback", {})[f.name] = value
        elif f.name == "pairs":
            data[f.name] = [{"left": left, "right": right} for left, right in value]
        elif f.name == "steps":
            data[f.name] = [{"id": step, "text": text} for step, text in value]
        else:
            data[f.name] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def every_text(data: Any) -> Iterator[tuple[str | None, tuple[Any, ...], str | None, int | None, str]]:
    """Every string in a file's data, with where it is as the schema's messages name it.

    Yields (entry, within, field, item, text): the entry is the nearest list member with an ``id``;
    options, steps and pairs are parts of their entry; a value in a list is an item of its field.

    >>> data = {"items": [{"id": "q-x", "options": [{"id": "a", "text": "yes"}], "key": ["نعم", "أجل"]}]}
    >>> for where in every_text(data):
    ...     print(where)
    ('q-x', (), 'id', None, 'q-x')
    ('q-x', (('option', 'a'),), 'id', None, 'a')
    ('q-x', (('option', 'a'),), 'text', None, 'yes')
    ('q-x', (), 'key', 1, 'نعم')
    ('q-x', (), 'key', 2, 'أجل')
    """
    entry = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    yield from _walk(data, entry, (), (), None)


def _walk(node: Any, entry: str | None, within: tuple, path: tuple[str, ...], item: int | None) -> Iterator[Any]:
    if isinstance(node, str):
        yield entry, within, ".".join(path) or None, item, node
    elif isinstance(node, dict):
        for name, value in node.items():
            yield from _walk(value, entry, within, (*path, str(name)), None)
    elif isinstance(node, list):
        name = path[-1] if path else None
        for index, child in enumerate(node):
            ident = child.get("id") if isinstance(child, dict) else None
            if name in _PARTS:
                part = (_PARTS[name], ident if isinstance(ident, str) else index + 1)
                yield from _walk(child, entry, (*within, part), (), None)
            elif isinstance(child, dict):
                yield from _walk(child, ident if isinstance(ident, str) else f"#{index + 1}", (), (), None)
            else:
                yield from _walk(child, entry, within, path, index + 1)


def _strings(node: Any, out: list[str]) -> list[str]:
    """Every string in a file's data, in order (what :func:`every_text` finds, without saying where)."""
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)
    return out


def _text_rule(file: str, data: Any) -> list[Problem]:
    """The one rule for text (:func:`~helpers.lesson.field_checks.text_problems`) on every text of a file."""
    problems = []
    troubled: set[str | None] = set()  # entries whose headword breaks the rule: a computed translit copies it
    if all_texts_clean(_strings(data, [])):  # the usual case, in one pass over the whole file
        return problems
    for entry, within, field, item, text in every_text(data):
        if field == "translit" and entry in troubled:
            continue
        for message in text_problems(text):
            problems.append(Problem(file, entry, field, message, within, item))
            if field == "headword":
                troubled.add(entry)
    return problems


def _article_characters(lesson: Lesson, file: str) -> list[Problem]:
    """The article's size, the one rule for text and Persian letters and presentation forms, by line."""
    if len(lesson.article) > MAX_ARTICLE_CHARS:
        return [
            Problem(file, None, None, f"is {len(lesson.article):,} characters long; an article holds at most "
                    f"{MAX_ARTICLE_CHARS:,} (about 200 KB)")
        ]  # fmt: skip
    return [
        Problem(file, None, None, f"line {number}: {message}")
        for number, line in enumerate(lesson.article.split("\n"), start=1)
        for message in [*text_problems(line, MAX_ARTICLE_CHARS), *foreign_characters(line)]
    ]


def _check_article(lesson: Lesson, file: str) -> list[Problem]:
    lines = lesson.article.rstrip("\n").split("\n")
    problems = []
    if len(lines) != len(lesson.paragraphs):
        problems.append(
            Problem(file, None, None, f"has {len(lines)} paragraphs but sentences.yaml has {len(lesson.paragraphs)}")
        )
    for number, (line, paragraph) in enumerate(zip(lines, lesson.paragraphs, strict=False), start=1):
        if line != paragraph.text:
            problems.append(
                Problem(
                    file,
                    paragraph.id,
                    None,
                    f"line {number} differs from the joined sentences of {paragraph.id} "
                    f"{first_difference(line, paragraph.text)}",
                )
            )
    return problems


def _check_sentences(lesson: Lesson, file: str) -> list[Problem]:
    problems = _duplicates(file, [p.id for p in lesson.paragraphs], "paragraph id")
    problems += _duplicates(file, [s.id for p in lesson.paragraphs for s in p.sentences], "sentence id")
    for number, paragraph in enumerate(lesson.paragraphs, start=1):
        if paragraph.id != f"p{number:02d}":
            problems.append(Problem(file, paragraph.id, "id", f"paragraph {number} must have the id p{number:02d}"))
        for index, s in enumerate(paragraph.sentences, start=1):
            if s.id != f"{paragraph.id}-s{index}":
                problems.append(
                    Problem(
                        file, s.id, "id", f"sentence {index} of {paragraph.id} must have the id {paragraph.id}-s{index}"
                    )
                )
            if strip_tashkeel(s.ar_vocalized) != strip_tashkeel(s.ar):
                problems.append(
                    Problem(
                        file,
                        s.id,
                        "ar_vocalized",
                        "does not strip back to 'ar' letter for letter: " + strip_back_difference(s.ar_vocalized, s.ar),
                    )
                )
            if not s.en.strip():
                if not s.draft:
                    problems.append(Problem(file, s.id, "en", "a checked sentence needs its translation"))
                texts = [("ar", s.ar, "ar"), ("ar_vocalized", s.ar_vocalized, "ar")]
            else:
                texts = [("ar", s.ar, "ar"), ("ar_vocalized", s.ar_vocalized, "ar"), ("en", s.en, "en")]
            problems += _texts(file, s.id, texts)
    return problems


def _check_notes(lesson: Lesson, file: str) -> list[Problem]:
    problems = _duplicates(file, [n.id for n in lesson.notes], "note id")
    for note in lesson.notes:
        for sid in note.sentence_ids:
            try:
                sentence = lesson.sentence(sid)
            except KeyError:
                problems.append(Problem(file, note.id, "sentences", f"no sentence has the id {sid!r}"))
                continue
            if find_phrase(normalize_match(sentence.ar), normalize_match(note.focus)) is None:
                problems.append(
                    Problem(file, note.id, "focus", f"{_quoted(note.focus)} does not occur in {sid} as whole words")
                )
        problems += _texts(
            file,
            note.id,
            [
                ("focus", note.focus, "ar-or-punct"),
                ("title", note.title, "en+ar"),
                ("text", note.text, "en+ar"),
                ("usual", note.usual, "ar"),
            ],
        )
    return problems


_VERBAL = {"verb", "verbal-noun", "participle"}


def sentences_with(lesson: Lesson) -> Callable[[str], set[str]]:
    """A function telling, for a form, the ids of the sentences where it occurs as whole words.

    The whole article is folded once; each form is then one scan of it.
    """
    from bisect import bisect_right

    from helpers.text.folding import folded_text

    starts, parts, length = [], [], 0
    for sentence in lesson.sentences:
        folded = folded_text(sentence.ar) + "\n"
        starts.append(length)
        parts.append(folded)
        length += len(folded)
    article, ids = "".join(parts), [s.id for s in lesson.sentences]

    def found(form: str) -> set[str]:
        return {ids[bisect_right(starts, a) - 1] for a, _ in whole_word_spans(article, folded_text(form))}

    return found


def _check_glossary(lesson: Lesson, file: str) -> list[Problem]:
    """Glossary entries: forms really occur where claimed, ids and senses unique, fields in place."""
    problems = _duplicates(file, [e.id for e in lesson.glossary], "glossary id")
    senses = Counter((e.headword, e.gloss.casefold()) for e in lesson.glossary)
    for (headword, gloss), n in senses.items():
        if n > 1:
            ids = ", ".join(e.id for e in lesson.glossary if (e.headword, e.gloss.casefold()) == (headword, gloss))
            problems.append(
                Problem(file, ids, "headword", f"{headword} with the gloss {_quoted(gloss)} is entered {n} times")
            )
    found_in = sentences_with(lesson)
    for entry in lesson.glossary:
        where = {}
        for sid in entry.sentence_ids:
            try:
                where[sid] = lesson.sentence(sid).ar
            except KeyError:
                problems.append(Problem(file, entry.id, "sentences", f"no sentence has the id {sid!r}"))
        occurs = {form: found_in(form) for form in entry.forms}
        for form, sids in occurs.items():
            if not sids & where.keys():
                problems.append(
                    Problem(
                        file, entry.id, "forms", f"{_quoted(form)} does not occur as whole words in {', '.join(where)}"
                    )
                )
        anywhere = set().union(*occurs.values())
        for sid in where:
            if sid not in anywhere:
                problems.append(Problem(file, entry.id, "sentences", f"none of the forms occurs in {sid}"))
        unlisted = [s.id for s in lesson.sentences if s.id in anywhere and s.id not in where]
        if unlisted:
            problems.append(Problem(file, entry.id, "sentences", f"the forms also occur in {', '.join(unlisted)}"))
        if not any(c in STRIPPABLE_MARKS for c in entry.headword):
            problems.append(Problem(file, entry.id, "headword", "must be vocalized"))
        if entry.pos != "verb" and entry.present:
            problems.append(Problem(file, entry.id, "present", "only verbs have a present-tense form"))
        if entry.pos == "verb" and not entry.present and not entry.draft:  # a draft says so in its review
            problems.append(Problem(file, entry.id, "present", "a verb needs its present-tense form"))
        if entry.verb_form and entry.pos not in _VERBAL | {"phrase", "noun", "adjective"}:
            problems.append(Problem(file, entry.id, "verb_form", f"a {entry.pos} has no verb form"))
        arabic = [
            (name, getattr(entry, name), "ar") for name in ("headword", "present", "verbal_noun", "verb", "plural")
        ]
        problems += _texts(
            file,
            entry.id,
            [
                *[(f"forms[{i}]", form, "ar") for i, form in enumerate(entry.forms)],
                *arabic,
                ("root", entry.root, "ar"),
                ("gloss", entry.gloss, "en"),
                ("note", entry.note, "en+ar"),
            ],
        )
    return problems


def _check_timeline(lesson: Lesson, file: str) -> list[Problem]:
    """Timeline events: article events cite sentences and the words dating them; every event sourced."""
    problems: list[Problem] = _duplicates(file, [e.id for e in lesson.timeline], "event id")
    problems += _duplicates(file, [t.id for t in lesson.threads], "thread id")
    known, placed = {e.id for e in lesson.timeline}, {}
    for t in lesson.threads:
        for event_id in t.event_ids:
            if event_id not in known:
                problems.append(Problem(file, t.id, "events", f"no event has the id {event_id!r}"))
            elif event_id in placed:
                problems.append(
                    Problem(file, t.id, "events", f"{event_id!r} is on the thread {placed[event_id]!r} already")
                )
            else:
                placed[event_id] = t.id
    for e in lesson.timeline:
        if e.in_article and not e.sentence_ids:
            problems.append(Problem(file, e.id, "sentences", "an event of the article must cite its sentences"))
        if not e.in_article and (e.sentence_ids or e.expression):
            problems.append(Problem(file, e.id, "sentences", "a background event cites no sentence or expression"))
        texts = []
        for sid in e.sentence_ids:
            try:
                texts.append(lesson.sentence(sid).ar)
            except KeyError:
                problems.append(Problem(file, e.id, "sentences", f"no sentence has the id {sid!r}"))
        if e.expression and texts and not any(find_form(t, e.expression) for t in texts):
            problems.append(
                Problem(
                    file, e.id, "expression", f"{_quoted(e.expression)} does not occur in {', '.join(e.sentence_ids)}"
                )
            )
        if e.confidence != "high" and not e.verify:
            problems.append(Problem(file, e.id, "verify", f"a {e.confidence}-confidence event says what to verify"))
        problems.extend(
            _texts(
                file,
                e.id,
                [
                    ("label.ar", e.label.ar, "ar"),
                    ("label.en", e.label.en, "en"),
                    ("expression", e.expression, "ar"),
                    ("source", e.source, "en+ar"),
                    ("verify", e.verify, "en+ar"),
                ],
            )
        )
    return problems
