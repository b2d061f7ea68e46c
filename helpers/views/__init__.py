"""The views layer: everything a user sees that is not a widget.

HTML (escaped by type with MarkupSafe), charts (matplotlib), printable pages, files for other programs
(Anki, CSV). Imports the layers below; never ipywidgets.
"""
