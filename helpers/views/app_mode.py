"""App mode: what Voilà shows of a notebook (standard library only, so that ``kit.py`` can read it too).

A notebook speaks to two readers. Its Aim, Time, Prerequisites and Setup cells are for someone reading the
notebook; a learner using it as an app needs the activity. Cells tagged :data:`NOTEBOOK_ONLY` are left out
of the app by the kit's Voilà template (:data:`TEMPLATE`, found on :data:`JUPYTER_PATH`); a tagged code cell
still runs. ``python3 kit.py app NOTEBOOK`` passes :func:`voila_arguments` and :func:`voila_environment`; a
JupyterHub sets the same (see docs/classroom.md).

>>> voila_arguments()
['--template=khabar']
>>> voila_environment({"JUPYTER_PATH": "/srv/jupyter"})["JUPYTER_PATH"].endswith("/srv/jupyter")
True
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["JUPYTER_PATH", "NOTEBOOK_ONLY", "TEMPLATE", "voila_arguments", "voila_environment"]

#: The cell tag for what only a notebook's reader needs (its preamble).
NOTEBOOK_ONLY = "notebook-only"
#: The kit's Voilà template.
TEMPLATE = "khabar"
#: The folder holding ``voila/templates/khabar`` (a Jupyter data folder, as ``$JUPYTER_PATH`` lists them).
JUPYTER_PATH = Path(__file__).with_name("jupyter")


def voila_arguments() -> list[str]:
    """What to add to ``voila NOTEBOOK`` for the kit's app mode."""
    return [f"--template={TEMPLATE}"]


def voila_environment(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the kit's Jupyter data folder first on ``JUPYTER_PATH``, where Voilà looks for templates."""
    paths = [str(JUPYTER_PATH), *(p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p)]
    return {**env, "JUPYTER_PATH": os.pathsep.join(paths)}
