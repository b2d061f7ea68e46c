"""Browser tests: a real JupyterLab (and Voilà) over a copy of the kit, driven in headless Chromium.

They need Debian's chromium (``apt-get install -y chromium fonts-noto-core``) and
the ``playwright`` Python package. Elsewhere they skip with one message saying
so; in CI (``CI=true``) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "docs" / "images"
UPDATE_SCREENSHOTS = os.environ.get("KHABAR_UPDATE_SCREENSHOTS") == "1"
HOW = "install Chromium (apt-get install -y chromium fonts-noto-core) and run `python3 kit.py test` again"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        if IN_CI:
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser tests skipped: {reason}; {HOW}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield chromium
        chromium.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer at {url}")


def _wait_port(port: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"nothing listens on port {port}")


@pytest.fixture(scope="session")
def kit_copy():
    """A temporary copy of the notebooks and materials, with fresh Jupyter and Khabar folders."""
    root = Path(tempfile.mkdtemp(prefix="khabar-browser-"))
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.html", "*.apkg", "*.csv"))
    shutil.copytree(ROOT / "materials", root / "materials")
    home = root / ".home"
    settings = home / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    notebook_settings = home / "lab-settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    # Render every cell (not only those on screen) so that what a learner would scroll to can be read.
    (notebook_settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
        "KHABAR_DATA_DIR": str(home / "khabar-data"),
        "KHABAR_MATERIALS": str(root / "materials"),
        "PYTHONHASHSEED": "0",
    }
    yield root, env
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def lab(kit_copy, browser):
    root, env = kit_copy
    port, token = free_port(), "khabar-test"
    bin_dir = Path(sys.executable).parent
    server = subprocess.Popen(
        [str(bin_dir / "jupyter-lab"), "--no-browser", "--allow-root", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait(f"http://127.0.0.1:{port}/api/status?token={token}")
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def voila(kit_copy, browser):
    """Start Voilà on one notebook: ``url = voila("03_comprehension")``."""
    root, env = kit_copy
    servers = []

    def start(name: str) -> str:
        port = free_port()
        bin_dir = Path(sys.executable).parent
        from helpers.views.app_mode import voila_arguments, voila_environment  # as kit.py app starts it

        server = subprocess.Popen(
            [str(bin_dir / "voila"), str(root / "notebooks" / f"{name}.ipynb"), "--no-browser", f"--port={port}",
             "--Voila.ip=127.0.0.1", *voila_arguments()],
            env=voila_environment(env), cwd=root / "notebooks", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        servers.append(server)
        _wait_port(port)
        return f"http://127.0.0.1:{port}/"

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


class Page:
    """A browser page with the console errors it logged."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self._console(m))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def _console(self, message) -> None:
        text = message.text
        if message.type != "error":
            return
        # Offline classroom: requests to outside hosts fail by design (Voilà asks a CDN for icons).
        url = (message.location or {}).get("url", "")
        if url and not url.startswith("http://127.0.0.1"):
            return
        if "Failed to load resource" in text and "127.0.0.1" not in url:
            return
        self.errors.append(text)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    wrapped = Page(context.new_page())
    yield wrapped
    context.close()


def open_notebook(page: Page, lab, name: str, ready: str, timeout: float = 120_000) -> None:
    """Open a notebook in JupyterLab, run all cells, and wait for ``ready`` (a CSS selector)."""
    base, token = lab
    page.page.goto(f"{base}/lab/tree/notebooks/{name}.ipynb?token={token}&reset")
    page.page.wait_for_selector("text=| Idle", timeout=timeout)
    page.page.get_by_role("menuitem", name="Run").click()
    page.page.locator("li[data-command='runmenu:run-all']").click()
    page.page.wait_for_selector(ready, timeout=timeout)
    page.page.wait_for_selector("text=| Idle", timeout=timeout)


def screenshot(page: Page, name: str, tmp_path: Path, selector: str | None = None) -> Path:
    """A screenshot for a human to look at; written to docs/images when KHABAR_UPDATE_SCREENSHOTS=1."""
    target = (SCREENSHOTS if UPDATE_SCREENSHOTS else tmp_path) / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    if selector:
        page.page.locator(selector).first.screenshot(path=str(target))
    else:
        page.page.screenshot(path=str(target))
    return target


def direction(page: Page, selector: str) -> str:
    return page.page.locator(selector).first.evaluate("e => getComputedStyle(e).direction")
