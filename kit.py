#!/usr/bin/env python3
"""Set up and run Khabar with nothing but Python 3.10+.

    python3 kit.py lab       set up (first time) and open the kit in JupyterLab
    python3 kit.py test      set up (first time) and run every test
    python3 kit.py app NOTEBOOK   a notebook as a web app for students (Voilà), e.g. 03_comprehension
    python3 kit.py bench     set up (first time) and print the benchmark ratios
    python3 kit.py screenshots    regenerate the README screenshots (needs Chromium)
    python3 kit.py execute   re-run every notebook top to bottom and save its outputs
    python3 kit.py setup     only set up

Setting up creates a virtual environment in ``.venv`` inside this folder and
installs the kit there (never into the system Python). It runs again by
itself when ``pyproject.toml`` changes. Extra arguments are passed on:
``python3 kit.py test -k arabic``, ``python3 kit.py lab --no-browser``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "khabar-setup.stamp"
START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def say(message: str) -> None:
    print(f"[khabar] {message}", flush=True)


def setup() -> None:
    """Create .venv and install the kit with its test tools, if not done already."""
    if sys.version_info < (3, 10):  # noqa: UP036 - kit.py runs before any environment exists
        sys.exit(f"Khabar needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV.relative_to(ROOT)}/")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the kit and its tools (the first time takes a minute or two)")
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    run([*pip, "install", "--upgrade", "pip"])
    run([*pip, "install", "-e", f"{ROOT}[test]"])
    quiet_lab()
    STAMP.write_text(wanted + "\n")
    say("set up")


def quiet_lab() -> None:
    """JupyterLab defaults for a classroom: no news or update checks over the network."""
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    overrides = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}
    (settings / "overrides.json").write_text(json.dumps(overrides, indent=2) + "\n")


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(cmd, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(f"[khabar] failed ({result.returncode}): {' '.join(cmd)}")


def hand_over(cmd: list[str], env: dict[str, str] | None = None) -> None:
    """Replace this process by ``cmd``, so its output and exit status are the kit's."""
    sys.stdout.flush()
    if os.name == "nt":
        sys.exit(subprocess.run(cmd, cwd=ROOT, env=env).returncode)
    os.chdir(ROOT)
    os.execve(cmd[0], cmd, env if env is not None else dict(os.environ))


def test_env() -> dict[str, str]:
    # Deterministic outputs for nbval: same hash seed in the test process and kernels.
    return {**os.environ, "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}


def main(argv: list[str]) -> None:
    command, extra = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return
    if command not in ("lab", "test", "bench", "execute", "setup", "app", "screenshots"):
        sys.exit(f"kit.py: unknown command {command!r}\n{__doc__}")
    setup()
    if command == "lab":
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        where = [f"--ServerApp.root_dir={ROOT}", f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}"]
        hand_over([str(BIN / "jupyter"), "lab", *where, *as_root, *extra])
    elif command == "test":
        hand_over([str(PYTHON), "-m", "pytest", *extra], env=test_env())
    elif command == "app":
        if not extra:
            sys.exit("kit.py app: which notebook? e.g. python3 kit.py app 03_comprehension")
        name = extra[0].removesuffix(".ipynb")
        hand_over([str(BIN / "voila"), f"notebooks/{name}.ipynb", *extra[1:]])
    elif command == "screenshots":
        env = {**test_env(), "KHABAR_UPDATE_SCREENSHOTS": "1"}
        hand_over([str(PYTHON), "-m", "pytest", "tests/browser", "-o", "addopts=-p no:cacheprovider", *extra], env=env)
    elif command == "bench":
        hand_over([str(PYTHON), "benchmarks/bench.py", *extra])
    elif command == "execute":
        # A fresh, empty progress folder: the saved outputs show what a new learner sees.
        fresh = {
            "KHABAR_DATA_DIR": tempfile.mkdtemp(prefix="khabar-execute-"),
            "KHABAR_OUTPUT_DIR": tempfile.mkdtemp(prefix="khabar-execute-output-"),
        }
        hand_over([str(PYTHON), "-m", "helpers.notebooks", *extra], env={**test_env(), **fresh})


if __name__ == "__main__":
    main(sys.argv[1:])
