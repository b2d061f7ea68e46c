"""Question types: one class per type, registered by name; what a new type needs; papers per student."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from pathlib import Path

import pytest
import yaml

import helpers
from helpers.lesson.items import BLANK, ITEM_TYPES, Block, ItemResult, ItemType, item_type
from helpers.lesson.items.base import refuse
from helpers.lesson.items.cloze import Cloze
from helpers.lesson.model import Bilingual
from helpers.lesson.quiz import QuizItem
from helpers.lesson.quiz_checks import _check_quiz
from helpers.study.scoring import grade_item, student_variant
from helpers.text.folding import find_form
from helpers.views.quiz import answer_key_html, worksheet_html
from helpers.widgets.quiz import INPUTS, ItemInput, ItemView

from .conftest import LESSON_DIR, ROOT, right_answer, visible_text

SEVEN = ["single", "multiple", "true-false", "cloze", "short-answer", "matching", "ordering"]
METHODS = ["arrangement", "stem", "paper", "key_text", "evidence_words", "answers", "grade", "right_response",
           "check", "to_dict", "platform"]  # fmt: skip
STUDENTS = ["amina", "bilal", "chen", "dina", "emil", "farid"]


# -- the registry ------------------------------------------------------------------------------


def test_the_seven_types_are_registered_each_with_an_input_widget():
    assert sorted(ITEM_TYPES) == sorted(SEVEN)
    assert set(INPUTS) == set(ITEM_TYPES)


@pytest.mark.parametrize("name", SEVEN)
def test_every_type_has_every_method(name):
    kind = item_type(name)
    assert isinstance(kind, ItemType) and kind.name == name
    for method in METHODS:
        assert callable(getattr(kind, method)), (name, method)
    assert not getattr(type(kind), "__abstractmethods__", None)
    assert issubclass(INPUTS[name], ItemInput)


def test_an_unknown_type_is_named():
    with pytest.raises(ValueError, match="unknown item type 'essay'"):
        item_type("essay")


@pytest.mark.parametrize("name", SEVEN)
def test_each_type_does_its_job_on_the_lessons_items(lesson, name):
    items = [q for q in lesson.quiz if q.type == name]
    assert items
    kind = item_type(name)
    for item in items:
        assert kind.right_response(item) == right_answer(item), item.id
        assert grade_item(item, right_answer(item)).correct, item.id
        assert kind.grade(item, None).score == 0 and not kind.grade(item, None).answered
        assert kind.key_text(item)
        arrangement = kind.arrangement(item, None)
        blocks = (*kind.stem(item, lesson, arrangement), *kind.paper(item, arrangement))
        assert blocks and all(isinstance(b, Block) for b in blocks)
        assert kind.check(item, lesson, "quiz.yaml") == []


@pytest.mark.parametrize("name", SEVEN)
def test_each_input_widget_takes_and_gives_back_a_full_marks_answer(lesson, name):
    item = next(q for q in lesson.quiz if q.type == name)
    view = ItemView(lesson, item)
    assert view.input.blank
    view.set_response(right_answer(item))
    assert not view.input.blank
    view.check_button.click()
    assert "✓ Right" in view.feedback.value, item.id
    assert repr(view) == f"ItemView: {item.id} ({name}), right, {item.points} / {item.points}"


def test_the_loader_and_from_dict_agree(lesson):
    raw = yaml.safe_load((LESSON_DIR / "quiz.yaml").read_text(encoding="utf-8"))["items"]
    assert tuple(QuizItem.from_dict(r) for r in raw) == lesson.quiz
    assert all(QuizItem.from_dict(q.to_dict()) == q for q in lesson.quiz)


def test_grading_and_checks_say_the_same_words_as_before(lesson):
    single = lesson.item("q-signing-who")
    assert grade_item(single, "z").feedback == "Choose one of the answers."
    multiple = next(q for q in lesson.quiz if q.type == "multiple")
    result = grade_item(multiple, [multiple.key[0]])
    assert result.feedback.endswith(f"{len(multiple.key) - 1} right answers not ticked yet.")
    bad = dataclasses.replace(single, key="z", sentence="p01-s1")
    broken = dataclasses.replace(lesson, quiz=(bad,))
    assert [str(p) for p in _check_quiz(broken, "quiz.yaml")] == [
        "quiz.yaml: entry 'q-signing-who': field 'key': must be the id of one option (a, b, c)",
        "quiz.yaml: entry 'q-signing-who': field 'sentence': only cloze items have a sentence and a gap",
    ]


# -- the dump ------------------------------------------------------------------------------------


def test_the_dump_of_quiz_items_keeps_its_shape(lesson):
    data = {q["id"]: q for q in json.loads(json.dumps(lesson.to_dict(), ensure_ascii=False))["quiz"]}
    assert data["q-cloze-sixteen"] == {
        "id": "q-cloze-sixteen",
        "type": "cloze",
        "skill": "literal",
        "difficulty": 1,
        "points": 1,
        "prompt": {
            "ar": "أكملِ الجملةَ من الفقرة 13 بالعدد الصحيح.",
            "en": "Complete the sentence from p13 with the right number.",
        },
        "explanation": "Sa'ar's visit is the first official visit by an Israeli foreign minister to Kazakhstan منذ 16 "
        "عاما, read مُنذُ سِتَّةَ عَشَرَ عامًا ‘in 16 years’.",
        "evidence": ["p13-s1"],
        "hint": None,
        "key": ["16", "ستة عشر"],
        "sentence": "p13-s1",
        "gap": "16",
        "bank": [],
        "strictness": "normal",
    }  # fmt: skip
    assert list(data["q-tf-summary-board"]) == [
        *["id", "type", "skill", "difficulty", "points", "prompt", "explanation", "evidence", "hint"],
        *["key", "statement", "feedback"],
    ]
    assert data["q-tf-summary-board"]["key"] is False
    assert data["q-tf-summary-board"]["statement"] == {
        "ar": "ذكر الملخّصُ مجلسَ السلام بشكلٍ مباشر.",
        "en": "The summary mentioned the Board of Peace directly.",
    }
    assert list(data["q-sa-two-states"])[-2:] == ["key", "strictness"]
    assert data["q-match-diplomacy"]["pairs"][:2] == [
        {"left": "مُتَطَلَّبَات", "right": "requirements"},
        {"left": "رَغْبَة", "right": "desire, wish"},
    ]
    assert "strictness" not in data["q-match-diplomacy"]
    assert data["q-order-article"]["steps"][0] == {"id": "s1", "text": "توقيعُ مذكرة لإلغاء متطلبات التأشيرة"}
    assert data["q-signing-who"]["key"] == "b" and [o["id"] for o in data["q-signing-who"]["options"]] == list("abc")
    assert data["q-visit-focus"]["key"] == ["a", "c", "e"]


# -- papers per student --------------------------------------------------------------------------


def as_shown(item, arrangement):
    """The item as a student's paper shows it: options and the word bank in the paper's order."""
    if item.options:
        by_id = {o.id: o for o in item.options}
        return dataclasses.replace(item, options=tuple(by_id[i] for i in arrangement))
    if item.bank:
        return dataclasses.replace(item, bank=tuple(w for w in arrangement if w != item.gap))
    return item


@pytest.mark.parametrize("student", STUDENTS[:4])
def test_every_paper_a_student_gets_passes_the_content_checks(lesson, student):
    variant = student_variant(lesson, student)
    for q in variant.items:
        arrangement = variant.arrangements[q.id]
        parts = sorted([o.id for o in q.options] or [b for _, b in q.pairs] or [i for i, _ in q.steps]
                       or ([q.gap, *q.bank] if q.bank else []))  # fmt: skip
        assert sorted(arrangement) == parts, q.id  # every part once, nothing else
    shown = dataclasses.replace(lesson, quiz=tuple(as_shown(q, variant.arrangements[q.id]) for q in variant.items))
    assert _check_quiz(shown, "quiz.yaml") == []
    assert all(grade_item(q, right_answer(q)).correct for q in shown.quiz)


@pytest.mark.parametrize("part", ["options", "pairs", "steps", "bank"])
def test_papers_differ_between_students_in_every_kind_of_part(lesson, part):
    items = [q for q in lesson.quiz if getattr(q, part)]
    assert items
    papers = [student_variant(lesson, s) for s in STUDENTS]
    for q in items:
        orders = {p.arrangements[q.id] for p in papers}
        assert len(orders) > 1, q.id
        assert student_variant(lesson, STUDENTS[0]).arrangements[q.id] == papers[0].arrangements[q.id]


@pytest.mark.parametrize("part", ["pairs", "steps", "bank"])
def test_no_paper_gives_the_answer_away_by_its_order(lesson, part):
    for q in (q for q in lesson.quiz if getattr(q, part)):
        written = {"pairs": [b for _, b in q.pairs], "steps": [i for i, _ in q.steps], "bank": [q.gap, *q.bank]}[part]
        for student in STUDENTS:
            assert list(student_variant(lesson, student).arrangements[q.id]) != written, (q.id, student)
        assert list(item_type(q).arrangement(q, None)) != written  # the paper that is not shuffled either


# -- the worksheet and the cloze -----------------------------------------------------------------


@pytest.fixture
def hamza_cloze(lesson):
    """A cloze whose gap is written without the hamza the text has (استانا for أستانا)."""
    sentence = next(s for s in lesson.sentences if "أستانا" in s.ar)
    base = next(q for q in lesson.quiz if q.type == "cloze")
    item = dataclasses.replace(
        base, id="q-cloze-hamza", sentence=sentence.id, gap="استانا", key=("استانا",), evidence=(sentence.id,),
        bank=("موسكو", "باكو", "طشقند"),
    )  # fmt: skip
    return dataclasses.replace(lesson, quiz=(item,)), item, sentence


def test_the_cloze_is_blanked_with_find_form(hamza_cloze):
    lesson, item, sentence = hamza_cloze
    assert "استانا" not in sentence.ar  # str.replace would find nothing to blank
    assert _check_quiz(lesson, "quiz.yaml") == []
    start, end = find_form(sentence.ar, item.gap)[0]
    blanked = Cloze().blanked(item, lesson)
    assert blanked == sentence.ar[:start] + BLANK + sentence.ar[end:]
    page = worksheet_html(lesson)
    questions = page[page.index('class="q"') :]  # the questions (a worksheet may print the article before them)
    assert blanked in questions and sentence.ar not in questions
    [view] = helpers.quiz_item(lesson, item.id).views
    assert blanked in view.prompt.value  # one definition: the widget shows the same sentence


@pytest.mark.parametrize("student", STUDENTS[:3])
def test_the_worksheet_shows_the_word_bank_in_the_students_order(hamza_cloze, student):
    lesson, item, _ = hamza_cloze
    bank = student_variant(lesson, student).arrangements[item.id]
    text = visible_text(worksheet_html(lesson, student=student))
    assert "Word bank: " + " · ".join(bank) in text


def test_the_worksheet_of_the_lesson_shows_every_bank(lesson):
    text = visible_text(worksheet_html(lesson))
    banks = [q for q in lesson.quiz if q.bank]
    assert banks and text.count("Word bank:") == len(banks)
    for q in banks:
        assert all(word in text for word in q.bank), q.id


def test_worksheet_and_key_escape_what_they_print(lesson):
    item = dataclasses.replace(lesson.item("q-signing-who"), prompt=Bilingual(None, "<script>alert(1)</script>"))
    odd = dataclasses.replace(lesson, quiz=(item,))
    assert "<script>" not in worksheet_html(odd, with_key=True) and "&lt;script&gt;" in worksheet_html(odd)
    assert "<script>" not in answer_key_html(odd)
    assert re.search(r"font-family: 'DejaVu Sans'", worksheet_html(odd))  # the print stylesheet, not escaped


# -- an eighth type ------------------------------------------------------------------------------


class Year(ItemType):
    """A made-up type: type a year in digits."""

    name = "year"

    def paper(self, item, arrangement):
        return (Block("line"),)

    def key_text(self, item):
        return str(item.key)

    def right_response(self, item):
        return str(item.key)

    def grade(self, item, response):
        if not isinstance(response, str) or not response.strip().isdigit():
            return refuse(item, "Type a year in digits.", response)
        right = response.strip() == item.key
        return ItemResult(item.id, float(item.points) if right else 0.0, item.points, "Checked.", response)

    def check_fields(self, item, lesson):
        if not (isinstance(item.key, str) and item.key.isdigit()):
            yield "key", "must be a year in digits"

    def platform(self, item, lesson, arrangement):
        return self.platform_question(item, lesson, "typed", answers=(item.key,))


class YearInput(ItemInput):
    def __init__(self, item, arrangement):
        import ipywidgets as widgets

        self.text = widgets.Text()
        super().__init__(item, arrangement, [self.text])

    def response(self):
        return self.text.value

    def set_response(self, value):
        self.text.value = value


@pytest.fixture
def with_year(lesson, monkeypatch):
    monkeypatch.setitem(ITEM_TYPES, "year", Year())
    monkeypatch.setitem(INPUTS, "year", YearInput)
    item = QuizItem(
        id="q-year-abraham", type="year", skill="time", difficulty=1, points=2,
        prompt=Bilingual("في أيّ عامٍ انضمّت كازاخستان إلى اتفاقيات أبراهام؟", "In which year did Kazakhstan join?"),
        explanation="p04 says November, and the article came out early the next year.", evidence=("p04-s1",),
        key="2025",
    )  # fmt: skip
    return dataclasses.replace(lesson, quiz=(*lesson.quiz, item)), item


def test_an_eighth_type_is_checked_graded_keyed_printed_and_dumped(with_year):
    lesson, item = with_year
    assert _check_quiz(lesson, "quiz.yaml") == []
    bad = dataclasses.replace(lesson, quiz=(dataclasses.replace(item, key="next year"),))
    assert [p.message for p in _check_quiz(bad, "quiz.yaml")] == ["must be a year in digits"]
    assert grade_item(item, "2025").correct and not grade_item(item, "2024").correct
    assert grade_item(item, "soon").feedback == "Type a year in digits."
    assert "2025" in answer_key_html(lesson)
    page = worksheet_html(lesson, with_key=True, student="amina")
    assert page.count('class="q"') == len(lesson.quiz) and "Key: 2025" in visible_text(page)
    assert lesson.to_dict()["quiz"][-1]["type"] == "year"
    assert item.id in [q.id for q in student_variant(lesson, "amina").items]


def test_an_eighth_type_works_in_the_quiz_widget(with_year, tmp_path):
    lesson, item = with_year
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    qz = helpers.quiz_item(lesson, item.id, progress=store, student="amina")
    [view] = qz.views
    view.set_response("2025")
    view.check_button.click()
    assert "✓ Right" in view.feedback.value and repr(view) == "ItemView: q-year-abraham (year), right, 2 / 2"
    assert [a["item"] for a in store.attempts(lesson.id, "amina")] == [item.id]


# -- one home: no type name outside its class -----------------------------------------------------


@pytest.mark.parametrize("name", SEVEN)
def test_a_type_name_is_written_only_in_its_own_class(name):
    """Outside tests, materials and docs, the quoted name of a type appears in one module: its class.

    Moodle's own vocabulary (its ``cloze``, ``matching`` and ``single`` in Moodle XML) is written where the Moodle
    file is written; those strings name Moodle's question types, not the kit's.
    """
    pattern = re.compile(rf"[\"']{re.escape(name)}[\"']")
    platform_vocabulary = ROOT / "helpers" / "views" / "platforms.py"
    found = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "helpers").rglob("*.py")
        if "_validators" not in path.parts
        and path != platform_vocabulary
        and pattern.search(path.read_text(encoding="utf-8"))
    )
    assert found == [f"helpers/lesson/items/{name.replace('-', '_')}.py"]


def test_the_templates_name_no_type(lesson):
    for path in Path(ROOT / "helpers" / "views" / "templates").glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert not any(f'"{name}"' in text or f"'{name}'" in text for name in SEVEN), path.name


# -- orders and matchings: each row marked, no credit for guessing -------------------------------


#: What a blind answer may earn on average, as a share of the points: no more than guessing the whole answer
#: right (one in n!), and for longer items an eighth (pair-by-pair credit gave a blind order half the points).
def chance_floor(n: int) -> float:
    return max(1 / math.factorial(n), 0.13)


def made_up(lesson, kind: str, n: int) -> QuizItem:
    base = next(q for q in lesson.quiz if q.type == kind)
    if kind == "ordering":
        return dataclasses.replace(base, steps=tuple((f"s{i}", f"step {i}") for i in range(n)), points=1)
    return dataclasses.replace(base, pairs=tuple((f"word {i}", f"meaning {i}") for i in range(n)), points=1)


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_over_every_order_a_blind_answer_earns_about_nothing_and_the_right_one_everything(lesson, n):
    item = made_up(lesson, "ordering", n)
    ids = [i for i, _ in item.steps]
    scores = [grade_item(item, list(order)).score for order in itertools.permutations(ids)]
    assert grade_item(item, ids).score == 1.0 and grade_item(item, ids).correct
    assert sum(scores) / len(scores) <= chance_floor(n)
    assert grade_item(item, ids[::-1]).score == 0.0  # the reverse: at most the middle step in place, no points


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_over_every_matching_a_blind_answer_earns_about_nothing_and_the_right_one_everything(lesson, n):
    item = made_up(lesson, "matching", n)
    lefts, rights = [a for a, _ in item.pairs], [b for _, b in item.pairs]
    scores = [
        grade_item(item, dict(zip(lefts, chosen, strict=True))).score for chosen in itertools.permutations(rights)
    ]
    assert grade_item(item, dict(item.pairs)).score == 1.0
    assert sum(scores) / len(scores) <= chance_floor(n)
    for meaning in rights:  # one meaning for every word: one pair right for sure, and no points
        assert grade_item(item, dict.fromkeys(lefts, meaning)).score == 0.0


@pytest.mark.parametrize("kind", ["ordering", "matching"])
def test_answering_the_rows_as_shown_earns_about_nothing_on_the_lessons_papers(lesson, kind):
    """Numbering the rows 1, 2, 3 … as shown (or taking each meaning in the order listed), on 200 papers."""
    students = [f"student-{n}" for n in range(200)]
    for item in (q for q in lesson.quiz if q.type == kind):
        scores = []
        for student in students:
            shown = student_variant(lesson, student, items=[item]).arrangements[item.id]
            blind = list(shown) if kind == "ordering" else dict(zip([a for a, _ in item.pairs], shown, strict=True))
            scores.append(grade_item(item, blind).score / item.points)
        assert sum(scores) / len(scores) <= chance_floor(len(shown)), item.id
        assert grade_item(item, right_answer(item)).score == item.points


def test_each_row_of_an_order_or_a_matching_is_marked(lesson):
    order = next(q for q in lesson.quiz if q.type == "ordering")
    ids = [i for i, _ in order.steps]
    result = grade_item(order, [ids[2], ids[1], ids[0], *ids[3:]])
    assert result.marks == ((ids[2], False), (ids[1], True), (ids[0], False), *((i, True) for i in ids[3:]))
    assert result.feedback.startswith(f"{len(ids) - 2} of {len(ids)} steps in the right place.")
    assert grade_item(order, ids).feedback == f"All {len(ids)} steps in the right place."
    match = next(q for q in lesson.quiz if q.type == "matching")
    (a, _), (b, rb) = match.pairs[:2]
    result = grade_item(match, {a: rb})
    assert dict(result.marks) == {left: False for left, _ in match.pairs} and result.score == 0
    assert grade_item(match, {a: rb, b: rb}).marks[1] == (b, True)
