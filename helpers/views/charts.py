"""Charts with Arabic labels, drawn by matplotlib (>= 3.11 shapes Arabic itself).

Labels are passed as plain Arabic strings: matplotlib 3.11 joins and orders
them right to left on its own, and the old arabic_reshaper + python-bidi recipe
now *reverses* them. Nothing here runs at import time: call
:func:`use_arabic_font` once to draw with Amiri (a Naskh face made for reading),
with DejaVu Sans as the fallback for Latin letters and digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.lesson.model import Lesson
from helpers.study.vocab import frequencies

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["ARABIC_FONTS", "chart_image", "frequency_chart", "png_bytes", "use_arabic_font"]

#: Font families tried in order for every chart label.
ARABIC_FONTS = ["Amiri", "DejaVu Sans"]


def use_arabic_font() -> list[str]:
    """Register Amiri (from the fontpkg-amiri package) and make it matplotlib's first sans-serif font.

    Returns the font list now in use. Without fontpkg-amiri, DejaVu Sans is used
    (it covers Arabic too, less elegantly).
    """
    import matplotlib
    from matplotlib import font_manager

    try:
        from pathlib import Path

        import fontpkg_amiri

        folder = Path(fontpkg_amiri.__file__).parent / "files"
        for name in ("Amiri-Regular.ttf", "Amiri-Bold.ttf"):  # the faces the charts use
            if not any(f.fname.endswith(name) for f in font_manager.fontManager.ttflist):
                font_manager.fontManager.addfont(str(folder / name))
        families = ARABIC_FONTS
    except ImportError:
        families = ARABIC_FONTS[1:]
    # A list of concrete families: matplotlib falls back glyph by glyph (≈ and Latin from DejaVu Sans).
    matplotlib.rcParams["font.family"] = families
    return families


def frequency_chart(lesson: Lesson, top: int = 15) -> Figure:
    """A horizontal bar chart of the article's most frequent content words (glossary headwords)."""
    from matplotlib.figure import Figure

    data = frequencies(lesson)[:top]
    height = 0.42 * max(len(data), 3) + 1.0
    fig = Figure(figsize=(7.5, height), dpi=110)
    fig.subplots_adjust(left=0.42, right=0.97, top=1 - 0.45 / height, bottom=0.55 / height)  # fixed: fast to draw
    ax = fig.subplots()
    labels = [f"{entry.headword}  ({entry.gloss})" for entry, _ in data]
    counts = [n for _, n in data]
    ax.barh(range(len(data)), counts, color="#5b8bd0")
    ax.set_yticks(range(len(data)), labels, fontsize=12)
    ax.invert_yaxis()
    ax.set_xlabel("occurrences in the article")
    ax.set_title(f"The {len(data)} most frequent content words · الكلمات الأكثر تكرارًا", fontsize=13)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return fig


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes (what a test or a file needs)."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_image(fig: Figure):
    """The figure as an image for a notebook cell (shown once, also in static HTML)."""
    from IPython.display import Image

    return Image(data=png_bytes(fig), format="png")
