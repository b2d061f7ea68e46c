"""HTML is a type: whatever text a lesson holds, the views write only the markup they mean to.

Property tests (hypothesis) feed the HTML builders text full of markup, quotes, entities and Arabic, and
parse what comes out: every element and attribute must be one the kit writes, and the text must come out as
the same text, escaped exactly once. ``Markup`` (a fragment already built) passes through unescaped, once.
"""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

import helpers
from helpers.views.html import Html, ar, en, marked, mixed, render
from helpers.views.lesson import sentence_html
from helpers.views.timeline import event_html
from helpers.views.vocab import entry_card

#: Pieces an attacker (or a careless editor) could put in a lesson file.
ATTACKS = [
    "<script>alert(1)</script>",
    "</style><script>x</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' x='",
    "<b>bold</b>",
    "&amp;",
    "&lt;b&gt;",
    "&#34;",
    "<!-- -->",
    "<![CDATA[x]]>",
    "$x^2$",
    "{} {0} {name}",
    "%s",
    "\\",
    "وقع",
    "مُذَكِّرَة",
    "«نحن»",
    " ",
]
TEXT = st.lists(st.one_of(st.sampled_from(ATTACKS), st.text(max_size=6)), max_size=6).map("".join)

#: What the kit writes: these elements, these attributes, and for some attributes only these values.
TAGS = {"span", "div", "p", "b", "i", "br", "mark", "small"}
ATTRIBUTES = {"class", "dir", "lang", "style", "tabindex", "data-entry", "data-sid", "title"}
VALUES = {
    "dir": {"rtl", "ltr"},
    "lang": {"ar", "en"},
    "style": {"text-align: right", "display: none"},
    "tabindex": {"0"},
}


class _Parsed(HTMLParser):
    """Every element with its attributes, and all the text (hidden gloss cards included)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:  # none is written: one would be injected
        self.elements.append(("!--", ()))

    def unknown_decl(self, data: str) -> None:
        self.elements.append(("![", ()))


def parse(html: str) -> _Parsed:
    return _Parsed(str(html))


def assert_only_kit_markup(html: str, entry_ids: set[str] = frozenset(), sentence_ids: set[str] = frozenset()):
    """Every element and attribute in ``html`` is one the kit writes, with a value it writes."""
    for tag, attrs in parse(html).elements:
        assert tag in TAGS, (tag, html)
        for name, value in attrs:
            assert name in ATTRIBUTES, (tag, name, html)
            if name in VALUES:
                assert value in VALUES[name], (tag, name, value)
            if name == "class":
                assert value and all(c.startswith("khabar-") for c in value.split()), value
            if name == "data-entry":
                assert value in entry_ids, value
            if name == "data-sid":
                assert value in sentence_ids, value


def structure(html: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    return parse(html).elements


def text_of(html: str) -> str:
    return "".join(parse(html).text)


# -- the primitives ------------------------------------------------------------------------------


@given(TEXT)
def test_ar_and_en_write_one_element_and_the_text_escaped_once(text):
    for html, lang, direction in ((ar(text), "ar", "rtl"), (en(text, tag="p"), "en", "ltr")):
        assert isinstance(html, Markup)
        assert len(structure(html)) == 1
        _, attrs = structure(html)[0]
        assert dict(attrs)["lang"] == lang and dict(attrs)["dir"] == direction
        assert text_of(html) == text


@given(TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=4))
def test_marked_writes_only_its_marks(text, spans):
    spans = [(a, b) for a, b in spans if a < b <= len(text)]
    html = marked(text, spans)
    assert text_of(html) == text
    assert {tag for tag, _ in structure(html)} <= {"mark"}
    kept, last = 0, 0
    for a, b in sorted(set(spans)):
        if a >= last:
            kept, last = kept + 1, b
    assert len(structure(html)) == kept


@given(TEXT)
def test_mixed_isolates_arabic_and_writes_nothing_else(text):
    html = mixed(text)
    assert text_of(html) == text
    assert all(tag == "span" and dict(attrs)["lang"] == "ar" for tag, attrs in structure(html))
    assert_only_kit_markup(html)


@given(TEXT)
def test_markup_passes_through_unescaped_exactly_once(text):
    fragment = Markup('<b class="khabar-x">{}</b>').format(text)
    for wrapped in (ar(fragment, tag="div"), en(fragment), ar(en(fragment), tag="p")):
        assert str(wrapped).count(str(fragment)) == 1
        assert text_of(wrapped) == text  # the text inside: escaped once, not twice
    assert text_of(ar(en(text))) == text  # plain text nested twice is still escaped only once
    joined = Markup("").join([fragment, text])
    assert str(joined).count(str(fragment)) == 1 and text_of(joined) == text + text


def test_html_joined_to_plain_text_escapes_the_text():
    assert Html("<b>{}</b>").format("<i>") == "<b>&lt;i&gt;</b>"
    assert Html("<br>") + "<i>" == "<br>&lt;i&gt;"
    assert isinstance(Html("<br>") + "x", Html)


def test_templates_escape_what_they_are_given():
    html = render("class_report.html.j2")  # only macros: renders to nothing, but loads and compiles
    assert str(html).strip() == ""
    with pytest.raises(ValueError, match="not an element"):
        ar("x", tag="script")


# -- the views built from lesson text -------------------------------------------------------------


@st.composite
def evil_sentence(draw, lesson):
    """A real sentence with text added to every field, its notes and glossary entries rewritten the same way."""
    base = draw(st.sampled_from(lesson.sentences))
    extra = draw(TEXT)
    sentence = replace(base, ar=base.ar + extra, ar_vocalized=base.ar_vocalized + extra, en=draw(TEXT))
    notes = [
        replace(n, kind=draw(TEXT), title=draw(TEXT), text=draw(TEXT), usual=draw(st.none() | TEXT))
        for n in lesson.notes_for(base.id)
    ]
    entries = [
        replace(e, headword=draw(TEXT), gloss=draw(TEXT), translit=draw(TEXT), pos=draw(TEXT),
                root_note=draw(TEXT) if e.root is None else None)
        for e in lesson.glossary_for(base.id)
    ]  # fmt: skip
    known = draw(st.sets(st.sampled_from([e.id for e in entries]))) if entries else set()
    return sentence, notes, entries, known


@settings(max_examples=150)  # each example renders a whole sentence with its glosses and notes
@given(data=st.data(), vocalized=st.booleans())
def test_sentence_html_writes_only_its_own_markup(lesson, data, vocalized):
    sentence, notes, entries, known = data.draw(evil_sentence(lesson))
    html = sentence_html(sentence, vocalized=vocalized, translation=True, notes=notes, glossary=entries, known=known)
    assert_only_kit_markup(html, entry_ids={e.id for e in entries})
    text = text_of(html)
    assert sentence.en in text
    for n in notes:
        assert n.kind in text
        if n.usual is not None:
            assert n.usual in text
    for e in entries:
        assert e.gloss in text and e.translit in text
    by_id = {e.id: e for e in entries}
    for _, attrs in structure(html):
        if "data-entry" in dict(attrs):  # a glossed word: its title attribute is its entry's, whole
            entry = by_id[dict(attrs)["data-entry"]]
            assert dict(attrs)["title"] == f"{entry.headword} — {entry.gloss}"


@given(
    data=st.data(), word=TEXT, gloss=TEXT, note=TEXT, tags=st.lists(TEXT, max_size=3), known=st.none() | st.booleans()
)
def test_entry_card_writes_only_its_own_markup(lesson, data, word, gloss, note, tags, known):
    entry = data.draw(st.sampled_from(lesson.glossary))
    evil = replace(entry, headword=word, gloss=gloss, translit=word, pos=gloss, verb_form=note or None,
                   present=word or None, plural=note or None, tags=tuple(tags), note=note or None)  # fmt: skip
    html = entry_card(lesson, evil, known)
    assert_only_kit_markup(html, entry_ids={entry.id})
    text = text_of(html)
    assert word in text and gloss in text and all(t in text for t in tags)
    assert ("not known yet" in text) == (known is False)


@given(data=st.data(), label=TEXT, source=TEXT, expression=TEXT, verify=st.none() | TEXT)
def test_event_html_writes_only_its_own_markup(lesson, data, label, source, expression, verify):
    event = data.draw(st.sampled_from(lesson.timeline))
    evil = replace(event, label=helpers.Bilingual(label, label), source=source, category=label, confidence=source,
                   expression=expression or event.expression, verify=verify)  # fmt: skip
    html = event_html(lesson, evil, teacher=True)
    assert_only_kit_markup(html)
    text = text_of(html)
    assert label in text and source in text
    if verify is not None:
        assert verify in text
    learner = text_of(event_html(lesson, replace(evil, verify="Check the date with the embassy.")))
    assert "To verify" not in learner and "the embassy" not in learner  # a teacher's note, not a learner's
