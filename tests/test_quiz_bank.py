"""The quiz bank: no paper gives an answer away, the bank covers what the text teaches, and the printed worksheet
is a paper a class can use (the article, the questions, the bank of a cloze, a key that matches its paper)."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from collections import Counter

import pytest

from helpers import LessonError, load_lesson
from helpers.lesson.model import Bilingual
from helpers.lesson.quiz import Option
from helpers.lesson.quiz_checks import _check_quiz, paper_leaks
from helpers.study.scoring import grade_item, student_variant
from helpers.text.arabic import strip_tashkeel as strip
from helpers.views.quiz import worksheet_html

from .conftest import LESSON_ID, ROOT, visible_text

STUDENTS = [f"student-{n:02d}" for n in range(40)] + ["amina", "علي حسن", "paper", "worksheet"]
COUNTS = [1, 2, 3, 5, 8, 10, 15, 20, 30, None]


# -- no paper gives an answer away --------------------------------------------------------------


def test_the_whole_bank_prints_no_answer(lesson):
    assert paper_leaks(lesson.quiz, lesson) == []


@pytest.mark.parametrize("count", COUNTS)
def test_every_paper_a_count_and_a_student_draw_prints_no_answer(lesson, count):
    papers = {tuple(q.id for q in student_variant(lesson, s, count=count).items) for s in STUDENTS}
    assert len(papers) > 1 or count in (None,)  # the students really get different papers
    for student in STUDENTS:
        paper = student_variant(lesson, student, count=count).items
        assert paper_leaks(paper, lesson) == [], (student, count)


def leaking(lesson, item):
    return dataclasses.replace(lesson, quiz=(*lesson.quiz, item))


def test_an_answer_printed_in_another_items_prompt_fails_the_check(lesson):
    base = lesson.item("q-astana-metonymy")
    quote = "«وقال إن أستانا تدعم حلَّ الدولتين». ماذا تعني «أستانا»؟"
    item = dataclasses.replace(base, id="q-leaky", prompt=Bilingual(quote, None))
    problems = [str(p) for p in _check_quiz(leaking(lesson, item), "quiz.yaml")]
    assert problems == [
        "quiz.yaml: entry 'q-leaky': field 'prompt.ar': gives away the answer to q-sa-two-states (حل الدولتين): "
        "««وقال إن أستانا تدعم حلَّ الدولتين». ماذا تعني «أستانا»؟»"
    ]


def test_a_number_in_words_and_a_months_other_name_give_the_answer_away(lesson):
    base = lesson.item("q-tf-ceremony-organisers")
    words = dataclasses.replace(base, id="q-words", explanation="The visit is the first in ستة عشر years.")
    month = dataclasses.replace(base, id="q-month", hint="The day of p16 is in كانون الثاني.")
    for item, field, answered in ((words, "explanation", "q-cloze-sixteen"), (month, "hint", "q-sa-signing-month")):
        problems = [p for p in _check_quiz(leaking(lesson, item), "quiz.yaml") if p.entry == item.id]
        found = [(p.field, p.message.split(" (")[0]) for p in problems]
        assert found == [(field, f"gives away the answer to {answered}")]


def test_a_date_in_an_items_own_prompt_that_only_the_key_has_fails(lesson):
    """The defect of the first bank: ‘falls on 27 January’ in the prompt, and only one option had 27."""
    base = lesson.item("q-november-which")
    options = tuple(
        Option(i, f"Tuesday {d} 2026", "Feedback.") for i, d in zip("abc", ("20 May", "27 May", "3 June"), strict=True)
    )
    item = dataclasses.replace(
        base,
        id="q-date",
        options=options,
        key="b",
        prompt=Bilingual(None, "The day of p16 falls on the 27th. When was the signing?"),
    )
    problems = _check_quiz(leaking(lesson, item), "quiz.yaml")
    assert [(p.entry, p.field) for p in problems] == [("q-date", "prompt.en")]
    assert "gives away its own answer (Tuesday 27 May 2026)" in problems[0].message
    fair = dataclasses.replace(item, prompt=Bilingual(None, "p16 ties the visit to a day. When was the signing?"))
    assert _check_quiz(leaking(lesson, fair), "quiz.yaml") == []


def test_a_vowelled_quotation_gives_away_how_a_homograph_is_read(lesson):
    base = lesson.item("q-ittifaq-refers")
    item = dataclasses.replace(base, id="q-quoted", prompt=Bilingual("«ويُعَدُّ الاتفاقُ خطوةً أخرى» (الفقرة 2).", None))
    [problem] = _check_quiz(leaking(lesson, item), "quiz.yaml")
    assert (problem.entry, problem.field) == ("q-quoted", "prompt.ar") and "q-yuadd-reading" in problem.message
    plain = dataclasses.replace(item, prompt=Bilingual("«ويعد الاتفاق خطوة أخرى» (الفقرة 2).", None))
    assert _check_quiz(leaking(lesson, plain), "quiz.yaml") == []


def test_a_true_false_statement_quoted_elsewhere_fails(lesson):
    base = lesson.item("q-summary-who")
    item = dataclasses.replace(
        base, id="q-quotes-p10", prompt=Bilingual("«ولم يذكرِ الملخَّصُ مجلسَ السلام بشكلٍ مباشر». مَن المقصود؟", None)
    )
    [problem] = _check_quiz(leaking(lesson, item), "quiz.yaml")
    assert (problem.entry, problem.field) == ("q-quotes-p10", "prompt.ar") and "q-tf-summary-board" in problem.message


def test_a_word_glossed_in_another_items_prompt_gives_a_matching_pair_away(lesson):
    """The defect of the second bank: ‘Who signed the memorandum?’ beside المذكرة taught a word the matching asked."""
    base = lesson.item("q-astana-metonymy")
    item = dataclasses.replace(base, id="q-gloss", prompt=Bilingual("ما مَوقِفُ أستانا؟", "What is Astana's position?"))
    [problem] = _check_quiz(leaking(lesson, item), "quiz.yaml")
    assert (problem.entry, problem.field) == ("q-gloss", "prompt")
    assert problem.message.startswith("gives away the answer to q-match-diplomacy (مَوْقِف = position, stance)")
    one_language = dataclasses.replace(item, prompt=Bilingual("ما مَوقِفُ أستانا؟", "What does Astana think?"))
    assert _check_quiz(leaking(lesson, one_language), "quiz.yaml") == []
    wish = Option("c", "رغبة: a wish", "No.")
    in_an_option = dataclasses.replace(base, id="q-gloss", options=(*base.options[:2], wish))
    [problem] = _check_quiz(leaking(lesson, in_an_option), "quiz.yaml")
    assert (problem.field, problem.within) == ("text", (("option", "c"),))
    assert "(رَغْبَة = desire, wish)" in problem.message


def test_the_matchings_ask_no_word_that_another_prompt_glosses(lesson):
    """What the second review found: four of the six words glossed by bilingual prompts, two formulas by a hint."""
    diplomacy = {strip(left) for left, _ in lesson.item("q-match-diplomacy").pairs}
    assert not diplomacy & {"تأشيرة", "مذكرة", "وفد", "ميثاق"} and len(diplomacy) == 6
    qalaq, later = lesson.item("q-cloze-qalaq"), lesson.item("q-cloze-later-this-year")
    assert "إزاء" not in strip(qalaq.prompt.ar) and "about" not in qalaq.prompt.en
    assert "المتوقع" not in strip(later.hint) and "expected" not in later.hint
    for q in lesson.quiz:
        if q.type == "matching":
            assert len(q.pairs) >= 3 and q.points == len(q.pairs), q.id


def test_the_time_items_tell_nothing_the_matching_and_ordering_ask(lesson):
    tuesday = lesson.item("q-date-tuesday")
    wrong = " ".join(o.text for o in tuesday.options if o.id != tuesday.key)
    assert not any(w in wrong for w in ("Davos", "November", "later this year", "Netanyahu"))
    month = lesson.item("q-sa-signing-month")
    assert "16" not in (month.prompt.ar + month.prompt.en) and "Auschwitz" not in month.hint
    timeline = lesson.item("q-order-timeline")
    steps = " ".join(text for _, text in timeline.steps)
    assert "دافوس" not in steps and "سابقة" not in steps and len(timeline.steps) == timeline.points == 5


def test_typed_numbers_and_years_in_eastern_arabic_digits_are_accepted(lesson):
    for item_id, answer in (("q-cloze-sixteen", "١٦"), ("q-sa-signing-month", "يناير ٢٠٢٦"),
                            ("q-sa-signing-month", "في كانون الثاني ٢٠٢٦")):  # fmt: skip
        result = grade_item(lesson.item(item_id), answer)
        assert result.correct and "Arabic-Indic digits" in visible_text(result.feedback), (item_id, answer)


def test_a_leaking_quiz_file_does_not_load_and_says_where(lesson_copy):
    path = lesson_copy / "quiz.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      en: Who signed the memorandum with the Israeli foreign minister?"
    assert old in text
    leak = "      en: Who signed the memorandum with the Israeli foreign minister, the man of حل الدولتين?"
    path.write_text(text.replace(old, leak), encoding="utf-8")
    with pytest.raises(LessonError) as info:
        load_lesson(lesson_copy)
    [problem] = info.value.problems
    assert (problem.file.endswith("quiz.yaml"), problem.entry, problem.field) == (True, "q-signing-who", "prompt.en")
    assert problem.message.startswith("gives away the answer to q-sa-two-states (حل الدولتين)")


# -- what the bank covers -----------------------------------------------------------------------


def test_the_bank_tests_every_skill_and_time_no_longer_dominates(lesson):
    skills = Counter(q.skill for q in lesson.quiz)
    assert set(skills) == {"literal", "inferential", "vocabulary", "grammar", "time"}
    assert skills["time"] <= 7 and all(n >= 5 for n in skills.values()), skills


def test_the_points_the_review_found_untested_are_tested(lesson):
    yuadd = lesson.item("q-yuadd-reading")
    right = next(o.text for o in yuadd.options if o.id == yuadd.key)
    assert right.startswith("يُعَدُّ") and "considered" in right
    assert sorted(o.text.split()[0] for o in yuadd.options) == sorted(["يَعِدُ", "يَعُدُّ", "يُعَدُّ", "يُعِدُّ"])
    contributes = lesson.item("q-kazakhstan-contributes")
    assert "p07-s1" in contributes.evidence and "overcoming" in next(o.text for o in contributes.options
                                                                       if o.id == contributes.key)  # fmt: skip


def test_no_distractor_is_the_absurd_kind_the_review_found(lesson):
    texts = [o.text for q in lesson.quiz for o in q.options]
    assert not any("2042" in t or "city council" in t for t in texts)


def test_the_abolished_visas_statement_has_its_helping_vowel(lesson):
    assert "أُلغِيَتِ التأشيرةُ" in lesson.item("q-tf-visas-abolished").statement.ar


def test_every_regional_name_of_the_month_is_accepted_in_every_form(lesson):
    key = set(lesson.item("q-sa-signing-month").key)
    for name in ("يناير", "كانون الثاني", "جانفي"):
        assert {name, f"شهر {name}", f"في {name}", f"في شهر {name}", f"{name} 2026", f"في {name} 2026"} <= key


def test_every_item_has_evidence_that_holds_its_typed_answer(lesson):
    for q in lesson.quiz:
        assert q.evidence, q.id
        if q.type == "short-answer":
            text = " ".join(lesson.sentence(s).ar for s in q.evidence)
            assert q.key[0].split()[0] in text or q.id == "q-sa-signing-month", q.id


# -- the printed worksheet ----------------------------------------------------------------------


def test_the_worksheet_prints_the_article_numbered_as_the_questions_cite_it(lesson):
    page = worksheet_html(lesson)
    text = visible_text(page)
    assert page.count('class="para"') == len(lesson.paragraphs) == 17
    for n, paragraph in enumerate(lesson.paragraphs, 1):
        assert f"{paragraph.id}\nالفقرة {n}" in text or (paragraph.id in text and f"الفقرة {n}" in text)
        assert paragraph.text in page
    assert page.index('class="article"') < page.index('class="questions"')


def test_the_worksheet_prints_the_word_bank_of_every_cloze_that_has_one(lesson):
    text = visible_text(worksheet_html(lesson, student="amina"))
    variant = student_variant(lesson, "amina")
    for q in lesson.quiz:
        if q.bank:
            assert "Word bank: " + " · ".join(variant.arrangements[q.id]) in text, q.id


def prompts_in_order(page: str) -> list[str]:
    return re.findall(r'<div class="q"><b>\d+\.</b>\s*(?:<div class="ar" dir="rtl" lang="ar">)?([^<]*)', page)


@pytest.mark.parametrize("student,count", [(None, None), ("amina", None), ("amina", 7), (None, 5), ("علي حسن", 12)])
def test_the_key_goes_with_its_paper(lesson, student, count):
    paper = worksheet_html(lesson, student=student, count=count)
    key = worksheet_html(lesson, with_key=True, student=student, count=count)
    expected = len(lesson.quiz) if count is None else count
    assert paper.count('class="q"') == key.count('class="q"') == expected
    assert prompts_in_order(paper) == prompts_in_order(key) and len(prompts_in_order(paper)) == expected
    without_key = re.sub(r'<div class="key">.*?</div>\n', "", key.replace(" — ANSWER KEY", "").replace(" (key)", ""),
                         flags=re.S)  # fmt: skip
    assert without_key == paper  # the same questions, options, banks, in the same order: only the key is added
    variant = student_variant(lesson, student or "worksheet", count=count, shuffle_items=bool(student),
                              shuffle_options=bool(student))  # fmt: skip
    assert prompts_in_order(paper) == [q.prompt.ar or q.prompt.en for q in variant.items]


def test_a_count_draws_the_same_questions_as_the_exam_paper(lesson):
    exam = student_variant(lesson, "amina", count=6)
    page = worksheet_html(lesson, student="amina", count=6)
    assert prompts_in_order(page) == [q.prompt.ar or q.prompt.en for q in exam.items]
    assert "6 questions of the 44 in the bank" in visible_text(page)
    with pytest.raises(ValueError, match="at least one question"):
        worksheet_html(lesson, count=0)


def test_the_worksheet_command_takes_a_count_for_the_paper_and_its_key(tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "helpers.cli", "worksheet", *args], capture_output=True,
                              text=True, cwd=ROOT)  # fmt: skip

    paper, key = (
        run("--out", str(tmp_path), "--student", "amina", "--count", "5"),
        run("--out", str(tmp_path), "--student", "amina", "--count", "5", "--key"),
    )
    assert paper.returncode == key.returncode == 0, paper.stderr + key.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [f"worksheet-{LESSON_ID}-amina-5-key.html", f"worksheet-{LESSON_ID}-amina-5.html"]
    assert paper.stdout.strip().endswith("worksheet, 5 questions; open it and print")
    pages = [(tmp_path / name).read_text(encoding="utf-8") for name in reversed(written)]
    assert prompts_in_order(pages[0]) == prompts_in_order(pages[1]) and len(prompts_in_order(pages[0])) == 5
    bad = run("--out", str(tmp_path / "w.html"), "--count", "0")
    assert bad.returncode == 2 and bad.stderr.strip() == "khabar worksheet: --count must be 1 or more"
