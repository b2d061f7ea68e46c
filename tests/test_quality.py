"""Code quality a maintainer relies on: lint clean, imports cheap and side-effect free."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .conftest import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(type(ROOT)(sys.executable).parent / "ruff")
    result = subprocess.run(
        [ruff, "check", "helpers", "tests", "benchmarks", "kit.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_helpers_loads_no_widget_or_plotting_library_and_changes_no_global_state():
    code = (
        "import sys, random; state = random.getstate(); import helpers; "
        "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'jsonschema', 'IPython') if m in sys.modules)); "
        "print(random.getstate() == state)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]


def test_loading_a_lesson_does_not_import_jsonschema():
    code = (
        "import sys, helpers; helpers.load_lesson(); "
        "print('jsonschema' in sys.modules, 'fastjsonschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
