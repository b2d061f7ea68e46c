"""The quiz on paper and in HTML: evidence sentences, the answer key, printable worksheets.

Each item type says what its question shows (:class:`~helpers.lesson.items.Block`
objects) and what its key is; this module draws them: on screen with MarkupSafe,
on paper with the templates ``worksheet.html.j2`` and ``answer_key.html.j2``.
"""

from __future__ import annotations

from string import ascii_lowercase

from helpers.lesson.items import Block, item_type
from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import contains_arabic
from helpers.text.folding import find_form
from helpers.views.html import Html, Markup, ar, en, marked, render, style, stylesheet

__all__ = ["answer_key_html", "evidence_html", "stem_html", "text_html", "worksheet_html"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


def text_html(text: str, tag: str = "span") -> Markup:
    """A text that may be Arabic or English, in an element with the right direction and language."""
    return ar(text, tag=tag) if contains_arabic(text) else en(text, tag=tag)


def stem_html(blocks: Iterable[Block]) -> Markup:
    """The blocks a question shows under its prompt (a blanked sentence, a word bank), for the screen.

    >>> stem_html([Block("bank", ("وقع", "<b>"))])
    Markup('<div class="khabar-bank"><span class="khabar-en" dir="ltr" lang="en">Word bank: </span><span class="khabar-ar" dir="rtl" lang="ar">وقع</span> · <span class="khabar-ar" dir="rtl" lang="ar">&lt;b&gt;</span></div>')
    """  # noqa: E501
    parts = []
    for block in blocks:
        if block.kind == "sentence":
            parts += [ar(text, tag="div", cls="khabar-ar khabar-cloze") for text in block.texts]
        elif block.kind == "bank":
            words = Markup(" · ").join(ar(word) for word in block.texts)
            parts.append(Markup('<div class="khabar-bank">{}{}</div>').format(en("Word bank: "), words))
        else:
            parts += [text_html(text, tag="div") for text in (*block.texts, *block.more)]
    return Markup("").join(parts)


def answer_key_html(lesson: Lesson) -> Html:
    """Every item with its type, skill, difficulty, points, key and evidence: for the teacher only."""
    rows = [{"item": q, "key": item_type(q).key_text(q)} for q in lesson.quiz]
    return render("answer_key.html.j2", style=style(), rows=rows)


def worksheet_html(lesson: Lesson, with_key: bool = False, student: str | None = None, count: int | None = None) -> str:
    """A complete printable HTML page: the numbered article, then the questions; the key only if ``with_key``.

    With ``student``, the page is that student's paper (:func:`helpers.student_variant`: the items, their order,
    and the order of options, pairs, steps and word banks); without, the paper that is not shuffled. ``count``
    draws that many questions (the same ones for the same student, as in the exam). The key is printed under
    each question of the very paper it goes with: the same ``student`` and ``count`` give the same questions in
    the same order, with or without the key.

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> page = worksheet_html(lesson, count=5)
    >>> page.count('class="q"'), page.count('class="para"') == len(lesson.paragraphs)
    (5, True)
    """
    from helpers.study.scoring import student_variant

    if count is not None and count < 1:
        raise ValueError(f"a worksheet needs at least one question (count={count})")
    variant = student_variant(lesson, student or "worksheet", count=count, shuffle_items=bool(student),
                              shuffle_options=bool(student))  # fmt: skip
    questions = []
    for q in variant.items:
        kind, arrangement = item_type(q), variant.arrangements[q.id]
        blocks = (*kind.stem(q, lesson, arrangement), *kind.paper(q, arrangement))
        questions.append({"item": q, "blocks": blocks, "key": kind.key_text(q) if with_key else ""})
    paragraphs = [{"number": n, "id": p.id, "text": p.text} for n, p in enumerate(lesson.paragraphs, 1)]
    page = render(
        "worksheet.html.j2",
        title=lesson.info.title,
        source=lesson.info.source,
        css=Markup(stylesheet("print")),
        with_key=with_key,
        student=student,
        questions=questions,
        total=len(lesson.quiz),
        paragraphs=paragraphs,
        letters=ascii_lowercase,
        is_arabic=_arabic_first,
    )
    return str(page)


def _arabic_first(text: str) -> bool:
    """True when the first letter of ``text`` is Arabic: the line is then right-to-left (an English option that
    quotes an Arabic word stays left-to-right).

    >>> _arabic_first("يَعِدُ (promises)"), _arabic_first("because منذ is followed by …"), _arabic_first("2026")
    (True, False, False)
    """
    first = next((ch for ch in text if ch.isalpha()), "")
    return bool(first) and contains_arabic(first)


def evidence_html(lesson: Lesson, item: QuizItem) -> Markup:
    """The sentences that prove the answer, with the words that matter (:meth:`~ItemType.evidence_words`) marked."""
    words = item_type(item).evidence_words(item)
    blocks = []
    for sid in item.evidence:
        sentence = lesson.sentence(sid)
        spans = [span for w in words for span in find_form(sentence.ar, w)]
        if not spans:  # the word may carry a proclitic in the text (ونظيره for نظيره)
            spans = [span for w in words for span in find_form(sentence.ar, w, whole_words=False)]
        blocks.append(
            Markup('<div class="khabar-evidence"><span class="khabar-sid">{}</span>{}</div>').format(
                sid, ar(marked(sentence.ar, spans), tag="div")
            )
        )
    return Markup("").join(blocks)
