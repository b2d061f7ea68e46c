"""Content checks: what a schema cannot say about a lesson.

Run by :func:`helpers.load_lesson` on every load and by ``khabar validate``.
Each check returns :class:`~helpers.lesson.problems.Problem` objects naming the file,
the entry id and the field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from helpers.lesson.field_checks import _duplicates, _texts, first_difference, foreign_characters, strip_back_difference
from helpers.lesson.model import Lesson
from helpers.lesson.problems import Problem
from helpers.lesson.quiz_checks import _check_quiz
from helpers.text.arabic import (
    find_phrase,
    normalize_match,
    strip_tashkeel,
    whole_word_spans,
)
from helpers.text.chars import STRIPPABLE_MARKS
from helpers.text.folding import find_form

__all__ = ["PARTS", "check_lesson", "sentences_with"]


#: Every part of a lesson that check_lesson can check.
PARTS = frozenset({"lesson", "article", "sentences", "notes", "glossary", "quiz", "timeline"})


def check_lesson(lesson: Lesson, shown: Callable[[Path], str] = str, files: Iterable[str] = PARTS) -> list[Problem]:
    """Every content check on a built lesson, or on the parts of it named in ``files`` (see :data:`PARTS`).

    The loader leaves out the parts it could not read; whatever refers to the sentences is only
    checked together with them.
    """
    files = set(files)
    folder = lesson.folder
    meta, sent, notes = (shown(folder / name) for name in ("lesson.yaml", "sentences.yaml", "notes.yaml"))
    problems: list[Problem] = []
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
    return problems


def _article_characters(lesson: Lesson, file: str) -> list[Problem]:
    """Persian letters and presentation forms in the article, by line."""
    return [
        Problem(file, None, None, f"line {number}: {message}")
        for number, line in enumerate(lesson.article.split("\n"), start=1)
        for message in foreign_characters(line)
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
            problems += _texts(
                file, s.id, [("ar", s.ar, "ar"), ("ar_vocalized", s.ar_vocalized, "ar"), ("en", s.en, "en")]
            )
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
                    Problem(file, note.id, "focus", f"{note.focus!r} does not occur in {sid} as whole words")
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
            problems.append(Problem(file, ids, "headword", f"{headword} with the gloss {gloss!r} is entered {n} times"))
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
                    Problem(file, entry.id, "forms", f"{form!r} does not occur as whole words in {', '.join(where)}")
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
        if entry.pos == "verb" and not entry.present:
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
                Problem(file, e.id, "expression", f"{e.expression!r} does not occur in {', '.join(e.sentence_ids)}")
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
