"""Checks on single text fields shared by every content check: language, markup, characters, duplicate ids."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from helpers.lesson.problems import Problem
from helpers.text.arabic import contains_arabic, contains_latin, strip_tashkeel
from helpers.text.chars import ALEF_MAKSURA, BOM, YEH

__all__ = ["first_difference", "foreign_characters", "looks_like_markup", "strip_back_difference"]

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);|javascript:", re.IGNORECASE)

FARSI_YEH = "\u06cc"  # ی
KEHEH = "\u06a9"  # ک
ARABIC_KAF = "\u0643"  # ك
#: Persian letters that look like Arabic ones, and what Arabic writes instead.
_PERSIAN = {FARSI_YEH: (YEH, ALEF_MAKSURA), KEHEH: (ARABIC_KAF,)}
#: Characters that do not belong in Arabic text typed for the kit: those two Persian letters and the
#: presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF: shaped glyphs and ligatures copied from PDFs).
_FOREIGN = re.compile(f"[{FARSI_YEH}{KEHEH}\ufb50-\ufdff\ufe70-\ufeff]")
_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")


_FieldSpec = tuple[str, str | None, str]  # (field name, value, language rule; see _texts)


def looks_like_markup(text: str) -> bool:
    """True when text holds an HTML tag, an HTML entity or a ``javascript:`` URL.

    >>> looks_like_markup("<script>alert(1)</script>"), looks_like_markup("5 < 6 & 7 > 3")
    (True, False)
    """
    return _MARKUP.search(text) is not None


def first_difference(a: str, b: str) -> str:
    """Describe where two texts first differ, with a little context.

    >>> first_difference("abcdef", "abXdef")
    "at character 3: 'abc…' vs 'abX…'"
    """
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if n == len(a) == len(b):
        return "no difference"
    lo = max(0, n - 8)
    return f"at character {n + 1}: {a[lo : n + 1]!r}… vs {b[lo : n + 1]!r}…".replace("'…", "…'")


def strip_back_difference(vocalized: str, original: str) -> str:
    """Where a vocalized text stops matching its original once the marks are removed: the word, both ways.

    >>> print(strip_back_difference("جِدْعُون سَاعَر", "جدعون سار"))
    word 2 reads 'سَاعَر' (vocalized) but 'سار' (original)
    """
    marked, plain = vocalized.split(), original.split()
    for number, (v, o) in enumerate(zip(marked, plain, strict=False), start=1):
        if strip_tashkeel(v) != strip_tashkeel(o):
            return f"word {number} reads {v!r} (vocalized) but {o!r} (original)"
    if len(marked) != len(plain):
        shared = min(len(marked), len(plain))
        longer, label = (marked, "vocalized") if len(marked) > len(plain) else (plain, "original")
        return f"word {shared + 1} {longer[shared]!r} is only in the {label}"
    return first_difference(strip_tashkeel(vocalized), strip_tashkeel(original))


def foreign_characters(text: str) -> list[str]:
    """Persian letters and presentation forms in Arabic text, each named, with where it first occurs.

    >>> for message in foreign_characters("وزیر الخارجیة"):
    ...     print(message)
    the Persian letter ی (U+06CC ARABIC LETTER FARSI YEH) at character 3, in 'وزیر', and 1 more time; \
Arabic writes ي (U+064A ARABIC LETTER YEH) or ى (U+0649 ARABIC LETTER ALEF MAKSURA)
    >>> foreign_characters("\ufefbبد")[0]
    "the presentation form ﻻ (U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM) at character 1, in 'ﻻبد'; \
type the letters themselves: لا"
    """
    if _FOREIGN.search(text) is None:
        return []
    messages = []
    for ch in sorted(set(_PERSIAN) & set(text), key=text.index):
        at, count = text.index(ch), text.count(ch)
        instead = " or ".join(f"{a} ({_name(a)})" for a in _PERSIAN[ch])
        messages.append(f"the Persian letter {ch} ({_name(ch)}) at character {at + 1}, in {_word(text, at)!r}"
                        f"{_more(count)}; Arabic writes {instead}")  # fmt: skip
    runs = list(_FORMS.finditer(text))
    if runs:
        first = runs[0]
        forms = first.group()
        names = ", ".join(_name(ch) for ch in forms[:3]) + (", …" if len(forms) > 3 else "")
        if forms == BOM:
            messages.append(f"an invisible byte-order mark ({names}) at character {first.start() + 1}"
                            f"{_more(len(runs))}; delete it")  # fmt: skip
        else:
            what = "presentation forms" if len(forms) > 1 else "presentation form"
            letters = unicodedata.normalize("NFKC", forms).replace(BOM, "")
            where = f"at character {first.start() + 1}, in {_word(text, first.start())!r}{_more(len(runs))}"
            messages.append(f"the {what} {forms} ({names}) {where}; type the letters themselves: {letters}")
    return messages


def _word(text: str, at: int) -> str:
    """The word (between spaces or line breaks) holding the character at ``at``."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(" ", at), text.find("\n", at)) if i != -1]
    return text[start : min(ends) if ends else len(text)]


def _more(count: int) -> str:
    return f", and {count - 1} more time{'s' if count > 2 else ''}" if count > 1 else ""


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}"


def _duplicates(file: str, ids: Iterable[str], what: str) -> list[Problem]:
    return [Problem(file, i, "id", f"the {what} {i!r} is used {n} times") for i, n in Counter(ids).items() if n > 1]


def _texts(file: str, entry: str, fields: list[_FieldSpec]) -> list[Problem]:
    """Language, markup and character checks on text fields.

    ``ar``: Arabic letters and no Latin ones; ``ar-or-punct``: no Latin
    letters (Arabic words or punctuation marks); ``en``: Latin letters and no
    Arabic ones; ``en+ar``: English that may quote Arabic; ``any``: no language rule.
    Wherever Arabic may appear, Persian ی/ک and presentation forms are named.
    """
    problems = []
    for name, value, language in fields:
        if value is None:
            continue
        plain_ascii = value.isascii()  # most English fields: no Arabic, Persian or presentation form to look for
        if ("<" in value or "&" in value or ":" in value) and looks_like_markup(value):
            problems.append(Problem(file, entry, name, "contains HTML markup; write plain text"))
        arabic = not plain_ascii and contains_arabic(value)
        if language == "ar" and not arabic:
            problems.append(Problem(file, entry, name, "must be Arabic but has no Arabic letters"))
        elif language.startswith("ar") and contains_latin(value):
            problems.append(Problem(file, entry, name, "must be Arabic but contains Latin letters"))
        elif language.startswith("en") and not contains_latin(value):
            problems.append(Problem(file, entry, name, "must be English but has no Latin letters"))
        elif language == "en" and arabic:
            problems.append(Problem(file, entry, name, "must be English but contains Arabic letters"))
        if language != "en" and not plain_ascii:
            problems.extend(Problem(file, entry, name, message) for message in foreign_characters(value))
    return problems
