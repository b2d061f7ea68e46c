"""The quiz: bank content checks, widgets driven from code, saved attempts, teacher tools."""

from __future__ import annotations

import itertools
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
from helpers.text.matching import grade_text
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
    qz.submit_button.click()  # three questions unanswered: the quiz asks first
    assert visible_text(qz.confirm_text.value).startswith("3 of 8 questions have no answer yet (questions 6, 7, 8)")
    assert qz.confirm.layout.display == "" and not qz.report.value and not qz.submit_button.disabled
    qz.confirm_button.click()  # "Submit anyway"
    assert "Your result:" in qz.report.value and qz.submit_button.disabled
    assert qz.confirm.layout.display == "none"
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
    if isinstance(widget, (widgets.Checkbox, widgets.Button)):
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
    qz.confirm_button.click()  # five questions unanswered: submitted all the same
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


# -- a quiz that teaches ----------------------------------------------------------------------


def strip_marks(qz) -> list[str]:
    """The strip as the learner reads it: each button's number and mark."""
    return [b.description for b in qz.strip_buttons]


def test_practice_mixes_the_kinds_following_the_text_and_the_menu_reaches_any_question(lesson):
    qz = helpers.quiz(lesson)
    kinds = [q.type for q in qz.variant.items]
    assert sorted(q.id for q in qz.variant.items) == sorted(q.id for q in lesson.quiz)
    assert sum(a == b for a, b in itertools.pairwise(kinds)) <= len(kinds) // 4  # never long runs of one kind
    assert qz.variant.items[0].difficulty == 1 and qz.variant.items[0].evidence[0].startswith("p01")
    assert [q.id for q in helpers.quiz(lesson).variant.items] == [q.id for q in qz.variant.items]  # always the same
    paragraph = {s.id: n for n, p in enumerate(lesson.paragraphs) for s in p.sentences}
    read_by = [max(paragraph[s] for s in q.evidence) for q in qz.variant.items]
    in_text_order = sorted(range(len(read_by)), key=lambda i: read_by[i])
    assert all(abs(i - in_text_order.index(i)) <= 3 for i in range(len(read_by)))  # following the text, nearly
    assert strip_marks(qz) == [f"{n} –" for n in range(1, len(lesson.quiz) + 1)]
    ordering = next(n for n, q in enumerate(qz.variant.items) if q.type == "ordering")
    qz.strip_buttons[ordering].click()  # one tap, not dozens of Next
    assert qz.page.children[0].item.type == "ordering"
    assert qz.page_label.value == f"Question {ordering + 1} of {len(lesson.quiz)}"
    assert "khabar-strip-current" in qz.strip_buttons[ordering]._dom_classes
    label, value = qz.menu.options[0]
    assert value == 0 and label.startswith("1. – choose one: ")
    qz.menu.value = 3
    assert qz.position == 3 and qz.page_label.value.startswith("Question 4 of")
    assert "khabar-strip-current" not in qz.strip_buttons[ordering]._dom_classes


def test_the_strip_marks_right_wrong_and_partly_right_answers(lesson):
    qz = helpers.quiz(lesson)
    first = qz.view(0)
    wrong = next(o.id for o in first.item.options if o.id != first.item.key)
    first.set_response(wrong)
    first.check_button.click()
    assert strip_marks(qz)[0] == "1 ✗" and qz.menu.options[0][0].startswith("1. ✗ ")
    first.set_response(first.item.key)
    first.check_button.click()
    assert strip_marks(qz)[0] == "1 ✓" and qz.strip_buttons[0].tooltip == "Question 1: right"
    n = next(i for i, q in enumerate(qz.variant.items) if q.type == "multiple" and len(q.key) > 1)
    qz.strip_buttons[n].click()
    view = qz.page.children[0]
    view.set_response([view.item.key[0]])
    view.check_button.click()
    assert strip_marks(qz)[n] == f"{n + 1} ◐" and "khabar-strip-partly" in qz.strip_buttons[n]._dom_classes
    assert strip_marks(qz)[1] == "2 –"


def test_ordering_and_matching_mark_each_row(lesson):
    item = next(q for q in lesson.quiz if q.type == "ordering")
    [view] = helpers.quiz_item(lesson, item.id).views
    ids = [i for i, _ in item.steps]
    swapped = [ids[1], ids[0], *ids[2:]]  # the first two steps swapped
    view.set_response(swapped)
    view.check_button.click()
    marks = {sid: visible_text(view.input.marks[sid].value) for sid in ids}
    assert marks == {ids[0]: "✗", ids[1]: "✗", **{sid: "✓" for sid in ids[2:]}}
    n = len(ids)
    text = visible_text(view.feedback.value)
    assert f"{n - 2} of {n} steps in the right place" in text and f"{(n - 3) / (n - 1) * item.points:g} / " in text
    view.input.dropdowns[ids[0]].value = 1  # the learner changes the answer: the old marks go
    assert all(visible_text(m.value) == "" for m in view.input.marks.values())
    pairs = next(q for q in lesson.quiz if q.type == "matching")
    [match] = helpers.quiz_item(lesson, pairs.id).views
    answer = dict(pairs.pairs)
    (a, ra), (b, rb) = pairs.pairs[:2]
    answer[a], answer[b] = rb, ra
    match.set_response(answer)
    match.check_button.click()
    assert [visible_text(match.input.marks[left].value) for left, _ in pairs.pairs] == ["✗", "✗"] + ["✓"] * (
        len(pairs.pairs) - 2
    )
    assert f"{len(pairs.pairs) - 2} of {len(pairs.pairs)} pairs right" in visible_text(match.feedback.value)


def test_a_near_miss_is_named_and_checking_again_says_so(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    item = next(q for q in lesson.quiz if q.answers and q.answers[0].startswith("ال") and " " not in q.answers[0])
    [view] = helpers.quiz_item(lesson, item.id, progress=store, student="amina").views
    without = helpers.strip_tashkeel(item.answers[0])[2:]  # the article left out
    view.input.text.value = without
    view.check_button.click()
    first = visible_text(view.feedback.value)
    diagnosis = grade_text(item.answers, without, item.strictness)
    assert not diagnosis.accepted and diagnosis.note != "Not accepted."  # the check names the near miss
    assert "✗ Not right" in first and f"Your answer: {without}" in first and diagnosis.note in first
    assert view.result.near_miss == diagnosis.miss.kind and "khabar-near-miss" in view.feedback.value
    assert "Checked again" not in first
    view.check_button.click()  # the same answer again: the learner sees the check ran
    second = visible_text(view.feedback.value)
    assert second != first and "Checked again (try 2): the same answer, still not right." in second
    assert "· try 2" in second
    view.input.text.value = "كلمة"
    view.check_button.click()
    assert "Checked again (try 3): still not right." in visible_text(view.feedback.value)
    view.input.text.value = item.answers[0]
    view.check_button.click()
    assert "Checked again (try 4): right now." in visible_text(view.feedback.value)
    assert len(store.attempts(lesson.id, "amina")) == 4


def test_a_cloze_with_a_word_bank_is_answered_by_tapping_a_word(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    item = next(q for q in lesson.quiz if q.type == "cloze" and q.bank)
    [view] = helpers.quiz_item(lesson, item.id, progress=store, student="amina").views
    buttons = view.input.bank_buttons
    assert sorted(buttons) == sorted([item.gap, *item.bank])
    assert "Word bank:" not in visible_text(view.prompt.value)  # the bank is the buttons, not a line of text
    wrong = next(w for w in buttons if w != item.gap)
    buttons[wrong].click()
    assert view.input.text.value == wrong and buttons[wrong].button_style == "info"
    buttons[item.gap].click()
    assert view.input.text.value == item.gap
    assert buttons[item.gap].button_style == "info" and buttons[wrong].button_style == ""
    view.check_button.click()
    assert "✓ Right" in view.feedback.value
    assert [a["response"] for a in store.attempts(lesson.id, "amina")] == [item.gap]


def test_the_english_of_the_questions_can_be_hidden_and_is_shown_at_first_for_b1(lesson):
    import dataclasses

    assert lesson.info.level.startswith("B1")
    qz = helpers.quiz(lesson)
    view = qz.view(0)
    english = view.item.prompt.en
    assert qz.english_box.value and english in visible_text(view.prompt.value)
    qz.english_box.value = False
    assert english not in visible_text(view.prompt.value) and view.item.prompt.ar in visible_text(view.prompt.value)
    later = qz.view(5)  # a question built after the box was unticked
    assert later.item.prompt.en not in visible_text(later.prompt.value)
    qz.english_box.value = True
    assert english in visible_text(view.prompt.value)
    b2 = dataclasses.replace(lesson, info=dataclasses.replace(lesson.info, level="B2-C1"))
    hidden = helpers.quiz(b2)
    assert not hidden.english_box.value and english not in visible_text(hidden.view(0).prompt.value)


def test_an_exam_asks_before_submitting_with_questions_unanswered(lesson, tmp_path):
    store = open_progress(tmp_path / "p.sqlite3")
    qz = helpers.quiz(lesson, mode="exam", count=4, student="emil", progress=store)
    qz.views[0].set_response(right_answer(qz.views[0].item))
    qz.submit_button.click()
    assert visible_text(qz.confirm_text.value) == (
        "3 of 4 questions have no answer yet (questions 2, 3, 4); once you submit, they earn no points. Submit anyway?"
    )
    qz.back_button.click()  # "Go back to my answers"
    assert qz.confirm.layout.display == "none" and not qz.submit_button.disabled
    assert store.attempts(lesson.id, "emil") == []
    for view in qz.views[1:3]:
        view.set_response(right_answer(view.item))
    qz.submit_button.click()
    assert visible_text(qz.confirm_text.value).startswith("1 of 4 questions has no answer yet (question 4);")
    qz.confirm_button.click()
    assert qz.submit_button.disabled and len(store.attempts(lesson.id, "emil")) == 3
    full = helpers.quiz(lesson, mode="exam", count=2, student="farid", progress=store)
    for view in full.views:
        view.set_response(right_answer(view.item))
    full.submit_button.click()  # every question answered: submitted at once
    assert full.submit_button.disabled and full.confirm_text.value == ""


def test_the_practice_score_and_answers_survive_a_restart(lesson, tmp_path):
    db = tmp_path / "p.sqlite3"
    qz = helpers.quiz(lesson, student="amina", progress=open_progress(db))
    first, second = qz.view(0), qz.view(1)
    first.set_response(right_answer(first.item))
    first.check_button.click()
    second.set_response(right_answer(second.item))
    second.check_button.click()
    second.check_button.click()  # checked twice
    before = visible_text(qz.score.value)
    total = sum(q.points for q in lesson.quiz)
    points = first.item.points + second.item.points
    assert before.startswith(f"Score: {points} / {total} points · 2 of {len(lesson.quiz)} questions answered")
    exam = helpers.quiz(lesson, mode="exam", count=3, student="amina", progress=open_progress(db))
    exam.views[0].set_response(right_answer(exam.views[0].item))
    exam.submit_button.click()
    exam.confirm_button.click()  # an exam answer is not a practice answer
    again = helpers.quiz(lesson, student="amina", progress=open_progress(db))  # the kernel was restarted
    assert visible_text(again.score.value) == (
        f"Score: {points} / {total} points · 2 of {len(lesson.quiz)} questions answered "
        "(2 of them answered in an earlier session)"
    )
    assert strip_marks(again)[:3] == ["1 ✓", "2 ✓", "3 –"]
    view = again.view(1)
    assert view.response() == right_answer(view.item)  # the answer is back in its box
    assert "Your last answer, kept from before (2 tries so far)." in visible_text(view.feedback.value)
    assert repr(again).endswith("2 answered") and not again.touched
    view.check_button.click()
    assert "(try 3)" in visible_text(view.feedback.value)
    other = helpers.quiz(lesson, student="bilal", progress=open_progress(db))
    assert visible_text(other.score.value).startswith(f"Score: 0 / {total} points · 0 of")
    other.student_box.value = "amina"  # nothing answered yet as bilal: amina's answers come back
    assert visible_text(other.score.value).startswith(f"Score: {points} / {total}")


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


def test_feedback_shows_a_typed_answer_as_typed_and_never_an_options_letter(lesson):
    quiz = helpers.quiz(lesson, mode="practice")
    chosen = quiz.view(0)
    assert chosen.item.type == "single"
    chosen.set_response(right_answer(chosen.item))
    chosen.check()
    assert "Your answer:" not in visible_text(chosen.feedback.value)
    typed_index = next(i for i, q in enumerate(quiz.variant.items) if q.type == "short-answer")
    typed = quiz.view(typed_index)
    typed.set_response("جواب")
    typed.check()
    assert "Your answer: جواب" in visible_text(typed.feedback.value)
