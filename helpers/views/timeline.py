"""The diplomatic timeline drawn: matplotlib charts with bilingual labels, event cards.

Charts are drawn by matplotlib (>= 3.11), which shapes Arabic itself: labels are
plain Arabic strings, never passed through arabic_reshaper/python-bidi (that
now reverses them). Each event has its own row, so no two labels can overlap;
precision is visible (a bar spans a month, a year or a range; ≈ and a hollow
marker flag an approximate date), and events of the article (red) stand apart
from background events (blue). Call :func:`helpers.use_arabic_font` first to
draw with Amiri.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import textwrap
from collections.abc import Iterable
from pathlib import Path

from helpers.lesson.model import Lesson, TimelineEvent
from helpers.lesson.paths import user_cache_dir, write_atomically
from helpers.study.timeline import ZOOM, filter_events
from helpers.text.folding import find_form
from helpers.views.charts import png_bytes, use_arabic_font
from helpers.views.html import Html, Markup, ar, draft_mark, en, mixed
from helpers.views.words import marked_sentence

__all__ = [
    "ARTICLE_COLOUR",
    "BACKGROUND_COLOUR",
    "FIRST_DRAWABLE",
    "LAST_DRAWABLE",
    "chart_window",
    "event_html",
    "label_boxes",
    "timeline_chart",
    "timeline_image",
    "timeline_png",
]

#: Line heights in points at the label size (Amiri's Arabic line is tall).
_ARABIC_LINE, _ENGLISH_LINE, _GAP = 20.0, 15.5, 7.0

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure


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
        file = _chart_file(lesson, shown, window, highlight)
        try:
            png = file.read_bytes() if file is not None else None
        except OSError:
            png = None
        if not png or not png.startswith(b"\x89PNG"):
            use_arabic_font()
            png = png_bytes(timeline_chart(lesson, shown, window=window, highlight=highlight))
            _keep_chart(file, png)
        cached = (lesson, png)
        if len(_PNG_CACHE) > 64:
            _PNG_CACHE.clear()
        _PNG_CACHE[key] = cached
    return cached[1]


def _chart_file(
    lesson: Lesson, events: list[TimelineEvent], window: tuple[dt.date, dt.date] | None, highlight: frozenset[str]
) -> Path | None:
    """Where a drawn chart is kept between sessions: named by everything that decides its pixels.

    The events as the lesson states them, the window and highlight, the drawing code and the matplotlib and
    font versions: change any of them and the chart is drawn again. Drawing takes most of a second; reading
    it back a millisecond, without importing matplotlib.
    """
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            fonts = version("fontpkg-amiri")
        except PackageNotFoundError:
            fonts = "no amiri"
        code = b"".join(Path(m).read_bytes() for m in (__file__, _charts_module_file()))
        facts = [lesson.id, [e.to_dict() for e in events], [str(d) for d in window or ()], sorted(highlight),
                 version("matplotlib"), fonts, hashlib.sha256(code).hexdigest()]  # fmt: skip
        digest = hashlib.sha256(json.dumps(facts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
        return user_cache_dir() / "charts" / f"timeline-{digest[:32]}.png"
    except (OSError, ValueError, PackageNotFoundError):
        return None


def _charts_module_file() -> str:
    from helpers.views import charts

    return charts.__file__


def _keep_chart(file: Path | None, png: bytes) -> None:
    if file is None:
        return
    try:
        write_atomically(file, lambda partial: partial.write_bytes(png))
    except OSError:
        return  # a chart that cannot be kept is only drawn again next time


def timeline_image(lesson: Lesson, window: tuple[dt.date, dt.date] | None = None):
    """The timeline (all events, or those in ``window``) as an image for a notebook cell."""
    from IPython.display import Image

    return Image(data=timeline_png(lesson, window=window), format="png")


def event_html(lesson: Lesson, event: TimelineEvent, cards: bool = False) -> Html:
    """An event's card: labels, date and precision, source, confidence, and the sentences that date it (with
    ``cards``, each word of them opens its word card: for one event at a time, not a list of them)."""
    when = {"day": f"{event.start:%A %d %B %Y}", "month": f"{event.start:%B %Y}", "year": f"{event.start:%Y}"}.get(
        event.precision, f"{event.start:%d %B %Y} – {event.end:%d %B %Y}"
    )
    facts = (
        f"{'≈ ' if event.approximate else ''}{when} · {event.precision} · {event.category} · "
        f"{'in the article' if event.in_article else 'background'} · confidence {event.confidence}"
    )
    verify = Markup("<br><small>To verify: {}</small>").format(mixed(event.verify)) if event.verify else ""
    evidence = Markup("").join(
        Markup('<div class="khabar-evidence"><span class="khabar-sid">{}</span>{}</div>').format(
            sid,
            ar(
                marked_sentence(lesson, s, find_form(s.ar, event.expression) if event.expression else [], cards),
                tag="div",
            ),
        )
        for sid, s in ((sid, lesson.sentence(sid)) for sid in event.sentence_ids)
    )
    return Html('<div class="khabar-event">{}{}<b>{}</b><br>{}<br><small>Source: {}</small>{}{}</div>').format(
        draft_mark(event),
        ar(event.label.ar or "", tag="div", cls="khabar-ar"),
        event.label.en or "",
        en(facts),
        mixed(event.source),
        verify,
        evidence,
    )


ARTICLE_COLOUR = "#c0392b"


BACKGROUND_COLOUR = "#2e6da4"


def _label(event: TimelineEvent, width: int) -> tuple[str, str]:
    approx = "≈ " if event.approximate else ""
    if event.precision == "day":
        when = f"{event.start:%d %b %Y}"
    elif event.precision == "month":
        when = f"{event.start:%b %Y}"
    elif event.precision == "year":
        when = f"{event.start:%Y}"
    else:
        when = f"{event.start:%d %b %Y} – {event.end:%d %b %Y}"
    english = textwrap.fill(f"{approx}{event.label.en} ({when})", width)
    return event.label.ar or "", english


#: The first and last days the chart's date axis can show: matplotlib's dates are Python's (years 1 to 9999).
#: A window reaching past them (an event dated 0001 or 9999, padded by :data:`_PADDING`) is cut to them.
FIRST_DRAWABLE, LAST_DRAWABLE = dt.date.min, dt.date.max
#: Room left on either side of the events when the chart shows the whole story.
_PADDING = dt.timedelta(days=400)


def chart_window(events: list[TimelineEvent], window: tuple[dt.date, dt.date] | None = None) -> tuple[dt.date, dt.date]:
    """The days the chart's axis spans: ``window``, else the events with room around them, within what can be drawn.

    >>> chart_window([], (dt.date(2025, 11, 1), dt.date(2026, 12, 31)))
    (datetime.date(2025, 11, 1), datetime.date(2026, 12, 31))
    >>> from helpers import load_lesson
    >>> event = load_lesson().timeline[0]
    >>> import dataclasses
    >>> far = dataclasses.replace(event, start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31))
    >>> chart_window([far])
    (datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
    """
    if window is not None:
        left, right = window
    elif events:
        first, last = min(e.start for e in events), max(e.end for e in events)
        left = first - _PADDING if first - FIRST_DRAWABLE > _PADDING else FIRST_DRAWABLE
        right = last + _PADDING if LAST_DRAWABLE - last > _PADDING else LAST_DRAWABLE
    else:
        left, right = ZOOM
    return max(left, FIRST_DRAWABLE), min(right, LAST_DRAWABLE)


def timeline_chart(
    lesson: Lesson,
    events: list[TimelineEvent] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
    highlight: Iterable[str] = (),
    title: str | None = None,
    width: float = 11.0,
) -> Figure:
    """A bilingual timeline of ``events`` (default: all of the lesson's), one row per event.

    ``window`` limits the x axis (e.g. :data:`ZOOM`); ``highlight`` ids are drawn
    with a yellow box (the events of a selected sentence).
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shown = events if events is not None else filter_events(lesson, window=window)
    marked = set(highlight)
    labels = [_label(e, 58) for e in shown]
    # Rows are laid out in points (1 y unit = 1 pt) and each is as tall as its label (the Arabic line in
    # Amiri, then the English lines, then a gap), so no two labels can overlap.
    above = _ARABIC_LINE + 3  # the Arabic line sits above the marker's level, the English lines below it
    below = [_ENGLISH_LINE * (english.count("\n") + 1) + 3 + _GAP for _, english in labels]
    heights = [above + b for b in below] or [40.0]
    total = sum(heights)
    top, bottom = 0.5, 1.15  # inches for the title, and for the date axis and legend
    fig_height = total / 72 + top + bottom
    fig = Figure(figsize=(width, fig_height), dpi=100)
    ax = fig.add_axes((0.01, bottom / fig_height, 0.98, (total / 72) / fig_height))
    left, right = chart_window(shown, window)
    ax.set_xlim(mdates.date2num(left), mdates.date2num(right))
    middle = mdates.date2num(left) + (mdates.date2num(right) - mdates.date2num(left)) / 2
    y = total
    for row, event in enumerate(shown):
        y -= above + (below[row - 1] if row else 0)
        colour = ARTICLE_COLOUR if event.in_article else BACKGROUND_COLOUR
        start, end = max(event.start, left), min(event.end, right)
        x0, x1, xm = mdates.date2num(start), mdates.date2num(end), mdates.date2num(event.middle)
        if event.precision != "day":
            ax.plot([x0, x1 + 1], [y, y], color=colour, linewidth=7, alpha=0.35, solid_capstyle="butt",
                    linestyle=(0, (2, 1)) if event.approximate else "-")  # fmt: skip
        ax.plot([xm], [y], marker="o", markersize=8, color=colour,
                markerfacecolor="white" if event.approximate else colour, markeredgewidth=2)  # fmt: skip
        arabic, english = labels[row]
        right_side = xm < middle
        box = (
            {"boxstyle": "round,pad=0.2", "facecolor": "#fff2b3", "edgecolor": "#c9a400"}
            if event.id in marked
            else None
        )
        offset_x = 12 if right_side else -12
        align = "left" if right_side else "right"
        ax.annotate(arabic, xy=(xm, y), xytext=(offset_x, 2), textcoords="offset points", ha=align, va="bottom",
                    fontsize=11, color="#222", bbox=box, gid=f"{event.id}:ar")  # fmt: skip
        ax.annotate(english, xy=(xm, y), xytext=(offset_x, -2), textcoords="offset points", ha=align, va="top",
                    fontsize=9, linespacing=1.0, color="#333", gid=f"{event.id}:en")  # fmt: skip
    ax.set_ylim(0, total)
    ax.set_yticks([])
    for spine in ("left", "right", "top"):
        ax.spines[spine].set_visible(False)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#ddd", linewidth=0.6)
    ax.axvline(mdates.date2num(lesson.info.date), color=ARTICLE_COLOUR, linestyle=":", linewidth=1, alpha=0.6,
               zorder=0)  # fmt: skip
    legend = [
        Line2D([], [], marker="o", color=ARTICLE_COLOUR, linestyle="", label="in the article · في الخبر"),
        Line2D([], [], marker="o", color=BACKGROUND_COLOUR, linestyle="", label="background · خلفية"),
        Line2D([], [], marker="o", color="#555", markerfacecolor="white", linestyle="", label="≈ approximate date"),
        Line2D([], [], color="#555", linewidth=6, alpha=0.35, label="month, year or range"),
        Line2D([], [], color=ARTICLE_COLOUR, linestyle=":", label=f"the article: {lesson.info.date:%d %b %Y}"),
    ]
    ax.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.35 / (total / 72)), ncol=3, fontsize=9,
              frameon=False)  # fmt: skip
    fig.suptitle(title or "The story of the article · قصة الخبر", fontsize=13, y=1 - 0.12 / fig_height)
    return fig


def label_boxes(fig: Figure) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every event label's box in display pixels (x0, y0, x1, y1), for checking that none overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = []
    for text in fig.axes[0].texts:
        box = text.get_window_extent(renderer)
        boxes.append((text.get_gid() or "", (box.x0, box.y0, box.x1, box.y1)))
    return boxes
