"""The spellings of an answer that the kit's grader accepts, written out for platforms that compare letters exactly.

Moodle, Canvas and Anki compare a typed answer letter for letter; the kit forgives vowel marks (except at
``marks`` strictness, where the answer is the vocalized spelling alone), and at ``normal`` strictness hamza seats on
alef, ta marbuta written as ha, alef maqsura written as ya and Arabic-Indic digits
(:data:`helpers.text.arabic.SPELLING_FOLDS`). A quiz exported to such a platform lists those spellings as accepted
answers, so a learner there is marked as the kit would mark them. (The kit's levels are
:data:`helpers.text.matching.STRICTNESS`.)
"""

from __future__ import annotations

from itertools import combinations

from helpers.text.arabic import SPELLING_FOLDS, normalize_display, strip_tashkeel

__all__ = ["MAX_SPELLINGS", "accepted_spellings"]

#: At most this many spellings per accepted answer (the rest would be rare combinations of variants).
MAX_SPELLINGS = 24

_FOLD = {chr(k): v for _, table in SPELLING_FOLDS for k, v in table.items()}


def accepted_spellings(answer: str, strictness: str = "normal") -> list[str]:
    """The answer as the kit's grader accepts it: the spelling given, without vowel marks, and at ``normal`` or
    ``lenient`` each letter also in its folded spelling (أ/إ/آ as ا, ة as ه, ى as ي, ٣ as 3), most common first.
    At ``marks`` the vowel marks are part of the answer: the vocalized spelling is the one accepted.

    >>> accepted_spellings("إسرائيل", "strict")
    ['إسرائيل']
    >>> accepted_spellings("أُلْغِيَتِ", "marks")
    ['أُلْغِيَتِ']
    >>> accepted_spellings("مُذَكِّرَة")
    ['مُذَكِّرَة', 'مذكرة', 'مذكره']
    >>> accepted_spellings("إلى")
    ['إلى', 'الى', 'إلي', 'الي']
    """
    shown = normalize_display(answer)
    if strictness == "marks":
        return [shown]
    bare = strip_tashkeel(shown)
    out = [shown] if shown != bare else []
    if strictness == "strict":
        return [*out, bare]
    foldable = [i for i, ch in enumerate(bare) if ch in _FOLD]
    # Fewest changes first: the spelling as given, then one letter folded, then two, ... (never enumerating more
    # combinations than are kept, whatever the answer's length).
    for changes in range(len(foldable) + 1):
        for positions in combinations(foldable, changes):
            letters = list(bare)
            for i in positions:
                letters[i] = _FOLD[letters[i]]
            form = "".join(letters)
            if form not in out:
                out.append(form)
            if len(out) >= MAX_SPELLINGS:
                return out
    return out
