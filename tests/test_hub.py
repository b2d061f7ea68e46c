"""A class on JupyterHub, for real: five learners follow the teacher's nbgitpuller link, answer the quiz, export.

A real JupyterHub starts on this machine (configurable-http-proxy from npm) with the one-machine recipe
``deploy/jupyterhub_config.py``, a shared password, and each learner's home folder in a scratch folder. The kit is
the commit these tests run from, in a git repository of its own as a school's copy would be. Each learner opens
the link as a browser does (log in, the server starts by itself, nbgitpuller pulls, JupyterLab opens the
comprehension notebook), runs the notebook's cells on their own kernel, answers questions through the quiz and
exports. Then the files are checked where the learner's server wrote them, and the teacher collects the class's
results from the hub with ``deploy/collect_results.py``. Every process is stopped by its id, even on failure.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import helpers
from helpers.study.classroom import load_class_results, read_results_file
from helpers.study.progress import FILE_NAME, open_progress
from helpers.study.scoring import results_file_stem
from helpers.views.classroom import class_results_html

from .conftest import ROOT, right_answer, visible_text
from .hub.harness import TARGET, Hub, Learner, kit_repository, nbgitpuller_link

NOTEBOOK = "notebooks/03_comprehension.ipynb"
#: The class: learner k answers the first k questions of the practice quiz.
LEARNERS = ("amina", "bilal", "carmen", "dawit", "elif")

ANSWER = """\
import json, os
{right_answer}
answering = helpers.quiz(lesson, mode="practice", progress=progress, student={name!r}, shuffle=False)
for index in range({count}):
    view = answering.view(index)
    view.set_response(right_answer(view.item))
    view.check()
export = helpers.results_export(lesson, progress, student={name!r})
export.write()
print(json.dumps({{"answered": sorted(answering.best), "written": export.written, "folder": os.getcwd()}}))
"""


def learn(hub: Hub, link: str, name: str, count: int) -> dict:
    """One learner's lesson: the link, the notebook top to bottom on their kernel, ``count`` answers, an export."""
    learner = Learner(hub, name)
    learner.open_link(link, spawn_timeout=120)
    path = f"{TARGET}/{NOTEBOOK}"
    kernel = learner.kernel(path)
    try:
        errors = []
        for cell in learner.notebook(path)["cells"]:
            if cell["cell_type"] == "code":
                ran = kernel.execute(cell["source"])
                if ran.error:
                    errors.append(f"{cell['source'][:60]!r}: {ran.error}")
        code = ANSWER.format(right_answer=inspect.getsource(right_answer), name=name, count=count)
        ran = kernel.execute(code)
    finally:
        kernel.close()
    report = json.loads(ran.text.strip().splitlines()[-1]) if ran.error is None else {}
    app = learner.http.get(f"{hub.url}/user/{name}/voila/render/{path}", timeout=120) if count == 1 else None
    return {"errors": errors, "answer_error": ran.error, "report": report, "app": app, "learner": learner}


def come_back(hub: Hub, learner: Learner) -> str:
    """The learner's server stops (culled after an hour idle, or the end of the day); the learner opens the
    notebook's page again. What a kernel of the new server finds in their progress."""
    assert hub.api("DELETE", f"/users/{learner.name}/server").status_code in (202, 204)
    deadline = time.monotonic() + 30
    while hub.user(learner.name)["servers"] and time.monotonic() < deadline:
        time.sleep(0.3)
    learner.come_back(f"lab/tree/{TARGET}/{NOTEBOOK}")
    hub.learner_processes(learner.name)
    kernel = learner.kernel(f"{TARGET}/{NOTEBOOK}")
    try:
        code = "import helpers\nattempts = helpers.open_progress().attempts(helpers.load_lesson().id)\n"
        code += "print(sorted({a['item'] for a in attempts}))"
        return kernel.execute(code).text.strip()
    finally:
        kernel.close()


def test_a_class_of_five_on_jupyterhub(tmp_path: Path, lesson: helpers.Lesson) -> None:
    repo, branch = kit_repository(tmp_path)
    hub = Hub(tmp_path)
    link = nbgitpuller_link(hub.url, repo, branch, NOTEBOOK)
    class_folder = tmp_path / "class"
    try:
        hub.start()
        with ThreadPoolExecutor(len(LEARNERS)) as pool:  # the class opens the link at once
            counts = range(1, len(LEARNERS) + 1)
            runs = dict(
                zip(
                    LEARNERS,
                    pool.map(lambda nk: learn(hub, link, *nk), zip(LEARNERS, counts, strict=True)),
                    strict=True,
                )
            )
        for name in LEARNERS:
            hub.learner_processes(name)  # remembered, to be stopped by id
        found_again = come_back(hub, runs[LEARNERS[0]]["learner"])
        collected = subprocess.run(
            [sys.executable, str(ROOT / "deploy" / "collect_results.py"), "--hub", hub.url, "--out",
             str(class_folder), "--folder", f"{TARGET}/notebooks"],
            env={"JUPYTERHUB_API_TOKEN": hub.token, "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        states = {name: hub.user(name)["servers"][""]["ready"] for name in LEARNERS}
    finally:
        left_running = hub.stop()
        print(hub.log_tail(80))  # shown when the test fails
    alive = hub.processes.alive()

    assert not alive, f"processes still running after the hub stopped: {alive}"
    assert states == dict.fromkeys(LEARNERS, True), states
    points = {q.id: q.points for q in lesson.quiz}
    for count, name in enumerate(LEARNERS, start=1):
        run = runs[name]
        home = hub.home(name)
        assert run["errors"] == [], f"{name}: the notebook failed on the hub: {run['errors']}"
        assert run["answer_error"] is None, f"{name}: {run['answer_error']}"
        expected = run["report"]["answered"]  # the questions the quiz put first, answered right
        assert len(expected) == count and set(expected) <= set(points)
        # The link pulled the kit into the learner's own home, and the notebook ran there.
        assert (home / TARGET / NOTEBOOK).is_file()
        assert run["report"]["folder"] == str(home / TARGET / "notebooks")
        # The answers landed in this learner's own progress file, and only theirs.
        store = open_progress(home / ".local" / "share" / "khabar" / FILE_NAME)
        try:
            assert store.students(lesson.id) == [name]
            assert sorted({a["item"] for a in store.attempts(lesson.id)}) == expected
        finally:
            store.close()
        # The export is the learner's, in the learner's notebook folder.
        stem = results_file_stem(lesson.id, name)
        assert run["report"]["written"] == [f"{stem}.json", f"{stem}.csv"]
        exported = read_results_file(home / TARGET / "notebooks" / f"{stem}.json", lesson.id)
        assert exported["student"] == name
        assert exported["summary"]["items_answered"] == count
    # Back after the server stopped: it starts by itself, and the learner's answers are still theirs.
    assert found_again == repr(runs[LEARNERS[0]]["report"]["answered"])
    # On a phone, the same notebook opens as an app (Voilà) on the learner's own server.
    app = runs[LEARNERS[0]]["app"]
    assert app.status_code == 200 and "application/vnd.jupyter.widget-view+json" in app.text
    assert "Traceback" not in app.text
    # The teacher collects the class from the hub: five results files, five learners in the class view.
    assert collected.returncode == 0, collected.stderr
    assert sorted(p.name for p in class_folder.glob("*.json")) == sorted(
        f"{results_file_stem(lesson.id, n)}.json" for n in LEARNERS
    )
    results = load_class_results(lesson, class_folder)
    assert results.skipped == []
    assert results.students == list(LEARNERS)
    for name in LEARNERS:
        full = sum(points[i] for i in runs[name]["report"]["answered"])
        assert results.student_scores()[name] == (full, full)
    shown = visible_text(str(class_results_html(results)))
    assert all(name in shown for name in LEARNERS)
    assert left_running == [], f"needed SIGKILL: {left_running}"


def _config(path: Path):
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(path.name, str(path.parent)).load_config()


def test_the_three_recipes_agree_on_the_class_settings() -> None:
    """The measured settings (the test above runs the one-machine recipe) are the same in TLJH's and Z2JH's."""
    import yaml

    one = _config(ROOT / "deploy" / "jupyterhub_config.py")
    tljh = _config(ROOT / "deploy" / "tljh" / "khabar.py")
    z2jh = yaml.safe_load((ROOT / "deploy" / "z2jh" / "config.yaml").read_text(encoding="utf-8"))
    hub, single = z2jh["hub"], z2jh["singleuser"]
    args = [a for a in one.Spawner.args if not a.startswith("--VoilaConfiguration.")]  # the kit's template, if any
    assert one.Spawner.start_timeout == tljh.Spawner.start_timeout == 300 <= single["startTimeout"]
    assert one.Spawner.http_timeout == tljh.Spawner.http_timeout == hub["config"]["KubeSpawner"]["http_timeout"]
    assert one.JupyterHub.implicit_spawn_seconds == tljh.JupyterHub.implicit_spawn_seconds > 0
    assert one.JupyterHub.implicit_spawn_seconds == hub["config"]["JupyterHub"]["implicit_spawn_seconds"]
    limit = one.JupyterHub.concurrent_spawn_limit
    assert limit == tljh.JupyterHub.concurrent_spawn_limit == hub["concurrentSpawnLimit"] >= 30
    assert one.Spawner.cmd[1:] == tljh.Spawner.cmd[1:] == single["cmd"][1:]
    assert args == list(tljh.Spawner.args) == hub["config"]["KubeSpawner"]["args"]
    assert tljh.Spawner.cmd[0] == "/opt/tljh/user/bin/python3" and one.Spawner.cmd[0] == single["cmd"][0] == "python3"
