"""Short answer: a question answered by typing a word or two in Arabic."""

from __future__ import annotations

from collections.abc import Sequence

from helpers.lesson.items.base import Typed, register
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from helpers.lesson.items.platform import PlatformQuestion

__all__ = ["ShortAnswer"]


@register
class ShortAnswer(Typed):
    """The key lists the accepted answers; the evidence marks every one of them."""

    name = "short-answer"
    label = "type the answer"

    def evidence_words(self, item: QuizItem) -> tuple[str, ...]:
        return self.answers(item)

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        return self.platform_question(item, lesson, "typed", self.spelling_losses(item), answers=self.spellings(item))
