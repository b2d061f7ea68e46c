"""The timeline as data: which events a view shows, and the zoom on the article's own story."""

from __future__ import annotations

import calendar
import datetime as dt

from helpers.lesson.model import Lesson, TimelineEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = ["STORY_REACH", "TIMELINE_ZOOM", "ZOOM", "filter_events", "story_window"]

#: The zoom on the built-in lesson's own story, November 2025 to the end of 2026 (:func:`story_window` of that
#: lesson); the window for a lesson without events. Any lesson's own is :func:`story_window`.
ZOOM = (dt.date(2025, 11, 1), dt.date(2026, 12, 31))
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
