"""A quiz item as learning platforms know questions (Moodle, Canvas, any GIFT reader).

Platforms have a handful of question kinds; each kit type says, in its class, which one it becomes and what it
cannot carry there (:meth:`helpers.lesson.items.base.ItemType.platform`). The exporters in
:mod:`helpers.views.platforms` write these; they never look at a kit type's name.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PLATFORM_KINDS", "PlatformChoice", "PlatformQuestion"]

#: The kinds of question the exporters write, and what each holds.
PLATFORM_KINDS = {
    "choose-one": "choices: one right",
    "choose-many": "choices: several right, each with its share of the points",
    "true-or-false": "truth, with feedback_true / feedback_false",
    "typed": "answers: every accepted spelling",
    "gap": "text with one gap (before, after) and answers: every accepted spelling",
    "pairs": "pairs: (left, right) in the student's order of the right-hand side",
}


@dataclass(frozen=True)
class PlatformChoice:
    """One option: its text, the share of the item's points it earns (0 to 1, negative for a wrong tick) and
    the feedback shown when it is chosen."""

    text: str
    credit: float
    feedback: str = ""


@dataclass(frozen=True)
class PlatformQuestion:
    """One item, ready for a platform: ``kind`` is one of :data:`PLATFORM_KINDS`.

    ``dropped`` lists, in words a teacher reads, what the kit shows and no platform's question of this kind can
    (partial credit for order, typing instead of choosing); a format adds what it cannot carry itself (a hint).
    The exporters write it into the question and report it.
    """

    id: str
    kind: str
    points: int
    prompt_ar: str | None
    prompt_en: str | None
    statement_ar: str | None = None
    statement_en: str | None = None
    before: str = ""
    after: str = ""
    choices: tuple[PlatformChoice, ...] = ()
    truth: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    answers: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    general_feedback: str = ""
    hint: str = ""
    dropped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in PLATFORM_KINDS:
            raise ValueError(f"not a kind of question the exporters write: {self.kind!r}")
