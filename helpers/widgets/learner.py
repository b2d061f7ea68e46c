"""The one name box of a notebook: who is learning, for every widget at once.

``helpers.learner_box()`` shows this kernel's learner (:func:`helpers.study.learners.current_learner`) and
``helpers.learner_progress()`` is the progress store that follows it: give that store to every widget
(``helpers.quiz(lesson, progress=progress)``, ``helpers.flashcards(lesson, progress)``…) and each shows and keeps
the progress of the learner named in the box.

- On a learner's own machine nothing must be typed: the box is there for a shared computer or a name on the
  results.
- On JupyterHub the hub's user name is shown, and cannot be changed here.
- In Voilà on a shared server the box asks for a name before the first answer.
"""

from __future__ import annotations

import os

import ipywidgets as widgets

from helpers.study.learners import DEFAULT, Learner, LearnerProgress, current_learner
from helpers.views.html import en
from helpers.widgets.base import guarded, shortened, show_message, status_area

__all__ = ["LearnerBox", "learner_box", "learner_progress"]

_STORES: dict[int, LearnerProgress] = {}


def learner_progress(learner: Learner | None = None) -> LearnerProgress:
    """The progress store of ``learner`` (this kernel's learner by default): one per learner object."""
    learner = learner if learner is not None else current_learner()
    store = _STORES.get(id(learner))
    if store is None or store.learner is not learner:
        store = _STORES[id(learner)] = LearnerProgress(learner)
    return store


class LearnerBox(widgets.VBox):
    """A name box that sets :attr:`learner`'s name (on Enter or **Start**) and says whose progress is kept."""

    def __init__(self, learner: Learner) -> None:
        self.learner = learner
        hub_user = _hub_user()
        self.name = widgets.Text(
            value=learner.name,
            description="Your name",
            placeholder="your name or student id",
            continuous_update=False,
            disabled=bool(hub_user),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="28em"),
        )
        self.name.add_class("khabar-learner-name")
        self.start = widgets.Button(description="Start", tooltip="Keep my answers under this name")
        self.start.layout.display = "none" if hub_user else ""
        self.note = widgets.HTML()
        self.note.add_class("khabar-learner-note")
        self.status = status_area()
        self.name.observe(guarded(self.status, lambda change: self._take(change["new"]), "use this name"), "value")
        self.start.on_click(guarded(self.status, lambda _b: self._take(self.name.value), "use this name"))
        learner.observe(guarded(self.status, self._show, "show the name"), "name")
        row = widgets.HBox([self.name, self.start], layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        super().__init__([row, self.note, self.status], layout=widgets.Layout(width="100%"))
        self.add_class("khabar-learner")
        self._show()

    def _take(self, typed: str) -> None:
        if not typed.strip() and not self.learner.required:
            self.learner.name = DEFAULT  # back to the default learner of this computer
            show_message(self.status, "")
            return
        self.learner.set_name(typed)  # a name that cannot be kept raises: the status says why
        show_message(self.status, "")

    def _show(self, _change: object = None) -> None:
        if self.name.value.strip() != self.learner.name:
            self.name.value = self.learner.name
        who = self.learner.name
        if who and _hub_user():
            text = f"Signed in as {shortened(who)}: your answers, known words and cards are kept under this name."
        elif who:
            text = f"Your answers, known words and cards are kept under «{shortened(who)}». Not you? Type your name."
        elif self.learner.required:
            text = "Type your name or student id first: your answers, known words and cards are kept under it."
        else:
            text = "Answers are kept on this computer. On a shared computer, type your name first."
        self.note.value = en(text, tag="p")

    def __repr__(self) -> str:
        return f"LearnerBox: {self.learner!r}"


def _hub_user() -> str:
    return os.environ.get("JUPYTERHUB_USER", "")


def learner_box(learner: Learner | None = None) -> LearnerBox:
    """The name box of this kernel's learner (or of ``learner``): see the module's docstring."""
    return LearnerBox(learner if learner is not None else current_learner())
