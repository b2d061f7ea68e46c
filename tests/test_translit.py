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
