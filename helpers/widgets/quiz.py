"""Quiz widgets: one item or a whole set, in practice or exam mode, answers kept as they are given.

Practice: each item has *Check* (and *Hint*); feedback shows the evidence
sentence with the relevant words marked. Exam: no feedback until *Submit*,
then a report. Every answer is stored in the progress database with the
student id, and can be exported to a results file. The key never appears in
what the widgets show before an answer is checked.
"""

from __future__ import annotations

import ipywidgets as widgets

from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.study.scoring import ItemResult, export_results, grade_item, student_variant
from helpers.text.arabic import contains_arabic
from helpers.text.folding import find_form
from helpers.views.html import _mixed, ar, en, style
from helpers.views.quiz import _text_html, evidence_html

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from helpers.study.progress import ProgressStore

__all__ = ["ItemView", "Quiz", "quiz", "quiz_item", "results_export"]

_BLANK = ("—", "")


class ItemView(widgets.VBox):
    """One quiz item: prompt, the right input for its type, and feedback."""

    def __init__(
        self,
        lesson: Lesson,
        item: QuizItem,
        number: int = 1,
        option_order: tuple[str, ...] | None = None,
        exam: bool = False,
        on_answer: Callable[[ItemResult], None] | None = None,
    ) -> None:
        self.lesson, self.item, self.exam, self.on_answer = lesson, item, exam, on_answer
        self.result: ItemResult | None = None
        prompt = [f"<b>{number}.</b> "]
        if item.prompt.ar:
            prompt.append(ar(item.prompt.ar, tag="div"))
        if item.prompt.en:
            prompt.append(en(item.prompt.en, tag="div"))
        if item.statement:
            prompt.append('<div class="khabar-statement">')
            if item.statement.ar:
                prompt.append(ar(item.statement.ar, tag="div"))
            if item.statement.en:
                prompt.append(en(item.statement.en, tag="div"))
            prompt.append("</div>")
        if item.type == "cloze" and item.sentence and item.gap:
            text = lesson.sentence(item.sentence).ar
            start, end = find_form(text, item.gap)[0]
            prompt.append(ar(f"{text[:start]} ______ {text[end:]}", tag="div", cls="khabar-ar khabar-cloze"))
            if item.bank:
                import random

                bank = [item.gap, *item.bank]
                random.Random(item.id).shuffle(bank)
                prompt.append(en("Word bank: ", tag="span") + " · ".join(ar(w) for w in bank))
        self.prompt = widgets.HTML("".join(prompt))
        self.input = self._build_input(option_order)
        self.check_button = widgets.Button(description="Check", button_style="primary")
        self.check_button.add_class("khabar-check")
        self.hint_button = widgets.Button(description="Hint", disabled=not item.hint)
        self.hint_button.add_class("khabar-hint")
        self.feedback = widgets.HTML()
        self.feedback.add_class("khabar-feedback")
        self.check_button.on_click(lambda _: self.check())
        self.hint_button.on_click(lambda _: self.show_hint())
        buttons = [] if exam else [widgets.HBox([self.check_button, self.hint_button])]
        super().__init__([self.prompt, self.input, *buttons, self.feedback])
        self.add_class("khabar-item")
        self.add_class(f"khabar-item-{item.type}")

    # -- inputs ------------------------------------------------------------------------------

    def _build_input(self, order: tuple[str, ...] | None) -> widgets.Widget:
        item = self.item
        if item.type in ("single", "multiple"):
            by_id = {o.id: o for o in item.options}
            ids = list(order or by_id)
            if item.type == "single":
                self._choice = widgets.RadioButtons(options=[(by_id[i].text, i) for i in ids], value=None)
                self._choice.add_class(
                    "khabar-rtl" if any(contains_arabic(o.text) for o in item.options) else "khabar-ltr"
                )
                return self._choice
            self._boxes = {i: widgets.Checkbox(description=by_id[i].text, indent=False, value=False) for i in ids}
            box = widgets.VBox(list(self._boxes.values()))
            box.add_class("khabar-rtl" if any(contains_arabic(o.text) for o in item.options) else "khabar-ltr")
            return box
        if item.type == "true-false":
            self._choice = widgets.RadioButtons(options=[("صحيح · true", True), ("خطأ · false", False)], value=None)
            self._choice.add_class("khabar-rtl")
            return self._choice
        if item.type in ("cloze", "short-answer"):
            self._text = widgets.Text(placeholder="اكتب هنا · type in Arabic", continuous_update=False)
            self._text.add_class("khabar-rtl-input")
            self._text.add_class("khabar-answer")
            return self._text
        if item.type == "matching":
            import random

            rights = [b for _, b in item.pairs]
            random.Random(item.id).shuffle(rights)
            self._pairs = {
                a: widgets.Dropdown(options=[_BLANK, *[(r, r) for r in rights]], value="") for a, _ in item.pairs
            }
            rows = [widgets.HBox([widgets.HTML(ar(a, cls="khabar-ar-inline")), d]) for a, d in self._pairs.items()]
            return widgets.VBox(rows)
        if item.type == "ordering":
            import random

            steps = list(item.steps)
            random.Random(item.id).shuffle(steps)
            positions = [_BLANK, *[(str(n), n) for n in range(1, len(steps) + 1)]]
            self._steps = {sid: widgets.Dropdown(options=positions, value="", layout=widgets.Layout(width="5em"))
                           for sid, _ in steps}  # fmt: skip
            rows = [widgets.HBox([self._steps[sid], widgets.HTML(_text_html(text))]) for sid, text in steps]
            return widgets.VBox(rows)
        raise ValueError(f"unknown item type {item.type!r}")

    def response(self) -> Any:
        """What the learner has answered so far, in the form :func:`helpers.grade_item` takes."""
        kind = self.item.type
        if kind in ("single", "true-false"):
            return self._choice.value
        if kind == "multiple":
            return [i for i, box in self._boxes.items() if box.value]
        if kind in ("cloze", "short-answer"):
            return self._text.value
        if kind == "matching":
            return {a: d.value for a, d in self._pairs.items() if d.value}
        if kind == "ordering":
            chosen = {sid: d.value for sid, d in self._steps.items() if d.value != ""}
            if len(set(chosen.values())) != len(chosen):
                return []
            return [sid for sid, _ in sorted(chosen.items(), key=lambda kv: kv[1])]
        return None

    # -- actions -----------------------------------------------------------------------------

    def check(self) -> ItemResult:
        """Grade the current answer, show feedback (practice mode) and report it."""
        result = grade_item(self.item, self.response())
        if result.answered:
            self.result = result
            if self.on_answer:
                self.on_answer(result)
        if not self.exam or not result.answered:
            self.reveal(result)
        return result

    def reveal(self, result: ItemResult) -> None:
        """Show the verdict, the feedback, and (once answered) the explanation with its evidence."""
        if not result.answered:
            self.feedback.value = en(result.feedback, tag="p", cls="khabar-en khabar-unanswered")
            return
        verdict = "✓ Right" if result.correct else ("◐ Partly right" if result.score > 0 else "✗ Not right")
        cls = "khabar-right" if result.correct else ("khabar-partly" if result.score > 0 else "khabar-wrong")
        self.feedback.value = (
            f'<div class="{cls}"><b>{verdict}</b> — {result.score:g} / {result.points} · '
            + _mixed(result.feedback)
            + "</div>"
            + '<details class="khabar-why"><summary>Why? Show the evidence</summary>'
            + _mixed(self.item.explanation)
            + evidence_html(self.lesson, self.item)
            + "</details>"
        )

    def show_hint(self) -> None:
        if self.item.hint:  # English that may quote Arabic
            self.feedback.value = f'<p class="khabar-en" dir="ltr" lang="en">Hint: {_mixed(self.item.hint)}</p>'


class Quiz(widgets.VBox):
    """A set of items with a running score (practice) or a final report (exam)."""

    def __init__(
        self,
        lesson: Lesson,
        items: list[QuizItem] | None = None,
        mode: str = "practice",
        student: str = "",
        progress: ProgressStore | None = None,
        count: int | None = None,
        shuffle: bool | None = None,
    ) -> None:
        if mode not in ("practice", "exam"):
            raise ValueError(f"mode must be 'practice' or 'exam', not {mode!r}")
        self.lesson, self.mode, self.progress = lesson, mode, progress
        self.student_box = widgets.Text(value=student, description="Student", placeholder="your name or id")
        self.student_box.add_class("khabar-student")
        shuffle = (mode == "exam") if shuffle is None else shuffle
        self.variant = student_variant(lesson, student or "anonymous", items, count, shuffle, shuffle)
        self.best: dict[str, ItemResult] = {}
        self._views: dict[int, ItemView] = {}
        # Practice shows one question at a time (built when first shown); an exam paper shows them all.
        self.paged = mode == "practice" and len(self.variant.items) > 1
        self.position = 0
        self.page = widgets.VBox()
        self.previous_button = widgets.Button(description="◀ Previous question")
        self.next_button = widgets.Button(description="Next question ▶")
        self.page_label = widgets.Label()
        self.previous_button.add_class("khabar-quiz-previous")
        self.next_button.add_class("khabar-quiz-next")
        self.previous_button.on_click(lambda _: self.show(self.position - 1))
        self.next_button.on_click(lambda _: self.show(self.position + 1))
        self.score = widgets.HTML()
        self.score.add_class("khabar-score")
        self.report = widgets.HTML()
        self.report.add_class("khabar-report")
        self.submit_button = widgets.Button(description="Submit my answers", button_style="success")
        self.submit_button.add_class("khabar-submit")
        self.submit_button.on_click(lambda _: self.submit())
        footer = [self.submit_button, self.report] if mode == "exam" else []
        notice = [widgets.HTML(en(progress.warning, tag="p"))] if progress is not None and progress.warning else []
        header = en(
            "Exam: no feedback until you submit." if mode == "exam" else "Practice: check each answer as you go.",
            tag="p",
        )
        if self.paged:
            body = [widgets.HBox([self.previous_button, self.next_button, self.page_label]), self.page]
        else:
            body = self.views
        super().__init__([widgets.HTML(style() + header), *notice, self.student_box, self.score, *body, *footer])
        self.add_class("khabar-quiz")
        if self.paged:
            self.show(0)
        self._update_score()

    def view(self, index: int) -> ItemView:
        """The view of question ``index`` (0-based), built on first use."""
        if index not in self._views:
            item = self.variant.items[index]
            self._views[index] = ItemView(
                self.lesson, item, index + 1, self.variant.option_order.get(item.id), self.mode == "exam",
                self._answered,
            )  # fmt: skip
        return self._views[index]

    @property
    def views(self) -> list[ItemView]:
        """Every question's view (all built)."""
        return [self.view(i) for i in range(len(self.variant.items))]

    def show(self, index: int) -> None:
        """Practice: show question ``index`` (clamped to the first and last)."""
        self.position = max(0, min(index, len(self.variant.items) - 1))
        self.page.children = (self.view(self.position),)
        self.page_label.value = f"Question {self.position + 1} of {len(self.variant.items)}"
        self.previous_button.disabled = self.position == 0
        self.next_button.disabled = self.position == len(self.variant.items) - 1

    @property
    def student(self) -> str:
        return self.student_box.value.strip() or "anonymous"

    def _answered(self, result: ItemResult) -> None:
        previous = self.best.get(result.item_id)
        if previous is None or result.score >= previous.score:
            self.best[result.item_id] = result
        if self.progress is not None:
            self.progress.record_attempt(
                self.lesson.id, self.student, result.item_id, result.response, result.score, result.points, self.mode
            )
        self._update_score()

    def _update_score(self) -> None:
        if self.mode == "exam" and not self.report.value:
            self.score.value = en(f"{len(self.variant.items)} questions.", tag="p")
            return
        got = sum(r.score for r in self.best.values())
        total = sum(q.points for q in self.variant.items)
        self.score.value = en(
            f"Score: {got:g} / {total} points · {len(self.best)} of {len(self.variant.items)} questions answered",
            tag="p",
        )

    def submit(self) -> None:
        """Exam mode: grade every item, store the answers, and show the report and all feedback."""
        rows = []
        for n, view in enumerate(self.views, start=1):
            result = view.check()
            view.reveal(result)
            mark = "✓" if result.correct else ("◐" if result.score > 0 else "✗")
            rows.append(f"<tr><td>{n}</td><td>{mark}</td><td>{result.score:g} / {result.points}</td></tr>")
        self.submit_button.disabled = True
        self._update_score()
        got = sum(r.score for r in self.best.values())
        total = sum(v.item.points for v in self.views)
        self.report.value = (
            f'<div class="khabar-en"><b>Your result: {got:g} / {total} points.</b> '
            "The feedback and evidence are now shown under each question.</div>"
            f'<table class="khabar-table"><tr><th>Question</th><th></th><th>Points</th></tr>{"".join(rows)}</table>'
        )
        self.score.value = en(f"Submitted: {got:g} / {total} points", tag="p")


def quiz(
    lesson: Lesson,
    items: list[QuizItem] | None = None,
    mode: str = "practice",
    student: str = "",
    progress: ProgressStore | None = None,
    count: int | None = None,
    shuffle: bool | None = None,
) -> Quiz:
    """A quiz over the lesson's items (or ``items``): ``mode`` 'practice' or 'exam'.

    With a ``student`` id, exam variants (item and option order, a subset of
    ``count`` items) are reproducible: the same id always gets the same paper.
    """
    return Quiz(lesson, items, mode, student, progress, count, shuffle)


def quiz_item(lesson: Lesson, item_id: str, progress: ProgressStore | None = None, student: str = "") -> Quiz:
    """One item on its own, in practice mode."""
    return Quiz(lesson, [lesson.item(item_id)], "practice", student, progress, shuffle=False)


def results_export(lesson: Lesson, progress: ProgressStore, student: str = "", folder: str = ".") -> widgets.VBox:
    """A button that writes a student's results (JSON and CSV) for the teacher."""
    from pathlib import Path

    name = widgets.Text(value=student, description="Student", placeholder="your name or id")
    button = widgets.Button(description="Export my results", icon="download")
    button.add_class("khabar-export-results")
    out = widgets.HTML()

    def write(_: object) -> None:
        who = name.value.strip()
        if not who:
            out.value = en("Type your name or student id first.", tag="p")
            return
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in who)
        base = Path(folder) / f"results-{lesson.id}-{safe}"
        paths = export_results(progress, lesson, who, base.with_suffix(".json"), base.with_suffix(".csv"))
        out.value = en(f"Written: {', '.join(str(p) for p in paths)}. Send the .json file to your teacher.", tag="p")

    button.on_click(write)
    box = widgets.VBox([widgets.HBox([name, button]), out])
    box.name, box.button, box.result = name, button, out  # for tests and scripts
    return box
