"""What every quiz item type provides, in the order a question lives through them.

Like a PrairieLearn element, a type is one class with one job per step:

* **prepare** — :meth:`ItemType.arrangement`: the order a student sees the parts in
  (options, the right-hand side of pairs, steps, a word bank), from the student's variant;
* **render** — :meth:`ItemType.stem` and :meth:`ItemType.paper`: the question as
  :class:`Block` objects (a blanked sentence, a word bank, boxes to tick, a line to
  write on…) that the views draw on screen and on paper; :meth:`ItemType.key_text`:
  the key as a teacher reads it; :meth:`ItemType.evidence_words`: the words the
  evidence sentences mark;
* **grade** — :meth:`ItemType.grade`: a response → :class:`ItemResult`, odd
  responses refused politely;
* **test** — :meth:`ItemType.right_response`: a response that earns full marks;
  :meth:`ItemType.check`: the content checks the loader runs on every item;
* and :meth:`ItemType.to_dict`: the item in the ``khabar dump`` shape.

A new type is one subclass decorated with :func:`register` (plus its input widget in
:mod:`helpers.widgets.quiz`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from helpers.lesson.field_checks import _texts
from helpers.lesson.model import Bilingual, Lesson
from helpers.lesson.problems import Problem
from helpers.lesson.quiz import ITEM_TYPES, QuizItem
from helpers.text.arabic import contains_arabic

__all__ = [
    "BLANK",
    "BLOCK_KINDS",
    "MAX_PARTS",
    "Block",
    "Choices",
    "ItemResult",
    "ItemType",
    "Typed",
    "beyond_chance",
    "register",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    import random
    from collections.abc import Iterable, Sequence
    from typing import Any, ClassVar

    from helpers.lesson.field_checks import _FieldSpec
    from helpers.lesson.items.platform import PlatformChoice, PlatformQuestion

#: The most options, pairs, steps, word-bank words or accepted answers one item may list (the kit's items list
#: at most 6); more are refused when the lesson loads.
MAX_PARTS = 50

#: What stands for the missing words of a blanked sentence, on screen and on paper.
BLANK = "______"

#: The kinds of :class:`Block` the views know how to draw, and what each holds.
BLOCK_KINDS = {
    "sentence": "texts: one Arabic sentence (a cloze sentence with its blank)",
    "bank": "texts: the words of a word bank, in the student's order",
    "choices": "texts: answers to tick, one a line",
    "inline-choices": "texts: answers to tick, on one line",
    "pairs": "texts: the left-hand side, numbered; more: the right-hand side, lettered, in the student's order",
    "steps": "texts: steps to number, in the student's order",
    "line": "a line to write the answer on",
}


@dataclass(frozen=True)
class Block:
    """One piece of a question as the views draw it; ``kind`` is one of :data:`BLOCK_KINDS`."""

    kind: str
    texts: tuple[str, ...] = ()
    more: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"not a kind of block the views draw: {self.kind!r} (kinds: {', '.join(BLOCK_KINDS)})")


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one answer: points earned out of the item's points, and what to tell the learner.

    A *refused* response (nothing chosen, an incomplete order, something that is
    not an answer to this item) earns nothing and does not count as an attempt.
    ``marks`` says, for items answered row by row (pairs to match, steps to order),
    which rows are right: ``(row, right?)`` with the row's left-hand word or step id.
    ``near_miss`` names the near miss a typed answer was found to be (a kind of
    :data:`helpers.text.matching.NEAR_MISSES`, such as "article"; empty when none).
    """

    item_id: str
    score: float
    points: int
    feedback: str
    response: Any = None
    refused: bool = False
    marks: tuple[tuple[str, bool], ...] = ()
    near_miss: str = ""

    @property
    def correct(self) -> bool:
        return self.score >= self.points

    @property
    def answered(self) -> bool:
        return not self.refused and self.response not in (None, "", [], {}, ())


def refuse(item: QuizItem, message: str, response: Any = None) -> ItemResult:
    """No points, a polite word on what to do, and no attempt counted."""
    return ItemResult(item.id, 0.0, item.points, message, response, refused=True)


def beyond_chance(right: int, rows: int) -> float:
    """The share of the points for ``right`` rows right out of ``rows``, counting only what a guess would not get.

    Whatever order or matching a learner gives blind, one row is right on average (a random order of any
    length puts one step in its place, on average; a random matching pairs one word right). So the credit counts
    the right rows beyond that one: a blind answer earns about nothing, a full one everything.

    >>> beyond_chance(5, 5), beyond_chance(3, 5), beyond_chance(1, 5), beyond_chance(0, 5)
    (1.0, 0.5, 0.0, 0.0)
    >>> beyond_chance(2, 2), beyond_chance(0, 2), beyond_chance(1, 1)
    (1.0, 0.0, 1.0)
    """
    if rows <= 1:
        return 1.0 if right >= rows else 0.0
    return max(0.0, (right - 1) / (rows - 1))


def chance_note(right: int, rows: int, what: str) -> str:
    """What a learner reads under a partly right matching or order: how many rows, and why a lone one earns nothing.

    >>> chance_note(3, 5, "steps in the right place")
    '3 of 5 steps in the right place. A guess gets about one right, so points count the right ones beyond it.'
    >>> chance_note(5, 5, "pairs right")
    'All 5 pairs right.'
    """
    if right == rows:
        return f"All {rows} {what}."
    return f"{right} of {rows} {what}. A guess gets about one right, so points count the right ones beyond it."


def shuffled(values: Sequence[str], rng: random.Random | None) -> tuple[str, ...]:
    """``values`` shuffled by ``rng``, or as written when the paper is not shuffled (no ``rng``)."""
    out = list(values)
    if rng is not None:
        rng.shuffle(out)
    return tuple(out)


def scrambled(values: Sequence[str], rng: random.Random | None, seed: str) -> tuple[str, ...]:
    """``values`` shuffled, and never as written (the written order is the answer).

    Without ``rng`` (a paper that is not shuffled) the order comes from ``seed``, so it is the same for everyone.

    >>> import random
    >>> scrambled(["s1", "s2"], random.Random(0), "q-x") != ("s1", "s2")
    True
    """
    out = list(values)
    if rng is None:
        import random  # only for a paper that is not shuffled per student

        rng = random.Random(seed)
    rng.shuffle(out)
    if len(out) > 1 and out == list(values):
        out = out[1:] + out[:1]
    return tuple(out)


def register(cls: type[ItemType]) -> type[ItemType]:
    """Class decorator: make ``cls`` the type of items whose ``type`` is ``cls.name``."""
    if cls.name in ITEM_TYPES:
        raise ValueError(f"two item types are called {cls.name!r}")
    ITEM_TYPES[cls.name] = cls()
    return cls


def _bilingual(text: Bilingual) -> dict[str, str]:
    return {k: v for k, v in (("ar", text.ar), ("en", text.en)) if v}


class ItemType(ABC):
    """One kind of question. Subclasses set :attr:`name` and implement the abstract methods."""

    #: The ``type`` written in ``quiz.yaml``.
    name: ClassVar[str]
    #: Items of this type blank a word of one of the lesson's sentences (fields ``sentence`` and ``gap``).
    has_sentence: ClassVar[bool] = False
    #: The learner types the answer: the key lists accepted answers, graded at the item's ``strictness``.
    typed: ClassVar[bool] = False
    #: What the learner is asked to do, in a few words ("put in order"), as the question menu lists it.
    label: ClassVar[str] = "answer"

    def __repr__(self) -> str:
        return f"<item type {self.name!r}>"

    # -- prepare -----------------------------------------------------------------------------

    def arrangement(self, item: QuizItem, rng: random.Random | None) -> tuple[str, ...]:
        """The order a student sees the item's parts in (empty when nothing is arranged).

        ``rng`` comes from the student's variant; without it the paper is not shuffled.
        """
        return ()

    # -- render ------------------------------------------------------------------------------

    def stem(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> tuple[Block, ...]:
        """What the question shows under its prompt and statement, on screen and on paper."""
        return ()

    @abstractmethod
    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        """Where a student answers on a printed worksheet."""

    @abstractmethod
    def key_text(self, item: QuizItem) -> str:
        """The key as a teacher reads it."""

    def evidence_words(self, item: QuizItem) -> tuple[str, ...]:
        """The words to mark in the evidence sentences."""
        return ()

    def answers(self, item: QuizItem) -> tuple[str, ...]:
        """Accepted typed answers (empty unless the learner types the answer)."""
        return item.key if self.typed and isinstance(item.key, tuple) else ()

    # -- grade -------------------------------------------------------------------------------

    @abstractmethod
    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        """Grade a response; a response that is no answer to this item is refused with 0 points and a polite word."""

    # -- test --------------------------------------------------------------------------------

    @abstractmethod
    def right_response(self, item: QuizItem) -> Any:
        """A response that earns full marks (what a learner who knows the answer gives)."""

    def check(self, item: QuizItem, lesson: Lesson, file: str) -> list[Problem]:
        """Every content problem of one item: evidence, its type's own fields, and the language of its texts."""
        problems: list[Problem] = []

        def bad(field: str, message: str) -> None:
            problems.append(Problem(file, item.id, field, message))

        ids = {s.id for s in lesson.sentences}
        for sid in item.evidence:
            if sid not in ids:
                bad("evidence", f"no sentence has the id {sid!r}")
        option_ids = [o.id for o in item.options]
        if len(option_ids) != len(set(option_ids)):
            bad("options", "two options have the same id")
        key = item.key if isinstance(item.key, tuple) else ()
        for field, parts in (("options", item.options), ("pairs", item.pairs), ("steps", item.steps),
                             ("bank", item.bank), ("key", key)):  # fmt: skip
            if len(parts) > MAX_PARTS:
                bad(field, f"lists {len(parts)}; an item lists at most {MAX_PARTS}")
        for field, message in self.check_fields(item, lesson):
            bad(field, message)
        if not self.has_sentence and (item.sentence or item.gap):
            names = " or ".join(t.name for t in ITEM_TYPES.values() if t.has_sentence) or "no"
            bad("sentence", f"only {names} items have a sentence and a gap")
        problems.extend(_texts(file, item.id, self.text_fields(item)))
        return problems

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        """The type's own checks, as (field, message) pairs."""
        return ()

    def text_fields(self, item: QuizItem) -> list[_FieldSpec]:
        """The item's texts with the language each must be in (see ``field_checks._texts``)."""
        texts: list[_FieldSpec] = [
            ("prompt.ar", item.prompt.ar, "ar-or-punct"),
            ("prompt.en", item.prompt.en, "en+ar"),
            ("explanation", item.explanation, "en+ar"),
            ("hint", item.hint, "en+ar"),
            *[(f"options[{o.id}].feedback", o.feedback, "en+ar") for o in item.options],
            *[(f"options[{o.id}].text", o.text, "any") for o in item.options],
        ]
        if item.statement:
            texts += [("statement.ar", item.statement.ar, "ar-or-punct"), ("statement.en", item.statement.en, "en+ar")]
        return texts

    # -- export ------------------------------------------------------------------------------

    @abstractmethod
    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        """The item as learning platforms know questions (Moodle, Canvas, GIFT), saying what they cannot carry."""

    def platform_question(self, item: QuizItem, lesson: Lesson, kind: str, dropped: Sequence[str] = (),
                          **fields: Any) -> PlatformQuestion:  # fmt: skip
        """What every platform question carries: the prompt, the statement, the hint, and as general feedback the
        explanation with the evidence sentences."""
        from helpers.lesson.items.platform import PlatformQuestion  # only when a quiz is exported

        evidence = " ".join(f"({sid}) {lesson.sentence(sid).ar}" for sid in item.evidence)
        return PlatformQuestion(
            id=item.id, kind=kind, points=item.points, prompt_ar=item.prompt.ar, prompt_en=item.prompt.en,
            statement_ar=item.statement.ar if item.statement else None,
            statement_en=item.statement.en if item.statement else None,
            general_feedback=f"{item.explanation} Evidence: {evidence}".strip(), hint=item.hint or "",
            dropped=tuple(dropped), **fields,
        )  # fmt: skip

    def to_dict(self, item: QuizItem) -> dict[str, Any]:
        """The item in the ``khabar dump`` shape: the common fields, then those the item has."""
        data: dict[str, Any] = {
            "id": item.id,
            "type": item.type,
            "skill": item.skill,
            "difficulty": item.difficulty,
            "points": item.points,
            "prompt": _bilingual(item.prompt),
            "explanation": item.explanation,
            "evidence": list(item.evidence),
            "hint": item.hint,
        }
        if item.options:
            data["options"] = [{"id": o.id, "text": o.text, "feedback": o.feedback} for o in item.options]
        if item.key is not None:
            data["key"] = list(item.key) if isinstance(item.key, tuple) else item.key
        if item.statement:
            data["statement"] = _bilingual(item.statement)
            data["feedback"] = {"if_true": item.if_true, "if_false": item.if_false}
        if item.sentence:
            data.update(sentence=item.sentence, gap=item.gap, bank=list(item.bank))
        if item.pairs:
            data["pairs"] = [{"left": a, "right": b} for a, b in item.pairs]
        if item.draft:
            data.update(status=item.status, review=list(item.review))
        if item.steps:
            data["steps"] = [{"id": i, "text": t} for i, t in item.steps]
        if self.typed:
            data["strictness"] = item.strictness
        return data


class Choices(ItemType):
    """Items answered by choosing among options (one or several)."""

    def arrangement(self, item: QuizItem, rng: random.Random | None) -> tuple[str, ...]:
        return shuffled([o.id for o in item.options], rng)

    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        by_id = {o.id: o.text for o in item.options}
        return (Block("choices", tuple(by_id[i] for i in arrangement or by_id)),)

    def keys(self, item: QuizItem) -> tuple[str, ...]:
        """The ids of the right options."""
        return (item.key,) if isinstance(item.key, str) else tuple(item.key or ())

    def key_text(self, item: QuizItem) -> str:
        keys = self.keys(item)
        return " · ".join(o.text for o in item.options if o.id in keys)

    def evidence_words(self, item: QuizItem) -> tuple[str, ...]:
        keys = self.keys(item)
        return tuple(o.text for o in item.options if o.id in keys)

    def platform_choices(self, item: QuizItem, arrangement: Sequence[str], wrong: float) -> tuple[PlatformChoice, ...]:
        """The options in the paper's order: a right one earns its share of the points, a wrong tick ``wrong``."""
        from helpers.lesson.items.platform import PlatformChoice

        keys = self.keys(item)
        by_id = {o.id: o for o in item.options}
        share = 1 / len(keys) if keys else 0
        return tuple(
            PlatformChoice(by_id[i].text, share if i in keys else wrong, by_id[i].feedback)
            for i in (arrangement or by_id)
        )

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        if not item.options:
            yield "options", f"a {self.name} item needs options"


class Typed(ItemType):
    """Items whose answer the learner types, graded the Arabic way (:func:`helpers.grade_text`)."""

    typed = True

    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        return (Block("line"),)

    def key_text(self, item: QuizItem) -> str:
        return " / ".join(self.answers(item))

    def right_response(self, item: QuizItem) -> str:
        return self.answers(item)[0]

    def spellings(self, item: QuizItem) -> tuple[str, ...]:
        """Every spelling the kit accepts for the answers, for platforms that compare letters exactly."""
        from helpers.text.spellings import accepted_spellings

        out: list[str] = []
        for answer in self.answers(item):
            out += [s for s in accepted_spellings(answer, item.strictness) if s not in out]
        return tuple(out)

    def spelling_losses(self, item: QuizItem) -> tuple[str, ...]:
        """What a letter-exact platform does not forgive that the kit does."""
        if item.strictness == "lenient":
            return ("one wrong letter, which the kit forgives at lenient strictness",)
        if item.strictness == "marks":
            return ("a sukun left out, tanween over or before the alef, and marks on letters the key leaves bare, "
                    "which the kit accepts at marks strictness",)  # fmt: skip
        return ()

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        if not isinstance(response, str) or not response.strip():
            return refuse(item, "Type your answer first.", response)
        from helpers.text.matching import grade_text  # answers are graded in a quiz, not when a lesson loads

        # a word of the cloze's bank typed for the answer is another word, not a typo of it
        verdict = grade_text(self.answers(item), response, item.strictness, words=item.bank)
        shown = response if len(response) <= 200 else response[:200] + "…"
        miss = getattr(verdict, "miss", None)  # the near miss the check names, if any (a missing ال, an ending …)
        return ItemResult(item.id, float(item.points) if verdict.accepted else 0.0, item.points, verdict.note, shown,
                          near_miss=str(getattr(miss, "kind", "") or ""))  # fmt: skip

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        if not (isinstance(item.key, tuple) and item.key):
            yield "key", "must list the accepted answers"
        elif not all(contains_arabic(a) or a.strip().isdigit() for a in item.key):
            yield "key", "accepted answers must be Arabic (or a number)"
