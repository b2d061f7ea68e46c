"""The learner transliteration scheme, on words of the article."""

from __future__ import annotations

import pytest

from helpers import SCHEME_NAME, transliterate


@pytest.mark.parametrize(
    ("vocalized", "pausal", "expected"),
    [
        ("وَقَّعَ", False, "waqqaʿa"),  # shadda doubles, ʿayn
        ("مُذَكِّرَةً", False, "mudhakkiratan"),  # ta marbuta with tanween
        ("مُذَكِّرَة", True, "mudhakkira"),  # ta marbuta in pause
        ("الْخَارِجِيَّةِ", True, "al-khārijīya"),  # nisba -iyya
        ("الْإِسْرَائِيلِيُّ", True, "al-isrāʾīlī"),  # nisba in pause, medial hamza
        ("الثُّلَاثَاءِ", False, "al-thulāthāʾi"),  # sun letter: no assimilation in the spelling
        ("وَالزِّرَاعَةِ", True, "wa-al-zirāʿa"),  # conjunction + article
        ("لِلْأَعْمَالِ", True, "lil-aʿmāl"),  # li + article
        ("بِالِانْضِمَامِ", True, "bi-al-inḍimām"),  # article before hamzat al-wasl
        ("أَيْضًا", True, "ayḍan"),  # tanween fath kept in pause
        ("يَوْمَ", False, "yawma"),  # diphthong
        ("جُهُودِ", True, "juhūd"),  # long u
        ("الْمَسْؤُولُونَ", False, "al-masʾūlūna"),  # hamza on waw
        ("آسِيَا", False, "āsiyā"),  # alef madda at the start
        ("مُنْتَدَى", False, "muntadā"),  # alef maqsura
        ("هَذِهِ", False, "hādhihi"),  # unwritten long a
        ("ذَلِكَ", False, "dhālika"),
        ("أَسْهَمَ", False, "asʹhama"),  # prime between s and h
        ("يُسَاهِمُ، 16", False, "yusāhimu, 16"),  # Arabic comma, digits
    ],
)
def test_transliteration_of_article_words(vocalized, pausal, expected):
    assert transliterate(vocalized, pausal=pausal) == expected


def test_scheme_is_declared():
    assert "ALA-LC" in SCHEME_NAME


def test_non_arabic_text_passes_through():
    assert transliterate("Astana 2026 — “ok”") == "Astana 2026 — “ok”"


@pytest.mark.parametrize(
    ("vocalized", "expected"),
    [
        ("لِإِلْغَاءِ", "li-ilghāʾi"),  # a prefix before a hamza: hyphen, initial hamza unwritten
        ("وَأَعْلَنَ", "wa-aʿlana"),
        ("بِأَنَّهُ", "bi-annahu"),
        ("وَلَمْ", "wa-lam"),  # before a function word
        ("وَلَقَدْ", "wa-laqad"),  # the longer function word wins over li- + qad
        ("وَهَذَا", "wa-hādhā"),
        ("بِهَا", "bi-hā"),  # before an attached pronoun
        ("لَهُ", "la-hu"),
        ("وَالزِّرَاعَةِ", "wa-al-zirāʿati"),  # before the article, as always
        ("كَمَا", "kamā"),  # a function word of its own is not split
        ("كَأْسٌ", "kaʾsun"),  # a root letter before a vowelless hamza is no prefix
        ("وَزِيرُ", "wazīru"),  # nor is a root و the letters cannot tell from a prefix
    ],
)
def test_proclitics_the_letters_show_are_hyphenated(vocalized, expected):
    assert transliterate(vocalized) == expected


def test_every_proclitic_of_the_article_is_hyphenated_from_its_segments(lesson):
    from helpers.text.translit import transliterate_segments

    checked = 0
    for sentence in lesson.sentences:
        for word in sentence.words:
            kinds = [s.kind for s in word.segments]
            if "stem" not in kinds or kinds.index("stem") == 0:
                continue
            latin = transliterate_segments([(s.vocalized, s.kind) for s in word.segments])
            before = [s for s in word.segments[: kinds.index("stem")] if s.kind != "article"]
            lil = "article" in kinds and bool(before) and before[-1].text == "ل"
            hyphens = len(before) + ("article" in kinds) - lil
            assert latin.count("-") == hyphens, (word.text, latin)  # li + al- is one: lil-
            checked += 1
    assert checked > 50
    assert transliterate_segments([("وَ", "conjunction"), ("نَظِيرُ", "stem"), ("هُ", "pronoun")]) == "wa-naẓīruhu"
    assert transliterate_segments([("وَ", "conjunction"), ("لِ", "preposition"), ("تَنْفِيذِ", "stem")]) == "wa-li-tanfīdhi"
