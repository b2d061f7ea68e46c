"""Errors a teacher can act on: each broken input gives the exact message a teacher reads.

Every message names the file, the entry by its id, the part of the entry and the field, and says
what is wrong in plain words; nothing raises past the loader or the class view.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from helpers import LessonError, load_lesson
from helpers.lesson.schema import SCHEMA_DIR
from helpers.study.classroom import load_class_results

from .conftest import LESSON_DIR, LESSON_ID

TAGS = json.loads((SCHEMA_DIR / "glossary.schema.json").read_text(encoding="utf-8"))["definitions"]["entry"][
    "properties"
]["tags"]["items"]["enum"]


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    """The problems as a teacher reads them, with the lesson folder left out of each path."""
    with pytest.raises(LessonError) as info:
        load_lesson(folder)
    return [str(p).replace(f"{folder}{os.sep}", "") for p in info.value.problems]


BAD_TAG = "glossary.yaml: entry 'g-wazir-al-kharijiyya': field 'tags', item 3: 'politcs' is not one of: " + ", ".join(
    TAGS
)


def break_a_tag(folder: Path) -> None:
    """The second glossary entry gets a misspelled third tag."""
    edit(folder, "glossary.yaml", "tags: [set-phrase, diplomacy, politics]", "tags: [set-phrase, diplomacy, politcs]")


# -- an error inside a list names the real entry and the field path ---------------------------------


def test_a_bad_tag_names_its_glossary_entry_and_the_tag(lesson_copy):
    break_a_tag(lesson_copy)
    assert problems_of(lesson_copy) == [BAD_TAG]


def test_a_bad_sentence_id_in_a_note_names_the_note(lesson_copy):
    edit(lesson_copy, "notes.yaml", "sentences: [p01-s1, p03-s1, p13-s1, p16-s2]", "sentences: [p01-s1, p3-s1]")
    assert problems_of(lesson_copy) == [
        "notes.yaml: entry 'n-saar-spelling': field 'sentences', item 2: 'p3-s1' is not in the expected form "
        "(a sentence id such as p07-s2)"
    ]


def test_an_option_without_feedback_names_the_item_and_the_option(lesson_copy):
    edit(
        lesson_copy,
        "quiz.yaml",
        '        feedback: "Tokayev, the president of Kazakhstan, is mentioned in p04 for his decision to join the '
        'Abraham Accords; p01 names the two people who signed, and he is not one of them."\n',
        "",
    )
    assert problems_of(lesson_copy) == ["quiz.yaml: entry 'q-signing-who': option 'a': 'feedback' is required"]


def test_a_misspelled_field_name_suggests_the_right_one(lesson_copy):
    edit(lesson_copy, "glossary.yaml", '    gloss: "to sign"', '    glos: "to sign"')
    assert problems_of(lesson_copy) == ["glossary.yaml: entry 'g-waqqaa': 'glos' is not a field; did you mean 'gloss'?"]


def test_an_unknown_field_lists_the_fields(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    kind: spelling\n", "    kind: spelling\n    colour: red\n")
    assert problems_of(lesson_copy) == [
        "notes.yaml: entry 'n-saar-spelling': 'colour' is not a field "
        "(fields: id, kind, sentences, focus, title, text, usual)"
    ]


# -- a YAML error in one file hides nothing else ------------------------------------------------------


def test_a_yaml_error_does_not_hide_the_schema_and_content_problems_of_other_files(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    kind: spelling\n", "\tkind: spelling\n")
    break_a_tag(lesson_copy)
    edit(lesson_copy, "quiz.yaml", "    key: b\n", "    key: z\n")  # a content problem in a file that loaded
    assert problems_of(lesson_copy) == [
        "notes.yaml: line 4: a tab character; indent with spaces",
        BAD_TAG,
        "quiz.yaml: entry 'q-signing-who': field 'key': must be the id of one option (a, b, c)",
    ]


def test_the_other_entries_of_a_file_with_a_schema_error_are_still_checked(lesson_copy):
    break_a_tag(lesson_copy)
    edit(lesson_copy, "glossary.yaml", "forms: [وقع]", "forms: [وقعت]")  # the first entry: a content problem
    assert problems_of(lesson_copy) == [
        BAD_TAG,
        "glossary.yaml: entry 'g-waqqaa': field 'forms': 'وقعت' does not occur as whole words in p01-s1",
        "glossary.yaml: entry 'g-waqqaa': field 'sentences': none of the forms occurs in p01-s1",
    ]


def test_without_the_sentences_the_metadata_is_still_checked(lesson_copy):
    edit(lesson_copy, "sentences.yaml", "  - id: p01-s1\n    ar:", "  - id: p01-s1\n\tar:")
    edit(lesson_copy, "lesson.yaml", "  en: Astana, Kazakhstan", "  en: أستانا")
    assert problems_of(lesson_copy) == [
        "sentences.yaml: line 5: a tab character; indent with spaces",
        f"lesson.yaml: entry '{LESSON_ID}': field 'place.en': must be English but has no Latin letters",
    ]


# -- YAML errors in plain words ------------------------------------------------------------------------

NOTE_HEAD = "  - id: n-saar-spelling\n    kind: spelling\n    sentences: [p01-s1, p03-s1, p13-s1, p16-s2]\n"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("  - id: n-saar-spelling\n\tkind: spelling\n", "line 4: a tab character; indent with spaces"),
        ("  - id: n-saar-spelling\n    kind: spelling\n   sentences: [p01-s1]\n",
         "line 5 is indented less than the entry it belongs to"),
        ("  - id: n-saar-spelling\n    kind: spelling\n      sentences: [p01-s1]\n",
         "line 5 is indented more than the line above it, so it reads as part of that line's value"),
        ('  - id: n-saar-spelling\n    kind: "spelling\n    sentences: [p01-s1]\n',
         "line 4: the quote \" opened here is never closed"),
        ("  - id: n-saar-spelling\n    kind: 'spelling\n    sentences: [p01-s1]\n",
         "line 4: the quote ' opened here is never closed"),
        ("  - id: n-saar-spelling\n    kind: spelling\n    sentences: [p01-s1, p03-s1\n",
         "line 5: the [ opened here is not closed with ]"),
        ("  - id: n-saar-spelling\n    [kind]: spelling\n",
         "line 4: a list or mapping is used as a key; a key is a plain name such as 'title'"),
        ("  - id: n-saar-spelling\n    {kind: x}: spelling\n",
         "line 4: a list or mapping is used as a key; a key is a plain name such as 'title'"),
        ("  - id: n-saar-spelling\n    kind: spelling: names\n",
         "line 4: a ': ' inside a value; put the whole value in double quotes"),
        ('  - id: n-saar-spelling\n    kind: "spelling" of names\n',
         "line 4: text after the closing quote; put the whole value inside the quotes"),
        ('  - id: n-saar-spelling\n    kind: "C:\\dir"\n',
         "line 4: a backslash in double quotes starts an escape such as \\n; write \\\\ for a backslash, "
         "or use single quotes"),
        ("  - id: n-saar-spelling\n    kind: *spelling\n",
         "line 4: the alias *spelling refers to no anchor (&name) above it"),
        ("  - id: n-saar-spelling\n    kind: spelling\n    kind: grammar\n",
         "line 5: the key 'kind' appears twice in one entry"),
        ("  - id: n-saar-spelling\n    kind: spelling\n    sentences [p01-s1]\n",
         "line 5 is neither a field (name: value) nor indented under the field it continues"),
        ("  - id: !!python/object:os.system n-saar-spelling\n",
         "line 3: the YAML tag !!python/object:os.system does not belong in a lesson file; remove it"),
    ],
    ids=["tab", "dedent", "indent", "double-quote", "single-quote", "bracket", "list-key", "mapping-key",
         "colon", "after-quote", "backslash", "alias", "duplicate", "no-colon", "tag"],
)  # fmt: skip
def test_yaml_errors_in_plain_words(lesson_copy, broken, message):
    head = "  - id: n-saar-spelling\n    kind: spelling\n"
    edit(lesson_copy, "notes.yaml", head + "    sentences: [p01-s1, p03-s1, p13-s1, p16-s2]\n", broken)
    assert problems_of(lesson_copy) == [f"notes.yaml: {message}"]


def test_aliases_beyond_a_small_budget_are_refused(lesson_copy):
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (lesson_copy / "notes.yaml").write_text(laughs, encoding="utf-8")
    assert problems_of(lesson_copy) == ["notes.yaml: uses more than 20 aliases (*name); write the values out in full"]


def test_deep_nesting_is_refused(lesson_copy):
    (lesson_copy / "notes.yaml").write_text("notes: " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    assert problems_of(lesson_copy) == ["notes.yaml: is nested more than 20 levels deep"]


# -- encodings and characters, said by name ---------------------------------------------------------------

BOM = "starts with a byte-order mark (U+FEFF, the bytes EF BB BF); save it as UTF-8 without BOM"


@pytest.mark.parametrize("name", ["article.ar.txt", "notes.yaml"])
def test_a_byte_order_mark_is_named(lesson_copy, name):
    path = lesson_copy / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of(lesson_copy) == [f"{name}: {BOM}"]


@pytest.mark.parametrize(
    ("name", "encoding", "looks_like"),
    [
        ("article.ar.txt", "utf-16", "it is UTF-16"),
        ("notes.yaml", "cp1256", "it looks like Windows-1256 (Arabic Windows)"),
        ("sentences.yaml", "utf-16-le", "it looks like UTF-16"),
    ],
)
def test_a_file_that_is_not_utf8_says_which_encoding_it_looks_like(lesson_copy, name, encoding, looks_like):
    path = lesson_copy / name
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    assert problems_of(lesson_copy) == [f"{name}: is not UTF-8 text: {looks_like}; save it as UTF-8"]


def test_a_persian_yeh_is_named_with_its_word(lesson_copy):
    edit(lesson_copy, "timeline.yaml", "    expression: يوم الثلاثاء\n", "    expression: یوم الثلاثاء\n")
    found = problems_of(lesson_copy)
    assert (
        "timeline.yaml: entry 'e-visa-memorandum': field 'expression': the Persian letter ی "
        "(U+06CC ARABIC LETTER FARSI YEH) at character 1, in 'یوم'; Arabic writes ي (U+064A ARABIC LETTER YEH) "
        "or ى (U+0649 ARABIC LETTER ALEF MAKSURA)"
    ) in found


def test_a_persian_keheh_in_the_article_is_named_by_line(lesson_copy):
    edit(lesson_copy, "article.ar.txt", "ويعد الاتفاق", "ويعد الاتفا\u06a9")
    found = problems_of(lesson_copy)
    assert (
        "article.ar.txt: line 2: the Persian letter \u06a9 (U+06A9 ARABIC LETTER KEHEH) at character 12, "
        "in 'الاتفا\u06a9'; Arabic writes ك (U+0643 ARABIC LETTER KAF)"
    ) in found


def test_presentation_forms_are_named(lesson_copy):
    edit(lesson_copy, "notes.yaml", "    focus: سار\n", "    focus: \ufeb3\ufe8e\ufead\n")
    assert problems_of(lesson_copy) == [
        "notes.yaml: entry 'n-saar-spelling': field 'focus': the presentation forms ﺳﺎﺭ (U+FEB3 ARABIC LETTER SEEN "
        "INITIAL FORM, U+FE8E ARABIC LETTER ALEF FINAL FORM, U+FEAD ARABIC LETTER REH ISOLATED FORM) at character 1, "
        "in 'ﺳﺎﺭ'; type the letters themselves: سار"
    ]


def test_a_strip_back_failure_names_the_word_vocalized_and_original(lesson_copy):
    edit(lesson_copy, "sentences.yaml", "وَنَظِيرُهُ الْكَازَاخِسْتَانِيُّ", "وَنَظِيرُهُ الْقَازَاخِسْتَانِيُّ")
    assert problems_of(lesson_copy) == [
        "sentences.yaml: entry 'p01-s1': field 'ar_vocalized': does not strip back to 'ar' letter for letter: "
        "word 8 reads 'الْقَازَاخِسْتَانِيُّ' (vocalized) but 'الكازاخستاني' (original)"
    ]


# -- paths that are not plain readable files -----------------------------------------------------------

ARTICLE_FIELD = f"lesson.yaml: entry '{LESSON_ID}': field 'article'"


def test_an_article_name_that_is_a_folder(lesson_copy):
    edit(lesson_copy, "lesson.yaml", "article: article.ar.txt", "article: ..")
    assert problems_of(lesson_copy) == [f"{ARTICLE_FIELD}: '..' is a folder, not a file"]


def test_an_article_that_is_missing(lesson_copy):
    edit(lesson_copy, "lesson.yaml", "article: article.ar.txt", "article: missing.txt")
    assert problems_of(lesson_copy) == [f"{ARTICLE_FIELD}: 'missing.txt' is missing"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is a named pipe, not a file"),
        (lambda p: os.symlink("/dev/zero", p), "is a device (it links to /dev/zero), not a file"),
        (lambda p: os.symlink("nowhere.txt", p), "is a link to nowhere.txt, which does not exist"),
        (lambda p: p.write_bytes(b"x" * 5_000_001), "is 5.0 MB; the kit reads files of at most 5 MB"),
    ],
    ids=["folder", "fifo", "device", "broken-link", "too-large"],
)
def test_an_article_that_is_not_a_plain_file(lesson_copy, make, message):
    article = lesson_copy / "article.ar.txt"
    article.unlink()
    make(article)
    assert problems_of(lesson_copy) == [f"{ARTICLE_FIELD}: 'article.ar.txt' {message}"]


def test_a_yaml_file_that_is_a_device(lesson_copy):
    (lesson_copy / "notes.yaml").unlink()
    os.symlink("/dev/zero", lesson_copy / "notes.yaml")
    assert problems_of(lesson_copy) == ["notes.yaml: is a device (it links to /dev/zero), not a file"]


def test_a_file_that_may_not_be_read(lesson_copy, monkeypatch):
    refused = str(lesson_copy / "glossary.yaml")
    real_open = os.open

    def no_read(path, *args, **kwargs):  # permissions do not stop root, who runs CI: refuse like the OS would
        if str(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_read)
    assert problems_of(lesson_copy) == ["glossary.yaml: cannot be read (permission denied)"]


# -- results files from students ----------------------------------------------------------------------

GOOD = json.loads((LESSON_DIR / "sample-class" / f"results-{LESSON_ID}-sample-student-1.json").read_text("utf-8"))


def results_with(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


FORMAT = "does not match the results format"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "is not JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
        (json.dumps([GOOD]), "is not a Khabar results file: it holds a list, not a mapping"),
        ('"hello"', "is not a Khabar results file: it holds text, not a mapping"),
        ('{"format": "something-else"}', 'is not a Khabar results file (it has no "format": "khabar-results/1")'),
        (json.dumps(GOOD).replace('"score": 1.0', '"score": 1' + "0" * 400, 1),
         "cannot be used: a 401-digit number is far too large"),
        (json.dumps(GOOD).replace('"score": 1.0', '"score": 1e308', 1),
         f"{FORMAT}: attempt 1: field 'score': 1e+308 is more than 1000"),
        (json.dumps(GOOD).replace('"score": 1.0', '"score": 1e400', 1),
         "cannot be used: the number 1e400 is too large"),
        (json.dumps(GOOD).replace('"score": 1.0', '"score": NaN', 1), "cannot be used: NaN is not a number"),
        (json.dumps(results_with(lambda d: d.update(student="<b>Amina</b>"))),
         f"{FORMAT}: field 'student': '<b>Amina</b>' is not in the expected form (the name or id the student typed "
         "in the quiz: plain text without < > & or control characters)"),
        (json.dumps(results_with(lambda d: d.update(student=42))),
         f"{FORMAT}: field 'student': must be text, not the number 42"),
        (json.dumps(results_with(lambda d: d["attempts"][2].pop("score"))),
         f"{FORMAT}: attempt 3: 'score' is required"),
        (json.dumps(results_with(lambda d: d["attempts"][2].update(score="1"))),
         f"{FORMAT}: attempt 3: field 'score': must be a number, not text"),
        (json.dumps(results_with(lambda d: d.update(attempts={"q-signing-who": "b"}))),
         f"{FORMAT}: field 'attempts': must be a list, not a mapping"),
        (json.dumps(results_with(lambda d: d["attempts"][0].update(response=[[[[["b"]]]]]))),
         "cannot be used: it is nested too deeply"),
        ('{"format": "khabar-results/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "cannot be used: it is nested too deeply"),
        (json.dumps(results_with(lambda d: d.update(lesson="another-lesson"))),
         f"holds results of 'another-lesson', not of lesson '{LESSON_ID}'"),
    ],
    ids=["not-json", "list", "text", "format", "10**400", "1e308", "1e400", "nan", "markup", "number-name",
         "missing-score", "text-score", "wrong-type", "deep", "deeper", "other-lesson"],
)  # fmt: skip
def test_a_results_file_that_cannot_be_used_is_listed_and_skipped(lesson, tmp_path, text, reason):
    (tmp_path / "results-x.json").write_text(text, encoding="utf-8")
    (tmp_path / "results-good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    results = load_class_results(lesson, tmp_path)
    assert results.skipped == [f"results-x.json: {reason}"]
    assert results.students == ["sample-student-1"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is a named pipe, not a file"),
        (lambda p: os.symlink("/dev/zero", p), "is a device (it links to /dev/zero), not a file"),
        (lambda p: p.write_bytes(json.dumps(GOOD).encode("utf-16")),
         "is not UTF-8 text: it is UTF-16; save it as UTF-8"),
    ],
    ids=["folder", "fifo", "device", "utf-16"],
)  # fmt: skip
def test_a_results_path_that_is_not_a_plain_file_is_skipped(lesson, tmp_path, make, reason):
    make(tmp_path / "results-x.json")
    assert load_class_results(lesson, tmp_path).skipped == [f"results-x.json: {reason}"]


def test_each_answer_is_graded_again_instead_of_trusting_the_file(lesson, tmp_path):
    def cheat(data):
        data["student"] = "cheater"
        for attempt in data["attempts"]:
            if attempt["item"] == "q-signing-who":
                attempt.update(response="a", score=1.0)  # a wrong answer, scored as right in the file

    (tmp_path / "results-cheater.json").write_text(json.dumps(results_with(cheat)), encoding="utf-8")
    results = load_class_results(lesson, tmp_path)
    assert results.skipped == []
    assert results.best_scores()["cheater"]["q-signing-who"] == 0.0
    assert results.common_wrong_answers()["q-signing-who"] == [("a", 1)]


def test_answers_to_questions_the_lesson_does_not_have_are_left_out_and_listed(lesson, tmp_path):
    def old(data):
        data["attempts"].append({**data["attempts"][0], "item": "q-not-in-this-lesson"})

    (tmp_path / "results-old.json").write_text(json.dumps(results_with(old)), encoding="utf-8")
    results = load_class_results(lesson, tmp_path)
    assert results.skipped == [
        "results-old.json: 1 answer to questions this lesson does not have (q-not-in-this-lesson) left out"
    ]
    assert "q-not-in-this-lesson" not in results.best_scores()["sample-student-1"]
