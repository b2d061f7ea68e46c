"""Checking a draft lesson: drafts by risk, a fix written back into the YAML with its comments, validated."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers.authoring.lesson import new_lesson
from helpers.authoring.review import DraftReview
from helpers.lesson.loader import load_lesson
from helpers.widgets.author import author

ARTICLE = Path(__file__).parent / "data" / "new-article.ar.txt"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = tmp_path_factory.mktemp("author")
    return new_lesson(ARTICLE.read_bytes(), "difaf", root, date=dt.date(2026, 3, 15)).folder


@pytest.fixture
def folder(drafted, tmp_path):
    target = tmp_path / "difaf"
    shutil.copytree(drafted, target)
    return target


def test_drafts_come_riskiest_first(folder):
    drafts = DraftReview(folder).drafts()
    assert len(drafts) == sum(left for left, _ in load_lesson(folder).draft_counts().values())
    assert drafts[0].file == "sentences.yaml" and "disagree" in drafts[0].reasons[0]
    assert "second vocalizer (libtashkeel)" in drafts[0].evidence  # both readings, side by side
    risks = [d.risk for d in drafts]
    assert risks == sorted(risks)


def test_a_fix_is_written_back_keeping_order_and_comments(folder):
    path = folder / "sentences.yaml"
    text = path.read_text(encoding="utf-8").replace("  - id: p01-s1\n", "  # checked in class\n  - id: p01-s1\n")
    path.write_text(text, encoding="utf-8")
    review = DraftReview(folder)
    first = review.drafts()[0]
    assert first.path[-1] == 0 and first.label.startswith("p01-s1")
    problems = review.accept(first, {"en": "Amman - The Difaf Cultural Association opened its book fair on Sunday."})
    assert problems == []
    text = path.read_text(encoding="utf-8")
    assert "# checked in class" in text  # the comment is kept
    assert text.index("p01-s1") < text.index("p01-s2") < text.index("p02-s1")  # and the order
    lesson = load_lesson(folder)
    s = lesson.sentence("p01-s1")
    assert not s.draft and s.en.startswith("Amman") and s.second_opinion is None and not s.review
    assert review.progress()["sentences.yaml"] == (1, 6)
    assert review.progress_text().startswith("sentences 1/6 checked")


def test_a_fix_the_checks_refuse_is_not_kept(folder):
    review = DraftReview(folder)
    first = review.drafts()[0]
    before = (folder / "sentences.yaml").read_bytes()
    problems = review.accept(first, {"ar_vocalized": "كلام آخر"})
    assert problems and any("does not strip back" in p for p in problems)
    assert (folder / "sentences.yaml").read_bytes() == before  # the file is as it was
    assert review.drafts()[0].label == first.label  # and the draft is still there to check
    assert review.accept(first, {"status": "checked"}) == ["status cannot be changed here: edit sentences.yaml itself"]


def test_the_authoring_view_saves_and_says_so(folder):
    view = author(folder)
    assert repr(view).startswith(f"AuthorView: {len(view.review.drafts())} drafts to check")
    assert "second vocalizer" in view.evidence.value and "ar_vocalized" in view.fields
    view.fields["en"].value = "Amman - A book fair opened on Sunday."
    view.accept_button.click()
    assert "Saved and checked" in view.status.value and "sentences 1/6 checked" in view.progress.value
    view.fields["ar_vocalized"].value = "خطأ"
    view.accept_button.click()
    assert "Not saved" in view.status.value and "does not strip back" in view.status.value


def test_a_file_that_is_not_yaml_is_a_message_not_a_traceback(folder):
    from helpers.lesson.problems import LessonError

    (folder / "glossary.yaml").write_text("entries:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(LessonError) as info:
        DraftReview(folder)
    assert "glossary.yaml" in str(info.value) and "is not valid YAML" in str(info.value)
    assert info.value._render_traceback_()  # a notebook shows the sentence, not a traceback
