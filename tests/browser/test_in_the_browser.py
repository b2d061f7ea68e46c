"""As a learner and a teacher meet the kit: JupyterLab and Voilà in a real browser."""

from __future__ import annotations

from .conftest import direction, open_notebook, screenshot


def option_containing(item, text: str) -> int:
    """Index of the radio option whose label contains ``text``."""
    labels = item.locator(".widget-radio-box label")
    return next(i for i in range(labels.count()) if text in labels.nth(i).inner_text())


def test_start_here(lab, page, tmp_path):
    open_notebook(page, lab, "00_start_here", ".khabar-table")
    assert "17 paragraphs, 19 sentences" in page.page.locator(".khabar-table").first.inner_text()
    screenshot(page, "00_start_here", tmp_path, ".jp-OutputArea-output:has(.khabar-table)")
    assert page.errors == []


def test_read_levels_translation_and_word_cards(lab, page, tmp_path):
    open_notebook(page, lab, "01_read", ".khabar-reading .khabar-next")
    p = page.page
    focus = p.locator(".khabar-focus-panel").first
    p.locator('.khabar-reading .khabar-level button:has-text("None")').first.click()
    p.wait_for_timeout(400)
    assert "وقع وزير الخارجية" in focus.inner_text()
    p.locator('.khabar-reading .khabar-level button:has-text("Full")').first.click()
    p.wait_for_timeout(400)
    assert "وَقَّعَ" in focus.inner_text()
    p.locator('.khabar-reading .khabar-level button:has-text("No case endings")').first.click()
    p.wait_for_timeout(400)
    assert "مُذَكِّرَة " in focus.inner_text()  # the case ending is gone, the stem's marks are kept
    p.locator(".khabar-reading .khabar-translation").first.click()
    p.wait_for_timeout(400)
    assert "signed a memorandum on Tuesday" in focus.inner_text()
    for index, says in [(7, "counterpart"), (10, "proper name"), (1, "signed")]:  # ونظيره, كوشيرباييف, وقع
        focus.locator(".khabar-sid").click()  # a tap outside closes the open card
        w = focus.locator(f'.khabar-w[data-w="p01-s1:{index}"]')
        w.click()
        p.wait_for_timeout(300)
        card = w.locator(".khabar-wcard")
        assert card.is_visible() and says in card.inner_text()
    focus.locator(".khabar-sid").click()
    seven = focus.locator('.khabar-w[data-w="p01-s1:7"]')
    seven.click()
    p.wait_for_timeout(300)
    assert "and" in seven.locator(".khabar-wcard").inner_text()  # وَ + نَظِير + ـهُ
    p.locator(".khabar-reading .khabar-level").first.scroll_into_view_if_needed()
    p.wait_for_timeout(200)
    # what the learner sees: the sentence with a word's card open, the notebook without the JupyterLab around it
    screenshot(page, "01_read", tmp_path, ".jp-NotebookPanel-notebook")
    p.set_viewport_size({"width": 390, "height": 844})
    p.wait_for_timeout(500)
    for index in (1, 12, 24):  # words at the start, the middle and the end of the sentence
        focus.locator(".khabar-sid").click()
        w = focus.locator(f'.khabar-w[data-w="p01-s1:{index}"]')
        w.scroll_into_view_if_needed()
        w.click()
        p.wait_for_timeout(300)
        box = w.locator(".khabar-wcard").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (index, box)
    p.set_viewport_size({"width": 1400, "height": 1000})
    p.wait_for_timeout(300)
    assert direction(page, ".khabar-focus-panel p.khabar-ar") == "rtl"
    assert direction(page, ".khabar-jump select") == "rtl"
    assert page.errors == []


def test_vocabulary_search_and_flashcards(lab, page, tmp_path):
    open_notebook(page, lab, "02_vocabulary", ".khabar-flashcards .khabar-show-answer")
    p = page.page
    search = p.locator(".khabar-search input").first
    assert direction(page, ".khabar-search input") == "rtl"
    search.fill("وقع")
    search.press("Enter")
    p.wait_for_timeout(800)
    assert "to sign" in p.locator(".khabar-results").first.inner_text()
    cards = p.locator(".khabar-flashcards").first
    cards.locator(".khabar-show-answer").click()
    p.wait_for_timeout(500)
    assert "to sign" in cards.inner_text()
    screenshot(page, "02_vocabulary", tmp_path, ".khabar-flashcards")
    assert page.errors == []


def test_quiz_wrong_then_right_with_evidence(lab, page, tmp_path):
    open_notebook(page, lab, "03_comprehension", ".khabar-quiz .khabar-check")
    p = page.page
    item = p.locator(".khabar-quiz").first.locator(".khabar-item").first
    radios = item.locator("input[type=radio]")
    right = option_containing(item, "كوشيرباييف")
    wrong = 0 if right else 1
    radios.nth(wrong).check()
    item.locator(".khabar-check").click()
    p.wait_for_timeout(600)
    feedback = item.locator(".khabar-feedback")
    assert "Not right" in feedback.inner_text()
    radios.nth(right).check()
    item.locator(".khabar-check").click()
    p.wait_for_timeout(600)
    assert "✓ Right" in feedback.inner_text()
    item.locator("summary").click()
    assert "p01-s1" in feedback.inner_text()
    assert direction(page, ".khabar-quiz .khabar-rtl") == "rtl"
    screenshot(page, "03_comprehension", tmp_path, ".khabar-quiz")
    assert page.errors == []


def test_timeline_filters(lab, page, tmp_path):
    open_notebook(page, lab, "04_timeline", ".khabar-timeline .khabar-timeline-chart")
    p = page.page
    count = p.locator(".khabar-timeline-count").first
    before = count.inner_text()
    p.locator(".khabar-timeline .khabar-scope button", has_text="background").first.click()
    p.wait_for_timeout(1500)
    assert count.inner_text() != before
    assert page.errors == []


def test_teacher(lab, page, tmp_path):
    open_notebook(page, lab, "05_teacher", ".khabar-table")
    assert "sample-student-1" in page.page.content()
    screenshot(page, "05_teacher", tmp_path, ".jp-OutputArea-output:has-text('Item difficulty')")
    assert page.errors == []


def test_voila_vocabulary_app(voila, page, tmp_path):
    url = voila("02_vocabulary")
    p = page.page
    p.goto(url, timeout=120_000)
    p.wait_for_selector(".khabar-search input", timeout=120_000)
    search = p.locator(".khabar-search input").first
    search.fill("memorandum")
    search.press("Enter")
    p.wait_for_timeout(1000)
    assert "مُذَكِّرَة" in p.locator(".khabar-results").first.inner_text()
    assert direction(page, ".khabar-search input") == "rtl"
    screenshot(page, "voila_vocabulary", tmp_path)
    assert page.errors == []


def shows_the_activity_only(p, activity: str) -> bool:
    """App mode: the notebook's preamble (Aim, Time, Prerequisites, Setup) is left out, the activity is there."""
    preamble = sum(p.locator(f"h2:has-text('{h}')").count() for h in ("Aim", "Prerequisites", "Setup"))
    return preamble == 0 and p.locator(f"h2:has-text('{activity}')").count() == 1


def test_voila_comprehension_app(voila, page, tmp_path):
    url = voila("03_comprehension")
    p = page.page
    p.goto(url, timeout=120_000)
    p.wait_for_selector(".khabar-quiz .khabar-check", timeout=120_000)
    item = p.locator(".khabar-quiz").first.locator(".khabar-item").first
    item.locator("input[type=radio]").nth(option_containing(item, "كوشيرباييف")).check()
    item.locator(".khabar-check").click()
    p.wait_for_timeout(800)
    assert "type your name in the box at the top first" in item.locator(".khabar-feedback").inner_text().lower()
    box = p.locator(".khabar-learner input").first  # one server for the class: the name comes first
    box.fill("Amina")
    box.press("Enter")
    p.wait_for_timeout(800)
    item = p.locator(".khabar-quiz").first.locator(".khabar-item").first
    item.locator("input[type=radio]").nth(option_containing(item, "كوشيرباييف")).check()
    item.locator(".khabar-check").click()
    p.wait_for_timeout(800)
    assert "✓ Right" in item.locator(".khabar-feedback").inner_text()
    assert direction(page, ".khabar-quiz .khabar-rtl") == "rtl"
    assert shows_the_activity_only(p, "Practice")
    screenshot(page, "voila_comprehension", tmp_path)
    assert page.errors == []


def inside_phone(box) -> bool:
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_voila_reading_app_word_cards_on_a_phone(voila, page, tmp_path):
    url = voila("01_read")
    p = page.page
    p.set_viewport_size({"width": 390, "height": 844})
    p.goto(url, timeout=120_000)
    p.wait_for_selector(".khabar-reading .khabar-word-buttons button", timeout=120_000)
    # one server for the whole class: a name is asked first, and the box fits the phone
    box = p.locator(".khabar-learner").first
    assert "Type your name" in box.inner_text() and inside_phone(box.bounding_box())
    box.locator("input").fill("Amina")
    box.locator("input").press("Enter")
    p.wait_for_timeout(500)
    assert "«Amina»" in box.inner_text()
    reading = p.locator(".khabar-reading").first
    # the word row: choosing a word opens its card with "I know this word"
    reading.locator(".khabar-word-buttons button").nth(6).click()  # ونظيره
    p.wait_for_timeout(800)
    panel = reading.locator(".khabar-card-panel")
    assert "counterpart" in panel.inner_text() and "and" in panel.inner_text()
    assert reading.locator(".khabar-known-toggle").is_visible()
    assert inside_phone(panel.bounding_box())
    assert shows_the_activity_only(p, "Sentence by sentence")
    reading.locator(".khabar-word-buttons").scroll_into_view_if_needed()
    screenshot(page, "voila_read_phone", tmp_path)  # the moment that shows it: a word's card on a phone
    # every word of the article below opens its card too, inside the screen wherever it stands
    article = reading.locator(".khabar-article-panel")
    for index in (1, 13, 24):
        w = article.locator(f'.khabar-w[data-w="p01-s1:{index}"]')
        w.scroll_into_view_if_needed()
        w.click()
        p.wait_for_timeout(300)
        card = w.locator(".khabar-wcard")
        assert card.is_visible() and inside_phone(card.bounding_box()), index
        p.evaluate("document.activeElement.blur()")  # a tap elsewhere: the card closes
        p.wait_for_timeout(200)
        assert not card.is_visible()
    assert page.errors == []


def test_word_cards_work_in_a_saved_page_with_no_kernel(browser, tmp_path):
    import helpers
    from helpers.views.lesson import article_html

    lesson = helpers.load_lesson()
    page_file = tmp_path / "article.html"
    page_file.write_text(
        f'<!doctype html><meta charset="utf-8"><body>{article_html(lesson, glosses=True, level="full")}</body>',
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 390, "height": 844})
    p = context.new_page()
    p.goto(page_file.as_uri())
    for sid, index, says in [("p01-s1", 7, "counterpart"), ("p01-s1", 10, "proper name"), ("p13-s1", 1, "")]:
        w = p.locator(f'.khabar-w[data-w="{sid}:{index}"]')
        w.scroll_into_view_if_needed()
        assert not w.locator(".khabar-wcard").is_visible()
        w.click()
        p.wait_for_timeout(200)
        card = w.locator(".khabar-wcard")
        assert card.is_visible() and says in card.inner_text()
        assert inside_phone(card.bounding_box()), (sid, index, card.bounding_box())
        p.evaluate("document.activeElement.blur()")
    word = p.locator('.khabar-w[data-w="p01-s1:1"]')
    word.focus()  # the keyboard reaches every word, and its card
    assert word.locator(".khabar-wcard").is_visible()
    context.close()


def test_author_checks_a_draft_lesson(lab, kit_copy, page, tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    root, env = kit_copy
    article = Path(__file__).parents[1] / "data" / "new-article.ar.txt"
    subprocess.run([sys.executable, "-m", "helpers.cli", "new", str(article), "--id", "difaf-book-fair", "--out",
                    str(root / "materials"), "--date", "2026-03-15", "--force"], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    notebook = json.loads((root / "notebooks" / "06_author.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:  # this copy opens the draft (a teacher would start the kit with --lesson)
        cell["source"] = [s.replace("helpers.load_lesson()", 'helpers.load_lesson("difaf-book-fair")')
                          for s in cell["source"]]  # fmt: skip
    (root / "notebooks" / "06_author_draft.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    open_notebook(page, lab, "06_author_draft", ".khabar-author .khabar-author-accept")
    p = page.page
    view = p.locator(".khabar-author").first
    assert "second vocalizer (libtashkeel)" in view.inner_text()  # the riskiest first: both readings shown
    assert direction(page, ".khabar-author .khabar-author-ar_vocalized input") == "rtl"
    view.locator(".khabar-author-en textarea").fill("Amman: the Difaf Cultural Association opened its book fair.")
    view.locator(".khabar-author-accept").click()
    p.wait_for_timeout(1500)
    assert "Saved and checked" in view.inner_text() and "sentences 1/6 checked" in view.inner_text()
    view.scroll_into_view_if_needed()
    screenshot(page, "06_author", tmp_path, ".khabar-author")
    assert page.errors == []
