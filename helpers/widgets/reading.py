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

The widget can be driven from code, as the tests do::

    view = reading_view(lesson)
    view.next_button.click()
    view.diacritics.value = True
    assert "وَقَّعَ" in view.article.value
    assert repr(view) == "ReadingView: p02-s1, sentence 2 of 19, diacritics on, translation off, notes off"
"""

from __future__ import annotations

import ipywidgets as widgets

from helpers.lesson.model import Lesson
from helpers.study.progress import ProgressChange, ProgressStore
from helpers.views.html import style
from helpers.views.lesson import article_html, sentence_html
from helpers.widgets.base import failure_message, guarded, show_message, status_area

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
        self.diacritics = widgets.ToggleButton(
            value=False, description="Diacritics · تشكيل", icon="", tooltip="Show or hide the tashkeel"
        )
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
            (self.diacritics, "khabar-diacritics"),
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
        for w in (self.jump, self.diacritics, self.translation, self.notes):
            w.observe(guarded(self.status, self._render, "show the sentence"), names="value")
        controls = widgets.HBox(
            [self.previous_button, self.next_button, self.jump, self.position],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        toggles = widgets.HBox([self.diacritics, self.translation, self.notes])
        super().__init__([widgets.HTML(style()), controls, toggles, self.status, self.focus, self.article])
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
        return (
            f"ReadingView: {self.current}, sentence {self._ids.index(self.current) + 1} of {len(self._ids)}, "
            f"diacritics {state(self.diacritics)}, translation {state(self.translation)}, "
            f"notes {state(self.notes)}{known}"
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
        if change.kind == "known" and change.lesson == self.lesson.id:
            guarded(self.status, self._render, "show your known words")()

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

    def _render(self, _change: object = None) -> None:
        sentence = self.lesson.sentence(self.current)
        index = self._ids.index(self.current)
        notes = self.lesson.notes_for(sentence.id) if self.notes.value else ()
        show_message(self.status, "")
        known = self._known()
        self.focus.value = sentence_html(
            sentence,
            vocalized=self.diacritics.value,
            translation=self.translation.value,
            notes=notes,
            glossary=self.lesson.glossary_for(sentence.id),
            known=known,
        )
        self.article.value = article_html(
            self.lesson, vocalized=self.diacritics.value, current=sentence.id, glosses=True, known=known
        )
        count = len(self.lesson.notes_for(sentence.id))
        self.position.value = (
            f"Sentence {index + 1} of {len(self._ids)} · paragraph {sentence.paragraph_id[1:].lstrip('0')}"
            f" · {count} note{'s' if count != 1 else ''}"
        )
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == len(self._ids) - 1


def reading_view(lesson: Lesson, start: str | None = None, progress: ProgressStore | None = None) -> ReadingView:
    """Build the reading widget for a lesson, opened at ``start`` (default: the first sentence).

    Glossary words carry their glosses; with ``progress``, words not yet marked
    as known are highlighted.
    """
    if start is not None:
        lesson.sentence(start)
    return ReadingView(lesson, start, progress)
