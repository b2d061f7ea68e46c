"""A class's results as HTML tables and charts, for the teacher notebook.

The HTML is the template ``templates/class_report.html.j2`` (autoescaped): a student's name is text, whatever
it holds. The results come through :class:`~helpers.study.classroom.ClassResults` only. Every share shown is a
number from 0 to 100 % (never ``inf`` or ``NaN``), and the time taken grows with the number of students, no
faster. The matplotlib chart names each student up to :data:`NAMED_STUDENTS`; a larger class is shown as how
many students reached each band of scores.
"""

from __future__ import annotations

import math

from helpers.study.classroom import ClassResults
from helpers.views.html import Html, Markup, en, mixed, style, template

__all__ = ["NAMED_STUDENTS", "class_charts", "class_charts_html", "class_results_html"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from matplotlib.figure import Figure

_TEMPLATE = "class_report.html.j2"

#: The most students the matplotlib chart names one bar each (more names would not be readable).
NAMED_STUDENTS = 60


def _share(got: float, total: float) -> float:
    """``got / total`` as a share from 0 to 1; 0 when there is nothing to share or a number is not finite.

    >>> _share(3, 4), _share(1, 0), _share(float("inf"), 4), _share(float("nan"), 4), _share(5, 4)
    (0.75, 0.0, 0.0, 0.0, 1.0)
    """
    if not total or not math.isfinite(got) or not math.isfinite(total):
        return 0.0
    return min(max(got / total, 0.0), 1.0)


def _points(got: float, total: float) -> str:
    """ "earned / of": what was earned, from 0 to the points of the items answered.

    >>> _points(2.5, 4), _points(float("nan"), 4), _points(1e308, 4), _points(-1, 4)
    ('2.5 / 4', '0 / 4', '4 / 4', '0 / 4')
    """
    return f"{_share(got, total) * total:g} / {total:g}"


def _colour(share: float) -> str:
    """The bar's colour class: red under half the points, orange under three quarters, else green."""
    return "low" if share < 0.5 else "mid" if share < 0.75 else "high"


def class_results_html(results: ClassResults) -> Html:
    """The class in a table: each student's score, then the items that went worst with their common wrong answers."""
    scores = results.student_scores()
    students = [(name, _points(got, total), f"{_share(got, total):.0%}") for name, (got, total) in scores.items()]
    wrong = results.common_wrong_answers()
    hardest = sorted(results.item_difficulty().items(), key=lambda kv: kv[1])[:8]
    part = template(_TEMPLATE).module.results(  # type: ignore[attr-defined]
        count=len(students),
        students=students,
        hardest=[(item, f"{_share(share, 1):.0%}", wrong.get(item, [])) for item, share in hardest],
        skipped=list(results.skipped),
    )
    notes = Markup("").join(en(mixed(line), tag="p") for line in results.notes)
    return style() + part + notes


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
    values = [_share(difficulty[i], 1) * 100 for i in ids]
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
    if len(names) > NAMED_STUDENTS:  # a bar per student would be a blur: how many students in each band
        bands = [0] * 10
        for share in shares:
            bands[min(int(share // 10), 9)] += 1
        ax2.bar([10 * b + 5 for b in range(10)], bands, width=9, color="#5b8bd0")
        ax2.set_xlim(0, 100)
        ax2.set_xticks(range(0, 101, 10))
        ax2.set_xlabel("% of the points of the items answered")
        ax2.set_ylabel("students")
        ax2.set_title(f"Scores of the {len(names)} students")
        return fig
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
        (number[item], item, f"{_share(share, 1) * 100:.0f}", _colour(_share(share, 1)))
        for item, share in sorted(difficulty.items(), key=lambda kv: number[kv[0]])
    ]
    students = [(name, f"{_share(got, total) * 100:.0f}") for name, (got, total) in results.student_scores().items()]
    return style() + template(_TEMPLATE).module.charts(items=items, students=students)  # type: ignore[attr-defined]
