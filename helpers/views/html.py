"""HTML building blocks: Arabic and English elements, marked spans, the kit's stylesheet.

Every function escapes the text it is given. Arabic carries ``dir="rtl" lang="ar"``,
English ``dir="ltr" lang="en"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from helpers.text.arabic import arabic_runs

__all__ = ["CSS", "Html", "ar", "en", "marked", "style"]


class Html(str):
    """A string of HTML that Jupyter renders (and tests can search as text)."""

    def _repr_html_(self) -> str:
        return str(self)


CSS = """
.khabar-ar { font-family: 'Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif;
  font-size: 1.45em; line-height: 2.1; direction: rtl; text-align: right; unicode-bidi: isolate; }
.khabar-en { font-size: 1.0em; line-height: 1.5; direction: ltr; text-align: left; color: #333; }
.khabar-focus { border: 1px solid #c8d3e0; border-radius: 6px; padding: 0.4em 0.9em; background: #f8fafc; }
.khabar-focus > p.khabar-ar { font-size: 1.9em; }
.khabar-ar-inline { font-family: 'Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif;
  font-size: 1.15em; unicode-bidi: isolate; }
.khabar-sid { font-family: monospace; font-size: 0.8em; color: #667; }
.khabar-article .khabar-s { cursor: default; }
.khabar-article .khabar-current { background: #fff2b3; border-radius: 3px; }
.khabar-article p.khabar-ar { margin: 0 0 0.6em 0; }
.khabar-en-block { margin: 0 0 0.9em 0; }
.khabar-notes { margin-top: 0.5em; }
.khabar-note { border-left: 3px solid #d98b00; padding: 0.1em 0.7em; margin: 0.5em 0; }
.khabar-note .khabar-kind { font-variant: small-caps; color: #8a5a00; }
.khabar-gloss { border-bottom: 2px dotted #5b8bd0; position: relative; cursor: help; }
.khabar-gloss.khabar-unknown { border-bottom: 2px solid #d9534f; background: #fff4f3; }
.khabar-gloss:hover > .khabar-pop, .khabar-gloss:focus > .khabar-pop, .khabar-gloss:focus-within > .khabar-pop {
  display: block !important; }
.khabar-pop { position: absolute; z-index: 20; top: 100%; right: 0; min-width: 24em; max-width: 34em;
  background: #fffef6; border: 1px solid #c9b97a; border-radius: 6px; padding: 0.3em 0.6em;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); font-size: 0.62em; line-height: 1.5; text-align: left;
  white-space: normal; font-family: system-ui, 'DejaVu Sans', sans-serif; color: #222; }
.khabar-focus .khabar-pop { font-size: 0.5em; }
.khabar-card-face { font-size: 2.6em; text-align: center !important; margin: 0.3em 0; }
div.khabar-en.khabar-card-face { font-size: 1.8em; }
.khabar-headword { font-family: 'Amiri', 'Noto Naskh Arabic', 'DejaVu Sans', serif; font-size: 1.5em; }
.khabar-entry { border-bottom: 1px solid #e3e3e3; padding: 0.4em 0; }
.khabar-example { font-size: 1.2em; }
.khabar-pop-line { display: block; }
.khabar-pop-head { font-family: 'Amiri', 'Noto Naskh Arabic', 'DejaVu Sans', serif; font-size: 1.6em; }
.khabar-right { color: #1d6b2c; } .khabar-partly { color: #8a5a00; } .khabar-wrong { color: #a52a2a; }
.khabar-evidence { border-right: 3px solid #5b8bd0; padding: 0 0.6em; margin: 0.3em 0; }
.khabar-cloze { font-size: 1.6em; }
.khabar-item { border-top: 1px solid #ddd; padding: 0.5em 0; }
.khabar-rtl-input input { direction: rtl; text-align: right; font-size: 1.3em; }
.khabar-rtl .widget-checkbox, .khabar-rtl label { direction: rtl; text-align: right; }
mark.khabar-mark { background: #ffd97a; padding: 0 1px; border-radius: 2px; }
table.khabar-table td, table.khabar-table th { text-align: left; vertical-align: top; padding: 0.2em 0.6em; }
.khabar-rtl, .khabar-rtl input, .khabar-rtl select { direction: rtl; text-align: right; }
.khabar-rtl .widget-radio-box input { float: right; margin: 0 0 0 8px; }
"""


#: Table cells read left to right from the top, whatever the notebook's own table style says.
_LEFT = ' style="text-align: left; vertical-align: top"'


def style() -> Html:
    """The kit's stylesheet, to display once per notebook (views include it)."""
    return Html(f"<style>{CSS}</style>")


def ar(text: str, tag: str = "span", cls: str = "khabar-ar", raw: bool = False) -> str:
    """Arabic text in an element with ``dir="rtl" lang="ar"`` (escaped unless ``raw``)."""
    body = text if raw else escape(text)
    align = "" if tag == "span" else ' style="text-align: right"'  # beats notebook themes' p { left }
    return f'<{tag} class="{cls}" dir="rtl" lang="ar"{align}>{body}</{tag}>'


def en(text: str, tag: str = "span", cls: str = "khabar-en") -> str:
    """English text in an element with ``dir="ltr" lang="en"``, escaped."""
    return f'<{tag} class="{cls}" dir="ltr" lang="en">{escape(text)}</{tag}>'


def marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap the given character spans in ``<mark>``.

    >>> marked("a<b>c", [(1, 4)])
    'a<mark class="khabar-mark">&lt;b&gt;</mark>c'
    """
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue  # overlapping spans: the first wins
        out += [escape(text[last:start]), f'<mark class="khabar-mark">{escape(text[start:end])}</mark>']
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def _mixed(text: str) -> str:
    """English text quoting Arabic: escaped, each Arabic run isolated right to left."""
    out, last = [], 0
    for start, end in arabic_runs(text):
        out += [escape(text[last:start]), ar(text[start:end], cls="khabar-ar-inline")]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)
