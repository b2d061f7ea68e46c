"""HTML building blocks: Arabic and English elements, marked spans, the kit's stylesheet and templates.

HTML is a type here, not a convention: every function returns MarkupSafe's ``Markup``; plain ``str`` given to
it is escaped, ``Markup`` is kept as it is. Build larger fragments the same way (``Markup("<b>{}</b>").format(x)``,
``Markup("").join(parts)``) or in a Jinja2 template (:func:`render`, autoescaped), never with f-strings of tags:
``Markup + str`` escapes the ``str``. Arabic carries ``dir="rtl" lang="ar"``, English ``dir="ltr" lang="en"``.

>>> ar("<b>") + Markup("<br>") + "<i>"
Markup('<span class="khabar-ar" dir="rtl" lang="ar">&lt;b&gt;</span><br>&lt;i&gt;')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from helpers.text.arabic import arabic_runs, contains_arabic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from jinja2 import Environment, Template

__all__ = [
    "ARABIC_BLOCK_STYLE",
    "DRAFT_MARK",
    "HIDDEN_STYLE",
    "Html",
    "Markup",
    "ar",
    "ar_or_text",
    "draft_mark",
    "en",
    "escape",
    "marked",
    "mixed",
    "render",
    "style",
    "stylesheet",
    "template",
]


class Html(Markup):
    """HTML that Jupyter renders: a MarkupSafe ``Markup``, so text joined to it is escaped, never trusted."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


# -- the stylesheet ------------------------------------------------------------------------------

_SECTION = re.compile(r"/\* == (\w+) ==[^*]*\*/\n(.*?)(?=/\* == \w+ ==|\Z)", re.S)

#: The only inline styles the kit writes: what must still hold on a page without the stylesheet. JupyterLab
#: drops ``<style>`` elements from the saved outputs of a notebook that is not trusted yet (the state of every
#: notebook a learner has just downloaded) but keeps ``style`` attributes: gloss cards stay hidden until hovered,
#: and Arabic blocks stay right-aligned against the notebook's own ``p { text-align: left }``.
HIDDEN_STYLE = "display: none"
ARABIC_BLOCK_STYLE = "text-align: right"
#: What a learner reads on anything a machine drafted and no teacher has checked yet.
DRAFT_MARK = "Draft: not yet checked by a teacher."


def draft_mark(record: object, tag: str = "div") -> Markup:
    """The "not yet checked" mark for a draft record (a sentence, entry, item, event or word), else nothing."""
    if not getattr(record, "draft", False):
        return Markup("")
    return Markup('<{0} class="khabar-draft-mark" dir="ltr" lang="en">{1}</{0}>').format(Markup(tag), DRAFT_MARK)


@cache
def _sections() -> dict[str, str]:
    text = (Path(__file__).parent / "static" / "khabar.css").read_text(encoding="utf-8")
    return {name: body.strip() for name, body in _SECTION.findall(text)}


def stylesheet(section: str = "screen") -> str:
    """One section of the kit's stylesheet (``static/khabar.css``): "screen", "print" or "anki".

    >>> ".khabar-ar" in stylesheet("screen"), "page-break-inside" in stylesheet("print")
    (True, True)
    """
    try:
        return _sections()[section]
    except KeyError:
        raise ValueError(f"the stylesheet has no section {section!r} (it has {', '.join(_sections())})") from None


def style() -> Html:
    """The kit's stylesheet as a ``<style>`` element, to display once per notebook (views include it)."""
    return Html("<style>{}</style>").format(Markup(stylesheet("screen")))


# -- elements ------------------------------------------------------------------------------------

_TAGS = frozenset({"span", "div", "p", "td", "th", "li", "b", "h1", "h2", "h3"})


def _element(tag: str, cls: str, lang: str, direction: str, body: str, style: str = "") -> Markup:
    if tag not in _TAGS:
        raise ValueError(f"not an element the kit writes: {tag!r}")
    attributes = Markup(' style="{}"').format(style) if style else Markup("")
    return Markup('<{0} class="{1}" dir="{2}" lang="{3}"{4}>{5}</{0}>').format(
        Markup(tag), cls, direction, lang, attributes, body
    )


def ar(text: str, tag: str = "span", cls: str = "khabar-ar") -> Markup:
    """Arabic text in an element with ``dir="rtl" lang="ar"``: plain text is escaped, ``Markup`` kept.

    >>> ar("<b>")
    Markup('<span class="khabar-ar" dir="rtl" lang="ar">&lt;b&gt;</span>')
    >>> ar(Markup("<b>وقع</b>"), tag="p")
    Markup('<p class="khabar-ar" dir="rtl" lang="ar" style="text-align: right"><b>وقع</b></p>')
    """
    return _element(tag, cls, "ar", "rtl", text, "" if tag == "span" else ARABIC_BLOCK_STYLE)


def en(text: str, tag: str = "span", cls: str = "khabar-en") -> Markup:
    """English text in an element with ``dir="ltr" lang="en"``: plain text is escaped, ``Markup`` kept.

    >>> en('say "hi" & go', tag="p")
    Markup('<p class="khabar-en" dir="ltr" lang="en">say &#34;hi&#34; &amp; go</p>')
    """
    return _element(tag, cls, "en", "ltr", text)


def ar_or_text(text: str, cls: str = "khabar-ar-inline") -> Markup:
    """Text of unknown language (a student's answer, a quiz key): inline Arabic if it has an Arabic letter.

    >>> ar_or_text("وقع"), ar_or_text("<b>")
    (Markup('<span class="khabar-ar-inline" dir="rtl" lang="ar">وقع</span>'), Markup('&lt;b&gt;'))
    """
    return ar(text, cls=cls) if contains_arabic(text) else escape(text)


def marked(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """Escape ``text`` and wrap the given character spans in ``<mark>``.

    >>> marked("a<b>c", [(1, 4)])
    Markup('a<mark class="khabar-mark">&lt;b&gt;</mark>c')
    """
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue  # overlapping spans: the first wins
        out += [escape(text[last:start]), Markup('<mark class="khabar-mark">{}</mark>').format(text[start:end])]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def mixed(text: str) -> Markup:
    """English text quoting Arabic: escaped, each Arabic run isolated right to left.

    >>> mixed("<i>خطوة</i> means step")
    Markup('&lt;i&gt;<span class="khabar-ar-inline" dir="rtl" lang="ar">خطوة</span>&lt;/i&gt; means step')
    """
    out, last = [], 0
    for start, end in arabic_runs(text):
        out += [escape(text[last:start]), ar(text[start:end], cls="khabar-ar-inline")]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


# -- templates -----------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    """The one Jinja2 environment (templates in ``views/templates``, autoescaped), made on first use."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("helpers.views", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(ar=ar, en=en, mixed=mixed, ar_or_text=ar_or_text, marked=marked)
    env.globals.update(stylesheet=stylesheet)
    return env


def template(name: str) -> Template:
    """A template of ``views/templates`` (filters ``ar``, ``en``, ``mixed``, ``ar_or_text``, ``marked``)."""
    return _environment().get_template(name)


def render(name: str, **context: object) -> Html:
    """Render a template of ``views/templates`` to :class:`Html`; every value not ``Markup`` is escaped."""
    return Html(template(name).render(**context))
