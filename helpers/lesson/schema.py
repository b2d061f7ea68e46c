"""Enforce the JSON Schemas of lesson files.

Validation uses fastjsonschema, which turns a JSON Schema into plain Python.
The generated validators are kept in ``helpers/lesson/_validators/`` (regenerate with
``khabar schemas --write``; a test fails when they are stale) so that loading a
lesson in a notebook kernel imports neither jsonschema (about two seconds,
through jupyter-events' URI grammar) nor fastjsonschema's compiler. Should a
schema file change without regenerating, the loader notices by its hash and
compiles the schema itself.

fastjsonschema stops at the first error. To report every bad entry at once,
:func:`validate` sets aside the entry that failed and validates again, so a
teacher sees one message per broken entry, each naming its id and field.
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

__all__ = ["SCHEMA_DIR", "SCHEMA_KINDS", "SchemaViolation", "generated_validator", "validate"]

SCHEMA_KINDS = ("lesson", "sentences", "notes", "glossary", "quiz", "timeline")

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "materials" / "schema"
if not SCHEMA_DIR.is_dir():  # installed from a wheel: the materials travel inside the package
    SCHEMA_DIR = Path(__file__).resolve().parents[1] / "_materials" / "schema"
_MAX_PROBLEMS = 200


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
        raise RuntimeError("fastjsonschema changed its generated header; update helpers/schema.py")
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
    module = importlib.import_module(f"helpers.lesson._validators.{kind}")
    if module.SCHEMA_CRC32 == f"{zlib.crc32(text.encode('utf-8')):08x}":
        return module.validate
    namespace: dict[str, Any] = {}
    exec(generated_validator(kind), namespace)
    return namespace["validate"]


def validate(kind: str, data: Any, shown: str) -> tuple[Any, list[Problem]]:
    """Check ``data`` against ``materials/schema/<kind>.schema.json``.

    Returns the data with every failing entry removed, and one problem per
    failing entry. The caller loads nothing if any problem is returned.
    """
    check = _compiled(kind)
    try:
        return check(data), []
    except SchemaViolation:
        pass
    problems: list[Problem] = []
    data = copy.deepcopy(data)  # entries are removed from this copy as they fail
    emptied: set[int] = set()  # lists an entry was removed from
    while len(problems) < _MAX_PROBLEMS:
        try:
            check(data)
            return None, problems
        except SchemaViolation as exc:
            entry, field, container, index = _locate(data, list(exc.path[1:]))
            if not _consequence(exc.value, emptied):
                problems.append(Problem(shown, entry, field, _describe(exc, field)))
            if container is None:
                return None, problems
            emptied.add(id(container))
            del container[index]
    return None, problems


def _consequence(value: Any, emptied: set[int]) -> bool:
    """True for an error caused only by removing a failed entry (e.g. a list now empty)."""
    if id(value) in emptied:
        return True
    return isinstance(value, dict) and any(id(v) in emptied for v in value.values())


def _locate(data: Any, path: list[Any]) -> tuple[str | None, str | None, Any, Any]:
    """The entry (nearest list item with an ``id``) and field of an error path."""
    entry_id = None
    container = index = None
    field_parts: list[str] = []
    node = data
    for step in path:
        if isinstance(node, list) and isinstance(step, int) and step < len(node):
            item = node[step]
            container, index = node, step
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                entry_id = item["id"]
            else:
                entry_id = f"#{step + 1}"
            field_parts = []
            node = item
        elif isinstance(node, dict) and step in node:
            field_parts.append(str(step))
            node = node[step]
        else:
            break
    field = ".".join(field_parts) or None
    return entry_id, field, container, index


def _describe(exc: SchemaViolation, field: str | None) -> str:
    rule, definition, value = exc.rule, exc.rule_definition, exc.value
    if rule == "required" and isinstance(value, dict):
        missing = [key for key in definition if key not in value]
        return f"'{missing[0]}' is required" if missing else exc.message
    if rule == "additionalProperties" and isinstance(value, dict):
        allowed = set((exc.definition or {}).get("properties", {}))
        extra = sorted(str(k) for k in value if k not in allowed)
        return f"unknown field {', '.join(repr(k) for k in extra)} (allowed: {', '.join(sorted(allowed))})"
    if rule == "type":
        wanted = definition if isinstance(definition, str) else " or ".join(definition)
        return f"must be {wanted}, not {_type_name(value)}"
    if rule == "enum":
        return f"{value!r} is not one of: {', '.join(map(str, definition))}"
    if rule == "pattern":
        hint = (exc.definition or {}).get("description", f"the pattern {definition}")
        return f"{value!r} is not in the expected form ({hint})"
    if rule == "minLength":
        return "must not be empty" if definition == 1 else f"must be at least {definition} characters long"
    if rule == "minItems":
        return f"must list at least {definition} item{'s' if definition != 1 else ''}"
    if rule == "oneOf" and all(isinstance(o, dict) and list(o) == ["required"] for o in definition):
        names = " or ".join(f"'{o['required'][0]}'" for o in definition)
        return f"needs exactly one of {names}"
    if rule == "uniqueItems":
        return "lists the same value twice"
    return exc.message.replace("data.", "", 1)


def _type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "empty"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)
