"""Vocabulary widgets: glossary browser, known words, flashcards, export buttons.

Each is built by a function from a lesson (and, where progress is kept, a
:class:`~helpers.study.progress.ProgressStore`) and can be driven from code::

    browser = glossary_browser(lesson)
    browser.query.value = "وقع"
    assert "to sign" in browser.results.value

The widgets that show known words follow the store: a word marked known in one
of them (a flashcard's "I know this word", the known-words list) shows as known
in the others at once. Each has a one-line ``repr`` saying what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
import traitlets

from helpers.lesson.model import GlossaryEntry, Lesson, Note, Word
from helpers.lesson.paths import output_dir
from helpers.study.progress import ProgressChange, ProgressStore
from helpers.study.srs import (
    DESIRED_RETENTION,
    GRADES,
    CardState,
    interval_label,
    next_card,
    preview,
    return_label,
    review,
)
from helpers.study.vocab import DIRECTIONS, MAX_QUERY, GlossaryIndex, card_ids
from helpers.study.words import WordIndex, find_words
from helpers.text.arabic import contains_arabic, normalize_match, strip_tashkeel
from helpers.views.html import Markup, ar, en, mixed, style
from helpers.views.vocab import entry_card
from helpers.views.words import card_html
from helpers.widgets.base import failure_message, guarded, shortened, show_message, store_notice, update_store_notice

__all__ = [
    "ExportButtons",
    "Flashcards",
    "GlossaryBrowser",
    "KnownWords",
    "export_buttons",
    "flashcards",
    "glossary_browser",
    "is_proper_name",
    "known_words",
    "usual_spelling",
]

_ALL = "all"
MAX_RESULTS = 30


class _FollowsProgress:
    """For a widget that shows a progress store: follows its changes, stops when the widget is closed.

    Changes the widget writes itself (inside ``_writing_to_store``) are not followed: it shows them already.
    """

    lesson: Lesson
    progress: ProgressStore | None
    _writing = False

    def _follow(self) -> None:
        if self.progress is not None:
            self.progress.observe(self._progress_changed)

    @contextmanager
    def _writing_to_store(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    def _progress_changed(self, change: ProgressChange) -> None:
        notice = getattr(self, "store_notice", None)
        if notice is not None:  # a warning the store gave on this write (e.g. kept in memory from now on)
            update_store_notice(notice, self.progress)
        if self._writing or change.lesson not in (self.lesson.id, "*"):  # "*": another learner now, every lesson
            return
        self._guarded(self._on_progress, "follow your progress")(change)

    def _on_progress(self, change: ProgressChange) -> None:
        raise NotImplementedError

    def _status_area(self) -> widgets.Widget:
        """Where the widget says what went wrong."""
        raise NotImplementedError

    def _show_error(self, message: str) -> None:
        show_message(self._status_area(), message)

    def _guarded(self, action: Callable[..., object], doing: str) -> Callable[..., None]:
        return guarded(self._status_area, action, doing)

    def close(self) -> None:
        """Close the widget and stop following the progress store."""
        progress = getattr(self, "progress", None)
        if progress is not None:
            progress.unobserve(self._progress_changed)
        super().close()  # type: ignore[misc]


class GlossaryBrowser(_FollowsProgress, widgets.VBox):
    """Search box, part-of-speech and tag filters, and the matching entries (with known badges)."""

    def __init__(self, lesson: Lesson, progress: ProgressStore | None = None) -> None:
        self.lesson, self.progress = lesson, progress
        self.index = GlossaryIndex(lesson.glossary)
        self.words = WordIndex(lesson)
        self._by_id = {e.id: e for e in lesson.glossary}
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
            w.observe(self._guarded(self.refresh, "search the glossary"), names="value")
        super().__init__(
            [widgets.HTML(style()), self.query, widgets.HBox([self.pos, self.tag]), self.count, self.results]
        )
        self.refresh()
        self._follow()

    def __repr__(self) -> str:
        return (
            f"GlossaryBrowser: {len(self.matches)} of {len(self.lesson.glossary)} entries, "
            f"search {shortened(self.query.value, MAX_QUERY)!r}"
            f", part of speech {self.pos.value}, tag {self.tag.value}"
        )

    @property
    def matches(self) -> list[GlossaryEntry]:
        """The entries that match the search box and the filters (also through the words of the text)."""
        return self._search()[0]

    def _search(self) -> tuple[list[GlossaryEntry], list[Word]]:
        """The matching entries, and the words of the text the search finds that have no entry of their own.

        A word of the text is found through its clitics and by any of its forms; its entry (and the expression
        it belongs to) join the entries found by the glossary search, under the same filters.
        """
        pos = None if self.pos.value == _ALL else self.pos.value
        tag = None if self.tag.value == _ALL else self.tag.value
        found = self.index.search(self.query.value, pos=pos, tag=tag)
        query = self.query.value[:MAX_QUERY]
        if not query.strip() or not contains_arabic(query):
            return found, []
        listed = {e.id for e in found}
        words, lemmas = [], set()
        for _sentence, at in find_words(self.lesson, query):
            word = at.word
            entry = self._by_id.get(self.words.key(word))
            if entry is None and word.lemma not in lemmas:  # no entry of its own: its card
                lemmas.add(word.lemma)
                words.append(word)
            for linked in (entry, self._by_id.get(word.entry) if word.entry else None):
                if linked is None or linked.id in listed:
                    continue
                if (pos is None or linked.pos == pos) and (tag is None or tag in linked.tags):
                    found.append(linked)
                    listed.add(linked.id)
        return found, words[:MAX_RESULTS]

    def refresh(self, _change: object = None) -> None:
        """Show the entries that match (called whenever the search, a filter or the known words change).

        A search longer than :data:`~helpers.study.vocab.MAX_QUERY` characters is cut to that length, and the
        count says so.
        """
        found, words = self._search()
        shown = found[:MAX_RESULTS]
        count = f"{len(found)} of {len(self.lesson.glossary)} entries"
        if len(found) > MAX_RESULTS:
            count += f" (showing the first {MAX_RESULTS})"
        if len(self.query.value) > MAX_QUERY:
            count += f" · only the first {MAX_QUERY} characters of the search are used"
        self.count.value = count
        known = None
        if self.progress is not None:
            try:
                known = self.progress.known(self.lesson.id)
            except Exception as exc:  # the entries are still shown, without their known badges
                self.count.value += " · " + failure_message(exc, "show which words you know")
        if not found and not words:
            self.results.value = en("Nothing found. Try fewer letters, another spelling, or English.", tag="p")
            return
        cards = [entry_card(self.lesson, e, None if known is None else e.id in known) for e in shown]
        if words:
            cards.append(en("In the text, with no glossary entry of their own:", tag="p"))
            cards += [Markup('<div class="khabar-card-open">{}</div>').format(card_html(self.words, w)) for w in words]
        self.results.value = Markup("").join(cards)

    def _on_progress(self, change: ProgressChange) -> None:
        if change.kind in ("known", "learner"):
            self.refresh()

    def _status_area(self) -> widgets.Widget:
        return self.count


def glossary_browser(lesson: Lesson, progress: ProgressStore | None = None) -> GlossaryBrowser:
    """Search the glossary; with ``progress`` each entry also says whether it is known."""
    return GlossaryBrowser(lesson, progress)


class KnownWords(_FollowsProgress, widgets.VBox):
    """Tick the words you know; the reading view marks the others.

    One checkbox per glossary entry (and per other word marked known from a word card), each saved at once on
    its own: ticking one never changes another. A filter box narrows the list. A word marked known elsewhere
    (a flashcard, a word card) is ticked here at once.
    """

    def __init__(self, lesson: Lesson, progress: ProgressStore, on_change: Callable[[], None] | None = None) -> None:
        self.lesson, self.progress, self.on_change = lesson, progress, on_change
        self.filter = widgets.Text(placeholder="Filter: Arabic or English", layout=widgets.Layout(width="100%"))
        self.filter.add_class("khabar-rtl-input")
        self.filter.add_class("khabar-known-filter")
        self.boxes: dict[str, widgets.Checkbox] = {}
        self._labels: dict[str, str] = {}
        for e in lesson.glossary:
            self._add_box(e.id, f"{e.headword} — {e.gloss}")
        self.list = widgets.VBox(layout=widgets.Layout(width="100%", max_height="24em", overflow="auto"))
        self.list.add_class("khabar-rtl")
        self.list.add_class("khabar-known-list")
        self.summary = widgets.Label()
        self.filter.observe(self._guarded(self._show_list, "filter the list"), names="value")
        #: What the progress store warns of (hidden while it has no warning).
        self.store_notice = store_notice(progress)
        self._show_store()
        super().__init__(
            [self.store_notice, widgets.Label("Tick every word you know:"), self.filter, self.list, self.summary]
        )
        self.add_class("khabar-known-words")
        self._follow()

    def __repr__(self) -> str:
        return f"KnownWords: {self.summary.value}"

    def _add_box(self, key: str, label: str) -> widgets.Checkbox:
        box = widgets.Checkbox(value=False, description=label, indent=False, layout=widgets.Layout(width="100%"))
        box.add_class("khabar-known-box")
        box.observe(self._guarded(lambda change, key=key: self._ticked(key, change), "save your known words"),
                    names="value")  # fmt: skip
        self.boxes[key] = box
        self._labels[key] = label
        return box

    @property
    def known(self) -> set[str]:
        """Keys of the words marked as known (what the ticks show)."""
        return {key for key, box in self.boxes.items() if box.value}

    def _show_store(self) -> None:
        """Make the ticks and the summary say what the store holds."""
        stored = self.progress.known(self.lesson.id)
        with self._writing_to_store():
            for key in sorted(stored - set(self.boxes)):
                if key.startswith("w:"):
                    self._add_box(key, f"{key[2:]} — {self._gloss_of(key[2:])}")
            for key, box in self.boxes.items():
                box.value = key in stored
        entries = {e.id for e in self.lesson.glossary}
        others = len([k for k in stored if k not in entries])
        self.summary.value = f"{len(stored & entries)} of {len(self.lesson.glossary)} glossary words known" + (
            f", and {others} other word{'s' if others != 1 else ''} of the text" if others else ""
        )
        self._show_list()

    def _gloss_of(self, lemma: str) -> str:
        for sentence in self.lesson.sentences:
            for word in sentence.words:
                if word.lemma == lemma:
                    return word.gloss
        return ""

    def _show_list(self, _change: object = None) -> None:
        wanted = self.filter.value.strip().lower()
        folded = normalize_match(strip_tashkeel(wanted)) if wanted else ""
        shown = [
            box for key, box in self.boxes.items()
            if not wanted or wanted in self._labels[key].lower()
            or folded in normalize_match(strip_tashkeel(self._labels[key]))
        ]  # fmt: skip
        if list(self.list.children) != shown:
            self.list.children = shown

    def _ticked(self, key: str, change: dict) -> None:
        if self._writing:
            return  # the ticks are being made to show the store
        try:
            with self._writing_to_store():
                self.progress.set_known(self.lesson.id, key, bool(change["new"]))
        except Exception:
            with suppress(Exception):  # the tick goes back to what the store holds, if it can still be read
                self._show_store()
            raise  # and the message under the list says why
        self._show_store()
        if self.on_change:
            self.on_change()

    def _on_progress(self, change: ProgressChange) -> None:
        if change.kind in ("known", "learner"):
            self._show_store()

    def _status_area(self) -> widgets.Widget:
        return self.summary


def known_words(lesson: Lesson, progress: ProgressStore, on_change: Callable[[], None] | None = None) -> KnownWords:
    """A list of the glossary to mark words as known; saved at once in ``progress``, following it."""
    return KnownWords(lesson, progress, on_change)


#: The colour of each grade button (ipywidgets' button styles): Again red, Hard amber, Good green, Easy blue.
GRADE_STYLES = {"Again": "danger", "Hard": "warning", "Good": "success", "Easy": "info"}


def is_proper_name(entry: GlossaryEntry) -> bool:
    """A name (of a person, a place, an organisation): a proper noun, or an expression tagged as one.

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> is_proper_name(lesson.entry("g-gideon-saar")), is_proper_name(lesson.entry("g-waqqaa"))
    (True, False)
    """
    return entry.pos == "proper-noun" or "proper-noun" in entry.tags


def usual_spelling(lesson: Lesson, entry: GlossaryEntry) -> tuple[str, Note | None] | None:
    """The spelling a flashcard teaches instead of the text's, when the teacher says the text's is unusual: the
    entry's ``usual_spelling``, with the teacher's spelling note on one of its forms when there is one. ``None``
    when the text's spelling is the one to learn (a note may discuss a spelling without saying the text's is
    wrong: Arabic spellings of a new name are often not settled).

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> spelling, note = usual_spelling(lesson, lesson.entry("g-gideon-saar"))
    >>> spelling, note.id
    ('جِدْعُون سَاعَر', 'n-saar-spelling')
    >>> usual_spelling(lesson, lesson.entry("g-tokayev")) is None  # the text's spelling is the usual one
    True
    """
    own = (entry.usual_spelling or "").strip()
    if not own:
        return None
    forms = {normalize_match(strip_tashkeel(f)) for f in (*entry.forms, entry.headword)}
    note = next((n for n in lesson.notes if n.kind == "spelling"
                 and normalize_match(strip_tashkeel(n.focus)) in forms), None)  # fmt: skip
    return own, note


class Flashcards(_FollowsProgress, widgets.VBox):
    """Self-graded flashcards scheduled by FSRS (see :mod:`helpers.study.srs`).

    Each grade button (coloured: Again red, Hard amber, Good green, Easy blue) shows when the card would come
    back if graded so now ("Good · 3 d"); after a grade, :attr:`outcome` says when it does ("Back in 3 days
    (4 Feb 2026)."). ``desired_retention``: the chance of still recalling a card when it comes back that the
    schedule aims for (0.9; higher: more reviews).

    Proper names are left out unless ``include_names`` (or the box "Include proper names" is ticked). A word the
    teacher notes say the text spells unusually is taught in its usual spelling (:func:`usual_spelling`: the
    card for جدعون سار asks for ساعر), with the text's spelling beside it.
    """

    #: The card shown, ``"<entry id>:<direction>"``, or None when no card is due.
    current = traitlets.Unicode(None, allow_none=True)
    #: New cards shown in this session (at most ``new_per_session``).
    new_shown = traitlets.Int(0)

    def __init__(
        self,
        lesson: Lesson,
        progress: ProgressStore,
        direction: str = "ar-en",
        new_per_session: int = 10,
        clock: Callable[[], datetime] = datetime.now,
        desired_retention: float = DESIRED_RETENTION,
        include_names: bool = False,
    ) -> None:
        if direction not in (*DIRECTIONS, "both"):
            raise ValueError(f"direction must be 'ar-en', 'en-ar' or 'both', not {direction!r}")
        preview(CardState.new(datetime(2026, 1, 1)), datetime(2026, 1, 1), desired_retention)  # ValueError if bad
        self.lesson, self.progress, self.clock = lesson, progress, clock
        self.desired_retention = desired_retention
        self.direction = direction
        self.new_per_session = new_per_session
        self._entries = {e.id: e for e in lesson.glossary}
        self._directions = DIRECTIONS if direction == "both" else (direction,)
        self.include_names = include_names
        self._order = self._card_order()
        self.names_box = widgets.Checkbox(
            value=include_names, description="Include proper names (people, places, organisations)", indent=False,
            layout=widgets.Layout(width="auto"),
        )  # fmt: skip
        self.names_box.add_class("khabar-include-names")
        self.front = widgets.HTML()
        self.back = widgets.HTML()
        self.status = widgets.Label()
        #: When the card just graded comes back, in words.
        self.outcome = widgets.HTML()
        self.outcome.add_class("khabar-flashcard-outcome")
        self.show_button = widgets.Button(description="Show answer", button_style="primary")
        self.grade_buttons = [
            widgets.Button(description=label, tooltip=f"grade {g}", button_style=GRADE_STYLES[label])
            for label, g in GRADES
        ]
        self.known_button = widgets.Button(description="I know this word", tooltip="Mark as known and skip it")
        self.show_button.add_class("khabar-show-answer")
        self.known_button.add_class("khabar-mark-known")
        for button, (label, grade) in zip(self.grade_buttons, GRADES, strict=True):
            button.add_class(f"khabar-grade-{label.lower()}")
            button.on_click(self._guarded(lambda _b, g=grade: self.grade(g), "save your grade"))
        self.show_button.on_click(self._guarded(lambda _: self.reveal(), "show the answer"))
        self.known_button.on_click(self._guarded(lambda _: self.mark_known(), "mark the word as known"))
        self.names_box.observe(self._guarded(self._names_changed, "change which words are drilled"), names="value")
        #: What the progress store warns of (hidden while it has no warning).
        self.store_notice = store_notice(progress)
        buttons = widgets.HBox([self.show_button, *self.grade_buttons, self.known_button])
        buttons.add_class("khabar-flashcard-buttons")
        super().__init__(
            [
                widgets.HTML(style()),
                self.store_notice,
                self.names_box,
                self.front,
                self.back,
                buttons,
                self.outcome,
                self.status,
            ]
        )
        self.add_class("khabar-flashcards")
        self.next()
        self._follow()

    def __repr__(self) -> str:
        if self.current is None:
            card = "no card due"
        else:
            card = f"card {self.current} ({'answer shown' if self.back.value else 'question'})"
        return f"Flashcards: {self.direction}, {self.due_now()} due, {self.new_left} new left, {card}"

    def _card_order(self) -> list[str]:
        entries = [e for e in self.lesson.glossary if self.include_names or not is_proper_name(e)]
        return card_ids(entries, self._directions)

    def _names_changed(self, change: dict) -> None:
        """The box "Include proper names" was ticked or unticked: the drill takes the names in or leaves them."""
        self.include_names = bool(change["new"])
        self._order = self._card_order()
        if self.current is None or self.current not in self._order:
            self.next()
        else:
            self._status()

    @property
    def new_left(self) -> int:
        """New cards this session may still show."""
        return max(0, self.new_per_session - self.new_shown)

    def due_now(self) -> int:
        """Cards of this drill seen before and due for review now."""
        now = self.clock()
        return sum(1 for c, s in self._states().items() if c in self._order and s.seen and s.due <= now)

    def _states(self) -> dict[str, CardState]:
        return self.progress.card_states(self.lesson.id)

    def next(self) -> None:
        """Choose the next card and show its front."""
        known = self.progress.known(self.lesson.id)
        states = self._states()
        order = [c for c in self._order if c.split(":")[0] not in known]
        due_states = {c: s for c, s in states.items() if c.split(":")[0] not in known and c in self._order}
        self.current = next_card(due_states, order, self.clock(), self.new_left)
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
            usual = usual_spelling(self.lesson, entry)
            if direction == "ar-en":
                prompt = ar(usual[0] if usual else entry.headword, tag="div", cls="khabar-ar khabar-card-face")
                if usual:
                    prompt += Markup(
                        '<p class="khabar-en khabar-usual-spelling" dir="ltr" lang="en">The usual spelling; this '
                        "text writes {}.</p>"
                    ).format(ar(entry.headword, cls="khabar-ar-inline"))
            else:
                prompt = en(entry.gloss, tag="div", cls="khabar-en khabar-card-face")
            ask = "What does it mean?" if direction == "ar-en" else "Say and write it in Arabic."
            self.front.value = prompt + en(ask, tag="p", cls="khabar-en khabar-sid")
        self._label_buttons()
        self._status()

    def _card(self) -> tuple[GlossaryEntry, str]:
        if self.current is None:
            raise LookupError("no card is shown")
        entry_id, direction = self.current.split(":")
        return self._entries[entry_id], direction

    def reveal(self) -> None:
        """Show the answer side."""
        if self.current is None:
            return
        entry, _direction = self._card()
        usual = usual_spelling(self.lesson, entry)
        spelling = Markup("")
        if usual:
            why = Markup(" {}.").format(mixed(usual[1].title.rstrip("."))) if usual[1] is not None else Markup("")
            spelling = Markup(
                '<p class="khabar-en khabar-usual-spelling" dir="ltr" lang="en"><b>Usual spelling: {}</b> '
                "(this text writes {}).{} Learn the usual spelling.</p>"
            ).format(ar(usual[0], cls="khabar-ar-inline"), ar(entry.headword, cls="khabar-ar-inline"), why)
        self.back.value = spelling + entry_card(self.lesson, entry)
        self._enable(answer_shown=True)
        self._label_buttons()

    def _label_buttons(self) -> None:
        """Each grade button says when the current card would come back if graded so now (as fsrs computes it)."""
        if self.current is None:
            for button, (label, _rating) in zip(self.grade_buttons, GRADES, strict=True):
                button.description = label
            return
        now = self.clock()
        state = self._states().get(self.current) or CardState.new(now)
        intervals = preview(state, now, self.desired_retention)
        for button, (label, _rating) in zip(self.grade_buttons, GRADES, strict=True):
            button.description = f"{label} · {interval_label(intervals[label])}"
            button.tooltip = f"{label}: back in {return_label(intervals[label])}"

    def grade(self, grade: int) -> None:
        """Record the learner's grade (rating 1-4: Again, Hard, Good, Easy) for the current card, say when it
        comes back, and move on."""
        if self.current is None or not self.back.value:
            return
        now = self.clock()
        state = self._states().get(self.current) or CardState.new(now)
        after = review(state, grade, now, self.desired_retention)
        with self._writing_to_store():
            self.progress.record_review(self.lesson.id, self.current, grade, after, now)
        if not state.seen:
            self.new_shown += 1
        delta = after.due - now
        date = f"{after.due:%d %b %Y, %H:%M}" if delta.days < 1 else f"{after.due:%d %b %Y}"
        self.outcome.value = en(f"Back in {return_label(delta)} ({date}).", tag="p")
        self.next()

    def mark_known(self) -> None:
        """Mark the current word as known: it leaves the drill (and shows as known in every view of the store)."""
        if self.current is None:
            return
        entry, _ = self._card()
        with self._writing_to_store():
            self.progress.set_known(self.lesson.id, entry.id, True)
        self.next()

    def _on_progress(self, change: ProgressChange) -> None:
        if change.kind == "learner":  # another learner's cards: start their session
            self.new_shown = 0
            self.next()
            return
        if change.kind not in ("known", "review"):
            return
        shown = self.current.split(":")[0] if self.current else None
        if change.kind == "known" and change.known and shown in change.keys:
            self.next()  # the word shown was marked known elsewhere: it leaves the drill
        elif change.kind == "known" and not change.known and shown is None:
            self.next()  # words came back into a drill that had run out
        else:
            self._status()

    def _status_area(self) -> widgets.Widget:
        return self.status

    def _enable(self, answer_shown: bool) -> None:
        self.show_button.disabled = answer_shown
        self.known_button.disabled = False
        for button in self.grade_buttons:
            button.disabled = not answer_shown

    def _status(self) -> None:
        now = self.clock()
        states = self._states()
        seen = sum(1 for c in self._order if c in states)
        today = sum(1 for _, _, when in self.progress.reviews(self.lesson.id) if when.date() == now.date())
        self.status.value = (
            f"Due now: {self.due_now()} · New cards left this session: {self.new_left} · "
            f"Cards started: {seen} of {len(self._order)} · Reviews today: {today}"
        )


def flashcards(
    lesson: Lesson,
    progress: ProgressStore,
    direction: str = "ar-en",
    new_per_session: int = 10,
    clock: Callable[[], datetime] = datetime.now,
    desired_retention: float = DESIRED_RETENTION,
    include_names: bool = False,
) -> Flashcards:
    """Flashcards for the lesson's glossary: ``direction`` 'ar-en', 'en-ar' or 'both' (see :class:`Flashcards`);
    proper names only with ``include_names``."""
    return Flashcards(lesson, progress, direction, new_per_session, clock, desired_retention, include_names)


class ExportButtons(widgets.VBox):
    """Buttons that write the glossary to an Anki deck or a CSV file; see :func:`export_buttons`."""

    def __init__(self, lesson: Lesson, folder: str | None = None) -> None:
        self.lesson, self.folder = lesson, str(folder if folder is not None else output_dir())
        self.written: list[str] = []
        self.anki_button = widgets.Button(description="Export to Anki (.apkg)", icon="download")
        self.csv_button = widgets.Button(description="Export to CSV", icon="download")
        self.anki_button.add_class("khabar-export-anki")
        self.csv_button.add_class("khabar-export-csv")
        self.result = widgets.HTML()
        self.result.add_class("khabar-export-result")
        self.anki_button.on_click(guarded(self.result, lambda _: self.write("anki"), "write the Anki deck"))
        self.csv_button.on_click(guarded(self.result, lambda _: self.write("csv"), "write the CSV file"))
        super().__init__([widgets.HBox([self.anki_button, self.csv_button]), self.result])

    def __repr__(self) -> str:
        done = ", ".join(self.written) if self.written else "nothing yet"
        return f"ExportButtons: Anki deck and CSV, written: {done}"

    def write(self, kind: str) -> None:
        """Write the deck (``kind`` 'anki') or the table ('csv'), say where it went, and offer it as a download."""
        from helpers.views.export import download_link, export_anki, export_csv

        if kind not in ("anki", "csv"):
            raise ValueError(f"kind must be 'anki' or 'csv', not {kind!r}")
        base = Path(self.folder) / f"khabar-{self.lesson.id}"
        try:
            path = (
                export_anki(self.lesson, base.with_suffix(".apkg"))
                if kind == "anki"
                else export_csv(self.lesson, base.with_suffix(".csv"))
            )
        except OSError as exc:
            doing = "write the Anki deck" if kind == "anki" else "write the CSV file"
            show_message(self.result, failure_message(exc, doing))
            return
        if Path(path).name not in self.written:
            self.written.append(Path(path).name)
        self.result.value = en(f"Written: {path} ({len(self.lesson.glossary)} words).", "p") + download_link(
            path
        )  # in Voilà or on a phone there is no file browser: the page offers the file


def export_buttons(lesson: Lesson, folder: str | None = None) -> ExportButtons:
    """Buttons that write the glossary to an Anki deck or a CSV file in ``folder`` (default: the output folder)."""
    return ExportButtons(lesson, folder)
