"""The kit's lessons by title, and how to open another: the lesson picker of ``00_start_here``.

Which lesson a notebook opens is settled when its kernel starts: :func:`~helpers.lesson.loader.load_lesson` with
no argument opens the lesson ``$KHABAR_LESSON`` names, and a kernel takes that setting from the Jupyter server
that starts it. A notebook cannot change it for the others (``os.environ`` set in one kernel reaches neither
the server nor any other kernel), so the picker does not pretend to: it lists the lessons and shows, for the one
chosen, the commands that open it.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from helpers.lesson.loader import LESSON_ENV, chosen_lesson, lesson_folder, lesson_title, list_lessons
from helpers.lesson.problems import LessonError
from helpers.views.html import Markup, en, style
from helpers.widgets.base import guarded

TYPE_CHECKING = False
if TYPE_CHECKING:
    from helpers.lesson.model import Lesson

__all__ = ["LessonPicker", "available_lessons", "how_to_open", "lesson_picker"]


def available_lessons() -> list[tuple[str, str | None]]:
    """Every lesson the kit can find, by id, with its English title (``None``: its ``lesson.yaml`` has problems)."""
    found = []
    for lesson_id in list_lessons():
        try:
            found.append((lesson_id, lesson_title(lesson_id)))
        except LessonError:
            found.append((lesson_id, None))
    return found


class LessonPicker(widgets.VBox):
    """A menu of the lessons by title; for the one chosen, where it is and the commands that open it."""

    def __init__(self, lesson: Lesson | None = None) -> None:
        #: The id of the lesson this notebook has open (``None``: not said).
        self.current = lesson.id if lesson is not None else None
        #: Each lesson's id and title (``None``: its lesson.yaml has problems), and the folder it is opened from.
        self.lessons = available_lessons()
        self.folders: dict[str, Path | None] = {}
        for lesson_id, _ in self.lessons:
            try:
                self.folders[lesson_id] = lesson_folder(lesson_id)
            except LessonError:  # gone since it was listed
                self.folders[lesson_id] = None
        if lesson is not None:
            if lesson.id not in self.folders:  # opened from a folder of its own
                self.lessons.insert(0, (lesson.id, lesson.info.title.en))
            self.folders[lesson.id] = lesson.folder
        options = [(self._label(i, title), i) for i, title in self.lessons]
        first = self.current if self.current is not None else (options[0][1] if options else None)
        self.choice = widgets.Dropdown(options=options, value=first, description="Lesson")
        self.choice.layout.width = "auto"
        self.choice.add_class("khabar-lesson-choice")
        #: Where the chosen lesson is and how to open it.
        self.how = widgets.HTML()
        self.how.add_class("khabar-lesson-how")
        self.choice.observe(guarded(self.how, self.refresh, "show how to open the lesson"), names="value")
        count = len(self.lessons)
        head = en(f"The kit has {count} lesson{'s' if count != 1 else ''}. Choose one to see how to open it.", tag="p")
        super().__init__([widgets.HTML(style() + head), self.choice, self.how])
        self.add_class("khabar-lessons")
        self.refresh()

    def __repr__(self) -> str:
        count = len(self.lessons)
        return (
            f"LessonPicker: {count} lesson{'s' if count != 1 else ''}; open here: {self.current or '—'}; "
            f"chosen: {self.choice.value or '—'}"
        )

    def _label(self, lesson_id: str, title: str | None) -> str:
        here = " (open here)" if lesson_id == self.current else ""
        return f"{title} — {lesson_id}{here}" if title else f"{lesson_id}{here} — its lesson.yaml has problems"

    def refresh(self, _change: object = None) -> None:
        """Show where the chosen lesson is and the commands that open it."""
        chosen = self.choice.value
        if not chosen:
            self.how.value = en("No lesson found: add a folder of lessons to KHABAR_MATERIALS.", tag="p")
            return
        title = dict(self.lessons).get(chosen)
        here = chosen == self.current
        self.how.value = how_to_open(chosen, self.folders.get(chosen), broken=title is None, here=here)


def how_to_open(lesson_id: str, folder: Path | None = None, broken: bool = False, here: bool = False) -> Markup:
    """Where a lesson is, and the commands that open it: in every notebook, in the app, in one notebook.

    A lesson the kit does not find by its id (one opened from a folder of its own) is named by its folder.
    """
    name = lesson_id if lesson_id in list_lessons() or folder is None else str(folder)
    facts = [
        "This notebook has it open." if here else "",
        "Every notebook started by this server opens it." if lesson_id == chosen_lesson() else "",
        Markup("Its folder: <code>{}</code>.").format(folder) if folder is not None else "",
        Markup("Its <code>lesson.yaml</code> has problems: <code>khabar validate {}</code> lists them.").format(name)
        if broken
        else "",
    ]
    command = Markup('<code class="khabar-command">python3 kit.py {}</code>')
    rows = [
        Markup("<li>Every notebook on this lesson: stop JupyterLab (<i>File → Shut Down</i>) and start it again with "
               "{}</li>").format(command.format(f"lab --lesson {name}")),
        Markup("<li>The quiz as an app for students: {}</li>").format(
            command.format(f"app 03_comprehension --lesson {name}")
        ),
        Markup("<li>Any other Jupyter server (a JupyterHub, one of your own): set <code>{}={}</code> in its "
               "environment before it starts.</li>").format(LESSON_ENV, name),
        Markup('<li>In one notebook only: change its Setup cell to <code>lesson = helpers.load_lesson("{}")</code> '
               "and run its cells again.</li>").format(name),
    ]  # fmt: skip
    honest = (
        "On Windows, type py for python3. Choosing a lesson here opens nothing: a notebook's lesson is fixed when "
        f"its kernel starts, and a kernel takes {LESSON_ENV} from the server that started it, so restarting the "
        "server (or changing the Setup cell) is the way to change it."
    )
    return (
        en(Markup(" ").join(f for f in facts if f), tag="p")
        + Markup('<ul class="khabar-en" dir="ltr" lang="en">{}</ul>').format(Markup("").join(rows))
        + en(honest, tag="p", cls="khabar-en khabar-lesson-aside")
    )


def lesson_picker(lesson: Lesson | None = None) -> LessonPicker:
    """The lessons the kit has, by title, with the commands that open each (``lesson``: the one open here)."""
    return LessonPicker(lesson)
