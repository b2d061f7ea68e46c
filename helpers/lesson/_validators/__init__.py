"""Validators generated from materials/schema/ by `khabar schemas --write`."""
