"""The kit's notebooks: run them top to bottom, and check that they were.

    python -m helpers.notebooks            execute every notebook in place, in a fresh kernel each
    python -m helpers.notebooks --check    list notebooks not saved as executed top to bottom

Committed notebooks carry their outputs so that nbval (strict) compares what a
learner sees; a notebook saved unexecuted, or run out of order, would compare
nothing or the wrong thing.
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
    "execute",
    "main",
    "missing_sections",
    "notebook_paths",
    "run_order_problem",
]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"

#: Headings every notebook has, in this order (the kit's notebook template).
REQUIRED_SECTIONS = ("Aim", "Time", "Prerequisites", "Exercise", "Summary", "What's next", "Sources")


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


def execute(path: Path, timeout: int = 300) -> None:
    """Run one notebook top to bottom in a fresh kernel and save it with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the run order and template sections")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/")
    args = parser.parse_args(argv)
    paths = args.notebooks or notebook_paths()
    status = 0
    for path in paths:
        if args.check:
            nb = json.loads(path.read_text(encoding="utf-8"))
            problem = run_order_problem(nb)
            missing = missing_sections(nb)
            if problem or missing:
                status = 1
                print(
                    f"{path}: {problem or ''}{'; ' if problem and missing else ''}"
                    f"{'missing sections: ' + ', '.join(missing) if missing else ''}"
                )
        else:
            print(f"executing {path.name} …", flush=True)
            execute(path)
    return status


if __name__ == "__main__":
    sys.exit(main())
