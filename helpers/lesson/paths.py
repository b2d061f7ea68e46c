"""Folders of the kit: a cache it can rebuild, the learner's data, and where exported files go.

``$KHABAR_CACHE_DIR``, ``$KHABAR_DATA_DIR`` and ``$KHABAR_OUTPUT_DIR`` override them; otherwise the
platform's usual places are used (Linux: ``$XDG_CACHE_HOME`` or ``~/.cache``,
``$XDG_DATA_HOME`` or ``~/.local/share``; macOS: ``~/Library/Caches``,
``~/Library/Application Support``; Windows: ``%LOCALAPPDATA%``, ``%APPDATA%``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["CACHE_ENV", "DATA_ENV", "OUTPUT_ENV", "output_dir", "user_cache_dir", "user_data_dir"]

CACHE_ENV = "KHABAR_CACHE_DIR"
DATA_ENV = "KHABAR_DATA_DIR"
OUTPUT_ENV = "KHABAR_OUTPUT_DIR"


def _platform_dir(kind: str) -> Path:
    """The platform's folder for ``kind`` ("cache" or "data") of a per-user application."""
    if sys.platform == "win32":
        variable, fallback = (
            ("LOCALAPPDATA", ("AppData", "Local")) if kind == "cache" else ("APPDATA", ("AppData", "Roaming"))
        )
        base = Path(os.environ.get(variable) or Path.home().joinpath(*fallback))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / ("Caches" if kind == "cache" else "Application Support")
    elif kind == "cache":
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "khabar"


def user_cache_dir() -> Path:
    """Where the kit may keep files it can always rebuild (``$KHABAR_CACHE_DIR`` overrides)."""
    override = os.environ.get(CACHE_ENV)
    return Path(override).expanduser() if override else _platform_dir("cache")


def user_data_dir() -> Path:
    """Where the learner's progress is kept (``$KHABAR_DATA_DIR`` overrides)."""
    override = os.environ.get(DATA_ENV)
    return Path(override).expanduser() if override else _platform_dir("data")


def output_dir() -> Path:
    """Where worksheets and exports are written: ``$KHABAR_OUTPUT_DIR``, else the working folder (a notebook's own)."""
    override = os.environ.get(OUTPUT_ENV)
    return Path(override).expanduser() if override else Path(".")
