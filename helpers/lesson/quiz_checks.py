"""Content checks on the quiz: ids used once, each item checked by its own type, and no answer given away.

What each type checks (evidence exists, keys valid for the type and supported by
the text, the language of every text) lives in its class in :mod:`helpers.lesson.items`.

What this module adds is the check across items (:func:`paper_leaks`): an exam
shows the whole paper and practice lets a learner page back, so an answer printed
anywhere on the paper gives its item away. An item's *answer* is

* for a cloze or a short answer: every accepted answer, as a run of words;
* for a single or multiple choice: the words and numbers of a right option that no
  wrong option has (for "Tuesday 27 January 2026" among other Tuesdays, the 27);
  a text gives it away when it has one of them and none of a wrong option's own words;
* for true or false: a run of four or more words the statement shares with its
  evidence sentences (the sentence that decides it, quoted elsewhere, answers it);
* for a matching: each pair, given away by one text of the paper (or a prompt or
  statement in its two languages) that has the left side's words and one of the
  right side's meanings (``مُذَكِّرَة`` with "memorandum" in "مَن وقّع المذكرة؟ / Who
  signed the memorandum?"). This looks only at what the paper shows before any item
  is answered, on any item of it: a gloss is a gloss whatever sentence it is about.

The texts a learner can read before answering an item: its own prompt, statement,
hint and word bank; and everything another item on the same paper shows, before or
after it is answered (prompt, statement, options, pairs, steps, bank, hint, every
feedback and the explanation), when that item is about the same sentence of the text
(the two share an evidence sentence): a name or a date printed about another sentence
answers nothing. Arabic is compared with its marks stripped and its
spellings folded (alef forms, hamza seats, ta marbuta, alef maqsura), a proclitic
(و ف ب ل ك and the article) does not hide a word, digits of either script are the
same, a number written in words is its digits, and a month's names (يناير،
كانون الثاني، جانفي، January, "the first month") are one month. The article itself
is not checked: finding the answer in it is what a question asks for. Nor are the words
that a fifth of the bank's items print (the names of the story, "memorandum"): such a
word tells no answer, while a number or a month always may.

Each text is judged against each answer on its own, so a paper of any items of a bank
that passes passes too: checking the bank checks every paper ``count`` can draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.lesson.field_checks import _duplicates
from helpers.lesson.items import item_type
from helpers.lesson.model import Lesson
from helpers.lesson.problems import Problem
from helpers.lesson.quiz import QuizItem
from helpers.text.arabic import normalize_match

__all__ = ["Leak", "paper_leaks"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: Words that say nothing about an answer on their own (compared after folding).
_STOP = frozenset(
    """a an the of in on at to for from by with and or but not no is are was were be been it its his her he she
    they their them this that these those as than then so do does did has have had will would can could which
    who whom what when where why how all any one each other only also more most very about into over after
    before p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 p15 p16 p17 right correct no yes true false
    في من الي علي عن مع ان او ثم قد لا لم لن ما ماذا من هل هو هي هم هذا هذه ذلك تلك التي الذي الذين كل بعد قبل
    بين عند حتي اي ايه كان كانت يكون تكون وقد لقد قال""".split()
)

_NUMBER_WORDS = {
    "واحد": "1", "اثنان": "2", "اثنين": "2", "ثلاثه": "3", "ثلاث": "3", "اربعه": "4", "اربع": "4",
    "خمسه": "5", "خمس": "5", "سته": "6", "ست": "6", "سبعه": "7", "سبع": "7", "ثمانيه": "8", "ثماني": "8",
    "تسعه": "9", "تسع": "9", "عشره": "10", "عشر": "10", "عشرون": "20", "عشرين": "20", "ثلاثون": "30",
    "ثلاثين": "30",
}  # fmt: skip
_TEENS = re.compile(r"\b(واحد|احد|احدي|اثنا|اثني|اثنتا|اثنتي|ثلاثه|ثلاث|اربعه|اربع|خمسه|خمس|سته|ست|سبعه|سبع|"
                    r"ثمانيه|ثماني|تسعه|تسع) (عشر|عشره)\b")  # fmt: skip
_TEEN_VALUE = {"واحد": 11, "احد": 11, "احدي": 11, "اثنا": 12, "اثني": 12, "اثنتا": 12, "اثنتي": 12, "ثلاثه": 13,
               "ثلاث": 13, "اربعه": 14, "اربع": 14, "خمسه": 15, "خمس": 15, "سته": 16, "ست": 16, "سبعه": 17,
               "سبع": 17, "ثمانيه": 18, "ثماني": 18, "تسعه": 19, "تسع": 19}  # fmt: skip
#: Names of the twelve months (folded), Arabic of every region and English, and "the nth month" for the first.
_MONTHS = (
    ("يناير|كانون الثاني|جانفي|january|jan|الشهر الاول|first month", "1"),
    ("فبراير|شباط|فيفري|february|feb", "2"), ("مارس|اذار|march", "3"), ("ابريل|نيسان|افريل|april", "4"),
    ("مايو|ايار|ماي|may", "5"), ("يونيو|حزيران|جوان|june", "6"), ("يوليو|تموز|جويليه|july", "7"),
    ("اغسطس|اب|اوت|august", "8"), ("سبتمبر|ايلول|september|sept", "9"), ("اكتوبر|تشرين الاول|october|oct", "10"),
    ("نوفمبر|تشرين الثاني|نونبر|november|nov", "11"), ("ديسمبر|كانون الاول|دجنبر|december|dec", "12"),
)  # fmt: skip
_MONTH_RE = [(re.compile(rf"(?<!\w)(?:[وفبل]?(?:ال)?)?(?:{names})(?!\w)"), f" month{n} ") for names, n in _MONTHS]
_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)  # "27th" is 27 and th
#: "الفقرة 16", "الفقرتان 6 و7", "p16", "p06-p09", "p16-s2": a paragraph's number is no answer.
_PARAGRAPH = re.compile(
    r"(?<!\w)(?:(?:ال)?فقر(?:ه|تان|تين|ات)\s+\d+(?:\s*(?:و|-|–|،|,)\s*\d+)*"
    r"|p\d{2,3}(?:-s\d+)?(?:\s*[-–]\s*p?\d{2,3}(?:-s\d+)?)?)(?!\w)"
)
_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك]|لل)?(?:ال)?)(?=\w{3})")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670]+")
_MARK = re.compile(r"[\u064B-\u0652\u0670]")


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded for comparing, numbers and months written one way.

    >>> _tokens("يُصادِفُ 27 يناير") == _tokens("يصادف ٢٧ كانون الثاني")
    True
    >>> _tokens("منذ ستة عشر عاما")[1], _tokens("the Israeli minister's")
    ('16', ('the', 'israeli', 'minister', 's'))
    >>> _tokens("الفقرة 16"), _tokens("(p06-p09, p16-s2)")
    ((), ())
    """
    folded = _PARAGRAPH.sub(" ", normalize_match(text).replace("’", "'"))
    folded = _TEENS.sub(lambda m: str(_TEEN_VALUE[m.group(1)]), folded)
    for pattern, token in _MONTH_RE:
        folded = pattern.sub(token, folded)
    return tuple(_NUMBER_WORDS.get(w, w) for w in _WORD.findall(folded))


def _stem(token: str) -> str:
    """A folded word without its proclitics (و ف ب ل ك ال): ولتنفيذها → تنفيذها, بالقلق → قلق."""
    if token.isascii():
        return token
    return _PROCLITIC.sub("", token)


@lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(t) for t in _tokens(text))


def _content(text: str) -> frozenset[str]:
    return frozenset(t for t in _stems(text) if t not in _STOP and (len(t) > 1 or t.isdigit()))


@lru_cache(maxsize=8192)
def _marked(text: str) -> frozenset[str]:
    """The Arabic words of ``text`` that carry vowel marks, marks kept (composed), without a leading و or ف."""
    from helpers.text.arabic import composed

    words = (composed(w) for w in _ARABIC_WORD.findall(text))
    return frozenset(re.sub(r"^[وف]\u064E?(?=\w)", "", w) for w in words if _MARK.search(w))


def _has_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(tuple(haystack[i : i + n]) == tuple(needle) for i in range(len(haystack) - n + 1))


@dataclass(frozen=True)
class Leak:
    """The answer of item ``answered`` printed in field ``field`` of item ``where`` (``within``: its option)."""

    answered: str
    where: str
    field: str
    text: str
    answer: str
    within: tuple[tuple[str, str | int], ...] = ()

    def problem(self, file: str) -> Problem:
        own = self.answered == self.where
        whose = "its own answer" if own else f"the answer to {self.answered}"
        shown = self.text if len(self.text) <= 90 else self.text[:90] + "…"
        return Problem(file, self.where, self.field, f"gives away {whose} ({self.answer}): «{shown}»",
                       within=self.within)  # fmt: skip


def _own_texts(q: QuizItem) -> Iterable[tuple[str, str, tuple[tuple[str, str | int], ...]]]:
    """What an item shows before it is answered, besides its options: (field, text, within)."""
    yield "prompt.ar", q.prompt.ar or "", ()
    yield "prompt.en", q.prompt.en or "", ()
    if q.statement:
        yield "statement.ar", q.statement.ar or "", ()
        yield "statement.en", q.statement.en or "", ()
    yield "hint", q.hint or "", ()
    for n, word in enumerate(q.bank, 1):
        yield "bank", word, (("word", n),)


def _all_texts(q: QuizItem) -> Iterable[tuple[str, str, tuple[tuple[str, str | int], ...]]]:
    """Everything an item shows, before and after it is answered: what another item's learner can read."""
    yield from _own_texts(q)
    for o in q.options:
        yield "text", o.text, (("option", o.id),)
        yield "feedback", o.feedback, (("option", o.id),)
    yield "feedback.if_true", q.if_true or "", ()
    yield "feedback.if_false", q.if_false or "", ()
    for n, (left, right) in enumerate(q.pairs, 1):
        yield "left", left, (("pair", n),)
        yield "right", right, (("pair", n),)
    for sid, text in q.steps:
        yield "text", text, (("step", sid),)
    yield "explanation", q.explanation or "", ()


#: A word that this share of a bank's items print somewhere (a name of the story, "memorandum") tells no answer.
COMMON_SHARE = 0.2


def _dated(word: str) -> bool:
    return word.isdigit() or (word.startswith("month") and word[5:].isdigit())


@lru_cache(maxsize=8)
def _common_words(bank: tuple[QuizItem, ...]) -> frozenset[str]:
    """The words (not numbers or months) that at least :data:`COMMON_SHARE` of the bank's items print."""
    seen: dict[str, int] = {}
    for q in bank:
        words: set[str] = set()
        for _field, text, _within in _all_texts(q):
            words |= _content(text)
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    least = max(3, COMMON_SHARE * len(bank))
    return frozenset(w for w, n in seen.items() if n >= least and not _dated(w))


class _Answer:
    """What gives one item's answer away, and how to tell whether a text does."""

    def __init__(self, q: QuizItem, lesson: Lesson, common: frozenset[str] = frozenset()) -> None:
        self.q = q
        self.runs: list[tuple[str, tuple[str, ...]]] = []  # (shown, words): any text holding the words gives it
        self.choices: list[tuple[str, frozenset[str], frozenset[str]]] = []  # (shown, own words, wrong words)
        self.vowelled: list[tuple[str, frozenset[str], frozenset[str]]] = []  # the same with the marks kept
        kind = item_type(q)
        self.anywhere = kind.typed  # a typed answer printed anywhere on the paper gives it away
        if kind.typed:
            for answer in kind.answers(q):
                # compared without stop words: في وقت لاحق من هذا العام is found in في وقت لاحق من العام
                words = tuple(t for t in _stems(answer) if t not in _STOP) or _stems(answer)
                if words:
                    self.runs.append((answer, words))
        elif q.options:
            keys = set(q.key) if isinstance(q.key, tuple) else {q.key}
            right = [o for o in q.options if o.id in keys]
            wrong = [o for o in q.options if o.id not in keys]
            right_words = frozenset().union(*(_content(o.text) for o in right)) if right else frozenset()
            wrong_words = frozenset().union(*(_content(o.text) for o in wrong)) if wrong else frozenset()
            right_marked = frozenset().union(*(_marked(o.text) for o in right)) if right else frozenset()
            wrong_marked = frozenset().union(*(_marked(o.text) for o in wrong)) if wrong else frozenset()
            for o in right:
                own = _content(o.text) - wrong_words - common
                if own:
                    self.choices.append((o.text, own, wrong_words - right_words))
                vowelled = _marked(o.text) - wrong_marked
                if vowelled:
                    self.vowelled.append((o.text, vowelled, wrong_marked - right_marked))
        elif q.statement and q.statement.ar:
            statement = _stems(q.statement.ar)
            for sid in q.evidence:
                try:
                    sentence = _stems(lesson.sentence(sid).ar)
                except (KeyError, ValueError):
                    continue
                for run in _shared_runs(statement, sentence, 4):
                    self.runs.append((" ".join(run), run))

    def given_away(self, text: _Text, whole: _Text) -> str | None:
        """The answer ``text`` gives away, or None; ``whole`` is everything its item shows.

        A choice is given away by a text that has a right option's own words when the item it belongs to
        shows none of the wrong options' own words (naming every option singles none out).
        """
        for shown, words in self.runs:
            if words[0] in text.words and (_has_run(text.stems, words) or _has_run(text.content, words)):
                return shown
        for shown, own, wrong in self.choices:
            if len(own & text.words) >= (1 if len(own) <= 2 else 2) and not wrong & whole.words:
                return shown
        for shown, own, wrong in self.vowelled:
            if own & text.marked and not wrong & whole.marked:
                return shown
        return None


@dataclass(frozen=True)
class _Text:
    """One text of an item as the check compares it: its folded words, in order and as a set, and its vowelled ones."""

    field: str
    text: str
    within: tuple[tuple[str, str | int], ...]
    stems: tuple[str, ...]
    content: tuple[str, ...]
    words: frozenset[str]
    marked: frozenset[str]

    @classmethod
    def of(cls, field: str, text: str, within: tuple[tuple[str, str | int], ...] = ()) -> _Text:
        stems = _stems(text)
        return cls(field, text, within, stems, tuple(t for t in stems if t not in _STOP), frozenset(stems),
                   _marked(text))  # fmt: skip


def _shown(texts: Iterable[tuple[str, str, tuple[tuple[str, str | int], ...]]]) -> tuple[list[_Text], _Text]:
    """The texts (those not empty) and all of them together."""
    out = [_Text.of(f, t, w) for f, t, w in texts if t]
    return out, _Text.of("", "\n".join(t.text for t in out))


def _shared_runs(a: Sequence[str], b: Sequence[str], least: int) -> list[tuple[str, ...]]:
    """The longest runs of at least ``least`` words that ``a`` and ``b`` share (one per place in ``a``)."""
    runs: list[tuple[str, ...]] = []
    i = 0
    while i < len(a):
        best = 0
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
        run = tuple(a[i : i + best])
        if best >= least and sum(w not in _STOP for w in run) >= 3:
            runs.append(run)
            i += best
        else:
            i += 1
    return runs


_LATIN = re.compile(r"[A-Za-z]+")


def _english(text: str) -> frozenset[str]:
    """The English words of ``text``, lower case, without stop words.

    >>> sorted(_english("for his part, in turn"))
    ['part', 'turn']
    """
    return frozenset(w.lower() for w in _LATIN.findall(text)) - _STOP


def _glosses(q: QuizItem) -> list[tuple[str, frozenset[str], tuple[frozenset[str], ...]]]:
    """A matching item's pairs as (shown, left words, the right side's meanings: "desire, wish" is two)."""
    out = []
    for left, right in q.pairs:
        parts = re.split(r"[,;]", re.sub(r"\([^)]*\)", "", right))  # "to express (support, concern)": express
        meanings = tuple(m for m in (_english(part) for part in parts) if m)
        words = _content(left)
        if words and meanings:
            out.append((f"{left} = {right}", words, meanings))
    return out


def _before_answering(q: QuizItem, own: bool) -> Iterable[tuple[str, str, tuple[tuple[str, str | int], ...]]]:
    """The texts of ``q`` that a paper shows before it is answered, a prompt or statement with its translation."""
    texts = {f: t for f, t, within in _own_texts(q) if not within and t}
    for name in ("prompt", "statement"):
        both = " / ".join(t for t in (texts.get(f"{name}.ar"), texts.get(f"{name}.en")) if t)
        if both:
            yield name, both, ()
    if texts.get("hint"):
        yield "hint", texts["hint"], ()
    if own:
        return
    for o in q.options:
        yield "text", o.text, (("option", o.id),)
    for n, (left, right) in enumerate(q.pairs, 1):
        yield "pair", f"{left} / {right}", (("pair", n),)
    for sid, text in q.steps:
        yield "text", text, (("step", sid),)


def _gloss_leaks(items: Sequence[QuizItem]) -> list[Leak]:
    """Every pair of a matching on the paper that a text of the paper glosses (see the module's description)."""
    leaks: list[Leak] = []
    for m in items:
        glosses = _glosses(m)
        if not glosses:
            continue
        for other in items:
            for field, text, within in _before_answering(other, own=other is m):
                stems = frozenset(_stems(text))
                english = _english(text)
                english |= {w[:-1] for w in english if len(w) > 3 and w.endswith("s")}  # "visas" glosses visa
                for shown, words, meanings in glosses:
                    if words <= stems and any(meaning <= english for meaning in meanings):
                        leaks.append(Leak(m.id, other.id, field, text, shown, within))
    return leaks


def paper_leaks(items: Sequence[QuizItem], lesson: Lesson) -> list[Leak]:
    """Every answer on a paper of ``items`` that the paper itself prints (see the module's description).

    >>> from helpers import load_lesson
    >>> lesson = load_lesson()
    >>> paper_leaks(lesson.quiz, lesson)
    []
    """
    common = _common_words(tuple(lesson.quiz))
    answers = [_Answer(q, lesson, common) for q in items]
    own = {id(q): _shown(t for t in _own_texts(q) if not (q.statement and t[0].startswith("statement"))) for q in items}
    everything = {id(q): _shown(_all_texts(q)) for q in items}
    leaks: list[Leak] = []
    for a in answers:
        if not (a.runs or a.choices or a.vowelled):
            continue
        for other in items:
            if other is not a.q and not a.anywhere and not set(other.evidence) & set(a.q.evidence):
                continue
            texts, whole = own[id(other)] if other is a.q else everything[id(other)]
            for text in texts:
                shown = a.given_away(text, whole)
                if shown is not None:
                    leaks.append(Leak(a.q.id, other.id, text.field, text.text, shown, text.within))
    return leaks + _gloss_leaks(items)


def _check_quiz(lesson: Lesson, file: str) -> list[Problem]:
    """Quiz items: every content check of every item's type, then answers the quiz itself gives away."""
    problems: list[Problem] = _duplicates(file, [q.id for q in lesson.quiz], "quiz id")
    typed_ok = []
    for q in lesson.quiz:
        try:
            kind = item_type(q)
        except ValueError as exc:
            problems.append(Problem(file, q.id, "type", str(exc)))
            continue
        problems.extend(kind.check(q, lesson, file))
        typed_ok.append(q)
    problems.extend(leak.problem(file) for leak in paper_leaks(typed_ok, lesson))
    return problems
