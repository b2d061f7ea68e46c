"""Named Unicode characters that Khabar's Arabic text functions touch.

Names follow the Unicode character names, as pyarabic's ``araby`` module does,
so that code reads ``text.replace(TATWEEL, "")`` rather than ``"\\u0640"``.

>>> import unicodedata
>>> unicodedata.name(TEH_MARBUTA)
'ARABIC LETTER TEH MARBUTA'
>>> len(ARABIC_INDIC_DIGITS), ARABIC_INDIC_DIGITS[7]
(10, '٧')
"""

from __future__ import annotations

__all__ = []

# Letters whose spelling varies (hamza seats, alef, final forms)
HAMZA = "\u0621"  # ء
ALEF_MADDA = "\u0622"  # آ
ALEF_HAMZA_ABOVE = "\u0623"  # أ
WAW_HAMZA = "\u0624"  # ؤ
ALEF_HAMZA_BELOW = "\u0625"  # إ
YEH_HAMZA = "\u0626"  # ئ
ALEF = "\u0627"  # ا
TEH_MARBUTA = "\u0629"  # ة
HEH = "\u0647"  # ه
WAW = "\u0648"  # و
ALEF_MAKSURA = "\u0649"  # ى
YEH = "\u064a"  # ي
ALEF_WASLA = "\u0671"  # ٱ
LAM = "\u0644"  # ل

# Tashkeel (short vowels, tanween, shadda, sukun) and related marks
FATHATAN = "\u064b"
DAMMATAN = "\u064c"
KASRATAN = "\u064d"
FATHA = "\u064e"
DAMMA = "\u064f"
KASRA = "\u0650"
SHADDA = "\u0651"
SUKUN = "\u0652"
MADDA_ABOVE = "\u0653"
HAMZA_ABOVE = "\u0654"
HAMZA_BELOW = "\u0655"
SUPERSCRIPT_ALEF = "\u0670"
TATWEEL = "\u0640"

#: The eight marks of ordinary tashkeel, in code-point order.
TASHKEEL = (FATHATAN, DAMMATAN, KASRATAN, FATHA, DAMMA, KASRA, SHADDA, SUKUN)
#: Every combining mark removed when comparing words: tashkeel, the other
#: marks of the Arabic block (U+0653-U+065F, superscript alef) and Quranic
#: annotation signs (U+0610-U+061A, U+06D6-U+06ED).
STRIPPABLE_MARKS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + SUPERSCRIPT_ALEF
    + "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
)

# Invisible formatting characters that copy-paste from web pages brings along
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
RLM = "\u200f"  # RIGHT-TO-LEFT MARK
ALM = "\u061c"  # ARABIC LETTER MARK
ZWNJ = "\u200c"  # ZERO WIDTH NON-JOINER
ZWJ = "\u200d"  # ZERO WIDTH JOINER
BOM = "\ufeff"  # ZERO WIDTH NO-BREAK SPACE (byte-order mark)
#: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI
BIDI_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_CONTROLS = LRM + RLM + ALM + ZWNJ + ZWJ + BOM + BIDI_EMBEDDINGS
ZWSP = "\u200b"  # ZERO WIDTH SPACE
WORD_JOINER = "\u2060"  # WORD JOINER
SOFT_HYPHEN = "\u00ad"  # SOFT HYPHEN
#: Characters a reader cannot see: every text function drops them before comparing or showing text.
INVISIBLES = BIDI_CONTROLS + ZWSP + WORD_JOINER + SOFT_HYPHEN
#: Arabic presentation forms (contextual glyphs, ligatures such as ﻻ): text copied from PDFs carries them.
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefe"

# Digits
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"  # U+0660-U+0669
EXTENDED_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # U+06F0-U+06F9 (Persian, Urdu)
LATIN_DIGITS = "0123456789"

# Punctuation
ARABIC_COMMA = "\u060c"  # ،
ARABIC_SEMICOLON = "\u061b"  # ؛
ARABIC_QUESTION_MARK = "\u061f"  # ؟
ARABIC_FULL_STOP = "\u06d4"  # ۔
LEFT_DOUBLE_QUOTE = "\u201c"  # “
RIGHT_DOUBLE_QUOTE = "\u201d"  # ”
LEFT_GUILLEMET = "\u00ab"  # «
RIGHT_GUILLEMET = "\u00bb"  # »
ELLIPSIS = "\u2026"  # …
