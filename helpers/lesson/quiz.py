"""Quiz items as immutable data: what ``quiz.yaml`` holds once loaded."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.lesson.model import Bilingual

__all__ = ["Option", "QuizItem"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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

    @property
    def answers(self) -> tuple[str, ...]:
        """Accepted typed answers (cloze and short-answer items)."""
        return self.key if isinstance(self.key, tuple) and self.type in ("cloze", "short-answer") else ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "skill": self.skill,
            "difficulty": self.difficulty,
            "points": self.points,
            "prompt": {k: v for k, v in (("ar", self.prompt.ar), ("en", self.prompt.en)) if v},
            "explanation": self.explanation,
            "evidence": list(self.evidence),
            "hint": self.hint,
        }
        if self.options:
            data["options"] = [{"id": o.id, "text": o.text, "feedback": o.feedback} for o in self.options]
        if self.key is not None:
            data["key"] = list(self.key) if isinstance(self.key, tuple) else self.key
        if self.statement:
            data["statement"] = {k: v for k, v in (("ar", self.statement.ar), ("en", self.statement.en)) if v}
            data["feedback"] = {"if_true": self.if_true, "if_false": self.if_false}
        if self.sentence:
            data.update(sentence=self.sentence, gap=self.gap, bank=list(self.bank))
        if self.pairs:
            data["pairs"] = [{"left": a, "right": b} for a, b in self.pairs]
        if self.steps:
            data["steps"] = [{"id": i, "text": t} for i, t in self.steps]
        if self.type in ("cloze", "short-answer"):
            data["strictness"] = self.strictness
        return data
