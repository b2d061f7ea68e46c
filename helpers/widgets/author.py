"""Checking a draft lesson in a notebook: the drafts by risk, their evidence, a fix in place, saved and validated.

``author(lesson)`` shows a lesson folder's drafts (see :mod:`helpers.authoring.review`) the riskiest first:
the menu lists them, the panel shows why each needs a look and the evidence (both vocalizations side by side,
the lexicon's word-by-word hint, the other readings of a word), the fields a teacher can fix, and **Accept**,
which writes the fix into the YAML (keeping its order and comments), marks the record checked and checks the
whole lesson again; a fix the checks refuse is not kept, and the view says why. Progress per file is shown
("sentences 4/6 checked").
"""

from __future__ import annotations

import ipywidgets as widgets

from helpers.authoring.review import EDITABLE, Draft, DraftReview
from helpers.lesson.loader import lesson_folder
from helpers.views.html import Markup, ar, en, mixed, style
from helpers.widgets.base import guarded, show_message, status_area

__all__ = ["AuthorView", "author"]

_ARABIC_FIELDS = {"ar_vocalized", "vocalized", "lemma", "present", "root", "headword"}
_RISK = {0: "⚠ ", 1: "", 2: "⚠ ", 3: "⚠ "}


class AuthorView(widgets.VBox):
    """See :func:`author`."""

    def __init__(self, review: DraftReview) -> None:
        self.review = review
        self.progress = widgets.Label()
        self.choice = widgets.Dropdown(options=[], layout=widgets.Layout(width="100%"))
        self.choice.add_class("khabar-author-choice")
        self.evidence = widgets.HTML()
        self.fields: dict[str, widgets.Widget] = {}
        self.form = widgets.VBox()
        self.accept_button = widgets.Button(description="Accept: mark checked", button_style="success",
                                            icon="check", layout=widgets.Layout(width="auto"))  # fmt: skip
        self.accept_button.add_class("khabar-author-accept")
        #: What the view says about the last save (hidden while there is nothing to say).
        self.status = status_area()
        self.choice.observe(guarded(self.status, self._show, "show the draft"), names="value")
        self.accept_button.on_click(guarded(self.status, lambda _: self.accept(), "save the check"))
        super().__init__(
            [widgets.HTML(style()), self.progress, self.choice, self.evidence, self.form, self.accept_button,
             self.status]
        )  # fmt: skip
        self.add_class("khabar-author")
        self._drafts: list[Draft] = []
        self.refresh()

    def __repr__(self) -> str:
        return f"AuthorView: {len(self._drafts)} drafts to check · {self.review.progress_text()}"

    @property
    def current(self) -> Draft | None:
        index = self.choice.value
        return self._drafts[index] if index is not None and index < len(self._drafts) else None

    def refresh(self, keep: int = 0) -> None:
        """List the drafts again (after a save) and show the one at ``keep``."""
        self._drafts = self.review.drafts()
        self.progress.value = self.review.progress_text()
        options = [(_RISK.get(d.risk, "") + f"{d.file.removesuffix('.yaml')} · {d.label}", i)
                   for i, d in enumerate(self._drafts)]  # fmt: skip
        self.choice.options = options
        self.choice.value = min(keep, len(options) - 1) if options else None
        self.accept_button.disabled = not options
        self._show()

    def _show(self, _change: object = None) -> None:
        draft = self.current
        if draft is None:
            self.evidence.value = en("Every record of this lesson is checked.", tag="p")
            self.form.children = ()
            return
        reasons = Markup("").join(Markup("<li>{}</li>").format(r) for r in draft.reasons) or Markup("<li>—</li>")
        rows = Markup("").join(
            Markup("<div><b>{}</b>: {}</div>").format(name, ar(text, tag="div") if _arabic(text) else en(text))
            for name, text in draft.evidence.items()
        )
        self.evidence.value = Markup('<div class="khabar-author-evidence"><b>{}</b> — why: <ul>{}</ul>{}</div>').format(
            draft.file, reasons, rows
        )
        fields = {}
        for name in EDITABLE[draft.file]:
            value = draft.fields.get(name)
            box = (widgets.Textarea if name in ("en", "gloss") else widgets.Text)(
                value="" if value is None else str(value), description=name, layout=widgets.Layout(width="100%")
            )
            box.add_class(f"khabar-author-{name}")
            if name in _ARABIC_FIELDS:
                box.add_class("khabar-rtl-input")
            fields[name] = box
        self.fields = fields
        self.form.children = tuple(fields.values())
        if not fields:
            self.form.children = (widgets.HTML(en(f"Check it in {draft.file}; Accept marks it checked.", tag="p")),)

    def accept(self) -> list[str]:
        """Save the current draft with the fields as edited; the problems if the checks refused it."""
        draft = self.current
        if draft is None:
            return []
        edits = {name: box.value for name, box in self.fields.items()
                 if box.value != ("" if draft.fields.get(name) is None else str(draft.fields.get(name)))}  # fmt: skip
        problems = self.review.accept(draft, edits)
        if problems:
            show_message(self.status, "Not saved — the lesson would not pass its checks: " + " | ".join(problems[:5]))
            return problems
        index = self.choice.value or 0
        self.refresh(keep=index)
        message = Markup("Saved and checked: {} — {}. {} drafts left.").format(draft.file, mixed(draft.label),
                                                                            len(self._drafts))  # fmt: skip
        show_message(self.status, message, error=False)
        return []


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def author(lesson: str | None = None) -> AuthorView:
    """The authoring view of a lesson (id or folder; default: the lesson chosen for the kit)."""
    return AuthorView(DraftReview(lesson_folder(lesson)))
