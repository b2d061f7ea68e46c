"""Documentation that is made from the code, or must agree with it, stays true."""

from __future__ import annotations

import json
import re

from helpers import cli
from helpers.lesson import schema
from helpers.lesson.schema import GENERATED_KINDS, README_PATH, SCHEMA_DIR, field_table, readme_with_tables

from .conftest import ROOT


def test_the_field_tables_of_the_materials_readme_are_up_to_date():
    text = README_PATH.read_text(encoding="utf-8")
    assert readme_with_tables(text) == text, "run `khabar schemas --write`"


def test_every_schema_has_its_field_table_in_the_readme():
    text = README_PATH.read_text(encoding="utf-8")
    for kind in GENERATED_KINDS:
        assert field_table(kind) in text, kind


def _properties(node, path=""):
    """Every property of a schema, with its dotted path."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{path}{name}", prop
            yield from _properties(prop, f"{path}{name}.")
        for key in ("items", "definitions"):
            child = node.get(key)
            if isinstance(child, dict):
                children = child.values() if key == "definitions" else [child]
                for sub in children:
                    yield from _properties(sub, path)


def test_every_field_of_every_schema_is_described_for_teachers():
    undescribed = []
    for kind in GENERATED_KINDS:
        root = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for path, prop in _properties(root):
            target = prop
            while "$ref" in target and "description" not in target:
                target = root["definitions"][target["$ref"].rsplit("/", 1)[1]]
            if not target.get("description"):
                undescribed.append(f"{kind}: {path}")
    assert undescribed == []


def test_the_schemas_check_fails_when_a_readme_table_is_stale(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "README.md"
    text = README_PATH.read_text(encoding="utf-8")
    stale.write_text(text.replace("| `gloss` | yes | text |", "| `gloss` | no | text |"), encoding="utf-8")
    monkeypatch.setattr(schema, "README_PATH", stale)
    assert cli.main(["schemas", "--check"]) == 1
    assert capsys.readouterr().err == f"{stale}: out of date; run `khabar schemas --write`\n"


def test_a_changed_description_changes_the_table(tmp_path, monkeypatch):
    copy = tmp_path / "schema"
    copy.mkdir()
    for path in SCHEMA_DIR.glob("*.json"):
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    notes = copy / "notes.schema.json"
    notes.write_text(notes.read_text(encoding="utf-8").replace("Short English title.", "A title."), encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_DIR", copy)
    assert "| `title` | yes | text | A title. |" in field_table("notes")
    text = README_PATH.read_text(encoding="utf-8")
    assert readme_with_tables(text) != text


def test_the_classroom_recipe_counts_its_ways():
    recipe = (ROOT / "docs" / "classroom.md").read_text(encoding="utf-8")
    ways = re.findall(r"^## (\d+)\. ", recipe, re.MULTILINE)
    words = {"Two": 2, "Three": 3, "Four": 4, "Five": 5, "Six": 6}
    said = re.match(r"# .*\n+(\w+) ways", recipe)
    assert said is not None and words[said.group(1)] == len(ways)
    assert ways == [str(n) for n in range(1, len(ways) + 1)]


def test_the_materials_readme_names_where_the_validators_live():
    text = README_PATH.read_text(encoding="utf-8")
    for folder in re.findall(r"`(helpers/[\w/]+)/`", text):
        assert (ROOT / folder).is_dir(), folder
