"""Folders of the kit (a cache it can rebuild, the learner's data, where exported files go), and writing a file whole.

``$KHABAR_CACHE_DIR``, ``$KHABAR_DATA_DIR`` and ``$KHABAR_OUTPUT_DIR`` override them; otherwise the
platform's usual places are used (Linux: ``$XDG_CACHE_HOME`` or ``~/.cache``,
``$XDG_DATA_HOME`` or ``~/.local/share``; macOS: ``~/Library/Caches``,
``~/Library/Application Support``; Windows: ``%LOCALAPPDATA%``, ``%APPDATA%``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CACHE_ENV", "DATA_ENV", "OUTPUT_ENV", "output_dir", "user_cache_dir", "user_data_dir", "write_atomically"]

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
    """Where worksheets and exports are written: ``$KHABAR_OUTPUT_DIR`` (made if missing), else the working folder
    (a notebook's own)."""
    override = os.environ.get(OUTPUT_ENV)
    if not override:
        return Path(".")
    folder = Path(override).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # writing there says why, with the file's name
        pass
    return folder


def write_atomically(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Write a file all at once: ``write(partial)`` fills a hidden file beside ``path``, which then takes its place.

    If anything fails (a full disk, a folder that cannot be written, an error in ``write``) the partial file is
    removed and whatever ``path`` held before is left as it was: a reader sees the old file or the new one, never
    half of one. Missing folders are made (and removed again when nothing could be written). A link is followed:
    the file it names is replaced. A folder, a device or a pipe is never replaced (``OSError`` says which).
    Returns ``path``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> def fails(partial):
    ...     partial.write_text("half of it")
    ...     raise OSError(28, "no space left on device")
    >>> try:
    ...     write_atomically(folder / "a.txt", fails)
    ... except OSError as exc:
    ...     print(f"{Path(exc.filename).name}: {exc.strerror}")
    a.txt: no space left on device
    >>> sorted(folder.iterdir())
    []
    """
    import errno

    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if target.exists() and not target.is_file():
        raise OSError(errno.EINVAL, "is a device or a pipe, not a file that can be replaced", str(path))
    made = _make_folders(target.parent)
    partial = target.with_name(f".khabar-{os.getpid()}-{os.urandom(4).hex()}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        write(partial)
        _flush_to_disk(partial)
        if target.is_file():  # a replaced file keeps who may read it
            os.chmod(partial, target.stat().st_mode & 0o7777)
        os.replace(partial, target)
    except BaseException as exc:
        try:
            partial.unlink()
        except OSError:
            pass
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(exc, OSError) and exc.filename in (None, str(partial)):  # name the file asked for
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise
    return Path(path)


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and the folders above it that are missing; returns those made, outermost first."""
    import errno

    missing = []
    while not folder.exists():
        if os.path.lexists(folder):  # a link to nowhere
            raise FileNotFoundError(errno.ENOENT, "is a link to nothing", str(folder))
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(folder))
    made: list[Path] = []
    try:
        for step in reversed(missing):
            step.mkdir()
            made.append(step)
    except BaseException:
        for step in reversed(made):
            try:
                step.rmdir()
            except OSError:
                break
        raise
    return made


def _flush_to_disk(file: Path) -> None:
    """The file's bytes on the disk before it replaces another (a crash then leaves the old file or the new one)."""
    import errno

    fd = os.open(file, os.O_RDWR)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # a file system without fsync: nothing more to do
            raise
    finally:
        os.close(fd)
