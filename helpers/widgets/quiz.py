"""Quiz widgets: one item or a whole set, in practice or exam mode, answers kept as they are given.

Practice: the questions one at a time, in a teaching order (:func:`helpers.study.scoring.teaching_order`),
with a menu and a strip of ✓ ✗ ◐ – marks to go to any of them; each has *Check* (and *Hint*), and the
feedback says what was right, row by row where the question has rows, with the evidence sentence and the
relevant words marked. Checking again says so, with the try's number. The score is rebuilt from the answers
kept in the progress store, so it survives a restart. Exam: no feedback until *Submit* (which asks first when
questions are unanswered), then a report. Every answer is stored in the progress database under the student
id typed in the quiz's box, and can be exported to a results file. The key never appears in what the widgets
show before an answer is checked. The English of the questions can be hidden (shown by default up to B1).

Each item type has one input widget here (a subclass of :class:`ItemInput`,
registered with :func:`input_for`); what the question shows and how it is
graded belong to the type itself (:mod:`helpers.lesson.items`).
"""

from __future__ import annotations

import re
from collections import Counter
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
from helpers.study.learners import ANONYMOUS
from helpers.study.scoring import (
    best_by_item,
    check_student_name,
    export_results,
    practice_record,
    results_file_stem,
    student_variant,
    teaching_order,
)
from helpers.text.arabic import contains_arabic
from helpers.views.export import download_link
from helpers.views.html import Markup, ar, ar_or_text, draft_mark, en, mixed, style
from helpers.views.quiz import evidence_html, stem_html, text_html
from helpers.widgets.base import (
    ERROR_CLASS,
    failure_message,
    guarded,
    shortened,
    show_message,
    status_area,
    store_notice,
    update_store_notice,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
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
    "shows_english",
]

_BLANK = ("—", "")
#: The mark of a question in the strip and the menu, by how its best answer did.
MARKS = {"right": "✓", "partly": "◐", "wrong": "✗", "none": "–"}
_MARK_WORDS = {"right": "right", "partly": "partly right", "wrong": "not right yet", "none": "not answered yet"}
_CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")


def _error(message: str) -> Markup:
    return en(message, tag="p", cls=f"khabar-en {ERROR_CLASS}")


def _state(score: float, points: float) -> str:
    """How a score out of ``points`` did: right, partly (right) or wrong."""
    return "right" if score >= points else ("partly" if score > 0 else "wrong")


def shows_english(level: str) -> bool:
    """Whether the English of the questions is shown at first, from the lesson's CEFR level: up to B1 it is.

    A range counts from its lower end; a level without a CEFR code shows the English.

    >>> shows_english("B1-B2"), shows_english("B1"), shows_english("A2"), shows_english("B2"), shows_english("C1")
    (True, True, True, False, False)
    >>> shows_english("")
    True
    """
    found = re.findall(r"[ABC][12]", level.upper())
    return not found or min(_CEFR.index(code) for code in found) <= _CEFR.index("B1")


def _row_mark(right: bool | None) -> Markup:
    """The ✓ or ✗ beside a row once the answer is checked (nothing before)."""
    if right is None:
        return Markup("")
    cls, sign, word = ("khabar-right", "✓", "right") if right else ("khabar-wrong", "✗", "wrong")
    return Markup('<span class="khabar-row-mark {}" title="{}" aria-label="{}">{}</span>').format(cls, word, word, sign)


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
    fills the visible controls with one (for tests and scripts). :attr:`shows` names the kinds of
    question block (see :data:`~helpers.lesson.items.BLOCK_KINDS`) the input shows itself, which the
    prompt then leaves out; :meth:`show_marks` marks each row right or wrong once an answer is checked.
    """

    #: The kinds of question block this input shows itself (the prompt leaves them out).
    shows: frozenset[str] = frozenset()

    def __init__(self, item: QuizItem, arrangement: Sequence[str], children: Sequence[widgets.Widget]) -> None:
        self.item, self.arrangement = item, tuple(arrangement)
        #: Where the input says what went wrong in one of its own controls (hidden while all is well).
        self.status = status_area()
        super().__init__([*children, self.status])
        self.add_class("khabar-input")

    def response(self) -> Any:
        raise NotImplementedError

    def set_response(self, value: Any) -> None:
        raise NotImplementedError

    def show_marks(self, marks: Mapping[str, bool]) -> None:
        """Mark each row right or wrong, by row (an empty mapping clears the marks); items without rows ignore it."""

    @property
    def blank(self) -> bool:
        """Nothing entered yet."""
        value = self.response()
        return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {}, ())


def _direction(texts: Sequence[str]) -> str:
    return "khabar-rtl" if any(contains_arabic(t) for t in texts) else "khabar-ltr"


class _RadioInput(ItemInput):
    def __init__(self, item: QuizItem, arrangement: Sequence[str], choices: Sequence[tuple[str, Any]]) -> None:
        self.choice = widgets.RadioButtons(options=list(choices), value=None, layout=widgets.Layout(width="100%"))
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
        self.boxes = {
            i: widgets.Checkbox(description=text[i], indent=False, value=False, layout=widgets.Layout(width="100%"))
            for i in arrangement or text
        }
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
        self.text = widgets.Text(
            placeholder="اكتب هنا · type in Arabic", continuous_update=False, layout=widgets.Layout(width="100%")
        )
        self.text.add_class("khabar-rtl-input")
        self.text.add_class("khabar-answer")
        super().__init__(item, arrangement, [self.text])

    def response(self) -> str:
        return self.text.value

    def set_response(self, value: Any) -> None:
        self.text.value = value or ""


@input_for(Cloze)
class ClozeInput(_TextInput):
    """A box to type the missing word in; with a word bank, a button per word that puts it in the box.

    Typing Arabic on a phone is slow: a tap on a word of the bank fills the box (and the word chosen is
    highlighted); the box can still be typed in.
    """

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        super().__init__(item, arrangement)
        #: The word bank's buttons, by word, in the student's order (none without a bank).
        self.bank_buttons: dict[str, widgets.Button] = {}
        if not self.arrangement:
            return
        self.shows = frozenset({"bank"})
        for word in self.arrangement:
            button = widgets.Button(description=word, tooltip=f"Put {word} in the gap")
            button.add_class("khabar-bank-word")
            button.on_click(guarded(self.status, lambda _b, w=word: self.choose(w), "put the word in the gap"))
            self.bank_buttons[word] = button
        bank = widgets.HBox(list(self.bank_buttons.values()))
        bank.add_class("khabar-bank-buttons")
        bank.add_class("khabar-rtl")
        ask = widgets.HTML(en("Tap a word of the bank to put it in the gap, or type it:", tag="p"))
        self.text.observe(guarded(self.status, self._show_chosen, "show the word chosen"), names="value")
        self.children = (ask, bank, *self.children)

    def choose(self, word: str) -> None:
        """Put ``word`` of the bank in the box, as a tap on its button does."""
        self.text.value = word

    def _show_chosen(self, _change: object = None) -> None:
        typed = self.text.value.strip()
        for word, button in self.bank_buttons.items():
            button.button_style = "info" if word == typed else ""


@input_for(ShortAnswer)
class ShortAnswerInput(_TextInput):
    """A box to type the answer in."""


class _RowsInput(ItemInput):
    """An input of rows (pairs to match, steps to order), each with a drop-down and, once checked, a ✓ or ✗."""

    dropdowns: dict[str, widgets.Dropdown]

    def _rows(self, rows: Sequence[tuple[str, Sequence[widgets.Widget]]]) -> list[widgets.Widget]:
        self.marks = {key: widgets.HTML() for key, _ in rows}
        out = []
        for key, parts in rows:
            row = widgets.HBox([*parts, self.marks[key]])
            row.add_class("khabar-row")
            out.append(row)
        return out

    def _watch(self) -> None:
        for dropdown in self.dropdowns.values():  # a changed answer is not the one the marks are about
            dropdown.observe(guarded(self.status, lambda _c: self.show_marks({}), "follow your answer"), names="value")

    def show_marks(self, marks: Mapping[str, bool]) -> None:
        for key, mark in self.marks.items():
            mark.value = _row_mark(marks.get(key))


@input_for(Matching)
class MatchingInput(_RowsInput):
    """One drop-down per left-hand word, listing the right-hand sides in the student's order."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        choices = [_BLANK, *[(right, right) for right in arrangement]]
        self.dropdowns = {
            left: widgets.Dropdown(options=choices, value="", layout=widgets.Layout(max_width="100%"))
            for left, _ in item.pairs
        }
        rows = self._rows([(left, [widgets.HTML(ar_or_text(left)), d]) for left, d in self.dropdowns.items()])
        super().__init__(item, arrangement, rows)
        self._watch()

    def response(self) -> dict[str, str]:
        return {left: d.value for left, d in self.dropdowns.items() if d.value}

    def set_response(self, value: Any) -> None:
        value = dict(value or {})
        for left, dropdown in self.dropdowns.items():
            dropdown.value = value.get(left, "")


@input_for(Ordering)
class OrderingInput(_RowsInput):
    """The steps in the student's order, each with a drop-down for its place (1, 2, …)."""

    def __init__(self, item: QuizItem, arrangement: Sequence[str]) -> None:
        text = dict(item.steps)
        shown = list(arrangement or text)
        positions = [_BLANK, *[(str(n), n) for n in range(1, len(shown) + 1)]]
        self.dropdowns = {
            sid: widgets.Dropdown(options=positions, value="", layout=widgets.Layout(width="5em")) for sid in shown
        }
        rows = self._rows([(sid, [self.dropdowns[sid], widgets.HTML(text_html(text[sid]))]) for sid in shown])
        super().__init__(item, arrangement, rows)
        self._watch()

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
    """One quiz item: prompt, the input of its type, and feedback.

    ``english``: show the English of the prompt and statement (an item without an Arabic prompt always does).
    Each answer checked is a *try*; checking again says so ("Checked again (try 2): still not right."), so
    that a learner sees the check ran even when the verdict is the same.
    """

    def __init__(
        self,
        lesson: Lesson,
        item: QuizItem,
        number: int = 1,
        arrangement: Sequence[str] | None = None,
        exam: bool = False,
        on_answer: Callable[[ItemResult], None] | None = None,
        english: bool = True,
        gate: Callable[[], None] | None = None,
    ) -> None:
        self.lesson, self.item, self.exam, self.on_answer = lesson, item, exam, on_answer
        #: Called before an answer is checked; raises ``ValueError`` (shown to the learner) when none may be yet.
        self.gate = gate
        self.number, self.english = number, english
        self.kind = item_type(item)
        self.arrangement = tuple(self.kind.arrangement(item, None) if arrangement is None else arrangement)
        self.result: ItemResult | None = None
        #: Answers checked so far (with those kept from an earlier session).
        self.tries = 0
        #: The answer shown is one kept from an earlier session, not checked on this page.
        self.restored = False
        self._shown: ItemResult | None = None  # the last verdict shown
        try:
            make_input = INPUTS[item.type]
        except KeyError:
            raise ValueError(f"no input widget for items of type {item.type!r}") from None
        self.input = make_input(item, self.arrangement)
        self.prompt = widgets.HTML(self._prompt_html())
        self.prompt.add_class("khabar-prompt")
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

    def _prompt_html(self) -> Markup:
        item = self.item
        parts = [Markup("<b>{}.</b> ").format(self.number), draft_mark(item)]
        if item.prompt.ar:
            parts.append(ar(item.prompt.ar, tag="div"))
        if item.prompt.en and (self.english or not item.prompt.ar):
            parts.append(en(item.prompt.en, tag="div"))
        if item.statement:
            statement = [ar(item.statement.ar, tag="div")] if item.statement.ar else []
            if item.statement.en and (self.english or not item.statement.ar):
                statement.append(en(item.statement.en, tag="div"))
            parts.append(Markup('<div class="khabar-statement">{}</div>').format(Markup("").join(statement)))
        blocks = [b for b in self.kind.stem(item, self.lesson, self.arrangement) if b.kind not in self.input.shows]
        parts.append(stem_html(blocks))
        return Markup("").join(parts)

    def set_english(self, shown: bool) -> None:
        """Show or hide the English of the prompt and the statement."""
        self.english = shown
        self.prompt.value = self._prompt_html()

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
        """The learner has entered or checked an answer on this page (an answer kept from before is not one)."""
        return not self.restored and (self.result is not None or not self.input.blank)

    def restore(self, response: Any, tries: int) -> bool:
        """Show an answer kept from an earlier session, with its verdict; False when this paper cannot take it."""
        try:
            self.input.set_response(response)
        except (ValueError, TypeError, KeyError, traitlets.TraitError):
            self.input.set_response(None)  # an answer to an earlier version of the question
            return False
        result = self.kind.grade(self.item, response)
        if not result.answered:
            return False
        self.result, self.tries, self.restored = result, tries, True
        self.reveal(result)
        return True

    # -- actions -----------------------------------------------------------------------------

    def check(self) -> ItemResult:
        """Grade the current answer, show feedback (practice mode) and report it."""
        if self.gate is not None:
            self.gate()  # e.g. no name yet on a shared server: the learner is asked for one
        result = self.kind.grade(self.item, self.response())
        if result.answered:
            self.result, self.restored = result, False
            self.tries += 1
            if self.on_answer:
                self.on_answer(result)
        if not self.exam or not result.answered:
            self.reveal(result)
        return result

    def _again(self, result: ItemResult, verdict: str) -> str:
        """The line that says the answer was checked again, and how it compares with the last one."""
        before = self._shown
        if self.restored:
            tries = f"{self.tries} tr{'y' if self.tries == 1 else 'ies'}"
            more = "" if result.correct else " Change it and check again."
            return f"Your last answer, kept from before ({tries} so far).{more}"
        if before is None or self.tries < 2 or self.exam:
            return ""
        head = f"Checked again (try {self.tries}):"
        if result.correct:
            return f"{head} {'still right' if before.correct else 'right now'}."
        if result.response == before.response:
            return f"{head} the same answer, still {verdict.lower()}."
        if result.score > before.score:
            return f"{head} better, {result.score:g} points instead of {before.score:g}; still {verdict.lower()}."
        return f"{head} still {verdict.lower()}."

    def reveal(self, result: ItemResult) -> None:
        """Show the verdict, the feedback, each row's mark, and (once answered) the explanation with its evidence."""
        if not result.answered:
            self.feedback.value = en(result.feedback, tag="p", cls="khabar-en khabar-unanswered")
            return
        state = _state(result.score, result.points)
        verdict = {"right": "Right", "partly": "Partly right", "wrong": "Not right"}[state]
        again = self._again(result, verdict)
        self._shown = result
        self.input.show_marks(dict(result.marks))
        typed = (
            Markup('<p class="khabar-en khabar-your-answer" dir="ltr" lang="en">Your answer: {}</p>').format(
                ar_or_text(result.response)
            )
            if isinstance(result.response, str) and isinstance(self.kind, (Cloze, ShortAnswer))
            else Markup("")  # a typed answer is shown as typed; a choice is in view already
        )
        self.feedback.value = Markup(
            '<div class="khabar-verdict khabar-{}"><b>{} {}</b> — {} / {}{}</div>{}{}'
            '<p class="khabar-en khabar-diagnosis{}" dir="ltr" lang="en">{}</p>'
            '<details class="khabar-why"><summary>Why? Show the evidence</summary>{}{}</details>'
        ).format(
            {"right": "right", "partly": "partly", "wrong": "wrong"}[state],
            MARKS[state],
            verdict,
            f"{result.score:g}",
            result.points,
            f" · try {self.tries}" if self.tries > 1 and not self.exam else "",
            en(again, tag="p", cls="khabar-en khabar-again") if again else Markup(""),
            typed,
            " khabar-near-miss" if result.near_miss and not result.correct else "",
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
    gets that student's own paper (and, in practice, the answers kept under that id); after it, the
    paper stays and the answers go on under the new id. :attr:`english` shows or hides the English
    of the questions (the box "Show the English of the questions").
    """

    #: The student id as typed in the box (spaces around it dropped); answers are recorded under it.
    student = traitlets.Unicode("")
    #: The English of the questions is shown.
    english = traitlets.Bool(True)

    def __init__(
        self,
        lesson: Lesson,
        items: list[QuizItem] | None = None,
        mode: str = "practice",
        student: str = "",
        progress: ProgressStore | None = None,
        count: int | None = None,
        shuffle: bool | None = None,
        english: bool | None = None,
    ) -> None:
        if mode not in ("practice", "exam"):
            raise ValueError(f"mode must be 'practice' or 'exam', not {mode!r}")
        self.lesson, self.mode, self.progress = lesson, mode, progress
        self._shuffle = (mode == "exam") if shuffle is None else shuffle
        if items is None and mode == "practice" and not self._shuffle:
            items = list(teaching_order(lesson))  # an exam's pool stays as written: each student's paper is kept
        self._pool, self._count = items, count
        self.attempts: list[dict[str, Any]] = []
        #: The practice answers kept in the progress store under this student, oldest first (counted in the score).
        self.stored: list[dict[str, Any]] = []
        self._stored_last: dict[str, Any] = {}
        self._stored_tries: Counter[str] = Counter()
        self._stored_error = ""
        #: Why the last answers could not be saved in the progress store, and which (empty: all saved).
        self.unsaved: list[str] = []
        self._unsaved_reason = ""
        self._navigating = False
        self.student_box = widgets.Text(
            value=student, description="Student", placeholder="your name or id", continuous_update=False,
            layout=widgets.Layout(width="100%", max_width="32em"),
        )  # fmt: skip
        self.student_box.add_class("khabar-student")
        self.student_note = widgets.HTML()
        self.student_note.add_class("khabar-student-note")
        self.english_box = widgets.Checkbox(
            value=shows_english(lesson.info.level) if english is None else english,
            description="Show the English of the questions",
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        self.english_box.add_class("khabar-english-toggle")
        self.menu = widgets.Dropdown(options=[], layout=widgets.Layout(width="100%", max_width="40em"))
        self.menu.add_class("khabar-quiz-menu")
        self.strip = widgets.HBox()
        self.strip.add_class("khabar-quiz-strip")
        self.strip_buttons: list[widgets.Button] = []
        self.previous_button = widgets.Button(description="◀ Previous question")
        self.next_button = widgets.Button(description="Next question ▶")
        self.page_label = widgets.Label()
        self.page_label.add_class("khabar-quiz-page")
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
        self.menu.observe(guarded(self.score, self._menu_chosen, "show the question"), names="value")
        self.report = widgets.HTML()
        self.report.add_class("khabar-report")
        self.submit_button = widgets.Button(description="Submit my answers", button_style="success")
        self.submit_button.add_class("khabar-submit")
        self.submit_button.on_click(guarded(self.score, lambda _: self.ask_to_submit(), "submit your answers"))
        #: The question asked before an exam with unanswered questions is submitted (hidden until then).
        self.confirm_text = widgets.HTML()
        self.confirm_button = widgets.Button(description="Submit anyway", button_style="warning")
        self.back_button = widgets.Button(description="Go back to my answers")
        self.confirm_button.add_class("khabar-submit-anyway")
        self.back_button.add_class("khabar-submit-back")
        self.confirm_button.on_click(guarded(self.score, lambda _: self.submit(), "submit your answers"))
        self.back_button.on_click(guarded(self.score, lambda _: self._hide_confirm(), "go back to your answers"))
        self.confirm = widgets.VBox(
            [self.confirm_text, widgets.HBox([self.confirm_button, self.back_button])],
            layout=widgets.Layout(display="none"),
        )
        self.confirm.add_class("khabar-submit-confirm")
        footer = [self.submit_button, self.confirm, self.report] if mode == "exam" else []
        #: What the progress store warns of (hidden while it has no warning).
        self.store_notice = store_notice(progress)
        header = en(
            "Exam: no feedback until you submit." if mode == "exam" else "Practice: check each answer as you go.",
            tag="p",
        )
        children = [widgets.HTML(style() + header), self.store_notice, self.student_box, self.student_note,
                    self.english_box, self.score]  # fmt: skip
        super().__init__([*children, self.body, *footer])
        self.add_class("khabar-quiz")
        self.english = self.english_box.value
        #: The learner named in the notebook's name box, when the store follows one (helpers.learner_progress()):
        #: the quiz then has no box of its own and records under that name.
        self.learner = getattr(progress, "learner", None)
        if self.learner is not None:
            self.student_box.layout.display = "none"
            student = self.learner.name or student
        self.student = student.strip()
        self._build(self._variant(self.student))
        self._check_name()
        widgets.dlink((self.student_box, "value"), (self, "student"), transform=str.strip)
        widgets.link((self.english_box, "value"), (self, "english"))
        self.observe(guarded(self.student_note, self._follow_student, "follow the student's name"), "student")
        if self.learner is not None:
            traitlets.dlink((self.learner, "name"), (self, "student"))
        self.observe(guarded(self.score, self._follow_english, "show or hide the English"), "english")

    # -- the paper ---------------------------------------------------------------------------

    def _variant(self, student: str) -> Variant:
        return student_variant(
            self.lesson, student or ANONYMOUS, self._pool, self._count, self._shuffle, self._shuffle
        )  # fmt: skip

    def _build(self, variant: Variant) -> None:
        """Lay out the paper of ``variant``: its questions, with the answers kept from before (practice)."""
        self.variant = variant
        self._views: dict[int, ItemView] = {}
        self.attempts = []
        self.position = 0
        self._load_stored()
        # Practice shows one question at a time (built when first shown); an exam paper shows them all.
        self.paged = self.mode == "practice" and len(variant.items) > 1
        if self.paged:
            for old in self.strip_buttons:  # the strip of the paper this one replaces
                old.close()
            self.strip_buttons = []
            for n in range(len(variant.items)):
                button = widgets.Button(layout=widgets.Layout(width="auto"))
                button.add_class("khabar-strip-button")
                button.on_click(guarded(self.score, lambda _b, i=n: self.show(i), "show the question"))
                self.strip_buttons.append(button)
            self.strip.children = tuple(self.strip_buttons)
            nav = widgets.HBox([self.previous_button, self.next_button, self.page_label])
            nav.add_class("khabar-quiz-nav")
            self.body.children = (self.menu, self.strip, nav, self.page)
            self.show(0)
        else:
            self.body.children = tuple(self.views)
        self._update_score()

    def _load_stored(self) -> None:
        """Practice: the answers this student gave before, kept in the progress store (none in an exam)."""
        self.stored, self._stored_last, self._stored_tries, self._stored_error = [], {}, Counter(), ""
        if self.mode != "practice" or self.progress is None:
            return
        try:
            self.stored, self._stored_last = practice_record(
                self.progress, self.lesson, self.student or ANONYMOUS, self.variant.items
            )
        except Exception as exc:  # the quiz still works; the score area says the earlier answers are missing
            self._stored_error = failure_message(exc, "read your earlier answers")
            return
        self._stored_tries = Counter(str(a["item"]) for a in self.stored)

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
        same = _paper(new) == _paper(self.variant)
        if self.touched and self.learner is None:
            self.student_note.value = (
                ""
                if same
                else en(
                    f"You have started this paper, so it stays as it is; your answers are now recorded as {who!r}.",
                    tag="p",
                )
            )
        else:
            self._build(new)  # that student's paper, and in practice the answers kept under the name (another
            # learner of the name box: always, since the answers on the page are the last learner's)
            self.student_note.value = "" if same else en(f"This is the paper of {who!r}.", tag="p")
        self._check_name()

    def _follow_english(self, change: dict[str, Any]) -> None:
        for view in self._views.values():
            view.set_english(bool(change["new"]))
        if self.paged:
            self._refresh_nav()

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
        """The view of question ``index`` (0-based), built on first use (with the answer kept from before)."""
        if index not in self._views:
            item = self.variant.items[index]
            view = ItemView(self.lesson, item, index + 1, self.variant.arrangements[item.id], self.mode == "exam",
                            self._answered, self.english, self._gate)  # fmt: skip
            if item.id in self._stored_last:
                view.restore(self._stored_last[item.id], self._stored_tries[item.id])
            self._views[index] = view
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
        self._refresh_nav()

    def _menu_chosen(self, change: dict[str, Any]) -> None:
        if not self._navigating and isinstance(change["new"], int) and change["new"] != self.position:
            self.show(change["new"])

    def states(self) -> list[str]:
        """How each question stands, in paper order: "right", "partly", "wrong" or "none" (not answered yet)."""
        best = self.best
        return [
            _state(best[q.id], q.points) if q.id in best else "none" for q in self.variant.items
        ]  # fmt: skip

    def _refresh_nav(self) -> None:
        """The strip's marks and the menu's entries, from the best answer to each question; the current one shown."""
        if not self.paged:
            return
        labels = []
        for n, (q, state, button) in enumerate(zip(self.variant.items, self.states(), self.strip_buttons, strict=True)):
            button.description = f"{n + 1} {MARKS[state]}"
            button.tooltip = f"Question {n + 1}: {_MARK_WORDS[state]}"
            for other in (*MARKS, "current"):
                button.remove_class(f"khabar-strip-{other}")
            button.add_class(f"khabar-strip-{state}")
            if n == self.position:
                button.add_class("khabar-strip-current")
            prompt = q.prompt.en if (self.english and q.prompt.en) or not q.prompt.ar else q.prompt.ar
            labels.append((f"{n + 1}. {MARKS[state]} {item_type(q).label}: {shortened(prompt or '', 60)}", n))
        self._navigating = True
        try:
            if list(self.menu.options) != labels:
                self.menu.options = labels
            self.menu.value = self.position
        finally:
            self._navigating = False

    # -- answers -----------------------------------------------------------------------------

    @property
    def best(self) -> dict[str, float]:
        """The best score of each item answered (on this page, and in practice kept from before)."""
        return best_by_item([*self.stored, *self.attempts])

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
        self._refresh_nav()

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
        earlier = len(best_by_item(self.stored))
        kept = f" ({earlier} of them answered in an earlier session)" if earlier else ""
        self.score.value = (
            en(
                f"Score: {sum(best.values()):g} / {total} points · {len(best)} of {len(self.variant.items)} "
                f"questions answered{kept}",
                tag="p",
            )
            + (_error(self._stored_error) if self._stored_error else Markup(""))
            + self._unsaved_warning()
        )

    @property
    def unanswered(self) -> list[int]:
        """The numbers (from 1) of the questions with no complete answer yet."""
        return [n for n, v in enumerate(self.views, start=1) if not v.kind.grade(v.item, v.response()).answered]

    def _gate(self) -> None:
        """No answer is taken on a shared server before the learner has given a name."""
        if self.learner is not None and self.learner.missing:
            raise ValueError("type your name in the box at the top first: your answers are kept under it")

    def ask_to_submit(self) -> None:
        """Exam: submit at once when every question has an answer; else ask first (what *Submit* does)."""
        if self.submit_button.disabled:
            return
        self._gate()
        missing = self.unanswered
        if not missing:
            self.submit()
            return
        which = ", ".join(str(n) for n in missing)
        count = f"{len(missing)} of {len(self.variant.items)} questions have" if len(missing) > 1 else (
            f"1 of {len(self.variant.items)} questions has"
        )  # fmt: skip
        self.confirm_text.value = en(
            f"{count} no answer yet (question{'s' if len(missing) > 1 else ''} {which}); once you submit, "
            "they earn no points. Submit anyway?",
            tag="p",
        )
        self.confirm.layout.display = ""

    def _hide_confirm(self) -> None:
        self.confirm.layout.display = "none"
        self.confirm_text.value = ""

    def submit(self) -> None:
        """Exam mode: grade every item, store the answers, and show the report and all feedback."""
        if self.submit_button.disabled:
            return
        self._hide_confirm()
        rows = []
        for n, view in enumerate(self.views, start=1):
            result = view.check()
            view.reveal(result)
            mark = MARKS[_state(result.score, result.points)] if result.answered else MARKS["none"]
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
    english: bool | None = None,
) -> Quiz:
    """A quiz over the lesson's items (or ``items``): ``mode`` 'practice' or 'exam'.

    Practice asks the lesson's items in a teaching order (:func:`helpers.study.scoring.teaching_order`).
    Exam papers are per student (:func:`helpers.student_variant`: a subset of ``count``
    items, their order, and the order of options, pairs, steps and word banks): the same id
    always gets the same paper. The paper follows the id typed in the quiz's box until the
    first answer. ``english``: show the English of the questions at first (default: up to a B1 lesson).
    """
    return Quiz(lesson, items, mode, student, progress, count, shuffle, english)


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
        #: The learner of the notebook's name box, when the store follows one: then the box here is not shown.
        self.learner = getattr(progress, "learner", None)
        if self.learner is not None:
            self.name.layout.display = "none"
            traitlets.dlink((self.learner, "name"), (self.name, "value"))
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
            where = " in the box at the top" if self.learner is not None else ""
            self.result.value = en(f"Type your name or student id{where} first.", tag="p")
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
        ) + Markup(" ").join(download_link(p) for p in paths)  # in Voilà or on a phone there is no file browser


def results_export(
    lesson: Lesson, progress: ProgressStore, student: str = "", folder: str | None = None
) -> ResultsExport:
    """A name box and a button that write a student's results (JSON and CSV) for the teacher."""
    return ResultsExport(lesson, progress, student, folder)
