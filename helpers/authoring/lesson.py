"""Draft a whole lesson from an Arabic article: what ``khabar new`` writes.

:func:`new_lesson` turns a text file into a lesson folder that ``khabar validate`` accepts and every notebook can
open, every machine-made record marked ``status: draft`` with what a teacher should look at (``review``):

- ``lesson.yaml``: metadata; the date as given, or found in the text (a written date), and said so;
- ``article.ar.txt``: the article verbatim (only line endings and a byte-order mark normalised, and said so);
- ``sentences.yaml``: paragraphs split into sentences by the quote-aware splitter; each vocalized by
  text2tashkeel's ``rawi-ensemble`` model, with libtashkeel (dengjen-tashkeel-py) as a second opinion: the words
  where they disagree are flagged, and the second reading kept; the translation left empty with a word-by-word
  hint from the lexicon (no offline Arabic→English translator exists: none is faked);
- ``words.yaml``: every word drafted by :func:`helpers.authoring.words.draft_words`;
- ``glossary.yaml``: candidates: the text's news collocations, then its content words by lemma, ranked for a
  B1-B2 reader by how common each word is (wordfreq) and how often the text uses it;
- ``quiz.yaml``: what can be made honestly from the text: a cloze on a glossary word in its own sentence, a
  vocabulary matching, and the dating expressions the kit can resolve;
- ``timeline.yaml``: one stub per dating expression, resolved against the article date, ``source: the article``.

Nothing opens a network connection. The report says where the time went.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from helpers.authoring import analysers
from helpers.authoring.words import NO_GLOSS, draft_words, words_yaml
from helpers.lesson.items.cloze import Cloze
from helpers.lesson.items.matching import Matching
from helpers.lesson.items.single import Single
from helpers.lesson.paths import write_atomically
from helpers.study.dates import MONTHS, WEEKDAYS, UnknownExpression, resolve
from helpers.text.arabic import composed, split_sentences, strip_tashkeel, tokenize, whole_word_spans
from helpers.text.folding import folded_text
from helpers.text.translit import transliterate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["BuildReport", "NewLessonError", "new_lesson", "second_opinion"]

#: Parts of speech a glossary candidate may have.
CONTENT_POS = ("noun", "verb", "adjective", "verbal-noun", "participle", "adverb")
#: How many glossary candidates a new lesson gets, at most (a teacher keeps or removes each).
CANDIDATES = 200
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class NewLessonError(ValueError):
    """The lesson cannot be made as asked; the message says why and what to do."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


@dataclass
class BuildReport:
    """What :func:`new_lesson` made: the folder, counts, the drafts to check, and the time of each stage."""

    folder: Path
    sentences: int = 0
    words: int = 0
    flagged_words: int = 0
    candidates: int = 0
    quiz_items: int = 0
    events: int = 0
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        stages = ", ".join(f"{name} {sec:.1f} s" for name, sec in self.seconds.items())
        lines = [
            f"{self.folder}: a draft lesson — {self.sentences} sentences, {self.words} words "
            f"({self.flagged_words} where the two vocalizers disagree), {self.candidates} glossary candidates, "
            f"{self.quiz_items} quiz drafts, {self.events} timeline stubs.",
            *self.notes,
            f"Time: {stages}.",
            "Every record is a draft (status: draft) until a teacher checks it; learners see drafts marked "
            "as not yet checked. `khabar validate` counts them.",
        ]
        return "\n".join(lines)


@dataclass
class _Timer:
    seconds: dict[str, float]

    def run(self, name: str, step: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        try:
            return step()
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


# -- the text -------------------------------------------------------------------------------------------------


def _normalised(raw: bytes) -> tuple[str, list[str]]:
    said = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        said.append("a byte-order mark was removed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NewLessonError("the article is not UTF-8 text: save it as UTF-8 and try again") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        said.append("Windows or old Mac line endings were made plain newlines")
    if not text.endswith("\n"):
        text += "\n"
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        raise NewLessonError("the article has no Arabic letters")
    return text, said


_WRITTEN_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})")


def _find_date(text: str) -> tuple[dt.date, str] | None:
    """A calendar date written in the text (e.g. 27 يناير 2026), checked against a weekday written beside it."""
    found = _WRITTEN_DATE.search(text)
    if not found:
        return None
    day, month, year = int(found.group(1)), MONTHS[found.group(2)], int(found.group(3))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    before = text[max(0, found.start() - 20) : found.start()]
    weekday = next((w for w in WEEKDAYS if w in before), None)
    if weekday is not None and WEEKDAYS[weekday] != date.weekday():
        return None  # the text contradicts itself: leave the date to the teacher
    return date, f"Inferred from the date written in the text, «{found.group(0)}»" + (
        f", which the weekday {weekday} beside it confirms." if weekday else "."
    )


def second_opinion(text: str) -> str | None:
    """The sentence as libtashkeel (dengjen-tashkeel-py) vocalizes it, or ``None`` if it is not installed."""
    try:
        import dengjen_tashkeel_py
    except ImportError:
        return None
    return dengjen_tashkeel_py.tashkeel(text)


def _words_of(text: str) -> list:
    return [t for t in tokenize(text) if t.kind != "punct"]


def _conflict(one: str, other: str) -> bool:
    """True when two vocalizations of a word give some letter different marks (a letter one leaves bare is not
    a disagreement: libtashkeel often leaves the last letter unmarked)."""
    from helpers.authoring.words import clusters

    for a, b in zip(clusters(composed(one)), clusters(composed(other)), strict=False):
        if len(a) > 1 and len(b) > 1 and sorted(a[1:]) != sorted(b[1:]):
            return True
    return False


_VOWELS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0652")


def _with_printed_marks(printed: str, vocalized: str) -> str:
    """The vocalized word keeping every mark the article prints (a shadda, a tanween a model left out)."""
    from helpers.authoring.words import clusters

    ours, theirs = clusters(printed), clusters(vocalized)
    if len(ours) != len(theirs):
        return vocalized
    out = []
    for p, v in zip(ours, theirs, strict=True):
        kept, model = p[1:], v[1:]
        if kept:
            vowel_given = any(ch in _VOWELS for ch in kept)
            model = "".join(ch for ch in model if ch not in kept and not (vowel_given and ch in _VOWELS))
        out.append(v[0] + kept + model)
    return composed("".join(out))


def _vocalize(sentence: str) -> tuple[str, str | None, list[str]]:
    """The sentence vocalized (only marks added, never a letter changed), the second reading, and the words where
    the two disagree (each as "first / second")."""
    first = analysers.vocalize(sentence)
    second = second_opinion(sentence)
    plain = _words_of(sentence)
    firsts = _words_of(first)
    seconds = _words_of(second) if second else []
    out, last, differ = [], 0, []
    for i, word in enumerate(plain):
        out.append(sentence[last : word.start])
        mine = firsts[i].text if i < len(firsts) else word.text
        other = seconds[i].text if i < len(seconds) else None
        if strip_tashkeel(mine) != strip_tashkeel(word.text):  # the model changed a letter (a hamza it added)
            mine = other if other and strip_tashkeel(other) == strip_tashkeel(word.text) else word.text
        mine = _with_printed_marks(word.text, mine)
        if other is not None and strip_tashkeel(other) == strip_tashkeel(word.text) and _conflict(mine, other):
            differ.append(f"{mine} / {other}")
        out.append(mine)
        last = word.end
    out.append(sentence[last:])
    return "".join(out), second, differ


# -- glossary candidates, quiz, timeline -----------------------------------------------------------------------


def _slug(headword: str, taken: set[str]) -> str:
    ascii_form = unicodedata.normalize("NFKD", transliterate(headword)).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_form.lower()).strip("-") or "word"
    slug, n = f"g-{base}", 2
    while slug in taken:
        slug, n = f"g-{base}-{n}", n + 1
    taken.add(slug)
    return slug


#: The Zipf band (wordfreq) of the words a B1-B2 reader of the news is learning: rarer words are specialist,
#: commoner ones (قال, عام, وزير) are known by then. Candidates in the band come first.
B1_B2_BAND = (3.5, 5.3)

#: News collocations a reader meets everywhere, by the bare lemmas of their two words (the second without its
#: article): drafted as a phrase candidate even when the text has them once. Checked by hand.
NEWS_COLLOCATIONS: dict[tuple[str, str], str] = {
    ("وزير", "خارجية"): "foreign minister", ("وزارة", "خارجية"): "foreign ministry",
    ("رئيس", "وزير"): "prime minister", ("مجلس", "وزير"): "cabinet, council of ministers",
    ("مجلس", "أمن"): "Security Council", ("مؤتمر", "صحفي"): "press conference",
    ("بيان", "مشترك"): "joint statement", ("علاقة", "ثنائي"): "bilateral relations",
    ("علاقة", "دبلوماسي"): "diplomatic relations", ("تعاون", "اقتصادي"): "economic cooperation",
    ("شرق", "أوسط"): "the Middle East", ("اتحاد", "أوروبي"): "the European Union",
    ("جواز", "سفر"): "passport", ("مذكرة", "تفاهم"): "memorandum of understanding",
    ("رئيس", "جمهورية"): "president (of the republic)", ("سياسة", "خارجي"): "foreign policy",
    ("وكالة", "نبأ"): "news agency", ("وسيلة", "إعلام"): "the media", ("رجل", "عمل"): "businessman",
    ("أمين", "عام"): "secretary-general", ("نائب", "رئيس"): "deputy head, vice-president",
    ("إطلاق", "نار"): "firing, gunfire (وقف إطلاق النار: ceasefire)", ("حق", "إنسان"): "human rights",
    ("دار", "نشر"): "publishing house", ("زيارة", "رسمي"): "official visit",
    ("عام", "ماضي"): "last year", ("عام", "مقبل"): "next year", ("شهر", "مقبل"): "next month",
    ("شهر", "ماضي"): "last month", ("أسبوع", "مقبل"): "next week", ("أسبوع", "ماضي"): "last week",
}  # fmt: skip

_HEADS = ("noun", "verbal-noun", "participle")
_MODIFIERS = ("noun", "verbal-noun", "participle", "adjective")


def _letters(lemma: str) -> str:
    """A lemma's letters with the alef forms folded and a final ة dropped, for comparing lemmas across analysers
    (خارجية is cited خارجي by one, خارجية by another)."""
    return re.sub("[أإآٱ]", "ا", strip_tashkeel(lemma)).removesuffix("ة")


_COLLOCATIONS = {(_letters(a), _letters(b)): gloss for (a, b), gloss in NEWS_COLLOCATIONS.items()}


def _band(word: str) -> tuple[int, float]:
    """Where a word stands for a B1-B2 reader: 0 in the band, 1 rarer, 2 very common, 3 unknown to the list."""
    zipf = analysers.zipf(strip_tashkeel(word))
    low, high = B1_B2_BAND
    return (0 if low <= zipf < high else 1 if 2.5 <= zipf < low else 2 if zipf >= high else 3), zipf


def _kinds(word: dict[str, Any]) -> list[str]:
    return [seg["kind"] for seg in word.get("segments", ())]


def _citation_of(word: dict[str, Any], article: bool) -> str:
    """The word as the sentence vocalizes it, with its article if ``article``, without other clitics or its
    case ending."""
    from helpers.authoring.words import _citation

    segments = word.get("segments", ())
    lead = "".join(seg["vocalized"] for seg in segments if seg["kind"] == "article") if article else ""
    stem = next((seg["vocalized"] for seg in segments if seg["kind"] == "stem"), word["vocalized"])
    return composed(lead + _citation(stem))


def _pairs(sentences: list[dict[str, Any]], words: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], Any]:
    """Two-word phrases of the text: a noun followed by a definite noun (إضافة: كتب الأطفال, وزير الخارجية) or by
    an adjective that agrees in definiteness (مؤتمر صحفي, الحياة اليومية), by their two lemmas."""
    found: dict[tuple[str, str], Any] = {}
    for s in sentences:
        row = words[s["id"]]
        for first, second in pairwise(row):
            if first["pos"] not in _HEADS or second["pos"] not in _MODIFIERS or not first.get("root"):
                continue
            one, two = _kinds(first), _kinds(second)
            if "pronoun" in one or any(k not in ("article", "stem") for k in two):
                continue  # وزيرها cannot head an إضافة; وبين starts a new phrase
            definite = "article" in two
            key = (_letters(first["lemma"]), _letters(second["lemma"]))
            if "article" in one and not (definite and second["pos"] == "adjective"):
                continue
            if "article" not in one and not definite and second["pos"] != "adjective" and key not in _COLLOCATIONS:
                continue  # two indefinite nouns (دار نشر) only when a known collocation: else often two phrases
            entry = found.setdefault(key, {"first": first, "second": second, "forms": [], "sentences": [],
                                           "count": 0, "article": "article" in one})  # fmt: skip
            entry["count"] += 1
            printed = f"{strip_tashkeel(first['text'])} {strip_tashkeel(second['text'])}"
            if printed not in entry["forms"]:
                entry["forms"].append(printed)
            if s["id"] not in entry["sentences"]:
                entry["sentences"].append(s["id"])
    return found


def _candidates(sentences: list[dict[str, Any]], words: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Glossary candidates, ranked for a B1-B2 reader: the news collocations of the text (a two-word phrase it
    uses twice or more, or one of :data:`NEWS_COLLOCATIONS`), then its content words by lemma — first those in
    the reader's frequency band (:data:`B1_B2_BAND`), then rarer, then very common ones; within a band the words
    the text uses most, then the commoner."""
    by_lemma: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    for s in sentences:
        for w in words[s["id"]]:
            if w["pos"] not in CONTENT_POS or not w.get("root") or len(strip_tashkeel(w["lemma"])) < 3:
                continue
            lemma = composed(w["lemma"])
            counts[lemma] += 1
            entry = by_lemma.setdefault(lemma, {"word": w, "forms": [], "sentences": []})
            if w["text"] not in entry["forms"]:
                entry["forms"].append(w["text"])
            if s["id"] not in entry["sentences"]:
                entry["sentences"].append(s["id"])
    bands = {lemma: _band(lemma) for lemma in by_lemma}
    ranked = sorted(by_lemma, key=lambda lemma: (bands[lemma][0], -counts[lemma], -bands[lemma][1], lemma))
    order = [s["id"] for s in sentences]
    # Every sentence where a form occurs as whole words, as the glossary's own check finds them.
    folded = {s["id"]: folded_text(s["ar"]) for s in sentences}

    def where(forms: list[str]) -> list[str]:
        return [sid for sid in order if any(whole_word_spans(folded[sid], folded_text(f)) for f in forms)]

    taken: set[str] = set()
    entries = []
    phrases = [(key, found) for key, found in _pairs(sentences, words).items()
               if found["count"] >= 2 or key in _COLLOCATIONS]  # fmt: skip
    phrases.sort(
        key=lambda item: (item[0] not in _COLLOCATIONS, -item[1]["count"], order.index(item[1]["sentences"][0]))
    )
    for key, found in phrases:
        first, second = found["first"], found["second"]
        # an indefinite head is cited by its lemma (جَوَاز السَّفَر for جوازات السفر), a definite one as printed
        head = _citation_of(first, True) if found["article"] else composed(first["lemma"])
        headword = f"{head} {_citation_of(second, True)}"
        review = ["a collocation candidate: keep it or remove it; check headword, gloss and root"]
        gloss = _COLLOCATIONS.get(key)
        if gloss is None:
            parts = [w["gloss"] for w in (first, second) if w["gloss"] and w["gloss"] != NO_GLOSS]
            gloss = f"{' + '.join(parts)} (word by word)" if len(parts) == 2 else NO_GLOSS
            review.append("write the phrase's meaning: the gloss is word by word")
        entries.append({
            "id": _slug(headword, taken), "forms": found["forms"], "headword": headword, "pos": "phrase",
            "gloss": gloss, "sentences": where(found["forms"]) or found["sentences"], "root": first["root"],
            "tags": ["collocation"], "status": "draft", "review": review,
        })  # fmt: skip
    for lemma in ranked[: max(0, CANDIDATES - len(entries))]:
        found = by_lemma[lemma]
        w = found["word"]
        review = ["a candidate: keep it or remove it; check headword, gloss and root"]
        band, zipf = bands[lemma]
        if band == 2:
            review.append(f"very common (Zipf {zipf:.1f}): a B1 reader probably knows it")
        elif band in (1, 3):
            review.append(f"rare in general use (Zipf {zipf:.1f}): keep it if this text needs it")
        gloss = w["gloss"]
        if not gloss or gloss == NO_GLOSS:
            gloss, review = NO_GLOSS, [*review, "no lexicon gloss"]
        entry: dict[str, Any] = {
            "id": _slug(lemma, taken),
            "forms": found["forms"],
            "headword": lemma,
            "pos": w["pos"],
            "gloss": gloss,
            "sentences": where(found["forms"]) or found["sentences"],
            "root": w["root"],
        }
        form = (w.get("features") or {}).get("verb_form")
        if form and w["pos"] in ("verb", "verbal-noun", "participle"):
            entry["verb_form"] = form
        if w["pos"] == "verb":
            review.append("present tense to add")
        entry.update(status="draft", review=review)
        entries.append(entry)
    return entries


def _coming(records: list[dict[str, Any]], index: int) -> bool:
    """Whether the verb nearest before word ``index`` speaks of what is coming (imperfect, or with سـ/سوف)."""
    for record in reversed(records[:index]):
        if record.get("pos") == "verb":
            future = any(seg.get("kind") == "future" for seg in record.get("segments", ()))
            return future or (record.get("features") or {}).get("aspect") == "imperfect"
    return False


def _expressions(
    sentences: list[dict[str, Any]], date: dt.date, words: dict[str, list[dict[str, Any]]] | None = None
) -> list[tuple[str, str, Any]]:
    """Every dating expression the kit can resolve, as printed, with its sentence: ``(sentence id, text, span)``.

    A weekday alone means the most recent such day in a report of what happened; after a verb of what is coming
    (يلتقي القراء يوم الثلاثاء) it means the next one, and the draft says so.
    """
    found = []
    for s in sentences:
        tokens = _words_of(s["ar"])
        records = (words or {}).get(s["id"], [])
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(6, len(tokens) - i), 0, -1):
                start, end = tokens[i].start, tokens[i + n - 1].end
                text = s["ar"][start:end]
                for candidate in (text, text[1:] if text[:1] in "وف" else None):
                    if not candidate:
                        continue
                    try:
                        hit = (candidate, resolve(candidate, date))
                    except UnknownExpression:
                        continue
                    break
                if hit:
                    i += n
                    break
            if hit:
                text, resolved = hit
                if resolved.reasoning.startswith("A weekday alone") and _coming(records, i - n):
                    day = text.removeprefix("يوم ").strip()
                    forward = resolve(day + " المقبل", date) if resolved.start != date else resolved
                    resolved = dataclasses.replace(
                        forward, expression=text,
                        reasoning="A weekday alone, after a verb of what is coming: the next such day. "
                        f"(Were it past, it would be {resolved.label}.)",
                    )  # fmt: skip
                if resolved.precision != "day" or text not in ("اليوم",):  # "today" in a quotation dates nothing
                    found.append((s["id"], text, resolved))
            else:
                i += 1
    return found


def _like(forms: list[str], key: str) -> str | None:
    """The form that fits the gap as the key does: with the article if the key has it, never with a conjunction."""
    article = key.startswith("ال")
    for form in forms:
        if not form.startswith(("و", "ف")) and form.startswith("ال") == article:
            return form
    return None


def _quiz(entries: list[dict[str, Any]], sentences: dict[str, dict[str, Any]], times: list) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    draft = {"status": "draft"}
    worth = [e for e in entries if e["pos"] in ("verb", "noun", "verbal-noun", "adjective", "participle")
             and len(strip_tashkeel(e["headword"])) >= 4 and "ال" + strip_tashkeel(e["headword"]) not in WEEKDAYS
             and strip_tashkeel(e["headword"]) not in WEEKDAYS and e["gloss"] != NO_GLOSS]  # fmt: skip
    for entry in worth[:5]:
        sid = entry["sentences"][0]
        form = next((f for f in entry["forms"] if f in sentences[sid]["ar"].split()), None)
        if form is None:
            continue
        others = [_like(e["forms"], form) for e in worth if e is not entry and e["pos"] == entry["pos"]]
        keys = {strip_tashkeel(k) for item in items for k in item.get("key", ()) if isinstance(k, str)}
        others = [o for o in others if o and o not in sentences[sid]["ar"].split() and o not in keys][:3]
        items.append({
            "id": f"q-cloze-{entry['id'][2:]}", "type": Cloze.name, "skill": "vocabulary", "difficulty": 1, "points": 1,
            "prompt": {"ar": "أكملِ الجملةَ بالكلمة الصحيحة.", "en": "Complete the sentence with the right word."},
            "sentence": sid, "gap": form, "key": [form], **({"bank": others} if len(others) == 3 else {}),
            "explanation": f"{sid}: {form} — {entry['gloss']}.", "evidence": [sid],
            **draft, "review": ["a cloze on a glossary candidate: is the gap worth asking? add a word bank"],
        })  # fmt: skip
    glossed = [e for e in entries if e["gloss"] != NO_GLOSS][:6]
    if len(glossed) >= 3:
        items.append({
            "id": "q-match-vocabulary", "type": Matching.name, "skill": "vocabulary", "difficulty": 1,
            "points": len(glossed),
            "prompt": {"ar": "صِلْ كلَّ كلمةٍ بمعناها.", "en": "Match each word with its meaning."},
            "pairs": [{"left": e["headword"], "right": e["gloss"]} for e in glossed],
            "explanation": "The words are all in the text: " + ", ".join(e["forms"][0] for e in glossed) + ".",
            "evidence": sorted({e["sentences"][0] for e in glossed}),
            **draft, "review": ["lexicon glosses: make each the meaning in this text"],
        })  # fmt: skip
    seen = set()
    for sid, text, resolved in times:
        if text in seen:
            continue
        seen.add(text)
        n = len(seen)
        choices = _date_choices(resolved)
        if choices is None:
            continue
        right = choices[0][0]
        misses = dict(choices)
        options = sorted(misses, key=lambda label: (len(label) * 7 + sum(map(ord, label))) % 11)
        items.append({
            "id": f"q-when-{n}", "type": Single.name, "skill": "time", "difficulty": 2, "points": 1,
            "prompt": {"ar": f"ما التاريخ الذي تعنيه عبارة «{text}» في النص؟",
                       "en": f"Which date does the time expression in {sid} mean?"},
            "options": [
                {"id": "abcd"[i], "text": label,
                 "feedback": f"Right: {resolved.reasoning}" if label == right else
                 f"That is {misses[label]} the date «{text}» means here. {resolved.reasoning}"}
                for i, label in enumerate(options)
            ],
            "key": "abcd"[options.index(right)],
            "explanation": f"{right}. {resolved.reasoning}", "evidence": [sid],
            **draft, "review": ["a time item: check the answer and make the wrong options plausible misreadings"],
        })  # fmt: skip
    return items


_GIVES_AWAY = re.compile(r"gives away (?:its own answer|the answer to (?P<other>q-[a-z0-9-]+))")


def _without_leaks(folder: Path, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quiz drafts less every item whose answer another item (or its own prompt) shows, as the lesson's
    quiz checks find them; ``quiz.yaml`` is rewritten (or removed) to match."""
    from helpers.lesson.loader import load_lesson
    from helpers.lesson.problems import LessonError

    for _ in range(len(items) + 1):
        try:
            load_lesson(folder)
            return items
        except LessonError as exc:
            answered = {found.group("other") or problem.entry for problem in exc.problems
                        if str(problem.file).endswith("quiz.yaml")
                        and (found := _GIVES_AWAY.search(problem.message))}  # fmt: skip
        if not answered:
            return items  # another problem: khabar new reports it
        items = [item for item in items if item["id"] not in answered]
        quiz = folder / "quiz.yaml"
        if items:
            content = _dump({"items": items}, "# Quiz drafts made from the text.\n")
            write_atomically(quiz, lambda tmp, content=content: tmp.write_text(content, encoding="utf-8"))
        else:
            quiz.unlink(missing_ok=True)
    return items


def _date_choices(resolved: Any) -> list[tuple[str, str]] | None:
    """The right date first, then three near misses of the same precision, each with what it is: ``(label, how
    it misses)``."""
    start = resolved.start
    if resolved.precision == "day":
        misses = ((0, ""), (-7, "a week before"), (7, "a week after"), (-1, "the day before"))
        return [(f"{d:%A} {d.day} {d:%B %Y}", how) for k, how in misses if (d := start + dt.timedelta(days=k))]
    if resolved.precision == "month":
        misses = ((0, ""), (-1, "the month before"), (1, "the month after"), (-12, "a year before"))
        return [(f"{dt.date(m // 12, m % 12 + 1, 1):%B %Y}", how) for k, how in misses
                if (m := start.year * 12 + start.month - 1 + k) is not None]  # fmt: skip
    if resolved.precision == "year":
        return [(str(start.year + k), how) for k, how in
                ((0, ""), (-1, "the year before"), (1, "the year after"), (-2, "two years before"))]  # fmt: skip
    return None


def _events(times: list, date: dt.date) -> list[dict[str, Any]]:
    events, seen = [], set()
    for sid, text, resolved in times:
        key = (sid, text)
        if key in seen:
            continue
        seen.add(key)
        start = resolved.start
        date_text = {"day": start.isoformat(), "month": f"{start:%Y-%m}", "year": f"{start:%Y}"}.get(
            resolved.precision, start.isoformat()
        )
        precision = resolved.precision if resolved.precision in ("day", "month", "year") else "range"
        event: dict[str, Any] = {
            "id": f"e-{sid}-{len(events) + 1}",
            "date": date_text,
            "precision": precision,
        }
        if precision == "range":
            event["end"] = resolved.end.isoformat()
        event.update({
            "approximate": resolved.approximate,
            "label": {"ar": text, "en": f"What happens then, in {sid} (to describe)"},
            "category": "other", "in_article": True, "sentences": [sid], "expression": text,
            "source": "the article", "confidence": "medium",
            "verify": f"Resolved from «{text}» against the article date {date.isoformat()}: {resolved.reasoning}",
            "status": "draft", "review": ["say what happened, and its category"],
        })  # fmt: skip
        events.append(event)
    return events


# -- writing --------------------------------------------------------------------------------------------------


def _dump(data: Any, header: str) -> str:
    import yaml

    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)  # one line a field


def new_lesson(
    article: bytes,
    lesson_id: str,
    root: Path,
    *,
    date: dt.date | None = None,
    title_en: str | None = None,
    level: str = "B1",
    overwrite: bool = False,
) -> BuildReport:
    """Draft a lesson from the article's bytes into ``root / lesson_id`` (see the module's docstring)."""
    if not _ID.fullmatch(lesson_id):
        raise NewLessonError(f"{lesson_id!r} is not a lesson id: use lowercase letters, digits and hyphens")
    folder = root / lesson_id
    if folder.exists() and not overwrite:
        raise NewLessonError(f"{folder} exists already; choose another id (or --force to replace its files)")
    report = BuildReport(folder)
    timer = _Timer(report.seconds)
    text, said = _normalised(article)
    if said:
        report.notes.append("The article was kept verbatim except: " + "; ".join(said) + ".")
    if date is None:
        found = _find_date(text)
        if found is None:
            raise NewLessonError(
                "the article's date is not written in it: give it with --date YYYY-MM-DD (the kit never guesses one)"
            )
        date, how = found
    else:
        how = "Given by the teacher when the lesson was made (khabar new --date)."

    paragraphs, sentences = [], []
    for p_index, line in enumerate((ln.strip() for ln in text.splitlines() if ln.strip()), start=1):
        pid = f"p{p_index:02d}"
        entries = []
        for s_index, span in enumerate(split_sentences(line), start=1):
            sentence = {"id": f"{pid}-s{s_index}", "ar": span.text}
            entries.append(sentence)
            sentences.append(sentence)
        paragraphs.append({"id": pid, "sentences": entries})

    flagged = 0
    for s in sentences:
        vocalized, second, differ = timer.run("vocalizing", lambda s=s: _vocalize(s["ar"]))
        s["ar_vocalized"] = vocalized
        s["en"] = ""
        review = ["translation missing", "vocalization drafted by text2tashkeel"]
        if differ:
            flagged += len(differ)
            review.insert(0, f"the two vocalizers disagree on {len(differ)} word(s): " + "; ".join(differ))
            s["second_opinion"] = second
        s["status"], s["review"] = "draft", review

    words: dict[str, list[dict[str, Any]]] = {}
    for s in sentences:
        words[s["id"]] = timer.run("analysing words", lambda s=s: draft_words(s["ar"], s["ar_vocalized"]))
        s["en_hint"] = " · ".join(w["gloss"] for w in words[s["id"]] if w["gloss"] != NO_GLOSS) or None

    entries = timer.run("glossary", lambda: _candidates(sentences, words))
    linked = {(e["headword"], e["pos"], e["root"]): e["id"] for e in entries}
    for records in words.values():
        for w in records:
            entry_id = linked.get((composed(w["lemma"]), w["pos"], w.get("root")))
            if entry_id is not None:
                w["entry"] = entry_id
    times = timer.run("dates", lambda: _expressions(sentences, date, words))
    by_id = {s["id"]: s for s in sentences}
    items = _quiz(entries, by_id, times)
    events = _events(times, date)

    first = sentences[0]["ar"]
    place = re.match(r"^([^\s،,-]+)\s*[-–—]\s", first)
    meta = {
        "id": lesson_id,
        "title": {"ar": " ".join(first.split()[:8]) + (" …" if len(first.split()) > 8 else ""),
                  "en": title_en or "(title to write)"},
        "date": date.isoformat(),
        "date_inferred": how,
        "level": level,
        "place": {"ar": place.group(1) if place else "(المكان)", "en": "(place to write)"},
        "topics": [],
        "source": {"description": "An Arabic article given to khabar new; say where it comes from.",
                   "outlet": None, "url": None, "language": "ar"},
        "licence": {"article": "Unknown: check the article's licence before sharing the lesson.",
                    "materials": "Drafts made by khabar new; the teacher's licence once checked."},
        "article": "article.ar.txt",
    }  # fmt: skip
    files = {
        "lesson.yaml": _dump(meta, "# Lesson metadata (a draft made by khabar new). Field reference: "
                             "materials/README.md\n"),
        "article.ar.txt": text,
        "sentences.yaml": _dump({"paragraphs": paragraphs}, "# Sentences: drafts to check. Field reference: "
                                "materials/README.md\n"),
        "words.yaml": words_yaml([(s["id"], words[s["id"]]) for s in sentences],
                                 header="# Every word, drafted by the offline analysers: check each record.\n"),
        "glossary.yaml": _dump({"entries": entries}, "# Glossary candidates: keep, fix or remove each.\n"),
    }  # fmt: skip
    if items:
        files["quiz.yaml"] = _dump({"items": items}, "# Quiz drafts made from the text.\n")
    if events:
        files["timeline.yaml"] = _dump({"events": events}, "# Timeline stubs from the text's dating expressions.\n")
    for name, content in files.items():
        write_atomically(folder / name, lambda tmp, content=content: tmp.write_text(content, encoding="utf-8"))
    items = timer.run("quiz", lambda: _without_leaks(folder, items))
    report.sentences = len(sentences)
    report.words = sum(len(w) for w in words.values())
    report.flagged_words = flagged
    report.candidates, report.quiz_items, report.events = len(entries), len(items), len(events)
    return report
