"""The widgets layer: every ipywidgets view, built from a lesson and driven by the layers below."""
