"""A learner's choices (the tashkeel level), kept beside their progress file.

The settings are a small JSON file next to the progress database (``progress.sqlite3`` →
``progress.settings.json``), written whole and atomically. A file that cannot be read (damaged, not JSON, a
folder) counts as no settings; one that cannot be written keeps the choice for the session and says so once
(:attr:`Settings.warning`). Nothing here ever raises to a learner.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.lesson.paths import write_atomically

__all__ = ["Settings"]

_MAX_BYTES = 64_000


class Settings:
    """Named choices kept in ``path`` (``None``: for this session only)."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.warning: str | None = None
        self._values: dict[str, str] = {}
        if self.path is not None:
            try:
                if self.path.is_file() and self.path.stat().st_size <= _MAX_BYTES:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(data, dict):
                        self._values = {str(k): v for k, v in data.items() if isinstance(v, str)}
            except (OSError, ValueError):
                self._values = {}

    @classmethod
    def beside(cls, progress: object | None) -> Settings:
        """The settings of a progress store's learner (for this session only without a store on disk)."""
        path = getattr(progress, "path", None)
        if progress is None or path is None or not getattr(progress, "persistent", False):
            return cls(None)
        return cls(Path(path).with_suffix(".settings.json"))

    def get(self, name: str, default: str) -> str:
        return self._values.get(name, default)

    def set(self, name: str, value: str) -> None:
        """Keep a choice; if the file cannot be written, for this session (and :attr:`warning` says why)."""
        if self._values.get(name) == value:
            return
        self._values[name] = value
        if self.path is None:
            return
        text = json.dumps(self._values, ensure_ascii=False, indent=1)
        try:
            write_atomically(self.path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        except OSError as exc:
            self.warning = (
                f"Your choice is kept for this session only: {self.path} could not be written ({exc.strerror or exc})."
            )
