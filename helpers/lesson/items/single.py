"""Single answer: choose the one right option."""

from __future__ import annotations

from collections.abc import Sequence

from helpers.lesson.items.base import Choices, ItemResult, refuse, register
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem

__all__ = ["Single"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from helpers.lesson.items.platform import PlatformQuestion


@register
class Single(Choices):
    """One right option; each option has its own feedback. Response: the chosen option id."""

    name = "single"
    label = "choose one"

    def right_response(self, item: QuizItem) -> str:
        return str(item.key)

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        chosen = next((o for o in item.options if o.id == response), None)
        if chosen is None:
            return refuse(item, "Choose one of the answers.", response)
        score = float(item.points) if response == item.key else 0.0
        return ItemResult(item.id, score, item.points, chosen.feedback, response)

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        return self.platform_question(item, lesson, "choose-one", choices=self.platform_choices(item, arrangement, 0))

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        yield from super().check_fields(item, lesson)
        option_ids = [o.id for o in item.options]
        if not (isinstance(item.key, str) and item.key in option_ids):
            yield "key", f"must be the id of one option ({', '.join(option_ids)})"
