#!/usr/bin/env python3
"""Collect a class's Khabar results files from a JupyterHub into one folder, for the class view (05_teacher).

    export JUPYTERHUB_API_TOKEN=...     # a token of a hub admin: the hub's Token page (/hub/token)
    python3 collect_results.py --hub https://hub.example.org --out class-results/

Each learner whose server is running is asked, through the hub, for the results files (``results-*.json``)
in their notebooks folder (``--folder``, default ``khabar/notebooks``: where the nbgitpuller link puts the kit and
where *Export my results* writes). The files are copied into ``--out`` under their own names (a results file's
name already says whose it is); one that is there already is replaced only if it changed. One line per learner
says what was copied; learners whose server is not running are listed (their files wait in their home folder:
start their servers from the hub's Admin page, or run this again during the next lesson).

Only the Python standard library: it runs anywhere, on the hub or on the teacher's laptop.
Exit status: 0 collected (even if some learners had nothing), 2 bad usage, 3 the hub could not be reached or
refused the token.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

#: What a results file is called (``results-<lesson>-<student>.json``, see ``khabar results export``).
RESULTS_NAME = re.compile(r"^results-[^/\\]+\.json$")
#: The largest results file copied (the class view reads no larger one).
MAX_BYTES = 1_000_000
#: Users asked of the hub at a time (its largest page is 200).
PAGE = 200


class HubRefused(Exception):
    """The hub could not be reached, or said no."""


def _get(url: str, token: str) -> object:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read(MAX_BYTES * 2))
    except urllib.error.HTTPError as exc:
        raise HubRefused(f"{url}: the hub answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise HubRefused(f"{url}: {getattr(exc, 'reason', exc)}") from None


def collect(hub: str, token: str, folder: str, out: Path) -> list[str]:
    """Copy every running learner's results files into ``out``; one line per learner."""
    hub = hub.rstrip("/")
    users: list = []
    while True:  # the hub gives users a page at a time (50 unless asked for more)
        page = _get(f"{hub}/hub/api/users?offset={len(users)}&limit={PAGE}", token)
        if not isinstance(page, list):
            raise HubRefused(f"{hub}/hub/api/users: not a list of users")
        users += page
        if len(page) < PAGE:
            break
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for user in sorted(users, key=lambda u: u["name"]):
        name = user["name"]
        server = (user.get("servers") or {}).get("")
        if not server or not server.get("ready"):
            lines.append(f"{name}: server not running, nothing collected")
            continue
        base = f"{hub}/user/{quote(name)}/api/contents/{quote(folder.strip('/'))}"
        try:
            listing = _get(f"{base}?content=1", token)
        except HubRefused as exc:
            lines.append(f"{name}: no folder {folder} ({exc})")
            continue
        copied = []
        for entry in sorted(listing.get("content") or [], key=lambda e: e["name"]):
            if entry.get("type") != "file" or not RESULTS_NAME.match(entry["name"]):
                continue
            if (entry.get("size") or 0) > MAX_BYTES:
                lines.append(f"{name}: {entry['name']} left out: larger than {MAX_BYTES:,} bytes")
                continue
            model = _get(f"{base}/{quote(entry['name'])}?content=1&format=text&type=file", token)
            text = model.get("content")
            if not isinstance(text, str):
                continue
            target = out / entry["name"]
            if not (target.is_file() and target.read_text(encoding="utf-8") == text):
                partial = target.with_name(f".{target.name}.partial")
                partial.write_text(text, encoding="utf-8")
                os.replace(partial, target)
            copied.append(entry["name"])
        lines.append(f"{name}: {', '.join(copied) if copied else 'no results file yet'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("--out", required=True, type=Path, help="the class folder to copy the results files into")
    parser.add_argument("--folder", default="khabar/notebooks", help="the notebooks folder in each learner's home")
    args = parser.parse_args(argv)
    token = os.environ.get("JUPYTERHUB_API_TOKEN", "").strip()
    if not token:
        print(
            "collect_results: set JUPYTERHUB_API_TOKEN to a hub admin's token (the hub's Token page)", file=sys.stderr
        )
        return 2
    try:
        lines = collect(args.hub, token, args.folder, args.out)
    except HubRefused as exc:
        print(f"collect_results: {exc}", file=sys.stderr)
        return 3
    print("\n".join(lines))
    print(f"{sum(1 for _ in args.out.glob('results-*.json'))} results file(s) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
