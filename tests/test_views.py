"""HTML rendering and the reading widget, driven from code as a learner would use it."""

from __future__ import annotations

from dataclasses import replace

import pytest

import helpers
from helpers.lesson.model import Note, Sentence
from helpers.views.html import Html, marked
from helpers.views.lesson import article_html, lesson_overview, notes_table, sentence_html
from helpers.widgets.reading import ReadingView

from .conftest import visible_text

EVIL = Sentence(
    id="p01-s1",
    paragraph_id="p01",
    ar="قال <script>alert(1)</script> “نحن”",
    ar_vocalized="قَالَ <script>alert(1)</script> “نَحْنُ”",
    en='He said <img src=x onerror="alert(1)"> & left',
)


def test_sentence_html_escapes_everything():
    html = sentence_html(EVIL, vocalized=True, translation=True)
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    text = visible_text(html)
    assert EVIL.ar_vocalized in text and EVIL.en in text  # shown as the text it is


def test_lesson_text_cannot_close_the_stylesheet(lesson):
    """Views start with the kit's <style>: a sentence holding </style> must stay text after it."""
    evil = replace(EVIL, ar="</style><script>alert(1)</script>", ar_vocalized="</style><b onmouseover=x>")
    paragraph = replace(lesson.paragraphs[0], sentences=(evil,))
    html = article_html(replace(lesson, paragraphs=(paragraph,)), vocalized=True)
    assert html.count("</style>") == 1 and html.startswith("<style>")
    assert "<b " not in html and evil.ar_vocalized in visible_text(html)


def test_notes_html_escapes_teacher_text():
    note = Note("n-x", "style", ("p01-s1",), "نحن", "<b>bold</b> title", "text <iframe src=x>", "<u>ع</u>")
    html = sentence_html(EVIL, notes=[note])
    assert "<b>bold</b>" not in html and "<iframe" not in html and "<u>" not in html
    assert "&lt;iframe src=x&gt;" in html


def test_arabic_and_english_carry_direction_and_language(lesson):
    html = sentence_html(lesson.sentence("p01-s1"), translation=True)
    assert '<p class="khabar-ar" dir="rtl" lang="ar" style="text-align: right">' in html
    assert '<p class="khabar-en" dir="ltr" lang="en">' in html
    assert isinstance(html, Html) and html._repr_html_() == str(html)


def test_sentence_html_shows_the_chosen_form(lesson):
    s = lesson.sentence("p02-s1")
    assert s.ar in sentence_html(s) and s.ar_vocalized not in sentence_html(s)
    assert s.ar_vocalized in sentence_html(s, vocalized=True)
    assert s.en not in visible_text(sentence_html(s)) and s.en in visible_text(sentence_html(s, translation=True))


def test_note_focus_is_marked_in_plain_and_vocalized_text(lesson):
    s = lesson.sentence("p17-s1")
    notes = lesson.notes_for(s.id)
    plain = sentence_html(s, notes=notes)
    vocal = sentence_html(s, vocalized=True, notes=notes)
    assert '<mark class="khabar-mark">لن نكون أبدًا أمة أعزل مرة أخرى</mark>' in plain
    assert '<mark class="khabar-mark">لَنْ نَكُونَ أَبَدًا أُمَّةً أَعْزَلَ مَرَّةً أُخْرَى</mark>' in vocal


def test_marked_escapes_inside_and_outside_marks():
    assert marked("<a>", [(0, 3)]) == '<mark class="khabar-mark">&lt;a&gt;</mark>'


def test_article_html_has_every_sentence_and_highlights_the_current(lesson):
    html = article_html(lesson, current="p07-s2")
    for s in lesson.sentences:
        assert f'data-sid="{s.id}"' in html
    assert html.count("khabar-current") == 2  # the CSS rule and the one highlighted span
    assert 'class="khabar-s khabar-current" data-sid="p07-s2"' in html
    both = article_html(lesson, vocalized=True, translation=True)
    assert lesson.sentence("p05-s1").ar_vocalized in both and "Astana" in both


def test_overview_and_notes_table(lesson):
    overview = lesson_overview(lesson)
    assert "Tuesday 27 January 2026" in overview and "CEFR B1-B2" in overview
    assert "17 paragraphs, 19 sentences" in overview
    table = notes_table(lesson, kinds=["numbers"])
    assert table.count("<tr>") == 1 + sum(1 for n in lesson.notes if n.kind == "numbers")


def test_reading_view_steps_and_jumps(lesson):
    view = helpers.reading_view(lesson)
    view.level.value = "none"
    assert isinstance(view, ReadingView) and view.current == "p01-s1"
    assert view.previous_button.disabled and not view.next_button.disabled
    view.next_button.click()
    assert view.current == "p02-s1"
    assert lesson.sentence("p02-s1").ar in visible_text(view.focus.value)
    assert "Sentence 2 of 19" in view.position.value
    view.jump.value = "p17-s1"
    assert view.next_button.disabled
    view.next_button.click()
    assert view.current == "p17-s1"
    view.previous_button.click()
    assert view.current == "p16-s2"
    view.go("p07-s2")
    assert 'class="khabar-s khabar-current" data-sid="p07-s2"' in view.article.value
    with pytest.raises(KeyError):
        view.go("p99-s9")


def test_reading_view_changes_tashkeel_level_translation_and_notes(lesson):
    view = helpers.reading_view(lesson, start="p13-s1")
    assert view.level.value == "no-endings"  # a B1-B2 lesson opens without case endings
    s = lesson.sentence("p13-s1")
    view.level.value = "none"
    assert s.ar in visible_text(view.focus.value) and s.en not in view.focus.value
    view.level.value = "full"
    assert s.ar_vocalized in visible_text(view.focus.value)
    assert s.ar_vocalized in visible_text(view.article.value)  # the article follows the toggle
    view.translation.value = True
    assert s.en in visible_text(view.focus.value)
    assert "khabar-note" not in view.focus.value
    view.notes.value = True
    note = next(n for n in lesson.notes_for(s.id) if n.id == "n-sixteen-years")
    assert note.usual in visible_text(view.focus.value)  # the note, with the number read out
    for word in ("مُنْذُ", "16", "عَامًا"):  # its words, marked in the vocalized text
        assert f'<mark class="khabar-mark">{word}</mark>' in view.focus.value
    view.level.value = "none"
    assert s.ar in visible_text(view.focus.value)


def test_reading_view_widgets_holding_arabic_read_right_to_left(lesson):
    view = helpers.reading_view(lesson)
    assert "khabar-rtl" in view.jump.get_state()["_dom_classes"]  # what the browser is sent
    assert view.jump.options[0][0].startswith("1. وقع وزير الخارجية")


def test_reading_view_refuses_an_unknown_start(lesson):
    with pytest.raises(KeyError, match="p42-s1"):
        helpers.reading_view(lesson, start="p42-s1")


def test_reading_view_says_what_it_shows_in_its_repr(lesson):
    """The text a notebook records for the widget (nbval compares it): it changes as the learner moves."""
    view = helpers.reading_view(lesson)
    assert repr(view) == "ReadingView: p01-s1, sentence 1 of 19, tashkeel no-endings, translation off, notes off"
    view.next_button.click()
    view.level.value = "full"
    view.notes.value = True
    assert repr(view) == "ReadingView: p02-s1, sentence 2 of 19, tashkeel full, translation off, notes on"
    view.words.value = 1
    assert repr(view).endswith("notes on, word 2 (الاتفاق: the agreement)")
    view.jump.value = "p17-s1"
    view.translation.value = True
    assert repr(view) == "ReadingView: p17-s1, sentence 19 of 19, tashkeel full, translation on, notes on"


# -- the class report ---------------------------------------------------------------------------

NAMES = ['<img src=x onerror="alert(1)">Ana', "$\\nocommand{1}$ Bo", "Cy & <b>Dee</b>", "$5 $6"]


def _class(lesson):
    """A class whose names and answers hold markup and math, as an ill-made results file could."""
    from helpers.study.classroom import ClassResults

    q = lesson.quiz[0]
    files = [
        {"student": name, "attempts": [{"item": q.id, "score": n / 2, "response": "<script>x</script>"}]}
        for n, name in enumerate(NAMES)
    ]
    return ClassResults(lesson, files, skipped=['<i>evil</i>.json: "not JSON"'])


def test_the_class_report_shows_names_and_answers_as_text(lesson):
    results = _class(lesson)
    for html in (helpers.class_results_html(results), helpers.class_charts_html(results)):
        assert isinstance(html, Html) and html.startswith("<style>")
        assert "<img" not in html and "<script" not in html and "<b>Dee" not in html and "<i>evil" not in html
        text = visible_text(html)
        assert all(name in text for name in NAMES)
    report = visible_text(helpers.class_results_html(results))
    assert f"{len(NAMES)} students." in report
    assert "<script>x</script> (2)" in report  # the wrong answer, and how many gave it
    assert '<i>evil</i>.json: "not JSON"' in report  # the skipped file, listed
    bars = helpers.class_charts_html(results)
    assert bars.count("<tr>") == 2 + len(results.item_difficulty()) + len(results.students)
    assert 'style="width: 50%"' in bars  # a bar's length is its share (the class earned half of item 1)


def test_class_charts_draw_names_as_typed(lesson):
    """A name with $…$ is not matplotlib math: it is drawn as typed, and drawing does not fail."""
    from matplotlib import cbook
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = helpers.class_charts(_class(lesson))
    FigureCanvasAgg(fig).draw()  # "$\\nocommand{1}$" read as math would raise here
    labels = [label.get_text() for label in fig.axes[1].get_yticklabels()]
    assert sorted(label.replace("\\$", "$") for label in labels) == sorted(NAMES)  # drawn with its $ signs
    assert not any(cbook.is_math_text(label) for label in labels)
