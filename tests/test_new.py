"""`khabar new`: a whole draft lesson from an Arabic article, offline, that every check accepts."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers.authoring.lesson import NewLessonError, new_lesson
from helpers.lesson.loader import load_lesson
from helpers.views.html import DRAFT_MARK
from helpers.views.lesson import article_html, sentence_html
from helpers.views.timeline import event_html
from helpers.views.vocab import entry_card

ARTICLE = Path(__file__).parent / "data" / "new-article.ar.txt"
DATE = dt.date(2026, 3, 15)  # a Sunday: the article's يوم الأحد


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The test article built once, with every socket refused: the builder must need no network."""
    root = tmp_path_factory.mktemp("new")
    real = socket.socket.connect

    def refuse(*args, **kwargs):
        raise OSError("network blocked in this test")

    socket.socket.connect = refuse
    try:
        report = new_lesson(ARTICLE.read_bytes(), "difaf-book-fair", root, date=DATE, title_en="A book fair opens")
    finally:
        socket.socket.connect = real
    return report, load_lesson(report.folder)


def test_the_draft_is_a_lesson_every_check_accepts(built):
    report, lesson = built
    assert lesson.id == "difaf-book-fair" and lesson.info.date == DATE
    assert len(lesson.paragraphs) == 3 and len(lesson.sentences) == report.sentences == 6
    assert (report.folder / "article.ar.txt").read_bytes() == ARTICLE.read_bytes()  # verbatim
    assert "Given by the teacher" in lesson.info.date_inferred
    assert set(report.seconds) >= {"vocalizing", "analysing words"}  # it says where the time went


def test_every_machine_record_is_a_draft_saying_what_to_check(built):
    _, lesson = built
    counts = lesson.draft_counts()
    assert all(left == total for left, total in counts.values()) and set(counts) == {
        "sentences.yaml", "words.yaml", "glossary.yaml", "quiz.yaml", "timeline.yaml"}  # fmt: skip
    assert all(s.review and "translation missing" in s.review for s in lesson.sentences)
    assert all(not s.en for s in lesson.sentences)  # no translation is faked
    assert all(s.en_hint for s in lesson.sentences)  # a word-by-word hint instead
    flagged = [s for s in lesson.sentences if s.second_opinion]
    assert flagged and all("disagree" in s.review[0] for s in flagged)


def test_quotation_stays_with_its_reporting_verb(built):
    _, lesson = built
    quoted = [s for s in lesson.sentences if "“" in s.ar]
    assert len(quoted) == 1 and quoted[0].ar.startswith("وقال مدير المعرض") and "”" in quoted[0].ar


def test_dating_expressions_become_timeline_stubs_resolved_against_the_date(built):
    _, lesson = built
    by_expression = {e.expression: e for e in lesson.timeline}
    assert by_expression["يوم الأحد"].start == DATE
    # a weekday alone after a verb of what is coming (يلتقي القراء يوم الثلاثاء): the next one, not the last
    assert by_expression["يوم الثلاثاء"].start == dt.date(2026, 3, 17)
    assert by_expression["السبت المقبل"].start == dt.date(2026, 3, 21)
    assert by_expression["الشهر المقبل"].date_text == "2026-04"
    assert by_expression["العام الماضي"].date_text == "2025" and by_expression["العام المقبل"].date_text == "2027"
    assert all(e.source == "the article" and e.verify and e.draft for e in lesson.timeline)


def test_next_and_last_weekdays_and_next_month_resolve():
    from helpers.study.dates import resolve

    assert resolve("السبت المقبل", DATE).start == dt.date(2026, 3, 21)
    assert resolve("الأحد المقبل", DATE).start == dt.date(2026, 3, 22)  # not the article's own Sunday
    assert resolve("الأحد الماضي", DATE).start == dt.date(2026, 3, 8)
    assert resolve("الشهر المقبل", dt.date(2026, 12, 5)).label == "January 2027"


def test_glossary_candidates_and_quiz_drafts(built):
    _, lesson = built
    headwords = {e.headword for e in lesson.glossary}
    assert "مَعْرِض" in headwords or any(h.startswith("مَعْرِض") for h in headwords)
    assert all(e.draft and e.review for e in lesson.glossary)
    types = {q.type for q in lesson.quiz}
    assert {"cloze", "matching", "single"} <= types
    when = next(q for q in lesson.quiz if q.skill == "time")
    assert len(when.options) == 4 and when.key in {o.id for o in when.options}


def test_learners_see_drafts_marked(built):
    _, lesson = built
    s = lesson.sentences[0]
    html = sentence_html(s, translation=True, lesson=lesson, level="full")
    assert DRAFT_MARK in html and "No translation yet" in html and "a machine hint, not a translation" in html
    assert "This lesson is a draft" in article_html(lesson, glosses=True, level="none")
    assert DRAFT_MARK in entry_card(lesson, lesson.glossary[0]) and DRAFT_MARK in event_html(lesson, lesson.timeline[0])
    view = helpers.quiz(lesson)
    views = view.views  # every question of the paper
    assert views and all(DRAFT_MARK in v.prompt.value for v in views)


def test_a_missing_date_is_never_guessed(tmp_path):
    with pytest.raises(NewLessonError, match="--date"):
        new_lesson(ARTICLE.read_bytes(), "x-lesson", tmp_path)


def test_an_existing_folder_is_not_replaced_without_force(built, tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(NewLessonError, match="exists already"):
        new_lesson(ARTICLE.read_bytes(), "taken", tmp_path, date=DATE)
    with pytest.raises(NewLessonError, match="not a lesson id"):
        new_lesson(ARTICLE.read_bytes(), "Bad Id", tmp_path, date=DATE)
    with pytest.raises(NewLessonError, match="no Arabic"):
        new_lesson(b"just English\n", "english", tmp_path, date=DATE)


def khabar(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "helpers.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_the_command_and_validate_strict(built, tmp_path):
    report, _ = built
    result = khabar("validate", str(report.folder), "--strict")
    assert result.returncode == 1 and "NOT READY (--strict)" in result.stderr
    assert "drafts still to check — sentences.yaml 6 of 6" in result.stdout
    assert khabar("validate", "--strict").returncode == 0  # the kit's own lesson is all checked
    bad = khabar("new", str(ARTICLE), "--id", "difaf", "--out", str(tmp_path), "--date", "15/03/2026")
    assert bad.returncode == 2 and "is not a date" in bad.stderr and "Traceback" not in bad.stderr
    missing = khabar("new", str(tmp_path / "nothing.txt"), "--id", "difaf", "--out", str(tmp_path))
    assert missing.returncode == 3 and "Traceback" not in missing.stderr


def test_a_place_the_lexicon_misreads_is_drafted_as_a_name():
    """أستانا is not "they founded us" and مصر is not an adjective: the builder knows the places of the news."""
    from helpers.authoring.words import draft_words

    records = draft_words("وصل الوزير إلى أستانا ثم زار مصر وقطر", "وَصَلَ الوَزِيرُ إِلَى أَسْتَانَا ثُمَّ زَارَ مِصْرَ وَقَطَرَ")
    by_text = {r["text"]: r for r in records}
    astana, egypt, qatar = by_text["أستانا"], by_text["مصر"], by_text["وقطر"]
    assert (astana["pos"], astana["lemma"], astana["root"], astana["gloss"]) == (
        "proper-noun",
        "أَسْتَانَا",
        None,
        "Astana",
    )
    assert (egypt["pos"], egypt["lemma"], egypt["gloss"]) == ("proper-noun", "مِصْر", "Egypt")
    assert [s["kind"] for s in qatar["segments"]] == ["conjunction", "stem"] and qatar["lemma"] == "قَطَر"
    assert all(r["status"] == "draft" and any("place" in why for why in r["review"]) for r in (astana, egypt, qatar))


def test_glossary_candidates_put_collocations_first_and_rank_words_for_a_b1_b2_reader(built):
    """كتب الأطفال twice in the text is a phrase candidate; دار نشر is a known news collocation even once; words a
    B1 reader already knows (قال, عام, يوم) come after the words of the reader's band, and say why."""
    _, lesson = built
    entries = list(lesson.glossary)
    phrases = {e.headword: e for e in entries if e.pos == "phrase"}
    books = phrases["كِتَاب الْأَطْفَال"]
    assert set(books.forms) == {"وكتب الأطفال", "بكتب الأطفال"} and "collocation" in books.tags
    assert "word by word" in books.gloss and any("word by word" in why for why in books.review)
    assert phrases["دَار نَشْر"].gloss == "publishing house"
    order = [e.headword for e in entries]
    assert max(order.index(h) for h in phrases) < min(order.index(e.headword) for e in entries if e.pos != "phrase")
    common = [e for e in entries if any(why.startswith("very common") for why in e.review)]
    assert {"قَالَ", "عَام"} <= {e.headword for e in common}
    in_band = [e for e in entries if e.pos != "phrase" and not any("Zipf" in why for why in e.review)]
    assert "مَعْرِض" in {e.headword for e in in_band}
    assert max(order.index(e.headword) for e in in_band) < min(order.index(e.headword) for e in common)
