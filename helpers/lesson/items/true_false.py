"""True or false: is the statement what the text says?"""

from __future__ import annotations

from helpers.lesson.items.base import Block, ItemResult, ItemType, refuse, register
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem

__all__ = ["TrueFalse"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from helpers.lesson.items.platform import PlatformQuestion


@register
class TrueFalse(ItemType):
    """A statement that is true or false, with feedback for each answer. Response: True or False."""

    name = "true-false"
    label = "true or false"
    #: The two answers as the learner reads them, in the order they are shown.
    LABELS = ((True, "صحيح · true"), (False, "خطأ · false"))

    def paper(self, item: QuizItem, arrangement: Sequence[str]) -> tuple[Block, ...]:
        return (Block("inline-choices", tuple(label for _, label in self.LABELS)),)

    def key_text(self, item: QuizItem) -> str:
        return "true · صحيح" if item.key else "false · خطأ"

    def right_response(self, item: QuizItem) -> bool:
        return bool(item.key)

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        if not isinstance(response, bool):
            return refuse(item, "Choose true or false.", response)
        feedback = item.if_true if response else item.if_false
        score = float(item.points) if response is item.key else 0.0
        return ItemResult(item.id, score, item.points, feedback or "", response)

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        return self.platform_question(item, lesson, "true-or-false", truth=bool(item.key),
                                      feedback_true=item.if_true or "", feedback_false=item.if_false or "")  # fmt: skip

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        if not isinstance(item.key, bool):
            yield "key", "must be true or false"
        if item.statement is None or not (item.if_true and item.if_false):
            yield "statement", f"a {self.name} item needs a statement and feedback with if_true and if_false"
