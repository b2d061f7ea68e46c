"""Shared fixtures: the kit's lesson, and a scratch copy of it to break."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests (and the notebook kernels nbval starts) keep their parse cache apart from the user's ...
os.environ.setdefault("KHABAR_CACHE_DIR", tempfile.mkdtemp(prefix="khabar-test-cache-"))
# ... and their progress: a learner's own flashcard history never leaks into test outputs.
os.environ["KHABAR_DATA_DIR"] = tempfile.mkdtemp(prefix="khabar-test-data-")
# ... and what notebooks write (worksheets, exports) lands in a scratch folder, not in notebooks/.
os.environ["KHABAR_OUTPUT_DIR"] = tempfile.mkdtemp(prefix="khabar-test-output-")
# ... and they open the kit's own lessons only, whatever lesson the shell chose: the saved outputs are the built-in's.
os.environ.pop("KHABAR_LESSON", None)
os.environ.pop("KHABAR_MATERIALS", None)

from hypothesis import settings

import helpers

# Property tests: a fixed, larger search in CI (so a run is reproducible), random locally.
settings.register_profile("ci", derandomize=True, max_examples=400, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")

ROOT = Path(__file__).resolve().parent.parent
LESSON_ID = "kazakhstan-visa-2026"
LESSON_DIR = ROOT / "materials" / LESSON_ID


@pytest.fixture(scope="session")
def lesson() -> helpers.Lesson:
    return helpers.load_lesson(LESSON_ID)


@pytest.fixture
def lesson_copy(tmp_path: Path) -> Path:
    """A copy of the lesson folder, named like the original, safe to edit."""
    target = tmp_path / LESSON_ID
    shutil.copytree(LESSON_DIR, target)
    return target


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: whatever it guards went unchecked."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI", "").lower() in ("1", "true", "yes") and skipped and session.exitstatus == 0:
        if reporter:
            reporter.write_line(f"CI: {skipped} skipped test(s) count as failures", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def right_answer(item: helpers.QuizItem) -> object:
    """A full-marks answer to a quiz item, worked out here from its key (not by its type's own code)."""
    if item.type in ("single", "true-false"):
        return item.key
    if item.type == "multiple":
        return list(item.key)
    if item.type in ("cloze", "short-answer"):
        return item.key[0]
    if item.type == "matching":
        return dict(item.pairs)
    return [i for i, _ in item.steps]


def visible_text(html: str) -> str:
    """The text a reader sees in kit HTML: tags removed, hidden gloss cards and styles skipped."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.hidden_depth = 0
            self.stack: list[bool] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("br", "hr", "img", "input"):
                return
            classes = (dict(attrs).get("class") or "").split()
            hide = tag == "style" or "khabar-pop" in classes or "khabar-wcard" in classes
            self.stack.append(hide)
            self.hidden_depth += hide

        def handle_endtag(self, tag: str) -> None:
            if self.stack:
                self.hidden_depth -= self.stack.pop()

        def handle_data(self, data: str) -> None:
            if not self.hidden_depth:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)
