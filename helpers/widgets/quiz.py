"""Quiz widgets: one item or a whole set, in practice or exam mode, answers kept as they are given.

Practice: each item has *Check* (and *Hint*); feedback shows the evidence
sentence with the relevant words marked. Exam: no feedback until *Submit*,
then a report. Every answer is stored in the progress database under the
student id typed in the quiz's box, and can be exported to a results file.
The key never appears in what the widgets show before an answer is checked.

Each item type has one input widget here (a subclass of :class:`ItemInput`,
registered with :func:`input_for`); what the question shows and how it is
graded belong to the type itself (:mod:`helpers.lesson.items`).
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import traitlets

from helpers.lesson.items import ItemResult, ItemType, item_type
from helpers.lesson.items.cloze import Cloze
from helpers.lesson.items.matching import Matching
from helpers.lesson.items.multiple import Multiple
from helpers.lesson.items.ordering import Ordering
from helpers.lesson.items.short_answer import ShortAnswer
from helpers.lesson.items.single import Single
from helpers.lesson.items.true_false import TrueFalse
from helpers.lesson.model import Lesson
from helpers.lesson.paths import output_dir
from helpers.lesson.quiz import QuizItem
from helpers.study.scoring import best_by_item, check_student_name, export_results, results_file_stem, student_variant
from helpers.text.arabic import contains_arabic
from helpers.views.html import Markup, ar, ar_or_text, draft_mark, en, mixed, style
from helpers.views.quiz import evidence_html, stem_html, text_html
from helpers.widgets.base import (
    ERROR_CLASS,
    failure_message,
    guarded,
    shortened,
    show_message,
    store_notice,
    update_store_notice,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from helpers.study.progress import ProgressStore
    from helpers.study.scoring import Variant

__all__ = [
    "INPUTS",
    "ItemInput",
    "ItemView",
    "Quiz",
    "ResultsExport",
    "input_for",
    "quiz",
    "quiz_item",
    "results_export",
]

_BLANK = ("—", "")
ANONYMOUS = "anonymous"


def _error(message: str) -> Markup:
    return en(message, tag="p", cls=f"khabar-en {ERROR_CLASS}")


# -- inputs: one class per item type ----------------------------------------------------------

#: The input widget of each item type, by type name.
INPUTS: dict[str, type[ItemInput]] = {}


def input_for(kind: type[ItemType]) -> Callable[[type[ItemInput]], type[ItemInput]]:
    """Class decorator: make the class the input widget of items of type ``kind``."""

    def decorate(cls: type[ItemInput]) -> type[ItemInput]:
        INPUTS[kind.name] = cls
        return cls

    return decorate


class ItemInput(widgets.VBox):
    """Where a learner answers one item, built from the item and its arrangement (the student's order).

    :meth:`response` gives the answer in the form the item's type grades; :meth:`set_response`
    fills the visible controls with one (for tests and scripts).
    """

    def __init__(self, item: QuizItem, arrangement: Sequence[str], children: Sequence[widgets.Widget]) -> None:
        self.item, self.arrangement = item, tuple(arrangement)
        super().__init__(list(children))
        self.add_class("khabar-input")

    def response(self) -> Any:
        raise NotImplementedError

    def set_response(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def blank(self) -> bool:
        """Nothing entered yet."""
        value = self.response()
        return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {}, ())


def _direction(texts: Sequence[str]) -> str:
    return "khabar-rtl" if any(contains_arabic(t) for t in texts) else "khabar-ltr"


class _RadioInput(ItemInput):
    def __init__(self, item: QuizItem, arrangement: Sequence[str], choices: Sequence[tuple[str, Any]]) -> None:
        self.choice = widgets.RadioButtons(options=list(choices), value=None)
        self.choice.add_class(_direction([label for label, _ in choices]))
        super().__init__(item, arrangement, [self.choice])

    def response(self) -> Any:
        return self.choice.value

    def set_response(self, value: Any) -> None:
        self.choice.value = value


@input_for(Single)
class SingleInput(_RadioInput):
    """Radio buttons, one per option, in the student's order."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        text = {o.id: o.text for o in item.options}
        super().__init__(item, arrangement, [(text[i], i) for i in arrangement or text])


@input_for(TrueFalse)
class TrueFalseInput(_RadioInput):
    """Two radio buttons: true, false."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        super().__init__(item, arrangement, [(label, value) for value, label in TrueFalse.LABELS])


@input_for(Multiple)
class MultipleInput(ItemInput):
    """One checkbox per option, in the student's order."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        text = {o.id: o.text for o in item.options}
        self.boxes = {i: widgets.Checkbox(description=text[i], indent=False, value=False) for i in arrangement or text}
        super().__init__(item, arrangement, list(self.boxes.values()))
        self.add_class(_direction(list(text.values())))

    def response(self) -> list[str]:
        return [i for i, box in self.boxes.items() if box.value]

    def set_response(self, value: Any) -> None:
        chosen = set(value or ())
        if not chosen <= set(self.boxes):
            raise ValueError(f"{self.item.id}: no options {sorted(chosen - set(self.boxes))}")
        for i, box in self.boxes.items():
            box.value = i in chosen


class _TextInput(ItemInput):
    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        self.text = widgets.Text(placeholder="اكتب هنا · type in Arabic", continuous_update=False)
        self.text.add_class("khabar-rtl-input")
        self.text.add_class("khabar-answer")
        super().__init__(item, arrangement, [self.text])

    def response(self) -> str:
        return self.text.value

    def set_response(self, value: Any) -> None:
        self.text.value = value or ""


@input_for(Cloze)
class ClozeInput(_TextInput):
    """A box to type the missing word in (the word bank, if any, is shown with the sentence)."""


@input_for(ShortAnswer)
class ShortAnswerInput(_TextInput):
    """A box to type the answer in."""


@input_for(Matching)
class MatchingInput(ItemInput):
    """One drop-down per left-hand word, listing the right-hand sides in the student's order."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        choices = [_BLANK, *[(right, right) for right in arrangement]]
        self.dropdowns = {left: widgets.Dropdown(options=choices, value="") for left, _ in item.pairs}
        rows = [widgets.HBox([widgets.HTML(ar_or_text(left)), d]) for left, d in self.dropdowns.items()]
        super().__init__(item, arrangement, rows)

    def response(self) -> dict[str, str]:
        return {left: d.value for left, d in self.dropdowns.items() if d.value}

    def set_response(self, value: Any) -> None:
        value = dict(value or {})
        for left, dropdown in self.dropdowns.items():
            dropdown.value = value.get(left, "")


@input_for(Ordering)
class OrderingInput(ItemInput):
    """The steps in the student's order, each with a drop-down for its place (1, 2, …)."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        text = dict(item.steps)
        shown = list(arrangement or text)
        positions = [_BLANK, *[(str(n), n) for n in range(1, len(shown) + 1)]]
        self.dropdowns = {
            sid: widgets.Dropdown(options=positions, value="", layout=widgets.Layout(width="5em")) for sid in shown
        }
        rows = [widgets.HBox([self.dropdowns[sid], widgets.HTML(text_html(text[sid]))]) for sid in shown]
        super().__init__(item, arrangement, rows)

    def response(self) -> list[str]:
        chosen = {sid: d.value for sid, d in self.dropdowns.items() if d.value != ""}
        if len(set(chosen.values())) != len(chosen):
            return []  # two steps in one place: no order yet
        return [sid for sid, _ in sorted(chosen.items(), key=lambda kv: kv[1])]

    def set_response(self, value: Any) -> None:
        place = {sid: n for n, sid in enumerate(value or (), start=1)}
        if not set(place) <= set(self.dropdowns):
            raise ValueError(f"{self.item.id}: no steps {sorted(set(place) - set(self.dropdowns))}")
        for sid, dropdown in self.dropdowns.items():
            dropdown.value = place.get(sid, "")

    @property
    def blank(self) -> bool:
        return all(d.value == "" for d in self.dropdowns.values())


# -- one item ---------------------------------------------------------------------------------


class ItemView(widgets.VBox):
    """One quiz item: prompt, the input of its type, and feedback."""

    def __init__(
        self,
        lesson: Lesson,
        item: QuizItem,
        number: int = 1,
        arrangement: Sequence[str] | None = None,
        exam: bool = False,
        on_answer: Callable[[ItemResult], None] | None = None,
    ) -> None:
        self.lesson, self.item, self.exam, self.on_answer = lesson, item, exam, on_answer
        self.kind = item_type(item)
        self.arrangement = tuple(self.kind.arrangement(item, None) if arrangement is None else arrangement)
        self.result: ItemResult | None = None
        self.prompt = widgets.HTML(self._prompt_html(number))
        try:
            make_input = INPUTS[item.type]
        except KeyError:
            raise ValueError(f"no input widget for items of type {item.type!r}") from None
        self.input = make_input(item, self.arrangement)
        self.check_button = widgets.Button(description="Check", button_style="primary")
        self.check_button.add_class("khabar-check")
        self.hint_button = widgets.Button(description="Hint", disabled=not item.hint)
        self.hint_button.add_class("khabar-hint")
        self.feedback = widgets.HTML()
        self.feedback.add_class("khabar-feedback")
        self.check_button.on_click(guarded(self.feedback, lambda _: self.check(), "check your answer"))
        self.hint_button.on_click(guarded(self.feedback, lambda _: self.show_hint(), "show the hint"))
        buttons = [] if exam else [widgets.HBox([self.check_button, self.hint_button])]
        super().__init__([self.prompt, self.input, *buttons, self.feedback])
        self.add_class("khabar-item")
        self.add_class(f"khabar-item-{item.type}")

    def _prompt_html(self, number: int) -> Markup:
        item = self.item
        parts = [Markup("<b>{}.</b> ").format(number), draft_mark(item)]
        if item.prompt.ar:
            parts.append(ar(item.prompt.ar, tag="div"))
        if item.prompt.en:
            parts.append(en(item.prompt.en, tag="div"))
        if item.statement:
            statement = [ar(item.statement.ar, tag="div")] if item.statement.ar else []
            if item.statement.en:
                statement.append(en(item.statement.en, tag="div"))
            parts.append(Markup('<div class="khabar-statement">{}</div>').format(Markup("").join(statement)))
        parts.append(stem_html(self.kind.stem(item, self.lesson, self.arrangement)))
        return Markup("").join(parts)

    def __repr__(self) -> str:
        if self.result is not None:
            r = self.result
            verdict = "right" if r.correct else ("partly right" if r.score > 0 else "not right")
            state = f"{verdict}, {r.score:g} / {r.points}"
        else:
            state = "unanswered" if self.input.blank else "answer given, not checked"
        return f"ItemView: {self.item.id} ({self.item.type}), {state}"

    # -- the learner's answer ----------------------------------------------------------------

    def response(self) -> Any:
        """What the learner has answered so far, in the form :func:`helpers.grade_item` takes."""
        return self.input.response()

    def set_response(self, value: Any) -> None:
        """Fill the visible input with an answer, as a learner would (for tests and scripts)."""
        self.input.set_response(value)

    @property
    def touched(self) -> bool:
        """The learner has entered or checked an answer."""
        return self.result is not None or not self.input.blank

    # -- actions -----------------------------------------------------------------------------

    def check(self) -> ItemResult:
        """Grade the current answer, show feedback (practice mode) and report it."""
        result = self.kind.grade(self.item, self.response())
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
        self.feedback.value = Markup(
            '<div class="{}"><b>{}</b> — {} / {} · {}</div>'
            '<details class="khabar-why"><summary>Why? Show the evidence</summary>{}{}</details>'
        ).format(
            cls,
            verdict,
            f"{result.score:g}",
            result.points,
            mixed(result.feedback),
            mixed(self.item.explanation),
            evidence_html(self.lesson, self.item),
        )

    def show_hint(self) -> None:
        if self.item.hint:  # English that may quote Arabic
            self.feedback.value = Markup('<p class="khabar-en" dir="ltr" lang="en">Hint: {}</p>').format(
                mixed(self.item.hint)
            )


# -- a set of items ---------------------------------------------------------------------------


class Quiz(widgets.VBox):
    """A set of items with a running score (practice) or a final report (exam).

    The paper follows :attr:`student` (the id typed in the box): until the first answer, a new id
    gets that student's own paper; after it, the paper stays and the answers go on under the new id.
    """

    #: The student id as typed in the box (spaces around it dropped); answers are recorded under it.
    student = traitlets.Unicode("")

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
        self._pool, self._count = items, count
        self._shuffle = (mode == "exam") if shuffle is None else shuffle
        self.attempts: list[dict[str, Any]] = []
        #: Why the last answers could not be saved in the progress store, and which (empty: all saved).
        self.unsaved: list[str] = []
        self._unsaved_reason = ""
        self.student_box = widgets.Text(
            value=student, description="Student", placeholder="your name or id", continuous_update=False
        )
        self.student_box.add_class("khabar-student")
        self.student_note = widgets.HTML()
        self.student_note.add_class("khabar-student-note")
        self.previous_button = widgets.Button(description="◀ Previous question")
        self.next_button = widgets.Button(description="Next question ▶")
        self.page_label = widgets.Label()
        self.previous_button.add_class("khabar-quiz-previous")
        self.next_button.add_class("khabar-quiz-next")
        self.page = widgets.VBox()
        self.body = widgets.VBox()
        self.score = widgets.HTML()
        self.score.add_class("khabar-score")
        self.previous_button.on_click(
            guarded(self.score, lambda _: self.show(self.position - 1), "show the previous question")
        )
        self.next_button.on_click(guarded(self.score, lambda _: self.show(self.position + 1), "show the next question"))
        self.report = widgets.HTML()
        self.report.add_class("khabar-report")
        self.submit_button = widgets.Button(description="Submit my answers", button_style="success")
        self.submit_button.add_class("khabar-submit")
        self.submit_button.on_click(guarded(self.score, lambda _: self.submit(), "submit your answers"))
        footer = [self.submit_button, self.report] if mode == "exam" else []
        #: What the progress store warns of (hidden while it has no warning).
        self.store_notice = store_notice(progress)
        header = en(
            "Exam: no feedback until you submit." if mode == "exam" else "Practice: check each answer as you go.",
            tag="p",
        )
        children = [widgets.HTML(style() + header), self.store_notice, self.student_box, self.student_note, self.score]
        super().__init__([*children, self.body, *footer])
        self.add_class("khabar-quiz")
        self.student = student.strip()
        self._build(self._variant(self.student))
        self._check_name()
        widgets.dlink((self.student_box, "value"), (self, "student"), transform=str.strip)
        self.observe(guarded(self.student_note, self._follow_student, "follow the student's name"), "student")

    # -- the paper ---------------------------------------------------------------------------

    def _variant(self, student: str) -> Variant:
        return student_variant(
            self.lesson, student or ANONYMOUS, self._pool, self._count, self._shuffle, self._shuffle
        )  # fmt: skip

    def _build(self, variant: Variant) -> None:
        """Lay out the paper of ``variant``: its questions, nothing answered yet."""
        self.variant = variant
        self._views: dict[int, ItemView] = {}
        self.attempts = []
        self.position = 0
        # Practice shows one question at a time (built when first shown); an exam paper shows them all.
        self.paged = self.mode == "practice" and len(variant.items) > 1
        if self.paged:
            self.body.children = (widgets.HBox([self.previous_button, self.next_button, self.page_label]), self.page)
            self.show(0)
        else:
            self.body.children = tuple(self.views)
        self._update_score()

    @property
    def touched(self) -> bool:
        """An answer has been entered, checked or submitted on this paper."""
        return self.submit_button.disabled or bool(self.attempts) or any(v.touched for v in self._views.values())

    def _follow_student(self, change: dict[str, Any]) -> None:
        if change["new"] != change["new"].strip():
            self.student = change["new"].strip()  # set from code with spaces: follow the id without them
            return
        if self.student_box.value.strip() != change["new"]:
            self.student_box.value = change["new"]  # set from code: show it in the box
        who = shortened(change["new"] or ANONYMOUS)
        new = self._variant(change["new"])
        if _paper(new) == _paper(self.variant):
            self.student_note.value = ""
        elif self.touched:
            self.student_note.value = en(
                f"You have started this paper, so it stays as it is; your answers are now recorded as {who!r}.",
                tag="p",
            )
        else:
            self._build(new)
            self.student_note.value = en(f"This is the paper of {who!r}.", tag="p")
        self._check_name()

    def _check_name(self) -> None:
        """Say so under the box when the teacher could not take results under the name typed."""
        if not self.student:
            return
        try:
            check_student_name(self.lesson, self.student)
        except ValueError as exc:
            warning = (
                f"Your answers are recorded under this name, but it cannot go in a results file: {exc}. "
                "Type a shorter name or id, in plain letters."
            )
            self.student_note.value = Markup(self.student_note.value) + _error(warning)

    def view(self, index: int) -> ItemView:
        """The view of question ``index`` (0-based), built on first use."""
        if index not in self._views:
            item = self.variant.items[index]
            self._views[index] = ItemView(
                self.lesson, item, index + 1, self.variant.arrangements[item.id], self.mode == "exam", self._answered
            )
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

    # -- answers -----------------------------------------------------------------------------

    @property
    def best(self) -> dict[str, float]:
        """The best score of each item answered on this paper."""
        return best_by_item(self.attempts)

    def _answered(self, result: ItemResult) -> None:
        self.attempts.append({"item": result.item_id, "score": result.score})
        if self.progress is not None:
            try:
                self.progress.record_attempt(
                    self.lesson.id, self.student or ANONYMOUS, result.item_id, result.response, result.score,
                    result.points, self.mode,
                )  # fmt: skip
            except Exception as exc:  # the answer still counts on this page; the score area says it is not saved
                if result.item_id not in self.unsaved:
                    self.unsaved.append(result.item_id)
                self._unsaved_reason = failure_message(exc, "save your answer")
            else:
                if result.item_id in self.unsaved:
                    self.unsaved.remove(result.item_id)
            update_store_notice(self.store_notice, self.progress)  # e.g. a full disk: kept in memory from now on
        self._update_score()

    def _unsaved_warning(self) -> Markup:
        """The words under the score when answers could not be saved (empty when every answer was)."""
        if not self.unsaved:
            return Markup("")
        return _error(
            f"{self._unsaved_reason} Not saved: {', '.join(self.unsaved)}; "
            "these answers count on this page only (answer them again to save them)."
        )

    def _update_score(self) -> None:
        if self.mode == "exam" and not self.report.value:
            self.score.value = en(f"{len(self.variant.items)} questions.", tag="p") + self._unsaved_warning()
            return
        best = self.best
        total = sum(q.points for q in self.variant.items)
        self.score.value = (
            en(
                f"Score: {sum(best.values()):g} / {total} points · {len(best)} of {len(self.variant.items)} "
                "questions answered",
                tag="p",
            )
            + self._unsaved_warning()
        )

    def submit(self) -> None:
        """Exam mode: grade every item, store the answers, and show the report and all feedback."""
        rows = []
        for n, view in enumerate(self.views, start=1):
            result = view.check()
            view.reveal(result)
            mark = "✓" if result.correct else ("◐" if result.score > 0 else "✗")
            rows.append(
                Markup("<tr><td>{}</td><td>{}</td><td>{} / {}</td></tr>").format(
                    n, mark, f"{result.score:g}", result.points
                )
            )
        self.submit_button.disabled = True
        got = f"{sum(self.best.values()):g}"
        total = sum(v.item.points for v in self.views)
        self.report.value = Markup(
            '<div class="khabar-en"><b>Your result: {} / {} points.</b> '
            "The feedback and evidence are now shown under each question.</div>"
            '<table class="khabar-table"><tr><th>Question</th><th></th><th>Points</th></tr>{}</table>'
        ).format(got, total, Markup("").join(rows))
        self.score.value = en(f"Submitted: {got} / {total} points", tag="p") + self._unsaved_warning()

    def __repr__(self) -> str:
        who = f"student {shortened(self.student)!r}" if self.student else "no student name"
        state = ", submitted" if self.submit_button.disabled else ""
        return f"Quiz: {self.mode}, {len(self.variant.items)} questions, {who}, {len(self.best)} answered{state}"


def _paper(variant: Variant) -> tuple[object, ...]:
    """What a student sees of a variant: the items in order and each one's arrangement."""
    return tuple((q.id, variant.arrangements[q.id]) for q in variant.items)


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

    Exam papers are per student (:func:`helpers.student_variant`: a subset of ``count``
    items, their order, and the order of options, pairs, steps and word banks): the same id
    always gets the same paper. The paper follows the id typed in the quiz's box until the
    first answer.
    """
    return Quiz(lesson, items, mode, student, progress, count, shuffle)


def quiz_item(lesson: Lesson, item_id: str, progress: ProgressStore | None = None, student: str = "") -> Quiz:
    """One item on its own, in practice mode."""
    return Quiz(lesson, [lesson.item(item_id)], "practice", student, progress, shuffle=False)


class ResultsExport(widgets.VBox):
    """A name box and a button that write a student's results (JSON and CSV) for the teacher."""

    def __init__(self, lesson: Lesson, progress: ProgressStore, student: str = "", folder: str | None = None) -> None:
        self.lesson, self.progress = lesson, progress
        self.folder = Path(folder) if folder is not None else output_dir()
        self.written: list[str] = []
        self.name = widgets.Text(value=student, description="Student", placeholder="your name or id")
        self.button = widgets.Button(description="Export my results", icon="download")
        self.button.add_class("khabar-export-results")
        self.result = widgets.HTML()
        self.result.add_class("khabar-export-result")
        self.button.on_click(guarded(self.result, lambda _: self.write(), "export your results"))
        super().__init__([widgets.HBox([self.name, self.button]), self.result])

    def __repr__(self) -> str:
        who = self.name.value.strip()
        done = ", ".join(self.written) if self.written else "nothing yet"
        return f"ResultsExport: {f'student {shortened(who)!r}' if who else 'no student name'}, written: {done}"

    def write(self) -> None:
        """Write the results of the student named in the box, and say where they went."""
        who = self.name.value.strip()
        if not who:
            self.result.value = en("Type your name or student id first.", tag="p")
            return
        stem = results_file_stem(self.lesson.id, who)
        targets = (self.folder / f"{stem}.json", self.folder / f"{stem}.csv")
        replaced = any(t.exists() for t in targets)  # the same name's earlier export: these files bring it up to date
        try:
            paths = export_results(self.progress, self.lesson, who, *targets)
        except (OSError, ValueError) as exc:
            show_message(self.result, failure_message(exc, "export your results"))
            return
        self.written = [p.name for p in paths]
        again = " (they replace your earlier export)" if replaced else ""
        self.result.value = en(
            f"Written: {', '.join(str(p) for p in paths)}{again}. Send the .json file to your teacher.", tag="p"
        )


def results_export(
    lesson: Lesson, progress: ProgressStore, student: str = "", folder: str | None = None
) -> ResultsExport:
    """A name box and a button that write a student's results (JSON and CSV) for the teacher."""
    return ResultsExport(lesson, progress, student, folder)
