"""One setting chooses the lesson: KHABAR_LESSON picks it, KHABAR_MATERIALS adds lessons, and no notebook names one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers.lesson.loader import (
    LESSON_ENV,
    MATERIALS_ENV,
    chosen_lesson,
    lesson_folder,
    lesson_title,
    materials_roots,
)
from helpers.notebooks import notebook_paths

from .conftest import LESSON_DIR, LESSON_ID, ROOT

OTHER = "another-lesson"


def copy_lesson(root: Path, new_id: str) -> Path:
    """A copy of the built-in lesson in ``root``, under the id ``new_id`` (folder and ``lesson.yaml`` alike)."""
    target = root / new_id
    shutil.copytree(LESSON_DIR, target, ignore=shutil.ignore_patterns("sample-class"))
    meta = target / "lesson.yaml"
    text = meta.read_text(encoding="utf-8")
    assert f"\nid: {LESSON_ID}\n" in text
    meta.write_text(text.replace(f"\nid: {LESSON_ID}\n", f"\nid: {new_id}\n", 1), encoding="utf-8")
    return target


@pytest.fixture
def other(tmp_path, monkeypatch) -> Path:
    """A second lesson, in a folder of lessons that KHABAR_MATERIALS names."""
    root = tmp_path / "more-lessons"
    root.mkdir()
    folder = copy_lesson(root, OTHER)
    monkeypatch.setenv(MATERIALS_ENV, str(root))
    monkeypatch.delenv(LESSON_ENV, raising=False)
    return folder


def load_kit():
    """kit.py, imported as a module (it runs nothing on import)."""
    spec = importlib.util.spec_from_file_location("khabar_kit", ROOT / "kit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- KHABAR_LESSON ------------------------------------------------------------------------------------------------


def test_without_khabar_lesson_the_built_in_lesson_opens(other):
    assert chosen_lesson() == LESSON_ID
    assert helpers.load_lesson().folder == LESSON_DIR


def test_khabar_lesson_chooses_the_lesson_a_notebook_opens(other, monkeypatch):
    monkeypatch.setenv(LESSON_ENV, OTHER)
    lesson = helpers.load_lesson()
    assert (lesson.id, lesson.folder) == (OTHER, other)
    assert lesson_title() == "Israel and Kazakhstan sign a memorandum to waive visas"
    assert helpers.load_lesson(LESSON_ID).folder == LESSON_DIR  # a lesson named in the call is that one


def test_khabar_lesson_may_be_a_lesson_folder(other, monkeypatch):
    monkeypatch.delenv(MATERIALS_ENV)
    monkeypatch.setenv(LESSON_ENV, str(other))
    assert helpers.load_lesson().id == OTHER


def test_an_empty_khabar_lesson_is_the_built_in_lesson(monkeypatch):
    monkeypatch.setenv(LESSON_ENV, "  ")
    assert lesson_folder() == LESSON_DIR


def test_an_unknown_khabar_lesson_names_the_setting_and_the_lessons(other, monkeypatch):
    monkeypatch.setenv(LESSON_ENV, "no-such-lesson")
    with pytest.raises(helpers.LessonError) as info:
        helpers.load_lesson()
    [problem] = info.value.problems
    assert str(problem) == (
        f"no-such-lesson: no such lesson (chosen by {LESSON_ENV}; lessons available: {OTHER}, {LESSON_ID})"
    )


# -- KHABAR_MATERIALS ---------------------------------------------------------------------------------------------


def test_khabar_materials_adds_lessons_and_hides_none(other):
    assert helpers.list_lessons() == [OTHER, LESSON_ID]
    assert helpers.load_lesson(OTHER).folder == other
    assert helpers.load_lesson(LESSON_ID).folder == LESSON_DIR
    assert materials_roots() == [other.parent, LESSON_DIR.parent]
    assert helpers.materials_root() == other.parent  # the first place an id is looked up


def test_several_folders_are_looked_up_in_the_order_given(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    for root in (first, second):
        root.mkdir()
        copy_lesson(root, "shared-lesson")
    copy_lesson(second, OTHER)
    monkeypatch.setenv(MATERIALS_ENV, os.pathsep.join([str(first), "", str(second)]))
    assert helpers.list_lessons() == [OTHER, LESSON_ID, "shared-lesson"]
    assert lesson_folder("shared-lesson") == first / "shared-lesson"
    assert lesson_folder(OTHER) == second / OTHER
    monkeypatch.setenv(MATERIALS_ENV, os.pathsep.join([str(second), str(first)]))
    assert lesson_folder("shared-lesson") == second / "shared-lesson"
    assert helpers.list_lessons(first) == ["shared-lesson"]  # one folder, when asked for


def test_the_first_folder_holding_the_lesson_gives_it_even_over_the_kits_own(tmp_path, monkeypatch):
    (tmp_path / "empty" / LESSON_ID).mkdir(parents=True)  # a folder of that name without a lesson.yaml hides nothing
    (tmp_path / "mine").mkdir()
    mine = copy_lesson(tmp_path / "mine", LESSON_ID)
    monkeypatch.setenv(MATERIALS_ENV, os.pathsep.join([str(tmp_path / "empty"), str(tmp_path / "mine")]))
    assert lesson_folder(LESSON_ID) == mine
    assert helpers.list_lessons() == [LESSON_ID]


# -- the notebooks ------------------------------------------------------------------------------------------------


def _ids(lesson: helpers.Lesson) -> set[str]:
    """Every id a lesson gives its entries: sentences, paragraphs, notes, glossary entries, questions, events."""
    ids = {lesson.id, *(s.id for s in lesson.sentences), *(p.id for p in lesson.paragraphs)}
    for entries in (lesson.notes, lesson.glossary, lesson.quiz, lesson.timeline):
        ids |= {e.id for e in entries}
    return ids


def named_in(source: str, ids: set[str]) -> set[str]:
    """The ids that a cell's source names."""
    return set(re.findall(r"[\w-]+", source)) & ids


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_no_notebook_names_a_lesson_a_sentence_or_a_lesson_file(path, lesson):
    nb = json.loads(path.read_text(encoding="utf-8"))
    ids = _ids(lesson)
    setups = 0
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        assert not named_in(source, ids), f"{path.name} names {sorted(named_in(source, ids))} of {lesson.id}"
        if cell["cell_type"] == "code":
            assert not re.search(r"\bp\d+-s\d+\b", source), source
            for literal in ("sample-class", "materials/", "materials\\", ".yaml", "article.ar.txt"):
                assert literal not in source, f"{literal!r} in a cell of {path.name}"
            setups += "helpers.load_lesson()" in source
    assert setups == 1, f"{path.name}: the Setup cell opens the chosen lesson with helpers.load_lesson()"


def test_the_notebook_check_would_catch_what_the_notebooks_named_before(lesson):
    before = 'lesson = helpers.load_lesson("kazakhstan-visa-2026")\nsentence = lesson.sentence("p13-s1")'
    assert named_in(before, _ids(lesson)) == {LESSON_ID, "p13-s1"}
    assert named_in("Exercise: read n-saar-spelling, then g-waqqaa.", _ids(lesson)) == {"n-saar-spelling", "g-waqqaa"}


# -- kit.py --lesson ----------------------------------------------------------------------------------------------


def test_kit_lesson_option_sets_khabar_lesson_for_the_server(other):
    kit = load_kit()
    env, rest = kit.take_lesson(["03_comprehension", "--lesson", OTHER, "--port=9999"], os.environ)
    assert env[LESSON_ENV] == OTHER and rest == ["03_comprehension", "--port=9999"]
    env, rest = kit.take_lesson([f"--lesson={LESSON_ID}", "--no-browser"], os.environ)
    assert env[LESSON_ENV] == LESSON_ID and rest == ["--no-browser"]
    env, rest = kit.take_lesson(["--no-browser"], {"PATH": "/bin"})
    assert LESSON_ENV not in env and rest == ["--no-browser"]


def test_kit_lesson_option_takes_a_lesson_folder_and_makes_paths_absolute(other, monkeypatch):
    kit = load_kit()
    monkeypatch.chdir(other.parent.parent)
    env, _ = kit.take_lesson(["--lesson", f"{other.parent.name}/{OTHER}"], {"PATH": "/bin"})
    assert env[LESSON_ENV] == str(other)  # the server's notebooks run in notebooks/, not here
    env, _ = kit.take_lesson(["--lesson", OTHER], {MATERIALS_ENV: other.parent.name})
    assert env[MATERIALS_ENV] == str(other.parent)


def test_kit_knows_the_lessons_the_loader_knows(other, tmp_path, monkeypatch):
    kit = load_kit()
    second = tmp_path / "second"
    second.mkdir()
    copy_lesson(second, "third-lesson")
    monkeypatch.setenv(MATERIALS_ENV, os.pathsep.join([str(other.parent), str(second)]))
    assert kit.lessons(os.environ) == helpers.list_lessons() == [OTHER, LESSON_ID, "third-lesson"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--lesson", "nope"], "kit.py: --lesson names no lesson: 'nope' (the lessons: "),
        (["--lesson"], "kit.py: --lesson needs a lesson id (the lessons: "),
        (["--lesson", "--no-browser"], "kit.py: --lesson needs a lesson id (the lessons: "),
    ],
)
def test_kit_refuses_an_unknown_lesson_with_one_line(args, says, capsys):
    kit = load_kit()
    with pytest.raises(SystemExit) as info:
        kit.take_lesson(args, {"PATH": "/bin"})
    message = str(info.value.code)
    assert message.startswith(says) and LESSON_ID in message and "\n" not in message


@pytest.mark.parametrize(
    "command", [["lab", "--lesson", "nope", "--no-browser"], ["app", "03_comprehension", "--lesson=nope"]]
)
def test_kit_with_an_unknown_lesson_stops_before_anything_starts(command):
    env = {k: v for k, v in os.environ.items() if k not in (LESSON_ENV, MATERIALS_ENV)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "kit.py"), *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("kit.py: --lesson names no lesson: 'nope' (the lessons: ") and LESSON_ID in line


def test_kit_with_an_unknown_khabar_lesson_stops_too():
    kit = load_kit()
    with pytest.raises(SystemExit, match=f"kit.py: {LESSON_ENV} names no lesson: 'nope'"):
        kit.take_lesson([], {LESSON_ENV: "nope"})


def test_the_kit_runs_and_executes_the_tests_on_the_built_in_lesson(monkeypatch):
    monkeypatch.setenv(LESSON_ENV, OTHER)
    monkeypatch.setenv(MATERIALS_ENV, "/somewhere")
    env = load_kit().test_env()
    assert LESSON_ENV not in env and MATERIALS_ENV not in env


# -- the picker, and what else follows the lesson -----------------------------------------------------------------


def test_the_picker_lists_the_lessons_by_title_and_says_how_to_open_each(other, lesson, tmp_path, monkeypatch):
    broken = other.parent / "broken-lesson"
    broken.mkdir()
    (broken / "lesson.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    picker = helpers.lesson_picker(lesson)
    title = "Israel and Kazakhstan sign a memorandum to waive visas"
    assert [label for label, _ in picker.choice.options] == [
        f"{title} — {OTHER}",
        "broken-lesson — its lesson.yaml has problems",
        f"{title} — {LESSON_ID} (open here)",
    ]
    assert repr(picker) == f"LessonPicker: 3 lessons; open here: {LESSON_ID}; chosen: {LESSON_ID}"
    assert "This notebook has it open." in picker.how.value
    picker.choice.value = OTHER
    how = picker.how.value
    assert f"python3 kit.py lab --lesson {OTHER}" in how and f"{LESSON_ENV}={OTHER}" in how
    assert f"kit.py app 03_comprehension --lesson {OTHER}" in how and str(other) in how
    assert "This notebook has it open." not in how and "opens nothing" in how
    picker.choice.value = "broken-lesson"
    assert "khabar validate broken-lesson" in picker.how.value


def test_the_timeline_zooms_on_each_lessons_own_story(lesson):
    assert helpers.story_window(lesson) == helpers.TIMELINE_ZOOM
    assert helpers.timeline_explorer(lesson).span.options[0] == "Sep 2025 – Dec 2026"
    later = [dataclasses.replace(e, start=e.start.replace(year=2030), end=e.end.replace(year=2030)) for e in
             lesson.timeline if e.in_article and e.start.year == 2026]  # fmt: skip
    moved = dataclasses.replace(lesson, info=dataclasses.replace(lesson.info, date=dt.date(2030, 1, 27)),
                                timeline=tuple(later))  # fmt: skip
    assert helpers.story_window(moved) == (dt.date(2030, 1, 1), dt.date(2030, 12, 31))
    bare = dataclasses.replace(lesson, timeline=())
    assert helpers.story_window(bare) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert helpers.timeline_explorer(bare).span.options[0] == "Jan 2026 – Dec 2026"


def test_a_lesson_without_a_sample_class_says_so(lesson, tmp_path):
    assert helpers.sample_class(lesson) == LESSON_DIR / "sample-class"
    assert helpers.load_class_results(lesson, helpers.sample_class(lesson)).students
    elsewhere = dataclasses.replace(lesson, folder=tmp_path)
    results = helpers.load_class_results(elsewhere, helpers.sample_class(elsewhere))
    assert results.skipped == [
        f"the lesson {LESSON_ID} has no sample class: give the folder of your class's results files instead"
    ]
    assert helpers.load_class_results(lesson, tmp_path / "nowhere").skipped == [
        f"{tmp_path / 'nowhere'}: no such folder"
    ]


def test_word_families_come_from_the_glossary_without_a_word_layer(lesson):
    bare = dataclasses.replace(
        lesson,
        paragraphs=tuple(
            dataclasses.replace(p, sentences=tuple(dataclasses.replace(s, words=()) for s in p.sentences))
            for p in lesson.paragraphs
        ),
    )
    families = helpers.word_families(bare)
    assert families and all(len(family) > 1 for _, family in families)
    sizes = [len(family) for _, family in families]
    assert sizes == sorted(sizes, reverse=True)
    single = {e.headword for e in lesson.glossary if not e.is_phrase}
    assert all(lemma in single for _, family in families for lemma, _, _ in family)
