"""Problems found in a lesson, worded so a teacher can act on them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LessonError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a lesson file: which file, which entry, which field.

    >>> print(Problem("materials/x/notes.yaml", "n-saar", "focus", "is empty"))
    materials/x/notes.yaml: entry 'n-saar': field 'focus': is empty
    >>> print(Problem("materials/x/notes.yaml", None, None, "line 3: bad indentation"))
    materials/x/notes.yaml: line 3: bad indentation
    """

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.entry is not None:
            where.append(f"entry '{self.entry}'")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return ": ".join([*where, self.message])


class LessonError(ValueError):
    """A lesson that cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the lesson:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
