"""The khabar command.

    khabar lessons              list the lessons in the materials folder, with their titles
    khabar validate [LESSON]    every schema and content check (all lessons if none given)
    khabar dump [LESSON]        the whole lesson as JSON on stdout
    khabar export [LESSON] --anki FILE --csv FILE
                                the glossary as an Anki deck and/or a CSV spreadsheet
    khabar results export --student S --json FILE --csv FILE
                                a student's quiz answers, for the teacher
    khabar worksheet [LESSON] --out FILE [--key] [--student S]
                                a printable worksheet, with or without the key
    khabar schemas --check      are the generated validators and the field tables of materials/README.md
                                up to date? (--write to regenerate them)

LESSON is a lesson id (a folder of materials/) or a path to a lesson folder.
Exit status: 0 when all is well, 1 when a lesson has problems or a file cannot be read or written,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from helpers.lesson.loader import lesson_title, list_lessons, load_lesson, materials_root
from helpers.lesson.problems import LessonError

__all__ = ["build_parser", "main"]

DEBUG_ENV = "KHABAR_DEBUG"


def _load(lesson: str | None):
    try:
        return load_lesson(lesson)
    except LessonError as exc:
        print(exc, file=sys.stderr)
        return None


def _validate(args: argparse.Namespace) -> int:
    targets = [args.lesson] if args.lesson else list_lessons()
    if not targets:
        print(f"khabar: no lessons found in {materials_root()}", file=sys.stderr)
        return 1
    status = 0
    for target in targets:
        try:
            lesson = load_lesson(target)
        except LessonError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            count = len(exc.problems)
            print(f"{target}: INVALID — {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
            status = 1
            continue
        print(
            f"{lesson.id}: valid — {len(lesson.paragraphs)} paragraphs, {len(lesson.sentences)} sentences, "
            f"{len(lesson.notes)} notes, {len(lesson.glossary)} glossary entries, {len(lesson.quiz)} quiz items, "
            f"{len(lesson.timeline)} timeline events"
        )
    return status


def _dump(args: argparse.Namespace) -> int:
    lesson = _load(args.lesson)
    if lesson is None:
        return 1
    json.dump(lesson.to_dict(), sys.stdout, ensure_ascii=False, indent=2 if args.indent else None)
    sys.stdout.write("\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    if not (args.anki or args.csv):
        print("khabar export: say where to write: --anki FILE and/or --csv FILE", file=sys.stderr)
        return 2
    lesson = _load(args.lesson)
    if lesson is None:
        return 1
    from helpers.views.export import export_anki, export_csv

    if args.anki:
        path = export_anki(lesson, args.anki)
        print(f"{path}: Anki deck, {len(lesson.glossary)} notes")
    if args.csv:
        path = export_csv(lesson, args.csv)
        print(f"{path}: CSV, {len(lesson.glossary)} rows")
    return 0


def _results(args: argparse.Namespace) -> int:
    if not (args.json or args.csv):
        print("khabar results export: say where to write: --json FILE and/or --csv FILE", file=sys.stderr)
        return 2
    lesson = _load(args.lesson)
    if lesson is None:
        return 1
    from helpers.study.progress import open_progress
    from helpers.study.scoring import export_results

    store = open_progress(args.data)
    if args.student not in store.students(lesson.id):
        known = ", ".join(store.students(lesson.id)) or "none"
        print(f"khabar results export: no answers from {args.student!r} in {store.path} (students: {known})",
              file=sys.stderr)  # fmt: skip
        return 1
    for path in export_results(store, lesson, args.student, args.json, args.csv):
        print(f"{path}: results of {args.student}")
    return 0


def _worksheet(args: argparse.Namespace) -> int:
    lesson = _load(args.lesson)
    if lesson is None:
        return 1
    from helpers.views.quiz import worksheet_html

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(worksheet_html(lesson, with_key=args.key, student=args.student), encoding="utf-8")
    print(f"{out}: worksheet{' with the key' if args.key else ''}, {len(lesson.quiz)} questions; open it and print")
    return 0


def _lessons(_args: argparse.Namespace) -> int:
    ids = list_lessons()
    if not ids:
        print(f"khabar: no lessons found in {materials_root()}", file=sys.stderr)
        return 0
    width = max(len(lesson_id) for lesson_id in ids)
    for lesson_id in ids:
        try:
            title = lesson_title(lesson_id)
        except LessonError:
            title = f"(lesson.yaml has problems: run khabar validate {lesson_id})"
        print(f"{lesson_id:<{width}}  {title}")
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from helpers.lesson.schema import GENERATED_KINDS, README_PATH, generated_validator, readme_with_tables

    folder = Path(__file__).resolve().parent / "lesson" / "_validators"
    wanted = {folder / f"{kind}.py": generated_validator(kind) for kind in GENERATED_KINDS}
    try:
        wanted[README_PATH] = readme_with_tables(README_PATH.read_text(encoding="utf-8"))
    except ValueError as exc:
        print(f"khabar schemas: {exc}", file=sys.stderr)
        return 1
    stale = [path for path, text in wanted.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if args.write:
        for path in stale:
            path.write_text(wanted[path], encoding="utf-8")
        print(f"{len(stale)} file(s) rewritten")
        return 0
    for path in stale:
        print(f"{path}: out of date; run `khabar schemas --write`", file=sys.stderr)
    if stale:
        return 1
    print("validators and README field tables are up to date")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    p.set_defaults(run=_validate)
    p = sub.add_parser("dump", help="print a lesson as JSON")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--indent", action="store_true", help="pretty-print")
    p.set_defaults(run=_dump)
    p = sub.add_parser("export", help="write the glossary as an Anki deck and/or a CSV file")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--anki", metavar="FILE", help="Anki package to write (.apkg)")
    p.add_argument("--csv", metavar="FILE", help="CSV file to write (UTF-8 with BOM)")
    p.set_defaults(run=_export)
    p = sub.add_parser("results", help="a student's quiz results")
    results_sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    r = results_sub.add_parser("export", help="write a student's answers as JSON and/or CSV for the teacher")
    r.add_argument("--student", required=True, help="the name or id typed in the quiz")
    r.add_argument("--lesson", help="lesson id or folder (default: the kit's lesson)")
    r.add_argument("--json", metavar="FILE", help="results file to write (JSON)")
    r.add_argument("--csv", metavar="FILE", help="results file to write (CSV, UTF-8 with BOM)")
    r.add_argument("--data", metavar="FILE", help="progress database (default: the learner's own)")
    r.set_defaults(run=_results)
    p = sub.add_parser("worksheet", help="write a printable worksheet (HTML), with or without the key")
    p.add_argument("lesson", nargs="?", help="lesson id or folder (default: the kit's lesson)")
    p.add_argument("--out", required=True, metavar="FILE", help="HTML file to write")
    p.add_argument("--key", action="store_true", help="include the answer key")
    p.add_argument("--student", help="a student's own variant (shuffled items and options)")
    p.set_defaults(run=_worksheet)
    p = sub.add_parser("schemas", help="check or regenerate the validators and README tables made from the schemas")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if they are stale (default)")
    group.add_argument("--write", action="store_true", help="regenerate them")
    p.set_defaults(run=_schemas)
    return parser


def _os_problem(command: str, exc: OSError) -> str:
    """An operating-system error as one line: which file, what is wrong."""
    reason = (exc.strerror or str(exc)).lower() if not isinstance(exc, PermissionError) else "permission denied"
    where = f"{exc.filename}: " if exc.filename else ""
    return f"khabar {command}: {where}{reason}"


def main(argv: list[str] | None = None) -> int:
    """Run one khabar command; every failure is a one-line message and exit status 1, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, while it can still be handled
    except BrokenPipeError:  # e.g. khabar dump | head: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the rest of the output goes nowhere, quietly
        return 1
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return 130
    except LessonError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(_os_problem(args.command, exc), file=sys.stderr)
        return 1
    except Exception as exc:  # a teacher gets one line; KHABAR_DEBUG=1 shows the traceback
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"khabar {args.command}: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
