"""Shared fixtures: the kit's lesson, and a scratch copy of it to break."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests (and the notebook kernels nbval starts) keep their parse cache apart from the user's.
os.environ.setdefault("KHABAR_CACHE_DIR", tempfile.mkdtemp(prefix="khabar-test-cache-"))

import helpers

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
