#!/usr/bin/env python3
"""Set up and run Khabar with nothing but Python 3.10+.

    python3 kit.py lab       set up (first time) and open the kit in JupyterLab
    python3 kit.py test      set up (first time) and run every test
    python3 kit.py app NOTEBOOK   a notebook as a web app for students (Voilà), e.g. 03_comprehension
    python3 kit.py lab --lesson ID    (and app NOTEBOOK --lesson ID) every notebook opens lesson ID
    python3 kit.py bench     set up (first time) and print the benchmark ratios
    python3 kit.py screenshots    regenerate the README screenshots (needs Chromium)
    python3 kit.py execute   re-run every notebook top to bottom and save its outputs
    python3 kit.py setup     only set up

Setting up creates a virtual environment in ``.venv`` inside this folder and
installs the kit there (never into the system Python). It runs again by
itself when ``pyproject.toml`` changes. Extra arguments are passed on:
``python3 kit.py test -k arabic``, ``python3 kit.py lab --no-browser``.

``--lesson ID`` sets KHABAR_LESSON for the server it starts; the lessons are the
folders of KHABAR_MATERIALS (os.pathsep-separated, first listed first), then
the kit's own materials/. ``execute`` and ``test`` always use the built-in lesson.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "khabar-setup.stamp"
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
#: The settings that choose the lesson (see helpers/lesson/loader.py, whose rule lessons() follows).
LESSON_ENV, MATERIALS_ENV = "KHABAR_LESSON", "KHABAR_MATERIALS"


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
    install_proxy()
    quiet_lab()
    STAMP.write_text(wanted + "\n")
    say("set up")


def install_proxy() -> None:
    """configurable-http-proxy (npm), which the JupyterHub test needs, into .venv/node_modules (never the system's).

    Without npm, or offline, the kit still sets up: the JupyterHub test then says what is missing."""
    if (VENV / "node_modules" / ".bin" / "configurable-http-proxy").exists() or shutil.which("configurable-http-proxy"):
        return
    npm = shutil.which("npm")
    if npm is None:
        say("npm not found: the JupyterHub test needs configurable-http-proxy (install Node.js with npm)")
        return
    say("installing configurable-http-proxy (npm) for the JupyterHub test")
    quiet = ["--no-audit", "--no-fund", "--loglevel=error"]
    if subprocess.run(
        [npm, "install", "--prefix", str(VENV), *quiet, "configurable-http-proxy@4"], cwd=ROOT
    ).returncode:
        say("could not install configurable-http-proxy; the JupyterHub test will fail until it is installed")


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


def app_mode():
    """helpers/views/app_mode.py (standard library only), read without importing the kit's package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("khabar_app_mode", ROOT / "helpers" / "views" / "app_mode.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_over(cmd: list[str], env: dict[str, str] | None = None) -> None:
    """Replace this process by ``cmd``, so its output and exit status are the kit's."""
    sys.stdout.flush()
    if os.name == "nt":
        sys.exit(subprocess.run(cmd, cwd=ROOT, env=env).returncode)
    os.chdir(ROOT)
    os.execve(cmd[0], cmd, env if env is not None else dict(os.environ))


def test_env() -> dict[str, str]:
    # Deterministic outputs for nbval: same hash seed in the test process and kernels, and the built-in lesson
    # (the saved outputs are that lesson's), whatever lesson the shell has chosen.
    kept = {k: v for k, v in os.environ.items() if k not in (LESSON_ENV, MATERIALS_ENV)}
    return {**kept, "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}


def lessons(environ: Mapping[str, str] = os.environ) -> list[str]:
    """Ids of the lessons the kit finds, as ``helpers.list_lessons()`` does (a test keeps the two alike): the
    folders holding a lesson.yaml in each folder of KHABAR_MATERIALS, then in the kit's own materials/."""
    found = set()
    for root in [*_materials(environ), ROOT / "materials"]:
        try:
            found |= {p.name for p in root.iterdir() if (p / "lesson.yaml").is_file()} if root.is_dir() else set()
        except OSError:
            continue
    return sorted(found)


def _materials(environ: Mapping[str, str]) -> list[Path]:
    """The folders of KHABAR_MATERIALS, made absolute (the server's notebooks run in another folder)."""
    parts = environ.get(MATERIALS_ENV, "").split(os.pathsep)
    return [Path(p.strip()).expanduser().resolve() for p in parts if p.strip()]


def take_lesson(args: list[str], environ: Mapping[str, str] = os.environ) -> tuple[dict[str, str], list[str]]:
    """Take ``--lesson ID`` (or ``--lesson=ID``) out of the arguments: the environment for the server (KHABAR_LESSON
    set to ID; KHABAR_MATERIALS with absolute paths), and the arguments left to pass on.

    ID is a lesson id or the path of a lesson folder; without ``--lesson``, KHABAR_LESSON is kept as it is. A lesson
    the kit cannot find ends the kit with one line that lists the lessons, before anything starts.
    """
    rest, given = [], None
    words = iter(args)
    for word in words:
        if word == "--lesson":
            given = next(words, "")
        elif word.startswith("--lesson="):
            given = word.removeprefix("--lesson=")
        else:
            rest.append(word)
    env = dict(environ)
    if environ.get(MATERIALS_ENV, "").strip():
        env[MATERIALS_ENV] = os.pathsep.join(str(p) for p in _materials(environ))
    chosen, source = (given, "--lesson") if given is not None else (environ.get(LESSON_ENV, ""), LESSON_ENV)
    if given is None and not chosen.strip():
        return env, rest  # the built-in lesson
    known = lessons(environ)
    listed = ", ".join(known) or "none"
    chosen = chosen.strip()
    if not chosen or chosen.startswith("-"):
        sys.exit(f"kit.py: --lesson needs a lesson id (the lessons: {listed})")
    folder = Path(chosen).expanduser()
    if chosen not in known and folder.is_dir() and (folder / "lesson.yaml").is_file():
        chosen = str(folder.resolve())  # a lesson folder of its own, by a path that must hold in another folder
    elif chosen not in known:
        sys.exit(
            f"kit.py: {source} names no lesson: {chosen!r} (the lessons: {listed}); "
            f"add a folder of lessons to {MATERIALS_ENV}, or give a lesson folder's path"
        )
    env[LESSON_ENV] = chosen
    return env, rest


def main(argv: list[str]) -> None:
    command, extra = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return
    if command not in ("lab", "test", "bench", "execute", "setup", "app", "screenshots"):
        sys.exit(f"kit.py: unknown command {command!r}\n{__doc__}")
    lesson_env: dict[str, str] | None = None
    if command in ("lab", "app"):  # checked before the set-up, which may take minutes
        lesson_env, extra = take_lesson(extra)
    setup()
    if command == "lab":
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        where = [f"--ServerApp.root_dir={ROOT}", f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}"]
        hand_over([str(BIN / "jupyter"), "lab", *where, *as_root, *extra], env=lesson_env)
    elif command == "test":
        hand_over([str(PYTHON), "-m", "pytest", *extra], env=test_env())
    elif command == "app":
        if not extra:
            sys.exit("kit.py app: which notebook? e.g. python3 kit.py app 03_comprehension")
        name = extra[0].removesuffix(".ipynb")
        app = app_mode()  # the kit's template: the activity, without the notebook's preamble
        env = app.voila_environment(lesson_env if lesson_env is not None else dict(os.environ))
        hand_over([str(BIN / "voila"), f"notebooks/{name}.ipynb", *app.voila_arguments(), *extra[1:]], env=env)
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
