"""The study layer: what a learner does with a lesson, as plain functions and data.

Quiz variants and results, spaced repetition, the progress store, glossary search, dates, timeline logic,
class results. Imports :mod:`helpers.lesson` and :mod:`helpers.text`; nothing here draws or builds a widget.
"""
