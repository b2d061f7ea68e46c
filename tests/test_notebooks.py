"""The committed notebooks: executed in order, on the template, thin."""

from __future__ import annotations

import json

import pytest

from helpers.notebooks import missing_sections, notebook_paths, run_order_problem

NOTEBOOKS = notebook_paths()


def test_the_kit_has_its_notebooks():
    assert [p.stem for p in NOTEBOOKS][:2] == ["00_start_here", "01_read"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_was_executed_top_to_bottom_in_a_fresh_kernel(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert run_order_problem(nb) is None
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert any(c["outputs"] for c in code), "saved without outputs: nbval would compare nothing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_template(path):
    assert missing_sections(json.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_thin(path):
    """Logic lives in helpers: cells are short calls, never file parsing."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert len(source.splitlines()) <= 8, source
        for banned in ("open(", "yaml", "json.load", "import ipywidgets", "def ", "class "):
            assert banned not in source, f"{banned!r} in a cell of {path.name}"


def test_run_order_check_catches_a_shuffled_notebook():
    cells = [{"cell_type": "code", "execution_count": n, "source": "x"} for n in (1, 3, 2)]
    assert run_order_problem({"cells": cells}) == "code cell 2 has execution count 3, expected 2"
    assert missing_sections({"cells": [{"cell_type": "markdown", "source": "## Aim"}]})[0] == "Time"
