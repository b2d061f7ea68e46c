"""A class's results as HTML tables and charts, for the teacher notebook."""

from __future__ import annotations

from html import escape

from helpers.study.classroom import ClassResults
from helpers.views.html import CSS, Html
from helpers.views.quiz import _cell

__all__ = ["class_charts", "class_charts_html", "class_results_html"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure


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
