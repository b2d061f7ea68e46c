"""The reading view: the article sentence by sentence, with its aids.

``reading_view(lesson)`` returns a widget: the current sentence in large type
(plain or vocalized), its translation and teacher notes on demand, buttons to
step through the text, a menu to jump to any sentence, and the whole article
below with the current sentence highlighted. All text goes through
:mod:`helpers.views.html`, which escapes it.

Every glossary word or expression is underlined: hovering it (or focusing it
with the keyboard) shows its vocalized headword, gloss, root and
transliteration. Given a progress store, the words not yet marked as known are
highlighted, and the highlights follow the store: a word marked known anywhere
(the known-words list, a flashcard) loses its highlight at once.

In a lesson with a word layer, the current sentence is a row of its words: choosing one (tap, click, or
the keyboard) opens its word card below it, with "I know this word", which marks its lemma known everywhere.
The tashkeel level (full, no case endings, only where needed, none) applies to the whole view and is
remembered beside the learner's progress; every word of the article below also opens its card when tapped,
and the view says what share of the text's words the learner knows.

The widget can be driven from code, as the tests do::

    view = reading_view(lesson)
    view.next_button.click()
    view.level.value = "full"
    assert "وَقَّعَ" in view.article.value
    view.words.value = 0            # the first word of the sentence: its card opens
    assert repr(view).startswith("ReadingView: p02-s1, sentence 2 of 19, tashkeel full")
"""

from __future__ import annotations

import ipywidgets as widgets

from helpers.lesson.model import Lesson, Word
from helpers.study.progress import ProgressChange, ProgressStore
from helpers.study.settings import Settings
from helpers.study.words import LEVEL_LABELS, LEVELS, WordIndex, shown_word
from helpers.views.html import Markup, style
from helpers.views.lesson import article_html, sentence_html
from helpers.views.words import card_html
from helpers.widgets.base import failure_message, guarded, show_message, status_area

#: The tashkeel level a lesson opens at, by its CEFR level (the learner's own choice, once made, wins).
DEFAULT_LEVELS = (("A", "full"), ("B1", "no-endings"), ("B2", "needed"), ("C", "none"))


def default_level(cefr: str) -> str:
    """The tashkeel level for a lesson's CEFR level: A → full, B1 (and B1-B2) → no-endings, B2 → needed, C → none.

    >>> default_level("B1-B2"), default_level("A2"), default_level("C1")
    ('no-endings', 'full', 'none')
    """
    for prefix, level in DEFAULT_LEVELS:
        if cefr.upper().startswith(prefix):
            return level
    return "full"


__all__ = ["ReadingView", "reading_view"]


def _preview(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


class ReadingView(widgets.VBox):
    """A widget for reading one lesson; see :func:`reading_view`."""

    def __init__(self, lesson: Lesson, start: str | None = None, progress: ProgressStore | None = None) -> None:
        self.lesson = lesson
        self.progress = progress
        ids = [s.id for s in lesson.sentences]
        self._ids = ids
        self.settings = Settings.beside(progress)
        #: The lesson's word layer as the view asks of it (known keys, root families), worked out once.
        self.index = WordIndex(lesson)
        saved = self.settings.get("tashkeel", default_level(lesson.info.level))
        #: The tashkeel level of the whole view (remembered beside the learner's progress).
        self.level = widgets.ToggleButtons(
            options=[(LEVEL_LABELS[k], k) for k in LEVELS],
            value=saved if saved in LEVELS else "full",
            description="تشكيل",
            tooltips=[
                "Every vowel mark",
                "Without case and mood endings, as read in pause",
                "Only shadda and the words that could be read another way",
                "The article as printed",
            ],
            style={"button_width": "auto"},
        )
        #: The words of the current sentence: choosing one opens its card.
        self.words = widgets.ToggleButtons(options=[], value=None, style={"button_width": "auto"})
        self.card = widgets.HTML()
        self.known_button = widgets.ToggleButton(
            value=False, description="I know this word", icon="check", tooltip="Mark this word (its lemma) known"
        )
        self.share = widgets.Label()
        self.translation = widgets.ToggleButton(
            value=False, description="Translation", tooltip="Show or hide the English translation"
        )
        self.notes = widgets.ToggleButton(
            value=False, description="Teacher notes", tooltip="Show the notes on this sentence"
        )
        self.previous_button = widgets.Button(description="◀ Previous", tooltip="Previous sentence")
        self.next_button = widgets.Button(description="Next ▶", tooltip="Next sentence")
        self.jump = widgets.Dropdown(
            options=[(f"{i + 1}. {_preview(s.ar)}", s.id) for i, s in enumerate(lesson.sentences)],
            value=start if start is not None else ids[0],
            description="",
            layout=widgets.Layout(width="32em"),
        )
        self.position = widgets.Label()
        #: Where the view says what went wrong (hidden while nothing has).
        self.status = status_area()
        self.focus = widgets.HTML()
        self.article = widgets.HTML()
        for w, cls in [
            (self.jump, "khabar-rtl"),
            (self.jump, "khabar-jump"),
            (self.level, "khabar-level"),
            (self.words, "khabar-word-buttons"),
            (self.card, "khabar-card-panel"),
            (self.known_button, "khabar-known-toggle"),
            (self.share, "khabar-share"),
            (self.translation, "khabar-translation"),
            (self.notes, "khabar-notes-toggle"),
            (self.previous_button, "khabar-previous"),
            (self.next_button, "khabar-next"),
            (self.focus, "khabar-focus-panel"),
            (self.article, "khabar-article-panel"),
        ]:
            w.add_class(cls)
        self.previous_button.on_click(guarded(self.status, lambda _: self.step(-1), "go to the previous sentence"))
        self.next_button.on_click(guarded(self.status, lambda _: self.step(1), "go to the next sentence"))
        for w in (self.jump, self.translation, self.notes):
            w.observe(guarded(self.status, self._render, "show the sentence"), names="value")
        self.level.observe(guarded(self.status, self._level_changed, "change the tashkeel level"), names="value")
        self.words.observe(guarded(self.status, self._show_card, "show the word"), names="value")
        self.known_button.observe(guarded(self.status, self._toggle_known, "mark the word known"), names="value")
        self._showing_card = False
        self._words_for: str | None = None
        self._article_cache: tuple[object, str] | None = None
        controls = widgets.HBox(
            [self.previous_button, self.next_button, self.jump, self.position],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        toggles = widgets.HBox(
            [self.translation, self.notes, self.share],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.word_panel = widgets.VBox([self.words, self.card, self.known_button])
        self.word_panel.add_class("khabar-word-panel")
        super().__init__(
            [
                widgets.HTML(style()),
                controls,
                self.level,
                toggles,
                self.status,
                self.word_panel,
                self.focus,
                self.article,
            ]
        )
        self.add_class("khabar-reading")
        self._render()
        if progress is not None:
            progress.observe(self._progress_changed)

    def __repr__(self) -> str:
        def state(toggle: widgets.ToggleButton) -> str:
            return "on" if toggle.value else "off"

        known = ""
        if self.progress is not None:
            try:
                count = len(self.progress.known(self.lesson.id) & {e.id for e in self.lesson.glossary})
                known = f", {count} of {len(self.lesson.glossary)} words known"
            except Exception:  # a repr never fails: the view itself says what went wrong
                known = ", known words not available"
        chosen = ""
        if self.words.value is not None:
            word = self._word()
            chosen = f", word {self.words.value + 1} ({word.text}: {word.gloss})" if word is not None else ""
        return (
            f"ReadingView: {self.current}, sentence {self._ids.index(self.current) + 1} of {len(self._ids)}, "
            f"tashkeel {self.level.value}, translation {state(self.translation)}, "
            f"notes {state(self.notes)}{known}{chosen}"
        )

    def close(self) -> None:
        """Close the widget and stop following the progress store."""
        progress = getattr(self, "progress", None)
        if progress is not None:
            progress.unobserve(self._progress_changed)
        super().close()

    @property
    def current(self) -> str:
        """The id of the sentence being read."""
        return self.jump.value

    def go(self, sentence_id: str) -> None:
        """Jump to a sentence by id (``KeyError`` if the lesson has none)."""
        self.lesson.sentence(sentence_id)
        self.jump.value = sentence_id

    def refresh(self) -> None:
        """Draw again. (Not needed for known words: the view follows its progress store by itself.)"""
        self._render()

    def _progress_changed(self, change: ProgressChange) -> None:
        if change.kind == "learner":  # another learner now: their tashkeel level and known words
            guarded(self.status, self._follow_learner, "show your known words")(change)
        elif change.kind == "known" and change.lesson == self.lesson.id:
            guarded(self.status, self._render, "show your known words")(change)

    def _follow_learner(self, _change: object = None) -> None:
        self.settings = Settings.beside(self.progress)
        saved = self.settings.get("tashkeel", default_level(self.lesson.info.level))
        level = saved if saved in LEVELS else "full"
        if self.level.value != level:
            self.level.value = level  # draws the view again
        else:
            self._render()
        self._show_card()

    def _known(self) -> set[str] | None:
        """The words marked known, or None without a store (or when it cannot be read: the status says so)."""
        if self.progress is None:
            return None
        try:
            return self.progress.known(self.lesson.id)
        except Exception as exc:  # the text is still shown, without the highlights
            show_message(self.status, failure_message(exc, "highlight the words you do not know yet"))
            return None

    def step(self, delta: int) -> None:
        """Move by ``delta`` sentences, stopping at the first and the last."""
        index = self._ids.index(self.current) + delta
        self.jump.value = self._ids[max(0, min(index, len(self._ids) - 1))]

    def _article(self, level: str, known: set[str] | None, current: str) -> str:
        """The whole article with its word cards, drawn once per level and set of known words."""
        key = (level, frozenset(known) if known is not None else None)
        if self._article_cache is None or self._article_cache[0] != key:
            html = article_html(self.lesson, vocalized=level != "none", glosses=True, known=known, level=level)
            self._article_cache = (key, str(html))
        plain = f'<span class="khabar-s" data-sid="{current}">'
        return self._article_cache[1].replace(plain, f'<span class="khabar-s khabar-current" data-sid="{current}">', 1)

    def _word(self) -> Word | None:
        """The word chosen in the current sentence, if any."""
        index = self.words.value
        words = self.lesson.sentence(self.current).words
        return words[index] if index is not None and index < len(words) else None

    def _level_changed(self, _change: object = None) -> None:
        self.settings.set("tashkeel", self.level.value)
        self._render()
        if self.settings.warning:
            show_message(self.status, self.settings.warning)

    def _show_card(self, _change: object = None) -> None:
        if self._showing_card and _change is not None:
            return
        word = self._word()
        if word is None:
            self.card.value = ""
            self.known_button.layout.display = "none"
            return
        known = self._known()
        key = self.index.key(word)
        is_known = known is not None and key in known
        entry = self.lesson.entry(word.entry) if word.entry else None  # the checks make sure it exists
        card = card_html(self.index, word, entry)
        self.card.value = style() + Markup('<div class="khabar-card-open">{}</div>').format(card)
        self._showing_card = True
        try:
            self.known_button.value = is_known
        finally:
            self._showing_card = False
        self.known_button.layout.display = "" if self.progress is not None and word.pos != "numeral" else "none"
        self.known_button.description = "I know this word ✓" if is_known else "I know this word"

    def _toggle_known(self, change: dict) -> None:
        if self._showing_card or self.progress is None:
            return
        word = self._word()
        if word is None:
            return
        learner = getattr(self.progress, "learner", None)
        if learner is not None and learner.missing:  # a shared server: nobody's words are kept before a name
            self._showing_card = True
            try:
                self.known_button.value = bool(change["old"])
            finally:
                self._showing_card = False
            show_message(self.status, "Type your name in the box above first: the words you know are kept under it.")
            return
        self.progress.set_known(self.lesson.id, self.index.key(word), bool(change["new"]))

    def _render(self, _change: object = None) -> None:
        sentence = self.lesson.sentence(self.current)
        index = self._ids.index(self.current)
        notes = self.lesson.notes_for(sentence.id) if self.notes.value else ()
        show_message(self.status, "")
        known = self._known()
        level = self.level.value
        vocalized = level != "none"
        self.focus.value = sentence_html(
            sentence,
            vocalized=vocalized,
            translation=self.translation.value,
            notes=notes,
            glossary=self.lesson.glossary_for(sentence.id),
            known=known,
            lesson=self.lesson,
            level=level,
            index=self.index,
        )
        if sentence.words:
            labels = [(shown_word(w, level), i) for i, w in enumerate(sentence.words)]
            same_sentence = self._words_for == sentence.id
            chosen = self.words.value if same_sentence else None
            if list(self.words.options) != labels:
                self._showing_card = True
                try:
                    self.words.options = labels
                    self.words.value = chosen
                finally:
                    self._showing_card = False
            elif not same_sentence:
                self.words.value = None
            self._words_for = sentence.id
            self.word_panel.layout.display = ""
            self._show_card()
        else:
            self.word_panel.layout.display = "none"
        self.article.value = self._article(level, known, sentence.id)
        if known is not None and any(s.words for s in self.lesson.sentences):
            hits, total = self.index.share(known)
            self.share.value = f"You know {hits} of the text's {total} words ({round(100 * hits / total)}%)"
        else:
            self.share.value = ""
        count = len(self.lesson.notes_for(sentence.id))
        self.position.value = (
            f"Sentence {index + 1} of {len(self._ids)} · paragraph {sentence.paragraph_id[1:].lstrip('0')}"
            f" · {count} note{'s' if count != 1 else ''}"
        )
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == len(self._ids) - 1


def reading_view(lesson: Lesson, start: str | None = None, progress: ProgressStore | None = None) -> ReadingView:
    """Build the reading widget for a lesson, opened at ``start`` (default: the first sentence).

    Glossary words carry their glosses (and every word its card, in a lesson with a word layer); with
    ``progress``, words not yet marked as known get a soft mark, and the tashkeel level is remembered.
    """
    if start is not None:
        lesson.sentence(start)
    return ReadingView(lesson, start, progress)
