"""Vocabulary widgets: glossary browser, known words, flashcards.

Each is built by a function from a lesson (and, where progress is kept, a
:class:`~helpers.study.progress.ProgressStore`) and can be driven from code::

    browser = glossary_browser(lesson)
    browser.query.value = "وقع"
    assert "to sign" in browser.results.value
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import ipywidgets as widgets

from helpers.lesson.model import GlossaryEntry, Lesson
from helpers.study.progress import ProgressStore
from helpers.study.srs import GRADES, CardState, next_card, review
from helpers.study.vocab import DIRECTIONS, GlossaryIndex, card_ids
from helpers.views.html import ar, en, style
from helpers.views.vocab import entry_card

__all__ = [
    "Flashcards",
    "GlossaryBrowser",
    "KnownWords",
    "export_buttons",
    "flashcards",
    "glossary_browser",
    "known_words",
]

_ALL = "all"
MAX_RESULTS = 30


class GlossaryBrowser(widgets.VBox):
    """Search box, part-of-speech and tag filters, and the matching entries."""

    def __init__(self, lesson: Lesson, progress: ProgressStore | None = None) -> None:
        self.lesson, self.progress = lesson, progress
        self.index = GlossaryIndex(lesson.glossary)
        self.query = widgets.Text(
            placeholder="Search: Arabic (with or without vowels), English, or a root (و ق ع)",
            layout=widgets.Layout(width="32em"),
        )
        pos_values = sorted({e.pos for e in lesson.glossary})
        tag_values = sorted({t for e in lesson.glossary for t in e.tags})
        self.pos = widgets.Dropdown(options=[_ALL, *pos_values], value=_ALL, description="Part of speech")
        self.tag = widgets.Dropdown(options=[_ALL, *tag_values], value=_ALL, description="Tag")
        self.count = widgets.Label()
        self.results = widgets.HTML()
        self.query.add_class("khabar-rtl-input")
        self.query.add_class("khabar-search")
        self.pos.add_class("khabar-pos-filter")
        self.tag.add_class("khabar-tag-filter")
        self.results.add_class("khabar-results")
        for w in (self.query, self.pos, self.tag):
            w.observe(self.refresh, names="value")
        super().__init__(
            [widgets.HTML(style()), self.query, widgets.HBox([self.pos, self.tag]), self.count, self.results]
        )
        self.refresh()

    @property
    def matches(self) -> list[GlossaryEntry]:
        pos = None if self.pos.value == _ALL else self.pos.value
        tag = None if self.tag.value == _ALL else self.tag.value
        return self.index.search(self.query.value, pos=pos, tag=tag)

    def refresh(self, _change: object = None) -> None:
        found = self.matches
        known = self.progress.known(self.lesson.id) if self.progress else None
        shown = found[:MAX_RESULTS]
        self.count.value = f"{len(found)} of {len(self.lesson.glossary)} entries" + (
            f" (showing the first {MAX_RESULTS})" if len(found) > MAX_RESULTS else ""
        )
        if not found:
            self.results.value = en("Nothing found. Try fewer letters, another spelling, or English.", tag="p")
            return
        cards = [entry_card(self.lesson, e, None if known is None else e.id in known) for e in shown]
        self.results.value = "".join(cards)


def glossary_browser(lesson: Lesson, progress: ProgressStore | None = None) -> GlossaryBrowser:
    """Search the glossary; with ``progress`` each entry also says whether it is known."""
    return GlossaryBrowser(lesson, progress)


class KnownWords(widgets.VBox):
    """Tick the words you know; the reading view marks the others."""

    def __init__(self, lesson: Lesson, progress: ProgressStore, on_change: Callable[[], None] | None = None) -> None:
        self.lesson, self.progress, self.on_change = lesson, progress, on_change
        options = [(f"{e.headword} — {e.gloss}", e.id) for e in lesson.glossary]
        self.select = widgets.SelectMultiple(
            options=options,
            value=tuple(i for _, i in options if i in progress.known(lesson.id)),
            rows=12,
            layout=widgets.Layout(width="34em"),
        )
        self.select.add_class("khabar-rtl")
        self.select.add_class("khabar-known-select")
        self.summary = widgets.Label()
        self.select.observe(self._changed, names="value")
        notice = [widgets.HTML(en(progress.warning, tag="p"))] if progress.warning else []
        super().__init__(
            [
                *notice,
                widgets.Label("Select every word you know (Ctrl/Cmd-click to add to the selection):"),
                self.select,
                self.summary,
            ]
        )
        self._summarise()

    def _changed(self, change: dict) -> None:
        before, after = set(change["old"]), set(change["new"])
        for entry in after - before:
            self.progress.set_known(self.lesson.id, entry, True)
        for entry in before - after:
            self.progress.set_known(self.lesson.id, entry, False)
        self._summarise()
        if self.on_change:
            self.on_change()

    def _summarise(self) -> None:
        n = len(self.progress.known(self.lesson.id))
        self.summary.value = f"{n} of {len(self.lesson.glossary)} words known"


def known_words(lesson: Lesson, progress: ProgressStore, on_change: Callable[[], None] | None = None) -> KnownWords:
    """A list of the glossary to mark words as known; saved at once in ``progress``."""
    return KnownWords(lesson, progress, on_change)


class Flashcards(widgets.VBox):
    """Self-graded flashcards scheduled by SM-2 (see :mod:`helpers.study.srs`)."""

    def __init__(
        self,
        lesson: Lesson,
        progress: ProgressStore,
        direction: str = "ar-en",
        new_per_session: int = 10,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        if direction not in (*DIRECTIONS, "both"):
            raise ValueError(f"direction must be 'ar-en', 'en-ar' or 'both', not {direction!r}")
        self.lesson, self.progress, self.clock = lesson, progress, clock
        self.direction = direction
        self.new_per_session = new_per_session
        self._new_shown = 0
        self._entries = {e.id: e for e in lesson.glossary}
        directions = DIRECTIONS if direction == "both" else (direction,)
        self._order = card_ids(lesson.glossary, directions)
        self.current: str | None = None
        self.front = widgets.HTML()
        self.back = widgets.HTML()
        self.status = widgets.Label()
        self.show_button = widgets.Button(description="Show answer", button_style="info")
        self.grade_buttons = [widgets.Button(description=label, tooltip=f"grade {g}") for label, g in GRADES]
        self.known_button = widgets.Button(description="I know this word", tooltip="Mark as known and skip it")
        self.show_button.add_class("khabar-show-answer")
        self.known_button.add_class("khabar-mark-known")
        for button, (label, grade) in zip(self.grade_buttons, GRADES, strict=True):
            button.add_class(f"khabar-grade-{label.lower()}")
            button.on_click(lambda _b, g=grade: self.grade(g))
        self.show_button.on_click(lambda _: self.reveal())
        self.known_button.on_click(lambda _: self.mark_known())
        notice = [widgets.HTML(en(progress.warning, tag="p"))] if progress.warning else []
        super().__init__(
            [
                widgets.HTML(style()),
                *notice,
                self.front,
                self.back,
                widgets.HBox([self.show_button, *self.grade_buttons, self.known_button]),
                self.status,
            ]
        )
        self.add_class("khabar-flashcards")
        self.next()

    def _states(self) -> dict[str, CardState]:
        return self.progress.card_states(self.lesson.id)

    def next(self) -> None:
        """Choose the next card and show its front."""
        known = self.progress.known(self.lesson.id)
        states = self._states()
        order = [c for c in self._order if c.split(":")[0] not in known]
        due_states = {c: s for c, s in states.items() if c.split(":")[0] not in known and c in self._order}
        self.current = next_card(due_states, order, self.clock(), self.new_per_session - self._new_shown)
        self.back.value = ""
        self._enable(answer_shown=False)
        if self.current is None:
            upcoming = [s.due for c, s in due_states.items()]
            when = f" The next review is due {min(upcoming):%d %b %Y, %H:%M}." if upcoming else ""
            self.front.value = en(f"No card is due now.{when} Well done!", tag="p")
            self.show_button.disabled = True
            self.known_button.disabled = True
        else:
            entry, direction = self._card()
            prompt = (
                ar(entry.headword, tag="div", cls="khabar-ar khabar-card-face")
                if direction == "ar-en"
                else en(entry.gloss, tag="div", cls="khabar-en khabar-card-face")
            )
            ask = "What does it mean?" if direction == "ar-en" else "Say and write it in Arabic."
            self.front.value = f"{prompt}{en(ask, tag='p', cls='khabar-en khabar-sid')}"
        self._status()

    def _card(self) -> tuple[GlossaryEntry, str]:
        assert self.current is not None
        entry_id, direction = self.current.split(":")
        return self._entries[entry_id], direction

    def reveal(self) -> None:
        """Show the answer side."""
        if self.current is None:
            return
        entry, _direction = self._card()
        self.back.value = entry_card(self.lesson, entry)
        self._enable(answer_shown=True)

    def grade(self, grade: int) -> None:
        """Record the learner's grade for the current card and move on."""
        if self.current is None or not self.back.value:
            return
        now = self.clock()
        state = self._states().get(self.current) or CardState.new(now)
        if not state.seen:
            self._new_shown += 1
        self.progress.record_review(self.lesson.id, self.current, grade, review(state, grade, now), now)
        self.next()

    def mark_known(self) -> None:
        """Mark the current word as known: it leaves the drill."""
        if self.current is None:
            return
        entry, _ = self._card()
        self.progress.set_known(self.lesson.id, entry.id, True)
        self.next()

    def _enable(self, answer_shown: bool) -> None:
        self.show_button.disabled = answer_shown
        self.known_button.disabled = False
        for button in self.grade_buttons:
            button.disabled = not answer_shown

    def _status(self) -> None:
        now = self.clock()
        states = self._states()
        due = sum(1 for c, s in states.items() if c in self._order and s.seen and s.due <= now)
        seen = sum(1 for c in self._order if c in states)
        today = sum(1 for _, _, when in self.progress.reviews(self.lesson.id) if when.date() == now.date())
        self.status.value = (
            f"Due now: {due} · New cards left this session: {max(0, self.new_per_session - self._new_shown)} · "
            f"Cards started: {seen} of {len(self._order)} · Reviews today: {today}"
        )


def flashcards(
    lesson: Lesson,
    progress: ProgressStore,
    direction: str = "ar-en",
    new_per_session: int = 10,
    clock: Callable[[], datetime] = datetime.now,
) -> Flashcards:
    """Flashcards for the lesson's glossary: ``direction`` 'ar-en', 'en-ar' or 'both'."""
    return Flashcards(lesson, progress, direction, new_per_session, clock)


def export_buttons(lesson: Lesson, folder: str = ".") -> widgets.VBox:
    """Buttons that write the glossary to an Anki deck or a CSV file in ``folder``."""
    from pathlib import Path

    from helpers.views.export import export_anki, export_csv

    anki = widgets.Button(description="Export to Anki (.apkg)", icon="download")
    table = widgets.Button(description="Export to CSV", icon="download")
    anki.add_class("khabar-export-anki")
    table.add_class("khabar-export-csv")
    result = widgets.HTML()

    def write(kind: str) -> None:
        base = Path(folder) / f"khabar-{lesson.id}"
        try:
            path = (
                export_anki(lesson, base.with_suffix(".apkg"))
                if kind == "anki"
                else export_csv(lesson, base.with_suffix(".csv"))
            )
        except OSError as exc:
            result.value = en(f"Could not write the file: {exc}", tag="p")
            return
        result.value = en(f"Written: {path} ({len(lesson.glossary)} words). Download it from the file browser.", "p")

    anki.on_click(lambda _: write("anki"))
    table.on_click(lambda _: write("csv"))
    box = widgets.VBox([widgets.HBox([anki, table]), result])
    box.anki_button, box.csv_button, box.result = anki, table, result  # for tests and scripts
    return box
