"""Arabic text: normalisation, tokenizing with offsets, sentence splitting.

Built on pyarabic's ``strip_tashkeel`` and ``strip_tatweel``; the rest is
ours because pyarabic's versions do not fit (its ``normalize_alef`` turns
alef maqsura into alef, its ``tokenize`` glues quotes to punctuation, and its
``sentence_tokenize`` splits at every comma and stops after 32 splits).

Two normal forms:

* :func:`normalize_display` keeps everything a reader sees (tashkeel, hamza,
  letters) and removes what they cannot see (tatweel, bidi controls).
* :func:`normalize_match` is for comparing words: it also drops tashkeel and
  folds the spelling variants that careful writers still disagree on.

>>> normalize_match("إِسْرَائِيلَ") == normalize_match("اسرائيل")
True
>>> normalize_match("مدرسـة ٣٠") == normalize_match("مدرسه 30")
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pyarabic import araby

from helpers.text.chars import (
    ALEF,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ALEF_MAKSURA,
    ALEF_WASLA,
    ARABIC_INDIC_DIGITS,
    EXTENDED_ARABIC_INDIC_DIGITS,
    HAMZA,
    HEH,
    INVISIBLES,
    LATIN_DIGITS,
    LEFT_DOUBLE_QUOTE,
    LEFT_GUILLEMET,
    PRESENTATION_FORMS,
    RIGHT_DOUBLE_QUOTE,
    RIGHT_GUILLEMET,
    STRIPPABLE_MARKS,
    TATWEEL,
    TEH_MARBUTA,
    WAW_HAMZA,
    YEH,
    YEH_HAMZA,
)

__all__ = [
    "SPELLING_FOLDS",
    "Span",
    "Token",
    "arabic_runs",
    "composed",
    "contains_arabic",
    "contains_latin",
    "find_phrase",
    "letter_clusters",
    "normalize_display",
    "normalize_match",
    "split_sentences",
    "strip_tashkeel",
    "tokenize",
    "unfold_presentation_forms",
    "vocalized_span",
    "whole_word_spans",
]

_INVISIBLE = re.compile(f"[{re.escape(INVISIBLES)}{TATWEEL}]")
_MARKS = re.compile(f"[{STRIPPABLE_MARKS}]")
_INVISIBLE_ONLY = re.compile(f"[{re.escape(INVISIBLES)}]")
_PRESENTATION = re.compile(f"[{PRESENTATION_FORMS}]+")
_SPACES = re.compile(r"\s+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

#: The spelling variants news Arabic and learners write interchangeably, each with its name and folding.
#: The one definition: matching folds them all, and answer grading says which ones it forgave.
SPELLING_FOLDS: tuple[tuple[str, dict[int, str]], ...] = (
    (
        "alef/hamza spelling",
        str.maketrans(
            {
                ALEF_HAMZA_ABOVE: ALEF,
                ALEF_HAMZA_BELOW: ALEF,
                ALEF_MADDA: ALEF,
                ALEF_WASLA: ALEF,
                WAW_HAMZA: HAMZA,
                YEH_HAMZA: HAMZA,
            }
        ),
    ),
    ("ta marbuta written as ha", str.maketrans({TEH_MARBUTA: HEH})),
    ("alef maqsura written as ya", str.maketrans({ALEF_MAKSURA: YEH})),
    (
        "Arabic-Indic digits",
        str.maketrans(
            {
                **dict(zip(ARABIC_INDIC_DIGITS, LATIN_DIGITS, strict=True)),
                **dict(zip(EXTENDED_ARABIC_INDIC_DIGITS, LATIN_DIGITS, strict=True)),
            }
        ),
    ),
)
_MATCH_TABLE = {k: v for _, table in SPELLING_FOLDS for k, v in table.items()}


def unfold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms (contextual glyphs, ligatures) by the letters they show.

    >>> unfold_presentation_forms("\ufefb\ufe8e") == "لا" + "ا"
    True
    """
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


_MARK_SET = frozenset(STRIPPABLE_MARKS)


def composed(text: str) -> str:
    """``text`` in Unicode's composed form (NFC): the marks on a letter in one canonical order, so that two
    vocalizations that differ only in the order their marks were typed compare equal.

    >>> composed("\u0628\u0651\u064e") == composed("\u0628\u064e\u0651")
    True
    """
    return unicodedata.normalize("NFC", text)


def letter_clusters(vocalized: str) -> list[str]:
    """A vocalized text as its letters, each with the marks written after it.

    >>> letter_clusters("وَقَّعَ")
    ['وَ', 'قَّ', 'عَ']
    """
    out: list[str] = []
    for ch in vocalized:
        if ch in _MARK_SET and out:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def strip_tashkeel(text: str) -> str:
    """Remove every vowel mark, shadda, sukun and tanween; keep the letters.

    Invisible formatting characters (bidi marks, joiners) go too, so that a
    hamza mark typed after one still joins its letter.

    >>> strip_tashkeel("وَقَّعَ وَزِيرُ الْخَارِجِيَّةِ")
    'وقع وزير الخارجية'
    >>> strip_tashkeel("مُمَثِّلًا") == strip_tashkeel("ممثلاً")
    True
    """
    text = unicodedata.normalize("NFC", _INVISIBLE_ONLY.sub("", text))
    return _MARKS.sub("", araby.strip_tashkeel(text))


def normalize_display(text: str) -> str:
    """Text as it should be shown: NFC, no tatweel or bidi controls, single spaces.

    Tashkeel and hamza spellings are kept.

    >>> normalize_display("\\u200fالعـــربية   الفُصحى ")
    'العربية الفُصحى'
    """
    text = _INVISIBLE.sub("", text)
    text = araby.strip_tatweel(text)
    text = _SPACES.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)
def normalize_match(text: str) -> str:
    """Text reduced for comparing words, whatever their spelling conventions.

    On top of :func:`normalize_display`: drops tashkeel and Quranic marks;
    alef with hamza or madda, and alef wasla, become bare alef; hamza on waw or
    yeh becomes bare hamza (so مسؤول and مسئول meet); final ta marbuta becomes
    ha; alef maqsura becomes ya; Arabic-Indic digits become 0-9; Latin is
    case-folded.

    >>> normalize_match("مسؤول") == normalize_match("مسئول")
    True
    >>> normalize_match("إلى") == normalize_match("الي")
    True
    >>> normalize_match("Astana")
    'astana'
    """
    text = strip_tashkeel(_INVISIBLE.sub("", unfold_presentation_forms(text)))
    return normalize_display(text.translate(_MATCH_TABLE).casefold())


def contains_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter.

    >>> contains_arabic("Astana أستانا"), contains_arabic("Astana")
    (True, False)
    """
    return _ARABIC_LETTER.search(text) is not None


def contains_latin(text: str) -> bool:
    """True when the text holds at least one Latin letter.

    >>> contains_latin("أستانا 2026"), contains_latin("أستانا Astana")
    (False, True)
    """
    return _LATIN_LETTER.search(text) is not None


@dataclass(frozen=True)
class Token:
    """One token of a text, with its place: ``text[start:end] == token.text``."""

    text: str
    start: int
    end: int
    kind: str  # "word", "number" or "punct"


#: A word: letters of any script with their combining marks and tatweel.
_WORD = rf"(?:[^\W\d_]|[{STRIPPABLE_MARKS}{TATWEEL}])+"
#: A number: digits of any script, with inner separators (1,000 / 3.5 / ٣٫٥).
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_TOKEN_PATTERN = rf"(?P<word>{_WORD})|(?P<number>{_NUMBER})|(?P<punct>[^\s{INVISIBLES}])"


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    return re.compile(_TOKEN_PATTERN)  # on first use: a large Unicode class costs time at import


def tokenize(text: str) -> list[Token]:
    """Split text into words, numbers and single punctuation marks.

    Offsets index the text as given; whitespace and invisible bidi controls
    separate tokens and belong to none. Every other character is in exactly one
    token. Curly quotes and Arabic punctuation are tokens of their own.

    >>> [t.text for t in tokenize("وقال: “نحن ندعم 30 ممثلاً”.")]
    ['وقال', ':', '“', 'نحن', 'ندعم', '30', 'ممثلاً', '”', '.']
    >>> t = tokenize("في أستانا،")[1]
    >>> (t.text, t.start, t.end, t.kind)
    ('أستانا', 3, 9, 'word')
    """
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _token_re().finditer(text)]


@dataclass(frozen=True)
class Span:
    """A sentence found by :func:`split_sentences`: ``text[start:end]``."""

    text: str
    start: int
    end: int


_TERMINATORS = ".!?\u061f\u2026"  # . ! ? ؟ …
_CLOSERS = f"{RIGHT_DOUBLE_QUOTE}{RIGHT_GUILLEMET})]\"'"
_QUOTE_PAIRS = {LEFT_DOUBLE_QUOTE: RIGHT_DOUBLE_QUOTE, LEFT_GUILLEMET: RIGHT_GUILLEMET}


def split_sentences(paragraph: str) -> list[Span]:
    """Split one paragraph into sentences, keeping quotations whole.

    A sentence ends at ``. ! ? ؟ …`` followed by a space or the end, with any
    closing quotes or brackets kept on the sentence they close. A full stop
    inside a quotation (“...” or «...») does not end the sentence, so a quoted
    statement stays one unit with its reporting verb. If the quotation marks of
    the paragraph do not balance, they are ignored. A full stop after a single
    letter (an abbreviation such as د. for Dr) does not end a sentence.

    Joining the spans with single spaces gives back the paragraph (when it has
    single spaces between sentences).

    >>> [s.text for s in split_sentences("وقال: “لقد تعلمنا الدرس. سوف نحمي أنفسنا”. وغادر.")]
    ['وقال: “لقد تعلمنا الدرس. سوف نحمي أنفسنا”.', 'وغادر.']
    >>> [s.text for s in split_sentences("التقى د. أحمد الوزير. ثم غادر")]
    ['التقى د. أحمد الوزير.', 'ثم غادر']
    """
    spans = _split(paragraph, respect_quotes=True)
    if spans is None:
        spans = _split(paragraph, respect_quotes=False)
    return spans or []


def _split(text: str, *, respect_quotes: bool) -> list[Span] | None:
    spans: list[Span] = []
    open_quotes: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if respect_quotes and ch in _QUOTE_PAIRS:
            open_quotes.append(_QUOTE_PAIRS[ch])
        elif respect_quotes and open_quotes and ch == open_quotes[-1]:
            open_quotes.pop()
        elif ch in _TERMINATORS and not open_quotes:
            end = i + 1
            while end < len(text) and text[end] in _TERMINATORS + _CLOSERS:
                end += 1
            if (end == len(text) or text[end].isspace()) and not _abbreviation(text, i):
                _add(spans, text, start, end)
                start = end
            i = end
            continue
        i += 1
    if respect_quotes and open_quotes:
        return None
    _add(spans, text, start, len(text))
    return spans


def _abbreviation(text: str, dot: int) -> bool:
    """True when the mark at ``dot`` is a full stop after a one-letter word."""
    if text[dot] != ".":
        return False
    if dot == 0:
        return False
    letter = text[dot - 1]  # one letter (not a digit), alone: at the start or after a space
    return letter.isalnum() and not letter.isdecimal() and (dot == 1 or text[dot - 2].isspace())


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(text[start:end], start, end))


_ARABIC_RUN = f"[\u0600-\u06ff\u0750-\u077f{TATWEEL}]+(?:[ \u00a0]+[\u0600-\u06ff\u0750-\u077f{TATWEEL}]+)*"


def arabic_runs(text: str) -> list[tuple[int, int]]:
    """Spans of Arabic script in mixed text (words joined by spaces stay one run).

    >>> text = "The word خطوة أخرى means another step"
    >>> [text[a:b] for a, b in arabic_runs(text)]
    ['خطوة أخرى']
    """
    return [m.span() for m in re.finditer(_ARABIC_RUN, text)]


def vocalized_span(vocalized: str, start: int, end: int, plain: str | None = None) -> tuple[int, int]:
    """Map ``plain[start:end]`` onto the same letters in its vocalized form.

    ``plain`` (default: the vocalized text without marks) and ``vocalized``
    must have the same letters, which the lesson checks guarantee. The span
    grows to take in the marks that follow its last letter.

    >>> v = "وَقَّعَ وَزِيرُ الْخَارِجِيَّةِ"
    >>> a, b = vocalized_span(v, 4, 8, plain="وقع وزير الخارجية")
    >>> v[a:b]
    'وَزِيرُ'
    """
    if plain is None:
        plain = strip_tashkeel(vocalized)
    if start >= end:
        return (start, start) if not vocalized else (len(vocalized), len(vocalized))
    base = [i for i, ch in enumerate(vocalized) if not _MARKS.match(ch)]
    first = sum(1 for ch in plain[:start] if not _MARKS.match(ch))
    last = sum(1 for ch in plain[:end] if not _MARKS.match(ch)) - 1
    if not base or first >= len(base):
        return (len(vocalized), len(vocalized))
    last = max(first, min(last, len(base) - 1))
    stop = base[last] + 1
    while stop < len(vocalized) and _MARKS.match(vocalized[stop]):
        stop += 1
    return (base[first], stop)


def find_phrase(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` first stands in ``text`` as whole words, or ``None``.

    A phrase that starts or ends with a letter must not be part of a longer
    word there, so أن is not found inside أنفسنا.

    >>> text = "سوف نحمي أنفسنا. وقال إن أستانا"
    >>> find_phrase(text, "أن") is None, find_phrase(text, "إن")
    (True, (22, 24))
    """
    spans = whole_word_spans(text, phrase, first_only=True)
    return spans[0] if spans else None


def whole_word_spans(text: str, needle: str, first_only: bool = False) -> list[tuple[int, int]]:
    """Spans of ``needle`` in ``text`` that do not cut a word at a letter edge of the needle.

    >>> whole_word_spans("أمة الأمم أمة", "أمة")
    [(0, 3), (10, 13)]
    """
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    check_left, check_right = _is_word_char(needle[0]), _is_word_char(needle[-1])
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        left_ok = not (check_left and start > 0 and _is_word_char(text[start - 1]))
        right_ok = not (check_right and end < len(text) and _is_word_char(text[end]))
        if left_ok and right_ok:
            spans.append((start, end))
            if first_only:
                break
        start = text.find(needle, start + 1)
    return spans


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or _MARKS.match(ch) is not None
