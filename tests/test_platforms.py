"""The quiz bank out to Moodle, Canvas and GIFT readers, read back by parsers that are not ours."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

import helpers
from helpers.lesson.items.platform import PlatformChoice, PlatformQuestion
from helpers.lesson.quiz import item_type
from helpers.study.scoring import student_variant
from helpers.text.matching import grade_text
from helpers.views.platforms import gift, moodle_xml, platform_questions, write_platform

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def plain(fragment: str) -> str:
    """The text a reader sees in a GIFT or HTML fragment: GIFT escapes undone, tags dropped, entities decoded."""
    text = re.sub(r"\\(.)", r"\1", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def parse_gift(text: str):
    pygiftparser = pytest.importorskip("pygiftparser.parser")
    return {q.title: q for q in pygiftparser.parseFile(io.StringIO(text))}


def test_every_item_has_a_platform_question_of_a_kind_the_exporters_write(lesson):
    questions = platform_questions(lesson)
    assert [q.id for q in questions] == [q.id for q in lesson.quiz]
    kinds = {item.type: q.kind for item, q in zip(lesson.quiz, questions, strict=True)}
    assert kinds == {"single": "choose-one", "multiple": "choose-many", "true-false": "true-or-false",
                     "cloze": "gap", "short-answer": "typed", "matching": "pairs", "ordering": "pairs"}  # fmt: skip


def test_gift_read_back_by_an_independent_parser_matches_the_bank(lesson):
    questions = {q.id: q for q in platform_questions(lesson)}
    parsed = parse_gift(gift(list(questions.values())))
    assert sorted(parsed) == sorted(questions)
    for item in lesson.quiz:
        q, back = questions[item.id], parsed[item.id]
        assert plain(back.text).startswith(plain(item.prompt.ar or item.prompt.en or ""))
        answers = getattr(back.answers, "answers", None)
        if q.kind in ("choose-one", "choose-many"):
            by_text = {o.text: o.id for o in item.options}
            got = {by_text[plain(a.answer)]: a.fraction for a in answers}
            keys = {item.key} if isinstance(item.key, str) else set(item.key)
            assert {i for i, f in got.items() if float(f) > 0} == keys, item.id
        elif q.kind == "typed" or (q.kind == "gap" and not q.choices):
            typed = [plain(a.answer) for a in answers]
            assert typed[0] == item.key[0] or typed[0] == helpers.strip_tashkeel(item.key[0])
            assert all(grade_text(item.key, t, item.strictness).accepted for t in typed), item.id
        elif q.kind == "pairs":
            assert [plain(a.answer) for a in answers] == [b for _, b in q.pairs]
        else:
            assert type(back.answers).__name__ in ("TrueFalseSet", "SelectSet")


def test_gift_escapes_its_special_characters():
    """Every GIFT special character survives in a prompt and in options (pygiftparser's answer pattern stops at an
    escaped closing brace, which Moodle reads right; so braces are tried in the prompt, where both parsers agree)."""
    in_prompt = "Pick { e } f : g \\ h ~ i = j # k"
    in_option = "a ~ b = c # d : g"
    choices = (PlatformChoice(in_option, 1.0, "yes: " + in_option), PlatformChoice("other", 0.0))
    back = parse_gift(gift([PlatformQuestion("q-x", "choose-one", 1, None, in_prompt, choices=choices)]))["q-x"]
    assert plain(back.text) == in_prompt
    assert [plain(a.answer) for a in back.answers.answers] == [in_option, "other"]
    assert [float(a.fraction) for a in back.answers.answers] == [100.0, 0.0]
    assert plain(back.answers.answers[0].feedback) == "yes: " + in_option


def test_a_typed_answer_lists_every_spelling_the_kit_accepts(lesson):
    item = next(q for q in lesson.quiz if q.type == "cloze" and not q.bank)
    question = item_type(item).platform(item, lesson, ())
    assert helpers.strip_tashkeel(item.key[0]) in question.answers
    for spelling in question.answers:
        assert grade_text(item.key, spelling, item.strictness).accepted
    if "ة" in item.key[0]:
        assert any(s.endswith("ه") for s in question.answers)


def test_moodle_xml_carries_types_keys_feedback_and_right_to_left_text(lesson):
    root = ET.fromstring(moodle_xml(platform_questions(lesson), lesson.id))
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    by_name = {q.find("name/text").text: q for q in questions[1:]}
    assert sorted(by_name) == sorted(q.id for q in lesson.quiz)
    for item in lesson.quiz:
        node = by_name[item.id]
        text = node.find("questiontext/text").text
        if item.prompt.ar:
            assert '<p dir="rtl" lang="ar">' in text
        kind = node.get("type")
        if item.type == "single":
            assert kind == "multichoice" and node.find("single").text == "true"
            right = [plain(a.find("text").text) for a in node.findall("answer") if float(a.get("fraction")) == 100]
            assert right == [next(o.text for o in item.options if o.id == item.key)]
            assert all(a.find("feedback/text").text for a in node.findall("answer"))
        elif item.type == "multiple":
            fractions = [float(a.get("fraction")) for a in node.findall("answer")]
            assert kind == "multichoice" and round(sum(f for f in fractions if f > 0)) == 100
        elif item.type == "cloze":
            assert kind == "cloze" and re.search(r"\{\d+:(SHORTANSWER|MULTICHOICE):", text)
        elif item.type in ("matching", "ordering"):
            assert kind == "matching" and len(node.findall("subquestion")) == len(item.pairs or item.steps)
        elif item.type == "true-false":
            right = [a.find("text").text for a in node.findall("answer") if a.get("fraction") == "100"]
            assert kind == "truefalse" and right == ["true" if item.key else "false"]
        if item.hint:
            assert plain(node.find("hint/text").text) == plain(item.hint)


def test_the_qti_package_has_its_manifest_and_every_item(lesson, tmp_path):
    export = write_platform(lesson, "qti", tmp_path / "quiz.zip")
    with zipfile.ZipFile(export.path) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        href = manifest.find(".//{*}resource/{*}file").get("href")
        assessment = ET.fromstring(archive.read(href))
    items = assessment.findall(f".//{QTI}item")
    assert [i.get("ident") for i in items] == [q.id for q in lesson.quiz]
    for node, item in zip(items, lesson.quiz, strict=True):
        fields = {f.find(f"{QTI}fieldlabel").text: f.find(f"{QTI}fieldentry").text
                  for f in node.iter(f"{QTI}qtimetadatafield")}  # fmt: skip
        assert fields["points_possible"] == str(item.points)
        if item.type == "single":
            assert fields["question_type"] == "multiple_choice_question"
            right = node.find(f".//{QTI}respcondition/{QTI}conditionvar/{QTI}varequal").text
            label = next(r for r in node.iter(f"{QTI}response_label") if r.get("ident") == right)
            key_text = next(o.text for o in item.options if o.id == item.key)
            assert plain(label.find(f".//{QTI}mattext").text) == key_text


def test_a_students_paper_goes_out_in_their_order(lesson, tmp_path):
    variant = student_variant(lesson, "amina", count=5)
    export = write_platform(lesson, "gift", tmp_path / "amina.gift", variant)
    parsed = parse_gift(export.path.read_text(encoding="utf-8"))
    assert list(parsed) == [q.id for q in variant.items]
    assert export.count == 5


def test_what_a_format_cannot_carry_is_said_in_the_file_and_by_the_command(lesson, tmp_path):
    ordering = next(q for q in lesson.quiz if q.type == "ordering")
    text = (write_platform(lesson, "gift", tmp_path / "q.gift")).path.read_text(encoding="utf-8")
    block = next(b for b in text.split("\n\n") if b.startswith(f"::{ordering.id}::"))
    assert "Not carried by this platform" in plain(block) and "correction for guessing" in plain(block)
    out = subprocess.run(
        [sys.executable, "-m", "helpers.cli", "export", "--gift", str(tmp_path / "bank.gift"), "--qti",
         str(tmp_path / "bank.zip"), "--moodle-xml", str(tmp_path / "bank.xml")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert f"{tmp_path / 'bank.gift'}: GIFT (Moodle and other platforms), {len(lesson.quiz)} questions" in out.stdout
    blocks: dict[str, list[str]] = {}
    for line in out.stdout.splitlines():
        if not line.startswith("  "):
            head = line.split(":")[0]
        blocks.setdefault(head, []).append(line)
    hints = {head.rsplit(".", 1)[-1]: any("not carried: the hint" in line for line in lines)
             for head, lines in blocks.items()}  # fmt: skip
    assert hints == {"gift": True, "zip": True, "xml": False}  # Moodle XML carries hints


def test_count_and_student_need_a_quiz_format():
    out = subprocess.run([sys.executable, "-m", "helpers.cli", "export", "--csv", "x.csv", "--count", "3"],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 2
    assert "--count and --student choose a quiz paper" in out.stderr


def test_the_teacher_exports_the_quiz_from_buttons(lesson, tmp_path):
    box = helpers.platform_export(lesson, folder=str(tmp_path))
    assert repr(box).endswith("written: nothing yet")
    box.buttons["gift"].click()
    assert (tmp_path / f"quiz-{lesson.id}.gift.txt").is_file()
    assert f"GIFT (Moodle and other platforms), {len(lesson.quiz)} questions" in box.result.value
    assert "not carried: the hint" in box.result.value
    box.count.value, box.student.value = 4, "amina"
    box.buttons["qti"].click()
    with zipfile.ZipFile(tmp_path / f"quiz-{lesson.id}.qti.zip") as archive:
        assert len([n for n in archive.namelist() if n.endswith(".xml")]) == 2
    assert "4 questions" in box.result.value
    assert repr(box).endswith(f"written: quiz-{lesson.id}.gift.txt, quiz-{lesson.id}.qti.zip")


def test_an_export_into_a_folder_that_cannot_be_made_says_so_in_the_widget(lesson, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    box = helpers.platform_export(lesson, folder=str(blocker / "inside"))
    box.buttons["moodle-xml"].click()
    assert "Could not write the Moodle XML file" in box.result.value


def test_latin_names_and_numbers_inside_arabic_are_isolated():
    from helpers.views.platforms import _arabic_html

    shown = str(_arabic_html("وقّع Gideon Sa'ar المذكرة في 27/1/2026."))
    assert '<bdi dir="ltr">Gideon Sa&#39;ar</bdi>' in shown
    assert '<bdi dir="ltr">27/1/2026</bdi>.' in shown
