"""Content checks of the word layer (``words.yaml``): what its schema cannot say.

- every sentence has one entry, and every word and number of the sentence exactly one record, in order;
- a record's ``text`` is the word as printed and its ``vocalized`` the word as in the sentence's vocalization;
- segments join back to the word letter for letter, and their vocalized forms to the vocalized word; one stem,
  proclitics before it, the pronoun after it;
- the ``ending`` is a mark the stem's last vocalized letter carries;
- a lemma carries vowel marks, a verb its present tense; a word without a root says why;
- the glossary entry a word links to exists and, for a single-word entry, agrees with it on lemma, root and part
  of speech.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from helpers.lesson.model import GlossaryEntry, Sentence, Word
from helpers.lesson.problems import Problem
from helpers.text.arabic import composed, strip_tashkeel, tokenize
from helpers.text.chars import STRIPPABLE_MARKS

__all__ = ["check_words", "sentence_tokens", "stem_ending_cluster"]

_MARKS = set(STRIPPABLE_MARKS)
_BEFORE = {"conjunction", "preposition", "particle", "future", "article"}


def sentence_tokens(text: str) -> list[str]:
    """The words and numbers of a text, in order: what ``words.yaml`` has one record for each of.

    >>> sentence_tokens("قال سار: “نعم”، في 2026.")
    ['قال', 'سار', 'نعم', 'في', '2026']
    """
    return [t.text for t in tokenize(text) if t.kind != "punct"]


def stem_ending_cluster(vocalized_stem: str) -> tuple[int, str]:
    """Where the last vocalized letter of a stem is (index of its first mark) and the marks it carries.

    >>> stem_ending_cluster("مُسَلِّطًا")
    (8, 'ً')
    >>> stem_ending_cluster("إِسْرَائِيلِيُّ")[1] == "\u064f\u0651"
    True
    """
    i = len(vocalized_stem)
    while i > 0:
        j = i
        while j > 0 and vocalized_stem[j - 1] in _MARKS:
            j -= 1
        if j < i:
            return j, vocalized_stem[j:i]
        i = j - 1
    return len(vocalized_stem), ""


def check_words(
    sentences: Iterable[Sentence],
    by_sentence: Mapping[str, tuple[Word, ...]],
    glossary: Iterable[GlossaryEntry],
    file: str,
    order: Iterable[str] = (),
    glossary_whole: bool = True,
) -> list[Problem]:
    """Problems with the word records of ``sentences`` (``by_sentence``: sentence id -> its records).

    ``glossary_whole``: false when some glossary entries were set aside for their own problems; a link to a
    missing entry is then not reported again.
    """
    problems: list[Problem] = []
    entries = {e.id: e for e in glossary}
    sentences = tuple(sentences)
    known = {s.id for s in sentences}
    for sid in by_sentence:
        if sid not in known:
            problems.append(Problem(file, sid, None, "no sentence has this id in sentences.yaml"))
    listed = [sid for sid in order if sid in known]
    wanted = [s.id for s in sentences if s.id in by_sentence]
    if listed and listed != wanted:
        problems.append(Problem(file, None, "sentences", "the sentences are not in reading order"))
    for sentence in sentences:
        words = by_sentence.get(sentence.id)
        if words is None:
            problems.append(Problem(file, sentence.id, None, "this sentence has no word records"))
            continue
        problems.extend(_sentence(sentence, words, entries, file, glossary_whole))
    return problems


def _sentence(
    sentence: Sentence, words: tuple[Word, ...], entries: Mapping[str, GlossaryEntry], file: str, whole: bool
) -> list[Problem]:
    problems = []
    printed = sentence_tokens(sentence.ar)
    voiced = sentence_tokens(sentence.ar_vocalized)
    if strip_tashkeel(sentence.ar_vocalized) != strip_tashkeel(sentence.ar):
        voiced = []  # sentences.yaml's own check names the letter that differs; nothing to compare with here
    for i, expected in enumerate(printed):
        if i >= len(words):
            missing = " ".join(printed[i:])
            problems.append(Problem(file, sentence.id, "words", f"no record for the last {len(printed) - i} "
                                    f"word(s): {missing}"))  # fmt: skip
            break
        word = words[i]
        where = f"word {i + 1} ({expected})"
        if word.text != expected:
            problems.append(Problem(file, sentence.id, f"{where} text", f"is {word.text!r}; the sentence has "
                                    f"{expected!r} here (one record per word, in order)"))  # fmt: skip
            break  # everything after is out of step
        if i < len(voiced) and composed(word.vocalized) != composed(voiced[i]):
            problems.append(Problem(file, sentence.id, f"{where} vocalized",
                                    f"is {word.vocalized!r}; the sentence is vocalized {voiced[i]!r}"))  # fmt: skip
        problems.extend(_word(word, where, sentence.id, entries, file, whole))
    else:
        if len(words) > len(printed):
            extra = " ".join(w.text for w in words[len(printed) :])
            problems.append(Problem(file, sentence.id, "words", f"records for words the sentence does not have: "
                                    f"{extra}"))  # fmt: skip
    return problems


def _word(
    word: Word, where: str, sid: str, entries: Mapping[str, GlossaryEntry], file: str, whole: bool = True
) -> list[Problem]:
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(file, sid, f"{where} {field}", message))

    joined = "".join(s.text for s in word.segments)
    if joined != word.text:
        problem("segments", f"join to {joined!r}, not to the word {word.text!r}")
    voiced = "".join(s.vocalized for s in word.segments)
    if voiced != word.vocalized:
        problem("segments", f"vocalized, join to {voiced!r}, not to {word.vocalized!r}")
    for s in word.segments:
        if strip_tashkeel(s.vocalized) != strip_tashkeel(s.text):
            problem("segments", f"{s.vocalized!r} is not {s.text!r} with marks")
    kinds = [s.kind for s in word.segments]
    if kinds.count("stem") != 1:
        problem("segments", f"need exactly one stem (found {kinds.count('stem')})")
    else:
        at = kinds.index("stem")
        if any(k not in _BEFORE for k in kinds[:at]) or any(k != "pronoun" for k in kinds[at + 1 :]):
            problem("segments", "proclitics come before the stem and only a pronoun after it")
        if word.ending:
            _, marks = stem_ending_cluster(word.segments[at].vocalized)
            if not set(word.ending) <= set(marks):
                problem("ending", f"{word.ending!r} is not on the stem's last vocalized letter (which has "
                        f"{marks!r})")  # fmt: skip
    if word.pos != "numeral" and not word.draft and not any(ch in _MARKS for ch in word.lemma):
        problem("lemma", f"{word.lemma!r} has no vowel marks: give the vocalized dictionary form")
    if word.pos == "verb" and not word.present and not word.draft:
        problem("present", "a verb's lemma needs its present tense (3ms)")
    if not word.root and not word.root_note:
        problem("root", "give the root, or say in root_note why there is none")
    if word.root and word.root_note:
        problem("root_note", "a word with a root needs no root_note")
    if word.entry is not None:
        entry = entries.get(word.entry)
        if entry is None:
            if whole:
                problem("entry", f"no glossary entry {word.entry!r}")
        elif entry.pos != "phrase" and " " not in entry.headword:  # a single-word entry
            same_letters = strip_tashkeel(entry.headword) == strip_tashkeel(word.lemma)
            if same_letters and composed(entry.headword) != composed(word.lemma):
                problem("lemma", f"{word.lemma!r} but its glossary entry has {entry.headword!r}")
            elif strip_tashkeel(entry.headword) != strip_tashkeel(word.lemma):
                problem("lemma", f"{word.lemma!r} but its glossary entry {entry.id} is {entry.headword!r}")
            if (entry.root or None) != (word.root or None):
                problem("root", f"{word.root!r} but its glossary entry has {entry.root!r}")
            if entry.pos != word.pos:
                problem("pos", f"{word.pos!r} but its glossary entry has {entry.pos!r}")
    return problems
