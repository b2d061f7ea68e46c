"""Read lesson YAML files: safe, strict, and parsed once.

The loader is PyYAML's safe loader (its C version when available), changed in
two ways a teacher will appreciate: dates stay as written (``2026-01-27`` is
text, not a date object), and a key written twice in one entry is an error
instead of silently keeping the last value.

Parsing YAML (and importing PyYAML) is the slowest part of loading a lesson, so
the parsed result is kept in the user's cache folder, keyed by a checksum of
the file's bytes: any change to a file, however small, parses it again. The
cache only saves parsing; every load still validates everything. If the cache
folder cannot be written the kit simply parses each time.
"""

from __future__ import annotations

import json
import os
import zlib
from functools import cache
from pathlib import Path

from helpers.lesson.paths import user_cache_dir
from helpers.lesson.problems import Problem

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__all__ = ["read_yaml"]

_CACHE_VERSION = 1


def read_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; problems name the file as ``shown`` and the line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown, None, None, "file is missing")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, None, None, f"is not UTF-8 text ({exc.reason} at byte {exc.start})")]
    checksum = f"{zlib.crc32(raw):08x}-{len(raw)}"
    cached = _cache_get(path, checksum)
    if cached is not None:
        return cached, []
    data, problems = _parse(text, shown)
    if not problems:
        _cache_put(path, checksum, data)
    return data, problems


def _parse(text: str, shown: str) -> tuple[Any, list[Problem]]:
    import yaml

    try:
        return yaml.load(text, Loader=_loader()), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = f"{what} ({context})" if context else what
        return None, [Problem(shown, None, None, f"{where}not valid YAML: {detail}")]


@cache
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        """Safe loader that keeps dates as text and refuses duplicate keys."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }

    def mapping(loader: Any, node: Any) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in seen:
                message = f"the key {key!r} appears twice in one entry"
                raise yaml.constructor.ConstructorError(None, None, message, key_node.start_mark)
            seen[key] = loader.construct_object(value_node, deep=True)
        return seen

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def _cache_file(path: Path) -> Path:
    key = f"{zlib.crc32(str(path.resolve()).encode('utf-8')):08x}"
    return user_cache_dir() / "parsed" / f"{path.stem}-{key}.json"


def _cache_get(path: Path, checksum: str) -> Any:
    try:
        entry = json.loads(_cache_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if entry.get("version") != _CACHE_VERSION or entry.get("checksum") != checksum:
        return None
    return entry.get("data")


def _cache_put(path: Path, checksum: str, data: Any) -> None:
    try:
        text = json.dumps({"version": _CACHE_VERSION, "checksum": checksum, "data": data}, ensure_ascii=False)
        if json.loads(text)["data"] != data:
            return  # not plain JSON data (e.g. numeric keys): parse every time rather than change it
        target = _cache_file(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: keeps the import of the kit cheap

        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except (OSError, TypeError, ValueError):
        return  # a cache that cannot be written is only slower
