"""What every kit widget shares: event handlers that never fail in silence.

ipywidgets swallows an exception raised in a click or observe handler: it goes to a log
the learner never sees, and the button seems to do nothing. So every handler of every kit
widget is wrapped by :func:`guarded`, which catches what goes wrong and shows a sentence
saying so in the widget's own status area::

    button.on_click(guarded(status, lambda _: save(), "save your answer"))

What the sentence says depends on what failed (:func:`failure_message`): the progress file
(SQLite), a file or folder (``OSError``), a value the kit refuses (a ``ValueError`` or one of
the kit's own errors, whose message is written for the learner), or anything else, which is a
bug in the kit:
"Something went wrong: …; your answers are kept."
"""

from __future__ import annotations

import sqlite3

import ipywidgets as widgets

from helpers.views.html import Markup, en

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Area = widgets.Widget | Callable[[], widgets.Widget]

__all__ = [
    "ERROR_CLASS",
    "call_guarded",
    "failure_message",
    "guarded",
    "shortened",
    "show_message",
    "status_area",
    "store_notice",
    "update_store_notice",
]

#: The CSS class of a message saying what went wrong.
ERROR_CLASS = "khabar-error"
#: The longest part of an error's own text a message quotes (an error may quote a 100,000-character name).
_REASON_CHARS = 200


def shortened(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for quoting what a learner typed.

    >>> shortened("Amina"), shortened("x" * 300, 10)
    ('Amina', 'xxxxxxxxx…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reason(exc: BaseException) -> str:
    """What an error says, in a few words: an ``OSError``'s reason and file, else its message."""
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename}" if exc.filename is not None else "")
    else:
        text = str(exc) or type(exc).__name__
    if text[:1].isupper() and text[1:2].islower():  # a sentence of its own, now part of one: "No space" → "no space"
        text = text[0].lower() + text[1:]
    return shortened(" ".join(text.split()), _REASON_CHARS)


def _worded(exc: BaseException) -> bool:
    """True for an error whose message is written for the learner: the kit's own, and the ``ValueError`` it raises."""
    return type(exc).__module__.startswith("helpers.") or (
        isinstance(exc, ValueError) and not isinstance(exc, UnicodeError)
    )


def failure_message(exc: BaseException, doing: str) -> str:
    """The sentence a learner reads when ``doing`` (e.g. "save your answer") failed with ``exc``.

    >>> print(failure_message(sqlite3.OperationalError("disk I/O error"), "save your answer"))
    Could not save your answer: the progress file could not be used (disk I/O error). What you did before is kept; \
try again, or tell your teacher.
    >>> print(failure_message(NotADirectoryError(20, "Not a directory", "/srv/notes/x.csv"), "write the CSV file"))
    Could not write the CSV file: not a directory: /srv/notes/x.csv.
    >>> print(failure_message(ValueError("the name is 300 characters long"), "export your results"))
    Could not export your results: the name is 300 characters long.
    >>> from helpers.study.progress import ProgressError
    >>> print(failure_message(ProgressError("The progress file is read-only."), "save your answer"))
    Could not save your answer: the progress file is read-only.
    >>> print(failure_message(KeyError("p99-s1"), "show the sentence"))
    Something went wrong: KeyError: 'p99-s1'; your answers are kept.
    """
    reason = _reason(exc)
    if isinstance(exc, sqlite3.Error):
        return (
            f"Could not {doing}: the progress file could not be used ({reason}). What you did before is kept; "
            "try again, or tell your teacher."
        )
    if isinstance(exc, OSError) or _worded(exc):
        return f"Could not {doing}: {reason.rstrip('.')}."
    return f"Something went wrong: {type(exc).__name__}: {reason}; your answers are kept."


def status_area() -> widgets.HTML:
    """An HTML widget for messages, hidden while it has none (it takes no room in the layout)."""
    area = widgets.HTML(layout=widgets.Layout(display="none"))
    area.add_class("khabar-status")
    return area


def show_message(area: widgets.Widget, message: str | Markup, error: bool = True) -> None:
    """Show ``message`` in ``area``: an HTML widget gets an English paragraph, a label or text box the text.

    An area made by :func:`status_area` shows itself with its message and hides again when given an empty one.
    """
    if isinstance(area, widgets.HTML):
        cls = f"khabar-en {ERROR_CLASS}" if error else "khabar-en"
        area.value = message if isinstance(message, Markup) else (en(message, tag="p", cls=cls) if message else "")
    else:
        area.value = str(message)
    if "khabar-status" in area._dom_classes:
        area.layout.display = "" if message else "none"


def store_notice(progress: Any) -> widgets.HTML:
    """Where a widget says what its progress store warns of (a read-only file, a full disk, a damaged file).

    Hidden while the store has no warning; :func:`update_store_notice` shows a warning that comes up later.
    """
    area = status_area()
    area.add_class("khabar-store-warning")
    update_store_notice(area, progress)
    return area


def update_store_notice(area: widgets.HTML, progress: Any) -> None:
    """Show the store's warning in ``area`` (or hide it when there is none)."""
    warning = getattr(progress, "warning", None) if progress is not None else None
    show_message(area, warning or "", error=False)


def guarded(area: Area, action: Callable[..., object], doing: str) -> Callable[..., None]:
    """A handler that runs ``action`` and, should it fail, says so in ``area`` (a widget, or a function giving one).

    ``doing`` names the action for the message ("save your answer", "show the chart"); see :func:`failure_message`.
    Use it for every ``on_click`` and ``observe`` handler; called from code, the action raises as usual.

    >>> label = widgets.Label()
    >>> handler = guarded(label, lambda change: 1 / 0, "count the words")
    >>> handler({"new": 1})
    >>> label.value
    'Something went wrong: ZeroDivisionError: division by zero; your answers are kept.'
    """

    def handler(*args: Any) -> None:
        try:
            action(*args)
        except Exception as exc:  # a handler's error would vanish in the widget's log: show it
            target = area if isinstance(area, widgets.Widget) else area()
            show_message(target, failure_message(exc, doing))

    return handler


def call_guarded(area: Area, action: Callable[[], object], doing: str) -> bool:
    """Run ``action`` now, as :func:`guarded` would; True when it succeeded."""
    ok = [False]

    def run() -> None:
        action()
        ok[0] = True

    guarded(area, run, doing)()
    return ok[0]
