"""A real JupyterHub on this machine, and learners that use it the way a browser does.

:class:`Hub` starts JupyterHub (with configurable-http-proxy from npm) on free localhost ports, with the
one-machine recipe ``deploy/jupyterhub_config.py`` and, for a test, a shared password and each learner's
home folder in a scratch folder (``SimpleLocalProcessSpawner``: one system account for all, so a test only).
It keeps the id of every process it started (the hub, the proxy, each learner's server and kernels, found
through the hub and ``/proc``) and stops them all by id, process group included, even after a failure.

:class:`Learner` follows the teacher's nbgitpuller link as a browser does: the hub's login page, the
progress stream while the server starts, nbgitpuller's page and its pull, then JupyterLab on the notebook; and,
coming back after the server stopped, the "server not running" page, which the recipe turns into a start by
itself. Its :class:`Kernel` talks to the learner's server over the kernel websocket with the learner's cookies.

Nothing here is imported by the kit; importing it starts nothing.
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlparse

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
BIN = Path(sys.executable).parent  # the environment the tests run in: jupyterhub and the kit are installed there
#: Where nbgitpuller puts the kit in each learner's home (the link's repository is named so).
TARGET = "khabar"
#: The class's shared password (SharedPasswordAuthenticator wants at least 8 characters).
PASSWORD = "tuesday-astana"
#: The hub's service account that checks on the class (its token reads the users and their servers' state).
SERVICE = "class-check"


class HubError(RuntimeError):
    """The hub or a learner's server did not do what a browser would have seen it do."""


# -- what the test needs from the machine ------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str:
    """configurable-http-proxy (npm): the one ``kit.py setup`` puts in ``.venv/node_modules``, else on PATH."""
    for candidate in (
        BIN.parent / "node_modules" / ".bin" / "configurable-http-proxy",
        shutil.which("configurable-http-proxy"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise HubError(
        "configurable-http-proxy is not installed: `python3 kit.py setup` installs it into .venv when npm is "
        "present, or run `npm install -g configurable-http-proxy`"
    )


def kit_repository(folder: Path) -> tuple[str, str]:
    """A bare git repository named ``khabar`` holding the commit the tests run from, as the school's copy of the
    kit would be: its ``file://`` URL and branch. Made from the project's git history (its HEAD, committed work
    only), or, outside a git work tree, from the notebooks and lessons as they are."""
    bare = folder / TARGET
    git = ["git", "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false"]
    subprocess.run([*git, "init", "--quiet", "--bare", str(bare)], check=True)
    fetch = [*git, "-C", str(bare), "fetch", "--quiet", "--no-tags", "--depth=1"]  # --depth: CI's clones are shallow
    subprocess.run([*fetch, str(ROOT), "HEAD:refs/heads/main"], capture_output=True)
    has_main = [*git, "-C", str(bare), "rev-parse", "--quiet", "--verify", "refs/heads/main"]
    if subprocess.run(has_main, capture_output=True).returncode != 0:  # not a git work tree: commit what is there
        work = folder / "kit-files"
        for part in ("notebooks", "materials"):
            shutil.copytree(ROOT / part, work / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "results-*"))
        who = ["-c", "user.name=Khabar", "-c", "user.email=khabar@localhost"]
        subprocess.run([*git, "init", "--quiet", str(work)], check=True)
        subprocess.run([*git, "-C", str(work), "add", "."], check=True)
        subprocess.run([*git, *who, "-C", str(work), "commit", "--quiet", "-m", "Khabar"], check=True)
        subprocess.run([*fetch, str(work), "HEAD:refs/heads/main"], check=True)
    subprocess.run([*git, "-C", str(bare), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    return bare.as_uri(), "main"


def nbgitpuller_link(hub_url: str, repo: str, branch: str, notebook: str) -> str:
    """The link a teacher sends: pull ``repo`` into the learner's home, then open ``notebook`` in JupyterLab."""
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{TARGET}/{notebook}"})
    return f"{hub_url}/hub/user-redirect/git-pull?{query}"


# -- processes ---------------------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time in clock ticks) of a live process, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[19])


def descendants(pid: int) -> dict[int, int]:
    """Every live process below ``pid`` (children, their children, ...): pid -> start time."""
    parents: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            found = _stat(int(entry.name))
            if found:
                parents.setdefault(found[0], []).append(int(entry.name))
                starts[int(entry.name)] = found[1]
    below, todo = {}, [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in below:
                below[child] = starts[child]
                todo.append(child)
    return below


def _rollup(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise HubError(f"no {field} line in /proc/{pid}/smaps_rollup")


def pss_kib(pid: int) -> int:
    """The process's proportional set size (shared pages divided among the processes sharing them), in KiB."""
    return _rollup(pid, "Pss")


def rss_kib(pid: int) -> int:
    """The process's resident set size (shared pages counted whole), in KiB."""
    return _rollup(pid, "Rss")


@dataclass
class Processes:
    """The processes one test started, by id and start time (so a recycled id is never signalled)."""

    known: dict[int, int] = field(default_factory=dict)

    def remember(self, pid: int) -> None:
        found = _stat(pid)
        if found:
            self.known[pid] = found[1]
            self.known.update(descendants(pid))

    def alive(self) -> list[int]:
        return [pid for pid, start in self.known.items() if (_stat(pid) or (0, None))[1] == start]

    def signal_all(self, sig: int) -> None:
        """``sig`` to each live process and to its process group (never to the caller's own group)."""
        own = os.getpgrp()
        for pid in self.alive():
            try:
                group = os.getpgid(pid)
                if group != own:
                    os.killpg(group, sig)
                os.kill(pid, sig)
            except (ProcessLookupError, PermissionError):
                pass

    def stop_all(self, patience: float = 10.0) -> list[int]:
        """SIGTERM everything, SIGKILL what is left after ``patience`` seconds; the ids that needed SIGKILL."""
        self.signal_all(signal.SIGTERM)
        deadline = time.monotonic() + patience
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        stubborn = self.alive()
        if stubborn:
            self.signal_all(signal.SIGKILL)
            time.sleep(0.2)
        return stubborn


# -- the hub -----------------------------------------------------------------------------------------------


class Hub:
    """JupyterHub on free localhost ports, its state and logs in ``workdir``, learners' homes in ``workdir/home``.

    ``recipe``: True loads ``deploy/jupyterhub_config.py`` first (what a school runs), False gives stock
    JupyterHub. ``extra`` is more configuration, applied last.
    """

    def __init__(self, workdir: Path, recipe: bool = True, extra: str = "") -> None:
        self.workdir = workdir
        self.homes = workdir / "home"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.recipe, self.extra = recipe, extra
        self.processes = Processes()
        self.log_path = workdir / "jupyterhub.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def config(self) -> str:
        """The hub's configuration file: the recipe, then this machine's ports, the test's login and spawner."""
        work = self.workdir
        as_root = "c.Spawner.args.append('--ServerApp.allow_root=True')" if os.geteuid() == 0 else ""
        return f"""\
c = get_config()  # noqa: F821
{f"load_subconfig({str(DEPLOY_CONFIG)!r})  # noqa: F821" if self.recipe else ""}
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
c.ConfigurableHTTPProxy.pid_file = {str(work / "proxy.pid")!r}
c.JupyterHub.pid_file = {str(work / "jupyterhub.pid")!r}
c.JupyterHub.db_url = "sqlite:///" + {str(work / "jupyterhub.sqlite")!r}
c.JupyterHub.cookie_secret_file = {str(work / "jupyterhub_cookie_secret")!r}
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes) + "/{username}"!r}
{as_root}
c.JupyterHub.services.append({{"name": {SERVICE!r}, "api_token": {self.token!r}}})
c.JupyterHub.load_roles.append({{
    "name": {SERVICE!r},
    "scopes": ["admin:users", "admin:servers", "admin:server_state", "access:servers"],
    "services": [{SERVICE!r}],
}})
{self.extra}
"""

    def environment(self) -> dict[str, str]:
        """The hub's environment: this machine's PATH with the tests' environment first, nothing of the kit's."""
        keep = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "TZ", "SYSTEMROOT")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", os.defpath)])
        env["HOME"] = str(self.workdir)
        env.setdefault("LANG", "C.UTF-8")
        return env

    def start(self, timeout: float = 60.0) -> None:
        self.homes.mkdir(parents=True, exist_ok=True)
        (self.workdir / "jupyterhub_config.py").write_text(self.config())
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(BIN / "jupyterhub"), "-f", str(self.workdir / "jupyterhub_config.py")],
                cwd=self.workdir,
                env=self.environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.remember(self.proc.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HubError(f"JupyterHub exited ({self.proc.returncode}):\n{self.log_tail()}")
            try:
                if self.api("GET", "/").status_code == 200:
                    self.processes.remember(self.proc.pid)  # the proxy, now started
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise HubError(f"JupyterHub did not answer within {timeout:g} s:\n{self.log_tail()}")

    def api(self, method: str, path: str, **kwargs: object):  # -> requests.Response
        import requests

        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=30, **kwargs)

    def user(self, name: str) -> dict:
        return self.api("GET", f"/users/{name}").json()

    def server_pid(self, name: str) -> int:
        """The process id of the learner's single-user server (from the hub's own record of it)."""
        state = self.user(name)["servers"][""]["state"]
        return int(state["pid"])

    def learner_processes(self, name: str) -> list[int]:
        """The learner's server and everything it started (its kernels)."""
        pid = self.server_pid(name)
        self.processes.remember(pid)
        return [pid, *descendants(pid)]

    def home(self, name: str) -> Path:
        return self.homes / name

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> list[int]:
        """Stop the hub (which stops the servers it started), then every process it left, by id and group."""
        if self.proc is not None and self.proc.poll() is None:
            self.processes.remember(self.proc.pid)
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        return self.processes.stop_all()

    def __enter__(self) -> Hub:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- a learner ---------------------------------------------------------------------------------------------


def _found(pattern: str, text: str, what: str) -> str:
    match = re.search(pattern, text)
    if not match:
        raise HubError(f"{what} not found in the page")
    return html.unescape(match.group(1))


def _events(response) -> object:
    """The JSON of each ``data:`` line of an event stream."""
    for line in response.iter_lines(decode_unicode=True):
        if line and line.startswith("data:"):
            yield json.loads(line[5:])


class Learner:
    """One learner's browser: cookies, the link, the pull, and kernels on the learner's own server."""

    def __init__(self, hub: Hub, name: str, password: str = PASSWORD) -> None:
        import requests

        self.hub, self.name, self.password = hub, name, password
        self.http = requests.Session()
        self.prefix = f"/user/{name}/"
        #: Seconds from opening the link: the server ready, and JupyterLab open on the pulled notebook.
        self.timings: dict[str, float] = {}

    def _get(self, url: str, **kwargs: object):
        return self.http.get(urljoin(self.hub.url, url), timeout=kwargs.pop("timeout", 60), **kwargs)

    def open_link(self, link: str, spawn_timeout: float = 300.0) -> None:
        """Open the teacher's link, log in, wait for the server, let nbgitpuller pull, land in JupyterLab."""
        began = time.monotonic()
        page = self._get(link)
        if "/hub/login" not in urlparse(page.url).path:
            raise HubError(f"the link did not ask to log in: {page.status_code} {page.url}")
        xsrf = _found(r'name="_xsrf"\s+value="([^"]+)"', page.text, "the login form's _xsrf")
        page = self.http.post(
            page.url, data={"username": self.name, "password": self.password, "_xsrf": xsrf}, timeout=60
        )
        page = self._wait_for_server(page, spawn_timeout)
        if page.status_code != 200 or not urlparse(page.url).path.startswith(self.prefix + "git-pull"):
            raise HubError(f"{self.name} did not reach nbgitpuller: {page.status_code} {page.url}")
        self.timings["ready"] = time.monotonic() - began
        self._pull(page.text)
        self.timings["lab"] = time.monotonic() - began

    def come_back(self, path: str, spawn_timeout: float = 120.0) -> None:
        """Open a page of the learner's server after the server stopped (yesterday's tab, a bookmark): the hub shows
        "server not running", which the recipe turns into a start by itself; the page then opens."""
        page = self._get(self.prefix + path)
        if page.status_code != 424:
            raise HubError(f"expected the hub's 'server not running' page, got {page.status_code} {page.url}")
        if "implicit_spawn_seconds" not in page.text:
            raise HubError("the hub shows 'server not running' and waits for a click (no implicit spawn)")
        page = self._wait_for_server(self._get(_found(r'href="([^"]*/hub/spawn/[^"]*)"', page.text, "start link")))
        if page.status_code != 200 or "jupyter-config-data" not in page.text:
            raise HubError(f"{self.name} did not get back to {path}: {page.status_code} {page.url}")

    def _wait_for_server(self, page, timeout: float = 300.0):  # -> requests.Response
        """What the hub's "your server is starting" page does: follow the progress stream, then reload."""
        while "/hub/spawn-pending/" in urlparse(page.url).path:
            progress = _found(r'new EventSource\("([^"]+)"\)', page.text, "the progress stream")
            with self._get(progress, stream=True, timeout=(30, timeout)) as stream:
                for event in _events(stream):
                    if event.get("failed"):
                        raise HubError(f"{self.name}'s server failed to start: {event.get('message')}")
                    if event.get("ready"):
                        break
            page = self._get(page.url)  # the page reloads itself, which leads to the server
        return page

    def _pull(self, status_page: str) -> None:
        """What nbgitpuller's page does: stream its pull, then go to the notebook."""
        data = {k: html.unescape(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', status_page)}
        from urllib.parse import unquote

        data = {k: unquote(v) for k, v in data.items()}
        query = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        if "branch" in data:
            query["branch"] = data["branch"]
        with self._get(f"{self.prefix}git-pull/api?{urlencode(query)}", stream=True, timeout=(30, 120)) as stream:
            phases = [event for event in _events(stream)]
        if not phases or phases[-1].get("phase") != "finished":
            raise HubError(f"{self.name}'s pull did not finish: {phases[-1:] or 'no events'}")
        page = self._get(data["base-url"] + data["path"])
        if page.status_code != 200 or "jupyter-config-data" not in page.text:
            raise HubError(f"{self.name} did not land in JupyterLab: {page.status_code} {page.url}")

    def xsrf(self) -> str:
        for cookie in self.http.cookies:
            if cookie.name == "_xsrf" and cookie.path.startswith(self.prefix.rstrip("/")):
                return cookie.value
        raise HubError(f"no _xsrf cookie from {self.name}'s server")

    def server_api(self, method: str, path: str, **kwargs: object):
        headers = {"X-XSRFToken": self.xsrf()}
        url = urljoin(self.hub.url, f"{self.prefix}api/{path}")
        response = self.http.request(method, url, headers=headers, timeout=60, **kwargs)
        if response.status_code >= 400:
            raise HubError(f"{method} {path} on {self.name}'s server: {response.status_code} {response.text[:300]}")
        return response

    def notebook(self, path: str) -> dict:
        """A notebook in the learner's home, as the server's contents API gives it to JupyterLab."""
        return self.server_api("GET", f"contents/{path}?content=1").json()["content"]

    def kernel(self, notebook_path: str) -> Kernel:
        """A kernel for the notebook, started as JupyterLab starts one (a session), in the notebook's folder."""
        session = self.server_api(
            "POST",
            "sessions",
            json={
                "path": notebook_path,
                "type": "notebook",
                "name": Path(notebook_path).name,
                "kernel": {"name": "python3"},
            },
        ).json()
        return Kernel(self, session["kernel"]["id"])


@dataclass
class Execution:
    """What one cell printed and showed, and its error (``ename: evalue``), if any."""

    text: str
    error: str | None


class Kernel:
    """A kernel of the learner's server, driven over its websocket with the learner's cookies."""

    def __init__(self, learner: Learner, kernel_id: str) -> None:
        import websocket

        self.learner, self.id = learner, kernel_id
        self.session = uuid.uuid4().hex
        base = learner.hub.url.replace("http://", "ws://", 1)
        cookies = "; ".join(
            f"{c.name}={c.value}"
            for c in learner.http.cookies
            if learner.prefix.startswith(c.path.rstrip("/") + "/") or c.path == "/"
        )
        self.ws = websocket.create_connection(
            f"{base}{learner.prefix}api/kernels/{kernel_id}/channels?session_id={self.session}",
            cookie=cookies,
            header=[f"X-XSRFToken: {learner.xsrf()}"],
            timeout=30,
        )

    def execute(self, code: str, timeout: float = 120.0) -> Execution:
        msg_id = uuid.uuid4().hex
        now = datetime.now(timezone.utc).isoformat()
        header = dict(msg_id=msg_id, msg_type="execute_request", username=self.learner.name, session=self.session,
                      date=now, version="5.3")  # fmt: skip
        content = dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False,
                       stop_on_error=True)  # fmt: skip
        message = dict(header=header, msg_id=msg_id, msg_type="execute_request", parent_header={}, metadata={},
                       content=content, channel="shell", buffers=[])  # fmt: skip
        self.ws.send(json.dumps(message))
        texts: list[str] = []
        error, idle, replied = None, False, False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            self.ws.settimeout(max(deadline - time.monotonic(), 0.1))
            frame = self.ws.recv()
            if not isinstance(frame, str):
                continue  # a message with binary buffers (widget state): not the cell's text
            reply = json.loads(frame)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = reply["header"]["msg_type"], reply["content"]
            if kind == "stream":
                texts.append(body["text"])
            elif kind in ("execute_result", "display_data"):
                texts.append(body.get("data", {}).get("text/plain", ""))
            elif kind == "error":
                error = f"{body['ename']}: {body['evalue']}"
            elif kind == "status" and body["execution_state"] == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
            if time.monotonic() > deadline:
                raise HubError(f"a cell ran over {timeout:g} s on {self.learner.name}'s kernel")
        return Execution("".join(texts), error)

    def close(self) -> None:
        self.ws.close()
