"""For teachers: the answer key, printable worksheets, and a class's results.

Results files are what students export from the quiz (``results-<lesson>-<student>.json``,
format ``khabar-results/1``). A folder of them gives the class view: how hard
each item was, each student's score, and the most common wrong answers.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from .model import Lesson, QuizItem
from .render import CSS, Html, _mixed, ar, en

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from matplotlib.figure import Figure

__all__ = [
    "ClassResults",
    "answer_key_html",
    "class_charts",
    "class_charts_html",
    "class_results_html",
    "load_class_results",
    "worksheet_html",
]


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
    from .scoring import student_variant

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


class ClassResults:
    """The results files of a class for one lesson."""

    def __init__(self, lesson: Lesson, files: list[dict[str, Any]], skipped: list[str]) -> None:
        self.lesson, self.files, self.skipped = lesson, files, skipped

    @property
    def students(self) -> list[str]:
        return sorted(f["student"] for f in self.files)

    def best_scores(self) -> dict[str, dict[str, float]]:
        """student → item → best score."""
        table: dict[str, dict[str, float]] = {}
        for f in self.files:
            best: dict[str, float] = {}
            for a in f["attempts"]:
                best[a["item"]] = max(best.get(a["item"], 0.0), float(a["score"]))
            table[f["student"]] = best
        return table

    def item_difficulty(self) -> dict[str, float]:
        """item → share of the points the class earned (lower = harder), over students who answered."""
        shares: dict[str, list[float]] = defaultdict(list)
        points = {q.id: q.points for q in self.lesson.quiz}
        for best in self.best_scores().values():
            for item, score in best.items():
                if item in points:
                    shares[item].append(score / points[item])
        return {q.id: sum(shares[q.id]) / len(shares[q.id]) for q in self.lesson.quiz if shares[q.id]}

    def student_scores(self) -> dict[str, tuple[float, int]]:
        """student → (points earned, points of the items answered)."""
        points = {q.id: q.points for q in self.lesson.quiz}
        return {s: (sum(best.values()), sum(points.get(i, 0) for i in best)) for s, best in self.best_scores().items()}

    def common_wrong_answers(self, top: int = 3) -> dict[str, list[tuple[str, int]]]:
        """item → the most frequent wrong responses (as text) with how many students gave them."""
        wrong: dict[str, Counter[str]] = defaultdict(Counter)
        points = {q.id: q.points for q in self.lesson.quiz}
        for f in self.files:
            seen = set()
            for a in f["attempts"]:
                if a["item"] in points and float(a["score"]) < points[a["item"]]:
                    text = (
                        json.dumps(a["response"], ensure_ascii=False)
                        if not isinstance(a["response"], str)
                        else a["response"]
                    )
                    if (a["item"], text) not in seen:
                        seen.add((a["item"], text))
                        wrong[a["item"]][text] += 1
        return {item: counts.most_common(top) for item, counts in wrong.items()}


def load_class_results(lesson: Lesson, folder: str | Path) -> ClassResults:
    """Read every ``*.json`` results file of this lesson in ``folder``; unreadable files are listed, not fatal."""
    files, skipped = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != "khabar-results/1" or data.get("lesson") != lesson.id:
                skipped.append(f"{path.name}: not a results file of lesson {lesson.id}")
                continue
            if not isinstance(data.get("attempts"), list) or not data.get("student"):
                skipped.append(f"{path.name}: no student or attempts")
                continue
            files.append(data)
        except (OSError, ValueError) as exc:
            skipped.append(f"{path.name}: cannot be read ({exc})")
    return ClassResults(lesson, files, skipped)


def class_results_html(results: ClassResults) -> Html:
    """The class in a table: each student's score, then the items that went worst with their common wrong answers."""
    rows = "".join(
        f"<tr><td>{escape(s)}</td><td>{got:g} / {total}</td><td>{(got / total if total else 0):.0%}</td></tr>"
        for s, (got, total) in sorted(results.student_scores().items())
    )
    wrong = results.common_wrong_answers()
    hardest = sorted(results.item_difficulty().items(), key=lambda kv: kv[1])[:8]
    items = "".join(
        f"<tr><td>{escape(i)}</td><td>{share:.0%}</td><td>"
        + " · ".join(f"{_cell(text)} ({n})" for text, n in wrong.get(i, []))
        + "</td></tr>"
        for i, share in hardest
    )
    skipped = "".join(f"<li>{escape(s)}</li>" for s in results.skipped)
    return Html(
        f'<style>{CSS}</style><div class="khabar-en"><b>{len(results.files)} students.</b></div>'
        f'<table class="khabar-table"><tr><th>Student</th><th>Points</th><th>Share</th></tr>{rows}</table>'
        f'<p class="khabar-en"><b>The hardest items</b> (share of points earned) and the most common wrong answers:</p>'
        '<table class="khabar-table"><tr><th>Item</th><th>Class</th><th>Wrong answers (students)</th></tr>'
        f"{items}</table>" + (f'<p class="khabar-en">Files skipped:</p><ul>{skipped}</ul>' if skipped else "")
    )


def class_charts(results: ClassResults) -> Figure:
    """Two charts: how much of each item's points the class earned, and each student's score."""
    from matplotlib.figure import Figure

    difficulty = results.item_difficulty()
    scores = results.student_scores()
    fig = Figure(figsize=(10, 7.5), dpi=100)
    fig.subplots_adjust(left=0.16, right=0.98, top=0.95, bottom=0.07, hspace=0.45)  # fixed: fast to draw
    ax1, ax2 = fig.subplots(2, 1, height_ratios=[3, 2])
    ids = [q.id for q in results.lesson.quiz if q.id in difficulty]
    values = [difficulty[i] * 100 for i in ids]
    colours = ["#d9534f" if v < 50 else "#f0ad4e" if v < 75 else "#5cb85c" for v in values]
    ax1.bar(range(len(ids)), values, color=colours)
    number = {q.id: n for n, q in enumerate(results.lesson.quiz, start=1)}
    ax1.set_xticks(range(len(ids)), [str(number[i]) for i in ids], fontsize=8)
    ax1.set_xlabel("question number, as in the answer key")
    ax1.set_ylabel("% of points earned")
    ax1.set_ylim(0, 100)
    ax1.set_title("Item difficulty for the class (red: under half the points)")
    names = sorted(scores)
    shares = [100 * scores[n][0] / scores[n][1] if scores[n][1] else 0 for n in names]
    ax2.barh(range(len(names)), shares, color="#5b8bd0")
    ax2.set_yticks(range(len(names)), names)
    ax2.invert_yaxis()
    ax2.set_xlim(0, 100)
    ax2.set_xlabel("% of the points of the items answered")
    ax2.set_title("Score per student")
    return fig


def class_charts_html(results: ClassResults) -> Html:
    """The same two charts as :func:`class_charts`, as HTML bars: quick to draw, printable, readable offline."""
    difficulty = results.item_difficulty()
    number = {q.id: n for n, q in enumerate(results.lesson.quiz, start=1)}

    def bar(share: float, colour: str) -> str:
        return (
            f'<div style="background:#eee;width:22em;height:0.9em;display:inline-block;vertical-align:middle">'
            f'<div style="background:{colour};width:{share * 100:.0f}%;height:100%"></div></div> {share:.0%}'
        )

    def colour(share: float) -> str:
        return "#d9534f" if share < 0.5 else "#f0ad4e" if share < 0.75 else "#5cb85c"

    items = "".join(
        f"<tr><td{_LEFT_CELL}>{number[i]}</td><td{_LEFT_CELL}>{escape(i)}</td>"
        f"<td{_LEFT_CELL}>{bar(v, colour(v))}</td></tr>"
        for i, v in sorted(difficulty.items(), key=lambda kv: number[kv[0]])
    )
    students = "".join(
        f"<tr><td{_LEFT_CELL}>{escape(s)}</td><td{_LEFT_CELL}>{bar(got / total if total else 0, '#5b8bd0')}</td></tr>"
        for s, (got, total) in sorted(results.student_scores().items())
    )
    return Html(
        f'<style>{CSS}</style><p class="khabar-en"><b>Item difficulty</b>: share of the points the class earned '
        "(red: under half).</p>"
        f'<table class="khabar-table"><tr><th>#</th><th>Item</th><th>Class</th></tr>{items}</table>'
        f'<p class="khabar-en"><b>Score per student</b> (share of the points of the items answered).</p>'
        f'<table class="khabar-table"><tr><th>Student</th><th>Score</th></tr>{students}</table>'
    )


_LEFT_CELL = ' style="text-align: left; padding: 0.1em 0.6em"'
