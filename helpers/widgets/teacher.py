"""For teachers: the quiz bank out to Moodle, Canvas or any GIFT reader, from a notebook."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from helpers.lesson.paths import output_dir
from helpers.views.html import Markup, en
from helpers.widgets.base import guarded

TYPE_CHECKING = False
if TYPE_CHECKING:
    from helpers.lesson.model import Lesson

__all__ = ["PlatformExport", "platform_export"]

#: Button label, format, file name: what each button writes.
_BUTTONS = (("Moodle XML", "moodle-xml", "quiz-{}.moodle.xml"), ("GIFT", "gift", "quiz-{}.gift.txt"),
            ("Canvas (QTI .zip)", "qti", "quiz-{}.qti.zip"))  # fmt: skip


class PlatformExport(widgets.VBox):
    """Three buttons (Moodle XML, GIFT, Canvas QTI), optionally for one student's paper of N questions."""

    def __init__(self, lesson: Lesson, folder: str | None = None) -> None:
        self.lesson = lesson
        self.folder = Path(folder) if folder is not None else output_dir()
        self.written: list[str] = []
        self.count = widgets.BoundedIntText(value=0, min=0, max=len(lesson.quiz), description="Questions",
                                            tooltip="0: the whole bank")  # fmt: skip
        self.student = widgets.Text(description="Student", placeholder="a paper for one student (optional)")
        self.result = widgets.HTML()
        self.result.add_class("khabar-export-result")
        self.buttons = {}
        for label, fmt, _ in _BUTTONS:
            button = widgets.Button(description=label, icon="download")
            button.add_class(f"khabar-export-{fmt}")
            button.on_click(guarded(self.result, lambda _b, f=fmt: self.write(f), f"write the {label} file"))
            self.buttons[fmt] = button
        note = en("0 questions: the whole bank, in its order. A count or a student name: that paper.", tag="p")
        super().__init__([widgets.HTML(note), widgets.HBox([self.count, self.student]),
                          widgets.HBox(list(self.buttons.values())), self.result])  # fmt: skip
        self.add_class("khabar-platform-export")

    def __repr__(self) -> str:
        done = ", ".join(self.written) if self.written else "nothing yet"
        return f"PlatformExport: Moodle XML, GIFT, QTI; {len(self.lesson.quiz)} questions in the bank; written: {done}"

    def write(self, fmt: str) -> None:
        """Write the bank (or the paper chosen) in ``fmt`` and say what the format could not carry."""
        from helpers.study.scoring import student_variant
        from helpers.views.export import download_link
        from helpers.views.platforms import write_platform

        name = next(n for _, f, n in _BUTTONS if f == fmt).format(self.lesson.id)
        count, student = self.count.value or None, self.student.value.strip()
        variant = student_variant(self.lesson, student or "paper", count=count) if count or student else None
        export = write_platform(self.lesson, fmt, self.folder / name, variant)
        if export.path.name not in self.written:
            self.written.append(export.path.name)
        head, *lost = export.summary()
        lines = [en(head, tag="div"), *(en(line.strip(), tag="div", cls="khabar-en khabar-sid") for line in lost)]
        self.result.value = Markup("").join(lines) + download_link(export.path)  # a download from the page itself


def platform_export(lesson: Lesson, folder: str | None = None) -> PlatformExport:
    """Buttons that write the quiz for Moodle (XML), any GIFT reader, and Canvas (QTI 1.2) into ``folder``."""
    return PlatformExport(lesson, folder)
