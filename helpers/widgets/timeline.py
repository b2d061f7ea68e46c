"""Timeline widgets: an explorer with filters, linked to the reading view; the relative-dates exercise.

Each has a one-line ``repr`` saying what it shows (``TimelineExplorer: 12 of 20 events, ...``).
"""

from __future__ import annotations

import ipywidgets as widgets

from helpers.lesson.model import Lesson, TimelineEvent
from helpers.study.dates import UnknownExpression, check_date_answer, resolve
from helpers.study.timeline import filter_events, story_window
from helpers.text.folding import find_form
from helpers.views.html import Markup, ar, en, marked, style
from helpers.views.timeline import (
    event_html,
    timeline_alt,
    timeline_figure_html,
    timeline_list_html,
    timeline_png,
    when,
)
from helpers.widgets.base import guarded

TYPE_CHECKING = False
if TYPE_CHECKING:
    from helpers.widgets.reading import ReadingView

__all__ = ["RelativeDates", "TimelineExplorer", "relative_dates_exercise", "timeline_explorer"]

_ALL_TIME = "the whole story"
#: The explorer's chart, in inches at 100 dpi: drawn for the column it fills beside the chosen event (about
#: 600 px on a laptop), so that its 12 pt English labels show at 13 px or more rather than shrink.
EXPLORER_WIDTH = 7.4


class TimelineExplorer(widgets.VBox):
    """Filters, the chart, and beside it what was chosen: the events of the sentence being read, or one event.

    The chart column scrolls on its own, so what a choice shows stands next to the chart, not below it; on a
    phone the chosen event comes first and the chart is replaced by the same events as a vertical list.
    """

    def __init__(self, lesson: Lesson, reading: ReadingView | None = None) -> None:
        self.lesson, self.reading = lesson, reading
        categories = sorted({e.category for e in lesson.timeline})
        self.categories = widgets.SelectMultiple(options=categories, value=tuple(categories), rows=len(categories),
                                                 description="Categories")  # fmt: skip
        self.scope = widgets.ToggleButtons(options=[("all", "all"), ("in the article", "article"),
                                                    ("background", "background")], value="all")  # fmt: skip
        #: The zoom on the article's own story (see :func:`~helpers.study.timeline.story_window`) and its label.
        self.window = story_window(lesson)
        self.zoomed = f"{self.window[0]:%b %Y} – {self.window[1]:%b %Y}"
        self.span = widgets.ToggleButtons(options=[self.zoomed, _ALL_TIME], value=self.zoomed)
        self.sentence = widgets.Dropdown(
            options=[("—", "")] + [(f"{s.id}: {' '.join(s.ar.split()[:6])} …", s.id) for s in lesson.sentences],
            value="",
        )  # fmt: skip
        by_date = sorted(lesson.timeline, key=lambda e: (e.start, e.end, e.id))
        self.event = widgets.Dropdown(options=[("—", "")] + [(f"{when(e)} · {e.label.en or e.id}", e.id)
                                                             for e in by_date], value="")  # fmt: skip
        self.read_button = widgets.Button(description="Read its sentence", disabled=True)
        #: The chart with its alt text, and below it the same events as a list (a phone shows only the list).
        self.chart = widgets.HTML()
        self.details = widgets.HTML(_NOTHING_CHOSEN)
        #: How many events are shown; also where the explorer says what went wrong.
        self.count = widgets.Label()
        self.count.add_class("khabar-timeline-count")
        # Labels beside their menus: an Arabic menu reads right to left, so its label stands on its right.
        sentence_field = widgets.HBox([widgets.HTML(_label("Sentence", "الجملة")), self.sentence])
        sentence_field.add_class("khabar-tl-field")
        sentence_field.add_class("khabar-tl-field-rtl")
        event_field = widgets.HBox([widgets.HTML(_label("Event", "الحدث")), self.event])
        event_field.add_class("khabar-tl-field")
        for w, cls in ((self.sentence, "khabar-rtl"), (self.categories, "khabar-categories"),
                       (self.scope, "khabar-scope"), (self.span, "khabar-span"), (self.event, "khabar-event-select"),
                       (self.chart, "khabar-timeline-chart"), (self.chart, "khabar-tl-chart-col"),
                       (self.details, "khabar-event-details"), (self.read_button, "khabar-tl-read")):  # fmt: skip
            w.add_class(cls)
        for w in (self.categories, self.scope, self.span, self.sentence):
            w.observe(guarded(self.count, self.refresh, "draw the timeline"), names="value")
        self.event.observe(guarded(self.count, self._event_chosen, "show the event"), names="value")
        self.read_button.on_click(guarded(self.count, lambda _: self._read(), "open the event's sentence"))
        if reading is not None:
            # Follows the reader from the next move on (the first chart is the plain one).
            reading.jump.observe(guarded(self.count, self._follow_reading, "follow the reading view"), names="value")
        filters = widgets.HBox([self.categories, widgets.VBox([self.scope, self.span])])
        filters.add_class("khabar-tl-filters")
        side = widgets.VBox([sentence_field, event_field, self.read_button, self.details])
        side.add_class("khabar-tl-side")
        body = widgets.HBox([self.chart, side])
        body.add_class("khabar-tl-body")
        super().__init__([widgets.HTML(style()), filters, self.count, body])
        self.add_class("khabar-timeline")
        self.refresh()

    def __repr__(self) -> str:
        return (
            f"TimelineExplorer: {len(self.shown)} of {len(self.lesson.timeline)} events, {self.span.value}, "
            f"scope {self.scope.value}, categories {', '.join(self.categories.value) or 'none'}, "
            f"sentence {self.sentence.value or '—'}, event {self.event.value or '—'}"
        )

    @property
    def shown(self) -> list[TimelineEvent]:
        window = self.window if self.span.value == self.zoomed else None
        return filter_events(self.lesson, self.categories.value, self.scope.value, window)

    @property
    def highlighted(self) -> set[str]:
        ids = {e.id for e in self.lesson.events_for(self.sentence.value)} if self.sentence.value else set()
        return ids | ({self.event.value} if self.event.value else set())

    def refresh(self, _change: object = None) -> None:
        events = self.shown
        window = self.window if self.span.value == self.zoomed else None
        chosen = frozenset(self.highlighted)
        png = timeline_png(self.lesson, events, window, chosen, width=EXPLORER_WIDTH)
        self.chart.value = timeline_figure_html(
            png, timeline_alt(self.lesson, events, window), timeline_list_html(self.lesson, events, chosen)
        )
        self.count.value = f"{len(events)} of {len(self.lesson.timeline)} events shown"
        if self.sentence.value and not self.event.value:
            found = self.lesson.events_for(self.sentence.value)
            self.details.value = (
                Markup("").join(event_html(self.lesson, e) for e in found)
                if found
                else en(f"No event is dated by sentence {self.sentence.value}.", tag="p")
            )
        elif not self.sentence.value and not self.event.value:
            self.details.value = _NOTHING_CHOSEN

    def _follow_reading(self, change: dict) -> None:
        if any(value == change["new"] for _, value in self.sentence.options):
            self.sentence.value = change["new"]

    def _event_chosen(self, change: dict) -> None:
        event = next((e for e in self.lesson.timeline if e.id == change["new"]), None)
        self.read_button.disabled = event is None or self.reading is None or not event.sentence_ids
        if event is not None:
            self.details.value = event_html(self.lesson, event, cards=True)
        self.refresh()

    def _read(self) -> None:
        event = next((e for e in self.lesson.timeline if e.id == self.event.value), None)
        if event and event.sentence_ids and self.reading is not None:
            self.reading.go(event.sentence_ids[0])


def _label(english: str, arabic: str) -> Markup:
    return Markup('<span class="khabar-tl-field-label">{} · {}</span>').format(
        en(english), ar(arabic, cls="khabar-ar-inline")
    )


#: What the panel beside the chart says before anything is chosen.
_NOTHING_CHOSEN = en(
    "Choose a sentence or an event: what it dates, its source and how sure we are appear here, beside the chart.",
    tag="p",
    cls="khabar-en khabar-tl-hint",
)


def timeline_explorer(lesson: Lesson, reading: ReadingView | None = None) -> TimelineExplorer:
    """The timeline with filters; linked to a reading view when one is given."""
    return TimelineExplorer(lesson, reading)


class RelativeDates(widgets.VBox):
    """For each dated event of the article: its words, a box for the date, and a check."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.rows: list[tuple[TimelineEvent, widgets.Text, widgets.HTML]] = []
        self.check_buttons: list[widgets.Button] = []
        #: The last check of each row: True right, False wrong, None not checked yet.
        self.verdicts: list[bool | None] = []
        seen = set()
        children: list[widgets.Widget] = [widgets.HTML(style())]
        for event in sorted(lesson.timeline, key=lambda e: e.start):
            if not (event.in_article and event.expression) or event.expression in seen:
                continue
            try:
                resolve(event.expression, lesson.info.date)
            except UnknownExpression:
                continue
            seen.add(event.expression)
            sid = event.sentence_ids[0]
            text = lesson.sentence(sid).ar
            prompt = widgets.HTML(ar(marked(text, find_form(text, event.expression)), tag="div")
                                  + en(f"When is «{event.expression}»? ({sid})", tag="div"))  # fmt: skip
            box = widgets.Text(placeholder="YYYY, YYYY-MM or YYYY-MM-DD", continuous_update=False)
            box.add_class("khabar-date-answer")
            result = widgets.HTML()
            button = widgets.Button(description="Check")
            row = len(self.rows)
            button.on_click(guarded(result, lambda _b, row=row: self.check(row), "check this answer"))
            self.rows.append((event, box, result))
            self.check_buttons.append(button)
            self.verdicts.append(None)
            children += [prompt, widgets.HBox([box, button]), result]
        super().__init__(children)
        self.add_class("khabar-relative-dates")

    def __repr__(self) -> str:
        checked = [v for v in self.verdicts if v is not None]
        return f"RelativeDates: {len(self.rows)} dates to find, {len(checked)} checked, {sum(checked)} right"

    def check(self, row: int) -> bool:
        """Check one row's answer (as its Check button does), show the verdict and return it."""
        event, box, result = self.rows[row]
        right, why = check_date_answer(event.expression or "", self.lesson.info.date, box.value)
        result.value = en(("✓ " if right else "✗ ") + why, tag="p", cls="khabar-right" if right else "khabar-wrong")
        self.verdicts[row] = right
        return right

    def check_all(self) -> list[bool]:
        """Check every row (as if each Check button were pressed); returns which are right."""
        return [self.check(row) for row in range(len(self.rows))]


def relative_dates_exercise(lesson: Lesson) -> RelativeDates:
    """Resolve the article's relative time expressions against its date."""
    return RelativeDates(lesson)
