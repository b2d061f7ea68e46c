"""The quiz on paper and in HTML: evidence sentences, the answer key, printable worksheets."""

from __future__ import annotations

from html import escape

from helpers.lesson.model import Lesson
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import contains_arabic
from helpers.text.folding import find_form
from helpers.views.html import CSS, Html, _mixed, ar, en, marked

__all__ = ["answer_key_html", "evidence_html", "worksheet_html"]


def _key_text(item: QuizItem) -> str:
    """The key of an item as a teacher reads it."""
    if item.type == "single":
        return next(o.text for o in item.options if o.id == item.key)
    if item.type == "multiple":
        return " · ".join(o.text for o in item.options if o.id in (item.key or ()))
    if item.type == "true-false":
        return "true · صحيح" if item.key else "false · خطأ"
    if item.type in ("cloze", "short-answer"):
        return " / ".join(item.answers)
    if item.type == "matching":
        return " · ".join(f"{a} = {b}" for a, b in item.pairs)
    if item.type == "ordering":
        return " → ".join(text for _, text in item.steps)
    return ""


def _cell(text: str) -> str:
    return ar(text, cls="khabar-ar-inline") if any("\u0600" <= c <= "\u06ff" for c in text) else escape(text)


def answer_key_html(lesson: Lesson) -> Html:
    """Every item with its type, skill, difficulty, points, key and evidence: for the teacher only."""
    rows = []
    for n, q in enumerate(lesson.quiz, start=1):
        prompt = ar(q.prompt.ar) if q.prompt.ar else en(q.prompt.en or "")
        rows.append(
            f"<tr><td>{n}</td><td>{escape(q.id)}<br><small>{escape(q.type)} · {escape(q.skill)} · "
            f"difficulty {q.difficulty} · {q.points} pt</small></td><td>{prompt}</td>"
            f"<td><b>{_cell(_key_text(q))}</b></td><td>{escape(', '.join(q.evidence))}</td></tr>"
        )
    head = "<tr><th>#</th><th>Item</th><th>Question</th><th>Key</th><th>Evidence</th></tr>"
    return Html(f'<style>{CSS}</style><table class="khabar-table">{head}{"".join(rows)}</table>')


_PRINT_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; } .meta { color: #444; }
.q { page-break-inside: avoid; border-top: 1px solid #999; padding: 0.6em 0; }
.ar { font-family: 'Amiri', 'Noto Naskh Arabic', 'DejaVu Sans', serif; font-size: 1.35em; direction: rtl;
  text-align: right; line-height: 2; }
.options li { margin: 0.2em 0; } .line { border-bottom: 1px solid #333; height: 2em; margin: 0.4em 0; }
.key { color: #0a5a20; border: 1px dashed #0a5a20; padding: 0.2em 0.5em; margin-top: 0.3em; }
@media print { .noprint { display: none; } }
"""


def worksheet_html(lesson: Lesson, with_key: bool = False, student: str | None = None, count: int | None = None) -> str:
    """A complete printable HTML page of the quiz; the key only if ``with_key``.

    With ``student``, the page is that student's variant (item and option order).
    """
    from helpers.study.scoring import student_variant

    variant = student_variant(lesson, student or "worksheet", count=count, shuffle_items=bool(student),
                              shuffle_options=bool(student))  # fmt: skip
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(lesson.info.title.en)} — worksheet{' (key)' if with_key else ''}</title>",
        f"<style>{_PRINT_CSS}</style></head><body>",
        f'<h1>{escape(lesson.info.title.en)}</h1><div class="ar">{escape(lesson.info.title.ar or "")}</div>',
        f'<p class="meta">Comprehension worksheet{" — ANSWER KEY" if with_key else ""} · '
        f"{len(variant.items)} questions · Name: ____________________"
        + (f" · Paper for {escape(student)}" if student else "")
        + "</p>",
    ]
    for n, q in enumerate(variant.items, start=1):
        parts.append(f'<div class="q"><b>{n}.</b> ')
        if q.prompt.ar:
            parts.append(f'<div class="ar" dir="rtl" lang="ar">{escape(q.prompt.ar)}</div>')
        if q.prompt.en:
            parts.append(f"<div>{escape(q.prompt.en)}</div>")
        if q.statement:
            if q.statement.ar:
                parts.append(f'<div class="ar" dir="rtl" lang="ar">{escape(q.statement.ar)}</div>')
            if q.statement.en:
                parts.append(f"<div>{escape(q.statement.en)}</div>")
            parts.append("<div>☐ صحيح · true &nbsp;&nbsp; ☐ خطأ · false</div>")
        if q.options:
            by_id = {o.id: o for o in q.options}
            items = "".join(
                f'<li dir="auto">☐ {escape(by_id[i].text)}</li>' for i in variant.option_order.get(q.id, by_id)
            )
            parts.append(f'<ul class="options" style="list-style: none">{items}</ul>')
        if q.type == "cloze" and q.sentence and q.gap:
            text = lesson.sentence(q.sentence).ar
            parts.append(f'<div class="ar" dir="rtl" lang="ar">{escape(text.replace(q.gap, "________", 1))}</div>')
        if q.type in ("cloze", "short-answer"):
            parts.append('<div class="line"></div>')
        if q.type == "matching":
            import random

            rights = [b for _, b in q.pairs]
            random.Random(q.id).shuffle(rights)
            left = "".join(f'<li class="ar" dir="rtl">{escape(a)} ____</li>' for a, _ in q.pairs)
            right = "".join(f"<li>{chr(97 + i)}) {escape(b)}</li>" for i, b in enumerate(rights))
            parts.append(
                f'<div style="display:flex;gap:3em"><ol>{left}</ol><ul style="list-style:none">{right}</ul></div>'
            )
        if q.type == "ordering":
            import random

            steps = list(q.steps)
            random.Random(q.id).shuffle(steps)
            parts.append("".join(f'<div dir="auto">____ {escape(t)}</div>' for _, t in steps))
        if with_key:
            parts.append(
                f'<div class="key">Key: <span dir="auto">{escape(_key_text(q))}</span> · '
                f"Evidence: {escape(', '.join(q.evidence))}<br>{_mixed(q.explanation)}</div>"
            )
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


def _text_html(text: str, tag: str = "span") -> str:
    return ar(text, tag=tag) if contains_arabic(text) else en(text, tag=tag)


def evidence_html(lesson: Lesson, item: QuizItem) -> str:
    """The sentences that prove the answer, with the words that matter marked."""
    words: list[str] = []
    if item.type in ("single", "multiple"):
        keys = {item.key} if isinstance(item.key, str) else set(item.key or ())
        words = [o.text for o in item.options if o.id in keys]
    elif item.type == "cloze" and item.gap:
        words = [item.gap]
    elif item.type == "short-answer":
        words = list(item.answers)
    blocks = []
    for sid in item.evidence:
        sentence = lesson.sentence(sid)
        spans = [span for w in words for span in find_form(sentence.ar, w)]
        if not spans:  # the word may carry a proclitic in the text (ونظيره for نظيره)
            spans = [span for w in words for span in find_form(sentence.ar, w, whole_words=False)]
        blocks.append(
            f'<div class="khabar-evidence"><span class="khabar-sid">{sid}</span>'
            + ar(marked(sentence.ar, spans), tag="div", raw=True)
            + "</div>"
        )
    return "".join(blocks)
