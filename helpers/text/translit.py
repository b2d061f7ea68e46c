"""Khabar's learner transliteration: ALA-LC style, from vocalized Arabic.

The scheme (the only one the kit uses):

=====================  ======================================================
consonants             ʾ b t th j ḥ kh d dh r z s sh ṣ ḍ ṭ ẓ ʿ gh f q k l m n
                       h w y; foreign پ p, چ ch, ڤ v, گ g
short vowels           a i u; tanween -an -in -un
long vowels            ā ī ū (alef, alef maqsura and superscript alef: ā)
diphthongs             aw ay
shadda                 doubled consonant (quwwa, ʿāmma); nisba ـِيّ: ī in pause
hamza                  ʾ, not written at the start of a word
hamzat al-wasl         not written after a vowel; i at the start (inḍimām)
article                al- always, even before sun letters (al-shams), joined
                       to its prefixes with hyphens: wa-al-, bi-al-, lil-;
                       other prefixes are written joined (wanaẓīruhu)
hidden long ā          hādhā, hādhihi, dhālika, lākin (no alef in the spelling)
punctuation            ، ؛ ؟ become , ; ?
ta marbuta             -a in pause, -at before a case ending (madīnatu)
digraphs               a prime ʹ separates letters that would read as one
                       (asʹhama)
=====================  ======================================================

By default every vowel written is shown, case endings included. With
``pausal=True`` (for noun and adjective headwords) the last word's final short
vowel and its tanween are dropped, as in a pause (tanween -an is kept, as learners
say it: ayḍan); verbs and particles are cited with their final vowel.

The input must be vocalized: a letter with no mark gets no vowel.

>>> transliterate("وَزِيرُ الْخَارِجِيَّةِ")
'wazīru al-khārijīyati'
>>> transliterate("وَزِيرُ الْخَارِجِيَّةِ", pausal=True)
'wazīru al-khārijīya'
>>> transliterate("وَالزِّرَاعَةِ", pausal=True)
'wa-al-zirāʿa'
>>> transliterate("أَيْضًا", pausal=True)
'ayḍan'
>>> transliterate("الْإِسْرَائِيلِيُّ", pausal=True)
'al-isrāʾīlī'
>>> transliterate("وَقَّعَ")
'waqqaʿa'
>>> transliterate("بِالِانْضِمَامِ إِلَى هَذِهِ الِاتِّفَاقِيَّاتِ، تَفْعَلُ ذَلِكَ")
'bi-al-inḍimāmi ilā hādhihi al-ittifāqīyāti, tafʿalu dhālika'

"""

from __future__ import annotations

import re
import unicodedata

from helpers.text.arabic import tokenize
from helpers.text.chars import (
    DAMMA,
    DAMMATAN,
    FATHA,
    FATHATAN,
    KASRA,
    KASRATAN,
    SHADDA,
    SUKUN,
    SUPERSCRIPT_ALEF,
    TATWEEL,
)

__all__ = ["SCHEME_NAME", "transliterate"]

SCHEME_NAME = "Khabar learner scheme (ALA-LC style)"

_CONSONANTS = {
    "ء": "ʾ", "أ": "ʾ", "إ": "ʾ", "ؤ": "ʾ", "ئ": "ʾ",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "ḥ", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "ṣ", "ض": "ḍ", "ط": "ṭ", "ظ": "ẓ", "ع": "ʿ", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}  # fmt: skip
_VOWELS = {FATHA: "a", DAMMA: "u", KASRA: "i", FATHATAN: "an", DAMMATAN: "un", KASRATAN: "in"}
_MARKS = set(_VOWELS) | {SHADDA, SUKUN}
_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?", "٪": "%"})
_SUN = set("تثدذرزسشصضطظلن")
_PRIME_BEFORE_H = ("s", "k", "t", "d", "g", "c")
#: Proclitic conjunction and preposition, then the article (or لل for li + al).
_ARTICLE = re.compile(
    f"^(?P<conj>[وف]{FATHA}?)?(?P<prep>[بك][{KASRA}{FATHA}]?)?(?:(?P<al>ال)|(?P<lil>ل{KASRA}?ل))(?=.)"
)


def transliterate(text: str, *, pausal: bool = False) -> str:
    """Transliterate vocalized Arabic word by word; other characters pass through.

    >>> transliterate("مُذَكِّرَةً يَوْمَ الثُّلَاثَاءِ")
    'mudhakkiratan yawma al-thulāthāʾi'
    >>> transliterate("لِلْأَعْمَالِ مُنْذُ 16 عَامًا")
    'lil-aʿmāli mundhu 16 ʿāman'
    >>> transliterate("أَسْهَمَ")
    'asʹhama'
    """
    text = unicodedata.normalize("NFC", text).replace(TATWEEL, "")
    out: list[str] = []
    last = 0
    tokens = tokenize(text)
    final = max((i for i, t in enumerate(tokens) if t.kind == "word"), default=-1)
    for i, token in enumerate(tokens):
        out.append(text[last : token.start])
        if token.kind == "word":
            out.append(_word(token.text, pausal and i == final))  # one pause, at the end
        else:
            out.append(token.text.translate(_PUNCTUATION))
        last = token.end
    out.append(text[last:])
    return "".join(out)


def _syllables(word: str) -> list[tuple[str, set[str]]]:
    """The word as (letter, marks) pairs; superscript alef becomes a letter."""
    units: list[tuple[str, set[str]]] = []
    for ch in word:
        if ch in _MARKS and units:
            units[-1][1].add(ch)
        elif ch == SUPERSCRIPT_ALEF:
            units.append(("ٰ", set()))
        elif ch not in _MARKS:
            units.append((ch, set()))
    return units


def _word(word: str, pausal: bool) -> str:
    prefix = wasl_vowel = ""
    word = _restore_hidden_alef(word)
    match = _ARTICLE.match(word)
    skip_doubling = False
    if match:
        if match.group("conj"):
            prefix += ("wa" if word[0] == "و" else "fa") + "-"
        if match.group("prep"):
            prefix += ("bi" if match.group("prep")[0] == "ب" else "ka") + "-"
        prefix += "al-" if match.group("al") else "lil-"
        word = word[match.end() :]
        wasl_vowel = "i" if word.startswith(KASRA) else ""  # الِاتِّفاق: al-ittifāq
        if word[:1] in (SUKUN, KASRA):
            word = word[1:]
        # A sun letter after the article carries the shadda of assimilation.
        skip_doubling = bool(word) and word[0] in _SUN
    units = _syllables(word)
    parts: list[str] = []
    for i, (letter, marks) in enumerate(units):
        final = i == len(units) - 1 or (i == len(units) - 2 and units[-1][0] == "ا")
        prev = parts[-1] if parts else ""
        if letter in "اى":
            if prev.endswith("an") or prev.endswith("ū"):
                continue  # tanween alef, or the silent alef after plural -ū
            if i == 0 and not prefix and not marks:
                parts.append("i")  # hamzat al-wasl at the start of an utterance
                continue
            if i == 0 and prefix:
                if wasl_vowel:
                    parts.append(wasl_vowel)  # the article's helping vowel: al-ibtikār
                continue  # otherwise wasl after the article is silent
            parts[-1:] = [prev[:-1] + "ā"] if prev.endswith("a") else [prev + "ā"]
            continue
        if letter == "ٰ":
            parts[-1:] = [prev[:-1] + "ā"] if prev.endswith("a") else [prev + "ā"]
            continue
        if letter == "آ":
            parts.append(("" if i == 0 else "ʾ") + "ā")
            continue
        if letter in "وي" and not marks and prev.endswith("u" if letter == "و" else "i"):
            parts[-1] = prev[:-1] + ("ū" if letter == "و" else "ī")
            continue
        if letter == "ي" and SHADDA in marks and prev.endswith("i"):
            parts[-1] = prev[:-1] + "ī"  # nisba ending: -ī in pause, -īy- before a vowel
            if final and pausal:
                continue
            marks = marks - {SHADDA}
        if letter == "ة":
            vowel = _vowel(marks)
            if vowel and not (pausal and final and vowel != "an"):
                parts.append("t" + vowel)
            elif not prev.endswith("a"):
                parts.append("a")
            continue
        consonant = _CONSONANTS.get(letter, letter)
        if letter in "أإ" and i == 0:
            consonant = ""  # initial hamza is not written
        if SHADDA in marks and not (skip_doubling and i == 0):
            consonant *= 2
        if consonant == "h" and prev.endswith(_PRIME_BEFORE_H):
            consonant = "ʹh"
        vowel = _vowel(marks)
        if pausal and final and vowel in ("a", "i", "u", "in", "un"):
            vowel = ""
        parts.append(consonant + vowel)
    return prefix + "".join(parts)


#: Words whose long ā modern print leaves unwritten (هَذَا is hādhā), after any proclitics.
_HIDDEN_ALEF = re.compile(
    f"^((?:[وف]{FATHA})?(?:[بلك][{KASRA}{FATHA}])?)(ه{FATHA}(?=[ذؤ])|ذ{FATHA}(?=ل{KASRA})|ل{FATHA}(?=ك{KASRA}ن))"
)


def _restore_hidden_alef(word: str) -> str:
    """Write the superscript alef of هذا، هذه، هؤلاء، ذلك، لكن so it reads long.

    >>> _restore_hidden_alef("بِهَذِهِ") == "بِهٰذِهِ"
    True
    """
    return _HIDDEN_ALEF.sub(lambda m: m.group(1) + m.group(2)[0] + SUPERSCRIPT_ALEF, word, count=1)


def _vowel(marks: set[str]) -> str:
    for mark, vowel in _VOWELS.items():
        if mark in marks:
            return vowel
    return ""
