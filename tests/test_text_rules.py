"""One rule for text, held in every text field of every lesson file.

No markup (tags, entities, ``javascript:``), no control characters, no bidirectional overrides, embeddings or
isolates, and no field longer than the limit; ``x < y`` is text, not markup. The rule is tested as a function
(tables and property tests), then through the loader: a payload put in each text field of each file kind in turn
is reported naming the file, the entry and the field.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from helpers import LessonError, load_lesson
from helpers.lesson.field_checks import MAX_FIELD_CHARS, looks_like_markup, text_problems
from helpers.lesson.problems import Problem

from .conftest import LESSON_DIR

# -- the rule as a function -------------------------------------------------------------------------------

MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</p>",
    "<b>bold</b>",
    "<!-- a comment -->",
    "<?xml version='1.0'?>",
    "<svg/onload=alert(1)>",
    "&amp;",
    "&#60;script&#62;",
    "&#x3c;",
    "javascript:alert(1)",
    "JavaScript:void(0)",
    "وقّع <i>الوزيران</i>",
]
NOT_MARKUP = [
    "x < y",
    "5 < 6 & 7 > 3",
    "5<6",
    "a <= b and c >= d",
    "AT&T",
    "Q&A",
    "a & b; c",
    "time: 10:30",
    "<< and >>",
    "وقّع الوزيران مذكرة",
    "<",
    "&",
]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_is_named(text):
    assert looks_like_markup(text)
    assert [m for m in text_problems(text) if m.startswith("contains HTML markup at character ")]


@pytest.mark.parametrize("text", NOT_MARKUP)
def test_text_that_only_looks_a_little_like_markup_is_text(text):
    assert not looks_like_markup(text)
    assert text_problems(text) == []


#: Each character no text holds: how the message names it, and what it asks for.
UNSAFE = {
    "\x00": ("the control character U+0000 NULL", "delete it"),
    "\x07": ("the control character U+0007 BELL", "delete it"),
    "\x08": ("the control character U+0008 BACKSPACE", "delete it"),
    "\x0b": ("the control character U+000B LINE TABULATION", "delete it"),
    "\x0c": ("the control character U+000C FORM FEED", "delete it"),
    "\r": ("the control character U+000D CARRIAGE RETURN", "delete it"),
    "\x1b": ("the control character U+001B ESCAPE", "delete it"),
    "\x7f": ("the control character U+007F DELETE", "delete it"),
    "\x85": ("the control character U+0085", "delete it"),
    "\x9b": ("the control character U+009B", "delete it"),
    "\u202a": (
        "the bidirectional embedding U+202A LEFT-TO-RIGHT EMBEDDING",
        "it reorders the text shown after it: delete it",
    ),
    "\u202b": (
        "the bidirectional embedding U+202B RIGHT-TO-LEFT EMBEDDING",
        "it reorders the text shown after it: delete it",
    ),
    "\u202c": (
        "the bidirectional formatting character U+202C POP DIRECTIONAL FORMATTING",
        "it reorders the text shown after it: delete it",
    ),
    "\u202d": (
        "the bidirectional override U+202D LEFT-TO-RIGHT OVERRIDE",
        "it reorders the text shown after it: delete it",
    ),
    "\u202e": (
        "the bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE",
        "it reorders the text shown after it: delete it",
    ),
    "\u2066": (
        "the bidirectional isolate U+2066 LEFT-TO-RIGHT ISOLATE",
        "it reorders the text shown after it: delete it",
    ),
    "\u2067": (
        "the bidirectional isolate U+2067 RIGHT-TO-LEFT ISOLATE",
        "it reorders the text shown after it: delete it",
    ),
    "\u2068": (
        "the bidirectional isolate U+2068 FIRST STRONG ISOLATE",
        "it reorders the text shown after it: delete it",
    ),
    "\u2069": (
        "the bidirectional isolate U+2069 POP DIRECTIONAL ISOLATE",
        "it reorders the text shown after it: delete it",
    ),
    "\u2028": ("the line separator U+2028 LINE SEPARATOR", "use a line break"),
    "\u2029": ("the paragraph separator U+2029 PARAGRAPH SEPARATOR", "use a line break"),
    "\U000e0041": ("the invisible tag character U+E0041 TAG LATIN CAPITAL LETTER A", "delete it"),
    "\ud800": ("U+D800, which is not a character,", "delete it"),
    "\ufffe": ("U+FFFE, which is not a character,", "delete it"),
}


@pytest.mark.parametrize("ch, message", UNSAFE.items(), ids=[f"U+{ord(c):04X}" for c in UNSAFE])
def test_each_character_no_text_holds_is_named_with_where_it_is(ch, message):
    named, advice = message
    assert text_problems(f"وقّع{ch} الوزيران{ch}") == [f"contains {named} at character 5, and 1 more time; {advice}"]


#: What lesson text may hold: letters of any script and their marks, digits, punctuation, spaces, a tab and line
#: breaks, and the invisible marks Arabic text uses (LRM, RLM, ALM, ZWNJ, ZWJ).
ALLOWED_MARKS = "\t\n\u200e\u200f\u061c\u200c\u200d"
SAFE_TEXT = st.text(
    st.characters(
        categories=("L", "M", "N", "P", "S", "Zs"),
        exclude_characters="<&:",  # markup needs one of them; tested apart above
    )
    | st.sampled_from(ALLOWED_MARKS),
    max_size=200,
)


@given(SAFE_TEXT)
def test_ordinary_text_of_any_script_breaks_no_rule(text):
    assert text_problems(text) == []


@given(SAFE_TEXT, st.sampled_from(sorted(UNSAFE)), st.data())
def test_one_unsafe_character_anywhere_is_named_at_its_place(text, ch, data):
    at = data.draw(st.integers(0, len(text)))
    problems = text_problems(text[:at] + ch + text[at:])
    assert len(problems) == 1
    assert f"U+{ord(ch):04X}" in problems[0] and f"at character {at + 1};" in problems[0]


def test_a_field_over_the_limit_is_only_told_its_length():
    assert text_problems("<b>" + "\x00" * MAX_FIELD_CHARS) == [
        f"is {MAX_FIELD_CHARS + 3:,} characters long; a field holds at most {MAX_FIELD_CHARS:,}"
    ]
    assert text_problems("a" * MAX_FIELD_CHARS) == []


def test_many_kinds_of_control_character_are_counted_after_the_first_three():
    problems = text_problems("a\x01b\x02c\x03d\x04e\x05f\x05")
    assert len(problems) == 4
    assert problems[-1] == "contains 3 more control characters of 2 other kinds; delete them"


# -- the rule through the loader: every text field of every file kind ----------------------------------------

FILES = ("lesson.yaml", "sentences.yaml", "notes.yaml", "glossary.yaml", "quiz.yaml", "timeline.yaml")
PARTS = {"options": "option", "steps": "step", "pairs": "pair"}
#: Fields whose schema allows only a pattern (ids, dates, file names, roots, a timeline thread's event ids) or a list
#: of values: a payload there is refused by the schema, at the same place.
CONSTRAINED = {
    "id", "level", "source.language", "article", "kind", "sentences", "root", "pos", "verb_form", "tags",
    "root_note", "type", "skill", "evidence", "sentence", "strictness", "date", "precision", "category",
    "confidence", "end", "events",
}  # fmt: skip
PAYLOAD = " <b>x</b> \x00 \u202e"


def _leaves(node, entry=None, within=(), path=(), item=None, keys=()):
    """Every string of a file's data: (keys to reach it, entry, parts within it, field, list position)."""
    if isinstance(node, str):
        yield keys, entry, within, ".".join(path) or None, item
    elif isinstance(node, dict):
        if entry is None and isinstance(node.get("id"), str):
            entry = node["id"]
        for name, value in node.items():
            yield from _leaves(value, entry, within, (*path, name), None, (*keys, name))
    elif isinstance(node, list):
        name = path[-1] if path else None
        for index, child in enumerate(node):
            ident = child.get("id") if isinstance(child, dict) else None
            if name in PARTS:
                yield from _leaves(child, entry, (*within, (PARTS[name], ident or index + 1)), (), None, (*keys, index))
            elif isinstance(child, dict):
                yield from _leaves(child, ident, (), (), None, (*keys, index))
            else:
                yield from _leaves(child, entry, within, path, index + 1, (*keys, index))


def _read(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _text_fields() -> list[tuple[str, tuple]]:
    """The first occurrence of each text field of each file (a field of every entry kind, each part kind)."""
    cases = []
    for name in FILES:
        seen = set()
        for keys, _entry, within, field, _item in _leaves(_read(LESSON_DIR / name)):
            shape = (tuple(label for label, _ in within), field)
            if shape not in seen:
                seen.add(shape)
                cases.append((name, keys))
    return cases


TEXT_FIELDS = _text_fields()


def _case_id(case):
    name, keys = case
    return name + ":" + ".".join(str(k) for k in keys)


def test_every_kind_of_text_field_is_tried():
    fields = {(name, next(k for k in reversed(keys) if isinstance(k, str))) for name, keys in TEXT_FIELDS}
    for wanted in [("quiz.yaml", "left"), ("quiz.yaml", "right"), ("quiz.yaml", "bank"), ("quiz.yaml", "key"),
                   ("quiz.yaml", "if_true"), ("quiz.yaml", "gap"), ("quiz.yaml", "text"), ("glossary.yaml", "translit"),
                   ("lesson.yaml", "materials"), ("timeline.yaml", "verify"), ("notes.yaml", "usual")]:  # fmt: skip
        assert wanted in fields
    assert len(TEXT_FIELDS) >= 70


@pytest.mark.parametrize("case", TEXT_FIELDS, ids=_case_id)
def test_a_payload_in_any_text_field_is_reported_naming_file_entry_and_field(lesson_copy, case):
    name, keys = case
    data = _read(lesson_copy / name)
    node = data
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] += PAYLOAD
    (lesson_copy / name).write_text(
        yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    _keys, entry, within, field, item = next(leaf for leaf in _leaves(data) if leaf[0] == keys)
    place = f"{name}: {Problem(name, entry, field, '', within, item).path}: "
    with pytest.raises(LessonError) as info:
        load_lesson(lesson_copy)
    found = [str(p).replace(f"{lesson_copy}{os.sep}", "") for p in info.value.problems]
    here = [p for p in found if p.startswith(place)]
    assert here, f"nothing reported at {place!r}: {found[:3]}"
    if field in CONSTRAINED:
        assert any("is not in the expected form" in p or "is not one of" in p for p in here)
    else:
        assert any(p.startswith(place + "contains HTML markup at character ") for p in here), here
        assert any(p.startswith(place + "contains the control character U+0000 NULL at character ") for p in here)
        assert any(
            p.startswith(place + "contains the bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE") for p in here
        )


def test_a_payload_in_the_article_is_reported_by_line(lesson_copy):
    # (A NUL byte makes the whole file unreadable as text, which the loader says before any line is read.)
    article = lesson_copy / "article.ar.txt"
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[2] += " <b>x</b> \x1b \u202e"
    article.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LessonError) as info:
        load_lesson(lesson_copy)
    found = [str(p).replace(f"{lesson_copy}{os.sep}", "") for p in info.value.problems]
    at = len(lines[2]) - 11
    assert (
        f"article.ar.txt: line 3: contains HTML markup at character {at} ('<b>x</b> \\x1b \\u202e'); write plain text"
        in found
    )
    assert (
        f"article.ar.txt: line 3: contains the control character U+001B ESCAPE at character {at + 9}; delete it"
        in found
    )
    assert any(p.startswith("article.ar.txt: line 3: contains the bidirectional override U+202E") for p in found)


def test_a_comparison_in_a_teachers_note_is_text(lesson_copy):
    path = lesson_copy / "notes.yaml"
    data = _read(path)
    data["notes"][0]["text"] += " If x < y and 5<6, AT&T says: fine."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load_lesson(lesson_copy).notes[0].text.endswith("AT&T says: fine.")


def test_the_marks_arabic_text_uses_are_allowed(lesson_copy):
    path = lesson_copy / "glossary.yaml"
    data = _read(path)
    data["entries"][0]["note"] = "Written \u200fوقّع\u200f with a right-to-left mark, \u061c and a\ttab."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert "\u200f" in load_lesson(lesson_copy).glossary[0].note


def test_the_kits_own_lesson_keeps_the_rule(lesson):
    from helpers.lesson.checks import every_text

    texts = [text for entry in lesson.to_dict().values() for *_, text in every_text({"entries": entry})]
    assert len(texts) > 1000
    assert [t for t in texts if text_problems(t)] == []
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in lesson.article)
