"""Common words of Modern Standard Arabic, so that answer checking can tell a typo from a different word.

A learner who types الإسلام for السلام, العالم for العام or حمام for حماس is one letter away from the answer,
but has written another word, not misspelled the right one. :func:`known_word` says whether a typed word is one
of the common words below (or of words the caller adds, such as a lesson's own words), looked up without vowel
marks, with the spelling variants folded, and with the article ال or a one-letter proclitic (و ف ب ل ك) taken off.

The list is deliberately compact: frequent words of news Arabic and of everyday MSA, among them the neighbours
(one letter apart) of words a news lesson asks for: months, weekdays, numbers, ministries, places.

>>> known_word("الإسلام"), known_word("والعالم"), known_word("كازخستان")
(True, True, False)
>>> known_word("كازخستان", extra=("كازخستان",))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from helpers.text.answer_forms import normal_form, strict_form

__all__ = ["COMMON_WORDS", "known_spelling", "known_word", "lookup_key", "without_proclitics"]

#: Unvocalized, without the article; each a word a teacher would recognise as a different word, not a typo.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    سلام سلامة سلم سلمي إسلام إسلامي إسلامية مسلم مسلمون مسلمين سلاح أسلحة صلاح
    عالم عالمي عالمية علم علوم علماء أعلام علامة علاقة علاقات عام أعوام عامة عامل عمال عمل أعمال عملية
    حمام حماس حماسة حماية حمل حامل حكومة حكومي حكم حاكم حكام حرب حروب حربي حزب أحزاب حل حلول حق حقوق حقيقة
    حياة حالة حال أحوال حدود حد حدث أحداث حديث حوار
    دولة دول دولي دولية أمن آمن أمان آثار أثار أخر أمين أمم أمة أمير أمراء أمر أمور أمام أمل آمال
    سفير سفراء سفارة سفر سياسة سياسي سياسية سياحة سياحي سياحية سائح سياح سباحة ساحة مساحة سوق أسواق سعر أسعار
    وزير وزراء وزارة وزن رئيس رؤساء رئاسة رأس رأي آراء رؤية رؤيا رواية راية
    شعب شعوب شرق شرقي غرب غربي شمال جنوب شهر أشهر شهور سنة سنوات يوم أيام أسبوع أسابيع ساعة ساعات وقت أوقات
    زمن تاريخ تاريخي مستقبل ماضي حاضر بداية نهاية موعد
    اتفاق اتفاقية اتفاقيات تعاون تجارة تجاري تجارية اقتصاد اقتصادي اقتصادية استثمار استثمارات مال أموال مالي
    مالية بنك نفط غاز طاقة زراعة زراعي صناعة صناعي
    مدينة مدن عاصمة عاصفة بلد بلاد بلدان منطقة مناطق إقليم إقليمي إقليمية قرية أرض بحر نهر جبل جبال
    زيارة زائر زوار مؤتمر صحفي صحفية صحافة صحيفة خبر أخبار إعلام إعلان بيان تصريح تصريحات كلمة كلام قول
    مجلس برلمان نائب نواب انتخابات انتخاب قانون قوانين دستور دستوري إصلاح إصلاحات محكمة قاضي قضاء قضية قضايا
    جيش جنود جندي قوات قوة قوى هجوم قتال قتلى جرحى ضحايا أسرى سجن شرطة
    ناس إنسان إنسانية إنساني مجتمع مواطن مواطنين سكان لاجئ لاجئين
    مدرسة جامعة طالب طلاب معلم تعليم كتاب كتب مكتبة مكتب
    بيت بيوت منزل منازل غرفة باب شارع طريق سيارة طائرة مطار قطار
    كبير كبيرة صغير صغيرة جديد جديدة قديم قديمة أول أولى آخر أخير أخيرة أخرى كثير قليل
    جمهورية مملكة إمارة ملك ملكة شيخ
    خطة خطط خطوة خطوات خطاب خطر خطير دعم دعوة فرصة فرص مشكلة مشاكل أزمة أزمات صراع صراعات نزاع
    سلطة سلطات مسؤول مسؤولون مسؤولين مسؤولية موقف مواقف موقع مواقع توقيع وقع واقع
    عدد أعداد قرار قرارات مقر شركة شركات شريك شركاء تأشيرة تأشيرات لقاء اجتماع اجتماعات جلسة
    رسالة رسمي رسمية ذكرى مذكرة مذكرات
    صحة مرض مستشفى طبيب شباب شاب امرأة نساء رجل رجال طفل أطفال أسرة عائلة ابن بنت أب أخ أخت
    عربي عربية عرب إسرائيلي فلسطيني
    قلب قلق قلم فخر ملل سعادة نصر استقلال محرقة
    يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    أحد اثنين ثلاثاء أربعاء خميس جمعة سبت
    واحد واحدة اثنان اثنتان ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني تسعة تسع عشرة عشر
    عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين مئة مائة ألف آلاف مليون مليار
    قال قالت أعلن أعلنت أكد أكدت أشار أضاف قرر دعا رحب التقى بحث ناقش عقد أجرى استقبل وصل غادر زار
    يعد تعد يعتبر يمكن يجب كان كانت يكون تكون أصبح ليس لاحق لاحقا سابق سابقا حاليا
    الذي التي الذين هذا هذه ذلك تلك هناك هنا بين بعد قبل خلال منذ حول عند لدى إلى إلا على علا عن مع ضد دون نحو
    فوق تحت غير سوى كل بعض أيضا فقط كما مثل لكن لأن إذا حتى
    """.split()
)

#: One-letter proclitics: and, so, with/in, for/to, like.
_PROCLITICS = "وفبلك"


def lookup_key(word: str) -> str:
    """A word as the list is looked up: no vowel marks, spelling variants folded (as answer checking folds them)."""
    return normal_form(strict_form(word))


@lru_cache(maxsize=1)
def _common_keys() -> frozenset[str]:
    return frozenset(lookup_key(w) for w in COMMON_WORDS)


def without_proclitics(key: str) -> list[str]:
    """The folded word, then the same without a proclitic letter, the article, or both (longest stem kept)."""
    out = [key]
    rest = key[1:] if len(key) > 3 and key[0] in _PROCLITICS else key
    if rest != key:
        out.append(rest)
    if key.startswith("لل") and len(key) > 3:
        out.append(key[2:])  # لِلـ: li + the article, its alef dropped
    if rest.startswith("ال") and len(rest) > 3:
        out.append(rest[2:])
    return out


def known_word(word: str, extra: Iterable[str] = ()) -> bool:
    """Is ``word`` (as typed) a common word, or one of ``extra`` (e.g. the lesson's own words)?"""
    forms = set(without_proclitics(lookup_key(word)))
    if forms & _common_keys():
        return True
    return bool(extra) and bool(forms & _extra_keys(tuple(extra)))


@lru_cache(maxsize=32)
def _extra_keys(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for w in words if isinstance(w, str) for k in without_proclitics(lookup_key(w)))


def known_spelling(word: str, extra: Iterable[str] = ()) -> bool:
    """Is ``word`` spelled exactly (hamza seats included, vowel marks aside) as a common word or one of ``extra``?

    >>> known_spelling("الأمن"), known_spelling("ألاف"), known_spelling("آلاف")
    (True, False, True)
    """
    forms = set(without_proclitics(strict_form(word)))
    if forms & COMMON_WORDS:
        return True
    return bool(extra) and bool(forms & _extra_spellings(tuple(extra)))


@lru_cache(maxsize=32)
def _extra_spellings(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for w in words if isinstance(w, str) for k in without_proclitics(strict_form(w)))
