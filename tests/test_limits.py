"""The kit's limits: what it accepts, each refused with a clear message, and each operation linear.

| limit | where | value |
|---|---|---|
| a text field of a lesson file | ``helpers.lesson.field_checks.MAX_FIELD_CHARS`` | 5,000 characters |
| the article | ``helpers.lesson.field_checks.MAX_ARTICLE_CHARS`` | 100,000 characters (about 200 KB) |
| options, pairs, steps, word bank, accepted answers of one item | ``helpers.lesson.items.base.MAX_PARTS`` | 50 |
| a glossary search | ``helpers.study.vocab.MAX_QUERY`` | 200 characters (the rest is not searched) |
| a typed answer | ``helpers.text.matching.MAX_ANSWER`` | 2,000 characters |
| an accepted answer compared when grading | ``helpers.text.matching.MAX_EXPECTED`` | 6,000 characters |
| a lesson file | ``helpers.lesson.yamlio.MAX_BYTES`` | 5 MB |

Times are checked with generous bounds: what they catch is work that grows with the square of the input.
"""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
import yaml

import helpers
from helpers import LessonError, load_lesson
from helpers.lesson.field_checks import MAX_ARTICLE_CHARS, MAX_FIELD_CHARS
from helpers.lesson.items.base import MAX_PARTS
from helpers.study.vocab import MAX_QUERY, GlossaryIndex
from helpers.text.matching import MAX_ANSWER, grade_text, partial_order
from helpers.views.charts import png_bytes
from helpers.views.timeline import FIRST_DRAWABLE, LAST_DRAWABLE, chart_window, timeline_chart

from .conftest import visible_text


def _load_problems(folder) -> list[str]:
    with pytest.raises(LessonError) as info:
        load_lesson(folder)
    return [str(p).replace(f"{folder}{os.sep}", "") for p in info.value.problems]


def _set(folder, name, change) -> None:
    path = folder / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    change(data)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**9), "utf-8")


def _first(data, kind):
    return next(q for q in data["items"] if q["type"] == kind)


# -- text fields and the article ------------------------------------------------------------------------------

#: A field of each file, how to make it ``n`` characters long, and where the problem is reported.
FIELDS = {
    "note-text": ("notes.yaml", lambda d, n: d["notes"][0].update(text="word " * (n // 5)),
                  "notes.yaml: entry 'n-saar-spelling': field 'text'"),
    "sentence-en": ("sentences.yaml", lambda d, n: d["paragraphs"][0]["sentences"][0].update(en="word " * (n // 5)),
                    "sentences.yaml: entry 'p01-s1': field 'en'"),
    "glossary-gloss": ("glossary.yaml", lambda d, n: d["entries"][0].update(gloss="to sign " * (n // 8)),
                       "glossary.yaml: entry 'g-waqqaa': field 'gloss'"),
    "glossary-form": ("glossary.yaml", lambda d, n: d["entries"][0]["forms"].append("وقع " * (n // 4)),
                      "glossary.yaml: entry 'g-waqqaa': field 'forms', item 2"),
    "quiz-key": ("quiz.yaml", lambda d, n: _first(d, "short-answer")["key"].append("أستانا " * (n // 7)), None),
    "quiz-feedback": ("quiz.yaml", lambda d, n: d["items"][0]["options"][0].update(feedback="no " * (n // 3)),
                      "quiz.yaml: entry 'q-signing-who': option 'a': field 'feedback'"),
    "timeline-source": ("timeline.yaml", lambda d, n: d["events"][0].update(source="a source " * (n // 9)),
                        "timeline.yaml: entry 'e-previous-israeli-fm-visit': field 'source'"),
    "lesson-title": ("lesson.yaml", lambda d, n: d["title"].update(en="Title " * (n // 6)),
                     "lesson.yaml: entry 'kazakhstan-visa-2026': field 'title.en'"),
}  # fmt: skip


@pytest.mark.parametrize("name, change, where", FIELDS.values(), ids=FIELDS.keys())
def test_a_field_over_the_limit_is_refused_by_its_length(lesson_copy, name, change, where):
    _set(lesson_copy, name, lambda d: change(d, 3 * MAX_FIELD_CHARS))
    found = _load_problems(lesson_copy)
    long = [p for p in found if p.endswith(f"characters long; a field holds at most {MAX_FIELD_CHARS:,}")]
    assert len(long) == 1, found
    if where is not None:
        assert long[0].startswith(where + ": is ")


def test_a_quiz_key_over_the_limit_names_its_item_and_answer(lesson, lesson_copy):
    item = next(q for q in lesson.quiz if q.type == "short-answer")
    _set(lesson_copy, "quiz.yaml", lambda d: _first(d, "short-answer")["key"].append("أستانا " * 1000))
    assert (
        f"quiz.yaml: entry '{item.id}': field 'key', item {len(item.key) + 1}: is 7,000 characters long; "
        f"a field holds at most {MAX_FIELD_CHARS:,}"
    ) in _load_problems(lesson_copy)


def test_a_field_at_the_limit_is_accepted(lesson_copy):
    _set(lesson_copy, "notes.yaml", lambda d: d["notes"][0].update(text=("word " * MAX_FIELD_CHARS)[:MAX_FIELD_CHARS]))
    assert len(load_lesson(lesson_copy).notes[0].text) == MAX_FIELD_CHARS


@pytest.mark.parametrize("key", ["note-text", "glossary-form", "quiz-key", "timeline-source"])
def test_a_field_of_megabytes_is_refused_quickly_with_short_messages(lesson_copy, key):
    name, change, _where = FIELDS[key]
    _set(lesson_copy, name, lambda d: change(d, 2_000_000))  # 2 to 4 MB: under the file size limit
    start = time.perf_counter()
    found = _load_problems(lesson_copy)
    assert time.perf_counter() - start < 10
    assert any("characters long; a field holds at most" in p for p in found)
    assert all(len(p) < 600 for p in found)  # no message quotes the field


def test_an_article_over_the_limit_is_refused(lesson_copy):
    article = lesson_copy / "article.ar.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "كلمة " * (MAX_ARTICLE_CHARS // 5) + "\n", encoding="utf-8")
    found = _load_problems(lesson_copy)
    assert [p for p in found if "an article holds at most" in p] == [
        f"article.ar.txt: is {len(text) + MAX_ARTICLE_CHARS + 1:,} characters long; an article holds at most "
        f"{MAX_ARTICLE_CHARS:,} (about 200 KB)"
    ]


PARTS = {
    "bank": (lambda d, n: _first(d, "cloze").update(bank=[f"كلمة{i}" for i in range(n)]), "bank"),
    "key": (lambda d, n: _first(d, "short-answer").update(key=["أستانا"] * n), "key"),
    "steps": (lambda d, n: _first(d, "ordering").update(steps=[{"id": f"s{i}", "text": str(i)} for i in range(n)]),
              "steps"),
    "pairs": (lambda d, n: _first(d, "matching").update(pairs=[{"left": f"ك{i}", "right": str(i)} for i in range(n)]),
              "pairs"),
}  # fmt: skip


@pytest.mark.parametrize("change, field", PARTS.values(), ids=PARTS.keys())
def test_an_item_listing_too_many_parts_is_refused(lesson_copy, change, field):
    _set(lesson_copy, "quiz.yaml", lambda d: change(d, MAX_PARTS + 1))
    found = _load_problems(lesson_copy)
    assert any(p.endswith(f"field '{field}': lists {MAX_PARTS + 1}; an item lists at most {MAX_PARTS}") for p in found)


# -- searching and grading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["a" * 1_000_000, "وقع " * 250_000, "(" * 1_000_000, "\\" * 1_000_000])
def test_a_search_of_a_megabyte_is_cut_to_the_limit_and_quick(lesson, query):
    index = GlossaryIndex(lesson.glossary)
    start = time.perf_counter()
    found = index.search(query)
    assert time.perf_counter() - start < 0.5
    assert [e.id for e in found] == [e.id for e in index.search(query[:MAX_QUERY])]


def test_the_browser_says_when_a_search_is_cut(lesson):
    browser = helpers.glossary_browser(lesson)
    browser.query.value = "وقع" * MAX_QUERY
    assert f"only the first {MAX_QUERY} characters of the search are used" in browser.count.value
    browser.query.value = "وقع"
    assert "only the first" not in browser.count.value
    assert "to sign" in visible_text(browser.results.value)


def test_grading_against_a_huge_accepted_answer_is_quick_and_compares_only_what_can_be_typed():
    huge = "أستانا" * 2_000_000  # 12 million characters
    start = time.perf_counter()
    assert not grade_text(huge, "أستانا").accepted
    assert grade_text([huge, "أستانا"], "أستانا").accepted
    assert grade_text(huge, "أستانا" * 300).note == "Not accepted."
    assert time.perf_counter() - start < 1
    assert len(grade_text(huge, "x").expected) < 10_000  # nothing shows the whole answer back


def test_a_typed_answer_over_the_limit_is_refused_without_comparing():
    start = time.perf_counter()
    verdict = grade_text("أستانا", "أ" * (100 * MAX_ANSWER))
    assert time.perf_counter() - start < 0.5
    assert verdict.note == "This answer is far too long; type just the word or phrase asked for."


def test_ordering_credit_is_quick_for_many_steps():
    steps = [f"s{i}" for i in range(100_000)]
    start = time.perf_counter()
    assert partial_order(steps, steps) == 1.0
    assert partial_order(steps, steps[::-1]) == 0.0
    assert partial_order(steps, steps[1:] + steps[:1]) == pytest.approx(1 - 99_999 / (100_000 * 99_999 / 2))
    assert time.perf_counter() - start < 5


# -- dates that validate but are at the ends of the calendar ---------------------------------------------------

FAR_EVENTS = """
  - id: e-year-one
    date: "0001"
    precision: year
    label: {ar: السنة الأولى, en: The first year}
    category: politics
    in_article: false
    source: "A test of the chart's edges."
    confidence: high
  - id: e-day-one
    date: "0001-01-01"
    precision: day
    label: {ar: اليوم الأول, en: The first day}
    category: politics
    in_article: false
    source: "A test of the chart's edges."
    confidence: high
  - id: e-year-9999
    date: "9999"
    precision: year
    label: {ar: السنة الأخيرة, en: The last year}
    category: politics
    in_article: false
    source: "A test of the chart's edges."
    confidence: high
  - id: e-to-the-end
    date: "2020-01-01"
    precision: range
    end: "9999-12-31"
    label: {ar: إلى النهاية, en: To the end}
    category: politics
    in_article: false
    source: "A test of the chart's edges."
    confidence: high
"""


@pytest.fixture
def far_lesson(lesson_copy):
    path = lesson_copy / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + FAR_EVENTS, encoding="utf-8")
    return load_lesson(lesson_copy)


def test_events_at_the_ends_of_the_calendar_are_drawn(far_lesson):
    far = [e for e in far_lesson.timeline if e.id in {"e-year-one", "e-day-one", "e-year-9999", "e-to-the-end"}]
    assert len(far) == 4
    year_one, day_one, year_9999, to_the_end = far
    windows = {
        (year_one,): (FIRST_DRAWABLE, dt.date(1, 12, 31) + dt.timedelta(days=400)),
        (day_one,): (FIRST_DRAWABLE, dt.date(1, 1, 1) + dt.timedelta(days=400)),
        (year_9999,): (dt.date(9999, 1, 1) - dt.timedelta(days=400), LAST_DRAWABLE),
        (to_the_end,): (dt.date(2020, 1, 1) - dt.timedelta(days=400), LAST_DRAWABLE),
        tuple(far): (FIRST_DRAWABLE, LAST_DRAWABLE),
        tuple(far_lesson.timeline): (FIRST_DRAWABLE, LAST_DRAWABLE),
    }
    for events, window in windows.items():
        assert chart_window(list(events)) == window
        assert png_bytes(timeline_chart(far_lesson, list(events))).startswith(b"\x89PNG")


def test_the_window_is_cut_to_what_can_be_drawn(far_lesson):
    every = list(far_lesson.timeline)
    assert chart_window(every) == (dt.date(1, 1, 1), dt.date(9999, 12, 31))
    ordinary = [e for e in every if e.start.year > 1000 and e.end.year < 3000]
    assert chart_window(ordinary) == (
        min(e.start for e in ordinary) - dt.timedelta(days=400),
        max(e.end for e in ordinary) + dt.timedelta(days=400),
    )


def test_the_explorer_shows_the_whole_story_with_such_dates(far_lesson):
    explorer = helpers.timeline_explorer(far_lesson)
    explorer.span.value = explorer.span.options[1]  # the whole story
    assert explorer.count.value == f"{len(far_lesson.timeline)} of {len(far_lesson.timeline)} events shown"
    assert 'src="data:image/png;base64,iVBORw0KGgo' in explorer.chart.value  # the chart is drawn
