"""The lesson layer: what a lesson is (immutable dataclasses), how its files are read and checked.

Imports only :mod:`helpers.text`.
"""
