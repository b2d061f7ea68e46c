"""Matching: pair each word (left) with its meaning (right); credit for the pairs right, beyond chance."""

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

__all__ = ["Matching"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    import random
    from collections.abc import Iterable, Sequence
    from typing import Any

    from helpers.lesson.items.platform import PlatformQuestion


@register
class Matching(ItemType):
    """``pairs`` of (left, right). Response: {left: the right-hand text chosen for it}.

    Each left-hand word is right or wrong on its own; the points count the pairs right beyond the one a blind
    matching gets on average (:func:`~helpers.lesson.items.base.beyond_chance`): the same meaning chosen for every
    word, or the meanings in the order shown, earn about nothing.
    """

    name = "matching"
    label = "match"

    def arrangement(self, item: QuizItem, rng: random.Random | None) -> tuple[str, ...]:
        """The right-hand sides, in the student's order (never facing their partners)."""
        return scrambled([b for _, b in item.pairs], rng, item.id)

    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        return (Block("pairs", tuple(a for a, _ in item.pairs), tuple(arrangement)),)

    def key_text(self, item: QuizItem) -> str:
        return " · ".join(f"{a} = {b}" for a, b in item.pairs)

    def right_response(self, item: QuizItem) -> dict[str, str]:
        return dict(item.pairs)

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        if not isinstance(response, dict) or not any(response.values()):
            return refuse(item, "Match each word with a meaning.", response)
        marks = tuple((left, response.get(left) == right) for left, right in item.pairs)
        right = sum(ok for _, ok in marks)
        share = beyond_chance(right, len(item.pairs))
        feedback = chance_note(right, len(item.pairs), "pairs right")
        return ItemResult(item.id, round(share * item.points, 2), item.points, feedback, response, marks=marks)

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        lost = (
            "the correction for guessing (the platform gives credit for every pair right, so a blind matching "
            "earns about one pair's share there; here only the pairs right beyond the first earn points)",
        )
        return self.platform_question(item, lesson, "pairs", lost, pairs=tuple(item.pairs))

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        lefts, rights = [a for a, _ in item.pairs], [b for _, b in item.pairs]
        if len(item.pairs) < 2 or len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            yield "pairs", "needs two or more pairs, each side used once"
