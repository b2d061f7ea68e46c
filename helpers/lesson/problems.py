"""Problems found in a lesson, worded so a teacher can act on them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LessonError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a lesson file: which file, which entry, where inside it, which field.

    ``entry`` is the id of the entry (a note, a glossary entry, a quiz item, ...); ``within`` the
    parts of that entry that hold the field, outermost first, each a label and an id (or a
    position counted from 1): ``(("option", "a"),)``; ``field`` the field's name (``title.ar``
    for a field inside a field); ``item`` the position, counted from 1, of a value in a list
    field such as ``tags``.

    >>> print(Problem("materials/x/notes.yaml", "n-saar", "focus", "is empty"))
    materials/x/notes.yaml: entry 'n-saar': field 'focus': is empty
    >>> print(Problem("materials/x/notes.yaml", None, None, "line 3: a tab character; indent with spaces"))
    materials/x/notes.yaml: line 3: a tab character; indent with spaces
    >>> print(Problem("quiz.yaml", "q-who", None, "'feedback' is required", within=(("option", "a"),)))
    quiz.yaml: entry 'q-who': option 'a': 'feedback' is required
    >>> print(Problem("glossary.yaml", "g-x", "tags", "'diplomcy' is not one of: ...", item=2))
    glossary.yaml: entry 'g-x': field 'tags', item 2: 'diplomcy' is not one of: ...
    """

    file: str
    entry: str | None
    field: str | None
    message: str
    within: tuple[tuple[str, str | int], ...] = ()
    item: int | None = None

    @property
    def path(self) -> str:
        """Where in the file, without the file: ``entry 'q-who': option 'a': field 'feedback'``."""
        where = []
        if self.entry is not None:
            where.append(f"entry '{self.entry}'")
        where += [f"{label} '{part}'" if isinstance(part, str) else f"{label} {part}" for label, part in self.within]
        if self.field is not None:
            where.append(f"field '{self.field}'" + (f", item {self.item}" if self.item is not None else ""))
        elif self.item is not None:
            where.append(f"item {self.item}")
        return ": ".join(where)

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.path, self.message) if part)


class LessonError(ValueError):
    """A lesson that cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the lesson:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))

    def _render_traceback_(self) -> list[str]:
        """What a notebook shows when a cell raises this: the problems, in words, and no traceback."""
        return [f"The lesson could not be loaded. {self}"]
