"""Content checks on quiz items: evidence exists, keys are valid for their type and supported by the text."""

from __future__ import annotations

from helpers.lesson.field_checks import _duplicates, _FieldSpec, _texts
from helpers.lesson.model import Lesson
from helpers.lesson.problems import Problem
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import contains_arabic, normalize_match
from helpers.text.folding import find_form

__all__ = []


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
