"""Shared fixtures: the kit's lesson, and a scratch copy of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
