"""The kit's notebooks: run them top to bottom, and check that they were.

    python -m helpers.notebooks            execute every notebook in place, in a fresh kernel each
    python -m helpers.notebooks --check    list notebooks not saved as executed top to bottom,
                                           or saved with widget state

Committed notebooks carry their outputs so that nbval (strict) compares what a
learner sees; a notebook saved unexecuted, or run out of order, would compare
nothing or the wrong thing. They carry no widget state: the state of every
widget (hundreds of kilobytes a notebook, rewritten by any change) is rebuilt
when the notebook runs, so it is dropped when the notebook is saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = [
    "NOTEBOOK_DIR",
    "REQUIRED_SECTIONS",
    "WIDGET_STATE",
    "execute",
    "main",
    "missing_sections",
    "notebook_paths",
    "run_order_problem",
    "strip_widget_state",
    "widget_state_problem",
]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"

#: Headings every notebook has, in this order (the kit's notebook template).
REQUIRED_SECTIONS = ("Aim", "Time", "Prerequisites", "Exercise", "Summary", "What's next", "Sources")
#: The MIME type under which Jupyter saves the state of a notebook's widgets.
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def notebook_paths(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The kit's notebooks in teaching order."""
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def run_order_problem(nb: dict[str, Any]) -> str | None:
    """Why a notebook was not executed top to bottom in one fresh kernel, or ``None``.

    >>> cell = lambda n: {"cell_type": "code", "execution_count": n, "source": "1"}
    >>> run_order_problem({"cells": [cell(1), cell(2)]}) is None
    True
    >>> run_order_problem({"cells": [cell(1), cell(3)]})
    'code cell 2 has execution count 3, expected 2'
    >>> run_order_problem({"cells": [cell(None)]})
    'code cell 1 was not executed'
    """
    expected = 1
    for index, cell in enumerate((c for c in nb.get("cells", []) if c.get("cell_type") == "code"), start=1):
        count = cell.get("execution_count")
        source = "".join(cell.get("source", ""))
        if count is None:
            if not source.strip():
                continue
            return f"code cell {index} was not executed"
        if count != expected:
            return f"code cell {index} has execution count {count}, expected {expected}"
        expected += 1
    return None


def missing_sections(nb: dict[str, Any]) -> list[str]:
    """Template headings that a notebook lacks (or has out of order)."""
    headings = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    headings.append(line.lstrip("#").strip())
    missing, position = [], 0
    for wanted in REQUIRED_SECTIONS:
        found = next((i for i, h in enumerate(headings[position:], start=position) if h.startswith(wanted)), None)
        if found is None:
            missing.append(wanted)
        else:
            position = found + 1
    return missing


def _is_widget_state(key: str) -> bool:
    return key == "widgets" or key == WIDGET_STATE


def strip_widget_state(nb: dict[str, Any]) -> dict[str, Any]:
    """Drop saved widget state (``metadata.widgets``, and any in the outputs' metadata); keep every output.

    Changes ``nb`` in place and returns it.

    >>> view = {"application/vnd.jupyter.widget-view+json": {"model_id": "m1"}, "text/plain": "Box()"}
    >>> nb = {"metadata": {"widgets": {WIDGET_STATE: {"state": {}}}, "kernelspec": {}},
    ...       "cells": [{"cell_type": "code", "outputs": [{"data": view, "metadata": {WIDGET_STATE: {}}}]}]}
    >>> strip_widget_state(nb)["metadata"], nb["cells"][0]["outputs"][0]["metadata"]
    ({'kernelspec': {}}, {})
    >>> nb["cells"][0]["outputs"][0]["data"] == view
    True
    """
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        for output in cell.get("outputs") or []:
            meta = output.get("metadata")
            if isinstance(meta, dict):
                for key in [k for k in meta if _is_widget_state(k)]:
                    del meta[key]
    return nb


def widget_state_problem(nb: dict[str, Any]) -> str | None:
    """Why a notebook must not be committed as it is (it carries widget state), or ``None``.

    >>> widget_state_problem({"metadata": {"widgets": {WIDGET_STATE: {"state": {"m1": {}}}}}, "cells": []})
    'saved with widget state (metadata.widgets, 1 widget); save it with python -m helpers.notebooks'
    >>> widget_state_problem({"metadata": {}, "cells": []}) is None
    True
    """
    widgets = nb.get("metadata", {}).get("widgets")
    if widgets is not None:
        count = len((widgets.get(WIDGET_STATE) or {}).get("state") or {}) if isinstance(widgets, dict) else 0
        return (
            f"saved with widget state (metadata.widgets, {count} widget{'s' if count != 1 else ''}); "
            "save it with python -m helpers.notebooks"
        )
    code = (c for c in nb.get("cells", []) if c.get("cell_type") == "code")
    for index, cell in enumerate(code, start=1):
        for output in cell.get("outputs") or []:
            if any(_is_widget_state(k) for k in output.get("metadata") or {}):
                return f"code cell {index}: an output carries widget state; save it with python -m helpers.notebooks"
    return None


def execute(path: Path, timeout: int = 300) -> None:
    """Run one notebook top to bottom in a fresh kernel and save it with its outputs, without widget state."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    client.execute()
    nbformat.write(strip_widget_state(nb), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--check", action="store_true", help="only check the run order, the template sections and widget state"
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/")
    args = parser.parse_args(argv)
    paths = args.notebooks or notebook_paths()
    status = 0
    for path in paths:
        if args.check:
            nb = json.loads(path.read_text(encoding="utf-8"))
            missing = missing_sections(nb)
            found = [run_order_problem(nb), widget_state_problem(nb), "missing sections: " + ", ".join(missing)]
            found = [p for p in found[:2] if p] + (found[2:] if missing else [])
            if found:
                status = 1
                print(f"{path}: {'; '.join(found)}")
        else:
            print(f"executing {path.name} …", flush=True)
            execute(path)
    return status


if __name__ == "__main__":
    sys.exit(main())
