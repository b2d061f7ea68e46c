"""The built-in lesson's glossary, notes and metadata say what a careful teacher would: findings of the lesson's
reviews, each kept from coming back."""

from __future__ import annotations

import re

import pytest

from helpers.study.vocab import GlossaryIndex
from helpers.study.words import word_families
from helpers.text.arabic import composed, strip_tashkeel
from helpers.text.chars import DAMMA, DAMMATAN, FATHA, FATHATAN, KASRA, KASRATAN
from helpers.views.lesson import sentence_html
from helpers.views.vocab import entry_card

_CASE_MARKS = {FATHA, DAMMA, KASRA, FATHATAN, DAMMATAN, KASRATAN}


def _words(lesson):
    return [(s.id, w) for s in lesson.sentences for w in s.words]


def _note(lesson, nid):
    return next(n for n in lesson.notes if n.id == nid)


def test_single_word_headwords_carry_no_case_ending(lesson):
    # خِلَالَ, بِشَأْنِ, بِمُنَاسَبَةِ were cited with the vowel of their case; adverbs in -an keep theirs
    for e in lesson.glossary:
        if " " in e.headword or e.pos not in {"noun", "adjective", "preposition", "verbal-noun", "participle"}:
            continue
        last = e.headword.rstrip("\u0651\u0652")  # shadda and sukun may end a word
        assert last[-1] not in _CASE_MARKS, f"{e.id}: {e.headword} ends in a case vowel"


def test_headwords_are_singular(lesson):
    imkan = lesson.entry("g-imkanat")
    assert imkan.headword == "إِمْكَان" and imkan.plural == "إِمْكَانَات"
    assert all(e.headword != e.plural for e in lesson.glossary)


def test_every_word_of_an_entry_links_to_it(lesson):
    # A word printed as one of a single-word entry's forms, in a sentence the entry lists, is linked to that entry
    # (or to a phrase it belongs to): no بأنه filed under وَصَفَ, no زيارة left out of زِيَارَة.
    entries = {e.id: e for e in lesson.glossary}
    missing = []
    for sid, word in _words(lesson):
        for e in lesson.glossary:
            if " " in e.headword or sid not in e.sentence_ids or word.text not in e.forms:
                continue
            linked = entries.get(word.entry) if word.entry else None
            if linked is None or (linked.id != e.id and " " not in linked.headword):
                missing.append(f"{sid} {word.text} -> {e.id} (linked: {word.entry})")
    assert not missing, missing


def test_phrase_forms_hold_only_the_phrase(lesson):
    # The forms of an expression are the expression: no names (قال سار إن) and no other word (ويعد الاتفاق خطوة).
    people = [e for e in lesson.glossary if "person" in e.tags]
    names = {word for e in people for form in e.forms for word in form.split()}
    for e in lesson.glossary:
        if e in people:
            continue
        for form in e.forms:
            assert not set(form.split()) & names, f"{e.id}: {form}"
    for _, word in _words(lesson):
        if word.text == "الاتفاق":
            assert word.entry == "g-ittifaq"


@pytest.mark.parametrize(
    ("headword", "gloss_word"),
    [
        ("زِيَارَة", "visit"),
        ("عَلَاقَة", "relation"),
        ("أَعْلَنَ", "announce"),
        ("مَسْؤُول", "official"),
        ("بَيْنَ الْبَلَدَيْن", "two countries"),
        ("عَلَى أَسَاس", "basis"),
        ("خُطْوَة", "step"),
        ("عَدَّ", "regarded"),
        ("دَعْم", "support"),
        ("قَالَ", "say"),
        ("تَوْقِيع", "sign"),
    ],
)
def test_plain_news_words_have_their_own_entry(lesson, headword, gloss_word):
    found = [e for e in lesson.glossary if composed(e.headword) == composed(headword)]
    assert found and gloss_word in found[0].gloss


def test_the_visit_is_one_entry_linked_from_every_form(lesson):
    ziyara = lesson.entry("g-ziyara")
    linked = {w.text for _, w in _words(lesson) if w.entry == "g-ziyara"}
    assert linked == {"زيارته", "الزيارة", "بزيارة", "زيارة"} == set(ziyara.forms)
    assert set(ziyara.sentence_ids) == {"p03-s1", "p12-s1", "p13-s1", "p16-s1"}


def test_one_entry_for_araba_and_the_noun_of_support(lesson):
    arabas = [e for e in lesson.glossary if strip_tashkeel(e.headword).startswith("أعرب")]
    assert [e.id for e in arabas] == ["g-araba"]
    dam = {w.text for _, w in _words(lesson) if w.entry == "g-dam"}
    assert dam == {"ودعم", "دعمه"}


def test_the_root_search_finds_the_whole_largest_family(lesson):
    # 02_vocabulary's exercise: find the family of the printed root with the glossary search
    root, family = word_families(lesson)[0]
    found = {strip_tashkeel(e.headword) for e in GlossaryIndex(lesson.glossary).search(root) if e.root == root}
    for lemma, _, _ in family:
        assert any(strip_tashkeel(lemma) in f.split() or strip_tashkeel(lemma) in f for f in found), lemma


def test_proclitics_are_hyphenated_in_every_transliteration(lesson):
    expected = {
        "g-bidawrihi": "bi-dawrihi",
        "g-bishan": "bi-shaʾn",
        "g-bimunasaba": "bi-munāsaba",
        "g-bishakl-mubashir": "bi-shaklin mubāshir",
    }
    for eid, translit in expected.items():
        assert lesson.entry(eid).translit == translit
    assert "li-iḥyāʾi" in lesson.entry("g-holocaust-day").translit
    assert "bi-al-qalaqi" in lesson.entry("g-shaara-bil-qalaq").translit
    # a headword word made of a proclitic and a word starting with hamza or the article is hyphenated
    prefixed = re.compile("^(?:[وف]\u064e)?(?:[بل]\u0650|ك\u064e)?(?:[أإآ]|ال)")
    for e in lesson.glossary:
        words, translit = e.headword.split(), e.translit.split()
        assert len(words) == len(translit), e.id
        for word, latin in zip(words, translit, strict=True):
            if prefixed.match(word) and not word.startswith(("أ", "إ", "آ", "ال")):
                assert "-" in latin, f"{e.id}: {latin}"


def test_function_words_and_names_are_labelled_in_plain_words(lesson):
    haythu = entry_card(lesson, lesson.entry("g-haythu"))
    assert "no root (function word)" in haythu and "particle" not in haythu
    saar = entry_card(lesson, lesson.entry("g-gideon-saar"))
    details = saar.split('class="khabar-en">')[1].split("</span>")[0]  # the line of grammar, before the tags
    assert details.startswith("proper name") and "proper-noun" not in details and "(proper name)" not in details
    page = sentence_html(lesson.sentence("p09-s1"), glossary=lesson.glossary)
    assert "adverb · <b>where</b> · no root (function word)" in page
    assert "proper-noun" not in sentence_html(lesson.sentence("p01-s1"), glossary=lesson.glossary)


def test_glossary_notes_show_their_arabic(lesson):
    card = entry_card(lesson, lesson.entry("g-adda"))
    assert "وَيَعِدُ" in card and 'dir="rtl"' in card


def test_the_summary_is_a_mistranslation_not_a_readout(lesson):
    folder = lesson.folder
    for name in ("lesson.yaml", "glossary.yaml", "notes.yaml", "words.yaml", "sentences.yaml", "README.md"):
        assert "readout" not in (folder / name).read_text(encoding="utf-8"), name
    note = _note(lesson, "n-summary-is-saar")
    assert "Sa'ar did not mention the Board of Peace directly" in note.text and "mistranslation" in note.text
    assert "Intended meaning: Sa'ar did not mention" in lesson.sentence("p10-s1").en


def test_the_source_is_recorded(lesson):
    # the outlet is where the Arabic text is published; Euronews is named as the English report it follows
    source = lesson.info.source
    assert source.outlet == "al-bayader.com" and source.url == "https://www.al-bayader.com/?p=49927"
    assert "29 January 2026" in source.description and "Euronews" in source.description
    assert "Israel and Kazakhstan sign visa-free agreement in tourism boost" in source.description
    assert "translations of translations" in _note(lesson, "n-source-translation").text
    readme = (lesson.folder / "README.md").read_text(encoding="utf-8")
    for text in (source.description, _note(lesson, "n-source-translation").text, " ".join(readme.split())):
        assert "sentence for sentence (without the English standfirst" in text
    assert "coincides with" not in lesson.info.date_inferred and "بمناسبة" in lesson.info.date_inferred


def test_visa_wording_is_explained_the_same_way_in_glossary_and_notes(lesson):
    for text in (lesson.entry("g-mutatallabat-al-tashira").note, _note(lesson, "n-visa-national-passports").text):
        assert "إلغاء متطلبات التأشيرة" in text and "الإعفاء" in text


def test_notes_state_what_the_timeline_sources(lesson):
    facts = {
        "n-memorandum-of-intent": ("memorandum of intent", "2017"),
        "n-sixteen-years": ("1992", "2016", "2009"),
        "n-november-2025": ("6 November 2025",),
        "n-board-of-peace": ("22 January 2026", "2803"),
    }
    for nid, wanted in facts.items():
        text = _note(lesson, nid).text
        assert all(w in text for w in wanted), nid
        assert not re.search(r"\b(check|confirm)", text), nid


@pytest.mark.parametrize(
    "nid", ["n-regional-conflicts", "n-highlighting-that", "n-vision-metaphors", "n-tanween-digits"]
)
def test_the_missing_notes_are_there(lesson, nid):
    note = _note(lesson, nid)
    assert note.text and all(lesson.sentence(sid) for sid in note.sentence_ids)


def test_the_speaker_sentence_reads_plainly(lesson):
    text = _note(lesson, "n-waqal-variety").text
    assert "in p11 only once" not in text and "Kosherbayev, named in p06" in text


def test_word_cards_say_why_a_word_has_no_root(lesson):
    from helpers.study.words import WordIndex
    from helpers.views.words import card_html

    haythu = next(w for w in lesson.sentence("p09-s1").words if w.text == "حيث")
    card = card_html(WordIndex(lesson), haythu)
    assert "no root (function word)" in card and "no root:" not in card


def test_the_three_particles_that_look_alike_are_one_entry(lesson):
    # أن appears three times (p04 على أنّ, p11 يجب أنْ, p12 من المتوقع أنْ): the entry lists it and links it
    inna = lesson.entry("g-inna")
    assert set(inna.forms) == {"إن", "أن", "أنه", "بأنه"}
    linked = {(sid, w.entry) for sid, w in _words(lesson) if w.text == "أن"}
    assert linked == {("p04-s1", "g-inna"), ("p11-s1", "g-inna"), ("p12-s1", "g-min-al-mutawaqqa")}


def test_imkan_is_the_verbal_noun_of_amkana(lesson):
    imkan = lesson.entry("g-imkanat")
    assert (imkan.pos, imkan.verb, imkan.verb_form) == ("verbal-noun", "أَمْكَنَ", "IV")
    word = next(w for _, w in _words(lesson) if w.text == "إمكاناتها")
    assert word.pos == "verbal-noun" and word.features.verb_form == "IV"


@pytest.mark.parametrize(
    ("eid", "wanted", "unwanted"),
    [
        ("g-dam", ["دعمُ القانونِ الدوليِّ", "دعمُه للإصلاحاتِ"], ["after the noun, what is supported follows"]),
        ("g-israili", ["السفارتان الإسرائيلية والألمانية"], ["السفارة الإسرائيلية"]),
        ("g-watani", ["Kazakh reports"], ["memorandum's own term"]),
        ("g-lam", ["The verb's jussive sukun becomes kasra"], ["Its sukun"]),
        ("g-ata", ["يجيء is rare"], ["just as common."]),
        ("g-rasmi", ["prescribed rule, formality", "رُسُوم"], ["official fee"]),
        ("g-internet", ["Usually with the article", "مقهى إنترنت"], ["Always"]),
        ("g-bishan", ["موقف إسرائيل من غزة"], ["موقفها"]),
        ("g-aada-al-takid", ["Ordinary news wording"], ["more often"]),
        ("g-mahraqa", ["مِحْرَقَة 'incinerator'"], []),
        ("g-holocaust-day", ["اليوم الدولي لإحياء ذكرى ضحايا محرقة اليهود"], ["ضحايا المحرقة:"]),
        ("g-mutatallabat-al-tashira", ["'removing visa requirements'"], ["to waive"]),
    ],
)
def test_glossary_notes_say_what_the_text_has(lesson, eid, wanted, unwanted):
    note = lesson.entry(eid).note
    assert all(w in note for w in wanted) and not any(u in note for u in unwanted), eid


def test_the_glossary_header_states_its_conventions(lesson):
    header = (lesson.folder / "glossary.yaml").read_text(encoding="utf-8").split("entries:")[0]
    assert 'root_note "function word"' in header and 'root_note "particle"' not in header
    assert "Adverbial time phrases keep the" in header and "يَوْمَ الثُّلَاثَاء" in header


def test_notes_speak_to_whoever_reads_them(lesson):
    # learners read the notes too: no instructions to the teacher, no "ask learners"
    teacherly = re.compile(r"\b(teach the|the teacher|ask learners|learners should|in class|present this)\b", re.I)
    for note in lesson.notes:
        assert not teacherly.search(note.text), note.id
    assert "Which of the two is more cautious?" in _note(lesson, "n-memorandum-of-intent").text
    assert _note(lesson, "n-referring-expressions").text.endswith("?")


@pytest.mark.parametrize(
    ("nid", "wanted", "unwanted"),
    [
        ("n-summary-is-saar", ["ordinary news Arabic"], ["Two more calques", "is more usual"]),
        ("n-business-representatives", ["i24NEWS", "cybersécurité", "الأمن السيبراني"], ["not recorded"]),
        ("n-sixteen-years", ["most likely Avigdor Liberman's visit of October 2009", "July 2010"], []),
        ("n-tati-ziyara", ["اليوم الدولي لإحياء ذكرى ضحايا محرقة اليهود", "(الهولوكوست)"], []),
        ("n-visa-national-passports", ['"removing visa requirements"'], ["to waive"]),
        ("n-expected-visit", ["Herzog", "rests on the Euronews report"], ["It would be Netanyahu's second"]),
        ("n-memorandum-of-intent", ["15-day waiver", "45 countries", "848"], ["have entered"]),
        ("n-bidawrihi-qalaq", ['"Kazakhstan remains concerned"', "لا تزال تشعر بالقلق"], []),
        ("n-tanween-digits", ["Both placements of the mark are current"], ["more usual modern placement"]),
    ],
)
def test_notes_say_what_the_sources_say(lesson, nid, wanted, unwanted):
    text = _note(lesson, nid).text
    assert all(w in text for w in wanted) and not any(u in text for u in unwanted), nid


def test_usual_forms_agree_between_notes(lesson):
    # the singular "the regional conflict" of the source, in both notes on p07
    for nid in ("n-quote-calques-p07", "n-regional-conflicts"):
        usual = _note(lesson, nid).usual
        assert "تسويةِ الصراعِ في المنطقة" in usual and "الصراعات" not in usual, nid
    assert "(since 2009 or 2010)" in _note(lesson, "n-sixteen-years").title
    assert "لا تزالُ تشعرُ بالقلقِ" in _note(lesson, "n-bidawrihi-qalaq").usual
    assert "ضحايا محرقةِ اليهود (الهولوكوست)" in _note(lesson, "n-tati-ziyara").usual
