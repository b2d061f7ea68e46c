#!/usr/bin/env bash
# The Littlest JupyterHub for a class using Khabar, on a fresh Ubuntu server (up to 100 learners: see
# docs/classroom.md, "How big a machine"). Run as root, from a copy of the kit:
#
#     sudo bash deploy/tljh/install.sh teacher https://github.com/<your-organisation>/khabar
#
# 1. installs TLJH with `teacher` as its admin (the teacher sets a password at the first login);
# 2. installs the kit and nbgitpuller into the learners' environment (/opt/tljh/user);
# 3. adds the class-scale settings (deploy/tljh/khabar.py) and a memory limit per learner, and reloads the hub.
set -euo pipefail
admin=${1:?usage: install.sh ADMIN-NAME KIT-REPOSITORY-URL}
kit=${2:?usage: install.sh ADMIN-NAME KIT-REPOSITORY-URL}
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v tljh-config >/dev/null 2>&1; then
  curl -fsSL https://tljh.jupyter.org/bootstrap.py | python3 - --admin "$admin"
fi
/opt/tljh/user/bin/python3 -m pip install --no-cache-dir "khabar @ git+$kit" nbgitpuller
install -m 0644 "$here/khabar.py" /opt/tljh/config/jupyterhub_config.d/khabar.py
# A learner's server and kernel use about 0.2 GB; 1 GB leaves room for plots and an app-mode page.
tljh-config set limits.memory 1G
tljh-config set user_environment.default_app jupyterlab
tljh-config reload hub
echo "The hub is ready. Send the class the nbgitpuller link (docs/classroom.md, 'The link')."
