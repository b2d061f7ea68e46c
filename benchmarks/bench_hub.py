"""A class logging in at once: JupyterHub on this machine, N learners opening the teacher's link together.

    .venv/bin/python benchmarks/bench_hub.py --learners 10 --learners 30      (several minutes)
    .venv/bin/python benchmarks/bench_hub.py --learners 30 --stock            stock JupyterHub, for comparison

Each run starts a real JupyterHub (the one-machine recipe deploy/jupyterhub_config.py, with a shared password
and one system account instead of the machine's accounts; ``--stock`` leaves the recipe out), then N learners
follow the nbgitpuller link at the same moment, as a browser does (log in, the server starts, the kit is pulled,
JupyterLab opens the comprehension notebook). When they are in, all run the notebook top to bottom on their own
kernels together. Measured:

- time until all learners are in JupyterLab (from the moment they open the link), and who failed and why;
- time until every notebook has run;
- memory per learner, server + kernel, as PSS (``/proc/PID/smaps_rollup``: shared pages divided among the
  processes that share them, so the learners' figures add up to what the class uses); the hub and proxy apart;
- CPU-seconds each server used to start; the load average before and after (the machine may be shared).

Targets (2 cores): 30/30 in, <= 200 MB PSS per learner. Nothing here is a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hub.harness import TARGET, Hub, Learner, kit_repository, nbgitpuller_link, pss_kib, rss_kib  # noqa: E402

NOTEBOOK = "notebooks/03_comprehension.ipynb"
TARGET_PSS_MB = 200


def cpu_seconds(pid: int) -> float:
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_class(count: int, stock: bool, spawn_timeout: float) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"khabar-bench-hub-{count}-"))
    repo, branch = kit_repository(work)
    hub = Hub(work, recipe=not stock)
    names = [f"learner{n:02d}" for n in range(1, count + 1)]
    learners = {name: Learner(hub, name) for name in names}
    failures: dict[str, str] = {}
    notebook_errors: dict[str, str] = {}
    load_before = os.getloadavg()
    figures: dict = {"learners": count, "recipe": "stock JupyterHub" if stock else "deploy/jupyterhub_config.py"}
    try:
        hub.start()
        link = nbgitpuller_link(hub.url, repo, branch, NOTEBOOK)
        gate = threading.Barrier(count + 1)
        opened: dict[str, float] = {}

        def open_link(name: str) -> None:
            gate.wait()
            try:
                learners[name].open_link(link, spawn_timeout=spawn_timeout)
            except Exception as exc:  # one learner's failure is a figure, not the end of the run
                failures[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            opened[name] = time.monotonic()

        threads = [threading.Thread(target=open_link, args=(n,)) for n in names]
        for t in threads:
            t.start()
        gate.wait()
        began = time.monotonic()
        for t in threads:
            t.join()
        ready = [n for n in names if n not in failures]
        in_lab = sorted(learners[n].timings["lab"] for n in ready)
        figures.update(
            ready=len(ready),
            all_in_s=round(max(opened.values()) - began, 1),
            last_ready_s=round(in_lab[-1], 1) if in_lab else None,
            median_ready_s=round(statistics.median(in_lab), 1) if in_lab else None,
            failures=failures,
        )
        server_cpu = [cpu_seconds(hub.server_pid(n)) for n in ready]
        figures["server_start_cpu_s_median"] = round(statistics.median(server_cpu), 2) if server_cpu else None

        def run_notebook(name: str) -> None:
            try:
                learner = learners[name]
                path = f"{TARGET}/{NOTEBOOK}"
                kernel = learner.kernel(path)
                try:
                    for cell in learner.notebook(path)["cells"]:
                        if cell["cell_type"] == "code":
                            ran = kernel.execute(cell["source"], timeout=600)
                            if ran.error:
                                notebook_errors[name] = ran.error
                finally:
                    kernel.close()
            except Exception as exc:
                notebook_errors[name] = f"{type(exc).__name__}: {str(exc)[:160]}"

        started = time.monotonic()
        threads = [threading.Thread(target=run_notebook, args=(n,)) for n in ready]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        figures["notebooks_ran_s"] = round(time.monotonic() - started, 1)
        figures["notebook_errors"] = notebook_errors
        per_learner, servers, kernels, resident = [], [], [], []
        for name in ready:
            pids = hub.learner_processes(name)
            resident.append(sum(rss_kib(p) for p in pids) / 1024)
            server, rest = pss_kib(pids[0]), sum(pss_kib(p) for p in pids[1:])
            servers.append(server / 1024)
            kernels.append(rest / 1024)
            per_learner.append((server + rest) / 1024)
        hub_pids = [p for p in hub.processes.alive() if p not in {q for n in ready for q in hub.learner_processes(n)}]
        figures.update(
            pss_per_learner_mb_mean=round(statistics.mean(per_learner), 1) if per_learner else None,
            pss_per_learner_mb_max=round(max(per_learner), 1) if per_learner else None,
            pss_server_mb_mean=round(statistics.mean(servers), 1) if servers else None,
            pss_kernel_mb_mean=round(statistics.mean(kernels), 1) if kernels else None,
            rss_per_learner_mb_mean=round(statistics.mean(resident), 1) if resident else None,
            pss_hub_and_proxy_mb=round(sum(pss_kib(p) for p in hub_pids) / 1024, 1),
        )
    finally:
        figures["needed_sigkill"] = hub.stop()
        figures["load_before"] = [round(x, 2) for x in load_before]
        figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
        figures["cores"] = os.cpu_count()
        shutil.rmtree(work, ignore_errors=True)
    return figures


def report(f: dict) -> str:
    ok = f.get("ready") == f["learners"] and (f.get("pss_per_learner_mb_max") or 1e9) <= TARGET_PSS_MB
    lines = [
        f"{f['learners']} learners at once ({f['recipe']}, {f['cores']} cores, load before "
        f"{f['load_before'][0]:.2f}, after {f['load_after'][0]:.2f}):",
        f"  in JupyterLab: {f.get('ready', 0)}/{f['learners']}; last after {f.get('last_ready_s')} s, median "
        f"{f.get('median_ready_s')} s; every link done after {f.get('all_in_s')} s",
    ]
    reasons = Counter(re.sub(r"learner\d+|\d+", "N", why) for why in (f.get("failures") or {}).values())
    for why, times in reasons.most_common():
        lines.append(f"  failed: {times} x {why}")
    lines += [
        f"  each server's start: {f.get('server_start_cpu_s_median')} CPU-s (median)",
        f"  the notebook run by all at once: {f.get('notebooks_ran_s')} s; "
        f"errors: {f.get('notebook_errors') or 'none'}",
        f"  PSS per learner (server + kernel): mean {f.get('pss_per_learner_mb_mean')} MB, max "
        f"{f.get('pss_per_learner_mb_max')} MB (server {f.get('pss_server_mb_mean')}, kernel "
        f"{f.get('pss_kernel_mb_mean')}); hub + proxy {f.get('pss_hub_and_proxy_mb')} MB",
        f"  resident (RSS, what a container of its own would hold) per learner: {f.get('rss_per_learner_mb_mean')} MB",
        f"  target (all in, <= {TARGET_PSS_MB} MB per learner): {'met' if ok else 'NOT met'}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, action="append", help="class size (repeat for several runs)")
    parser.add_argument("--stock", action="store_true", help="stock JupyterHub settings instead of the recipe")
    parser.add_argument("--wait", type=float, default=600, help="how long a learner's browser waits, in seconds")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = []
    for count in args.learners or [10, 30]:
        figures = run_class(count, args.stock, args.wait)
        results.append(figures)
        print(report(figures), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
