"""Ordering: put the steps in the order they happened; credit for the steps in their right place, beyond chance."""

from __future__ import annotations

from helpers.lesson.items.base import (
    Block,
    ItemResult,
    ItemType,
    beyond_chance,
    chance_note,
    refuse,
    register,
    scrambled,
)
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem

__all__ = ["Ordering"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    import random
    from collections.abc import Iterable, Sequence
    from typing import Any

    from helpers.lesson.items.platform import PlatformQuestion


#: Places as a learner reads them in an exported matching question.
_PLACES = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")


@register
class Ordering(ItemType):
    """``steps`` of (id, text) in the right order. Response: the step ids in the learner's order.

    Each step is right when it is in its own place; the points count the steps in place beyond the one a blind
    order gets on average (:func:`~helpers.lesson.items.base.beyond_chance`), so numbering the rows 1, 2, 3 … as
    shown earns about nothing.
    """

    name = "ordering"
    label = "put in order"

    def arrangement(self, item: QuizItem, rng: random.Random | None) -> tuple[str, ...]:
        """The step ids in the order they are shown (never the right order)."""
        return scrambled([i for i, _ in item.steps], rng, item.id)

    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        text = dict(item.steps)
        return (Block("steps", tuple(text[i] for i in arrangement or text)),)

    def key_text(self, item: QuizItem) -> str:
        return " → ".join(text for _, text in item.steps)

    def right_response(self, item: QuizItem) -> list[str]:
        return [i for i, _ in item.steps]

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        order = list(response) if isinstance(response, (list, tuple)) else []
        ids = [i for i, _ in item.steps]
        if not all(isinstance(i, str) for i in order) or sorted(order) != sorted(ids):
            return refuse(item, "Put every step in a different place.", response)
        marks = tuple((step, step == right) for step, right in zip(order, ids, strict=True))
        right = sum(ok for _, ok in marks)
        share = beyond_chance(right, len(ids))
        verdict = chance_note(right, len(ids), "steps in the right place")
        return ItemResult(item.id, round(share * item.points, 2), item.points, verdict, order, marks=marks)

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        """Each step matched with its place (1st, 2nd …): the platforms' matching, scored step by step."""
        text = dict(item.steps)
        shown = arrangement or tuple(text)
        places = {i: _PLACES[n] if n < len(_PLACES) else f"{n + 1}th" for n, (i, _) in enumerate(item.steps)}
        lost = (
            "the correction for guessing (the platform gives credit for every step in its place, so a blind order "
            "earns about one step's share there; here only the steps in place beyond the first earn points)",
        )
        return self.platform_question(item, lesson, "pairs", lost, pairs=tuple((text[i], places[i]) for i in shown))

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        step_ids = [i for i, _ in item.steps]
        if len(step_ids) < 2 or len(set(step_ids)) != len(step_ids):
            yield "steps", "needs two or more steps with different ids"
