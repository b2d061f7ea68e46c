"""The diplomatic timeline drawn: matplotlib charts with bilingual labels, their text alternative, event cards.

Charts are drawn by matplotlib (>= 3.11), which shapes Arabic itself: labels are
plain Arabic strings, never passed through arabic_reshaper/python-bidi (that
now reverses them). The events stand in lanes, one per thread of the story; the
events of a lane on the same days are one mark with their number, and each mark
has its own row of labels, so no two labels can overlap. The background and the
story's own months get their own date panels; precision is visible (a bar spans
a month, a year or a range; ≈ and a hollow marker flag an approximate date, a
dashed bar what the article expects), and events of the article (red) stand
apart from background events (blue). Every chart comes with the same events as
an HTML list (:func:`timeline_list_html`), which a phone shows instead of the
picture. Call :func:`helpers.use_arabic_font` first to draw with Amiri.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from helpers.lesson.model import Lesson, TimelineEvent
from helpers.lesson.paths import user_cache_dir, write_atomically
from helpers.study.timeline import ZOOM, Mark, filter_events, is_projection, lanes, story_window, threads
from helpers.text.folding import find_form
from helpers.views.charts import png_bytes, use_arabic_font
from helpers.views.html import Html, Markup, ar, draft_mark, en, mixed, style
from helpers.views.words import marked_sentence

__all__ = [
    "ARTICLE_COLOUR",
    "BACKGROUND_COLOUR",
    "FIRST_DRAWABLE",
    "LAST_DRAWABLE",
    "chart_panels",
    "chart_window",
    "event_html",
    "label_boxes",
    "timeline_alt",
    "timeline_chart",
    "timeline_figure_html",
    "timeline_image",
    "timeline_list_html",
    "timeline_png",
    "when",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure


_PNG_CACHE: dict[tuple[object, ...], tuple[Lesson, bytes]] = {}


def timeline_png(
    lesson: Lesson,
    events: list[TimelineEvent] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
    highlight: frozenset[str] = frozenset(),
    width: float = 10.5,
) -> bytes:
    """The chart as PNG (``width`` inches at 100 dpi), drawn once per lesson, events, window, highlight and width
    in a session, and kept between sessions."""
    shown = events if events is not None else filter_events(lesson, window=window)
    key = (id(lesson), tuple(e.id for e in shown), window, frozenset(highlight), width)
    cached = _PNG_CACHE.get(key)
    if cached is None or cached[0] is not lesson:
        file = _chart_file(lesson, shown, window, highlight, width)
        try:
            png = file.read_bytes() if file is not None else None
        except OSError:
            png = None
        if not png or not png.startswith(b"\x89PNG"):
            use_arabic_font()
            png = png_bytes(timeline_chart(lesson, shown, window=window, highlight=highlight, width=width))
            _keep_chart(file, png)
        cached = (lesson, png)
        if len(_PNG_CACHE) > 64:
            _PNG_CACHE.clear()
        _PNG_CACHE[key] = cached
    return cached[1]


def _chart_file(
    lesson: Lesson,
    events: list[TimelineEvent],
    window: tuple[dt.date, dt.date] | None,
    highlight: frozenset[str],
    width: float = 10.5,
) -> Path | None:
    """Where a drawn chart is kept between sessions: named by everything that decides its pixels.

    The events as the lesson states them, its date and threads, the window, highlight and width, the drawing
    code and the matplotlib and font versions: change any of them and the chart is drawn again. Drawing takes
    a second or two; reading it back a millisecond, without importing matplotlib.
    """
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            fonts = version("fontpkg-amiri")
        except PackageNotFoundError:
            fonts = "no amiri"
        code = b"".join(Path(m).read_bytes() for m in (__file__, _charts_module_file()))
        lanes_drawn = [(t.id, t.label.ar, t.label.en, t.event_ids) for t in threads(lesson)]
        facts = [lesson.id, str(lesson.info.date), [e.to_dict() for e in events], lanes_drawn,
                 [str(d) for d in window or ()], sorted(highlight), width, version("matplotlib"), fonts,
                 hashlib.sha256(code).hexdigest()]  # fmt: skip
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


def event_html(lesson: Lesson, event: TimelineEvent, cards: bool = False, teacher: bool = False) -> Html:
    """An event's card: labels, date and precision, source, confidence, and the sentences that date it (with
    ``cards``, each word of them opens its word card: for one event at a time, not a list of them). What is still
    to verify is for the teacher (``teacher``), not shown to learners."""
    when = {"day": f"{event.start:%A %d %B %Y}", "month": f"{event.start:%B %Y}", "year": f"{event.start:%Y}"}.get(
        event.precision, f"{event.start:%d %B %Y} – {event.end:%d %B %Y}"
    )
    facts = (
        f"{'≈ ' if event.approximate else ''}{when} · {event.precision} · {event.category} · "
        f"{'in the article' if event.in_article else 'background'} · confidence {event.confidence}"
    )
    verify = Markup("<br><small>To verify: {}</small>").format(mixed(event.verify)) if event.verify and teacher else ""
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
_HIGHLIGHT = "#fff2b3"
_LANE_BAND = "#eef2f7"

#: Text sizes in points. At the chart's 100 dpi a point is 1.39 pixels: English 12 pt is 17 px in the PNG.
_AR_SIZE, _EN_SIZE, _DATE_SIZE, _LANE_SIZE = 15.0, 12.0, 11.5, 12.5
#: Vertical room in points: between an event's Arabic and English, between a mark's events, around each row,
#: and a lane's header row.
_LINE_GAP, _EVENT_GAP, _ROW_PAD, _LANE_ROW = 2.0, 4.0, 8.0, 28.0
#: The label column's share of the figure's width; its text is wrapped to fit, measured as drawn.
_LABEL_WIDTH = 0.45


def when(event: TimelineEvent) -> str:
    """The event's date, written once, as precisely as it is known.

    >>> from helpers import load_lesson
    >>> [when(e) for e in load_lesson().timeline if e.id in ("e-previous-israeli-fm-visit", "e-visa-memorandum")]
    ['≈ 12–15 Oct 2009', '27 Jan 2026']
    """
    approx = "≈ " if event.approximate else ""
    s, e = event.start, event.end
    if event.precision == "day":
        text = f"{s.day} {s:%b %Y}"
    elif event.precision == "month":
        text = f"{s:%b %Y}"
    elif event.precision == "year":
        text = f"{s:%Y}"
    elif (s.year, s.month) == (e.year, e.month):
        text = f"{s.day}–{e.day} {s:%b %Y}"
    elif s.year == e.year:
        text = f"{s.day} {s:%b} – {e.day} {e:%b %Y}"
    else:
        text = f"{s.day} {s:%b %Y} – {e.day} {e:%b %Y}"
    return approx + text


def _mark_heading(lesson: Lesson, mark: Mark) -> str:
    heading = when(mark.first)
    if len(mark.events) > 1:
        heading += f" · {len(mark.events)} events"
    if is_projection(lesson, mark.first):
        heading += " · expected"
    return heading


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


def chart_panels(
    lesson: Lesson, events: list[TimelineEvent], window: tuple[dt.date, dt.date] | None = None
) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """The chart's date panels, each a name and the days it spans: the story's own months, and, when the chart
    shows the whole story and some events lie before them, the background apart (its own, coarser axis).

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> [(name, f"{a:%Y-%m} {b:%Y-%m}") for name, (a, b) in chart_panels(lesson, list(lesson.timeline))]
    [('background', '1944-01 2025-09'), ('story', '2025-09 2026-12')]
    """
    if window is not None or not events:
        return [("story", chart_window(events, window))]
    story = story_window(lesson)
    before = [e for e in events if e.start < story[0]]
    if not before:
        return [("story", chart_window(events, (min(story[0], *(e.start for e in events)),
                                                max(story[1], *(e.end for e in events)))))]  # fmt: skip
    first = min(e.start for e in before)
    left = dt.date(max(first.year - 1, FIRST_DRAWABLE.year), 1, 1)
    right = max(story[1], *(e.end for e in events))
    return [("background", (left, story[0])), ("story", (story[0], right))]


class _Measure:
    """Text as matplotlib draws it (shaped, in the chart's fonts): its height in points, and wrapping to a width."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4, 4), dpi=100)
        self.renderer = FigureCanvasAgg(self.figure).get_renderer()
        self.cache: dict[tuple[str, float], tuple[float, float]] = {}

    def size(self, text: str, fontsize: float) -> tuple[float, float]:
        """Width and height in points of ``text`` (lines and all)."""
        found = self.cache.get((text, fontsize))
        if found is None:
            drawn = self.figure.text(0, 0, text, fontsize=fontsize)
            box = drawn.get_window_extent(self.renderer)
            drawn.remove()
            found = self.cache[(text, fontsize)] = (box.width * 72 / 100, box.height * 72 / 100)
        return found

    def height(self, text: str, fontsize: float) -> float:
        return self.size(text, fontsize)[1]

    def wrap(self, text: str, fontsize: float, width: float) -> str:
        """``text`` broken between words into lines no wider than ``width`` points (a longer word keeps its line)."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.size(f"{lines[-1]} {word}", fontsize)[0] <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)


def timeline_chart(
    lesson: Lesson,
    events: list[TimelineEvent] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
    highlight: Iterable[str] = (),
    title: str | None = None,
    width: float = 10.5,
) -> Figure:
    """The events in lanes by thread, each row a mark (same-day events of a lane together) with its date and labels.

    Left, a column of labels (the date once, then each event in Arabic and English); right, the marks on one or
    two date panels (:func:`chart_panels`): the background on its own axis, the story's months on theirs, the
    article's date as a dotted line with its caption above the panel, so it crosses no text. ``window`` limits
    the chart to those days; ``highlight`` ids are drawn on a yellow band (the events of a chosen sentence).
    """
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    shown = events if events is not None else filter_events(lesson, window=window)
    marked = set(highlight)
    grouped = lanes(lesson, shown)
    column = width * 72 * _LABEL_WIDTH - 6  # points of text per line in the label column
    measure = _Measure()
    # Rows are laid out in points (1 y unit = 1 pt), each as tall as its labels measure when drawn, so no two
    # labels overlap: (kind, lane or mark, height, [(event, Arabic lines, its height, English lines, height)])
    blocks: list[tuple[str, object, float, list]] = []
    for lane in grouped:
        blocks.append(("lane", lane, _LANE_ROW, []))
        for mark in lane.marks:
            height, texts = measure.height(_mark_heading(lesson, mark), _DATE_SIZE) + _ROW_PAD + _LINE_GAP, []
            for e in mark.events:
                ar_text = measure.wrap(e.label.ar or "", _AR_SIZE, column)
                en_text = measure.wrap(e.label.en or "", _EN_SIZE, column)
                ar_h, en_h = measure.height(ar_text, _AR_SIZE), measure.height(en_text, _EN_SIZE)
                texts.append((e, ar_text, ar_h, en_text, en_h))
                height += ar_h + _LINE_GAP + en_h + _EVENT_GAP
            blocks.append(("mark", mark, height, texts))
    total = sum(h for _, _, h, _ in blocks) or 40.0
    top, bottom = 1.15, 1.9  # inches: the title and the article's caption; the date axes and the legend
    fig_height = total / 72 + top + bottom
    fig = Figure(figsize=(width, fig_height), dpi=100)
    rows_bottom, rows_height = bottom / fig_height, (total / 72) / fig_height
    labels = fig.add_axes((0.01, rows_bottom, _LABEL_WIDTH, rows_height))
    panels = chart_panels(lesson, shown, window)
    left_edge, right_edge, gap = 0.01 + _LABEL_WIDTH + 0.025, 0.985, 0.03
    span = right_edge - left_edge - gap * (len(panels) - 1)
    shares = [0.36, 0.64] if len(panels) == 2 else [1.0]
    axes, x = [], left_edge
    for share in shares:
        axes.append(fig.add_axes((x, rows_bottom, span * share, rows_height)))
        x += span * share + gap
    for ax in (labels, *axes):
        ax.set_ylim(0, total)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
    labels.set_xlim(0, 1)
    labels.set_xmargin(0)
    labels.set_xticks([])
    labels.spines["bottom"].set_visible(False)
    for ax, (name, (a, b)) in zip(axes, panels, strict=True):
        ax.set_xlim(mdates.date2num(a), mdates.date2num(b))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7 if name == "story" else 5)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="x", labelsize=11)
        ax.grid(axis="x", color="#e2e2e2", linewidth=0.7)
        if name == "background":
            ax.set_xlabel(f"Background · خلفية  ({a.year}–{b.year})", fontsize=12)
        else:
            ax.set_xlabel(f"The story · القصة  ({a:%b %Y} – {b:%b %Y})", fontsize=12)

    def panel_of(day: dt.date):
        for ax, (_, (a, b)) in zip(axes, panels, strict=True):
            if a <= day <= b:
                return ax, a, b
        return axes[-1] if day > panels[-1][1][1] else axes[0], *panels[-1 if day > panels[-1][1][1] else 0][1]

    y = total
    for kind, item, height, texts in blocks:
        y_top, y = y, y - height
        if kind == "lane":
            for ax in (labels, *axes):
                ax.axhspan(y + 3, y_top - 2, color=_LANE_BAND, zorder=0, linewidth=0)
            middle, thread = (y + y_top) / 2, item.thread
            labels.text(0.005, middle, thread.label.en or "", ha="left", va="center", fontsize=_LANE_SIZE,
                        fontweight="bold", color="#333", gid=f"lane:{thread.id}:en")  # fmt: skip
            labels.text(0.995, middle, thread.label.ar or "", ha="right", va="center", fontsize=_LANE_SIZE + 2,
                        fontweight="bold", color="#333", gid=f"lane:{thread.id}:ar")  # fmt: skip
            continue
        mark = item
        if marked & set(mark.ids):
            for ax in (labels, *axes):
                ax.axhspan(y + 2, y_top - 2, color=_HIGHLIGHT, zorder=0, linewidth=0)
        for ax in (labels, *axes):
            ax.axhline(y, color="#e6e6e6", linewidth=0.6, zorder=0)
        heading = _mark_heading(lesson, mark)
        date_h = measure.height(heading, _DATE_SIZE)
        line_y = y_top - _ROW_PAD / 2 - date_h / 2
        labels.text(0.005, line_y, heading, ha="left", va="center", fontsize=_DATE_SIZE,
                    fontweight="bold", color="#222", gid=f"date:{mark.first.id}")  # fmt: skip
        cursor = y_top - _ROW_PAD / 2 - date_h - _LINE_GAP
        for e, ar_text, ar_h, en_text, en_h in texts:
            labels.text(0.995, cursor, ar_text, ha="right", va="top", fontsize=_AR_SIZE, color="#111",
                        gid=f"{e.id}:ar")  # fmt: skip
            cursor -= ar_h + _LINE_GAP
            labels.text(0.005, cursor, en_text, ha="left", va="top", fontsize=_EN_SIZE, color="#333",
                        gid=f"{e.id}:en")  # fmt: skip
            cursor -= en_h + _EVENT_GAP
        # the mark
        first = mark.first
        colour = ARTICLE_COLOUR if first.in_article else BACKGROUND_COLOUR
        ax, a, b = panel_of(first.start)
        x0 = mdates.date2num(max(first.start, a))
        x1 = mdates.date2num(min(first.end, b)) + 1
        lo, hi = ax.get_xlim()
        projected = is_projection(lesson, first)
        hollow = first.approximate or projected
        if first.precision != "day" and (x1 - x0) > (hi - lo) * 0.012:
            ax.plot([x0, x1], [line_y, line_y], color=colour, linewidth=9 if not projected else 6,
                    alpha=0.45 if not projected else 0.8, solid_capstyle="butt",
                    linestyle=(0, (1.5, 1)) if projected else "-", zorder=2)  # fmt: skip
            xm = x0 if projected else (x0 + x1) / 2
        else:
            xm = (x0 + x1) / 2
        size = 21 if len(mark.events) > 1 else 11
        ax.plot([xm], [line_y], marker="o", markersize=size, color=colour, markeredgewidth=2,
                markerfacecolor="white" if hollow else colour, zorder=4, clip_on=False,
                gid=f"mark:{first.id}")  # fmt: skip
        if len(mark.events) > 1:
            ax.text(xm, line_y, str(len(mark.events)), ha="center", va="center", fontsize=11, fontweight="bold",
                    color="white", zorder=5, clip_on=False, gid=f"count:{first.id}")  # fmt: skip
    day = lesson.info.date
    for ax, (_, (a, b)) in zip(axes, panels, strict=True):
        if a <= day <= b:
            x_day = mdates.date2num(day) + 0.5
            ax.axvline(x_day, color=ARTICLE_COLOUR, linestyle=":", linewidth=1.4, alpha=0.8, zorder=1)
            ax.annotate(f"the article · الخبر\n{day.day} {day:%b %Y}", xy=(x_day, 1.0),
                        xycoords=("data", "axes fraction"), xytext=(0, 5), textcoords="offset points",
                        ha="center", va="bottom", fontsize=11, color=ARTICLE_COLOUR, gid="article-date")  # fmt: skip
    legend = [
        Line2D([], [], marker="o", color=ARTICLE_COLOUR, linestyle="", markersize=10,
               label="in the article · في الخبر"),
        Line2D([], [], marker="o", color=BACKGROUND_COLOUR, linestyle="", markersize=10, label="background · خلفية"),
        Line2D([], [], marker="o", color="#666", markersize=16, linestyle="", label="events on one day (their number)"),
        Line2D([], [], color="#666", linewidth=8, alpha=0.45, label="a month, a year or a range"),
        Line2D([], [], marker="o", color="#666", markerfacecolor="white", linestyle="", markersize=10,
               label="≈ approximate, or expected"),
        Line2D([], [], color=ARTICLE_COLOUR, linestyle=(0, (1.5, 1)), linewidth=5, label="expected: a plan · متوقع"),
        Line2D([], [], color=ARTICLE_COLOUR, linestyle=":", linewidth=1.4, label="the article's date"),
    ]  # fmt: skip
    if marked:
        legend.append(Patch(color=_HIGHLIGHT, label="chosen · المختار"))
    fig.legend(handles=legend, loc="lower center", bbox_to_anchor=(0.5, 0.05 / fig_height), ncol=3, fontsize=11,
               frameon=False)  # fmt: skip
    fig.suptitle(title or "The story of the article · قصة الخبر", fontsize=16, y=1 - 0.1 / fig_height)
    return fig


def label_boxes(fig: Figure) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every label's box in display pixels (x0, y0, x1, y1), by gid (``ID:ar``, ``ID:en``, ``date:ID``,
    ``lane:ID:en``...), for checking that none overlap and all stay in the label column."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = []
    for text in fig.axes[0].texts:
        box = text.get_window_extent(renderer)
        boxes.append((text.get_gid() or "", (box.x0, box.y0, box.x1, box.y1)))
    return boxes


# -- the text alternative: the same events as an HTML list, and the chart's alt text -------------------------


def timeline_alt(lesson: Lesson, events: list[TimelineEvent], window: tuple[dt.date, dt.date] | None = None) -> str:
    """What the chart shows, in a sentence, for its ``alt`` text (the list below it gives every event).

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> timeline_alt(lesson, filter_events(lesson, window=ZOOM), ZOOM)[:60]
    'Timeline chart: 16 events in 5 lanes (Israel and Kazakhstan,'
    """
    grouped = lanes(lesson, events)
    names = ", ".join(lane.thread.label.en or lane.thread.id for lane in grouped)
    panels = chart_panels(lesson, events, window)
    spans = " and ".join(f"{'the background' if n == 'background' else 'the story'} from {a:%b %Y} to {b:%b %Y}"
                         for n, (a, b) in panels)  # fmt: skip
    day = lesson.info.date
    return (
        f"Timeline chart: {len(events)} events in {len(grouped)} lanes ({names}), {spans}; "
        f"the article's date, {day.day} {day:%B %Y}, is marked. Every event is listed below the chart."
    )


def timeline_list_html(lesson: Lesson, events: list[TimelineEvent], highlight: Iterable[str] = ()) -> Html:
    """The events as a vertical timeline in HTML: lanes, then marks (date once, then each event in Arabic and
    English with its confidence). The chart's text alternative, and the timeline a phone shows instead of it."""
    marked = set(highlight)
    out = []
    for lane in lanes(lesson, events):
        items = []
        for mark in lane.marks:
            entries = Markup("").join(
                Markup('<li class="khabar-tl-entry">{}{}'
                       '<span class="khabar-tl-meta" dir="ltr" lang="en">{}</span></li>')
                .format(ar(e.label.ar or "", tag="div", cls="khabar-ar khabar-tl-ar"),
                        en(e.label.en or "", tag="div", cls="khabar-en khabar-tl-en"),
                        f"{'in the article' if e.in_article else 'background'} · confidence {e.confidence}")
                for e in mark.events
            )  # fmt: skip
            cls = "khabar-tl-mark " + ("khabar-tl-article" if mark.first.in_article else "khabar-tl-background")
            if is_projection(lesson, mark.first):
                cls += " khabar-tl-expected"
            if marked & set(mark.ids):
                cls += " khabar-tl-chosen"
            items.append(
                Markup('<li class="{}"><time class="khabar-tl-when" datetime="{}" dir="ltr" lang="en">{}</time>'
                       '<ul class="khabar-tl-entries">{}</ul></li>')
                .format(cls, mark.start.isoformat(), _mark_heading(lesson, mark), entries)
            )  # fmt: skip
        out.append(
            Markup('<section class="khabar-tl-lane"><h4 class="khabar-tl-lane-name">'
                   '<span dir="ltr" lang="en">{}</span> · {}</h4><ol class="khabar-tl-marks">{}</ol></section>')
            .format(lane.thread.label.en or "", ar(lane.thread.label.ar or "", cls="khabar-ar-inline"),
                    Markup("").join(items))
        )  # fmt: skip
    if not out:
        out.append(en("No event matches these filters.", tag="p"))
    return Html('<div class="khabar-tl-list">{}</div>').format(Markup("").join(out))


def timeline_figure_html(png: bytes, alt: str, listing: Markup) -> Html:
    """The chart as an image with its alt text, and the list of its events below it (the text alternative)."""
    import base64

    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return Html(
        '<figure class="khabar-tl-figure"><img class="khabar-tl-img" src="{}" alt="{}">'
        '<figcaption class="khabar-en" dir="ltr" lang="en">The same events as a list '
        "(on a phone, in place of the chart):</figcaption>{}</figure>"
    ).format(Markup(source), alt, listing)


def timeline_image(lesson: Lesson, window: tuple[dt.date, dt.date] | None = None) -> Html:
    """The timeline (all events, or those in ``window``) for a notebook cell: the chart with its alt text and,
    below it, the same events as a list (a phone shows the list instead of the chart)."""
    events = filter_events(lesson, window=window)
    return Html("{}{}").format(
        style(),
        timeline_figure_html(
            timeline_png(lesson, events, window),
            timeline_alt(lesson, events, window),
            timeline_list_html(lesson, events),
        ),
    )
