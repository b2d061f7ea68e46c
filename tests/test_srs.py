"""FSRS scheduling (through the fsrs package) with a fake clock, and the flashcards that use it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Card, Rating, Scheduler, State
from hypothesis import given
from hypothesis import strategies as st

import helpers
from helpers.study.srs import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    CardState,
    interval_label,
    next_card,
    preview,
    rating_of_sm2_grade,
    replay,
    return_label,
    review,
)

from .conftest import visible_text

T0 = datetime(2026, 1, 27, 9, 0)
UTC0 = datetime(2026, 1, 27, 9, 0, tzinfo=timezone.utc)


def test_a_new_card_goes_through_the_learning_steps_then_days():
    s = review(CardState.new(T0), GOOD, T0)
    assert s.due == T0 + timedelta(minutes=10) and s.card.state == State.Learning
    s = review(s, GOOD, s.due)
    assert s.card.state == State.Review and s.due - (T0 + timedelta(minutes=10)) >= timedelta(days=1)


def test_again_brings_a_card_back_in_the_same_session():
    s = review(review(CardState.new(T0), EASY, T0), GOOD, T0 + timedelta(days=8))
    failed = review(s, AGAIN, s.due)
    assert failed.due == s.due + timedelta(minutes=10) and failed.card.state == State.Relearning


def test_easier_ratings_never_come_back_sooner():
    intervals = preview(CardState.new(T0), T0)
    assert list(intervals) == ["Again", "Hard", "Good", "Easy"]
    assert intervals["Again"] < intervals["Hard"] < intervals["Good"] < intervals["Easy"]


@given(st.lists(st.sampled_from([AGAIN, HARD, GOOD, EASY]), max_size=40))
def test_the_due_date_is_always_after_the_review(ratings):
    s, now = CardState.new(T0), T0
    for r in ratings:
        s = review(s, r, now)
        assert s.due > now
        now = s.due


@pytest.mark.parametrize("rating", [0, 5, True, 2.5])
def test_ratings_outside_1_to_4_are_refused(rating):
    with pytest.raises(ValueError, match="1-4"):
        review(CardState.new(T0), rating, T0)


@pytest.mark.parametrize("retention", [0, 1, 1.5, -0.1])
def test_a_desired_retention_outside_0_to_1_is_refused(retention):
    with pytest.raises(ValueError, match="between 0 and 1"):
        review(CardState.new(T0), GOOD, T0, desired_retention=retention)


def test_a_higher_desired_retention_brings_cards_back_sooner():
    s = review(CardState.new(T0), EASY, T0)
    assert preview(s, s.due, 0.95)["Good"] < preview(s, s.due, 0.9)["Good"] < preview(s, s.due, 0.8)["Good"]


# A week of reviews of one card: (rating, minutes after T0), the times a learner came back at.
WEEK = [
    (GOOD, 0),
    (GOOD, 10),
    (AGAIN, 2 * 24 * 60),
    (GOOD, 2 * 24 * 60 + 10),
    (HARD, 3 * 24 * 60),
    (GOOD, 5 * 24 * 60),
    (EASY, 7 * 24 * 60),
]


def test_a_week_of_reviews_ends_as_fsrs_itself_schedules_it():
    scheduler = Scheduler(desired_retention=0.9, enable_fuzzing=False)
    card = Card(card_id=0, due=UTC0)
    s = CardState.new(T0.replace(tzinfo=timezone.utc))
    for rating, minutes in WEEK:
        when = UTC0 + timedelta(minutes=minutes)
        card, _log = scheduler.review_card(card, Rating(rating), when)
        s = review(s, rating, when)
        assert s.due == card.due  # each due date, not only the last
        assert (s.card.stability, s.card.difficulty, s.card.state) == (card.stability, card.difficulty, card.state)
    assert s.card == card
    assert s.due - (UTC0 + timedelta(minutes=WEEK[-1][1])) == card.due - card.last_review
    assert replay([(r, UTC0 + timedelta(minutes=m)) for r, m in WEEK]).card == card


def test_times_without_a_zone_are_local_time_and_come_back_so():
    s = review(CardState.new(T0), GOOD, T0)
    assert s.due.tzinfo is None and s.card.due.tzinfo is timezone.utc
    assert s.card.due == (T0 + timedelta(minutes=10)).astimezone(timezone.utc)


def test_a_state_survives_its_json():
    s = review(review(CardState.new(T0), GOOD, T0), GOOD, T0 + timedelta(minutes=10))
    assert CardState.from_json(s.to_json()) == s


def test_an_empty_history_has_nothing_to_replay():
    with pytest.raises(ValueError, match="nothing to replay"):
        replay([])


@pytest.mark.parametrize(("grade", "rating"), [(0, AGAIN), (1, AGAIN), (2, AGAIN), (3, HARD), (4, GOOD), (5, EASY)])
def test_sm2_grades_become_the_button_they_came_from(grade, rating):
    assert rating_of_sm2_grade(grade) == rating


@pytest.mark.parametrize(
    ("delta", "short", "long"),
    [
        (timedelta(seconds=20), "1 min", "1 minute"),
        (timedelta(minutes=10), "10 min", "10 minutes"),
        (timedelta(hours=5), "5 h", "5 hours"),
        (timedelta(days=1), "1 d", "1 day"),
        (timedelta(days=3), "3 d", "3 days"),
        (timedelta(days=45), "1.5 mo", "1.5 months"),
        (timedelta(days=730), "2 y", "2 years"),
    ],
)
def test_intervals_in_words(delta, short, long):
    assert (interval_label(delta), return_label(delta)) == (short, long)


def test_next_card_prefers_the_most_overdue_then_new_cards():
    def due_at(when):
        return CardState(Card(card_id=0, due=when.astimezone(timezone.utc)), when)

    states = {
        "a": due_at(T0 - timedelta(hours=1)),
        "b": due_at(T0 - timedelta(days=2)),
        "c": due_at(T0 + timedelta(days=1)),
    }
    assert next_card(states, ["a", "b", "c", "d"], T0) == "b"
    del states["b"], states["a"]
    assert next_card(states, ["a", "b", "c", "d"], T0) == "a"  # new cards in teaching order
    assert next_card(states, ["c"], T0) is None  # nothing due, nothing new


# -- the flashcards widget: what it drills and how it teaches ------------------------------------------------


def only(store, lesson, entry_id):
    """Every other word of the glossary marked known: the drill has one word left."""
    store.set_known_many(lesson.id, [e.id for e in lesson.glossary if e.id != entry_id])


def test_proper_names_are_left_out_of_the_drill_unless_the_box_is_ticked(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    names = [e for e in lesson.glossary if e.pos == "proper-noun" or "proper-noun" in e.tags]
    assert names and lesson.entry("g-gideon-saar") in names
    cards = helpers.flashcards(lesson, store, clock=lambda: T0)
    assert not cards.names_box.value and cards.names_box.description.startswith("Include proper names")
    assert f"Cards started: 0 of {len(lesson.glossary) - len(names)}" in cards.status.value
    only(store, lesson, "g-gideon-saar")
    assert cards.current is None and "No card is due now" in visible_text(cards.front.value)
    cards.names_box.value = True  # the learner ticks the box: the names come in
    assert cards.current == "g-gideon-saar:ar-en"
    assert f"Cards started: 0 of {len(lesson.glossary)}" in cards.status.value
    cards.names_box.value = False
    assert cards.current is None
    assert helpers.flashcards(lesson, store, include_names=True).current == "g-gideon-saar:ar-en"


def test_a_name_the_text_spells_unusually_is_taught_in_its_usual_spelling(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    note = next(n for n in lesson.notes if n.id == "n-saar-spelling")
    assert note.kind == "spelling" and note.focus == "سار" and helpers.strip_tashkeel(note.usual) == "جدعون ساعر"
    only(store, lesson, "g-gideon-saar")
    cards = helpers.flashcards(lesson, store, include_names=True, clock=lambda: T0)
    front = visible_text(cards.front.value)
    assert front.startswith("جِدْعُون سَاعَر") and "The usual spelling; this text writes جِدْعُون سَار." in front
    cards.show_button.click()
    back = visible_text(cards.back.value)
    assert back.startswith("Usual spelling: جِدْعُون سَاعَر (this text writes جِدْعُون سَار). Sa'ar's surname is usually")
    assert "Gideon Sa'ar" in back  # the glossary's card follows
    cards.grade_buttons[2].click()  # Good
    assert visible_text(cards.outcome.value) == "Back in 10 minutes (27 Jan 2026, 09:10)."
    reverse = helpers.flashcards(lesson, store, direction="en-ar", include_names=True, clock=lambda: T0)
    assert "Gideon Sa'ar" in visible_text(reverse.front.value) and "ساعر" not in reverse.front.value
    reverse.show_button.click()
    assert visible_text(reverse.back.value).startswith("Usual spelling: جِدْعُون سَاعَر")


def test_a_name_whose_spelling_the_notes_call_usual_is_taught_as_the_text_spells_it(lesson, tmp_path):
    store = helpers.open_progress(tmp_path / "p.sqlite3")
    assert any(n.kind == "spelling" and n.focus == "توكاييف" for n in lesson.notes)  # "both are in use"
    only(store, lesson, "g-tokayev")
    cards = helpers.flashcards(lesson, store, include_names=True)
    cards.show_button.click()
    assert "usual" not in visible_text(cards.front.value + cards.back.value).lower()
    assert visible_text(cards.front.value).startswith(lesson.entry("g-tokayev").headword)


def test_the_grade_buttons_are_coloured_and_say_when_the_card_comes_back(lesson, tmp_path):
    cards = helpers.flashcards(lesson, helpers.open_progress(tmp_path / "p.sqlite3"), clock=lambda: T0)
    assert [b.button_style for b in cards.grade_buttons] == ["danger", "warning", "success", "info"]
    assert cards.show_button.button_style == "primary"
    cards.show_button.click()
    assert [b.description for b in cards.grade_buttons] == ["Again · 1 min", "Hard · 6 min", "Good · 10 min",
                                                            "Easy · 8 d"]  # fmt: skip
    cards.grade_buttons[3].click()  # Easy
    assert visible_text(cards.outcome.value) == "Back in 8 days (04 Feb 2026)."
