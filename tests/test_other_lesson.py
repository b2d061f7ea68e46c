"""Every notebook runs, top to bottom, for a lesson `khabar new` drafted from another article."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = Path(__file__).parent / "data" / "new-article.ar.txt"


def test_every_notebook_runs_with_a_lesson_khabar_new_drafted(tmp_path):
    materials = tmp_path / "materials"
    materials.mkdir()
    made = subprocess.run(
        [sys.executable, "-m", "helpers.cli", "new", str(ARTICLE), "--id", "difaf-book-fair", "--out", str(materials),
         "--date", "2026-03-15", "--title-en", "A book fair opens in Amman"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    env = {**os.environ, "KHABAR_MATERIALS": str(materials), "KHABAR_LESSON": "difaf-book-fair",
           "KHABAR_OUTPUT_DIR": str(tmp_path / "out"), "MPLBACKEND": "Agg"}  # fmt: skip
    notebooks = sorted(str(p) for p in (ROOT / "notebooks").glob("*.ipynb"))
    # --nbval-lax: every cell must run without an error; its outputs are this lesson's, not the recorded ones
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval-lax", *notebooks],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout.splitlines()[-1]
