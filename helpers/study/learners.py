"""Who is learning: one identity that every widget follows, and each learner's own progress.

Where the kit runs decides how a learner is known (:func:`identity`):

- **JupyterLab on a learner's own machine**: nobody is asked for a name. Progress is the default file, as one
  default learner (:data:`DEFAULT`).
- **JupyterHub**: every learner has a server of their own, and the hub's user name (``$JUPYTERHUB_USER``) is
  the learner; nothing is asked either.
- **Voilà on a shared server** (a classroom machine serving the app to every browser that opens it): every
  visitor shares the kit's data folder, so a name is asked before the first answer (:attr:`Learner.required`),
  and each name has a progress folder of its own (:func:`progress_path`), its settings (the tashkeel level)
  beside its progress. A link may carry the name: ``…/voila/render/03_comprehension.ipynb?learner=amina``.

:class:`Learner` holds the name (a traitlet a widget can observe); :class:`LearnerProgress` is the progress
store of whoever the learner is now, for every widget at once: when the name changes it switches to that
learner's file and tells its observers (``ProgressChange(kind="learner")``), so that each widget shows that
learner's known words, cards and answers.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs

import traitlets

from helpers.lesson.paths import user_data_dir
from helpers.study.progress import FILE_NAME, ProgressChange, ProgressStore, open_progress

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

__all__ = [
    "ANONYMOUS",
    "DEFAULT",
    "LEARNERS_FOLDER",
    "Learner",
    "LearnerProgress",
    "check_name",
    "current_learner",
    "folder_name",
    "identity",
    "progress_path",
    "shared_server",
]

#: The learner of a kit that asks no name (JupyterLab on one's own machine): the default progress file.
DEFAULT = ""
#: The name answers are kept under while a learner has given none.
ANONYMOUS = "anonymous"
#: The folder, inside the kit's data folder, that holds one folder per named learner.
LEARNERS_FOLDER = "learners"
#: The longest name a learner may give (a results file takes at most 100 characters).
MAX_NAME = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>&]")


def check_name(name: str) -> str:
    """The name as the kit keeps it (spaces around it dropped, runs of spaces made one, NFC), or ``ValueError``
    with a sentence for the learner.

    >>> check_name("  Amina   Saleh ")
    'Amina Saleh'
    >>> check_name("")
    Traceback (most recent call last):
    ValueError: type your name or student id first
    >>> check_name("<b>x</b>")
    Traceback (most recent call last):
    ValueError: a name or id is plain text, without < > & or control characters
    """
    kept = unicodedata.normalize("NFC", " ".join(str(name).split()))
    if not kept:
        raise ValueError("type your name or student id first")
    if len(kept) > MAX_NAME:
        raise ValueError(f"the name is {len(kept)} characters long; type at most {MAX_NAME}")
    if _CONTROL.search(kept):
        raise ValueError("a name or id is plain text, without < > & or control characters")
    return kept


def folder_name(name: str) -> str:
    """A folder name for ``name`` that is safe on every system and the same for the same learner.

    A name is one learner however its letters' case is typed (Amina, amina); letters of any script and digits
    are kept, anything else becomes ``_``, and a short hash of the name follows, so that two learners never
    share a folder.

    >>> folder_name("Amina") == folder_name("amina"), folder_name("Amina") == folder_name("Amina S")
    (True, False)
    >>> folder_name("علي حسن").startswith("علي_حسن-")
    True
    """
    kept = check_name(name).casefold()
    readable = re.sub(r"[^\w-]+", "_", kept, flags=re.UNICODE).strip("_")[:40] or "learner"
    return f"{readable}-{hashlib.sha256(kept.encode('utf-8')).hexdigest()[:10]}"


def progress_path(name: str = DEFAULT) -> Path:
    """Where ``name``'s progress is kept: the default file for :data:`DEFAULT`, else the learner's own folder."""
    if name == DEFAULT:
        return user_data_dir() / FILE_NAME
    return user_data_dir() / LEARNERS_FOLDER / folder_name(name) / FILE_NAME


def shared_server(environ: Mapping[str, str] | None = None) -> bool:
    """True in Voilà outside JupyterHub: every visitor shares one data folder, so a name must be asked.

    >>> shared_server({"SERVER_SOFTWARE": "voila/0.5.8"}), shared_server({}), \
shared_server({"SERVER_SOFTWARE": "voila/0.5.8", "JUPYTERHUB_USER": "amina"})
    (True, False, False)
    """
    env = os.environ if environ is None else environ
    return env.get("SERVER_SOFTWARE", "").startswith("voila") and not env.get("JUPYTERHUB_USER")


def identity(environ: Mapping[str, str] | None = None) -> str:
    """Who the learner is without asking: the hub's user, or a name the app's link carries (``?learner=``).

    >>> identity({"JUPYTERHUB_USER": "amina"}), identity({"SERVER_SOFTWARE": "voila", "QUERY_STRING": "learner=Ali"})
    ('amina', 'Ali')
    >>> identity({})
    ''
    """
    env = os.environ if environ is None else environ
    if env.get("JUPYTERHUB_USER"):
        return env["JUPYTERHUB_USER"]
    query = parse_qs(env.get("QUERY_STRING", ""))
    for key in ("learner", "student"):
        for value in query.get(key, ()):
            try:
                return check_name(value)
            except ValueError:
                continue
    return DEFAULT


class Learner(traitlets.HasTraits):
    """The learner every widget of a notebook follows.

    ``name`` is :data:`DEFAULT` until one is given (or known from where the kit runs); ``required`` says that one
    must be given before an answer is kept (Voilà on a shared server).
    """

    name = traitlets.Unicode(DEFAULT)
    required = traitlets.Bool(False)

    def __init__(self, name: str = DEFAULT, required: bool = False, home: str = DEFAULT) -> None:
        super().__init__(name=check_name(name) if name else DEFAULT, required=required)
        #: The learner whose own data folder this is (the hub's user on JupyterHub): their progress is the default
        #: file, where it was before any name was given.
        self.home = home

    @property
    def missing(self) -> bool:
        """True while a name is required and none is given: nothing may be recorded yet."""
        return self.required and self.name == DEFAULT

    def set_name(self, name: str) -> str:
        """Follow the learner called ``name`` (checked by :func:`check_name`); returns the name as kept."""
        kept = check_name(name)
        self.name = kept
        return kept

    def __repr__(self) -> str:
        who = repr(self.name) if self.name else "the default learner"
        return f"Learner({who}{', name required' if self.required else ''})"


_CURRENT: Learner | None = None


def current_learner() -> Learner:
    """This kernel's learner (made on first use from :func:`identity` and :func:`shared_server`)."""
    global _CURRENT
    if _CURRENT is None:
        _CURRENT = Learner(identity(), required=shared_server(), home=os.environ.get("JUPYTERHUB_USER", DEFAULT))
    return _CURRENT


class LearnerProgress:
    """The progress store of whoever :attr:`learner` is now; everything else a :class:`ProgressStore` does.

    Observers hear every change of the learner's store, and ``ProgressChange(kind="learner", lesson="*")`` when
    the learner changes (then they show that learner's progress). Each learner's store is opened once.

    ``open_store(path)`` opens a store (``open_progress`` by default); ``paths(name)`` says where a learner's
    progress is (:func:`progress_path` by default).
    """

    def __init__(
        self,
        learner: Learner,
        open_store: Callable[[Path], ProgressStore] = open_progress,
        paths: Callable[[str], Path] = progress_path,
    ) -> None:
        self.learner = learner
        self._open, self._paths = open_store, paths
        self._stores: dict[str, ProgressStore] = {}
        self._observers: list[Callable[[ProgressChange], object]] = []
        self._store = self._store_for(learner.name)
        learner.observe(self._switch, "name")

    def _store_for(self, name: str) -> ProgressStore:
        if name and self.learner.home and folder_name(name) == folder_name(self.learner.home):
            name = DEFAULT  # this folder's own learner (the hub's user, or who named themselves on their computer)
        key = folder_name(name) if name != DEFAULT else DEFAULT  # Amina and amina: one learner, one store
        store = self._stores.get(key)
        if store is None and name == DEFAULT and self.learner.required:
            # nobody yet on a shared server: widgets ask for a name before recording; should anything be
            # recorded first, it goes to this page's own file, never to the shared default one
            path = Path(tempfile.mkdtemp(prefix="khabar-nobody-")) / FILE_NAME
            store = self._stores[key] = self._open(path)
            store.observe(lambda change, store=store: self._relay(store, change))
        if store is None:
            path = self._paths(name)
            if name != DEFAULT:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    pass  # the store keeps progress in memory then, and its warning says why
            store = self._stores[key] = self._open(path)
            store.observe(lambda change, store=store: self._relay(store, change))
        return store

    @property
    def store(self) -> ProgressStore:
        """The current learner's own store."""
        return self._store

    def _relay(self, store: ProgressStore, change: ProgressChange) -> None:
        if store is self._store:  # a change in another learner's store is not this learner's
            self._tell(change)

    def _switch(self, change: dict[str, Any]) -> None:
        new, learner = change["new"], self.learner
        if new and change["old"] == DEFAULT and not learner.required and learner.home == DEFAULT:
            # the learner of one's own computer names themselves: the default file stays theirs, and the
            # answers they gave before (kept as "anonymous") are theirs, in their results too
            learner.home = new
            self._store.reassign_attempts(ANONYMOUS, new)
        self._store = self._store_for(new)
        self._tell(ProgressChange("learner", "*", (), student=change["new"]))

    def _tell(self, change: ProgressChange) -> None:
        error: BaseException | None = None
        for callback in list(self._observers):
            try:
                callback(change)
            except Exception as exc:  # the others must still hear of the change
                error = error or exc
        if error is not None:
            raise error

    def observe(self, callback: Callable[[ProgressChange], object]) -> None:
        if callback not in self._observers:
            self._observers.append(callback)

    def unobserve(self, callback: Callable[[ProgressChange], object]) -> None:
        if callback in self._observers:
            self._observers.remove(callback)

    def close(self) -> None:
        for store in self._stores.values():
            store.close()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_store", "_stores", "_observers", "_open", "_paths", "learner"):
            raise AttributeError(name)
        return getattr(self._store, name)

    def __repr__(self) -> str:
        return f"LearnerProgress({self.learner!r}: {self._store!r})"
