"""Written dates and relative time expressions: one reading of precision, and no crash at the edges."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.study.dates import OutOfRange, UnknownExpression, check_date_answer, resolve
from helpers.text.datespan import written_span

ARTICLE = dt.date(2026, 1, 27)


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2026", None, "2026-01-01", "2026-12-31"),
        ("2024-02", None, "2024-02-01", "2024-02-29"),
        ("2026-01-27", None, "2026-01-27", "2026-01-27"),
        ("2025-11-01", "range", "2025-11-01", "2025-11-01"),
        ("0001", "year", "0001-01-01", "0001-12-31"),
        ("9999-12", "month", "9999-12-01", "9999-12-31"),
    ],
)
def test_a_written_date_covers_the_days_its_precision_says(text, precision, start, end):
    first, last, _ = written_span(text, precision)
    assert (first.isoformat(), last.isoformat()) == (start, end)


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        ("2026-13", None, "2026-13 has no month 13"),
        ("2026-02-30", None, "2026-02-30 is not a real day"),
        ("0000", None, "0000 is not a year between 1 and 9999"),
        ("2026-01", "day", "a day is written YYYY-MM-DD, not '2026-01'"),
        ("2026", "month", "a month is written YYYY-MM, not '2026'"),
        ("26-01-27", None, "write a date as YYYY, YYYY-MM or YYYY-MM-DD, not '26-01-27'"),
        ("٢٠٢٦", None, "write a date as YYYY, YYYY-MM or YYYY-MM-DD, not '٢٠٢٦'"),
    ],
)
def test_a_date_that_cannot_be_read_says_why(text, precision, message):
    with pytest.raises(ValueError) as caught:
        written_span(text, precision)
    assert str(caught.value) == message


@pytest.mark.parametrize("expression", ["منذ 99999 عاما", "قبل 5000000 أشهر", "منذ 800000 أسابيع"])
def test_an_expression_beyond_the_calendar_says_it_is_out_of_range(expression):
    with pytest.raises(OutOfRange) as caught:
        resolve(expression, ARTICLE)
    assert "outside the dates the kit can show" in str(caught.value)


def test_a_very_long_expression_is_refused_in_words():
    with pytest.raises(UnknownExpression, match="too long for a time expression"):
        resolve("منذ " + "9" * 5000 + " عاما", ARTICLE)


@given(st.text(max_size=60))
def test_any_typed_date_is_checked_without_a_crash(answer):
    right, why = check_date_answer("في نوفمبر", ARTICLE, answer)
    assert isinstance(right, bool) and why


@pytest.mark.parametrize("answer", ["9" * 30, "99999-01", "2025-99", "-1", "٢٠٢٥-١١-٣٢"])
def test_an_impossible_typed_date_gets_the_format_hint(answer):
    assert check_date_answer("في نوفمبر", ARTICLE, answer) == (
        False,
        "Write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-11.",
    )


def test_arabic_indic_digits_are_read_in_a_typed_date():
    right, _ = check_date_answer("في نوفمبر", ARTICLE, "٢٠٢٥-١١")
    assert right
