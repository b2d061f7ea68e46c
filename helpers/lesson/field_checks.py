"""Checks on single text fields shared by every content check: the one text rule, language, characters, ids.

:func:`text_problems` is the rule every text of a lesson obeys, whatever its field: no markup, no
control characters, no bidirectional overrides, and not longer than :data:`MAX_FIELD_CHARS`.
:func:`helpers.lesson.checks.check_lesson` applies it to every text of every file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from helpers.lesson.problems import Problem
from helpers.text.arabic import contains_arabic, contains_latin, strip_tashkeel
from helpers.text.chars import ALEF_MAKSURA, BIDI_EMBEDDINGS, BOM, YEH

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_FIELD_CHARS",
    "all_texts_clean",
    "first_difference",
    "foreign_characters",
    "looks_like_markup",
    "strip_back_difference",
    "text_problems",
]

#: The longest text a field of a lesson file may hold, in characters (the kit's longest, a teacher's note, has
#: about 750). Longer fields are refused when the lesson loads; this also bounds every accepted answer a
#: quiz key lists.
MAX_FIELD_CHARS = 5_000
#: The longest article, in characters: about 200 KB of Arabic (the kit's article has about 2,300).
MAX_ARTICLE_CHARS = 100_000

#: An HTML tag (``<b``, ``</b``, ``<!--``, ``<?``), an entity (``&amp;``, ``&#60;``) or a ``javascript:`` URL.
#: A ``<`` followed by a space or a digit is no tag (``x < y``, ``5<6``): browsers show it as text.
_MARKUP = re.compile(r"<(?:[A-Za-z!?]|/[A-Za-z])|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);|javascript:", re.IGNORECASE)
#: Characters no lesson text holds: C0 and C1 controls (a tab and a line break excepted), the bidirectional
#: embeddings, overrides and isolates (they reorder what is shown after them), line and paragraph
#: separators, lone surrogates, tag characters (invisible ASCII) and the noncharacters U+FFFE and U+FFFF.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_EMBEDDINGS + "\u2028\u2029\ud800-\udfff\U000e0000-\U000e007f\ufffe\uffff]"
)
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
                  0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE"}  # fmt: skip
_MAX_NAMED = 3  # distinct unsafe characters named in one field; the rest are counted

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
    >>> looks_like_markup("x < y"), looks_like_markup("a &amp; b"), looks_like_markup("<!-- x -->")
    (False, True, True)
    """
    return _MARKUP.search(text) is not None


def all_texts_clean(texts: list[str], limit: int = MAX_FIELD_CHARS) -> bool:
    """True when none of ``texts`` breaks the one rule for text: checked in one pass over them all.

    Only a shortcut: when it says False, :func:`text_problems` on each text says which and why.

    >>> all_texts_clean(["وقّع", "x < y"]), all_texts_clean(["<b>bold</b>"]), all_texts_clean(["\u202e"])
    (True, False, False)
    """
    if any(len(text) > limit for text in texts):
        return False
    blob = "\n".join(texts)
    return _MARKUP.search(blob) is None and ((blob.isascii() and blob.isprintable()) or _UNSAFE.search(blob) is None)


def text_problems(text: str, limit: int = MAX_FIELD_CHARS) -> list[str]:
    """What breaks the one rule for text: too long, markup, control characters, bidirectional overrides.

    Every text field of every lesson file is held to it (the article line by line, with its own size limit).
    One pass over the text; a text over ``limit`` is only told its length.

    >>> text_problems("وقّع الوزيران x < y"), text_problems("a" * 6000)
    ([], ['is 6,000 characters long; a field holds at most 5,000'])
    >>> for message in text_problems("<b>bold</b> and \\x00 and \\u202eevil\\u202e"):
    ...     print(message)
    contains HTML markup at character 1 ('<b>bold</b>…'); write plain text
    contains the control character U+0000 NULL at character 17; delete it
    contains the bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE at character 23, and 1 more time; \
it reorders the text shown after it: delete it
    """
    if len(text) > limit:
        return [f"is {len(text):,} characters long; a field holds at most {limit:,}"]
    problems = []
    if "<" in text or "&" in text or ":" in text:
        found = _MARKUP.search(text)
        if found is not None:
            at = found.start()
            snippet = text[at : at + 12].rstrip() + ("…" if len(text) > at + 12 else "")
            problems.append(f"contains HTML markup at character {at + 1} ({snippet!r}); write plain text")
    if text.isascii() and text.isprintable():  # most English fields: nothing more to look for
        return problems
    first: dict[str, int] = {}
    counts: Counter[str] = Counter()
    for found in _UNSAFE.finditer(text):
        ch = found.group()
        first.setdefault(ch, found.start())
        counts[ch] += 1
    for ch in list(first)[:_MAX_NAMED]:
        problems.append(_unsafe_message(ch, first[ch], counts[ch]))
    if len(first) > _MAX_NAMED:
        others = sum(counts[ch] for ch in list(first)[_MAX_NAMED:])
        problems.append(f"contains {others} more control character{'s' if others > 1 else ''} of "
                        f"{len(first) - _MAX_NAMED} other kind{'s' if len(first) - _MAX_NAMED > 1 else ''}; "
                        "delete them")  # fmt: skip
    return problems


def _unsafe_message(ch: str, at: int, count: int) -> str:
    code = ord(ch)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(ch, "")
    label = f"U+{code:04X}" + (f" {name}" if name else "")
    where = f"at character {at + 1}{_more(count)}"
    if ch in BIDI_EMBEDDINGS:
        kind = "override" if "OVERRIDE" in name else "isolate" if "ISOLATE" in name else "embedding"
        if code == 0x202C:
            kind = "formatting character"
        return f"contains the bidirectional {kind} {label} {where}; it reorders the text shown after it: delete it"
    if ch in "\u2028\u2029":
        return f"contains the {name.lower()} {label} {where}; use a line break"
    if 0xE0000 <= code <= 0xE007F:
        return f"contains the invisible tag character {label} {where}; delete it"
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return f"contains {label}, which is not a character, {where}; delete it"
    return f"contains the control character {label} {where}; delete it"


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
            return f"word {number} reads {_quoted(v)} (vocalized) but {_quoted(o)} (original)"
    if len(marked) != len(plain):
        shared = min(len(marked), len(plain))
        longer, label = (marked, "vocalized") if len(marked) > len(plain) else (plain, "original")
        return f"word {shared + 1} {_quoted(longer[shared])} is only in the {label}"
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
        messages.append(f"the Persian letter {ch} ({_name(ch)}) at character {at + 1}, in {_quoted(_word(text, at))}"
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
            where = f"at character {first.start() + 1}, in {_quoted(_word(text, first.start()))}{_more(len(runs))}"
            messages.append(f"the {what} {forms} ({names}) {where}; type the letters themselves: {letters}")
    return messages


def _quoted(text: str, width: int = 60) -> str:
    """``repr(text)`` for a message, shortened in the middle when it is long.

    >>> print(_quoted("abc " * 40, width=20))
    'abc abc ab…c abc abc '
    """
    if len(text) <= width:
        return repr(text)
    half = width // 2
    return repr(text[:half] + "…" + text[-half:])


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
    """Language and character checks on text fields (markup and control characters: :func:`text_problems`).

    ``ar``: Arabic letters and no Latin ones; ``ar-or-punct``: no Latin
    letters (Arabic words or punctuation marks); ``en``: Latin letters and no
    Arabic ones; ``en+ar``: English that may quote Arabic; ``any``: no language rule.
    Wherever Arabic may appear, Persian ی/ک and presentation forms are named.
    """
    problems = []
    for name, value, language in fields:
        if value is None:
            continue
        if len(value) > MAX_FIELD_CHARS:
            continue  # told its length by the one text rule; nothing else is looked for in it
        plain_ascii = value.isascii()  # most English fields: no Arabic, Persian or presentation form to look for
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
