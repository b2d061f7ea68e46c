"""Read the kit's input files: plain files only, UTF-8 only, YAML parsed safely and once.

:func:`read_bytes` reads only a regular file, and only up to a size limit: a
folder, a named pipe, a device (``/dev/zero`` through a link) or a file the user
may not read is a problem with a name, never a hang or a traceback.
:func:`decode_text` accepts UTF-8 and says which encoding anything else looks
like (UTF-16, Windows-1256, ...), or that the file starts with a byte-order mark.

The YAML loader is PyYAML's safe loader (its C version when available), changed
in a few ways a teacher will appreciate: dates stay as written (``2026-01-27``
is text, not a date object); a key written twice in one entry is an error
instead of silently keeping the last value; a list or mapping used as a key,
more than a few aliases (``*name``) or deep nesting is refused; and errors are
told in plain words ("line 12: a tab character; indent with spaces").

Parsing YAML (and importing PyYAML) is the slowest part of loading a lesson, so
the parsed result is kept in the user's cache folder, keyed by a checksum of
the file's bytes: any change to a file, however small, parses it again. If the
cache folder cannot be written the kit simply parses each time. (The loader
also keeps a clean verdict on a whole lesson, for the same bytes checked by the
same code: see ``helpers.lesson.loader``.)
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import zlib
from functools import cache
from pathlib import Path

from helpers.lesson.paths import user_cache_dir, write_atomically
from helpers.lesson.problems import Problem

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__all__ = ["ALIAS_BUDGET", "MAX_BYTES", "MAX_DEPTH", "UnreadableFile", "decode_text", "read_bytes", "read_yaml"]

_CACHE_VERSION = 2
#: The largest input file read, in bytes (the kit's biggest lesson file is about 100 KB).
MAX_BYTES = 5_000_000
#: The most YAML aliases (``*name``) one file may use; lesson files need none.
ALIAS_BUDGET = 20
#: The deepest nesting of lists and mappings accepted (lesson files need 5 levels).
MAX_DEPTH = 20
_MAX_VALUES = 1_000_000  # what a file may expand to through its aliases


class UnreadableFile(ValueError):
    """A file that cannot be read as text; the message says why in plain words (without the file's name)."""


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`UnreadableFile` otherwise.

    >>> read_bytes(Path("/"))
    Traceback (most recent call last):
    helpers.lesson.yamlio.UnreadableFile: is a folder, not a file
    """
    try:
        info = os.stat(path)  # follows links: what would be read
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise UnreadableFile(f"is a link to {os.readlink(path)}, which does not exist") from None
        raise UnreadableFile("file is missing") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({_reason(exc)})") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(_not_a_file(path, info.st_mode))
    if info.st_size > limit:
        raise UnreadableFile(f"is {info.st_size / 1e6:.1f} MB; the kit reads files of at most {limit / 1e6:g} MB")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # never blocks, even if a named pipe took the file's place meanwhile
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UnreadableFile("is not a regular file")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({_reason(exc)})") from None
    if len(data) > limit:
        raise UnreadableFile(f"is larger than {limit / 1e6:g} MB, the most the kit reads")
    return data


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def _not_a_file(path: Path, mode: int) -> str:
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "not a regular file"
    link = f" (it links to {os.path.realpath(path)})" if os.path.islink(path) else ""
    return f"is {what}{link}, not a file" if what != "not a regular file" else f"is {what}{link}"


def decode_text(raw: bytes, bom_ok: bool = False) -> str:
    """UTF-8 bytes as text; :class:`UnreadableFile` names a byte-order mark or the encoding the bytes look like.

    >>> decode_text("كتاب".encode("utf-8"))
    'كتاب'
    >>> def why(raw):
    ...     try:
    ...         decode_text(raw)
    ...     except UnreadableFile as exc:
    ...         print(exc)
    >>> why("كتاب".encode("cp1256"))
    is not UTF-8 text: it looks like Windows-1256 (Arabic Windows); save it as UTF-8
    >>> why("كتاب".encode("utf-16"))
    is not UTF-8 text: it is UTF-16; save it as UTF-8
    >>> why("سطر\\nكتاب\\x00".encode("utf-8"))
    line 2: holds a NUL character (U+0000, an invisible zero byte); delete it
    >>> why(codecs.BOM_UTF8 + b"id: x")
    starts with a byte-order mark (U+FEFF, the bytes EF BB BF); save it as UTF-8 without BOM
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            raise UnreadableFile(f"is not UTF-8 text: it is {name}; save it as UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        if not bom_ok:
            raise UnreadableFile(
                "starts with a byte-order mark (U+FEFF, the bytes EF BB BF); save it as UTF-8 without BOM"
            )
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(f"is not UTF-8 text: it looks like {_guess_encoding(raw)}; save it as UTF-8") from None
    if "\x00" in text:  # NUL bytes: not text in any 8-bit encoding (UTF-16 without a mark decodes "fine")
        zeros = text.count("\x00")
        if zeros > 2 and _guess_encoding(raw) in ("UTF-16", "UTF-32"):
            raise UnreadableFile(f"is not UTF-8 text: it looks like {_guess_encoding(raw)}; save it as UTF-8")
        line = text.count("\n", 0, text.index("\x00")) + 1
        more = f" (and {zeros - 1} more)" if zeros > 1 else ""
        raise UnreadableFile(f"line {line}: holds a NUL character (U+0000, an invisible zero byte){more}; delete it")
    return text


def _guess_encoding(raw: bytes) -> str:
    """The encoding bytes that are not UTF-8 most likely use (a guess worded for a teacher)."""
    zeros = raw.count(0)
    if zeros:  # NUL bytes: no 8-bit text has them; UTF-16 has them in every other byte (for Latin letters)
        odd = raw[1::2].count(0)
        if zeros >= len(raw) // 2:
            return "UTF-32"
        return "UTF-16" if max(odd, zeros - odd) >= 0.9 * zeros else "a binary file, not text"
    high = bytes(b for b in raw if b >= 0x80).decode("cp1256", errors="replace")
    arabic = sum("\u0621" <= ch <= "\u064a" or ch in "\u067e\u0686\u0698\u06af\u06a9\u06cc" for ch in high)
    if high and arabic >= len(high) / 2:
        return "Windows-1256 (Arabic Windows)"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "an encoding other than UTF-8"
    return "Windows-1252 (Western European)"


def read_yaml(path: Path, shown: str, checksums: dict[str, str] | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; problems name the file as ``shown`` and the line.

    ``checksums``, if given, gets the checksum of the file's bytes under its name (what the parse cache is keyed
    by), for a caller that keeps more derived from the same bytes.
    """
    try:
        raw = read_bytes(path)
        text = decode_text(raw)
    except UnreadableFile as exc:
        return None, [Problem(shown, None, None, str(exc))]
    checksum = f"{zlib.crc32(raw):08x}-{len(raw)}"
    if checksums is not None:
        checksums[path.name] = checksum
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
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        return None, [Problem(shown, None, None, _yaml_message(exc, text))]
    except RecursionError:
        return None, [Problem(shown, None, None, f"is nested more than {MAX_DEPTH} levels deep")]
    too_deep, values = _measure(data)
    if too_deep:
        return None, [Problem(shown, None, None, f"is nested more than {MAX_DEPTH} levels deep")]
    if values > _MAX_VALUES:
        return None, [Problem(shown, None, None, "expands through its aliases (*name) to over a million values")]
    return data, []


def _measure(data: Any) -> tuple[bool, int]:
    """(nested deeper than MAX_DEPTH?, how many values the data holds once aliases are expanded)."""
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise RecursionError
        if not isinstance(node, (list, dict)):
            return 1
        if id(node) not in sizes:
            children = node.values() if isinstance(node, dict) else node
            sizes[id(node)] = 1 + sum(size(child, depth + 1) for child in children)
        return sizes[id(node)]

    try:
        return False, size(data, 0)
    except RecursionError:
        return True, 0


_LEADING = re.compile(r"[ \t]*")


def _yaml_message(exc: Any, text: str) -> str:
    """A YAML error in plain words, with its line; works alike for PyYAML's C and Python parsers."""
    if type(exc).__name__ == "ReaderError" and isinstance(getattr(exc, "position", None), int):
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(text[exc.position])
        return f"line {line}: the control character U+{code:04X} does not belong in a text file; delete it"
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    if getattr(exc, "plain", False) or mark is None:
        return f"{'line ' + str(mark.line + 1) + ': ' if mark else ''}{problem or exc}"
    lines = text.split("\n")
    number = mark.line + 1
    here = lines[mark.line] if mark.line < len(lines) else ""
    for index in [mark.line, *range(mark.line)]:
        if index < len(lines) and "\t" in _LEADING.match(lines[index]).group():
            return f"line {index + 1}: a tab character; indent with spaces"
    opened = getattr(exc, "context_mark", None)
    quote = _unclosed_quote(lines, mark.line, mark.column) if "Parser" in type(exc).__name__ else None
    if quote is not None:  # a quote left open swallows the lines after it, up to the next quote mark
        return f"line {quote[0] + 1}: the quote {quote[1]} opened here is never closed"
    if "quoted scalar" in context and opened is not None:
        quote = lines[opened.line][opened.column : opened.column + 1] if opened.line < len(lines) else '"'
        if "escape" in problem:
            return (
                f"line {number}: a backslash in double quotes starts an escape such as \\n; "
                "write \\\\ for a backslash, or use single quotes"
            )
        return f"line {opened.line + 1}: the quote {quote} opened here is never closed"
    if ("flow sequence" in context or "flow mapping" in context) and opened is not None:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return f"line {opened.line + 1}: the {bracket} opened here is not closed with {closing}"
    if "nesting depth" in problem:
        return f"is nested more than {MAX_DEPTH} levels deep"
    if "unhashable" in problem:
        return f"line {number}: a list or mapping is used as a key; a key is a plain name such as 'title'"
    if "undefined alias" in problem:
        name = re.match(r"\*?([^\s,\]}]*)", here[mark.column :])
        return f"line {number}: the alias *{name.group(1) if name else ''} refers to no anchor (&name) above it"
    if "mapping values are not allowed" in problem:
        before = here[: mark.column]
        if ": " in before or before.rstrip().endswith(":"):
            return f"line {number}: a ': ' inside a value; put the whole value in double quotes"
        return f"line {number} is indented more than the line above it, so it reads as part of that line's value"
    if "simple key" in context and opened is not None:  # a line in a mapping without "name: "
        return f"line {opened.line + 1} is neither a field (name: value) nor indented under the field it continues"
    if "cannot start any token" in problem:
        ch = here[mark.column : mark.column + 1]
        return f"line {number}: a value cannot start with {ch}; put the whole value in double quotes"
    if "constructor for the tag" in problem:
        tag = re.search(r"'(?:tag:yaml\.org,2002:)?([^']*)'", problem)
        name = tag.group(1) if tag else ""
        return f"line {number}: the YAML tag !!{name} does not belong in a lesson file; remove it"
    if "another document" in problem:
        return f"line {number}: a second document (---) in one file; a lesson file is one document"
    if type(exc).__name__ == "ParserError":
        if re.match(r"""\s*(?:- )?[\w-]+:\s+(["']).*?\1\s*[^\s#]""", here):
            return f"line {number}: text after the closing quote; put the whole value inside the quotes"
        indent = len(here) - len(here.lstrip(" "))
        levels, inner = _open_levels(lines, mark.line)
        if inner is not None and indent < inner and indent not in levels:
            return f"line {number} is indented less than the entry it belongs to"
        if inner is not None and indent > inner:
            return f"line {number} is indented more than the line above it"
        if "expected '-' indicator" in problem:
            return f"line {number}: every entry of the list above starts with '- '"
        if here.lstrip(" ").startswith("- ") and "block mapping" in context:
            return f"line {number}: a list entry ('- ') where a field (name: value) was expected"
        first = here.lstrip(" ")[:1]
        if first and first in ":[]{},?|>&*!%@`" and "block mapping" in context:
            return f"line {number} starts with {first}, which does not begin a field (name: value)"
    detail = f"{problem} ({context})" if context else problem
    return f"line {number}, column {mark.column + 1}: not valid YAML: {detail}"


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(["'])""")


def _unclosed_quote(lines: list[str], line: int, column: int) -> tuple[int, str] | None:
    """(line, quote mark) of a quoted value left open before an error at ``line``, if the error follows a quote."""
    here = lines[line][:column] if line < len(lines) else ""
    if '"' not in here and "'" not in here:
        return None
    for index in range(line - 1, -1, -1):
        start = _QUOTED_START.match(lines[index])
        if start is None:
            continue
        quote, rest = start.group(1), lines[index][start.end() :]
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return index, quote
        return None  # the nearest quoted value above is closed on its line
    return None


def _open_levels(lines: list[str], before: int) -> tuple[set[int], int | None]:
    """Columns where the blocks still open before a line start, and where the previous line's content starts."""
    levels: set[int] = set()
    inner = None
    limit = None
    for line in reversed(lines[:before]):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        content = indent
        while stripped.startswith("- "):  # "- key: value": the dash and the key both open a block
            stripped = stripped[2:].lstrip(" ")
            content = len(line) - len(stripped)
        if inner is None:
            inner = content
        if limit is None or indent < limit:
            levels.update({indent, content})
            limit = indent
        if indent == 0:
            break
    return levels, inner


@cache
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class PlainError(yaml.constructor.ConstructorError):
        plain = True  # the message is already in plain words

    class Loader(base):  # type: ignore[misc, valid-type]
        """Safe loader that keeps dates as text, refuses duplicate or unhashable keys and limits aliases."""

        aliases = 0

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node in self.constructed_objects:  # the same node again: an alias (*name)
                self.aliases += 1
                if self.aliases > ALIAS_BUDGET:
                    message = f"uses more than {ALIAS_BUDGET} aliases (*name); write the values out in full"
                    raise PlainError(None, None, message, None)
            return super().construct_object(node, deep)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }

    def mapping(loader: Any, node: Any) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                message = "a list or mapping is used as a key; a key is a plain name such as 'title'"
                raise PlainError(None, None, message, key_node.start_mark)
            key = loader.construct_object(key_node, deep=True)
            if key in seen:
                raise PlainError(None, None, f"the key {key!r} appears twice in one entry", key_node.start_mark)
            seen[key] = loader.construct_object(value_node, deep=True)
        return seen

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def _cache_file(path: Path) -> Path:
    key = f"{zlib.crc32(str(path.resolve()).encode('utf-8')):08x}"
    return user_cache_dir() / "parsed" / f"{path.stem}-{key}.json"


def _cache_get(path: Path, checksum: str) -> Any:
    return _read_cached(_cache_file(path), checksum)


def _cache_put(path: Path, checksum: str, data: Any) -> None:
    _write_cached(_cache_file(path), checksum, data)


def cached(name: str, checksum: str) -> Any:
    """Data the kit derived and kept under ``name`` in the cache folder, if still valid for ``checksum``."""
    return _read_cached(user_cache_dir() / "derived" / f"{name}.json", checksum)


def keep(name: str, checksum: str, data: Any) -> None:
    """Keep derived data (plain JSON) under ``name`` for the next load; a cache that cannot be written is skipped."""
    _write_cached(user_cache_dir() / "derived" / f"{name}.json", checksum, data)


def _read_cached(file: Path, checksum: str) -> Any:
    try:
        entry = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("version") != _CACHE_VERSION or entry.get("checksum") != checksum:
        return None
    return entry.get("data")


def _write_cached(target: Path, checksum: str, data: Any) -> None:
    try:
        text = json.dumps({"version": _CACHE_VERSION, "checksum": checksum, "data": data}, ensure_ascii=False)
        if json.loads(text)["data"] != data:
            return  # not plain JSON data (e.g. numeric keys): parse every time rather than change it
        write_atomically(target, lambda partial: partial.write_text(text, encoding="utf-8"))
    except (OSError, TypeError, ValueError):
        return  # a cache that cannot be written is only slower
