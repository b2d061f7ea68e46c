"""Spaced repetition: FSRS 6 (the Free Spaced Repetition Scheduler), through the ``fsrs`` package.

FSRS models each card's memory by its *stability* (how many days until the chance of recalling it falls to
90 %) and *difficulty*, and schedules the next review for when the chance of recalling it falls to the
*desired retention* (a setting, :data:`DESIRED_RETENTION` = 0.9 by default: higher means more reviews). A new
or forgotten card goes through short steps first (1 and 10 minutes; 10 minutes after a lapse). After each
review the learner says how well they recalled the card:

=========  ======  ==========================================================
button     rating  meaning
=========  ======  ==========================================================
Again      1       not recalled: the card comes back in the same session
Hard       2       recalled with serious effort
Good       3       recalled
Easy       4       recalled at once
=========  ======  ==========================================================

This module is a thin layer over ``fsrs``: :class:`CardState` holds an ``fsrs.Card``, :func:`review` is
``Scheduler.review_card``, :func:`replay` runs a review history through it. Two choices of ours: intervals are
not "fuzzed" (fsrs can add a random day or two so that cards learnt together spread out), so that the interval
a grade button shows is the one the grade gives; and times may be given without a time zone (as
``datetime.now()`` gives them): they are then read as local time, and the due date is given back the same way.

>>> from datetime import datetime
>>> now = datetime(2026, 1, 27, 9, 0)
>>> card = CardState.new(now)
>>> {label: interval_label(delta) for label, delta in preview(card, now).items()}
{'Again': '1 min', 'Hard': '6 min', 'Good': '10 min', 'Easy': '8 d'}
>>> s = review(card, GOOD, now)
>>> s.due.isoformat()
'2026-01-27T09:10:00'
>>> s = review(s, GOOD, s.due)
>>> (s.due - now).days, return_label(s.due - s.card.last_review.replace(tzinfo=None))
(2, '2 days')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from fsrs import Card, Rating, Scheduler

__all__ = [
    "ALGORITHM",
    "DESIRED_RETENTION",
    "GRADES",
    "CardState",
    "interval_label",
    "next_card",
    "preview",
    "rating_of_sm2_grade",
    "replay",
    "return_label",
    "review",
    "scheduler",
]

#: The name the progress store keeps beside each card state and review made with this module.
ALGORITHM = "fsrs-6"
AGAIN, HARD, GOOD, EASY = (int(r) for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy))
#: Button labels and ratings, in the order the buttons are shown.
GRADES = (("Again", AGAIN), ("Hard", HARD), ("Good", GOOD), ("Easy", EASY))
#: The chance of recalling a card at the moment it is due that the schedule aims for (FSRS's default).
DESIRED_RETENTION = 0.9


@lru_cache(maxsize=8)
def scheduler(desired_retention: float = DESIRED_RETENTION) -> Scheduler:
    """The FSRS scheduler for a desired retention (between 0 and 1, exclusive), without fuzzing."""
    if not isinstance(desired_retention, (int, float)) or not 0 < desired_retention < 1:
        raise ValueError(f"the desired retention is a chance between 0 and 1, such as 0.9, not {desired_retention!r}")
    return Scheduler(desired_retention=float(desired_retention), enable_fuzzing=False)


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC, as fsrs wants it (a time without a zone is local time)."""
    return moment.astimezone(timezone.utc)


def _like(moment: datetime, like: datetime | None) -> datetime:
    """A UTC ``moment`` the way ``like`` is given: local time without a zone (the default), or in its zone."""
    if like is None or like.tzinfo is None:
        return moment.astimezone().replace(tzinfo=None)
    return moment.astimezone(like.tzinfo)


@dataclass(frozen=True)
class CardState:
    """Where one card stands in the schedule: its ``fsrs.Card``, when it is due, and whether it was ever seen."""

    card: Card
    due: datetime
    seen: bool = True

    @classmethod
    def new(cls, now: datetime) -> CardState:
        """A card never reviewed: due now."""
        return cls(Card(card_id=0, due=_utc(now)), now, seen=False)

    def to_json(self) -> str:
        """The fsrs card as JSON (``fsrs.Card.to_dict``), as the progress store keeps it."""
        return json.dumps(self.card.to_dict(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str, like: datetime | None = None) -> CardState:
        """The state :meth:`to_json` wrote; ``due`` in local time, or in the zone of ``like`` if it has one.

        Raises ``ValueError`` (or ``KeyError``, ``TypeError``) for JSON that is not an fsrs card."""
        card = Card.from_dict(json.loads(text))
        if card.due.tzinfo is None:
            raise ValueError("an fsrs card's due date has a time zone")
        return cls(card, _like(card.due, like), card.last_review is not None)


def _rating(rating: int) -> Rating:
    if isinstance(rating, bool) or rating not in (AGAIN, HARD, GOOD, EASY):
        raise ValueError(f"a rating is 1-4 (Again, Hard, Good, Easy), not {rating!r}")
    return Rating(rating)


def review(state: CardState, rating: int, now: datetime, desired_retention: float = DESIRED_RETENTION) -> CardState:
    """The state after a review rated 1-4 at ``now`` (use the AGAIN/HARD/GOOD/EASY constants).

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 27)
    >>> s = review(CardState.new(now), AGAIN, now)
    >>> s.due - now, s.seen
    (datetime.timedelta(seconds=60), True)
    """
    card, _log = scheduler(desired_retention).review_card(state.card, _rating(rating), _utc(now))
    return CardState(card, _like(card.due, now), True)


def preview(state: CardState, now: datetime, desired_retention: float = DESIRED_RETENTION) -> dict[str, timedelta]:
    """For each button (label: interval), how long after ``now`` the card would come back if rated so now."""
    return {label: review(state, rating, now, desired_retention).due - now for label, rating in GRADES}


def replay(history: Iterable[tuple[int, datetime]], desired_retention: float = DESIRED_RETENTION) -> CardState:
    """The state of a card after the reviews ``history`` gives, (rating, when), oldest first.

    FSRS's memory state is defined by the history of reviews: this is how a card scheduled by another
    algorithm (its reviews kept) gets its FSRS state. ``ValueError`` for an empty history.
    """
    state: CardState | None = None
    for rating, when in history:
        state = review(state or CardState.new(when), rating, when, desired_retention)
    if state is None:
        raise ValueError("a card without reviews has nothing to replay")
    return state


def rating_of_sm2_grade(grade: int) -> int:
    """The button an SM-2 grade 0-5 was given with (as Khabar's SM-2 buttons were Again 1, Hard 3, Good 4,
    Easy 5; the grades below 3, all failures, are Again)."""
    if isinstance(grade, bool) or not isinstance(grade, int) or not 0 <= grade <= 5:
        raise ValueError(f"an SM-2 grade is 0-5, not {grade!r}")
    return {3: HARD, 4: GOOD, 5: EASY}.get(grade, AGAIN)


def _count(amount: float, unit: str) -> str:
    text = f"{amount:.1f}".removesuffix(".0") if amount < 10 else f"{round(amount)}"
    return f"{text} {unit}{'' if text == '1' else 's'}"


def interval_label(delta: timedelta) -> str:
    """An interval in a few characters, as a grade button shows it: "1 min", "3 h", "3 d", "2.5 mo", "1.2 y".

    >>> interval_label(timedelta(minutes=10)), interval_label(timedelta(days=3)), interval_label(timedelta(days=75))
    ('10 min', '3 d', '2.5 mo')
    """
    days = delta.total_seconds() / 86400
    if days < 1 / 24:
        return f"{max(1, round(delta.total_seconds() / 60))} min"
    if days < 1:
        return f"{round(days * 24)} h"
    if days < 30:
        return f"{round(days)} d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + " mo"
    return f"{days / 365:.1f}".removesuffix(".0") + " y"


def return_label(delta: timedelta) -> str:
    """An interval in words: "1 minute", "10 minutes", "4 hours", "3 days", "2.5 months", "1.2 years".

    >>> return_label(timedelta(minutes=1)), return_label(timedelta(days=1)), return_label(timedelta(days=400))
    ('1 minute', '1 day', '1.1 years')
    """
    days = delta.total_seconds() / 86400
    if days < 1 / 24:
        return _count(max(1, round(delta.total_seconds() / 60)), "minute")
    if days < 1:
        return _count(round(days * 24), "hour")
    if days < 30:
        return _count(round(days), "day")
    if days < 365:
        return _count(round(days / 30, 1), "month")
    return _count(round(days / 365, 1), "year")


def next_card(
    states: dict[str, CardState], order: Iterable[str], now: datetime, new_limit: int | None = None
) -> str | None:
    """The card to show now: the most overdue card, else the next new one, else ``None``.

    ``order`` is the teaching order of all cards; cards absent from ``states``
    are new. ``new_limit`` caps how many new cards may still be introduced.

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 27)
    >>> later = review(CardState.new(now), EASY, now)
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
