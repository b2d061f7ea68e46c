"""Checks on single text fields shared by every content check: language, markup, duplicate ids."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from helpers.lesson.problems import Problem
from helpers.text.arabic import contains_arabic, contains_latin

__all__ = ["first_difference", "looks_like_markup"]

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);|javascript:", re.IGNORECASE)


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


def _duplicates(file: str, ids: Iterable[str], what: str) -> list[Problem]:
    return [Problem(file, i, "id", f"the {what} {i!r} is used {n} times") for i, n in Counter(ids).items() if n > 1]


def _texts(file: str, entry: str, fields: list[_FieldSpec]) -> list[Problem]:
    """Language and markup checks on text fields.

    ``ar``: Arabic letters and no Latin ones; ``ar-or-punct``: no Latin
    letters (Arabic words or punctuation marks); ``en``: Latin letters and no
    Arabic ones; ``en+ar``: English that may quote Arabic.
    """
    problems = []
    for name, value, language in fields:
        if value is None:
            continue
        if looks_like_markup(value):
            problems.append(Problem(file, entry, name, "contains HTML markup; write plain text"))
        if language == "ar" and not contains_arabic(value):
            problems.append(Problem(file, entry, name, "must be Arabic but has no Arabic letters"))
        elif language.startswith("ar") and contains_latin(value):
            problems.append(Problem(file, entry, name, "must be Arabic but contains Latin letters"))
        elif language.startswith("en") and not contains_latin(value):
            problems.append(Problem(file, entry, name, "must be English but has no Latin letters"))
        elif language == "en" and contains_arabic(value):
            problems.append(Problem(file, entry, name, "must be English but contains Arabic letters"))
    return problems
