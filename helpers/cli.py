r"""The khabar command.

    khabar lessons              list the lessons in the materials folder, with their titles
    khabar validate [LESSON] [--strict]
                                every schema and content check (all lessons if none given), and the drafts
                                still to check per file; --strict fails while any remain (a published lesson)
    khabar new ARTICLE --id ID [--date YYYY-MM-DD] [--title-en T] [--level B1] [--out DIR]
                                draft a whole lesson from an Arabic article (a UTF-8 text file, one paragraph a
                                line), offline; every record a draft until a teacher checks it
    khabar dump [LESSON]        the whole lesson as JSON on stdout
    khabar export [LESSON] --anki FILE --csv FILE
                                the glossary as an Anki deck and/or a CSV spreadsheet
    khabar results export --student S --json FILE --csv FILE [--data DB]
                                a student's quiz answers, for the teacher
    khabar worksheet [LESSON] --out FILE [--key] [--student S] [--count N]
                                a printable worksheet (the article, then the questions), with or without the key
    khabar schemas --check      are the generated validators and the field tables of materials/README.md
                                up to date? (--write to regenerate them)

LESSON is a lesson id (a folder of materials/) or a path to a lesson folder.

Files written: FILE may be a folder that exists (or a name ending in /): the file goes in it under its
usual name, khabar-<lesson>.apkg and .csv, worksheet-<lesson>.html (-key.html with --key), or
results-<lesson>-<student>.json and .csv (the student's name made safe for every system, with a short code
added when it had to change, so two students never share a file). A file that exists already is not replaced
unless --force is given; then the command says it replaced it. One command never writes two outputs to one
file. Each file is written whole or not at all: after a full disk or an error the folder holds what it held.

Exit status:
    0    all is well
    1    a lesson or a student's results have problems: khabar validate found some, the lesson does not load
         or does not exist, the student has no answers or a name a results file cannot hold
    2    bad usage: an unknown command or option, a missing or empty file name, one file named for two outputs
    3    a file or folder could not be read or written: permissions, a full disk, a device or a folder where
         a file should be, a file that exists (without --force), a --data file that is not a progress file,
         standard output closed or full
    4    an unexpected error inside the kit (please report it; KHABAR_DEBUG=1 shows the details)
    130  interrupted (Ctrl-C)
Every failure is one line on standard error, never a traceback; a lesson with problems gets one line per
problem (and khabar validate a summary line).
Text from lesson and results files (ids, titles, messages, names) is printed with control characters shown as
escapes such as \x1b, so it can neither move the cursor nor rewrite a line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from helpers.lesson.loader import lesson_title, list_lessons, load_lesson, materials_root
from helpers.lesson.problems import LessonError
from helpers.text.safe import terminal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from helpers.lesson.model import Lesson
    from helpers.study.progress import ProgressStore

__all__ = [
    "EXIT_CANNOT_READ_OR_WRITE",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

DEBUG_ENV = "KHABAR_DEBUG"
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database

EXIT_OK = 0  #: all is well
EXIT_PROBLEMS = 1  #: a lesson or a student's results have problems
EXIT_USAGE = 2  #: bad usage (argparse uses 2 as well)
EXIT_CANNOT_READ_OR_WRITE = 3  #: a file or folder could not be read or written
EXIT_INTERNAL = 4  #: an unexpected error inside the kit
EXIT_INTERRUPTED = 130


class Failure(Exception):
    """A command that cannot go on: the exit status and the one line that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _say(*lines: str, err: bool = False) -> None:
    """Print lines, each with its control characters shown (text from files cannot act on the terminal)."""
    stream = sys.stderr if err else sys.stdout
    for line in lines:
        print(terminal_text(line), file=stream)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _lesson_problems(exc: LessonError) -> list[str]:
    head = f"{_plural(len(exc.problems), 'problem')} in the lesson:"
    return [head, *(f"  {p}" for p in exc.problems)]


def _load(lesson: str | None) -> Lesson:
    try:
        return load_lesson(lesson)
    except LessonError as exc:
        _say(*_lesson_problems(exc), err=True)
        raise Failure(EXIT_PROBLEMS, "") from None


# -- files written -----------------------------------------------------------------------------


class Output:
    """One file a command will write: checked before anything is written, then written whole or not at all."""

    def __init__(self, option: str, path: Path, replaces: bool) -> None:
        self.option, self.path, self.replaces = option, path, replaces

    def write(self, write: Callable[[Path], object]) -> Path:
        from helpers.lesson.paths import write_atomically

        return write_atomically(self.path, write)

    def note(self) -> str:
        return " (replaced the file that was there)" if self.replaces else ""


def _resolve(value: str, usual_name: str) -> Path:
    path = Path(value)
    if value.endswith(("/", os.sep)) or path.is_dir():
        return path / usual_name  # like cp: a folder means the usual file name inside it
    return path


def _check_names(command: str, wanted: list[tuple[str, str | None, str]]) -> None:
    """Usage errors in the outputs asked for (status 2): an empty file name, one file named for two outputs."""
    seen: dict[str, str] = {}
    for option, value, usual_name in wanted:
        if value is None:
            continue
        if not value.strip():
            raise Failure(EXIT_USAGE, f"khabar {command}: {option} needs a file name (it was given an empty one)")
        path = _resolve(value, usual_name)
        real = os.path.normcase(os.path.realpath(path))
        if real in seen:
            raise Failure(
                EXIT_USAGE, f"khabar {command}: {seen[real]} and {option} both name {path}: give each its own file"
            )
        seen[real] = option


def _outputs(command: str, wanted: list[tuple[str, str | None, str]], force: bool) -> dict[str, Output]:
    """Check every output of a command before any is written: (option, value given, file name inside a folder).

    ``Failure`` with status 2 for an empty name or one file named twice, 3 for a file that cannot be written.
    """
    _check_names(command, wanted)
    outputs: dict[str, Output] = {}
    for option, value, usual_name in wanted:
        if value is not None:
            path = _resolve(value, usual_name)
            outputs[option] = Output(option, path, _check_writable(command, path, force))
    return outputs


def _check_writable(command: str, path: Path, force: bool) -> bool:
    """Whether ``path`` exists (and may be replaced); ``Failure`` (status 3) when it must not or cannot be written."""
    if path.is_dir():
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar {command}: {path}: is a folder, not a file")
    if os.path.lexists(path) and not path.exists():
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar {command}: {path}: is a link to nothing")
    if path.exists():
        if not path.is_file():
            raise Failure(
                EXIT_CANNOT_READ_OR_WRITE, f"khabar {command}: {path}: is a device or a pipe, not a file to write"
            )
        if not force:
            raise Failure(
                EXIT_CANNOT_READ_OR_WRITE,
                f"khabar {command}: {path}: exists already; add --force to replace it, or give another name",
            )
        return True
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar {command}: {folder}: is a file, not a folder")
    return False


# -- the commands ------------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    targets = [args.lesson] if args.lesson else list_lessons()
    if not targets:
        raise Failure(EXIT_PROBLEMS, f"khabar validate: no lessons found in {materials_root()}")
    status = EXIT_OK
    for target in targets:
        try:
            lesson = load_lesson(target)
        except LessonError as exc:
            _say(*(str(problem) for problem in exc.problems), err=True)
            _say(f"{target}: INVALID — {_plural(len(exc.problems), 'problem')}", err=True)
            status = EXIT_PROBLEMS
            continue
        _say(
            f"{lesson.id}: valid — {len(lesson.paragraphs)} paragraphs, {len(lesson.sentences)} sentences, "
            f"{len(lesson.notes)} notes, {len(lesson.glossary)} glossary entries, {len(lesson.quiz)} quiz items, "
            f"{len(lesson.timeline)} timeline events"
        )
        drafts = {name: counts for name, counts in lesson.draft_counts().items() if counts[0]}
        if drafts:
            listed = ", ".join(f"{name} {left} of {total}" for name, (left, total) in drafts.items())
            _say(f"{lesson.id}: drafts still to check — {listed}")
            if args.strict:
                _say(f"{lesson.id}: NOT READY (--strict) — {_plural(sum(d for d, _ in drafts.values()), 'draft')} "
                     "left; a teacher marks each checked (status: checked)", err=True)  # fmt: skip
                status = EXIT_PROBLEMS
    return status


def _new(args: argparse.Namespace) -> int:
    from helpers.authoring.analysers import AnalyserMissing
    from helpers.authoring.lesson import NewLessonError, new_lesson
    from helpers.lesson.yamlio import UnreadableFile, read_bytes

    if not args.article:
        raise Failure(EXIT_USAGE, "khabar new: give the article's file name")
    try:
        raw = read_bytes(Path(args.article))
    except UnreadableFile as exc:
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar new: {terminal_text(args.article)}: {exc}") from None
    date = None
    if args.date:
        import datetime as dt

        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            message = f"khabar new: --date {terminal_text(args.date)} is not a date (YYYY-MM-DD)"
            raise Failure(EXIT_USAGE, message) from None
    root = Path(args.out) if args.out else materials_root()
    try:
        report = new_lesson(raw, args.id, root, date=date, title_en=args.title_en, level=args.level,
                            overwrite=args.force)  # fmt: skip
    except NewLessonError as exc:
        raise Failure(EXIT_PROBLEMS, f"khabar new: {terminal_text(str(exc))}") from None
    except AnalyserMissing as exc:
        raise Failure(EXIT_PROBLEMS, f"khabar new: {exc}") from None
    _say(*report.summary().splitlines())
    try:
        load_lesson(report.folder)
    except LessonError as exc:  # a draft the checks refuse is a bug of the builder: say so, keep the files
        _say(*_lesson_problems(exc), err=True)
        _say(f"khabar new: the draft in {report.folder} does not pass khabar validate (please report it)", err=True)
        return EXIT_INTERNAL
    _say(
        f"Next: check the drafts in {report.folder} (each says in review what to look at; mark it status: checked), "
        f"then `khabar validate {args.id} --strict`."
    )
    return EXIT_OK


def _dump(args: argparse.Namespace) -> int:
    lesson = _load(args.lesson)
    try:
        json.dump(lesson.to_dict(), sys.stdout, ensure_ascii=False, indent=2 if args.indent else None)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar dump: standard output: {_reason(exc)}") from None
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    platforms = [("--moodle-xml", args.moodle_xml, "quiz-{}.moodle.xml"), ("--gift", args.gift, "quiz-{}.gift.txt"),
                 ("--qti", args.qti, "quiz-{}.qti.zip")]  # fmt: skip
    if args.anki is None and args.csv is None and all(value is None for _, value, _ in platforms):
        raise Failure(
            EXIT_USAGE,
            "khabar export: say where to write: --anki FILE, --csv FILE (the glossary), "
            "--moodle-xml FILE, --gift FILE, --qti FILE (the quiz)",
        )
    if (args.count is not None or args.student is not None) and all(value is None for _, value, _ in platforms):
        raise Failure(EXIT_USAGE, "khabar export: --count and --student choose a quiz paper: add --moodle-xml, "
                                  "--gift or --qti")  # fmt: skip
    if args.count is not None and args.count < 1:
        raise Failure(EXIT_USAGE, "khabar export: --count must be 1 or more")
    wanted = [("--anki", args.anki, "khabar-{}.apkg"), ("--csv", args.csv, "khabar-{}.csv"), *platforms]
    _check_names("export", wanted)
    lesson = _load(args.lesson)
    outputs = _outputs("export", [(o, v, name.format(lesson.id)) for o, v, name in wanted], args.force)
    from helpers.views.export import export_anki, export_csv

    variant = None
    if args.count is not None or args.student is not None:
        from helpers.study.scoring import student_variant

        variant = student_variant(lesson, args.student or "paper", count=args.count)
    for option, fmt in (("--moodle-xml", "moodle-xml"), ("--gift", "gift"), ("--qti", "qti")):
        if option in outputs:
            from helpers.views.platforms import write_platform

            out = outputs[option]
            export = write_platform(lesson, fmt, out.path, variant)
            head, *lost = export.summary()
            _say(head + out.note())
            for line in lost:
                _say(line)

    if "--anki" in outputs:
        out = outputs["--anki"]
        export_anki(lesson, out.path)
        _say(f"{out.path}: Anki deck, {_plural(len(lesson.glossary), 'note')}{out.note()}")
    if "--csv" in outputs:
        out = outputs["--csv"]
        export_csv(lesson, out.path)
        _say(f"{out.path}: CSV, {_plural(len(lesson.glossary), 'row')}{out.note()}")
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    from helpers.study.scoring import export_results, results_file_stem

    if args.json is None and args.csv is None:
        raise Failure(EXIT_USAGE, "khabar results export: say where to write: --json FILE and/or --csv FILE")
    if not args.student.strip():
        raise Failure(EXIT_USAGE, "khabar results export: --student needs the name or id typed in the quiz")
    if args.data is not None and not args.data.strip():
        raise Failure(EXIT_USAGE, "khabar results export: --data needs a file name (it was given an empty one)")
    _check_names("results export", [("--json", args.json, "results.json"), ("--csv", args.csv, "results.csv")])
    lesson = _load(args.lesson)
    try:
        stem = results_file_stem(lesson.id, args.student)
    except ValueError as exc:
        raise Failure(EXIT_PROBLEMS, f"khabar results export: {exc}") from None
    store = _open_store(args.data)
    try:
        students = store.students(lesson.id)
        if args.student not in students:
            if not store.persistent and store.warning:  # the file could not be read (locked, unreadable)
                raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar results export: {store.warning}")
            known = ", ".join(repr(s) for s in students) or "none"
            raise Failure(
                EXIT_PROBLEMS,
                f"khabar results export: no answers from {args.student!r} in {store.path} (students: {known})",
            )
        if store.warning:  # e.g. a damaged file, read as far as it could be: the export says so
            _say(f"khabar results export: note: {store.warning}", err=True)
        outputs = _outputs(
            "results export", [("--json", args.json, f"{stem}.json"), ("--csv", args.csv, f"{stem}.csv")], args.force
        )
        json_out, csv_out = outputs.get("--json"), outputs.get("--csv")
        try:
            written = export_results(
                store, lesson, args.student, json_out.path if json_out else None, csv_out.path if csv_out else None
            )
        except ValueError as exc:
            raise Failure(EXIT_PROBLEMS, f"khabar results export: {exc}") from None
    finally:
        store.close()
    notes = {str(o.path): o.note() for o in outputs.values()}
    for path in written:
        _say(f"{path}: results of {args.student}{notes.get(str(path), '')}")
    return EXIT_OK


def _open_store(data: str | None) -> ProgressStore:
    """The progress file to read; ``Failure`` (status 3) when it is missing or is not a Khabar progress file."""
    import sqlite3
    import warnings

    from helpers.study.progress import ProgressWarning, open_progress

    if data is not None:
        path = Path(data)
        if path.is_dir():
            raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar results export: {data}: is a folder, not a progress file")
        if not path.is_file():  # opening would start an empty progress file there
            what = "is not a regular file" if os.path.lexists(path) else "no such file"
            raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar results export: {data}: {what}")
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar results export: {_reason(exc)}") from None
        if head != SQLITE_HEADER:  # never hand the store a file it might move aside as "damaged"
            raise Failure(
                EXIT_CANNOT_READ_OR_WRITE,
                f"khabar results export: {data}: is not a Khabar progress file "
                f"({'it is empty' if not head else 'it is not an SQLite database'}); --data names the progress "
                "file (progress.sqlite3), not a results file",
            )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProgressWarning)
            store = open_progress(data)
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise Failure(EXIT_CANNOT_READ_OR_WRITE, f"khabar results export: {_reason(exc)}") from None
    return store


def _worksheet(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        raise Failure(EXIT_USAGE, "khabar worksheet: --count must be 1 or more")
    _check_names("worksheet", [("--out", args.out, "worksheet.html")])
    lesson = _load(args.lesson)
    usual = f"worksheet-{lesson.id}"
    if args.student:
        from helpers.study.scoring import results_file_stem

        usual = "worksheet-" + results_file_stem(lesson.id, args.student).removeprefix("results-")
    if args.count is not None and args.count < len(lesson.quiz):
        usual += f"-{args.count}"
    usual += "-key.html" if args.key else ".html"
    out = _outputs("worksheet", [("--out", args.out, usual)], args.force)["--out"]
    from helpers.views.quiz import worksheet_html

    html = worksheet_html(lesson, with_key=args.key, student=args.student, count=args.count)
    out.write(lambda partial: partial.write_text(html, encoding="utf-8"))
    shown = min(args.count, len(lesson.quiz)) if args.count is not None else len(lesson.quiz)
    _say(
        f"{out.path}: worksheet{' with the key' if args.key else ''}, {_plural(shown, 'question')}{out.note()}; "
        "open it and print"
    )
    return EXIT_OK


def _lessons(_args: argparse.Namespace) -> int:
    ids = list_lessons()
    if not ids:
        _say(f"khabar: no lessons found in {materials_root()}", err=True)
        return EXIT_OK
    shown = {lesson_id: terminal_text(lesson_id) for lesson_id in ids}
    width = max(len(s) for s in shown.values())
    for lesson_id in ids:
        try:
            title = lesson_title(lesson_id)
        except LessonError:
            title = f"(lesson.yaml has problems: run khabar validate {lesson_id})"
        print(f"{shown[lesson_id]:<{width}}  {terminal_text(title)}")
    return EXIT_OK


def _schemas(args: argparse.Namespace) -> int:
    from helpers.lesson.paths import write_atomically
    from helpers.lesson.schema import GENERATED_KINDS, README_PATH, generated_validator, readme_with_tables

    folder = Path(__file__).resolve().parent / "lesson" / "_validators"
    wanted = {folder / f"{kind}.py": generated_validator(kind) for kind in GENERATED_KINDS}
    try:
        wanted[README_PATH] = readme_with_tables(README_PATH.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise Failure(EXIT_PROBLEMS, f"khabar schemas: {exc}") from None
    stale = [path for path, text in wanted.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if args.write:
        for path in stale:
            write_atomically(path, lambda partial, text=wanted[path]: partial.write_text(text, encoding="utf-8"))
        _say(f"{len(stale)} file(s) rewritten")
        return EXIT_OK
    _say(*(f"{path}: out of date; run `khabar schemas --write`" for path in stale), err=True)
    if stale:
        return EXIT_PROBLEMS
    _say("validators and README field tables are up to date")
    return EXIT_OK


# -- the parser and main -----------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, with its error line made safe for the terminal (it quotes what was typed)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, terminal_text(f"{self.prog}: error: {message}") + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="khabar",
        description="Khabar: an Arabic news-reading study kit.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("lessons", help="list the lessons, with their titles")
    p.set_defaults(run=_lessons)
    p = sub.add_parser("validate", help="check a lesson (all lessons if none is named)")
    p.add_argument("lesson", nargs="?", help="lesson id or folder")
    p.add_argument("--strict", action="store_true", help="fail while any record is still a draft")
    p.set_defaults(run=_validate)
    p = sub.add_parser("new", help="draft a new lesson from an Arabic article, offline")
    p.add_argument("article", help="the article: a UTF-8 text file, one paragraph a line")
    p.add_argument("--id", required=True, help="the lesson id: lowercase letters, digits, hyphens")
    p.add_argument("--date", help="the article's date, YYYY-MM-DD (needed unless the text writes it)")
    p.add_argument("--title-en", help="the lesson's English title")
    p.add_argument("--level", default="B1", help="CEFR level (default B1)")
    p.add_argument("--out", metavar="DIR", help="where to make the lesson folder (default: the materials folder)")
    p.add_argument("--force", action="store_true", help="replace the files of a lesson folder that exists")
    p.set_defaults(run=_new)
    p = sub.add_parser("dump", help="print a lesson as JSON")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--indent", action="store_true", help="pretty-print")
    p.set_defaults(run=_dump)
    force = {"action": "store_true", "help": "replace files that exist already (the command says which it replaced)"}
    p = sub.add_parser("export", help="the glossary for Anki or a spreadsheet; the quiz for Moodle, Canvas, GIFT")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--anki", metavar="FILE", help="Anki package to write (.apkg), or a folder to write it in")
    p.add_argument("--csv", metavar="FILE", help="CSV file to write (UTF-8 with BOM), or a folder to write it in")
    p.add_argument("--moodle-xml", metavar="FILE", help="the quiz as Moodle XML (Question bank > Import)")
    p.add_argument("--gift", metavar="FILE", help="the quiz in GIFT format (Moodle and other platforms)")
    p.add_argument("--qti", metavar="FILE", help="the quiz as a QTI 1.2 package (.zip) for Canvas")
    p.add_argument("--count", type=int, metavar="N", help="a paper of N questions instead of the whole bank")
    p.add_argument("--student", metavar="NAME", help="that student's own paper (items and options in their order)")
    p.add_argument("--force", **force)
    p.set_defaults(run=_export)
    p = sub.add_parser("results", help="a student's quiz results")
    results_sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    r = results_sub.add_parser("export", help="write a student's answers as JSON and/or CSV for the teacher")
    r.add_argument("--student", required=True, help="the name or id typed in the quiz")
    r.add_argument("--lesson", help="lesson id or folder (default: the kit's lesson)")
    r.add_argument("--json", metavar="FILE", help="results file to write (JSON), or a folder to write it in")
    r.add_argument("--csv", metavar="FILE", help="results file to write (CSV, UTF-8 with BOM), or a folder")
    r.add_argument("--data", metavar="FILE", help="progress file to read (default: the learner's own)")
    r.add_argument("--force", **force)
    r.set_defaults(run=_results, command="results export")
    p = sub.add_parser("worksheet", help="write a printable worksheet (HTML), with or without the key")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--out", required=True, metavar="FILE", help="HTML file to write, or a folder to write it in")
    p.add_argument("--key", action="store_true", help="include the answer key")
    p.add_argument("--student", help="a student's own variant (shuffled items and options)")
    p.add_argument(
        "--count",
        type=int,
        metavar="N",
        help="a paper of N questions instead of the whole bank (the same N for the paper and its key)",
    )
    p.add_argument("--force", **force)
    p.set_defaults(run=_worksheet)
    p = sub.add_parser("schemas", help="check or regenerate the validators and README tables made from the schemas")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if they are stale (default)")
    group.add_argument("--write", action="store_true", help="regenerate them")
    p.set_defaults(run=_schemas)
    return parser


def _reason(exc: BaseException) -> str:
    """An error as words: which file, what is wrong (no errno numbers, no class names)."""
    if isinstance(exc, OSError) and (exc.strerror or isinstance(exc, PermissionError)):
        reason = "permission denied" if isinstance(exc, PermissionError) else str(exc.strerror).lower()
        return f"{exc.filename}: {reason}" if exc.filename else reason
    return str(exc)  # the kit's own errors (a progress file that is not one) are sentences already


def _quiet_stdout() -> None:
    """Send what is left of standard output nowhere: it is closed or full, and Python must not complain at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _safe_streams() -> None:
    """Text that the terminal's encoding cannot show is written as escapes rather than failing."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    """Run one khabar command: its exit status (see the module's help), every failure one line, never a traceback."""
    stdout_closed = sys.stdout is None  # started with >&- : Python has no stream for it
    for name in ("stdout", "stderr") if stdout_closed or sys.stderr is None else ():
        if getattr(sys, name) is None:  # what would go there goes nowhere (not to the other stream)
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    _safe_streams()
    args = build_parser().parse_args(argv)
    command = args.command
    if stdout_closed:
        _say(f"khabar {command}: standard output is closed", err=True)
        return EXIT_CANNOT_READ_OR_WRITE
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe or a full disk shows here, while it can still be handled
    except Failure as exc:
        if str(exc):
            _say(str(exc), err=True)
        return exc.status
    except BrokenPipeError:  # e.g. khabar dump | head: the reader has all it wanted
        _quiet_stdout()
        return EXIT_CANNOT_READ_OR_WRITE
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except LessonError as exc:
        _say(*_lesson_problems(exc), err=True)
        return EXIT_PROBLEMS
    except OSError as exc:
        if exc.filename is None and exc.errno is not None and not sys.stdout.closed:
            _quiet_stdout()  # most likely standard output itself
        _say(f"khabar {command}: {_reason(exc)}", err=True)
        return EXIT_CANNOT_READ_OR_WRITE
    except Exception as exc:  # a teacher gets one line; KHABAR_DEBUG=1 shows the traceback
        if os.environ.get(DEBUG_ENV):
            raise
        import sqlite3

        if isinstance(exc, sqlite3.Error):
            _say(f"khabar {command}: the progress file cannot be used ({exc})", err=True)
            return EXIT_CANNOT_READ_OR_WRITE
        _say(f"khabar {command}: unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", err=True)
        return EXIT_INTERNAL
    return status


if __name__ == "__main__":
    sys.exit(main())
