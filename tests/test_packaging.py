"""What a class's set-up relies on: Binder files, the classroom recipe, an installable wheel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import tomllib

from .conftest import ROOT


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ]", r.strip())[0].lower() for r in requirements if r.strip() and not r.startswith("#")}


def test_binder_installs_every_runtime_dependency_and_the_kit():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    binder = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert _names(project["dependencies"]) <= _names(binder)
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK) and "pip install --no-deps -e ." in post.read_text(encoding="utf-8")
    assert (ROOT / "binder" / "runtime.txt").read_text().strip().startswith("python-3.")


def test_classroom_recipe_gives_working_commands():
    recipe = (ROOT / "docs" / "classroom.md").read_text(encoding="utf-8")
    assert recipe.count("\n## ") == 4 and "Four ways" in recipe
    assert "hub/user-redirect/git-pull?repo=" in recipe and "urlpath=lab%2Ftree%2Fkhabar%2Fnotebooks" in recipe
    assert "python3 kit.py app 03_comprehension" in recipe
    kit = (ROOT / "kit.py").read_text(encoding="utf-8")
    assert '"app"' in kit and "voila" in kit


def test_the_wheel_carries_the_lessons_and_validators(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = list(tmp_path.glob("khabar-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "helpers/_materials/kazakhstan-visa-2026/sentences.yaml" in names
    assert "helpers/_materials/schema/quiz.schema.json" in names
    assert "helpers/lesson/_validators/timeline.py" in names
    assert "helpers/_materials/schema/results.schema.json" in names and "helpers/lesson/_validators/results.py" in names
    assert "helpers/_materials/README.md" in names  # the field tables, checked against the installed schemas
