"""Content checks: what a schema cannot say about a lesson.

Run by :func:`helpers.load_lesson` on every load and by ``khabar validate``.
Each check returns :class:`~helpers.problems.Problem` objects naming the file,
the entry id and the field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .arabic import contains_arabic, contains_latin, find_phrase, normalize_match, strip_tashkeel, whole_word_spans
from .chars import STRIPPABLE_MARKS
from .glossing import find_form
from .model import Lesson, QuizItem
from .problems import Problem

__all__ = ["check_lesson", "first_difference", "looks_like_markup"]

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);|javascript:", re.IGNORECASE)
_FieldSpec = tuple[str, str | None, str]  # (field name, value, language rule; see _texts)


def looks_like_markup(text: str) -> bool:
    """True when text holds an HTML tag, an HTML entity or a ``javascript:`` URL.

    >>> looks_like_markup("<script>alert(1)</script>"), looks_like_markup("5 < 6 & 7 > 3")
    (True, False)
    """
    return _MARKUP.search(text) is not None


def first_difference(a: str, b: str) -> str:
    """Describe where two texts first differ, with a little context.

    >>> first_difference("abcdef", "abXdef")
    "at character 3: 'abc…' vs 'abX…'"
    """
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if n == len(a) == len(b):
        return "no difference"
    lo = max(0, n - 8)
    return f"at character {n + 1}: {a[lo : n + 1]!r}… vs {b[lo : n + 1]!r}…".replace("'…", "…'")


def check_lesson(lesson: Lesson, shown: Callable[[Path], str] = str) -> list[Problem]:
    """Every content check on a built lesson."""
    folder = lesson.folder
    meta, sent, notes = (shown(folder / name) for name in ("lesson.yaml", "sentences.yaml", "notes.yaml"))
    problems: list[Problem] = []
    info = lesson.info
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
    problems += _check_article(lesson, shown(folder / "article.ar.txt"))
    problems += _check_sentences(lesson, sent)
    problems += _check_notes(lesson, notes)
    problems += _check_glossary(lesson, shown(folder / "glossary.yaml"))
    problems += _check_quiz(lesson, shown(folder / "quiz.yaml"))
    problems += _check_timeline(lesson, shown(folder / "timeline.yaml"))
    return problems


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
                        "does not strip back to 'ar' letter for letter "
                        f"{first_difference(strip_tashkeel(s.ar_vocalized), strip_tashkeel(s.ar))}",
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


def _duplicates(file: str, ids: Iterable[str], what: str) -> list[Problem]:
    return [Problem(file, i, "id", f"the {what} {i!r} is used {n} times") for i, n in Counter(ids).items() if n > 1]


def _texts(file: str, entry: str, fields: list[_FieldSpec]) -> list[Problem]:
    """Language and markup checks on text fields.

    ``ar``: Arabic letters and no Latin ones; ``ar-or-punct``: no Latin
    letters (Arabic words or punctuation marks); ``en``: Latin letters and no
    Arabic ones; ``en+ar``: English that may quote Arabic.
    """
    problems = []
    for name, value, language in fields:
        if value is None:
            continue
        if looks_like_markup(value):
            problems.append(Problem(file, entry, name, "contains HTML markup; write plain text"))
        if language == "ar" and not contains_arabic(value):
            problems.append(Problem(file, entry, name, "must be Arabic but has no Arabic letters"))
        elif language.startswith("ar") and contains_latin(value):
            problems.append(Problem(file, entry, name, "must be Arabic but contains Latin letters"))
        elif language.startswith("en") and not contains_latin(value):
            problems.append(Problem(file, entry, name, "must be English but has no Latin letters"))
        elif language == "en" and contains_arabic(value):
            problems.append(Problem(file, entry, name, "must be English but contains Arabic letters"))
    return problems


_VERBAL = {"verb", "verbal-noun", "participle"}


def sentences_with(lesson: Lesson) -> Callable[[str], set[str]]:
    """A function telling, for a form, the ids of the sentences where it occurs as whole words.

    The whole article is folded once; each form is then one scan of it.
    """
    from bisect import bisect_right

    from .glossing import folded_text

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


def _check_quiz(lesson: Lesson, file: str) -> list[Problem]:
    """Quiz items: evidence exists, keys are valid for their type and supported by the text."""
    problems: list[Problem] = _duplicates(file, [q.id for q in lesson.quiz], "quiz id")
    ids = {s.id for s in lesson.sentences}
    for q in lesson.quiz:

        def bad(field: str, message: str, q: QuizItem = q) -> None:
            problems.append(Problem(file, q.id, field, message))

        for sid in q.evidence:
            if sid not in ids:
                bad("evidence", f"no sentence has the id {sid!r}")
        option_ids = [o.id for o in q.options]
        if len(option_ids) != len(set(option_ids)):
            bad("options", "two options have the same id")
        if q.type in ("single", "multiple") and not q.options:
            bad("options", f"a {q.type} item needs options")
        if q.type == "single" and not (isinstance(q.key, str) and q.key in option_ids):
            bad("key", f"must be the id of one option ({', '.join(option_ids)})")
        if q.type == "multiple" and not (
            isinstance(q.key, tuple) and q.key and set(q.key) <= set(option_ids) and len(set(q.key)) == len(q.key)
        ):
            bad("key", f"must list ids of the right options ({', '.join(option_ids)})")
        if q.type == "true-false":
            if not isinstance(q.key, bool):
                bad("key", "must be true or false")
            if q.statement is None or not (q.if_true and q.if_false):
                bad("statement", "a true-false item needs a statement and feedback with if_true and if_false")
        if q.type in ("cloze", "short-answer"):
            if not (isinstance(q.key, tuple) and q.key):
                bad("key", "must list the accepted answers")
            elif not all(contains_arabic(a) or a.strip().isdigit() for a in q.key):
                bad("key", "accepted answers must be Arabic (or a number)")
        if q.type == "cloze":
            if q.sentence not in ids:
                bad("sentence", f"no sentence has the id {q.sentence!r}")
            elif not q.gap or not find_form(lesson.sentence(q.sentence).ar, q.gap):
                bad("gap", f"{q.gap!r} does not occur as whole words in {q.sentence}")
            elif q.sentence not in q.evidence:
                bad("evidence", f"must include the cloze sentence {q.sentence}")
            elif isinstance(q.key, tuple) and q.key and normalize_match(q.key[0]) != normalize_match(q.gap):
                bad("key", f"the first accepted answer must be the gap itself ({q.gap!r})")
        if q.type == "matching":
            lefts, rights = [a for a, _ in q.pairs], [b for _, b in q.pairs]
            if len(q.pairs) < 2 or len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
                bad("pairs", "needs two or more pairs, each side used once")
        if q.type == "ordering":
            step_ids = [i for i, _ in q.steps]
            if len(step_ids) < 2 or len(set(step_ids)) != len(step_ids):
                bad("steps", "needs two or more steps with different ids")
        if q.type != "cloze" and (q.sentence or q.gap):
            bad("sentence", "only cloze items have a sentence and a gap")
        texts: list[_FieldSpec] = [
            ("prompt.ar", q.prompt.ar, "ar-or-punct"),
            ("prompt.en", q.prompt.en, "en+ar"),
            ("explanation", q.explanation, "en+ar"),
            ("hint", q.hint, "en+ar"),
            *[(f"options[{o.id}].feedback", o.feedback, "en+ar") for o in q.options],
            *[(f"options[{o.id}].text", o.text, "any") for o in q.options],
        ]
        if q.statement:
            texts += [("statement.ar", q.statement.ar, "ar-or-punct"), ("statement.en", q.statement.en, "en+ar")]
        problems.extend(_texts(file, q.id, texts))
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
