"""Khabar: study Modern Standard Arabic through one real news article.

Data flows one way: ``materials/`` (YAML) → :func:`load_lesson` (schema and
content checks) → immutable dataclasses → text functions and views.

>>> import helpers
>>> lesson = helpers.load_lesson()
>>> lesson.sentence("p01-s1").en.split(" signed")[0]
"Israeli Foreign Minister Gideon Sa'ar and his Kazakh counterpart Yermek Kosherbayev"

Importing the package is cheap: the widget views (ipywidgets) load only when
first used, through the names listed in ``_LAZY``.
"""

from __future__ import annotations

from importlib import import_module

from helpers.lesson.loader import DEFAULT_LESSON, list_lessons, load_lesson, materials_root
from helpers.lesson.model import Bilingual, GlossaryEntry, Lesson, LessonInfo, Note, Paragraph, Sentence, TimelineEvent
from helpers.lesson.problems import LessonError, Problem
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import (
    Span,
    Token,
    contains_arabic,
    contains_latin,
    normalize_display,
    normalize_match,
    split_sentences,
    strip_tashkeel,
    tokenize,
)

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LESSON",
    "SCHEME_NAME",
    "TIMELINE_ZOOM",
    "Bilingual",
    "GlossaryEntry",
    "GlossaryIndex",
    "Lesson",
    "LessonError",
    "LessonInfo",
    "Note",
    "Paragraph",
    "Problem",
    "QuizItem",
    "Sentence",
    "Span",
    "TimelineEvent",
    "Token",
    "answer_key_html",
    "article_html",
    "author",
    "chart_image",
    "class_charts",
    "class_charts_html",
    "class_results_html",
    "contains_arabic",
    "contains_latin",
    "entry_card",
    "export_anki",
    "export_buttons",
    "export_csv",
    "export_results",
    "filter_events",
    "flashcards",
    "frequency_chart",
    "glossary_browser",
    "grade_item",
    "grade_text",
    "known_words",
    "learner_box",
    "learner_progress",
    "lesson_overview",
    "lesson_picker",
    "list_lessons",
    "load_class_results",
    "load_lesson",
    "materials_root",
    "normalize_display",
    "normalize_match",
    "notes_table",
    "open_progress",
    "output_dir",
    "platform_export",
    "quiz",
    "quiz_item",
    "reading_view",
    "relative_dates_exercise",
    "resolve_date",
    "results_export",
    "root_families_html",
    "sample_class",
    "sentence_html",
    "split_sentences",
    "story_window",
    "strip_tashkeel",
    "student_variant",
    "timeline_chart",
    "timeline_explorer",
    "timeline_image",
    "tokenize",
    "transliterate",
    "transliterate_segments",
    "use_arabic_font",
    "word_families",
    "worksheet_html",
]

#: Public names served by submodules that import heavy libraries.
_LAZY = {
    "transliterate": "helpers.text.translit",
    "transliterate_segments": "helpers.text.translit",
    "SCHEME_NAME": "helpers.text.translit",
    "reading_view": "helpers.widgets.reading",
    "glossary_browser": "helpers.widgets.vocab",
    "flashcards": "helpers.widgets.vocab",
    "known_words": "helpers.widgets.vocab",
    "learner_box": "helpers.widgets.learner",
    "learner_progress": "helpers.widgets.learner",
    "entry_card": "helpers.views.vocab",
    "root_families_html": "helpers.views.lesson",
    "output_dir": "helpers.lesson.paths",
    "open_progress": "helpers.study.progress",
    "export_anki": "helpers.views.export",
    "export_csv": "helpers.views.export",
    "export_buttons": "helpers.widgets.vocab",
    "frequency_chart": "helpers.views.charts",
    "chart_image": "helpers.views.charts",
    "use_arabic_font": "helpers.views.charts",
    "GlossaryIndex": "helpers.study.vocab",
    "word_families": "helpers.study.words",
    "grade_text": "helpers.text.matching",
    "grade_item": "helpers.study.scoring",
    "student_variant": "helpers.study.scoring",
    "export_results": "helpers.study.scoring",
    "platform_export": "helpers.widgets.teacher",
    "quiz": "helpers.widgets.quiz",
    "quiz_item": "helpers.widgets.quiz",
    "results_export": "helpers.widgets.quiz",
    "answer_key_html": "helpers.views.quiz",
    "worksheet_html": "helpers.views.quiz",
    "load_class_results": "helpers.study.classroom",
    "sample_class": "helpers.study.classroom",
    "class_results_html": "helpers.views.classroom",
    "class_charts": "helpers.views.classroom",
    "class_charts_html": "helpers.views.classroom",
    "timeline_chart": "helpers.views.timeline",
    "filter_events": "helpers.study.timeline",
    "TIMELINE_ZOOM": "helpers.study.timeline",
    "story_window": "helpers.study.timeline",
    "timeline_explorer": "helpers.widgets.timeline",
    "timeline_image": "helpers.views.timeline",
    "relative_dates_exercise": "helpers.widgets.timeline",
    "resolve_date": "helpers.study.dates",
    "article_html": "helpers.views.lesson",
    "sentence_html": "helpers.views.lesson",
    "lesson_overview": "helpers.views.lesson",
    "notes_table": "helpers.views.lesson",
    "lesson_picker": "helpers.widgets.lessons",
    "author": "helpers.widgets.author",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, the lazy ones included, so that tab completion offers them all."""
    return sorted({*__all__, *_LAZY, "__version__"})
