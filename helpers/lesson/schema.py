"""Enforce the JSON Schemas of lesson files and results files, and document them.

Validation uses fastjsonschema, which turns a JSON Schema into plain Python.
The generated validators are kept in ``helpers/lesson/_validators/`` (regenerate with
``khabar schemas --write``; a test fails when they are stale) so that loading a
lesson in a notebook kernel imports neither jsonschema (about two seconds,
through jupyter-events' URI grammar) nor fastjsonschema's compiler. Should a
schema file change without regenerating, the loader notices by its hash and
compiles the schema itself.

fastjsonschema stops at the first error. To report every bad entry at once,
:func:`validate` sets aside the entry that failed and validates again, so a
teacher sees one message per broken entry, each naming its id, the part of
the entry (``option 'a'``) and the field.

The same schemas give the field tables of ``materials/README.md``
(:func:`field_table`), rewritten by ``khabar schemas --write`` between marker
comments and checked for staleness like the validators.
"""

from __future__ import annotations

import copy
import importlib
import json
import re
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from helpers.lesson.problems import Problem

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "GENERATED_KINDS",
    "README_PATH",
    "RESULTS_KIND",
    "SCHEMA_DIR",
    "SCHEMA_KINDS",
    "SchemaViolation",
    "field_table",
    "generated_validator",
    "readme_with_tables",
    "validate",
]

#: The files of a lesson, in the order they are loaded.
SCHEMA_KINDS = ("lesson", "sentences", "notes", "glossary", "quiz", "timeline", "words")
#: The results file a student exports from the quiz: the one input from outside the lesson.
RESULTS_KIND = "results"
#: Every schema with a generated validator and a table in the README.
GENERATED_KINDS = (*SCHEMA_KINDS, RESULTS_KIND)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "materials" / "schema"
if not SCHEMA_DIR.is_dir():  # installed from a wheel: the materials travel inside the package
    SCHEMA_DIR = Path(__file__).resolve().parents[1] / "_materials" / "schema"
README_PATH = SCHEMA_DIR.parent / "README.md"
_MAX_PROBLEMS = 200

#: Lists inside an entry whose members are named by their own id (or position): ``option 'a'``, ``pair 2``.
_PARTS = {
    "options": "option", "steps": "step", "pairs": "pair", "attempts": "attempt",
    "words": "word", "segments": "segment",
}  # fmt: skip


class SchemaViolation(ValueError):
    """Raised by the generated validators; same fields as fastjsonschema's error."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message, self.value, self.name = message, value, name
        self.definition, self.rule = definition, rule

    @property
    def path(self) -> list[Any]:
        return [int(part) if part.isdigit() else part for part in re.split(r"[.\[\]]+", self.name or "") if part]

    @property
    def rule_definition(self) -> Any:
        return (self.definition or {}).get(self.rule) if self.rule else None


_HEADER = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException"
_OUR_HEADER = (
    "from helpers.lesson.schema import SchemaViolation as JsonSchemaValueException\n"
    "from helpers.lesson.schema import SchemaViolation as JsonSchemaValuesException"
)


def _schema_text(kind: str) -> str:
    return (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")


def generated_validator(kind: str) -> str:
    """Python source of the validator for one schema kind (fastjsonschema)."""
    import fastjsonschema

    text = _schema_text(kind)
    code = fastjsonschema.compile_to_code(json.loads(text))
    if _HEADER not in code:
        raise RuntimeError("fastjsonschema changed its generated header; update helpers/lesson/schema.py")
    digest = f"{zlib.crc32(text.encode('utf-8')):08x}"
    head = f'"""Generated from materials/schema/{kind}.schema.json by `khabar schemas --write`. Do not edit."""\n'
    main = re.search(r"^def (\w+)\(", code, re.MULTILINE)
    if main is None:
        raise RuntimeError("fastjsonschema generated no validator function")
    code = code.replace(_HEADER, _OUR_HEADER)
    return head + f"SCHEMA_CRC32 = {digest!r}\n" + code + f"\n\nvalidate = {main.group(1)}\n"


@cache
def _compiled(kind: str) -> Callable[[Any], Any]:
    text = _schema_text(kind)
    try:
        module = importlib.import_module(f"helpers.lesson._validators.{kind}")
    except ImportError:
        module = None
    if module is not None and module.SCHEMA_CRC32 == f"{zlib.crc32(text.encode('utf-8')):08x}":
        return module.validate
    namespace: dict[str, Any] = {}
    exec(generated_validator(kind), namespace)
    return namespace["validate"]


def validate(kind: str, data: Any, shown: str, keep_valid: bool = False) -> tuple[Any, list[Problem]]:
    """Check ``data`` against ``materials/schema/<kind>.schema.json``.

    Returns the data and no problems when it is valid; otherwise ``None`` (or, with
    ``keep_valid``, the data without its failing entries, so that the entries that
    passed can still be checked) and one problem per failing entry.

    >>> data = {"notes": [{"id": "n-a", "kind": "gossip", "sentences": ["p01-s1"], "focus": "x",
    ...                    "title": "Title", "text": "Twenty characters of text."}]}
    >>> print(validate("notes", data, "notes.yaml")[1][0])
    notes.yaml: entry 'n-a': field 'kind': 'gossip' is not one of: spelling, translation, grammar, punctuation, \
formula, reported-speech, numbers, style, fact
    """
    check = _compiled(kind)
    try:
        return check(data), []
    except SchemaViolation:
        pass
    problems: list[Problem] = []
    original = data
    data = copy.deepcopy(data)  # entries are removed from this copy as they fail
    emptied: set[int] = set()  # lists an entry was removed from
    failed: set[tuple[str, int]] = set()  # (top-level list, index in the original) of each failing entry
    gone: dict[str, list[int]] = {}  # original indices of the entries removed from each top-level list
    while len(problems) < _MAX_PROBLEMS:
        try:
            check(data)
            break
        except SchemaViolation as exc:
            path = list(exc.path[1:])
            where = _locate(data, path)
            if not _consequence(exc.value, emptied):
                problems.append(
                    Problem(shown, where.entry, where.field, _describe(exc), tuple(where.within), where.item)
                )
            if where.top is not None:
                name, index = where.top
                original_index = _original_index(index, gone.setdefault(name, []))
                failed.add((name, original_index))
                if where.container is data.get(name):  # the whole entry goes: later positions shift
                    gone[name].append(original_index)
            if where.container is None:
                return None, problems
            emptied.add(id(where.container))
            del where.container[where.index]
    return (_without(original, failed, check) if keep_valid else None), problems


def _original_index(index: int, gone: list[int]) -> int:
    """The position in the original list of the ``index``-th entry left after removing those in ``gone``."""
    position = -1
    for _ in range(index + 1):
        position += 1
        while position in gone:
            position += 1
    return position


def _without(data: Any, failed: set[tuple[str, int]], check: Callable[[Any], Any]) -> Any:
    """The data without its failing top-level entries, if what is left is valid; else ``None``."""
    if not failed or not isinstance(data, dict) or not all(isinstance(data.get(n), list) for n, _ in failed):
        return None
    kept = dict(data)
    for name in {name for name, _ in failed}:
        kept[name] = [e for i, e in enumerate(data[name]) if (name, i) not in failed]
    try:
        return check(kept)
    except SchemaViolation:
        return None


class _Where:
    """Where an error is: entry id, parts of the entry, field, list position; and what to remove to go on."""

    def __init__(self) -> None:
        self.entry: str | None = None
        self.within: list[tuple[str, str | int]] = []
        self.field: str | None = None
        self.item: int | None = None
        self.container: Any = None
        self.index: Any = None
        self.top: tuple[str, int] | None = None


def _consequence(value: Any, emptied: set[int]) -> bool:
    """True for an error caused only by removing a failed entry (e.g. a list now empty)."""
    if id(value) in emptied:
        return True
    return isinstance(value, dict) and any(id(v) in emptied for v in value.values())


def _locate(data: Any, path: list[Any]) -> _Where:
    """Name the place of an error path as a teacher reads it.

    The entry is the nearest list member with an ``id``; members of the lists in ``_PARTS``
    (options, steps, pairs, attempts) are parts of their entry; a plain value in a list
    (a tag, a sentence id) is an item of its field.
    """
    where = _Where()
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        where.entry = data["id"]
    fields: list[str] = []
    node = data
    for depth, step in enumerate(path):
        if isinstance(node, list) and isinstance(step, int) and step < len(node):
            child = node[step]
            where.container, where.index = node, step
            if depth == 1 and isinstance(path[0], str):
                where.top = (path[0], step)
            name = fields[-1] if fields else None
            ident = child.get("id") if isinstance(child, dict) else None
            if name in _PARTS:
                where.within.append((_PARTS[name], ident if isinstance(ident, str) else step + 1))
                fields, where.item = [], None
            elif isinstance(child, dict):
                where.entry = ident if isinstance(ident, str) else f"#{step + 1}"
                where.within, fields, where.item = [], [], None
            else:
                where.item = step + 1
            node = child
        elif isinstance(node, dict) and step in node:
            fields.append(str(step))
            where.item = None
            node = node[step]
        else:
            break
    where.field = ".".join(fields) or None
    return where


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


def _describe(exc: SchemaViolation) -> str:
    rule, definition, value = exc.rule, exc.rule_definition, exc.value
    if rule in ("required", "additionalProperties") and isinstance(value, dict):
        message = _fields_message(exc.definition or {}, value)
        if message:
            return message
    if rule == "type":
        wanted = [definition] if isinstance(definition, str) else list(definition)
        return f"must be {' or '.join(_TYPE_NAMES.get(w, w) for w in wanted)}, not {_type_name(value)}"
    if rule == "enum":
        return f"{_short(value)} is not one of: {', '.join(map(str, definition))}"
    if rule == "const":
        return f"must be {definition!r}, not {_short(value)}"
    if rule == "pattern":
        hint = (exc.definition or {}).get("description", f"the pattern {definition}").rstrip(".")
        hint = hint[0].lower() + hint[1:] if hint[:2].istitle() else hint  # "A sentence id ..." in mid-sentence
        return f"{_short(value)} is not in the expected form ({hint})"
    if rule == "minLength":
        return "must not be empty" if definition == 1 else f"must be at least {definition} characters long"
    if rule == "maxLength":
        return f"is longer than {definition} characters"
    if rule == "minItems":
        return f"must list at least {definition} item{'s' if definition != 1 else ''}"
    if rule in ("maxItems", "maxProperties"):
        return f"has more than {definition} entries"
    if rule == "minProperties":
        return "must not be empty"
    if rule in ("minimum", "exclusiveMinimum"):
        return f"{_short(value)} is less than {definition}"
    if rule in ("maximum", "exclusiveMaximum"):
        return f"{_short(value)} is more than {definition}"
    if rule == "oneOf" and all(isinstance(o, dict) and list(o) == ["required"] for o in definition):
        names = " or ".join(f"'{o['required'][0]}'" for o in definition)
        return f"needs exactly one of {names}"
    if rule == "uniqueItems":
        return "lists the same value twice"
    return exc.message.replace("data.", "", 1)


def _fields_message(schema: dict[str, Any], value: dict[Any, Any]) -> str:
    """Unknown fields (with the likely intended name) and missing required ones.

    >>> schema = {"properties": {"gloss": {}, "pos": {}}, "required": ["gloss", "pos"], "additionalProperties": False}
    >>> _fields_message(schema, {"glos": "to sign", "pos": "verb"})
    "'glos' is not a field; did you mean 'gloss'?"
    >>> _fields_message(schema, {"colour": "red"})
    "'colour' is not a field (fields: gloss, pos); 'gloss' is required; 'pos' is required"
    """
    import difflib

    allowed = list(schema.get("properties", {}))
    extra = [str(k) for k in value if k not in allowed] if schema.get("additionalProperties") is False else []
    missing = [k for k in schema.get("required", []) if k not in value]
    parts, meant = [], set()
    for name in extra:
        candidates = [a for a in allowed if a not in value] or allowed
        match = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
        if match:
            parts.append(f"'{name}' is not a field; did you mean '{match[0]}'?")
            meant.add(match[0])
        else:
            parts.append(f"'{name}' is not a field (fields: {', '.join(allowed)})")
    parts += [f"'{k}' is required" for k in missing if k not in meant]
    return "; ".join(parts)


def _short(value: Any) -> str:
    """A value as quoted in a message: huge numbers and long texts shortened."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"a {len(str(abs(value)))}-digit number"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "empty"}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {_short(value)}"
    return names.get(type(value), type(value).__name__)


# -- the field tables of materials/README.md ------------------------------------------------


def _schema(kind: str) -> dict[str, Any]:
    return json.loads(_schema_text(kind))


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` (to this file's definitions) followed; its own description wins."""
    while "$ref" in node:
        target = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _entry_schema(root: dict[str, Any]) -> dict[str, Any]:
    """The schema the table describes: of one entry for a file that is one list of entries, else of the file."""
    props = root.get("properties", {})
    if len(props) == 1:
        node = _resolve(root, next(iter(props.values())))
        if node.get("type") == "array":
            return _resolve(root, node["items"])
    return root


def _value_text(root: dict[str, Any], node: dict[str, Any]) -> str:
    """What a field holds, in words."""
    node = _resolve(root, node)
    if "enum" in node:
        return "one of: " + ", ".join(f"`{v}`" if isinstance(v, str) else f"`{json.dumps(v)}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kinds = node.get("type", [])
    words = []
    for kind in [kinds] if isinstance(kinds, str) else kinds:
        if kind == "array":
            items = _resolve(root, node.get("items", {}))
            if items.get("type") == "object":
                words.append("a list of mappings (below)")
            elif items.get("description") or "enum" in items:
                each = items.get("description") or _value_text(root, items)
                words.append(f"a list, each {each[0].lower()}{each[1:].rstrip('.')}")
            else:
                words.append(f"a list of {_value_text(root, items)}" if items else "a list")
        elif kind in ("integer", "number") and "minimum" in node and "maximum" in node:
            words.append(f"a {'whole ' if kind == 'integer' else ''}number from {node['minimum']} to {node['maximum']}")
        elif kind == "object":
            words.append("a mapping (below)" if node.get("properties") else "a mapping")
        else:
            words.append({"boolean": "`true` or `false`", "null": "`null`"}.get(kind, _TYPE_NAMES.get(kind, kind)))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1] if words else ""


def _rows(root: dict[str, Any], node: dict[str, Any], prefix: str) -> list[tuple[str, str, str, str]]:
    rows = []
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        prop = _resolve(root, prop)
        field = f"{prefix}{name}"
        meaning = " ".join(prop.get("description", "").split())
        rows.append((f"`{field}`", "yes" if name in required else "no", _value_text(root, prop), meaning))
        if prop.get("properties"):
            rows += _rows(root, prop, f"{field}.")
        items = _resolve(root, prop.get("items", {})) if prop.get("type") == "array" else {}
        if items.get("properties"):
            rows += _rows(root, items, f"{field}[].")
    return rows


def field_table(kind: str) -> str:
    """The Markdown table of the fields of one file kind (of one entry, for a list of entries), from its schema.

    >>> print(field_table("notes").splitlines()[2])
    | `id` | yes | text | The note's id: n- followed by lowercase words joined by hyphens, e.g. n-saar-spelling. |
    """
    root = _schema(kind)
    lines = ["| Field | Required | Value | Meaning |", "|---|---|---|---|"]
    for field, required, value, meaning in _rows(root, _entry_schema(root), ""):
        cells = (field, required, value, meaning)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def _markers(kind: str) -> tuple[str, str]:
    return (
        f"<!-- fields of {kind}.schema.json: written by `khabar schemas --write`; edit the schema, not this table -->",
        f"<!-- end of the fields of {kind}.schema.json -->",
    )


def readme_with_tables(text: str) -> str:
    """The README with every generated table rewritten from the schemas; ``ValueError`` if a table is missing."""
    for kind in GENERATED_KINDS:
        start, end = _markers(kind)
        if start not in text or end not in text:
            raise ValueError(f"materials/README.md has no place for the fields of {kind}.schema.json ({start})")
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{field_table(kind)}\n{end}{tail}"
    return text
