"""One learner identity: each learner's own progress on a shared server, nothing asked on one's own machine."""

from __future__ import annotations

import json

import pytest

import helpers
from helpers.study.learners import (
    DEFAULT,
    Learner,
    LearnerProgress,
    current_learner,
    folder_name,
    identity,
    progress_path,
    shared_server,
)
from helpers.study.progress import FILE_NAME, ProgressWarning


@pytest.fixture
def lesson():
    return helpers.load_lesson()


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("KHABAR_DATA_DIR", str(tmp_path))
    return tmp_path


def test_two_learners_on_one_shared_server_keep_their_own_progress(lesson, data):
    learner = Learner(required=True)
    progress = LearnerProgress(learner)
    assert learner.missing
    learner.set_name("Amina")
    entry = lesson.glossary[0].id
    progress.set_known(lesson.id, entry)
    progress.record_attempt(lesson.id, "Amina", "q-x", "a", 1.0, 1)
    learner.set_name("Ali Hassan")
    assert progress.known(lesson.id) == set() and progress.attempts(lesson.id) == []
    learner.set_name("amina")  # the same learner, however the name's case is typed
    assert progress.known(lesson.id) == {entry} and len(progress.attempts(lesson.id)) == 1
    folders = sorted(p.parent.name for p in (data / "learners").glob(f"*/{FILE_NAME}"))
    assert len(folders) == 2 and folders[0].startswith(("ali_hassan-", "amina-"))
    assert not (data / FILE_NAME).exists()  # nobody's progress went to the default file


def test_widgets_hear_when_the_learner_changes_and_not_of_another_learners_writes(lesson, data):
    learner = Learner("Amina")
    progress = LearnerProgress(learner)
    heard = []
    progress.observe(heard.append)
    amina = progress.store
    learner.set_name("Ali")
    assert [(c.kind, c.student) for c in heard] == [("learner", "Ali")]
    amina.set_known(lesson.id, lesson.glossary[0].id)  # Amina's store written behind the scenes
    assert len(heard) == 1
    progress.set_known(lesson.id, lesson.glossary[1].id)
    assert [c.kind for c in heard] == ["learner", "known"]


def test_on_ones_own_machine_no_name_is_asked_and_progress_is_where_it_was(data):
    learner = Learner()
    assert not learner.required and not learner.missing and learner.name == DEFAULT
    assert progress_path(DEFAULT) == data / FILE_NAME
    assert LearnerProgress(learner).path == data / FILE_NAME


def test_where_the_kit_runs_says_who_the_learner_is():
    assert identity({"JUPYTERHUB_USER": "amina"}) == "amina"
    assert identity({"QUERY_STRING": "learner=%D8%B9%D9%84%D9%8A"}) == "علي"
    assert identity({"QUERY_STRING": "learner=%3Cscript%3E"}) == DEFAULT  # not a name: ignored
    assert shared_server({"SERVER_SOFTWARE": "voila/0.5.8"})
    assert not shared_server({"SERVER_SOFTWARE": "voila/0.5.8", "JUPYTERHUB_USER": "amina"})
    assert not shared_server({})


def test_a_name_that_is_not_plain_text_is_refused_with_a_sentence():
    learner = Learner()
    for bad, says in (("", "type your name"), ("x" * 101, "101 characters"), ("a\x00b", "plain text")):
        with pytest.raises(ValueError, match=says):
            learner.set_name(bad)
    assert learner.name == DEFAULT
    assert folder_name("Amina") != folder_name("Amina S") and "/" not in folder_name("../../etc")


def test_a_learners_folder_that_cannot_be_made_keeps_progress_for_the_session(lesson, data):
    (data / "learners").write_text("not a folder")
    learner = Learner("Amina", required=True)
    with pytest.warns(ProgressWarning, match="kept for this session only"):
        progress = LearnerProgress(learner)
    progress.set_known(lesson.id, lesson.glossary[0].id)
    assert progress.known(lesson.id) == {lesson.glossary[0].id}
    assert progress.warning  # says progress is kept in memory only


def test_the_kernels_learner_is_one_object():
    assert current_learner() is current_learner()


def test_the_name_box_sets_the_learner_every_widget_follows(lesson, data):
    from helpers.widgets.learner import LearnerBox, learner_progress
    from helpers.widgets.reading import ReadingView

    learner = Learner(required=True)
    box = LearnerBox(learner)
    progress = learner_progress(learner)
    view = ReadingView(lesson, progress=progress)
    assert "Type your name" in box.note.value
    box.name.value = "Amina"
    assert learner.name == "Amina" and "«Amina»" in box.note.value
    view.level.value = "none"  # Amina reads without marks
    box.name.value = "Ali"
    assert view.level.value != "none"  # Ali has his own level
    box.name.value = "amina"
    assert view.level.value == "none"
    box.name.value = "<b>"
    assert "plain text" in box.status.value and learner.name == "amina"


def test_on_a_shared_server_nothing_is_kept_before_a_name_is_given(lesson, data):
    from helpers.widgets.learner import LearnerBox, learner_progress
    from helpers.widgets.reading import ReadingView

    learner = Learner(required=True)
    box = LearnerBox(learner)
    view = ReadingView(lesson, progress=learner_progress(learner))
    view.words.value = 0
    view.known_button.value = True
    assert view.known_button.value is False and "Type your name" in view.status.value
    box.name.value = "Amina"
    view.known_button.value = True
    assert view.index.key(lesson.sentences[0].words[0]) in learner_progress(learner).known(lesson.id)


def test_the_quiz_and_the_results_export_follow_the_name_box(lesson, data, tmp_path):
    from helpers.widgets.learner import LearnerBox, learner_progress
    from helpers.widgets.quiz import Quiz, ResultsExport

    from .conftest import right_answer

    learner = Learner(required=True)
    box = LearnerBox(learner)
    progress = learner_progress(learner)
    quiz = Quiz(lesson, mode="practice", progress=progress)
    export = ResultsExport(lesson, progress, folder=str(tmp_path))
    assert quiz.student_box.layout.display == "none" and export.name.layout.display == "none"
    view = quiz.view(0)
    view.set_response(right_answer(view.item))
    view.check_button.click()  # no name yet: asked for one, nothing kept
    assert "type your name in the box at the top first" in view.feedback.value.lower()
    assert progress.attempts(lesson.id) == []
    box.name.value = "Amina"
    view = quiz.view(0)
    view.set_response(right_answer(view.item))
    view.check_button.click()
    assert quiz.student == "Amina" and [a["student"] for a in progress.attempts(lesson.id)] == ["Amina"]
    box.name.value = "Ali"
    assert quiz.student == "Ali" and quiz.best == {}
    box.name.value = "Amina"
    assert view.item.id in quiz.best  # Amina's answer comes back with her name
    export.button.click()
    assert export.written and all("Amina" in name for name in export.written)
    assert export.result.value.count('class="khabar-download"') == 2  # the files, downloadable from the page


def test_flashcards_and_known_words_follow_the_name_box(lesson, data):
    from helpers.widgets.learner import LearnerBox, learner_progress
    from helpers.widgets.vocab import Flashcards, KnownWords

    learner = Learner()
    box = LearnerBox(learner)
    progress = learner_progress(learner)
    cards = Flashcards(lesson, progress)
    known = KnownWords(lesson, progress)
    box.name.value = "Amina"
    cards.show_button.click()
    cards.grade_buttons[2].click()  # Good
    entry = lesson.glossary[0].id
    progress.set_known(lesson.id, entry)
    amina_summary = known.summary.value
    box.name.value = "Ali"  # Ali has reviewed nothing and knows nothing yet
    assert progress.reviews(lesson.id) == [] and progress.known(lesson.id) == set()
    assert cards.current is not None and "Cards started: 0 of" in cards.status.value
    assert known.summary.value != amina_summary
    box.name.value = "amina"
    assert len(progress.reviews(lesson.id)) == 1 and entry in progress.known(lesson.id)
    assert known.summary.value == amina_summary and "Cards started: 1 of" in cards.status.value


def test_on_jupyterhub_the_hubs_user_keeps_progress_in_their_own_default_file(lesson, data, monkeypatch):
    import helpers.study.learners as learners

    monkeypatch.setenv("JUPYTERHUB_USER", "amina")
    monkeypatch.setattr(learners, "_CURRENT", None)
    learner = current_learner()
    assert (learner.name, learner.required) == ("amina", False)
    progress = LearnerProgress(learner)
    progress.set_known(lesson.id, lesson.glossary[0].id)
    assert progress.path == data / FILE_NAME  # where helpers.open_progress() finds it too


def test_on_ones_own_computer_answers_given_before_a_name_are_in_that_learners_results(lesson, data, tmp_path):
    from helpers.widgets.learner import LearnerBox, learner_progress
    from helpers.widgets.quiz import Quiz, ResultsExport

    from .conftest import right_answer

    learner = Learner()  # JupyterLab on the learner's own machine: nothing asked
    box = LearnerBox(learner)
    progress = learner_progress(learner)
    quiz = Quiz(lesson, mode="practice", progress=progress)
    view = quiz.view(0)
    view.set_response(right_answer(view.item))
    view.check_button.click()  # answered before any name
    box.name.value = "Amina"  # then named, to send the results
    assert progress.path == data / FILE_NAME  # still this computer's own file
    assert [a["student"] for a in progress.attempts(lesson.id)] == ["Amina"]
    export = ResultsExport(lesson, progress, folder=str(tmp_path))
    export.button.click()
    results = json.loads((tmp_path / export.written[0]).read_text(encoding="utf-8"))
    assert results["student"] == "Amina" and [a["item"] for a in results["attempts"]] == [view.item.id]
