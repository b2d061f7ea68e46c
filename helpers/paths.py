"""Per-user folders of the kit (cache now; learner data later), overridable.

``$KHABAR_CACHE_DIR`` overrides the cache folder; otherwise the platform's
usual place is used (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["CACHE_ENV", "user_cache_dir"]

CACHE_ENV = "KHABAR_CACHE_DIR"


def user_cache_dir() -> Path:
    """Where the kit may keep files it can always rebuild."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "khabar"
