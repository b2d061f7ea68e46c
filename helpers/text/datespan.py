"""Dates as a lesson or a learner writes them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and the days they cover.

The one definition of "precision → span of days": the timeline's events, the relative-date resolver and the
learner's answers in the dates exercise all go through :func:`written_span`.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["PRECISIONS", "month_span", "written_span"]

#: How precisely a date is known, from the most to the least precise ("range" has an explicit end).
PRECISIONS = ("day", "month", "year", "range")
_FORMS = {1: "year", 2: "month", 3: "day"}


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month.

    >>> [d.isoformat() for d in month_span(2024, 2)]
    ['2024-02-01', '2024-02-29']
    """
    try:
        first = dt.date(year, month, 1)
        following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        return first, following - dt.timedelta(days=1)
    except (ValueError, OverflowError):
        if (year, month) == (9999, 12):
            return dt.date(9999, 12, 1), dt.date(9999, 12, 31)
        raise ValueError(f"{year:04d}-{month:02d} is not a month between the years 1 and 9999") from None


def written_span(text: str, precision: str | None = None) -> tuple[dt.date, dt.date, str]:
    """The days a written date covers, and its precision (read from its form when not given).

    ``precision`` 'day' and 'range' need YYYY-MM-DD, 'month' YYYY-MM, 'year' YYYY; a range's end is given
    separately, so here it spans one day. A ``ValueError`` says in plain words what is wrong.

    >>> [x.isoformat() if hasattr(x, "isoformat") else x for x in written_span("2025-11")]
    ['2025-11-01', '2025-11-30', 'month']
    >>> written_span("2026-02-30", "day")
    Traceback (most recent call last):
    ...
    ValueError: 2026-02-30 is not a real day
    """
    parts = text.strip().split("-")
    form = _FORMS.get(len(parts))
    if form is None or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"write a date as YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    wanted = precision or form
    if wanted not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {wanted!r}")
    needed = "day" if wanted == "range" else wanted
    if needed != form:
        example = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}[needed]
        article = "an" if wanted == "year" else "a"
        raise ValueError(f"{article} {wanted} is written {example}, not {text!r}")
    numbers = [int(p) for p in parts]
    if form == "year":
        if not 1 <= numbers[0] <= 9999:
            raise ValueError(f"{text} is not a year between 1 and 9999")
        return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31), wanted
    if form == "month":
        if not 1 <= numbers[1] <= 12:
            raise ValueError(f"{text} has no month {numbers[1]}")
        start, end = month_span(numbers[0], numbers[1])
        return start, end, wanted
    try:
        day = dt.date(*numbers)
    except (ValueError, OverflowError):
        raise ValueError(f"{text} is not a real day") from None
    return day, day, wanted
