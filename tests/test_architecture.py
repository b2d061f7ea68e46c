"""The package's layers, as a maintainer sees them: enforced by import-linter, and visible in the tree."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import helpers

from .conftest import ROOT

LAYERS = ["text", "lesson", "study", "views", "widgets"]


def lint_imports(cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = str(Path(sys.executable).parent / "lint-imports")
    return subprocess.run([exe, "--no-cache"], cwd=cwd, capture_output=True, text=True, env=env)


def test_every_layer_is_a_subpackage_and_the_root_holds_only_the_api_and_the_apps():
    for layer in LAYERS:
        assert (ROOT / "helpers" / layer / "__init__.py").is_file(), layer
    top = sorted(p.name for p in (ROOT / "helpers").glob("*.py"))
    assert top == ["__init__.py", "cli.py", "notebooks.py"]


def test_the_import_contracts_are_kept():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("helpers/text/_upward.py", "from helpers.lesson.model import Lesson", "Layers"),
        ("helpers/study/_upward.py", "from helpers.widgets.reading import ReadingView", "Layers"),
        ("helpers/views/_upward.py", "from helpers.cli import main", "Layers"),
        (
            "helpers/lesson/model.py",
            "from helpers.text.translit import transliterate",
            "The lesson model is plain data",
        ),
    ],
)
def test_an_import_against_the_layers_breaks_a_contract(tmp_path, module, line, contract):
    """Copy the package, add one import against the layers, and watch the contract fail."""
    copy = tmp_path / "kit"
    shutil.copytree(ROOT / "helpers", copy / "helpers", ignore=shutil.ignore_patterns("__pycache__", "_materials"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    target = copy / module
    target.write_text((target.read_text() if target.exists() else "") + f"\n{line}  # noqa\n")
    result = lint_imports(copy, env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts")[-1]
    assert contract in broken


def test_the_benchmark_does_not_import_the_tests():
    tree = ast.parse((ROOT / "benchmarks" / "bench.py").read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert not {m for m in imported if m == "tests" or m.startswith("tests.")}


def test_dir_lists_every_public_name_lazy_ones_included():
    names = dir(helpers)
    for name in ("load_lesson", "reading_view", "quiz", "timeline_explorer", "grade_text", "TIMELINE_ZOOM"):
        assert name in names
    assert set(helpers.__all__) <= set(names)
    for name in helpers.__all__:  # and each of them resolves
        assert getattr(helpers, name) is not None, name
