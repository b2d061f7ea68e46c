"""The timeline: sourced events, the relative-date resolver, charts compared with a baseline, widgets."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from markupsafe import escape
from matplotlib.testing.compare import compare_images

import helpers
from helpers.study.dates import UnknownExpression, check_date_answer, resolve
from helpers.study.timeline import ZOOM, filter_events, is_projection, lanes, story_window, threads
from helpers.views.charts import png_bytes
from helpers.views.timeline import (
    chart_panels,
    label_boxes,
    timeline_alt,
    timeline_chart,
    timeline_figure_html,
    timeline_list_html,
    when,
)

from .conftest import ROOT, visible_text
from .test_loader import edit, problems_of

BASELINE = ROOT / "tests" / "baseline" / "timeline-zoom.png"
README_IMAGE = ROOT / "docs" / "images" / "timeline.png"
ARTICLE_DATE = dt.date(2026, 1, 27)
TOLERANCE = 2.0  # RMS on 0-255 grey levels: anti-aliasing noise passes, a changed label does not


# -- data ---------------------------------------------------------------------------------------


def test_events_are_sourced_dated_and_cite_the_text(lesson):
    assert len(lesson.timeline) >= 15
    ids = {s.id for s in lesson.sentences}
    for e in lesson.timeline:
        assert e.source and e.confidence in ("high", "medium", "low"), e.id
        assert e.start <= e.end, e.id
        if e.confidence != "high":
            assert e.verify, e.id
        if e.in_article:
            assert e.sentence_ids and set(e.sentence_ids) <= ids, e.id


def test_the_article_s_own_events_are_all_there(lesson):
    article = {e.id for e in lesson.timeline if e.in_article}
    assert {"e-visa-memorandum", "e-kazakhstan-joins-abraham-accords", "e-board-of-peace-charter",
            "e-netanyahu-expected-visit", "e-previous-israeli-fm-visit"} <= article  # fmt: skip
    memo = next(e for e in lesson.timeline if e.id == "e-visa-memorandum")
    assert memo.start == ARTICLE_DATE and memo.expression == "يوم الثلاثاء"
    previous = next(e for e in lesson.timeline if e.id == "e-previous-israeli-fm-visit")
    # Liberman's trip of the week of 12 October 2009 (Ynet's "10.11.09" is month first), no made-up day
    assert previous.precision == "range" and (previous.start, previous.end) == (dt.date(2009, 10, 12),
                                                                                dt.date(2009, 10, 15))  # fmt: skip
    assert "Liberman" in previous.label.en and "10 November" in previous.verify and previous.confidence == "medium"
    # the whole four-day trip, the Kazakh leg somewhere inside it: approximate, and the chart says so
    assert previous.approximate and when(previous) == "≈ 12–15 Oct 2009"
    assert all(country in previous.source for country in ("Austria", "Kazakhstan", "Netherlands", "Denmark"))
    # whether "in 16 years" counts from it or from the 2010 trip is left open, so the label claims neither
    assert "last" not in previous.label.en and "آخر" not in previous.label.ar and "قبل" not in previous.label.ar
    assert "since 2010" in previous.verify and "e-liberman-osce-almaty-2010" in previous.verify


def test_the_expected_visit_is_a_projection_and_its_announcement_an_event(lesson):
    by_id = {e.id: e for e in lesson.timeline}
    expected, announced = by_id["e-netanyahu-expected-visit"], by_id["e-netanyahu-visit-announced"]
    assert expected.confidence == "low" and expected.precision == "range" and expected.verify
    assert (expected.start, expected.end) == (dt.date(2026, 1, 28), dt.date(2026, 12, 31))  # what the words allow
    assert is_projection(lesson, expected) and not is_projection(lesson, announced)
    assert announced.start == ARTICLE_DATE and announced.sentence_ids == ("p12-s1",)
    assert [e.id for e in lesson.timeline if is_projection(lesson, e)] == ["e-netanyahu-expected-visit"]


@pytest.mark.parametrize(
    ("event_id", "sentence", "day"),
    [
        ("e-gaza-plan", "p11-s1", dt.date(2025, 9, 29)),  # the text names the plan: خطة ترامب في غزة
        ("e-unicameral-parliament-proposal", "p15-s1", dt.date(2025, 9, 8)),  # and the reforms: الإصلاحات الدستورية
        ("e-constitutional-commission", "p15-s1", dt.date(2026, 1, 21)),
        ("e-saar-becomes-foreign-minister", "p01-s1", dt.date(2024, 11, 8)),  # the ministers the text names
        ("e-kosherbayev-becomes-foreign-minister", "p01-s1", dt.date(2025, 9, 26)),
    ],
)
def test_the_events_the_text_implies_are_there_sourced(lesson, event_id, sentence, day):
    event = next(e for e in lesson.timeline if e.id == event_id)
    assert event.in_article and sentence in event.sentence_ids and event.precision == "day" and event.start == day
    assert event.source.startswith("The article") and len(event.source) > 100
    assert event.start < ARTICLE_DATE  # all of them before the article: they bound its date
    # a name or a title dates nothing: no words of the text to mark as the date, no question "when is …?"
    assert event.expression is None


def test_an_expression_is_the_words_that_date_the_event(lesson):
    """What the explorer marks as the date in the sentence: a relative date, or a dated occasion by name."""
    named = ("المنتدى الاقتصادي العالمي", "اليوم العالمي لإحياء ذكرى المحرقة", "وخلال الزيارة")
    for e in lesson.timeline:
        if not e.expression:
            continue
        try:
            resolve(e.expression, lesson.info.date)
        except UnknownExpression:
            assert any(name in e.expression for name in named), (e.id, e.expression)


def test_labels_say_what_the_sources_say(lesson):
    by_id = {e.id: e for e in lesson.timeline}
    ceremony = by_id["e-holocaust-ceremony-astana"].label.ar
    assert ceremony.startswith("مراسم") and "حفل" not in ceremony  # a commemoration, not a celebration
    plan = by_id["e-gaza-plan"].label
    assert "ذات النقاط العشرين" in plan.ar and "«مجلس السلام» برئاسته" in plan.ar and "20-point" in plan.en
    visas = by_id["e-kazakhstan-visa-free-israelis-2017"]
    assert "و44 دولة أخرى" in visas.label.ar and "44 other countries (45 in all)" in visas.label.en
    assert "45 countries" in visas.source and "about 40" not in visas.label.en
    reform = by_id["e-unicameral-parliament-proposal"].label  # there were reforms before (2017, 2022)
    assert "الإصلاح الدستوري الحالي" in reform.ar and "current constitutional reform" in reform.en
    # what the English adds, the Arabic says too
    assert "واشنطن" in by_id["e-kazakhstan-joins-abraham-accords"].label.ar
    assert "أعضائه المؤسسين" in by_id["e-board-of-peace-charter"].label.ar
    assert "نحو 30 ممثلًا" in by_id["e-business-forum"].label.ar
    assert "neither names the day" in by_id["e-business-forum"].source  # the day is read from the visit's
    for netanyahu in ("e-netanyahu-visit-announced", "e-netanyahu-expected-visit"):
        assert "Euronews alone" in by_id[netanyahu].verify and "Herzog" in by_id[netanyahu].verify


def test_independence_is_background_to_the_relations_not_a_reform(lesson):
    lane_of = {e: t.id for t in threads(lesson) for e in t.event_ids}
    assert lane_of["e-kazakhstan-independence"] == "t-israel-kazakhstan"
    assert lane_of["e-israel-kazakhstan-relations"] == "t-israel-kazakhstan"


def test_no_label_repeats_its_own_date(lesson):
    for e in lesson.timeline:
        for form in (f"{e.start.day} {e.start:%B %Y}", f"{e.start.day} {e.start:%b %Y}", f"{e.start:%d %b %Y}",
                     e.start.isoformat(), f"({e.start.year})", f"about {e.start.year}"):  # fmt: skip
            assert form not in (e.label.en or ""), (e.id, form)
        assert str(e.start.year) not in (e.label.ar or "").replace("2803", ""), e.id


def test_every_article_expression_resolves_to_its_event_s_date(lesson):
    resolved = 0
    for e in lesson.timeline:
        if e.in_article and e.expression:
            try:
                meaning = resolve(e.expression, lesson.info.date)
            except UnknownExpression:
                continue  # a named occasion (a forum, a remembrance day), dated by its source instead
            # the event lies in what the words say ("about 2010": give or take a year)
            slack = dt.timedelta(days=366 if meaning.approximate else 0)
            assert meaning.start - slack <= e.start <= e.end <= meaning.end + slack, e.id
            resolved += 1
    assert resolved >= 4


def test_bad_dates_are_refused(lesson_copy):
    edit(lesson_copy, "timeline.yaml", 'date: "2025-11-06"', 'date: "2025-11-31"')
    assert any("field 'date'" in p for p in problems_of(lesson_copy))


def test_a_thread_that_names_no_event_or_takes_another_threads_event_is_refused(lesson_copy):
    edit(
        lesson_copy,
        "timeline.yaml",
        "events: [e-kazakhstan-independence,",
        "events: [e-no-such-event, e-kazakhstan-independence,",
    )
    found = problems_of(lesson_copy)
    assert any("entry 't-israel-kazakhstan': field 'events': no event has the id 'e-no-such-event'" in p for p in found)


def test_a_range_that_ends_before_it_starts_is_refused(lesson_copy):
    edit(lesson_copy, "timeline.yaml", 'end: "2026-01-23"', 'end: "2026-01-18"')
    assert any("field 'end': 2026-01-18 is not after 2026-01-19" in p for p in problems_of(lesson_copy))


def test_an_unsourced_event_is_refused(lesson_copy):
    text = (lesson_copy / "timeline.yaml").read_text(encoding="utf-8")
    start = text.index("    source:", text.index("id: e-visa-memorandum"))
    end = text.index("\n", start)
    (lesson_copy / "timeline.yaml").write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    assert any("entry 'e-visa-memorandum'" in p and "'source' is required" in p for p in problems_of(lesson_copy))


# -- the resolver -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("يوم الثلاثاء", "2026-01-27", "2026-01-27", "day"),
        ("يوم الأحد", "2026-01-25", "2026-01-25", "day"),
        ("في نوفمبر", "2025-11-01", "2025-11-30", "month"),
        ("في تشرين الثاني", "2025-11-01", "2025-11-30", "month"),
        ("في يناير", "2026-01-01", "2026-01-31", "month"),
        ("منذ 16 عاما", "2010-01-01", "2010-12-31", "year"),
        ("منذ ١٦ عامًا", "2010-01-01", "2010-12-31", "year"),
        ("منذ عامين", "2024-01-01", "2024-12-31", "year"),
        ("قبل 3 أشهر", "2025-10-01", "2025-10-31", "month"),
        ("في وقت لاحق من هذا العام", "2026-01-28", "2026-12-31", "range"),
        ("هذا العام", "2026-01-01", "2026-12-31", "year"),
        ("العام الماضي", "2025-01-01", "2025-12-31", "year"),
        ("أمس", "2026-01-26", "2026-01-26", "day"),
        ("الشهر الماضي", "2025-12-01", "2025-12-31", "month"),
    ],
)
def test_resolver(expression, start, end, precision):
    r = resolve(expression, ARTICLE_DATE)
    assert (r.start.isoformat(), r.end.isoformat(), r.precision) == (start, end, precision)
    assert r.reasoning


def test_resolver_refuses_what_it_does_not_know():
    with pytest.raises(UnknownExpression, match="known are"):
        resolve("في عهد الرئيس", ARTICLE_DATE)


def test_checking_a_learner_s_date():
    assert check_date_answer("منذ 16 عاما", ARTICLE_DATE, "2010")[0]
    assert check_date_answer("في نوفمبر", ARTICLE_DATE, "٢٠٢٥-١١")[0]
    assert not check_date_answer("في نوفمبر", ARTICLE_DATE, "2025")[0]  # too vague
    assert "precise" in check_date_answer("في نوفمبر", ARTICLE_DATE, "2025")[1]
    assert not check_date_answer("يوم الثلاثاء", ARTICLE_DATE, "2026-01-20")[0]
    assert "YYYY" in check_date_answer("يوم الثلاثاء", ARTICLE_DATE, "last week")[1]


# -- charts -------------------------------------------------------------------------------------


def _render(lesson, path):
    helpers.use_arabic_font()
    path.write_bytes(png_bytes(timeline_chart(lesson, window=ZOOM)))
    return path


def _differs(actual) -> str | None:
    """Why ``actual`` fails the comparison with the baseline (other pixels, or another size), or None."""
    from matplotlib.testing.exceptions import ImageComparisonFailure

    try:
        return compare_images(str(BASELINE), str(actual), tol=TOLERANCE)
    except ImageComparisonFailure as exc:
        return str(exc)


def test_zoomed_chart_matches_the_baseline_we_looked_at(lesson, tmp_path):
    r"""The zoomed chart is the PNG a person looked at: Arabic right to left, joined, nothing cut.

    A change of labels or layout changes the chart. Then regenerate the baseline and the README's image
    (the same chart) deliberately, from the repository's root, and look at the PNG before keeping it::

        PYTHONHASHSEED=0 MPLBACKEND=Agg .venv/bin/python -c "import helpers; \
          from helpers.study.timeline import ZOOM; from helpers.views.charts import png_bytes; \
          from helpers.views.timeline import timeline_chart; helpers.use_arabic_font(); \
          png = png_bytes(timeline_chart(helpers.load_lesson(), window=ZOOM)); \
          [open(p, 'wb').write(png) for p in ('tests/baseline/timeline-zoom.png', 'docs/images/timeline.png')]"
    """
    actual = _render(lesson, tmp_path / "timeline.png")
    assert compare_images(str(BASELINE), str(actual), tol=TOLERANCE) is None


def test_a_reversed_arabic_label_fails_the_comparison(lesson, tmp_path):
    """What the old reshaper + bidi recipe does to labels today: the comparison must catch it."""
    events = list(lesson.timeline)
    i = next(k for k, e in enumerate(events) if e.id == "e-visa-memorandum")
    events[i] = replace(events[i], label=replace(events[i].label, ar=events[i].label.ar[::-1]))
    reversed_lesson = replace(lesson, timeline=tuple(events))
    actual = _render(reversed_lesson, tmp_path / "reversed.png")
    why = _differs(actual)
    assert why is not None and "RMS" in why  # same size, other pixels: the comparison itself sees it


def test_an_unjoined_arabic_label_fails_the_comparison(lesson, tmp_path):
    events = list(lesson.timeline)
    i = next(k for k, e in enumerate(events) if e.id == "e-visa-memorandum")
    unjoined = "\u200c".join(events[i].label.ar)  # a non-joiner between letters: isolated forms
    events[i] = replace(events[i], label=replace(events[i].label, ar=unjoined))
    actual = _render(replace(lesson, timeline=tuple(events)), tmp_path / "unjoined.png")
    assert _differs(actual) is not None  # isolated letters are wider: other pixels, or a taller chart


def test_the_readme_image_is_the_current_chart(lesson, tmp_path):
    actual = _render(lesson, tmp_path / "story.png")
    assert compare_images(str(README_IMAGE), str(actual), tol=TOLERANCE) is None


@pytest.mark.parametrize("window", [None, ZOOM])
def test_no_two_labels_overlap_and_all_stay_in_their_column(lesson, window):
    helpers.use_arabic_font()
    fig = timeline_chart(lesson, window=window)
    boxes = label_boxes(fig)
    shown = filter_events(lesson, window=window)
    assert {gid for gid, _ in boxes} >= {f"{e.id}:{lang}" for e in shown for lang in ("ar", "en")}
    column = fig.axes[0].get_window_extent()
    for gid, (x0, _, x1, _) in boxes:
        assert column.x0 - 1 <= x0 and x1 <= column.x1 + 1, gid  # wrapped to the column, not into the chart
    for (a_id, a), (b_id, b) in itertools.combinations(boxes, 2):
        overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        assert not overlap, (a_id, b_id)


def test_the_date_is_written_once_per_row_and_latin_text_is_readable(lesson):
    fig = timeline_chart(lesson, window=ZOOM)
    texts = fig.axes[0].texts
    dates = [t.get_text() for t in texts if (t.get_gid() or "").startswith("date:")]
    assert "27 Jan 2026 · 5 events" in dates and "27 Jan 2026 · 2 events" in dates
    assert "≈ 28 Jan – 31 Dec 2026 · expected" in dates
    for t in texts:
        if (t.get_gid() or "").endswith(":en"):
            assert t.get_fontsize() >= 12, t.get_gid()  # 17 px in the PNG
            assert not any(d.split(" · ")[0] in t.get_text() for d in dates), t.get_gid()  # no date repeated


def test_the_article_date_line_crosses_no_text(lesson):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for window in (None, ZOOM):
        fig = timeline_chart(lesson, window=window)
        FigureCanvasAgg(fig).draw()
        renderer = fig.canvas.get_renderer()
        panel = next(ax for ax in fig.axes[1:] if ax.lines and any(ln.get_linestyle() == ":" for ln in ax.lines))
        line = next(ln for ln in panel.lines if ln.get_linestyle() == ":")
        x = panel.transData.transform((line.get_xdata()[0], 0))[0]
        caption = next(t for t in panel.texts if t.get_gid() == "article-date")
        assert caption.get_window_extent(renderer).y0 >= panel.get_window_extent().y1  # above the rows
        for ax in fig.axes:
            for text in ax.texts:
                if (text.get_gid() or "").startswith("count:"):
                    assert text.zorder > line.zorder  # the number sits on its opaque mark, above the line
                    continue
                if text is caption:
                    continue
                box = text.get_window_extent(renderer)
                assert not box.x0 < x < box.x1, text.get_gid()


def test_lanes_by_thread_and_same_day_events_as_one_mark(lesson):
    grouped = lanes(lesson, lesson.timeline)
    assert [lane.thread.id for lane in grouped] == [t.id for t in threads(lesson)]  # no event left to "Other"
    placed = [e.id for lane in grouped for e in lane.events]
    assert sorted(placed) == sorted(e.id for e in lesson.timeline)  # each event on exactly one lane
    sizes = {(lane.thread.id, m.start): len(m.events) for lane in grouped for m in lane.marks}
    assert sizes[("t-israel-kazakhstan", ARTICLE_DATE)] == 5  # visit, memorandum, press conference, forum, news
    assert sizes[("t-holocaust-remembrance", ARTICLE_DATE)] == 2
    assert all(n == 1 for (_, day), n in sizes.items() if day != ARTICLE_DATE)
    for lane in grouped:
        assert [m.start for m in lane.marks] == sorted(m.start for m in lane.marks)


def test_a_lesson_without_threads_gets_article_and_background_lanes(lesson_copy):
    text = (lesson_copy / "timeline.yaml").read_text(encoding="utf-8")
    (lesson_copy / "timeline.yaml").write_text(text[: text.index("\nthreads:")] + text[text.index("\nevents:") :],
                                               encoding="utf-8")  # fmt: skip
    plain = helpers.load_lesson(lesson_copy)
    assert [lane.thread.label.en for lane in lanes(plain, plain.timeline)] == ["In the article", "Background"]


def test_the_background_and_the_story_have_their_own_panels(lesson):
    (name1, (a1, b1)), (name2, (a2, b2)) = chart_panels(lesson, list(lesson.timeline))
    assert (name1, name2) == ("background", "story") and b1 == a2 == story_window(lesson)[0]
    assert a1.year == 1944 and b2 == dt.date(2026, 12, 31)
    assert chart_panels(lesson, filter_events(lesson, window=ZOOM), ZOOM) == [("story", ZOOM)]
    fig = timeline_chart(lesson)
    assert len(fig.axes) == 3  # the labels, the background, the story


def test_every_chart_has_a_text_alternative(lesson):
    events = filter_events(lesson, window=ZOOM)
    listing = timeline_list_html(lesson, events, highlight={"e-visa-memorandum"})
    text = visible_text(listing)
    for e in events:
        assert e.label.en in text and e.label.ar in text, e.id
        assert when(e) in text, e.id
    assert listing.count('<li class="khabar-tl-mark') == sum(len(lane.marks) for lane in lanes(lesson, events))
    assert listing.count("khabar-tl-chosen") == 1 and "27 Jan 2026 · 5 events" in text
    alt = timeline_alt(lesson, events, ZOOM)
    assert alt.startswith(f"Timeline chart: {len(events)} events in 5 lanes (Israel and Kazakhstan, ")
    figure = timeline_figure_html(b"\x89PNG...", alt, listing)
    assert f'alt="{escape(alt)}"' in figure and "data:image/png;base64," in figure and listing in figure
    assert "<script" not in timeline_list_html(lesson, [replace(events[0], label=replace(events[0].label,
                                                                                          en="<script>"))])  # fmt: skip


def test_arabic_labels_are_passed_to_matplotlib_unreshaped(lesson):
    fig = timeline_chart(lesson, window=ZOOM)
    texts = {t.get_gid(): t.get_text() for t in fig.axes[0].texts}
    memo = next(e for e in lesson.timeline if e.id == "e-visa-memorandum")
    assert texts["e-visa-memorandum:ar"] == memo.label.ar  # logical order, no presentation forms
    assert not any("\ufe70" <= ch <= "\ufeff" for ch in texts["e-visa-memorandum:ar"])


def test_filters(lesson):
    article = filter_events(lesson, scope="article")
    assert article and all(e.in_article for e in article)
    zoomed = filter_events(lesson, window=ZOOM)
    assert all(e.end >= ZOOM[0] for e in zoomed) and len(zoomed) < len(lesson.timeline)
    assert all(e.category == "visit" for e in filter_events(lesson, categories=["visit"]))
    with pytest.raises(ValueError, match="scope"):
        filter_events(lesson, scope="everything")


# -- widgets ------------------------------------------------------------------------------------


def test_explorer_links_sentences_and_events(lesson):
    view = helpers.reading_view(lesson)
    explorer = helpers.timeline_explorer(lesson, reading=view)
    view.go("p04-s1")
    assert explorer.sentence.value == "p04-s1"
    assert explorer.highlighted == {e.id for e in lesson.events_for("p04-s1")}
    assert "في نوفمبر" in explorer.details.value and "<mark" in explorer.details.value
    assert 'class="khabar-wcard"' not in explorer.details.value  # a list of events: plain sentences, kept light
    explorer.event.value = "e-visa-memorandum"
    assert "Source:" in explorer.details.value
    assert 'data-w="p01-s1:1"' in explorer.details.value  # one event: every word of its sentence has its card
    assert '<mark class="khabar-mark">الثُّلَاثَاءِ</mark>' not in explorer.details.value  # as printed, marked
    assert '<mark class="khabar-mark">الثلاثاء</mark>' in explorer.details.value
    explorer.read_button.click()
    assert view.current == "p01-s1"
    explorer.scope.value = "background"
    explorer.span.value = "the whole story"
    assert explorer.count.value.startswith(f"{len(filter_events(lesson, scope='background'))} of")
    assert 'src="data:image/png;base64,iVBOR' in explorer.chart.value  # a PNG, with its alt text and list
    assert 'alt="Timeline chart: ' in explorer.chart.value and "khabar-tl-list" in explorer.chart.value


def test_what_was_chosen_stands_beside_the_chart(lesson):
    explorer = helpers.timeline_explorer(lesson)
    body = next(c for c in explorer.children if "khabar-tl-body" in c._dom_classes)
    chart, side = body.children
    assert chart is explorer.chart and explorer.details in side.children
    assert "beside the chart" in explorer.details.value  # before anything is chosen, it says what will come
    explorer.event.value = "e-gaza-plan"
    assert "Source:" in explorer.details.value and "khabar-tl-chosen" in explorer.chart.value
    sentence_field = next(c for c in side.children if "khabar-tl-field-rtl" in c._dom_classes)
    label, menu = sentence_field.children  # first in a right-to-left row: the label stands right of the menu
    assert menu is explorer.sentence and "الجملة" in label.value
    assert explorer.event.options[1][0].startswith("27 Jan 1945 · ")  # events by date, each with its date


def test_relative_dates_exercise(lesson):
    exercise = helpers.relative_dates_exercise(lesson)
    assert len(exercise.rows) >= 4
    assert repr(exercise) == f"RelativeDates: {len(exercise.rows)} dates to find, 0 checked, 0 right"
    answers = {"يوم الثلاثاء": "2026-01-27", "في نوفمبر": "2025-11", "منذ 16 عاما": "2010",
               "في وقت لاحق من هذا العام": "2026-06"}  # fmt: skip
    for (event, box, result), button in zip(exercise.rows, exercise.check_buttons, strict=True):
        box.value = answers.get(event.expression, "1999")  # the learner types a date and presses Check
        button.click()
        assert visible_text(result.value).startswith("✓" if event.expression in answers else "✗")
    rows, right = len(exercise.rows), sum(e.expression in answers for e, _, _ in exercise.rows)
    assert repr(exercise) == f"RelativeDates: {rows} dates to find, {rows} checked, {right} right"
    assert exercise.check_all() == [e.expression in answers for e, _, _ in exercise.rows]


def test_explorer_says_what_it_shows_in_its_repr(lesson):
    view = helpers.reading_view(lesson)
    explorer = helpers.timeline_explorer(lesson, reading=view)
    total = len(lesson.timeline)
    categories = ", ".join(sorted({e.category for e in lesson.timeline}))
    zoomed = len(filter_events(lesson, window=ZOOM))
    assert repr(explorer) == (
        f"TimelineExplorer: {zoomed} of {total} events, Sep 2025 – Dec 2026, scope all, categories {categories}, "
        "sentence —, event —"
    )
    view.go("p04-s1")
    explorer.scope.value = "article"
    explorer.span.value = "the whole story"
    article = len(filter_events(lesson, scope="article"))
    assert repr(explorer) == (
        f"TimelineExplorer: {article} of {total} events, the whole story, scope article, categories {categories}, "
        "sentence p04-s1, event —"
    )


def test_a_drawn_chart_is_kept_and_read_back_without_drawing_again(lesson, monkeypatch, tmp_path):
    import helpers.views.timeline as drawing

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    drawing._PNG_CACHE.clear()
    first = drawing.timeline_png(lesson, window=drawing.ZOOM)
    kept = list((tmp_path / "charts").glob("timeline-*.png"))
    assert len(kept) == 1 and kept[0].read_bytes() == first
    drawing._PNG_CACHE.clear()

    def no_drawing(*args, **kwargs):
        raise AssertionError("drew the chart again")

    monkeypatch.setattr(drawing, "timeline_chart", no_drawing)
    assert drawing.timeline_png(lesson, window=drawing.ZOOM) == first
    with pytest.raises(AssertionError, match="drew the chart again"):  # another highlight is another chart
        drawing.timeline_png(lesson, window=drawing.ZOOM, highlight=frozenset({lesson.timeline[0].id}))


def test_a_damaged_kept_chart_is_drawn_again(lesson, monkeypatch, tmp_path):
    import helpers.views.timeline as drawing

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    drawing._PNG_CACHE.clear()
    first = drawing.timeline_png(lesson)
    (kept,) = (tmp_path / "charts").glob("timeline-*.png")
    kept.write_bytes(b"not a png")
    drawing._PNG_CACHE.clear()
    assert drawing.timeline_png(lesson) == first
    assert kept.read_bytes() == first
