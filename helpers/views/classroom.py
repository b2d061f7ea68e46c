"""A class's results as HTML tables and charts, for the teacher notebook.

The HTML is the template ``templates/class_report.html.j2`` (autoescaped): a student's name is text, whatever
it holds. The results come through :class:`~helpers.study.classroom.ClassResults` only.
"""

from __future__ import annotations

from helpers.study.classroom import ClassResults
from helpers.views.html import Html, style, template

__all__ = ["class_charts", "class_charts_html", "class_results_html"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure

_TEMPLATE = "class_report.html.j2"


def _share(got: float, total: float) -> float:
    return got / total if total else 0.0


def _colour(share: float) -> str:
    """The bar's colour class: red under half the points, orange under three quarters, else green."""
    return "low" if share < 0.5 else "mid" if share < 0.75 else "high"


def class_results_html(results: ClassResults) -> Html:
    """The class in a table: each student's score, then the items that went worst with their common wrong answers."""
    students = [
        (name, f"{got:g} / {total}", f"{_share(got, total):.0%}")
        for name, (got, total) in sorted(results.student_scores().items())
    ]
    wrong = results.common_wrong_answers()
    hardest = sorted(results.item_difficulty().items(), key=lambda kv: kv[1])[:8]
    part = template(_TEMPLATE).module.results(  # type: ignore[attr-defined]
        count=len(results.students),
        students=students,
        hardest=[(item, f"{share:.0%}", wrong.get(item, [])) for item, share in hardest],
        skipped=list(results.skipped),
    )
    return style() + part


def _mathtext_off(text: str) -> str:
    """A label matplotlib draws as typed: ``$`` would otherwise start its math mode (``$x$`` → italic x)."""
    return str(text).replace("$", r"\$")


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
    shares = [100 * _share(*scores[n]) for n in names]
    ax2.barh(range(len(names)), shares, color="#5b8bd0")
    # Names are the students' own text: no math mode, no TeX, whatever the user's matplotlib settings.
    ax2.set_yticks(range(len(names)), [_mathtext_off(n) for n in names], usetex=False)
    ax2.invert_yaxis()
    ax2.set_xlim(0, 100)
    ax2.set_xlabel("% of the points of the items answered")
    ax2.set_title("Score per student")
    return fig


def class_charts_html(results: ClassResults) -> Html:
    """The same two charts as :func:`class_charts`, as HTML bars: quick to draw, printable, readable offline."""
    difficulty = results.item_difficulty()
    number = {q.id: n for n, q in enumerate(results.lesson.quiz, start=1)}
    items = [
        (number[item], item, f"{share * 100:.0f}", _colour(share))
        for item, share in sorted(difficulty.items(), key=lambda kv: number[kv[0]])
    ]
    students = [
        (name, f"{_share(got, total) * 100:.0f}") for name, (got, total) in sorted(results.student_scores().items())
    ]
    return style() + template(_TEMPLATE).module.charts(items=items, students=students)  # type: ignore[attr-defined]
