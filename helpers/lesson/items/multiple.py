"""Multiple answers: tick every right option; partial credit for right ticks minus wrong ones."""

from __future__ import annotations

from collections.abc import Sequence

from helpers.lesson.items.base import Choices, ItemResult, refuse, register
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.text.matching import partial_multiple

__all__ = ["Multiple"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from helpers.lesson.items.platform import PlatformQuestion


@register
class Multiple(Choices):
    """Several right options. Response: a collection of the ticked option ids."""

    name = "multiple"
    label = "choose several"

    def right_response(self, item: QuizItem) -> list[str]:
        return list(self.keys(item))

    def grade(self, item: QuizItem, response: Any) -> ItemResult:
        try:
            chosen = set(response) if not isinstance(response, str) else None
        except TypeError:  # not a collection of ids
            chosen = None
        if chosen is None:
            return refuse(item, "Tick every answer you think is right.", response)
        if not chosen:
            return refuse(item, "Tick every answer you think is right.", [])
        valid = {o.id for o in item.options}
        if not chosen <= valid:
            return refuse(item, "Tick answers from the list.", sorted(chosen, key=str))
        keys = set(self.keys(item))
        share = partial_multiple(keys, chosen, valid)
        lines = [o.feedback for o in item.options if o.id in chosen]
        missed = keys - chosen
        if missed and share > 0:
            lines.append(f"{len(missed)} right answer{'s' if len(missed) > 1 else ''} not ticked yet.")
        return ItemResult(item.id, round(share * item.points, 2), item.points, " ".join(lines), sorted(chosen))

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        keys = self.keys(item)
        wrong = -1 / len(keys) if keys else 0  # as the kit grades: right ticks minus wrong ones
        return self.platform_question(item, lesson, "choose-many",
                                      choices=self.platform_choices(item, arrangement, wrong))  # fmt: skip

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        yield from super().check_fields(item, lesson)
        option_ids = [o.id for o in item.options]
        key = item.key
        if not (isinstance(key, tuple) and key and set(key) <= set(option_ids) and len(set(key)) == len(key)):
            yield "key", f"must list ids of the right options ({', '.join(option_ids)})"
