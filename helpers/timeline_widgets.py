"""Timeline widgets: an explorer with filters, linked to the reading view; the relative-dates exercise."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as widgets

from .charts import png_bytes, use_arabic_font
from .dates import UnknownExpression, resolve
from .glossing import find_form
from .model import Lesson, TimelineEvent
from .render import _mixed, ar, en, marked, style
from .timeline import ZOOM, filter_events, timeline_chart

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .reading import ReadingView

__all__ = [
    "RelativeDates",
    "TimelineExplorer",
    "event_html",
    "relative_dates_exercise",
    "timeline_explorer",
    "timeline_image",
    "timeline_png",
]

_ALL_TIME = "the whole story"
_ZOOMED = "Nov 2025 – Dec 2026"


_PNG_CACHE: dict[tuple[object, ...], tuple[Lesson, bytes]] = {}


def timeline_png(
    lesson: Lesson,
    events: list[TimelineEvent] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
    highlight: frozenset[str] = frozenset(),
) -> bytes:
    """The chart as PNG, drawn once per lesson, events, window and highlight in a session."""
    shown = events if events is not None else filter_events(lesson, window=window)
    key = (id(lesson), tuple(e.id for e in shown), window, frozenset(highlight))
    cached = _PNG_CACHE.get(key)
    if cached is None or cached[0] is not lesson:
        use_arabic_font()
        cached = (lesson, png_bytes(timeline_chart(lesson, shown, window=window, highlight=highlight)))
        if len(_PNG_CACHE) > 64:
            _PNG_CACHE.clear()
        _PNG_CACHE[key] = cached
    return cached[1]


def timeline_image(lesson: Lesson, window: tuple[dt.date, dt.date] | None = None):
    """The timeline (all events, or those in ``window``) as an image for a notebook cell."""
    from IPython.display import Image

    return Image(data=timeline_png(lesson, window=window), format="png")


def event_html(lesson: Lesson, event: TimelineEvent) -> str:
    """An event's card: labels, date and precision, source, confidence, and the sentences that date it."""
    when = {"day": f"{event.start:%A %d %B %Y}", "month": f"{event.start:%B %Y}", "year": f"{event.start:%Y}"}.get(
        event.precision, f"{event.start:%d %B %Y} – {event.end:%d %B %Y}"
    )
    parts = [
        '<div class="khabar-event">',
        ar(event.label.ar or "", tag="div", cls="khabar-ar"),
        f"<b>{escape(event.label.en or '')}</b><br>",
        en(f"{'≈ ' if event.approximate else ''}{when} · {event.precision} · {event.category} · "
           f"{'in the article' if event.in_article else 'background'} · confidence {event.confidence}"),
        f"<br><small>Source: {_mixed(event.source)}</small>",
    ]  # fmt: skip
    if event.verify:
        parts.append(f"<br><small>To verify: {_mixed(event.verify)}</small>")
    for sid in event.sentence_ids:
        text = lesson.sentence(sid).ar
        spans = find_form(text, event.expression) if event.expression else []
        parts.append(f'<div class="khabar-evidence"><span class="khabar-sid">{sid}</span>'
                     + ar(marked(text, spans), tag="div", raw=True) + "</div>")  # fmt: skip
    parts.append("</div>")
    return "".join(parts)


class TimelineExplorer(widgets.VBox):
    """Filters, the chart, and the events of the sentence being read (or of a chosen event)."""

    def __init__(self, lesson: Lesson, reading: ReadingView | None = None) -> None:
        use_arabic_font()
        self.lesson, self.reading = lesson, reading
        categories = sorted({e.category for e in lesson.timeline})
        self.categories = widgets.SelectMultiple(options=categories, value=tuple(categories), rows=len(categories),
                                                 description="Categories")  # fmt: skip
        self.scope = widgets.ToggleButtons(options=[("all", "all"), ("in the article", "article"),
                                                    ("background", "background")], value="all")  # fmt: skip
        self.span = widgets.ToggleButtons(options=[_ZOOMED, _ALL_TIME], value=_ZOOMED)
        self.sentence = widgets.Dropdown(
            options=[("—", "")] + [(f"{s.id}: {' '.join(s.ar.split()[:6])} …", s.id) for s in lesson.sentences],
            value="", description="Sentence",
        )  # fmt: skip
        self.event = widgets.Dropdown(options=[("—", "")] + [(e.label.en or e.id, e.id) for e in lesson.timeline],
                                      value="", description="Event")  # fmt: skip
        self.read_button = widgets.Button(description="Read its sentence", disabled=True)
        self.chart = widgets.Image(format="png")
        self.details = widgets.HTML()
        self.count = widgets.Label()
        self.count.add_class("khabar-timeline-count")
        for w, cls in ((self.sentence, "khabar-rtl"), (self.categories, "khabar-categories"),
                       (self.scope, "khabar-scope"), (self.span, "khabar-span"), (self.event, "khabar-event-select"),
                       (self.chart, "khabar-timeline-chart"), (self.details, "khabar-event-details")):  # fmt: skip
            w.add_class(cls)
        for w in (self.categories, self.scope, self.span, self.sentence):
            w.observe(self.refresh, names="value")
        self.event.observe(self._event_chosen, names="value")
        self.read_button.on_click(lambda _: self._read())
        if reading is not None:
            # Follows the reader from the next move on (the first chart is the plain one).
            reading.jump.observe(lambda change: setattr(self.sentence, "value", change["new"]), names="value")
        super().__init__([
            widgets.HTML(style()),
            widgets.HBox([self.categories, widgets.VBox([self.scope, self.span])]),
            widgets.HBox([self.sentence, self.event, self.read_button]),
            self.count, self.chart, self.details,
        ])  # fmt: skip
        self.add_class("khabar-timeline")
        self.refresh()

    @property
    def shown(self) -> list[TimelineEvent]:
        window = ZOOM if self.span.value == _ZOOMED else None
        return filter_events(self.lesson, self.categories.value, self.scope.value, window)

    @property
    def highlighted(self) -> set[str]:
        ids = {e.id for e in self.lesson.events_for(self.sentence.value)} if self.sentence.value else set()
        return ids | ({self.event.value} if self.event.value else set())

    def refresh(self, _change: object = None) -> None:
        events = self.shown
        window = ZOOM if self.span.value == _ZOOMED else None
        self.chart.value = timeline_png(self.lesson, events, window, frozenset(self.highlighted))
        self.count.value = f"{len(events)} of {len(self.lesson.timeline)} events shown"
        if self.sentence.value and not self.event.value:
            found = self.lesson.events_for(self.sentence.value)
            self.details.value = (
                "".join(event_html(self.lesson, e) for e in found)
                if found
                else en(f"No event is dated by sentence {self.sentence.value}.", tag="p")
            )

    def _event_chosen(self, change: dict) -> None:
        event = next((e for e in self.lesson.timeline if e.id == change["new"]), None)
        self.read_button.disabled = event is None or self.reading is None or not event.sentence_ids
        if event is not None:
            self.details.value = event_html(self.lesson, event)
        self.refresh()

    def _read(self) -> None:
        event = next((e for e in self.lesson.timeline if e.id == self.event.value), None)
        if event and event.sentence_ids and self.reading is not None:
            self.reading.go(event.sentence_ids[0])


def timeline_explorer(lesson: Lesson, reading: ReadingView | None = None) -> TimelineExplorer:
    """The timeline with filters; linked to a reading view when one is given."""
    return TimelineExplorer(lesson, reading)


def _parse_answer(text: str) -> tuple[dt.date, dt.date] | None:
    """A learner's date: YYYY, YYYY-MM or YYYY-MM-DD (Arabic-Indic digits allowed), as a span of days."""
    import calendar

    from .arabic import normalize_match

    parts = normalize_match(text).replace("/", "-").split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
    except ValueError:
        return None
    return None


def check_date_answer(expression: str, article_date: dt.date, answer: str) -> tuple[bool, str]:
    """Is the learner's date what the expression means? Returns (right, explanation).

    >>> right, why = check_date_answer("في نوفمبر", dt.date(2026, 1, 27), "2025-11")
    >>> right, why.split(".")[0]
    (True, 'Right: November 2025')
    >>> check_date_answer("في نوفمبر", dt.date(2026, 1, 27), "2026-11")[0]
    False
    """
    meaning = resolve(expression, article_date)
    span = _parse_answer(answer)
    if span is None:
        return False, "Write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-11."
    start, end = span
    if meaning.start <= start and end <= meaning.end:
        return True, f"Right: {meaning.label}. {meaning.reasoning}"
    if start <= meaning.start and meaning.end <= end:
        return False, "Nearly: the text says more than that. Be more precise."
    return False, "Not this date. Work from the article's date, Tuesday 27 January 2026."


class RelativeDates(widgets.VBox):
    """For each dated event of the article: its words, a box for the date, and a check."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.rows: list[tuple[TimelineEvent, widgets.Text, widgets.HTML]] = []
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
            prompt = widgets.HTML(ar(marked(text, find_form(text, event.expression)), tag="div", raw=True)
                                  + en(f"When is «{event.expression}»? ({sid})", tag="div"))  # fmt: skip
            box = widgets.Text(placeholder="YYYY, YYYY-MM or YYYY-MM-DD", continuous_update=False)
            box.add_class("khabar-date-answer")
            result = widgets.HTML()
            button = widgets.Button(description="Check")
            button.on_click(lambda _b, e=event, b=box, r=result: self._check(e, b, r))
            self.rows.append((event, box, result))
            children += [prompt, widgets.HBox([box, button]), result]
        super().__init__(children)
        self.add_class("khabar-relative-dates")

    def _check(self, event: TimelineEvent, box: widgets.Text, result: widgets.HTML) -> None:
        right, why = check_date_answer(event.expression or "", self.lesson.info.date, box.value)
        result.value = en(("✓ " if right else "✗ ") + why, tag="p", cls="khabar-right" if right else "khabar-wrong")

    def check_all(self) -> list[bool]:
        """Check every row (as if each Check button were pressed); returns which are right."""
        out = []
        for event, box, result in self.rows:
            self._check(event, box, result)
            out.append(result.value.find("✓") >= 0)
        return out


def relative_dates_exercise(lesson: Lesson) -> RelativeDates:
    """Resolve the article's relative time expressions against its date."""
    return RelativeDates(lesson)
