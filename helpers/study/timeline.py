"""The timeline as data: which events a view shows, the zoom on the article's own story, and its lanes.

A chart draws the events in lanes, one per thread of the story (``threads`` in ``timeline.yaml``), and the
events of one lane that share their days as one mark (:func:`lanes`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from helpers.lesson.model import Bilingual, Lesson, TimelineEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "STORY_REACH",
    "TIMELINE_ZOOM",
    "ZOOM",
    "Lane",
    "Mark",
    "Thread",
    "filter_events",
    "is_projection",
    "lanes",
    "story_window",
    "threads",
]

#: The zoom on the built-in lesson's own story, September 2025 to the end of 2026 (:func:`story_window` of that
#: lesson); the window for a lesson without events. Any lesson's own is :func:`story_window`.
ZOOM = (dt.date(2025, 9, 1), dt.date(2026, 12, 31))
TIMELINE_ZOOM = ZOOM  # the name the package exports
#: How far from the article's date an event of the article may lie and still be part of its own story.
STORY_REACH = dt.timedelta(days=366)


def story_window(lesson: Lesson) -> tuple[dt.date, dt.date]:
    """The zoom on the article's own story: the whole months of the events the article states or implies that
    lie within a year of its date (an event it recalls from long ago is background to that story).

    A lesson with no such event: the year of its date.

    >>> from helpers import load_lesson
    >>> story_window(load_lesson()) == ZOOM
    True
    """
    day = lesson.info.date
    early = day - STORY_REACH if day - dt.date.min > STORY_REACH else dt.date.min
    late = day + STORY_REACH if dt.date.max - day > STORY_REACH else dt.date.max
    near = [e for e in lesson.timeline if e.in_article and e.end >= early and e.start <= late]
    if not near:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    first, last = min(e.start for e in near), max(e.end for e in near)
    return first.replace(day=1), last.replace(day=calendar.monthrange(last.year, last.month)[1])


def filter_events(
    lesson: Lesson,
    categories: Iterable[str] | None = None,
    scope: str = "all",
    window: tuple[dt.date, dt.date] | None = None,
) -> list[TimelineEvent]:
    """Events by category, by scope ('all', 'article', 'background') and overlapping a date window, by date."""
    if scope not in ("all", "article", "background"):
        raise ValueError(f"scope must be 'all', 'article' or 'background', not {scope!r}")
    wanted = set(categories) if categories is not None else None
    chosen = [
        e
        for e in lesson.timeline
        if (wanted is None or e.category in wanted)
        and (scope == "all" or (scope == "article") == e.in_article)
        and (window is None or (e.end >= window[0] and e.start <= window[1]))
    ]
    return sorted(chosen, key=lambda e: (e.start, e.end, e.id))


@dataclass(frozen=True)
class Thread:
    """A thread of the story: a lane of the chart, its name and the ids of its events."""

    id: str
    label: Bilingual
    event_ids: tuple[str, ...]


#: The lanes of a lesson whose timeline names no threads: its own story, then the background.
_ARTICLE = Thread("t-article", Bilingual(ar="في الخبر", en="In the article"), ())
_BACKGROUND = Thread("t-background", Bilingual(ar="خلفية", en="Background"), ())
#: Where an event on none of the lesson's threads goes.
OTHER = Thread("t-other", Bilingual(ar="أحداث أخرى", en="Other events"), ())


def threads(lesson: Lesson) -> tuple[Thread, ...]:
    """The threads ``timeline.yaml`` names, in the order drawn (none: "in the article" and "background").

    >>> from helpers import load_lesson
    >>> [t.id for t in threads(load_lesson())][:2]
    ['t-israel-kazakhstan', 't-abraham-accords']
    """
    if not lesson.threads:
        return (_ARTICLE, _BACKGROUND)
    known = {e.id for e in lesson.timeline}
    return tuple(Thread(t.id, t.label, tuple(i for i in t.event_ids if i in known)) for t in lesson.threads)


@dataclass(frozen=True)
class Mark:
    """What a chart draws at one place in a lane: one event, or the events of the lane on the same days."""

    events: tuple[TimelineEvent, ...]

    @property
    def start(self) -> dt.date:
        return self.events[0].start

    @property
    def end(self) -> dt.date:
        return self.events[0].end

    @property
    def first(self) -> TimelineEvent:
        return self.events[0]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.events)


@dataclass(frozen=True)
class Lane:
    """A thread and its marks, by date."""

    thread: Thread
    marks: tuple[Mark, ...]

    @property
    def events(self) -> tuple[TimelineEvent, ...]:
        return tuple(e for m in self.marks for e in m.events)


def lanes(lesson: Lesson, events: Iterable[TimelineEvent]) -> list[Lane]:
    """``events`` in lanes by thread (in the lesson's order; empty lanes left out), same-day events as one mark.

    Events group when they cover the same days with the same precision and both belong to the article, or both
    to the background.

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> first = lanes(lesson, lesson.timeline)[0]
    >>> first.thread.label.en, max(len(m.events) for m in first.marks)
    ('Israel and Kazakhstan', 5)
    """
    chosen = sorted(events, key=lambda e: (e.start, e.end, e.id))
    order = threads(lesson)
    if order[0] is _ARTICLE:
        placed = {e.id: (_ARTICLE if e.in_article else _BACKGROUND) for e in chosen}
    else:
        on = {i: t for t in reversed(order) for i in t.event_ids}  # an event on two threads: the first
        placed = {e.id: on.get(e.id, OTHER) for e in chosen}
        order = (*order, OTHER)
    result = []
    for thread in order:
        marks: list[list[TimelineEvent]] = []
        for e in (e for e in chosen if placed[e.id] is thread):
            last = marks[-1][0] if marks else None
            if last is not None and (last.start, last.end, last.precision, last.in_article) == (
                e.start, e.end, e.precision, e.in_article
            ):  # fmt: skip
                marks[-1].append(e)
            else:
                marks.append([e])
        if marks:
            result.append(Lane(thread, tuple(Mark(tuple(m)) for m in marks)))
    return result


def is_projection(lesson: Lesson, event: TimelineEvent) -> bool:
    """True for an event that starts after the article's date: something the article expects, not a fact.

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> [e.id for e in lesson.timeline if is_projection(lesson, e)]
    ['e-netanyahu-expected-visit']
    """
    return event.start > lesson.info.date
