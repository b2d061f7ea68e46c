"""SM-2 scheduling with a fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.study.srs import AGAIN, EASY, GOOD, HARD, MIN_EASE, CardState, next_card, review

T0 = datetime(2026, 1, 27, 9, 0)


def test_good_answers_space_out_1_then_6_days_then_by_ease():
    s = CardState.new(T0)
    s = review(s, GOOD, T0)
    assert s.due == T0 + timedelta(days=1)
    s = review(s, GOOD, s.due)
    assert s.interval_days == 6
    s = review(s, GOOD, s.due)
    assert s.interval_days == round(6 * s.ease) == 15


def test_again_resets_and_comes_back_in_the_same_session():
    s = review(review(CardState.new(T0), GOOD, T0), GOOD, T0 + timedelta(days=1))
    failed = review(s, AGAIN, T0 + timedelta(days=7))
    assert failed.repetitions == 0 and failed.due == T0 + timedelta(days=7, minutes=10)
    assert failed.ease < s.ease


def test_hard_lowers_ease_easy_raises_it():
    hard = review(CardState.new(T0), HARD, T0)
    easy = review(CardState.new(T0), EASY, T0)
    assert hard.ease < 2.5 < easy.ease


@given(st.lists(st.sampled_from([AGAIN, HARD, GOOD, EASY]), max_size=40))
def test_ease_never_falls_below_the_floor_and_due_never_goes_back(grades):
    s, now = CardState.new(T0), T0
    for g in grades:
        s = review(s, g, now)
        assert s.ease >= MIN_EASE and s.due > now
        now = s.due


def test_grades_outside_0_to_5_are_refused():
    with pytest.raises(ValueError, match="0-5"):
        review(CardState.new(T0), 6, T0)


def test_next_card_prefers_the_most_overdue_then_new_cards():
    states = {
        "a": CardState(1, 1.0, 2.5, T0 - timedelta(hours=1)),
        "b": CardState(1, 1.0, 2.5, T0 - timedelta(days=2)),
        "c": CardState(1, 1.0, 2.5, T0 + timedelta(days=1)),
    }
    assert next_card(states, ["a", "b", "c", "d"], T0) == "b"
    del states["b"], states["a"]
    assert next_card(states, ["a", "b", "c", "d"], T0) == "a"  # new cards in teaching order
    assert next_card(states, ["c"], T0) is None  # nothing due, nothing new
