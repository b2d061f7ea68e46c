"""Loading lessons: good input loads into frozen data; bad input names file, entry and field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import helpers
from helpers import LessonError, load_lesson
from helpers.lesson.model import (
    Features,
    GlossaryEntry,
    LessonInfo,
    Note,
    Paragraph,
    Segment,
    Sentence,
    TimelineEvent,
    Word,
    file_keys,
)
from helpers.lesson.schema import SCHEMA_DIR, SCHEMA_KINDS

from .conftest import LESSON_ID


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(LessonError) as info:
        load_lesson(folder)
    return [str(p) for p in info.value.problems]


def test_lesson_loads_into_immutable_dataclasses(lesson):
    assert lesson.id == LESSON_ID
    assert len(lesson.paragraphs) == 17 and len(lesson.sentences) == 19
    with pytest.raises(dataclasses.FrozenInstanceError):
        lesson.sentences[0].ar = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        lesson._by_id["x"] = None  # type: ignore[index]
    assert isinstance(lesson.paragraphs, tuple) and isinstance(lesson.notes, tuple)


def test_lookup_by_sentence_id(lesson):
    assert lesson.sentence("p07-s2").ar.startswith("وقال إن أستانا")
    with pytest.raises(KeyError, match="p99-s1"):
        lesson.sentence("p99-s1")
    assert all("p13-s1" in n.sentence_ids for n in lesson.notes_for("p13-s1"))


def test_default_lesson_and_listing():
    assert helpers.list_lessons() == [LESSON_ID]
    assert load_lesson().id == LESSON_ID


def test_unknown_lesson_says_which_lessons_exist():
    with pytest.raises(LessonError, match=f"no such lesson.*{LESSON_ID}"):
        load_lesson("no-such-lesson")


def test_materials_folder_can_be_moved_by_environment(lesson_copy, monkeypatch):
    monkeypatch.setenv("KHABAR_MATERIALS", str(lesson_copy.parent))
    (lesson_copy.parent / "schema").mkdir()
    assert helpers.list_lessons() == [LESSON_ID]
    assert load_lesson(LESSON_ID).folder == lesson_copy


def test_malformed_yaml_names_the_file_and_line(lesson_copy):
    edit(
        lesson_copy,
        "notes.yaml",
        "  - id: n-saar-spelling\n    kind: spelling",
        "  - id: n-saar-spelling\n   kind: [spelling",
    )
    [problem] = problems_of(lesson_copy)
    assert problem == f"{lesson_copy / 'notes.yaml'}: line 4 is indented less than the entry it belongs to"


def test_missing_field_names_entry_and_field(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    title: Sa'ar's surname is usually spelled ساعر\n", "")
    [problem] = problems_of(lesson_copy)
    assert problem == f"{lesson_copy / 'notes.yaml'}: entry 'n-saar-spelling': 'title' is required"


def test_every_broken_entry_is_reported_at_once(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    kind: spelling", "    kind: gossip", count=2)
    edit(lesson_copy, "sentences.yaml", "en: ", "english: ", count=1)
    found = problems_of(lesson_copy)
    assert len(found) == 3
    assert (
        f"{lesson_copy / 'sentences.yaml'}: entry 'p01-s1': "
        "'english' is not a field (fields: id, ar, ar_vocalized, en, en_hint, second_opinion, status, review); "
        "'en' is required" in found
    )
    assert sum("'gossip' is not one of" in p and "field 'kind'" in p for p in found) == 2


def test_duplicate_sentence_id(lesson_copy):
    edit(lesson_copy, "sentences.yaml", "id: p02-s1", "id: p01-s1")
    found = problems_of(lesson_copy)
    assert any(
        "sentences.yaml: entry 'p01-s1': field 'id': the sentence id 'p01-s1' is used 2 times" in p for p in found
    )


def test_duplicate_note_id(lesson_copy):
    edit(lesson_copy, "notes.yaml", "id: n-tokayev-spelling", "id: n-saar-spelling")
    assert any("the note id 'n-saar-spelling' is used 2 times" in p for p in problems_of(lesson_copy))


def test_duplicate_key_in_one_entry(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    kind: spelling\n", "    kind: spelling\n    kind: grammar\n")
    [problem] = problems_of(lesson_copy)
    assert "the key 'kind' appears twice" in problem and "line" in problem


def test_unknown_sentence_id_in_a_note(lesson_copy):
    edit(lesson_copy, "notes.yaml", "sentences: [p01-s1, p03-s1, p13-s1, p16-s2]", "sentences: [p01-s1, p03-s9]")
    [problem] = problems_of(lesson_copy)
    assert problem.endswith("notes.yaml: entry 'n-saar-spelling': field 'sentences': no sentence has the id 'p03-s9'")


def test_focus_words_must_occur_in_the_sentence(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    focus: توكاييف", "    focus: نزارباييف")
    found = problems_of(lesson_copy)
    assert len(found) == 2  # the note cites two sentences
    assert all("entry 'n-tokayev-spelling': field 'focus'" in p for p in found)


@pytest.mark.parametrize(
    "payload", ["<script>alert('x')</script>", '<img src=x onerror="alert(1)">', "&lt;b&gt;", "javascript:alert(1)"]
)
def test_html_or_script_in_a_text_field_is_refused(lesson_copy, payload):
    escaped = payload.replace('"', '\\"')
    edit(lesson_copy, "sentences.yaml", 'en: "Israeli Foreign Minister', f'en: "{escaped} Israeli Foreign Minister')
    found = problems_of(lesson_copy)
    assert any("entry 'p01-s1': field 'en': contains HTML markup" in p for p in found)


def test_wrong_language_fields_are_refused(lesson_copy):
    edit(lesson_copy, "sentences.yaml", 'en: "Israeli Foreign Minister', 'en: "وزير Israeli Foreign Minister')
    edit(lesson_copy, "lesson.yaml", "  ar: أستانا، كازاخستان", "  ar: Astana")
    found = problems_of(lesson_copy)
    assert any("entry 'p01-s1': field 'en': must be English but contains Arabic letters" in p for p in found)
    assert any(f"entry '{LESSON_ID}': field 'place.ar': must be Arabic but has no Arabic letters" in p for p in found)


def test_vocalization_that_changes_a_letter_is_refused(lesson_copy):
    edit(lesson_copy, "sentences.yaml", "جِدْعُون سَار", "جِدْعُون سَاعَر")
    [problem] = problems_of(lesson_copy)
    assert problem.endswith(
        "sentences.yaml: entry 'p01-s1': field 'ar_vocalized': does not strip back to 'ar' letter for letter: "
        "word 6 reads 'سَاعَر' (vocalized) but 'سار' (original)"
    )


def test_article_that_differs_from_the_sentences_is_refused(lesson_copy):
    edit(lesson_copy, "article.ar.txt", "ويعد الاتفاق", "ويعتبر الاتفاق")
    [problem] = problems_of(lesson_copy)
    assert "article.ar.txt: entry 'p02': line 2 differs from the joined sentences of p02" in problem


def test_impossible_date_is_refused(lesson_copy):
    edit(lesson_copy, "lesson.yaml", "date: 2026-01-27", "date: 2026-02-30")
    [problem] = problems_of(lesson_copy)
    assert f"lesson.yaml: entry '{LESSON_ID}': field 'date': '2026-02-30' is not a real date" in problem


def test_lesson_id_must_match_its_folder(lesson_copy):
    renamed = lesson_copy.with_name("other-name")
    lesson_copy.rename(renamed)
    assert any("field 'id': must equal the folder name 'other-name'" in p for p in problems_of(renamed))


def test_missing_file_is_named(lesson_copy):
    (lesson_copy / "sentences.yaml").unlink()
    [problem] = problems_of(lesson_copy)
    assert problem.endswith("sentences.yaml: file is missing")


def test_half_valid_lesson_never_loads(lesson_copy):
    """One bad note in an otherwise good lesson: nothing is returned."""
    edit(lesson_copy, "notes.yaml", "    kind: numbers", "    kind: 7")
    with pytest.raises(LessonError):
        load_lesson(lesson_copy)


def test_error_message_lists_every_problem(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    kind: spelling", "    kind: gossip", count=2)
    with pytest.raises(LessonError) as info:
        load_lesson(lesson_copy)
    message = str(info.value)
    assert message.startswith("2 problems in the lesson:")
    assert message.count("'gossip' is not one of") == 2


def _run(code: str, **env: str) -> str:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, **env}
    )
    return result.stdout.strip()


def test_parsed_files_are_cached_and_yaml_is_not_reimported(tmp_path):
    code = "import sys, helpers; helpers.load_lesson(); print('yaml' in sys.modules)"
    assert _run(code, KHABAR_CACHE_DIR=str(tmp_path)) == "True"  # first load parses
    assert _run(code, KHABAR_CACHE_DIR=str(tmp_path)) == "False"  # later loads read the cache
    assert len(list((tmp_path / "parsed").glob("*.json"))) == len(SCHEMA_KINDS)  # one per lesson file


def test_an_edited_file_is_parsed_again_even_at_the_same_size(lesson_copy):
    assert load_lesson(lesson_copy).sentence("p05-s1").en.startswith("The Israeli minister said")
    edit(lesson_copy, "sentences.yaml", '"The Israeli minister said', '"The Israeli minister says')
    assert load_lesson(lesson_copy).sentence("p05-s1").en.startswith("The Israeli minister says")


def test_an_unwritable_cache_folder_only_makes_loading_slower(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    code = "import helpers; print(len(helpers.load_lesson().sentences))"
    assert _run(code, KHABAR_CACHE_DIR=str(blocker)) == "19"


# -- one statement of the shape: the dataclasses and the schemas agree -------------------------------


@pytest.mark.parametrize(
    ("kind", "definition", "record", "filled_by_loader", "only_in_file"),
    [
        ("lesson", None, LessonInfo, set(), {"article"}),
        ("sentences", "paragraph", Paragraph, set(), set()),
        ("sentences", "sentence", Sentence, {"paragraph", "words"}, set()),
        ("words", "word", Word, set(), set()),
        ("words", "segment", Segment, set(), set()),
        ("words", "features", Features, set(), set()),
        ("notes", "note", Note, set(), set()),
        ("glossary", "entry", GlossaryEntry, set(), set()),
        ("timeline", "event", TimelineEvent, {"start"}, set()),
    ],
)
def test_the_model_and_the_schema_name_the_same_fields(kind, definition, record, filled_by_loader, only_in_file):
    root = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    properties = (root["definitions"][definition] if definition else root)["properties"]
    assert set(file_keys(record)) - filled_by_loader == set(properties) - only_in_file


def test_records_go_to_and_from_the_files_mappings(lesson):
    raw = {"id": "n-x", "kind": "style", "sentences": ["p01-s1"], "focus": "نحن", "title": "Title", "text": "T" * 20}
    note = Note.from_dict(raw)
    assert note.sentence_ids == ("p01-s1",)
    assert note.to_dict() == {**raw, "usual": None}
    with pytest.raises(TypeError, match="Note has no field for 'colour'"):
        Note.from_dict({**raw, "colour": "red"})
    event = lesson.timeline[0]
    assert TimelineEvent.from_dict(event.to_dict()) == event  # dates and tuples come back as they were


def test_dump_keeps_its_documented_key_order(lesson):
    data = lesson.to_dict()
    assert list(data["lesson"]) == [
        "id", "title", "date", "date_inferred", "level", "place", "topics", "source", "licence", "paragraphs",
    ]  # fmt: skip
    assert list(data["timeline"][0]) == [
        "id", "date", "precision", "start", "end", "approximate", "label", "category", "in_article", "sentences",
        "expression", "source", "confidence", "verify", "status", "review",
    ]  # fmt: skip
    assert list(data["sentences"][0]) == [
        "id", "paragraph", "ar", "ar_vocalized", "en", "en_hint", "second_opinion", "status", "review", "words",
    ]  # fmt: skip
    assert list(data["sentences"][0]["words"][0])[:6] == ["text", "vocalized", "segments", "lemma", "pos", "gloss"]
    assert len(data["sentences"][0]["words"]) == 24


# -- a clean verdict is kept for the same bytes and code -----------------------------------------------


def test_a_lesson_that_passed_is_not_checked_again_until_something_changes(lesson_copy, monkeypatch):
    from helpers.lesson import loader

    load_lesson(lesson_copy)  # checked, and found clean
    calls = []
    real = loader.checks.check_lesson
    monkeypatch.setattr(loader.checks, "check_lesson", lambda *a, **k: calls.append(1) or real(*a, **k))
    load_lesson(lesson_copy)
    assert calls == []  # the same bytes, the same code: the verdict stands
    edit(lesson_copy, "glossary.yaml", 'gloss: "to sign"', 'gloss: "to sign (a document)"')
    load_lesson(lesson_copy)
    assert calls == [1]  # one file changed: everything is checked again
    edit(lesson_copy, "words.yaml", "    lemma: وَقَّعَ\n", "    lemma: وَقَعَ\n")
    assert any("(وقع) lemma" in p for p in problems_of(lesson_copy))
    edit(lesson_copy, "words.yaml", "    lemma: وَقَعَ\n", "    lemma: وَقَّعَ\n")
    load_lesson(lesson_copy)
    article = lesson_copy / "article.ar.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("وقع", "وقّع", 1), encoding="utf-8")
    assert problems_of(lesson_copy)  # the article changed under unchanged files: checked, and refused
