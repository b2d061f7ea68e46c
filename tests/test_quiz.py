"""The quiz: bank content checks, widgets driven from code, saved attempts, teacher tools."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

import helpers
from helpers.study.classroom import load_class_results
from helpers.study.progress import open_progress
from helpers.study.scoring import grade_item, student_variant
from helpers.text.folding import find_form
from helpers.views.quiz import answer_key_html, worksheet_html

from .conftest import LESSON_DIR, ROOT, right_answer, visible_text
from .test_loader import edit, problems_of

# -- the bank -------------------------------------------------------------------------------------


def test_bank_has_every_type_and_skill(lesson):
    assert len(lesson.quiz) >= 30
    types = Counter(q.type for q in lesson.quiz)
    assert set(types) == {"single", "multiple", "true-false", "cloze", "matching", "ordering", "short-answer"}
    skills = Counter(q.skill for q in lesson.quiz)
    assert {"literal", "inferential", "vocabulary"} <= set(skills) and skills["time"] >= 4


def test_every_key_earns_full_marks_and_evidence_exists(lesson):
    ids = {s.id for s in lesson.sentences}
    for item in lesson.quiz:
        assert set(item.evidence) <= ids, item.id
        result = grade_item(item, right_answer(item))
        assert result.correct, (item.id, result)


def test_cloze_keys_are_in_their_sentences_and_short_answers_are_arabic(lesson):
    for item in lesson.quiz:
        if item.type == "cloze":
            assert find_form(lesson.sentence(item.sentence).ar, item.gap), item.id
        if item.type == "short-answer":
            assert all(helpers.contains_arabic(a) for a in item.answers), item.id


def test_odd_answers_are_refused_politely(lesson):
    for item in lesson.quiz:
        for odd in (None, "", 42, {"x": 1}, ["zz"]):
            result = grade_item(item, odd)
            assert result.score == 0 and result.feedback, (item.id, odd)


# -- widgets ----------------------------------------------------------------------------------


def test_practice_wrong_then_right_with_feedback_and_evidence(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    item = lesson.item("q-signing-who")
    qz = helpers.quiz_item(lesson, item.id, progress=store, student="amina")
    [view] = qz.views
    wrong = next(o for o in item.options if o.id != item.key)
    view.input.choice.value = wrong.id  # the radio button a learner clicks
    view.check_button.click()
    assert "✗ Not right" in view.feedback.value and wrong.feedback.split(":")[0] in view.feedback.value
    view.input.choice.value = item.key
    view.check_button.click()
    assert "✓ Right" in view.feedback.value
    assert 'class="khabar-evidence"' in view.feedback.value and "<mark" in view.feedback.value
    assert "Score: 1 / 1" in qz.score.value
    assert [a["score"] for a in store.attempts(lesson.id, "amina")] == [0.0, 1.0]


def test_typed_answer_is_graded_the_arabic_way_and_markup_stays_text(lesson):
    item = next(q for q in lesson.quiz if q.type == "short-answer")
    qz = helpers.quiz_item(lesson, item.id)
    [view] = qz.views
    view.input.text.value = "<img src=x onerror=alert(1)>"  # typed into the visible box
    view.check_button.click()
    assert "<img" not in view.feedback.value
    view.input.text.value = helpers.strip_tashkeel(item.answers[0]).replace("أ", "ا")
    view.check_button.click()
    assert "✓ Right" in view.feedback.value


def test_hint_and_unanswered(lesson):
    item = next(q for q in lesson.quiz if q.hint)
    [view] = helpers.quiz_item(lesson, item.id).views
    view.hint_button.click()
    assert "Hint:" in view.feedback.value
    view.check_button.click()
    assert "✗" not in view.feedback.value and view.result is None
    assert repr(view) == f"ItemView: {item.id} ({item.type}), unanswered"


def test_a_half_finished_order_is_not_counted_as_an_attempt(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    item = next(q for q in lesson.quiz if q.type == "ordering")
    qz = helpers.quiz_item(lesson, item.id, progress=store, student="emil")
    [view] = qz.views
    first, second = item.steps[0][0], item.steps[1][0]
    view.input.dropdowns[first].value = 1
    view.input.dropdowns[second].value = 1  # two steps in one place
    view.check_button.click()
    assert "Put every step in a different place." in view.feedback.value and "Not right" not in view.feedback.value
    assert store.attempts(lesson.id, "emil") == [] and repr(view).endswith("answer given, not checked")


def test_exam_mode_hides_feedback_until_submit_and_stores_every_answer(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    qz = helpers.quiz(lesson, mode="exam", student="bilal", count=8, progress=store)
    assert len(qz.views) == 8 and all(not v.feedback.value for v in qz.views)
    for view in qz.views[:5]:
        view.set_response(right_answer(view.item))
    assert repr(qz) == "Quiz: exam, 8 questions, student 'bilal', 0 answered"
    qz.submit_button.click()
    assert "Your result:" in qz.report.value and qz.submit_button.disabled
    assert all(v.feedback.value for v in qz.views)
    assert len(store.attempts(lesson.id, "bilal")) == 5
    assert repr(qz) == "Quiz: exam, 8 questions, student 'bilal', 5 answered, submitted"
    assert repr(qz.views[0]).startswith(f"ItemView: {qz.views[0].item.id} ({qz.views[0].item.type}), right, ")


def seen(widget) -> list[str]:
    """The texts a learner sees in a widget, in order: HTML text, labels of buttons, choices and drop-downs."""
    import ipywidgets as widgets

    if isinstance(widget, widgets.HTML):
        return [visible_text(widget.value)]
    if isinstance(widget, (widgets.RadioButtons, widgets.Dropdown)):
        return [label for label, _ in widget.options]
    if isinstance(widget, widgets.Checkbox):
        return [widget.description]
    return [text for child in getattr(widget, "children", ()) for text in seen(child)]


def paper(qz) -> list[tuple[str, list[str]]]:
    """What the learner sees of an exam paper: each question's item and its texts."""
    return [(view.item.id, seen(view)) for view in qz.views]


def in_order(parts, texts) -> bool:
    """Every part appears in the texts, one after the other."""
    flat, at = " | ".join(texts), 0
    for part in parts:
        at = flat.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def shown_parts(item, arrangement):
    """The texts of an arrangement: option and step ids become their texts, words and meanings stay."""
    text = {**{o.id: o.text for o in item.options}, **dict(item.steps)}
    return [text.get(part, part) for part in arrangement]


def test_typing_a_name_gives_that_students_paper(lesson, tmp_path):
    """The README: each student id gets its own paper. A learner types their name into the box."""
    qz = helpers.quiz(lesson, mode="exam", count=12, progress=open_progress(tmp_path / "p.sqlite3"))
    anonymous = paper(qz)
    qz.student_box.value = "  amina "
    assert qz.student == "amina" and repr(qz) == "Quiz: exam, 12 questions, student 'amina', 0 answered"
    variant = student_variant(lesson, "amina", count=12)
    assert [v.item.id for v in qz.views] == [q.id for q in variant.items]
    amina = paper(qz)
    assert amina != anonymous and "amina" in qz.student_note.value
    for view in qz.views:  # options, pairs, steps and word banks in amina's order
        parts = shown_parts(view.item, variant.arrangements[view.item.id])
        assert in_order(parts, seen(view)), view.item.id
    qz.student_box.value = "bilal"
    assert [v.item.id for v in qz.views] == [q.id for q in student_variant(lesson, "bilal", count=12).items]
    qz.student_box.value = "amina"
    assert paper(qz) == amina  # the same student always gets the same paper


def test_after_the_first_answer_the_paper_stays_and_answers_go_under_the_new_name(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    qz = helpers.quiz(lesson, mode="exam", count=6, progress=store, student="chen")
    before = paper(qz)
    first = qz.views[0]
    first.set_response(right_answer(first.item))
    qz.student_box.value = "dina"
    assert paper(qz) == before and qz.views[0] is first
    assert "stays" in qz.student_note.value and "dina" in qz.student_note.value
    qz.submit_button.click()
    assert [a["item"] for a in store.attempts(lesson.id, "dina")] == [first.item.id]
    assert store.attempts(lesson.id, "chen") == []


def test_a_student_set_from_code_shows_in_the_box(lesson):
    qz = helpers.quiz(lesson, mode="exam", count=5)
    qz.student = " farid "
    assert qz.student == qz.student_box.value == "farid"
    assert [v.item.id for v in qz.views] == [q.id for q in student_variant(lesson, "farid", count=5).items]


def test_practice_quiz_summary(lesson):
    qz = helpers.quiz(lesson)
    assert repr(qz) == f"Quiz: practice, {len(lesson.quiz)} questions, no student name, 0 answered"
    view = qz.view(0)
    view.set_response(right_answer(view.item))
    view.check_button.click()
    assert repr(qz) == f"Quiz: practice, {len(lesson.quiz)} questions, no student name, 1 answered"
    assert "0x" not in repr(qz) + repr(view)


def test_student_variants_are_reproducible_and_differ_between_students(lesson):
    a1, a2 = student_variant(lesson, "amina", count=10), student_variant(lesson, "amina", count=10)
    b = student_variant(lesson, "bilal", count=10)
    assert [q.id for q in a1.items] == [q.id for q in a2.items] and a1.arrangements == a2.arrangements
    assert [q.id for q in a1.items] != [q.id for q in b.items]


def test_the_student_view_never_shows_the_key(lesson):
    qz = helpers.quiz(lesson, mode="exam", student="c")
    shown = " ".join(v.prompt.value for v in qz.views)
    for item in lesson.quiz:
        if item.type == "short-answer" or (item.type == "cloze" and not item.bank):  # a word bank lists it, mixed in
            assert f">{item.answers[0]}<" not in shown
    cloze = next(v for v in qz.views if v.item.type == "cloze")
    assert "______" in cloze.prompt.value


def test_arabic_choices_read_right_to_left(lesson):
    view = helpers.quiz_item(lesson, "q-signing-who").views[0]
    assert "khabar-rtl" in view.input.choice.get_state()["_dom_classes"]  # what the browser is told
    typed = next(v for v in helpers.quiz(lesson).views if v.item.type == "short-answer")
    assert "khabar-rtl-input" in typed.input.text.get_state()["_dom_classes"]


# -- results, worksheets, class view ----------------------------------------------------------


def test_results_export_from_widget_and_cli(lesson, tmp_path):
    db = tmp_path / "p.sqlite3"
    store = open_progress(db)
    qz = helpers.quiz(lesson, student="dina", progress=store)
    qz.views[0].set_response(right_answer(qz.views[0].item))
    qz.views[0].check_button.click()
    box = helpers.results_export(lesson, store, student="dina", folder=str(tmp_path))
    box.button.click()
    data = json.loads((tmp_path / f"results-{lesson.id}-dina.json").read_text(encoding="utf-8"))
    assert data["format"] == "khabar-results/1" and data["student"] == "dina" and len(data["attempts"]) == 1
    assert (tmp_path / f"results-{lesson.id}-dina.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    out = tmp_path / "cli.json"
    cmd = [sys.executable, "-m", "helpers.cli", "results", "export", "--student", "dina", "--data", str(db),
           "--json", str(out)]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["items_answered"] == 1
    cmd[cmd.index("dina")] = "nobody"
    assert subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).returncode == 1


def test_worksheet_with_and_without_the_key(lesson, tmp_path):
    plain, keyed = worksheet_html(lesson), worksheet_html(lesson, with_key=True)
    assert plain.count('class="q"') == keyed.count('class="q"') == len(lesson.quiz)
    assert "Key:" not in plain and keyed.count("Key:") == len(lesson.quiz)
    assert '<div class="ar" dir="rtl" lang="ar">' in plain
    run = subprocess.run(
        [sys.executable, "-m", "helpers.cli", "worksheet", "--out", str(tmp_path / "w.html"), "--key"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0 and "Key:" in (tmp_path / "w.html").read_text(encoding="utf-8")
    assert "Key" in answer_key_html(lesson)


def test_class_results_from_a_folder(lesson, tmp_path):
    results = load_class_results(lesson, LESSON_DIR / "sample-class")
    assert len(results.students) == 6 and not results.skipped
    difficulty = results.item_difficulty()
    assert set(difficulty) <= {q.id for q in lesson.quiz} and all(0 <= v <= 1 for v in difficulty.values())
    assert all(total > 0 for _, total in results.student_scores().values())
    assert results.common_wrong_answers()
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"format": "something-else"}', encoding="utf-8")
    empty = load_class_results(lesson, tmp_path)
    assert empty.files == [] and len(empty.skipped) == 2
    fig = helpers.class_charts(results)
    assert len(fig.axes) == 2
    bars = helpers.class_charts_html(results)
    assert bars.count("<tr>") == 2 + len(results.item_difficulty()) + len(results.students)


# -- bad quiz input ---------------------------------------------------------------------------


def test_a_single_key_that_is_not_an_option_is_refused(lesson_copy):
    edit(lesson_copy, "quiz.yaml", "    key: b\n", "    key: z\n")
    assert any(
        "entry 'q-signing-who': field 'key': must be the id of one option" in p for p in problems_of(lesson_copy)
    )


def test_a_cloze_gap_missing_from_its_sentence_is_refused(lesson_copy):
    edit(lesson_copy, "quiz.yaml", "gap: '16'", "gap: '17'") if "gap: '16'" in (lesson_copy / "quiz.yaml").read_text(
        encoding="utf-8"
    ) else edit(lesson_copy, "quiz.yaml", 'gap: "16"', 'gap: "17"')
    assert any("field 'gap': '17' does not occur" in p for p in problems_of(lesson_copy))


@pytest.mark.parametrize("strictness", ["strict", "normal", "lenient"])
def test_grading_an_item_uses_its_strictness(lesson, strictness):
    item = next(q for q in lesson.quiz if q.type == "short-answer")
    assert grade_item(item, item.answers[0]).correct


def test_the_results_export_says_who_and_what_it_wrote(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    box = helpers.results_export(lesson, store, folder=str(tmp_path))
    assert repr(box) == "ResultsExport: no student name, written: nothing yet"
    box.button.click()
    assert "Type your name or student id first." in box.result.value
    store.record_attempt(lesson.id, "amina", lesson.quiz[0].id, "x", 0.0, 1, "practice")
    box.name.value = "amina"
    box.button.click()
    assert (
        repr(box)
        == f"ResultsExport: student 'amina', written: results-{lesson.id}-amina.json, results-{lesson.id}-amina.csv"
    )
    assert (tmp_path / f"results-{lesson.id}-amina.json").is_file()
