"""The quiz bank for the learning platforms schools use: Moodle XML, GIFT, and QTI 1.2 as Canvas imports it.

Each item becomes a :class:`~helpers.lesson.items.platform.PlatformQuestion` through its own type
(:meth:`ItemType.platform`); this module only writes those. Question texts are HTML: Arabic in ``dir="rtl"
lang="ar"`` blocks with Latin names and numbers isolated (``<bdi>``), so punctuation stays where it belongs.
What a format cannot carry is written into the question's general feedback and returned, never dropped silently.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from helpers.lesson.items.platform import PlatformQuestion
from helpers.lesson.quiz import item_type
from helpers.text.arabic import arabic_runs, contains_arabic, contains_latin
from helpers.views.html import Markup, escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from helpers.lesson.model import Lesson
    from helpers.study.scoring import Variant

__all__ = ["FORMATS", "Export", "gift", "lost_in", "moodle_xml", "platform_questions", "qti_package", "write_platform"]

#: What ``khabar export`` writes, by option: the format's name for people.
FORMATS = {"moodle-xml": "Moodle XML", "gift": "GIFT (Moodle and other platforms)", "qti": "QTI 1.2 package (Canvas)"}

#: Runs kept left to right inside Arabic: Latin names and abbreviations, and numbers written with Latin digits
#: (a date such as 27/1/2026 or 2025-11 would otherwise be reordered around its punctuation).
_LATIN_RUN = re.compile(
    r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’.\- ]*[A-Za-z\u00c0-\u024f0-9.]|[A-Za-z]|[0-9]+(?:[.,:/-][0-9]+)*"
)


class Export:
    """What an export wrote: the file, the number of questions, and what each question could not carry."""

    def __init__(self, path: Path, fmt: str, count: int, dropped: dict[str, tuple[str, ...]]) -> None:
        self.path, self.format, self.count, self.dropped = path, fmt, count, dropped

    def summary(self) -> list[str]:
        """Lines for the teacher: the file, then each thing some questions lost, with how many and which."""
        lines = [f"{self.path}: {FORMATS[self.format]}, {self.count} questions"]
        lost: dict[str, list[str]] = {}
        for item, what in self.dropped.items():
            for thing in what:
                lost.setdefault(thing, []).append(item)
        for thing, items in lost.items():
            shown = ", ".join(items[:6]) + (f" and {len(items) - 6} more" if len(items) > 6 else "")
            count = f"{len(items)} question{'s' if len(items) != 1 else ''}"
            lines.append(f"  not carried: {thing} — {count} ({shown})")
        return lines


def lost_in(fmt: str, q: PlatformQuestion) -> tuple[str, ...]:
    """What question ``q`` loses in format ``fmt``: its kind's losses, and a hint where the format has none."""
    return (*q.dropped, "the hint") if q.hint and fmt != "moodle-xml" else q.dropped


def platform_questions(lesson: Lesson, variant: Variant | None = None) -> list[PlatformQuestion]:
    """Every item of the bank (or of a student's paper, in its order and arrangement) as a platform question."""
    if variant is None:
        return [item_type(q).platform(q, lesson, ()) for q in lesson.quiz]
    return [item_type(q).platform(q, lesson, variant.arrangements.get(q.id, ())) for q in variant.items]


# -- HTML of the question texts -------------------------------------------------------------


def _arabic_html(text: str) -> Markup:
    """Arabic text with its Latin runs (names, abbreviations) isolated, so the bidi algorithm cannot move them."""
    out, last = [], 0
    for m in _LATIN_RUN.finditer(text):
        out += [escape(text[last : m.start()]), Markup('<bdi dir="ltr">{}</bdi>').format(m.group())]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _mixed_html(text: str) -> Markup:
    """English that may quote Arabic: each Arabic run isolated right to left."""
    out, last = [], 0
    for start, end in arabic_runs(text):
        out += [escape(text[last:start]), Markup('<bdi dir="rtl" lang="ar">{}</bdi>').format(text[start:end])]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _text_html(text: str) -> Markup:
    """A text of either language as a block of its own direction."""
    if contains_arabic(text) and not contains_latin(text):
        return Markup('<span dir="rtl" lang="ar">{}</span>').format(_arabic_html(text))
    return Markup('<span dir="ltr" lang="en">{}</span>').format(_mixed_html(text))


def _question_html(q: PlatformQuestion, with_gap: str | None = None) -> str:
    parts = []
    if q.prompt_ar:
        parts.append(Markup('<p dir="rtl" lang="ar">{}</p>').format(_arabic_html(q.prompt_ar)))
    if q.prompt_en:
        parts.append(Markup('<p dir="ltr" lang="en">{}</p>').format(_mixed_html(q.prompt_en)))
    if q.statement_ar:
        parts.append(Markup('<p dir="rtl" lang="ar"><b>{}</b></p>').format(_arabic_html(q.statement_ar)))
    if q.statement_en:
        parts.append(Markup('<p dir="ltr" lang="en"><b>{}</b></p>').format(_mixed_html(q.statement_en)))
    if with_gap is not None:
        parts.append(
            Markup('<p dir="rtl" lang="ar">{}{}{}</p>').format(
                _arabic_html(q.before), Markup(with_gap), _arabic_html(q.after)
            )
        )
    return str(Markup("").join(parts))


def _general_feedback(q: PlatformQuestion, fmt: str) -> str:
    text = (
        Markup('<p dir="ltr" lang="en">{}</p>').format(_mixed_html(q.general_feedback))
        if q.general_feedback
        else Markup("")
    )
    if lost_in(fmt, q):
        text += Markup('<p dir="ltr" lang="en"><i>Not carried by this platform: {}.</i></p>').format(
            "; ".join(lost_in(fmt, q))
        )
    return str(text)


# -- GIFT ----------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _g(text: str) -> str:
    """Text for GIFT: its special characters escaped with a backslash, on one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def gift(questions: Sequence[PlatformQuestion]) -> str:
    """The questions in GIFT (HTML question texts, ``[html]``), one blank line between questions.

    >>> print(gift([PlatformQuestion("q-1", "typed", 1, None, "Type 2+2 = ?", answers=("4", "٤"))]).splitlines()[2])
    ::q-1::[html]<p dir\\="ltr" lang\\="en">Type 2+2 \\= ?</p>{=4 =٤}
    """
    blocks = ['// Khabar quiz bank, GIFT format. Arabic question texts are HTML with dir="rtl".']
    for q in questions:
        head = f"::{_g(q.id)}::[html]"
        general = _general_feedback(q, "gift")
        tail = (f"####{_g(general)}" if general else "") + "}"
        if q.kind == "gap":
            if q.choices:
                body = "{" + " ".join(f"{'=' if c.credit >= 1 else '~'}{_g(c.text)}" for c in q.choices)
            else:
                body = "{" + " ".join(f"={_g(a)}" for a in q.answers)
            blocks.append(head + _g(_question_html(q, with_gap="")) + body + tail)
            continue
        text = _g(_question_html(q))
        if q.kind == "choose-one":
            answers = " ".join(
                f"{'=' if c.credit >= 1 else '~'}{_g(_text_html(c.text))}#{_g(_mixed_html(c.feedback))}"
                for c in q.choices
            )
        elif q.kind == "choose-many":
            answers = " ".join(
                f"~%{_percent(c.credit)}%{_g(_text_html(c.text))}#{_g(_mixed_html(c.feedback))}" for c in q.choices
            )
        elif q.kind == "true-or-false":
            wrong, right = (q.feedback_false, q.feedback_true) if q.truth else (q.feedback_true, q.feedback_false)
            answers = f"{'TRUE' if q.truth else 'FALSE'}#{_g(_mixed_html(wrong))}#{_g(_mixed_html(right))}"
        elif q.kind == "typed":
            answers = " ".join(f"={_g(a)}" for a in q.answers)
        else:  # matching
            answers = " ".join(f"={_g(_text_html(a))} -> {_g(b)}" for a, b in q.pairs)
        blocks.append(f"{head}{text}" + "{" + answers + tail)
    return "\n\n".join(blocks) + "\n"


def _percent(credit: float) -> str:
    value = round(credit * 100, 5)
    return f"{value:g}"


# -- Moodle XML ----------------------------------------------------------------------------

#: Moodle's own names for its question types (its vocabulary, not the kit's item types).
_MOODLE_TYPES = {"choose-one": "multichoice", "choose-many": "multichoice", "true-or-false": "truefalse",
                 "typed": "shortanswer", "gap": "cloze", "pairs": "matching"}  # fmt: skip
_CLOZE_SPECIAL = re.compile(r'([}#~/"\\])')


def _html_element(parent: ET.Element, tag: str, html: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": "html", **attrs})
    ET.SubElement(node, "text").text = html
    return node


def moodle_xml(questions: Sequence[PlatformQuestion], category: str = "Khabar") -> str:
    """The questions as a Moodle XML file (Question bank → Import → Moodle XML format)."""
    quiz = ET.Element("quiz")
    head = ET.SubElement(quiz, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(head, "category"), "text").text = f"$course$/{category}"
    for q in questions:
        node = ET.SubElement(quiz, "question", {"type": _MOODLE_TYPES[q.kind]})
        ET.SubElement(ET.SubElement(node, "name"), "text").text = q.id
        if q.kind == "gap":
            if q.choices:
                options = "~".join(f"{'%100%' if c.credit >= 1 else '%0%'}{_cloze(c.text)}" for c in q.choices)
                sub = f"{{{q.points}:MULTICHOICE:{options}}}"
            else:
                accepted = "~".join(f"%100%{_cloze(a)}" for a in q.answers)
                sub = f"{{{q.points}:SHORTANSWER:{accepted}}}"
            _html_element(node, "questiontext", _question_html(q, with_gap=sub))
        else:
            _html_element(node, "questiontext", _question_html(q))
        _html_element(node, "generalfeedback", _general_feedback(q, "moodle-xml"))
        ET.SubElement(node, "defaultgrade").text = str(q.points)
        ET.SubElement(node, "penalty").text = "0"
        ET.SubElement(node, "hidden").text = "0"
        if q.hint:  # shown in Moodle's "interactive with multiple tries" behaviour
            _html_element(node, "hint", str(Markup('<p dir="ltr" lang="en">{}</p>').format(_mixed_html(q.hint))))
        if q.kind in ("choose-one", "choose-many"):
            ET.SubElement(node, "single").text = "true" if q.kind == "choose-one" else "false"
            ET.SubElement(node, "shuffleanswers").text = "1"
            ET.SubElement(node, "answernumbering").text = "none"
            for c in q.choices:
                answer = _html_element(node, "answer", str(_text_html(c.text)), fraction=_percent(c.credit))
                _html_element(answer, "feedback", str(_mixed_html(c.feedback)))
        elif q.kind == "true-or-false":
            for value, feedback in (("true", q.feedback_true), ("false", q.feedback_false)):
                answer = ET.SubElement(node, "answer", {"fraction": "100" if (value == "true") == q.truth else "0",
                                                        "format": "moodle_auto_format"})  # fmt: skip
                ET.SubElement(answer, "text").text = value
                _html_element(answer, "feedback", str(_mixed_html(feedback)))
        elif q.kind == "typed":
            ET.SubElement(node, "usecase").text = "0"
            for a in q.answers:
                answer = ET.SubElement(node, "answer", {"fraction": "100", "format": "moodle_auto_format"})
                ET.SubElement(answer, "text").text = a
        elif q.kind == "pairs":
            ET.SubElement(node, "shuffleanswers").text = "1"
            for left, right in q.pairs:
                sub = _html_element(node, "subquestion", str(_text_html(left)))
                ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _cloze(text: str) -> str:
    return _CLOZE_SPECIAL.sub(r"\\\1", text)


# -- QTI 1.2 (Canvas) ----------------------------------------------------------------------

_QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
_CANVAS_TYPES = {"choose-one": "multiple_choice_question", "choose-many": "multiple_answers_question",
                 "true-or-false": "true_false_question", "typed": "short_answer_question",
                 "gap": "short_answer_question", "pairs": "matching_question"}  # fmt: skip


def _material(parent: ET.Element, html: str) -> None:
    ET.SubElement(ET.SubElement(parent, "material"), "mattext", {"texttype": "text/html"}).text = html


def _score(parent: ET.Element, condition: ET.Element, value: float, action: str = "Set") -> None:
    rc = ET.SubElement(parent, "respcondition", {"continue": "Yes" if action == "Add" else "No"})
    rc.append(condition)
    ET.SubElement(rc, "setvar", {"action": action, "varname": "SCORE"}).text = _percent(value)


def _varequal(ident: str, value: str) -> ET.Element:
    cond = ET.Element("conditionvar")
    ET.SubElement(cond, "varequal", {"respident": ident}).text = value
    return cond


def _qti_item(section: ET.Element, q: PlatformQuestion) -> None:
    item = ET.SubElement(section, "item", {"ident": q.id, "title": q.id})
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    kind = "multiple_choice_question" if q.kind == "gap" and q.choices else _CANVAS_TYPES[q.kind]
    for label, entry in (("question_type", kind), ("points_possible", str(q.points))):
        field = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, _question_html(q, with_gap="______" if q.kind == "gap" else None))
    processing = ET.SubElement(item, "resprocessing")
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar",
                  {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})  # fmt: skip
    if q.kind in ("choose-one", "choose-many", "true-or-false") or (q.kind == "gap" and q.choices):
        choices = q.choices if q.kind != "true-or-false" else ()
        labels = [(f"c{i}", c.text, c.credit) for i, c in enumerate(choices, start=1)]
        if q.kind == "true-or-false":
            labels = [
                ("true", "True · صحيح", 1.0 if q.truth else 0.0),
                ("false", "False · خطأ", 0.0 if q.truth else 1.0),
            ]
        lid = ET.SubElement(
            presentation,
            "response_lid",
            {"ident": "response1", "rcardinality": "Multiple" if q.kind == "choose-many" else "Single"},
        )
        render = ET.SubElement(lid, "render_choice")
        for ident, text, _ in labels:
            _material(ET.SubElement(render, "response_label", {"ident": ident}), str(_text_html(text)))
        if q.kind == "choose-many":
            cond = ET.Element("conditionvar")
            both = ET.SubElement(cond, "and")
            for ident, _, credit in labels:
                target = both if credit > 0 else ET.SubElement(both, "not")
                ET.SubElement(target, "varequal", {"respident": "response1"}).text = ident
            _score(processing, cond, 100)
        else:
            right = next(ident for ident, _, credit in labels if credit >= 1)
            _score(processing, _varequal("response1", right), 100)
    elif q.kind in ("typed", "gap"):
        answer_box = ET.SubElement(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        fib = ET.SubElement(answer_box, "render_fib")
        ET.SubElement(fib, "response_label", {"ident": "answer1", "rshuffle": "No"})
        cond = ET.Element("conditionvar")
        for a in q.answers:
            ET.SubElement(cond, "varequal", {"respident": "response1"}).text = a
        _score(processing, cond, 100)
    else:  # matching
        rights = sorted({b for _, b in q.pairs})
        ids = {b: f"r{i}" for i, b in enumerate(rights, start=1)}
        share = 100 / len(q.pairs)
        for n, (left, right) in enumerate(q.pairs, start=1):
            lid = ET.SubElement(presentation, "response_lid", {"ident": f"response_{n}"})
            _material(lid, str(_text_html(left)))
            render = ET.SubElement(lid, "render_choice")
            for b in rights:
                _material(ET.SubElement(render, "response_label", {"ident": ids[b]}), str(_text_html(b)))
            _score(processing, _varequal(f"response_{n}", ids[right]), share, action="Add")
    feedback = ET.SubElement(item, "itemfeedback", {"ident": "general_fb"})
    _material(ET.SubElement(feedback, "flow_mat"), _general_feedback(q, "qti"))


def qti_package(questions: Sequence[PlatformQuestion], title: str, ident: str) -> dict[str, bytes]:
    """The files of a QTI 1.2 package as Canvas imports it (Settings → Import course content → QTI .zip)."""
    root = ET.Element("questestinterop", {"xmlns": _QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": title})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for q in questions:
        _qti_item(section, q)
    ET.indent(root)
    manifest = ET.Element("manifest", {
        "identifier": f"{ident}-manifest",
        "xmlns": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
    })  # fmt: skip
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    resource = ET.SubElement(resources, "resource", {"identifier": ident, "type": "imsqti_xmlv1p2"})
    ET.SubElement(resource, "file", {"href": f"{ident}/{ident}.xml"})
    ET.indent(manifest)

    def xml(node: ET.Element) -> bytes:
        return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(node, encoding="utf-8", xml_declaration=False)

    return {"imsmanifest.xml": xml(manifest), f"{ident}/{ident}.xml": xml(root)}


# -- writing -------------------------------------------------------------------------------


def write_platform(lesson: Lesson, fmt: str, path: str | Path, variant: Variant | None = None) -> Export:
    """Write the bank (or a student's paper) in ``fmt`` ('moodle-xml', 'gift' or 'qti') to ``path``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    from helpers.lesson.paths import write_atomically

    questions = platform_questions(lesson, variant)

    def write(partial: Path) -> None:
        if fmt == "qti":
            ident = re.sub(r"[^A-Za-z0-9_-]", "_", f"khabar-{lesson.id}" + (f"-{variant.student}" if variant else ""))
            files = qti_package(questions, lesson.info.title.en or lesson.id, ident)
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in files.items():
                    archive.writestr(name, data)
        else:
            text = moodle_xml(questions, lesson.id) if fmt == "moodle-xml" else gift(questions)
            partial.write_text(text, encoding="utf-8")

    target = write_atomically(path, write)
    return Export(target, fmt, len(questions), {q.id: lost_in(fmt, q) for q in questions})
