"""Resolve the relative time expressions of news Arabic against the article's date.

News reports date events relative to the day they were written: يوم الثلاثاء
(the most recent Tuesday), في نوفمبر (the most recent November), منذ 16 عاما,
في وقت لاحق من هذا العام. :func:`resolve` turns such an expression into the
span of days it can mean, with the reasoning a teacher would give.

>>> from datetime import date
>>> r = resolve("في نوفمبر", date(2026, 1, 27))
>>> r.start.isoformat(), r.end.isoformat(), r.precision
('2025-11-01', '2025-11-30', 'month')
>>> resolve("منذ 16 عاما", date(2026, 1, 27)).label
'about 2010'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta

from helpers.text.arabic import normalize_match
from helpers.text.datespan import month_span, written_span

__all__ = [
    "MAX_EXPRESSION",
    "MONTHS",
    "WEEKDAYS",
    "OutOfRange",
    "Resolved",
    "UnknownExpression",
    "check_date_answer",
    "resolve",
    "resolve_date",
]

#: Month names as Arabic news writes them (Egyptian/Gulf and Levantine series), folded for matching.
MONTHS = {
    **{m: i for i, m in enumerate(
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
         "ديسمبر"], start=1)},
    **{m: i for i, m in enumerate(
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
         "تشرين الثاني", "كانون الأول"], start=1)},
}  # fmt: skip
#: Weekdays, Monday = 0 as in Python.
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
_UNITS = {"يوم": "day", "ايام": "day", "اسبوع": "week", "اسابيع": "week", "شهر": "month", "اشهر": "month",
          "عام": "year", "عاما": "year", "اعوام": "year", "سنه": "year", "سنوات": "year", "سنين": "year"}  # fmt: skip
_NUMBER_WORDS = {"عامين": ("2", "year"), "سنتين": ("2", "year"), "شهرين": ("2", "month"), "يومين": ("2", "day"),
                 "اسبوعين": ("2", "week")}  # fmt: skip
_MONTH_NAMES_EN = list(calendar.month_name)


#: The longest time expression (or typed date) the resolver reads, in characters.
MAX_EXPRESSION = 200


class UnknownExpression(ValueError):
    """The expression is not one the resolver knows; the message says which ones it does."""


class OutOfRange(UnknownExpression):
    """The expression is understood but points outside the years 1 to 9999."""


@dataclass(frozen=True)
class Resolved:
    """What a relative expression means on a given article date."""

    expression: str
    start: date
    end: date
    precision: str  # day | month | year | range
    approximate: bool
    label: str
    reasoning: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _fold(text: str) -> str:
    return normalize_match(text)


_FOLDED_MONTHS = {_fold(k): v for k, v in MONTHS.items()}
_FOLDED_DAYS = {_fold(k): v for k, v in WEEKDAYS.items()}


_month_span = month_span


def resolve(expression: str, article_date: date) -> Resolved:
    """The span of days ``expression`` means in a report written on ``article_date``.

    Known: a weekday (يوم الثلاثاء; السبت المقبل, الأحد الماضي), a month without a year (في نوفمبر), منذ N
    عاما/أشهر/أسابيع/أيام and قبل N ..., هذا العام, العام الماضي / المقبل, في وقت
    لاحق من هذا العام, في وقت سابق من هذا العام, أمس, اليوم, غدا, الشهر الماضي / المقبل.

    >>> from datetime import date
    >>> resolve("يوم الثلاثاء", date(2026, 1, 27)).start.isoformat()
    '2026-01-27'
    >>> resolve("في وقت لاحق من هذا العام", date(2026, 1, 27)).label
    'later in 2026 (after 27 January)'
    """
    if len(expression) > MAX_EXPRESSION:
        raise UnknownExpression(f"this is too long for a time expression ({len(expression)} characters)")
    try:
        found = _resolve(expression, article_date)
    except (ValueError, OverflowError):
        raise OutOfRange(f"{expression!r} points outside the dates the kit can show (the years 1 to 9999)") from None
    if found is None:
        raise UnknownExpression(
            f"cannot resolve {expression!r}: known are a weekday (يوم الثلاثاء), a month (في نوفمبر), "
            "منذ/قبل + number + unit, هذا العام, العام الماضي/المقبل, في وقت لاحق/سابق من هذا العام, أمس, اليوم, غدا"
        )
    return found


def _resolve(expression: str, article_date: date) -> Resolved | None:
    text = _fold(expression).strip()
    text = re.sub(r"^(في|خلال|منذ|قبل)\s+", lambda m: m.group(1) + " ", text)
    d = article_date
    day_name = text.removeprefix("يوم ").strip()
    for ahead, words in ((True, (" المقبل", " القادم")), (False, (" الماضي",))):
        named = next((day_name.removesuffix(w) for w in words if day_name.endswith(w)), None)
        if named is not None and named.strip() in _FOLDED_DAYS:
            target = _FOLDED_DAYS[named.strip()]
            step = ((target - d.weekday()) % 7 or 7) if ahead else -((d.weekday() - target) % 7 or 7)
            day = d + timedelta(days=step)
            how = "the first such day after the article" if ahead else "the last such day before the article"
            return Resolved(expression, day, day, "day", False, f"{day:%A} {day.day} {day:%B %Y}",
                            f"A weekday with {'المقبل' if ahead else 'الماضي'} means {how}.")  # fmt: skip
    if day_name in _FOLDED_DAYS:
        back = (d.weekday() - _FOLDED_DAYS[day_name]) % 7
        day = d - timedelta(days=back)
        when = "the article's own day" if back == 0 else f"{back} day{'s' if back > 1 else ''} before the article"
        return Resolved(expression, day, day, "day", False, f"{day:%A} {day.day} {day:%B %Y}",
                        f"A weekday alone means the most recent such day: {when}.")  # fmt: skip
    month_name = text.removeprefix("في ").removesuffix(" الماضي").strip()
    if month_name in _FOLDED_MONTHS:
        month = _FOLDED_MONTHS[month_name]
        year = d.year if month <= d.month else d.year - 1
        start, end = _month_span(year, month)
        return Resolved(expression, start, end, "month", False, f"{_MONTH_NAMES_EN[month]} {year}",
                        "A month without a year means the most recent one, up to the article's month.")  # fmt: skip
    if text in ("امس", "البارحه"):
        day = d - timedelta(days=1)
        return Resolved(expression, day, day, "day", False, day.isoformat(), "The day before the article.")
    if text in ("اليوم",):
        return Resolved(expression, d, d, "day", False, d.isoformat(), "The article's own day.")
    if text in ("غدا", "غدا"):
        day = d + timedelta(days=1)
        return Resolved(expression, day, day, "day", False, day.isoformat(), "The day after the article.")
    if text in ("هذا العام", "العام الجاري", "العام الحالي", "هذه السنه"):
        return Resolved(expression, date(d.year, 1, 1), date(d.year, 12, 31), "year", False, str(d.year),
                        "The year of the article.")  # fmt: skip
    if text in ("في وقت لاحق من هذا العام", "وقت لاحق من هذا العام", "في وقت لاحق هذا العام", "لاحقا هذا العام"):
        start = d + timedelta(days=1)
        return Resolved(expression, start, date(d.year, 12, 31), "range", False,
                        f"later in {d.year} (after {d.day} {d:%B})",
                        "From the day after the article to the end of its year.")  # fmt: skip
    if text in ("في وقت سابق من هذا العام", "في وقت سابق هذا العام"):
        return Resolved(expression, date(d.year, 1, 1), d - timedelta(days=1), "range", False,
                        f"earlier in {d.year} (before {d.day} {d:%B})",
                        "From the start of the article's year to the day before it.")  # fmt: skip
    if text in ("العام الماضي", "السنه الماضيه"):
        y = d.year - 1
        return Resolved(expression, date(y, 1, 1), date(y, 12, 31), "year", False, str(y), "The year before.")
    if text in ("العام المقبل", "العام القادم", "السنه المقبله"):
        y = d.year + 1
        return Resolved(expression, date(y, 1, 1), date(y, 12, 31), "year", False, str(y), "The year after.")
    if text in ("الشهر المقبل", "الشهر القادم"):
        nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        start, end = _month_span(nxt.year, nxt.month)
        return Resolved(expression, start, end, "month", False, f"{nxt:%B %Y}", "The month after the article's.")
    if text in ("الشهر الماضي",):
        prev = d.replace(day=1) - timedelta(days=1)
        start, end = _month_span(prev.year, prev.month)
        return Resolved(expression, start, end, "month", False, f"{prev:%B %Y}", "The month before the article's.")
    ago = re.fullmatch(r"(منذ|قبل) (\d+|[٠-٩]+)? ?(\S+)", text)
    if ago:
        number, unit_word = ago.group(2), ago.group(3)
        if number is None and unit_word in _NUMBER_WORDS:
            number, unit = _NUMBER_WORDS[unit_word]
        else:
            unit = _UNITS.get(unit_word)
        if number is not None and unit is not None:
            n = int(number)
            if unit == "year":
                y = d.year - n
                return Resolved(expression, date(y, 1, 1), date(y, 12, 31), "year", True, f"about {y}",
                                f"{n} years before {d.year}: the year {y}, give or take.")  # fmt: skip
            if unit == "month":
                month_index = d.year * 12 + d.month - 1 - n
                y, m = divmod(month_index, 12)
                start, end = _month_span(y, m + 1)
                return Resolved(expression, start, end, "month", True, f"about {_MONTH_NAMES_EN[m + 1]} {y}",
                                f"{n} months before the article.")  # fmt: skip
            days = n * (7 if unit == "week" else 1)
            day = d - timedelta(days=days)
            return Resolved(expression, day, day, "day", unit == "week", day.isoformat(), f"{days} days before.")
    return None


#: The name under which the package exports :func:`resolve`.
resolve_date = resolve


def _parse_answer(text: str) -> tuple[dt.date, dt.date] | None:
    """A learner's date: YYYY, YYYY-MM or YYYY-MM-DD (Arabic-Indic digits allowed), as a span of days."""
    from helpers.text.arabic import normalize_match

    if len(text) > MAX_EXPRESSION:
        return None
    try:
        start, end, _ = written_span(normalize_match(text).replace("/", "-"))
    except ValueError:
        return None
    return start, end


def check_date_answer(expression: str, article_date: dt.date, answer: str) -> tuple[bool, str]:
    """Is the learner's date what the expression means? Returns (right, explanation).

    >>> right, why = check_date_answer("في نوفمبر", dt.date(2026, 1, 27), "2025-11")
    >>> right, why.split(".")[0]
    (True, 'Right: November 2025')
    >>> check_date_answer("في نوفمبر", dt.date(2026, 1, 27), "2026-11")[0]
    False
    """
    meaning = resolve(expression, article_date)
    span = _parse_answer(answer)
    if span is None:
        return False, "Write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-11."
    start, end = span
    if meaning.start <= start and end <= meaning.end:
        return True, f"Right: {meaning.label}. {meaning.reasoning}"
    if start <= meaning.start and meaning.end <= end:
        return False, "Nearly: the text says more than that. Be more precise."
    return False, "Not this date. Work from the article's date, Tuesday 27 January 2026."
