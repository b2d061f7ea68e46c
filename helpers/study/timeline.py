"""The diplomatic timeline as data: which events a view shows, and the zoom on the article's own story."""

from __future__ import annotations

import datetime as dt

from helpers.lesson.model import Lesson, TimelineEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = ["TIMELINE_ZOOM", "ZOOM", "filter_events"]

#: The zoom on the article's own story: November 2025 to the end of 2026.
ZOOM = (dt.date(2025, 11, 1), dt.date(2026, 12, 31))
TIMELINE_ZOOM = ZOOM  # the name the package exports


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
