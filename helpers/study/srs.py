"""Spaced repetition: the SM-2 algorithm (SuperMemo 2, Wozniak 1990), as plain functions.

A card's state is how many times in a row it was recalled, its interval in
days, its ease factor and when it is due. After each review the learner grades
their recall; :func:`review` returns the new state:

=========  =====  ==============================================================
button     grade  effect
=========  =====  ==============================================================
Again      1      not recalled: start over, the card comes back in 10 minutes
Hard       3      recalled with effort: next interval grows less (ease drops)
Good       4      recalled: interval 1 day, then 6 days, then × ease
Easy       5      recalled at once: as Good, and the ease grows
=========  =====  ==============================================================

The ease factor starts at 2.5, changes by SM-2's formula
``EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))`` and never falls below 1.3.
The changes from SM-2: a failed card is due again after ten minutes (so it
returns in the same session) rather than the next day, and intervals stop
growing at ten years.

>>> from datetime import datetime
>>> now = datetime(2026, 1, 27, 9, 0)
>>> s = review(CardState.new(now), GOOD, now)
>>> (s.repetitions, s.interval_days, s.due.isoformat())
(1, 1.0, '2026-01-28T09:00:00')
>>> s = review(s, GOOD, s.due)
>>> (s.repetitions, s.interval_days, s.due.date().isoformat())
(2, 6.0, '2026-02-03')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

__all__ = ["GRADES", "CardState", "next_card", "review"]

AGAIN, HARD, GOOD, EASY = 1, 3, 4, 5
#: Button labels and grades, in the order the buttons are shown.
GRADES = (("Again", AGAIN), ("Hard", HARD), ("Good", GOOD), ("Easy", EASY))
RELEARN_DELAY = timedelta(minutes=10)
MIN_EASE = 1.3
#: Intervals stop growing at ten years (as Anki caps them), so dates stay in range.
MAX_INTERVAL_DAYS = 3650


@dataclass(frozen=True)
class CardState:
    """Where one card stands in the schedule."""

    repetitions: int
    interval_days: float
    ease: float
    due: datetime
    seen: bool = True

    @classmethod
    def new(cls, now: datetime) -> CardState:
        """A card never reviewed: due now, ease 2.5."""
        return cls(repetitions=0, interval_days=0.0, ease=2.5, due=now, seen=False)


def review(state: CardState, grade: int, now: datetime) -> CardState:
    """The state after a review graded 0-5 (use the AGAIN/HARD/GOOD/EASY constants).

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 27)
    >>> s = review(CardState.new(now), AGAIN, now)
    >>> (s.repetitions, s.due - now, round(s.ease, 2))
    (0, datetime.timedelta(seconds=600), 1.96)
    """
    if not 0 <= grade <= 5:
        raise ValueError(f"a grade is 0-5, not {grade!r}")
    ease = max(MIN_EASE, state.ease + 0.1 - (5 - grade) * (0.08 + (5 - grade) * 0.02))
    if grade < 3:
        return replace(state, repetitions=0, interval_days=0.0, ease=ease, due=now + RELEARN_DELAY, seen=True)
    if state.repetitions == 0:
        interval = 1.0
    elif state.repetitions == 1:
        interval = 6.0
    else:
        interval = min(MAX_INTERVAL_DAYS, round(state.interval_days * ease))
    return CardState(state.repetitions + 1, float(interval), ease, now + timedelta(days=interval), True)


def next_card(
    states: dict[str, CardState], order: Iterable[str], now: datetime, new_limit: int | None = None
) -> str | None:
    """The card to show now: the most overdue card, else the next new one, else ``None``.

    ``order`` is the teaching order of all cards; cards absent from ``states``
    are new. ``new_limit`` caps how many new cards may still be introduced.

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 27)
    >>> later = CardState(1, 1.0, 2.5, datetime(2026, 1, 28))
    >>> next_card({"a": later}, ["a", "b"], now)
    'b'
    >>> next_card({"a": later}, ["a", "b"], now, new_limit=0) is None
    True
    """
    due = [(s.due, card) for card, s in states.items() if s.seen and s.due <= now]
    if due:
        return min(due)[1]
    if new_limit is not None and new_limit <= 0:
        return None
    return next((card for card in order if card not in states or not states[card].seen), None)
