"""Cloze: a sentence of the article with a word blanked out, typed (or chosen from a word bank)."""

from __future__ import annotations

from helpers.lesson.field_checks import _quoted
from helpers.lesson.items.base import BLANK, Block, Typed, register, scrambled
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import normalize_match
from helpers.text.folding import find_form

__all__ = ["Cloze"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    import random
    from collections.abc import Iterable, Sequence

    from helpers.lesson.items.platform import PlatformQuestion


@register
class Cloze(Typed):
    """The ``gap`` of sentence ``sentence`` is blanked; the key lists accepted answers, the gap first.

    A word bank (``bank``: other words) shows the gap among them, in the student's order.
    """

    name = "cloze"
    label = "fill the gap"
    has_sentence = True

    def arrangement(self, item: QuizItem, rng: random.Random | None) -> tuple[str, ...]:
        """The word bank (the gap among the other words), or nothing when the item has no bank."""
        if not item.bank or not item.gap:
            return ()
        return scrambled([item.gap, *item.bank], rng, item.id)

    def blanked(self, item: QuizItem, lesson: Lesson) -> str:
        """The sentence with its gap blanked, found the way the checks find it (spelling folded, whole words).

        >>> from helpers import load_lesson
        >>> lesson = load_lesson()
        >>> item = next(q for q in lesson.quiz if q.type == "cloze")
        >>> BLANK in Cloze().blanked(item, lesson), item.gap in Cloze().blanked(item, lesson)
        (True, False)
        """
        text = lesson.sentence(item.sentence or "").ar
        spans = find_form(text, item.gap or "")
        if not spans:
            raise ValueError(f"item {item.id!r}: {item.gap!r} does not occur as whole words in {item.sentence}")
        start, end = spans[0]
        return text[:start] + BLANK + text[end:]

    def stem(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> tuple[Block, ...]:
        blocks = [Block("sentence", (self.blanked(item, lesson),))]
        if arrangement:
            blocks.append(Block("bank", tuple(arrangement)))
        return tuple(blocks)

    def evidence_words(self, item: QuizItem) -> tuple[str, ...]:
        return (item.gap,) if item.gap else ()

    def platform(self, item: QuizItem, lesson: Lesson, arrangement: Sequence[str]) -> PlatformQuestion:
        """A gap in the sentence: typed (every accepted spelling) or, with a word bank, chosen from the bank."""
        before, _, after = self.blanked(item, lesson).partition(BLANK)
        if arrangement:
            from helpers.lesson.items.platform import PlatformChoice

            bank = tuple(PlatformChoice(w, 1.0 if w == item.gap else 0.0) for w in arrangement)
            lost = ("typing the answer instead of choosing it from the word bank",)
            return self.platform_question(item, lesson, "gap", lost, before=before, after=after, choices=bank)
        return self.platform_question(item, lesson, "gap", self.spelling_losses(item), before=before, after=after,
                                      answers=self.spellings(item))  # fmt: skip

    def check_fields(self, item: QuizItem, lesson: Lesson) -> Iterable[tuple[str, str]]:
        yield from super().check_fields(item, lesson)
        ids = {s.id for s in lesson.sentences}
        if item.sentence not in ids:
            yield "sentence", f"no sentence has the id {item.sentence!r}"
        elif not item.gap or not find_form(lesson.sentence(item.sentence).ar, item.gap):
            yield "gap", f"{_quoted(item.gap or '')} does not occur as whole words in {item.sentence}"
        elif item.sentence not in item.evidence:
            yield "evidence", f"must include the cloze sentence {item.sentence}"
        elif isinstance(item.key, tuple) and item.key and normalize_match(item.key[0]) != normalize_match(item.gap):
            yield "key", f"the first accepted answer must be the gap itself ({_quoted(item.gap)})"
