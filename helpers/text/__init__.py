"""The text layer: Arabic characters, normalising, tokenizing, sentence splitting, transliteration, answer matching.

The bottom layer: it knows nothing of lessons and imports no other part of the kit.
"""
