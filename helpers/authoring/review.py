"""Checking a draft lesson: its drafts ordered by risk, a teacher's fix, and the YAML written back.

:class:`DraftReview` opens a lesson folder's files with ruamel.yaml's round-trip loader, so that writing one
back keeps its order, its comments and its layout. It lists every record still ``status: draft`` (sentences,
words, glossary entries, quiz items, timeline events), the riskiest first: sentences where the two vocalizers
disagree, then the other sentences, then words the analysers did not know, glossary candidates without a gloss,
and the rest. :meth:`DraftReview.accept` applies a teacher's edits to one record, marks it ``checked`` (its
``review`` notes go), writes the file whole and atomically, and loads the lesson again with every check: if the
lesson no longer passes, the file is put back as it was and the problems are returned. :meth:`progress` says,
per file, how many records are checked.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpers.lesson.loader import load_lesson
from helpers.lesson.paths import write_atomically
from helpers.lesson.problems import LessonError, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["EDITABLE", "Draft", "DraftReview"]

#: The files a draft lesson has records in, with the list that holds them.
_FILES = (
    ("sentences.yaml", "paragraphs"),
    ("words.yaml", "sentences"),
    ("glossary.yaml", "entries"),
    ("quiz.yaml", "items"),
    ("timeline.yaml", "events"),
)
#: The fields a teacher can fix in place, by file (other fixes: edit the file itself).
EDITABLE = {
    "sentences.yaml": ("ar_vocalized", "en"),
    "words.yaml": ("vocalized", "lemma", "present", "root", "pos", "gloss"),
    "glossary.yaml": ("headword", "present", "gloss", "root"),
    "quiz.yaml": (),
    "timeline.yaml": (),
}
#: Fields a draft carries only to help its check; they go when it is accepted.
_DRAFT_ONLY = ("review", "second_opinion", "en_hint")


@dataclass
class Draft:
    """One record still to check: where it is, what it is, why it needs a look, and the evidence."""

    file: str
    path: tuple[Any, ...]  # keys and indexes from the file's top to the record
    label: str
    risk: int  # lower first
    reasons: list[str]
    fields: dict[str, Any] = field(default_factory=dict)  # the editable fields' current values
    evidence: dict[str, str] = field(default_factory=dict)  # e.g. the second vocalizer's reading


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: order, comments and flow style are kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


class DraftReview:
    """The drafts of one lesson folder, and the means to check them (see the module's docstring)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._yaml = _yaml()
        self.data: dict[str, Any] = {}
        problems = []
        for name, _ in _FILES:
            path = self.folder / name
            if not path.is_file():
                continue
            try:
                self.data[name] = self._yaml.load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as exc:  # ruamel's errors are ValueErrors' kin
                problems.append(Problem(str(path), None, None, f"cannot be read: {_short(exc)}"))
            except Exception as exc:  # a YAML syntax error: say where, in one line
                problems.append(Problem(str(path), None, None, f"is not valid YAML: {_short(exc)}"))
        if problems:
            raise LessonError(problems)

    # -- what there is to check ---------------------------------------------------------------------------

    def _records(self) -> Iterator[tuple[str, tuple[Any, ...], Mapping[str, Any]]]:
        for name, top in _FILES:
            data = self.data.get(name)
            if not data:
                continue
            if name == "sentences.yaml":
                for p, paragraph in enumerate(data["paragraphs"]):
                    for s, sentence in enumerate(paragraph["sentences"]):
                        yield name, ("paragraphs", p, "sentences", s), sentence
            elif name == "words.yaml":
                for s, sentence in enumerate(data["sentences"]):
                    for w, word in enumerate(sentence["words"]):
                        yield name, ("sentences", s, "words", w), {**word, "_sentence": sentence["id"]}
            else:
                for i, record in enumerate(data.get(top) or []):
                    yield name, (top, i), record

    def drafts(self) -> list[Draft]:
        """Every record still a draft, the riskiest first."""
        found = []
        for name, path, record in self._records():
            if record.get("status", "checked") == "checked":
                continue
            reasons = list(record.get("review") or [])
            found.append(
                Draft(
                    file=name,
                    path=path,
                    label=_label(name, record),
                    risk=_risk(name, record, reasons),
                    reasons=reasons,
                    fields={f: record.get(f) for f in EDITABLE[name]},
                    evidence=_evidence(name, record),
                )
            )
        found.sort(key=lambda d: (d.risk, [n for n, _ in _FILES].index(d.file), d.path))
        return found

    def progress(self) -> dict[str, tuple[int, int]]:
        """Per file: (records checked, records)."""
        counts: dict[str, list[int]] = {}
        for name, _, record in self._records():
            done, total = counts.setdefault(name, [0, 0])
            counts[name] = [done + (record.get("status", "checked") == "checked"), total + 1]
        return {name: (done, total) for name, (done, total) in counts.items()}

    def progress_text(self) -> str:
        """ "sentences 12/19 checked · words 80/356 checked · ..." """
        return " · ".join(
            f"{name.removesuffix('.yaml')} {done}/{total} checked" for name, (done, total) in self.progress().items()
        )

    # -- checking one -------------------------------------------------------------------------------------

    def _record(self, draft: Draft) -> Any:
        node = self.data[draft.file]
        for step in draft.path:
            node = node[step]
        return node

    def accept(self, draft: Draft, edits: Mapping[str, Any] | None = None) -> list[str]:
        """Apply ``edits`` (editable fields only), mark the record checked and save; the problems if the lesson
        then fails its checks (the file is put back as it was), else an empty list."""
        edits = dict(edits or {})
        unknown = sorted(set(edits) - set(EDITABLE[draft.file]))
        if unknown:
            return [f"{', '.join(unknown)} cannot be changed here: edit {draft.file} itself"]
        record = self._record(draft)
        path = self.folder / draft.file
        before = path.read_bytes()
        for name, value in edits.items():
            value = value.strip() if isinstance(value, str) else value
            if value in ("", None) and name in record and name not in ("en",):
                del record[name]
            elif value not in ("", None) or name == "en":
                record[name] = value
        record["status"] = "checked"
        for name in _DRAFT_ONLY:
            if name in record:
                del record[name]
        self._write(draft.file)
        try:
            load_lesson(self.folder)
        except LessonError as exc:
            write_atomically(path, lambda tmp: tmp.write_bytes(before))
            self.data[draft.file] = self._yaml.load(before.decode("utf-8"))
            return [str(p) for p in exc.problems]
        return []

    def _write(self, name: str) -> None:
        buffer = io.StringIO()
        self._yaml.dump(self.data[name], buffer)
        text = buffer.getvalue()
        write_atomically(self.folder / name, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _label(name: str, record: Mapping[str, Any]) -> str:
    if name == "sentences.yaml":
        return f"{record['id']}: {' '.join(str(record['ar']).split()[:8])} …"
    if name == "words.yaml":
        return f"{record['_sentence']} · {record['text']} ({record.get('gloss', '')})"
    if name == "glossary.yaml":
        return f"{record['id']}: {record['headword']} — {record.get('gloss', '')}"
    return str(record.get("id", "?"))


def _risk(name: str, record: Mapping[str, Any], reasons: list[str]) -> int:
    text = " ".join(reasons)
    if name == "sentences.yaml":
        return 0 if "disagree" in text else 1
    if name == "words.yaml":
        return 2 if ("lexicon" in text or "proper name" in text or "no root" in text) else 4
    if name == "glossary.yaml":
        return 3 if "no lexicon gloss" in text else 5
    return 6


def _evidence(name: str, record: Mapping[str, Any]) -> dict[str, str]:
    if name == "sentences.yaml":
        found = {"first vocalizer (text2tashkeel)": str(record.get("ar_vocalized", ""))}
        if record.get("second_opinion"):
            found["second vocalizer (libtashkeel)"] = str(record["second_opinion"])
        if record.get("en_hint"):
            found["word by word (lexicon)"] = str(record["en_hint"])
        return found
    if name == "words.yaml":
        found = {"in the sentence": str(record.get("vocalized", ""))}
        if record.get("ambiguous"):
            found["other readings"] = " · ".join(map(str, record["ambiguous"]))
        return found
    return {}
