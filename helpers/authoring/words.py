"""Draft the word layer of a text: one record per word, from the offline analysers.

:func:`draft_words` takes a sentence (and its vocalization, if a teacher has one; otherwise text2tashkeel
drafts it) and returns one record per word and number, in the shape of ``words.yaml`` (see
``materials/README.md``): segments (proclitics, stem, enclitic pronoun), lemma, root, part of speech,
features, an English gloss from the lexicon, the glossary entry it belongs to, and the other readings of
its bare form. Every record is ``status: draft`` and says in ``review`` what a teacher should look at:
the tools cannot say *why* a word has its ending, know no foreign names, and the lexicon's gloss is not
the gloss in context. Nothing here is shown to a learner as checked.

The analysers are optional (:mod:`helpers.authoring.analysers`); everything else here is plain Python.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Mapping, Sequence

from helpers.authoring import analysers
from helpers.lesson.model import GlossaryEntry
from helpers.lesson.word_checks import stem_ending_cluster
from helpers.study.dates import MONTHS, WEEKDAYS
from helpers.study.glossing import gloss_spans
from helpers.text.arabic import composed, letter_clusters, strip_tashkeel, tokenize
from helpers.text.chars import STRIPPABLE_MARKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["NO_GLOSS", "clusters", "draft_words", "segment", "verb_form", "words_yaml"]

#: The gloss of a draft for which neither the lexicon nor the glossary has one.
NO_GLOSS = "(gloss needed)"
_ENDING_MARKS = set("\u064b\u064c\u064d\u064e\u064f\u0650")  # tanween and the short vowels

_MARKS = set(STRIPPABLE_MARKS)

_POS = {"فعل": "verb", "حرف": "particle"}
_NOUN_TYPES = {  # farahidi's type of a noun -> the kit's part of speech
    "اسم علم": "proper-noun",
    "نسبة": "adjective",
    "صفة مشبهة": "adjective",
    "اسم تفضيل": "adjective",
    "اسم فاعل": "participle",
    "اسم مفعول": "participle",
    "مبالغة اسم الفاعل": "adjective",
    "ضمير": "pronoun",
    "اسم إشارة": "demonstrative",
    "اسم موصول": "relative",
    "ظرف": "adverb",
}
_PARTICLE_TYPES = {"جر": "preposition", "عطف": "conjunction"}
_CASE = {"مرفوع": "nominative", "منصوب": "accusative", "مجرور": "genitive", "مجزوم": "jussive"}
_STATE = {"معرف": "definite", "نكرة": "indefinite", "مضاف": "construct"}
_GENDER = {"مذكر": "masculine", "مؤنث": "feminine"}
_NUMBER = {"مفرد": "singular", "مثنى": "dual", "جمع": "plural"}
_TENSE = {"ماض": "perfect", "مضارع": "imperfect", "أمر": "imperative"}
_VOICE = {"معلوم": "active", "مجهول": "passive"}
_PERSON = {"متكلم": "1", "مخاطب": "2", "غائب": "3"}
# Verb forms by the skeleton of their perfect pattern (marks dropped except shadda).
_FORMS = {
    "فعل": "I", "فعّل": "II", "فاعل": "III", "أفعل": "IV", "تفعّل": "V", "تفاعل": "VI",
    "انفعل": "VII", "افتعل": "VIII", "افعلّ": "IX", "استفعل": "X",
}  # fmt: skip


def clusters(vocalized: str) -> list[str]:
    """A vocalized word as its letters, each with its marks (:func:`helpers.text.arabic.letter_clusters`).

    >>> clusters("وَقَّعَ")
    ['وَ', 'قَّ', 'عَ']
    """
    return letter_clusters(vocalized)


def verb_form(pattern: str | None) -> str | None:
    """The verb form (I-X) of a perfect-tense pattern such as ``اِسْتَفْعَلَ``, or ``None``.

    >>> verb_form("فَعَّلَ"), verb_form("اِفْتَعَلَ"), verb_form("فَعْلَلَ")
    ('II', 'VIII', None)
    """
    if not pattern:
        return None
    skeleton = "".join(ch for ch in pattern if ch not in _MARKS or ch == "\u0651").replace("إ", "ا")
    return _FORMS.get(skeleton)


def _proclitic_kinds(letters: str, says_article: bool) -> list[tuple[str, str]]:
    """Split the letters before the stem into clitics: ``[("و", "conjunction"), ("ب", "preposition"), ...]``."""
    out = []
    i = 0
    while i < len(letters):
        rest = letters[i:]
        if rest.startswith("ال"):
            out.append(("ال", "article"))
            i += 2
        elif rest[0] == "ل" and out and out[-1] == ("ل", "preposition") and says_article:
            out.append(("ل", "article"))  # لِلْ: the preposition, then the article without its alef
            i += 1
        elif rest[0] in "وف":
            out.append((rest[0], "conjunction"))
            i += 1
        elif rest[0] in "بكل":
            out.append((rest[0], "preposition"))
            i += 1
        elif rest[0] == "س":
            out.append(("س", "future"))
            i += 1
        else:
            out.append((rest[0], "particle"))
            i += 1
    return out


def segment(text: str, vocalized: str, before: str, after: str, says_article: bool = False) -> list[dict[str, str]]:
    """Cut a word into segments, given the letters of its proclitics (``before``) and enclitic (``after``).

    The segments' texts join back to ``text`` and their vocalized forms to ``vocalized``.

    >>> [s["vocalized"] + "/" + s["kind"] for s in segment("وبزيارته", "وَبِزِيَارَتِهِ", "وب", "ه")]
    ['وَ/conjunction', 'بِ/preposition', 'زِيَارَتِ/stem', 'هِ/pronoun']
    """
    letters, printed = clusters(vocalized), clusters(text)
    bare = "".join(c[0] for c in printed)
    if "".join(c[0] for c in letters) != bare or len(before) + len(after) >= len(bare):
        return [{"text": text, "vocalized": vocalized, "kind": "stem"}]
    parts = [(t, k) for t, k in _proclitic_kinds(before, says_article)]
    parts.append((bare[len(before) : len(bare) - len(after)], "stem"))
    if after:
        parts.append((after, "pronoun"))
    out, i = [], 0
    for piece, kind in parts:
        out.append(
            {
                "text": "".join(printed[i : i + len(piece)]),
                "vocalized": "".join(letters[i : i + len(piece)]),
                "kind": kind,
            }
        )
        i += len(piece)
    return out


def _bare(text: str) -> str:
    return strip_tashkeel(text)


def _choose(analyses: Sequence[Any], lemma: str | None, vocalized: str) -> tuple[Any, Any]:
    """The analysis (and inflection) that fits the chosen lemma and the word as vocalized."""
    vocalized = composed(vocalized)
    same_lemma = [a for a in analyses if lemma is None or a.lemma == lemma] or list(analyses)
    others = [a for a in analyses if a not in same_lemma]
    fits = [
        (a, inflection)
        for a in [*same_lemma, *others]  # the sentence's vocalization is the best evidence of the reading
        for inflection in a.inflections or ()
        if composed(inflection.diacritized) == vocalized
    ]
    if fits:  # a common word before a name spelt the same (وزير "minister", not the name Wazir)
        return next((fit for fit in fits if fit[0].type != "اسم علم"), fits[0])
    for a in same_lemma:
        if vocalized.startswith(composed(a.diacritized)):
            return a, (a.inflections[0] if a.inflections else None)
    a = same_lemma[0] if same_lemma else None
    return a, (a.inflections[0] if a is not None and a.inflections else None)


def _pos(analysis: Any) -> str:
    if analysis is None:
        return "noun"
    if analysis.pos == "اسم":
        kind = analysis.type or ""
        if kind.startswith("مصدر"):
            return "verbal-noun"
        return _NOUN_TYPES.get(kind, "noun")
    if analysis.pos == "حرف":
        return _PARTICLE_TYPES.get(analysis.type or "", "particle")
    return _POS.get(analysis.pos, "noun")


def _features(analysis: Any, inflection: Any, pos: str) -> dict[str, str]:
    if analysis is None:
        return {}
    features: dict[str, str] = {}
    if pos == "verb":
        for name, value, table in (
            ("aspect", analysis.tense, _TENSE),
            ("person", analysis.person, _PERSON),
            ("voice", analysis.voice, _VOICE),
        ):
            if value in table:
                features[name] = table[value]
        form = verb_form(analysis.lemma_pattern)
        if form:
            features["verb_form"] = form
    for name, value, table in (("gender", analysis.gender, _GENDER), ("number", analysis.number, _NUMBER)):
        if value in table:
            features[name] = table[value]
    if inflection is not None:
        case = getattr(inflection, "case", None)
        if case in _CASE:
            features["mood" if pos == "verb" else "case"] = (
                {"nominative": "indicative", "accusative": "subjunctive"}.get(_CASE[case], _CASE[case])
                if pos == "verb"
                else _CASE[case]
            )
        state = getattr(inflection, "state", None)
        if state in _STATE and pos != "verb":
            features["state"] = _STATE[state]
    return features


def _no_tanween(lemma: str) -> str:
    """A lemma cited without tanween, as the glossary cites nouns: مُنْتَدًى → مُنْتَدَى.

    >>> _no_tanween("مُنْتَدًى"), _no_tanween("مُذَكِّرَة")
    ('مُنْتَدَى', 'مُذَكِّرَة')
    """
    return re.sub("\u064b(?=[\u0649\u0627]?$)", "\u064e", re.sub("[\u064c\u064d]$", "", lemma))


def _citation(vocalized_stem: str) -> str:
    """A word the analyser does not know, cited as the sentence vocalizes it, without its case ending."""
    at, marks = stem_ending_cluster(vocalized_stem)
    kept = "".join(ch for ch in marks if ch not in _ENDING_MARKS)
    return vocalized_stem[:at] + kept + vocalized_stem[at + len(marks) :]


def _an(vocalized: str) -> str:
    """أن is أَنْ before a verb and أَنَّ before a noun: the vocalization tells."""
    return "أَنَّ" if "\u0651" in vocalized else "أَنْ"


#: Closed-class words by their bare stem: (lemma, part of speech). Checked by hand; no root.
FUNCTION_WORDS: dict[str, tuple[Any, str]] = {
    "في": ("فِي", "preposition"), "من": ("مِنْ", "preposition"), "على": ("عَلَى", "preposition"),
    "إلى": ("إِلَى", "preposition"), "عن": ("عَنْ", "preposition"), "منذ": ("مُنْذُ", "preposition"),
    "حتى": ("حَتَّى", "preposition"), "إن": ("إِنَّ", "particle"), "أن": (_an, "particle"),
    "لكن": ("لَكِنَّ", "particle"), "لم": ("لَمْ", "particle"), "لن": ("لَنْ", "particle"), "قد": ("قَدْ", "particle"),
    "لا": ("لَا", "particle"), "ما": ("مَا", "particle"), "كما": ("كَمَا", "particle"), "بل": ("بَلْ", "conjunction"),
    "ثم": ("ثُمَّ", "conjunction"), "أو": ("أَوْ", "conjunction"), "هذا": ("هَذَا", "demonstrative"),
    "هذه": ("هَذَا", "demonstrative"), "ذلك": ("ذَلِكَ", "demonstrative"), "تلك": ("تِلْكَ", "demonstrative"),
    "الذي": ("الَّذِي", "relative"), "التي": ("الَّتِي", "relative"), "الذين": ("الَّذِي", "relative"),
    "هو": ("هُوَ", "pronoun"), "هي": ("هِيَ", "pronoun"), "هم": ("هُمْ", "pronoun"), "نحن": ("نَحْنُ", "pronoun"),
    "لقد": ("لَقَدْ", "particle"), "أيضا": ("أَيْضًا", "adverb", "أ ي ض"), "أيضًا": ("أَيْضًا", "adverb", "أ ي ض"),
}  # fmt: skip

#: Places in the news that the lexicon misreads as common words (أستانا as a verb, مصر as an adjective, قطر as a
#: verb): bare spelling -> (vocalized name, English). Checked by hand; a record drafted from it still says to check.
PLACES: dict[str, tuple[str, str]] = {
    "أستانا": ("أَسْتَانَا", "Astana"), "مصر": ("مِصْر", "Egypt"), "قطر": ("قَطَر", "Qatar"),
    "دبي": ("دُبَيّ", "Dubai"), "صربيا": ("صِرْبِيَا", "Serbia"), "دافوس": ("دَافُوس", "Davos"),
}  # fmt: skip

#: Proclitics a place name can carry in print (وأستانا, بمصر, لقطر, فدبي).
_PLACE_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def _place(bare: str) -> tuple[str, str, str] | None:
    """(proclitic letters, vocalized name, English) when ``bare`` is a place of :data:`PLACES` with proclitics.

    >>> _place("وأستانا")[0], _place("بمصر")[1], _place("مصرف")
    ('و', 'مِصْر', None)
    """
    for before in _PLACE_PROCLITICS:
        if bare.startswith(before) and bare[len(before) :] in PLACES:
            return (before, *PLACES[bare[len(before) :]])
    return None


def _is_name(bare: str) -> bool:
    """The lexicon's first reading of the word is a proper noun (غزة, كازاخستان, إسرائيل)."""
    try:
        readings = analysers.lexicon_readings(bare)
    except analysers.AnalyserMissing:
        raise
    except Exception:
        return False
    return bool(readings) and "NOUN_PROP" in readings[0]["pos"].split("+")[0]


def _gloss(lemma: str | None, bare: str, pos: str = "noun") -> str:
    """The lexicon's gloss for the reading whose lemma matches farahidi's (by its letters), else ''; the days and
    months by the calendar (الأحد is Sunday here, not "one")."""
    day = bare.removeprefix("ال")
    if day in WEEKDAYS or "ال" + day in WEEKDAYS:
        return calendar.day_name[WEEKDAYS.get(day, WEEKDAYS.get("ال" + day, 0))]
    if bare in MONTHS:
        return calendar.month_name[MONTHS[bare]]
    try:
        readings = analysers.lexicon_readings(bare)
    except analysers.AnalyserMissing:
        raise
    except Exception:  # a lexicon failure leaves the gloss to the teacher
        return ""
    if not readings:
        return ""
    if lemma:
        want = _bare(lemma).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        # a common word's meaning before a name spelt the same (يوم "day", not the name Youm)
        for reading in readings:
            if "NOUN_PROP" in reading["pos"] and pos != "proper-noun":
                continue  # a common word's meaning, not a name spelt the same (يوم "day", not the name Youm)
            letters = _bare(reading["lemma"]).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("{", "ا")
            if letters == want and reading["gloss"]:
                return reading["gloss"]
    return ""


def _other_readings(analyses: Sequence[Any], chosen: Any) -> list[str]:
    """Other common readings of the bare form (different lemma or vocalization), for the ``ambiguous`` field."""
    seen = {chosen.diacritized} if chosen is not None else set()
    others = []
    for a in analyses:
        if a.diacritized in seen or a.score < 0.02:
            continue
        seen.add(a.diacritized)
        others.append(a.diacritized)
    return others[:4]


def draft_words(
    text: str,
    vocalized: str | None = None,
    glossary: Iterable[GlossaryEntry] = (),
) -> list[dict[str, Any]]:
    """Draft one record per word and number of a sentence (see the module's docstring).

    ``vocalized`` is the sentence's vocalization; without it text2tashkeel drafts one (and every record says
    so). ``glossary`` links each word to the entry whose forms cover it.
    """
    fr = analysers.farahidi()
    review_vocalized = vocalized is None
    if vocalized is None:
        vocalized = analysers.vocalize(text)
    plain = [t for t in tokenize(text) if t.kind != "punct"]
    voiced = [t for t in tokenize(vocalized) if t.kind != "punct"]
    if len(plain) != len(voiced) or any(_bare(v.text) != _bare(p.text) for p, v in zip(plain, voiced, strict=True)):
        raise ValueError("the vocalized sentence does not have the same words as the sentence")
    spans = gloss_spans(text, tuple(glossary))
    chosen = {}
    try:
        for result in fr.analyze_text(text):
            chosen.setdefault(result.token, result)
    except Exception:  # a sentence the analyser cannot take is analysed word by word below
        pass
    records = []
    for p, v in zip(plain, voiced, strict=True):
        entry = next((s.entry.id for s in spans if s.start <= p.start and p.end <= s.end), None)
        review = ["why it has its ending", "gloss in context"]
        if review_vocalized:
            review.insert(0, "vocalization (drafted by text2tashkeel)")
        if p.kind == "number":
            records.append(
                {"text": p.text, "vocalized": v.text, "segments": [{"text": p.text, "vocalized": v.text,
                 "kind": "stem"}], "lemma": p.text, "root": None, "root_note": "number", "pos": "numeral",
                 "features": {}, "gloss": p.text, "entry": entry, "status": "draft", "review": review}
            )  # fmt: skip
            continue
        result = chosen.get(p.text)
        if result is None:
            try:
                found = fr.analyze_text(p.text)
                result = found[0] if found else None
            except Exception:
                result = None
        try:
            analyses = fr.analyze(p.text)
        except Exception:
            analyses = []
        lemma = result.lemma if result is not None and result.analyzed else None
        analysis, inflection = _choose(analyses, lemma, v.text) if analyses else (None, None)
        switched = analysis is not None and lemma is not None and analysis.lemma != lemma
        if switched:
            lemma = analysis.lemma  # a reading that fits the word exactly as the sentence vocalizes it
        pos = _pos(analysis)
        before = "".join(_bare(a.form) for a in (analysis.proclitics if analysis else ()) or ())
        after = "".join(_bare(a.form) for a in (analysis.enclitics if analysis else ()) or ())
        says_article = any("التعريف" in (a.description or "") for a in (analysis.proclitics if analysis else ()))
        if analysis is None and not before and _bare(p.text).startswith(("وال", "ال")) and len(_bare(p.text)) > 5:
            # a word the analyser does not know (a foreign name, a nisba of one): its article is still an article
            before, says_article = ("وال" if _bare(p.text).startswith("وال") else "ال"), True
        segments = segment(p.text, v.text, before, after, says_article)
        root = (
            analysis.root
            if switched
            else ((result.root if result is not None else None) or (analysis.root if analysis is not None else None))
        )
        if not root and lemma:  # analyze_text sometimes gives none: another reading with the same lemma may
            root = next((a.root for a in analyses if a.lemma == lemma and a.root), None)
        if root and " " not in root:
            root = " ".join(root.replace("ء", "أ")) if len(root) <= 4 else None  # hamza written أ, as in glossaries
        if root and lemma and root.startswith("ت ") and _bare(lemma).startswith("ات") and "\u0651" in lemma[:4]:
            root = "و " + root[2:]  # form VIII of a root with و: اتَّفَقَ is و ف ق (the و assimilated to the ت)
        conj = [s for s in segments if s["kind"] == "conjunction"]
        rest = "".join(_bare(s["text"]) for s in segments if s["kind"] != "conjunction")
        whole = FUNCTION_WORDS.get(rest)
        if whole is not None and len(segments) > len(conj) + 1:  # كما, لقد: one word, not ك + ما, ل + قد
            voiced = "".join(s["vocalized"] for s in segments if s["kind"] != "conjunction")
            printed = "".join(s["text"] for s in segments if s["kind"] != "conjunction")
            segments = [*conj, {"text": printed, "vocalized": voiced, "kind": "stem"}]
        stem = segments[[s["kind"] for s in segments].index("stem")]
        closed = FUNCTION_WORDS.get(_bare(stem["text"]))
        place = _place(_bare(p.text)) if closed is None else None
        nisba = False
        if place is not None:  # a place the lexicon misreads: one stem after its proclitics, cited as a name
            segments = segment(p.text, v.text, place[0], "", False)
            stem = segments[[s["kind"] for s in segments].index("stem")]
            lemma, pos, root, analysis, inflection = place[1], "proper-noun", None, None, None
            review.append("a place name: check its vocalization")
        elif closed is not None:  # a closed-class word: its dictionary form from the table
            lemma = closed[0](stem["vocalized"]) if callable(closed[0]) else closed[0]
            pos, root = closed[1], (closed[2] if len(closed) > 2 else None)
        elif (
            not any(s["kind"] == "article" for s in segments)
            and _bare(stem["text"]) not in WEEKDAYS
            and _is_name(_bare(stem["text"]))
        ) or (result is not None and not result.analyzed):
            pos, root = "proper-noun", None
            if any(s["kind"] == "article" for s in segments) and _bare(stem["text"]).endswith(("ي", "ية")):
                pos, nisba = "adjective", True  # the nisba of a name the analyser does not know: الكازاخستاني
                review.append("an adjective from a proper name? check its vocalization")
            else:
                review.append("a proper name? check its vocalization and that it has no root")
        record: dict[str, Any] = {
            "text": p.text,
            "vocalized": v.text,
            "segments": segments,
            "lemma": (_no_tanween(lemma) if pos != "adverb" else lemma) if lemma else _citation(stem["vocalized"]),
        }
        if pos == "verb":
            record["present"] = None
            review.append("present tense of the lemma")
        record["root"] = root
        if not root:
            record["root_note"] = "proper name" if pos == "proper-noun" or nisba else "function word"
            review.append("no root found")
        if result is None or not result.analyzed:
            review.append("not in the analyser's lexicon (a foreign name?)")
        record["pos"] = pos
        record["features"] = _features(analysis, inflection, pos)
        record["gloss"] = place[2] if place is not None else _gloss(lemma, _bare(stem["text"]), pos)
        if not record["gloss"]:
            review.append("no lexicon gloss")
            linked = next((s.entry for s in spans if s.entry.id == entry), None)
            record["gloss"] = linked.gloss if linked is not None else NO_GLOSS
        features = record["features"]
        if features.get("case") or features.get("mood"):
            stem = next(s for s in segments if s["kind"] == "stem")
            marks = stem_ending_cluster(stem["vocalized"])[1]
            ending = "".join(ch for ch in marks if ch in _ENDING_MARKS)
            if ending:
                record["ending"] = ending
        record["entry"] = entry
        others = _other_readings(analyses, analysis)
        if others:
            record["ambiguous"] = others
            review.append("other readings of the bare form")
        record["status"] = "draft"
        record["review"] = review
        records.append(record)
    return records


# -- writing words.yaml ---------------------------------------------------------------------------------

_PLAIN = re.compile(r"[^\W\d_][\w\u064b-\u0652 ()/,.'-]*", re.UNICODE)
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}
_FIELDS = ("text", "vocalized", "segments", "lemma", "present", "root", "root_note", "pos", "features", "ending",
           "why", "gloss", "entry", "ambiguous", "status", "review")  # fmt: skip
_FEATURES = ("case", "mood", "state", "number", "gender", "person", "aspect", "voice", "verb_form")


def _scalar(value: Any, flow: bool = False) -> str:
    """A value as YAML: plain where that reads back the same, else double-quoted (always, in a flow collection,
    for text with a comma)."""
    if value is None:
        return "null"
    text = str(value)
    if flow and "," in text:
        return json.dumps(text, ensure_ascii=False)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith(" ") and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def words_yaml(sentences: Iterable[tuple[str, Sequence[Mapping[str, Any]]]], header: str = "") -> str:
    """``words.yaml`` for ``(sentence id, records)`` pairs: one block per word, segments and features on one line.

    >>> print(words_yaml([("p01-s1", [{"text": "في", "vocalized": "فِي", "lemma": "فِي", "pos": "preposition",
    ...     "gloss": "in", "segments": [{"text": "في", "vocalized": "فِي", "kind": "stem"}],
    ...     "features": {}, "root": None, "root_note": "function word"}])]).strip())
    sentences:
    - id: p01-s1
      words:
      - text: في
        vocalized: فِي
        segments: [{text: في, vocalized: فِي, kind: stem}]
        lemma: فِي
        root: null
        root_note: function word
        pos: preposition
        gloss: in
    """
    lines = [header.rstrip("\n")] if header else []
    lines.append("sentences:")
    for sentence_id, records in sentences:
        lines += [f"- id: {sentence_id}", "  words:"]
        for record in records:
            first = True
            for name in _FIELDS:
                if name not in record:
                    continue
                value = record[name]
                if name in ("present", "why", "entry") and value is None:
                    continue
                if name == "root_note" and value is None:
                    continue
                if name in ("ambiguous", "review") and not value:
                    continue
                if name == "features" and not value:
                    continue
                if name == "ending" and not value:
                    continue
                if name == "segments":
                    shown = (
                        "["
                        + ", ".join(
                            "{"
                            + ", ".join(f"{k}: {_scalar(s[k], flow=True)}" for k in ("text", "vocalized", "kind"))
                            + "}"
                            for s in value
                        )
                        + "]"
                    )
                elif name == "features":
                    shown = (
                        "{" + ", ".join(f"{k}: {_scalar(value[k], flow=True)}" for k in _FEATURES if value.get(k)) + "}"
                    )
                elif name in ("ambiguous", "review"):
                    shown = "[" + ", ".join(_scalar(v, flow=True) for v in value) + "]"
                else:
                    shown = _scalar(value)
                lines.append(("  - " if first else "    ") + f"{name}: {shown}")
                first = False
    return "\n".join(lines) + "\n"
