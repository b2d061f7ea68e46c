"""The Littlest JupyterHub for a class using Khabar: copy to /opt/tljh/config/jupyterhub_config.d/khabar.py.

TLJH runs each learner's server as their own account (jupyter-<name>) with its own home folder, and culls idle
servers itself. This adds what a class logging in at once needs: the same class-scale settings as the one-machine
recipe (deploy/jupyterhub_config.py, measured by benchmarks/bench_hub.py; tests/test_hub.py checks the two agree),
with TLJH's user environment (/opt/tljh/user). Apply with `sudo tljh-config reload hub`.
"""

c = get_config()  # noqa: F821

USER_PYTHON = "/opt/tljh/user/bin/python3"

# A stopped server starts by itself when its learner comes back (not "server not running" and a button); a class
# of 30 per 2 cores starting at once needs up to a minute.
c.JupyterHub.implicit_spawn_seconds = 0.5
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.JupyterHub.concurrent_spawn_limit = 100

# The lean learner's server (1.3 instead of 3.1 CPU-seconds to start, 24 MB less; see deploy/jupyterhub_config.py).
LEAN_SERVER = (
    "import sys; sys.modules['rfc3987_syntax'] = None; from jupyterhub.singleuser import main; sys.exit(main())"
)
c.Spawner.cmd = [USER_PYTHON, "-c", LEAN_SERVER]
c.Spawner.args = [
    "--ServerApp.jpserver_extensions=jupyter_lsp=False",
    "--ServerApp.jpserver_extensions=jupyter_server_terminals=False",
    "--ServerApp.jpserver_extensions=notebook_shim=False",
    "--MappingKernelManager.cull_idle_timeout=3600",
    "--MappingKernelManager.cull_interval=300",
]
c.Spawner.default_url = "/lab"
