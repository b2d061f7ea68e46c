"""JupyterHub for a class using Khabar, on one machine (a school server or a cloud VM).

    sudo jupyterhub -f /srv/khabar/jupyterhub_config.py

JupyterHub, the kit and nbgitpuller are installed in one environment (see docs/classroom.md, "One machine");
``python3`` on the PATH JupyterHub starts with is that environment's. Learners are the machine's accounts in
the group ``khabar``: each learner's server runs as their own account, in their own home folder, so progress
and exports are theirs alone. The teacher's account ``teacher`` is an admin (the Admin page, the class's
results through ``deploy/collect_results.py``).

The settings under "A class logging in at once" and "Memory" are measured (benchmarks/bench_hub.py, a 2-core
machine): with them 30 learners who open the link at the same moment all get their server; stock JupyterHub
gives up on them. tests/test_hub.py starts a real hub with this file (with a shared password and one system
account instead of the machine's accounts) for five learners on every test run.
"""

import importlib.util
import sys

c = get_config()  # noqa: F821

# -- Who logs in, and as whom their server runs ------------------------------------------------------------
# The machine's accounts (PAM), those in the group "khabar" only. Make them with docs/classroom.md's loop.
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {"khabar"}
c.Authenticator.admin_users = {"teacher"}
c.JupyterHub.spawner_class = "localprocess"  # each server as the learner's own account, in their home
c.JupyterHub.bind_url = "http://:8000"  # put HTTPS in front (a reverse proxy), or set ssl_cert and ssl_key

# -- The lesson --------------------------------------------------------------------------------------------
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# Another lesson than the kit's own: c.Spawner.environment.update({"KHABAR_LESSON": "its-id"}) (and KHABAR_MATERIALS).

# -- A class logging in at once ----------------------------------------------------------------------------
# The nbgitpuller link starts the learner's server in any case. A learner who opens a page of their server after
# it stopped (a tab left open, a bookmark, the next lesson) sees it start by itself too, instead of "server not
# running" and a button.
c.JupyterHub.implicit_spawn_seconds = 0.5
# Thirty servers starting together on 2 cores take up to a minute (measured on a busy machine: the last of 30 in
# JupyterLab after 57 s with the settings here). Stock JupyterHub gives a server 60 s to start and 30 s to answer,
# then kills it: with the stock settings none of the 30 got in. 300 s covers 30 per 2 cores with room to spare.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
# A learner beyond this many servers starting at once gets "Too many users trying to log in right now": keep
# it at least the size of a class (the stock 100 is right for up to 100).
c.JupyterHub.concurrent_spawn_limit = 100

# -- Memory (and start-up time) of each learner's server ----------------------------------------------------
# The learner's server, started without the IRI grammar jsonschema builds on import when rfc3987-syntax is
# installed (pulled in by jupyter-events): 1.4 CPU-seconds and about 24 MB per server, for a check nothing in a
# learner's server makes. Measured: start-up 3.1 -> 1.3 CPU-s, server 138 -> 114 MB.
LEAN_SERVER = (
    "import sys; sys.modules['rfc3987_syntax'] = None; from jupyterhub.singleuser import main; sys.exit(main())"
)
c.Spawner.cmd = ["python3", "-c", LEAN_SERVER]
c.Spawner.args = [
    # Server extensions a learner does not use: the language-server bridge (it runs npm at every start),
    # terminals, the classic-notebook shim. Voilà stays: it is the app mode for phones (docs/classroom.md).
    "--ServerApp.jpserver_extensions=jupyter_lsp=False",
    "--ServerApp.jpserver_extensions=jupyter_server_terminals=False",
    "--ServerApp.jpserver_extensions=notebook_shim=False",
    # A kernel nobody has used for an hour, with no tab open on it, is stopped (answers are saved as given).
    "--MappingKernelManager.cull_idle_timeout=3600",
    "--MappingKernelManager.cull_interval=300",
]

# -- App mode on the hub (phones): /user/<name>/voila/render/khabar/notebooks/03_comprehension.ipynb -------------
# The kit's Voilà template shows the activity without the notebook's preamble (as `kit.py app` does).
try:
    from helpers.views.app_mode import JUPYTER_PATH, TEMPLATE
except ImportError:  # a kit without its own Voilà template: Voilà's default one
    pass
else:
    c.Spawner.environment.update({"JUPYTER_PATH": str(JUPYTER_PATH)})
    c.Spawner.args.append(f"--VoilaConfiguration.template={TEMPLATE}")

# -- Servers left running after the lesson -----------------------------------------------------------------
# With jupyterhub-idle-culler installed (pip install jupyterhub-idle-culler), a server idle for an hour stops;
# the learner's files stay in their home and the link starts it again.
if importlib.util.find_spec("jupyterhub_idle_culler"):
    c.JupyterHub.services.append(
        {"name": "idle-culler", "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"]}
    )
    c.JupyterHub.load_roles.append(
        {
            "name": "idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["idle-culler"],
        }
    )
