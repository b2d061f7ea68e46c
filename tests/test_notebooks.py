"""The committed notebooks: executed in order, on the template, thin."""

from __future__ import annotations

import json

import pytest

from helpers.notebooks import (
    WIDGET_STATE,
    main,
    missing_sections,
    notebook_paths,
    run_order_problem,
    strip_widget_state,
    widget_state_problem,
)

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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_widget_state(path):
    """Widget state is rebuilt when a notebook runs; saved, it only bloats every diff."""
    problem = widget_state_problem(json.loads(path.read_text(encoding="utf-8")))
    assert problem is None, f"{path.name}: {problem}"


def _executed_notebook() -> dict:
    view = {"application/vnd.jupyter.widget-view+json": {"model_id": "m1", "version_major": 2}, "text/plain": "Box()"}
    return {
        "metadata": {"kernelspec": {"name": "python3"}, "widgets": {WIDGET_STATE: {"state": {"m1": {}, "m2": {}}}}},
        "cells": [
            {"cell_type": "markdown", "source": "## Aim"},
            {"cell_type": "code", "execution_count": 1, "source": "x",
             "outputs": [{"output_type": "display_data", "data": view, "metadata": {WIDGET_STATE: {"m1": {}}}}]},
            {"cell_type": "code", "execution_count": 2, "source": "print(1)",
             "outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n"}]},
        ],
    }  # fmt: skip


def test_stripping_drops_the_widget_state_and_keeps_every_output():
    nb = _executed_notebook()
    outputs = [c.get("outputs") for c in nb["cells"]]
    assert widget_state_problem(nb) == (
        "saved with widget state (metadata.widgets, 2 widgets); save it with python -m helpers.notebooks"
    )
    strip_widget_state(nb)
    assert nb["metadata"] == {"kernelspec": {"name": "python3"}}
    assert nb["cells"][1]["outputs"][0]["metadata"] == {}
    assert nb["cells"][1]["outputs"][0]["data"]["text/plain"] == "Box()"
    assert [c.get("outputs") for c in nb["cells"]] == outputs  # the same outputs, less the state
    assert widget_state_problem(nb) is None


def test_widget_state_in_an_output_alone_is_found():
    nb = _executed_notebook()
    del nb["metadata"]["widgets"]
    assert widget_state_problem(nb) == (
        "code cell 1: an output carries widget state; save it with python -m helpers.notebooks"
    )


def test_the_check_command_fails_for_a_notebook_with_widget_state(tmp_path, capsys):
    path = tmp_path / "99_state.ipynb"
    path.write_text(json.dumps(_executed_notebook()), encoding="utf-8")
    assert main(["--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: saved with widget state (metadata.widgets, 2 widgets)")
    strip_widget_state(nb := _executed_notebook())
    path.write_text(json.dumps(nb), encoding="utf-8")
    main(["--check", str(path)])
    assert "widget state" not in capsys.readouterr().out
