"""Quiz items as immutable data: what ``quiz.yaml`` holds once loaded.

What an item *does* (its checks, grading, key, the paper it prints on) belongs
to its type, one class per type in :mod:`helpers.lesson.items`. Each type
registers itself in :data:`ITEM_TYPES` under its name, and :func:`item_type`
finds the type of an item. This module holds only the data and the registry:
it imports no text processing.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.lesson.model import Bilingual

__all__ = ["ITEM_TYPES", "Option", "QuizItem", "item_type"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Every item type by its name (``ITEM_TYPES[item.type]``): instances of ``helpers.lesson.items.ItemType``
#: subclasses, which register themselves (this module imports none of them: it stays plain data).
ITEM_TYPES: dict[str, Any] = {}


def item_type(item: QuizItem | str) -> Any:
    """The type (an ``ItemType``: it checks, grades and prints items) of an item or of a type name."""
    name = item if isinstance(item, str) else item.type
    try:
        return ITEM_TYPES[name]
    except KeyError:
        known = ", ".join(ITEM_TYPES) or "none registered"
        raise ValueError(f"unknown item type {name!r} (types: {known})") from None


@dataclass(frozen=True)
class Option:
    """One choice of a single- or multiple-answer item, with the feedback shown when it is chosen."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class QuizItem:
    """One comprehension question; see ``materials/README.md`` for the fields of each type."""

    id: str
    type: str
    skill: str
    difficulty: int
    points: int
    prompt: Bilingual
    explanation: str
    evidence: tuple[str, ...]
    options: tuple[Option, ...] = ()
    key: str | bool | tuple[str, ...] | None = None
    statement: Bilingual | None = None
    if_true: str | None = None
    if_false: str | None = None
    sentence: str | None = None
    gap: str | None = None
    bank: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    steps: tuple[tuple[str, str], ...] = ()
    strictness: str = "normal"
    hint: str | None = None
    status: str = "checked"
    review: tuple[str, ...] = ()

    @property
    def draft(self) -> bool:
        """True while no teacher has checked the item: learners see it marked "not yet checked"."""
        return self.status != "checked"

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> QuizItem:
        """An item from its ``quiz.yaml`` entry (already checked against the schema)."""
        key = raw.get("key")
        if isinstance(key, list):
            key = tuple(key)
        statement = raw.get("statement")
        feedback = raw.get("feedback") or {}
        return cls(
            id=raw["id"],
            type=raw["type"],
            skill=raw["skill"],
            difficulty=raw["difficulty"],
            points=raw["points"],
            prompt=Bilingual(raw["prompt"].get("ar"), raw["prompt"].get("en")),
            explanation=raw["explanation"],
            evidence=tuple(raw["evidence"]),
            options=tuple(Option(o["id"], o["text"], o["feedback"]) for o in raw.get("options", ())),
            key=key,
            statement=Bilingual(statement.get("ar"), statement.get("en")) if statement else None,
            if_true=feedback.get("if_true"),
            if_false=feedback.get("if_false"),
            sentence=raw.get("sentence"),
            gap=raw.get("gap"),
            bank=tuple(raw.get("bank", ())),
            pairs=tuple((p["left"], p["right"]) for p in raw.get("pairs", ())),
            steps=tuple((st["id"], st["text"]) for st in raw.get("steps", ())),
            strictness=raw.get("strictness", "normal"),
            hint=raw.get("hint"),
            status=raw.get("status", "checked"),
            review=tuple(raw.get("review", ())),
        )

    @property
    def answers(self) -> tuple[str, ...]:
        """Accepted typed answers (of the types where the learner types the answer; empty for the others)."""
        return item_type(self).answers(self)

    def to_dict(self) -> dict[str, Any]:
        """The item in the ``khabar dump`` shape (its type decides which fields it carries)."""
        return item_type(self).to_dict(self)
