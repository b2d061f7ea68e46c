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

from .arabic import (
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
from .loader import DEFAULT_LESSON, list_lessons, load_lesson, materials_root
from .model import Bilingual, GlossaryEntry, Lesson, LessonInfo, Note, Paragraph, QuizItem, Sentence, TimelineEvent
from .problems import LessonError, Problem

TYPE_CHECKING = False  # typing is not imported at run time: importing helpers stays cheap
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LESSON",
    "SCHEME_NAME",
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
    "lesson_overview",
    "list_lessons",
    "load_class_results",
    "load_lesson",
    "materials_root",
    "normalize_display",
    "normalize_match",
    "notes_table",
    "open_progress",
    "quiz",
    "quiz_item",
    "reading_view",
    "relative_dates_exercise",
    "resolve_date",
    "results_export",
    "root_families_html",
    "sentence_html",
    "split_sentences",
    "strip_tashkeel",
    "student_variant",
    "timeline_chart",
    "timeline_explorer",
    "timeline_image",
    "tokenize",
    "transliterate",
    "use_arabic_font",
    "worksheet_html",
]

#: Public names served by submodules that import heavy libraries.
_LAZY = {
    "transliterate": "helpers.translit",
    "SCHEME_NAME": "helpers.translit",
    "reading_view": "helpers.reading",
    "glossary_browser": "helpers.vocab_widgets",
    "flashcards": "helpers.vocab_widgets",
    "known_words": "helpers.vocab_widgets",
    "entry_card": "helpers.vocab_widgets",
    "root_families_html": "helpers.render",
    "open_progress": "helpers.progress",
    "export_anki": "helpers.export",
    "export_csv": "helpers.export",
    "export_buttons": "helpers.vocab_widgets",
    "frequency_chart": "helpers.charts",
    "chart_image": "helpers.charts",
    "use_arabic_font": "helpers.charts",
    "GlossaryIndex": "helpers.vocab",
    "grade_text": "helpers.grading",
    "grade_item": "helpers.scoring",
    "student_variant": "helpers.scoring",
    "export_results": "helpers.scoring",
    "quiz": "helpers.quiz_widgets",
    "quiz_item": "helpers.quiz_widgets",
    "results_export": "helpers.quiz_widgets",
    "answer_key_html": "helpers.teacher",
    "worksheet_html": "helpers.teacher",
    "load_class_results": "helpers.teacher",
    "class_results_html": "helpers.teacher",
    "class_charts": "helpers.teacher",
    "class_charts_html": "helpers.teacher",
    "timeline_chart": "helpers.timeline",
    "filter_events": "helpers.timeline",
    "TIMELINE_ZOOM": "helpers.timeline",
    "timeline_explorer": "helpers.timeline_widgets",
    "timeline_image": "helpers.timeline_widgets",
    "relative_dates_exercise": "helpers.timeline_widgets",
    "resolve_date": "helpers.dates",
    "article_html": "helpers.render",
    "sentence_html": "helpers.render",
    "lesson_overview": "helpers.render",
    "notes_table": "helpers.render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
