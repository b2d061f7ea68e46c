"""The timeline as a learner meets it: the explorer on a laptop (JupyterLab), and on a phone (Voilà)."""

from __future__ import annotations

from .conftest import direction, screenshot

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
CHOSEN = "22 Jan 2026 · Board of Peace charter signed in Davos"  # how the Event menu shows it


def _event_index(explorer) -> int:
    """Where the chosen event stands in the explorer's Event menu ("—" first, then the events by date)."""
    shown = [s.replace("\xa0", " ") for s in explorer.locator(".khabar-event-select select option").all_inner_texts()]
    return next(i for i, label in enumerate(shown) if CHOSEN in label)


def test_the_explorer_shows_the_chosen_event_beside_the_chart_on_a_laptop(lab, page, tmp_path):
    from .conftest import open_notebook

    p = page.page
    p.set_viewport_size(LAPTOP)
    open_notebook(page, lab, "04_timeline", ".khabar-timeline .khabar-tl-side", timeout=300_000)
    explorer = p.locator(".khabar-timeline").first
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    explorer.locator(".khabar-event-select select").select_option(index=_event_index(explorer))
    p.wait_for_function(
        "() => document.querySelector('.khabar-timeline .khabar-event-details').innerText.includes('Source:')"
    )
    p.wait_for_selector(".khabar-timeline .khabar-tl-list li.khabar-tl-chosen", timeout=60_000)  # chart redrawn
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    p.wait_for_timeout(300)
    details = explorer.locator(".khabar-event-details").bounding_box()
    chart = explorer.locator(".khabar-timeline-chart").bounding_box()
    assert details is not None and chart is not None
    assert details["x"] >= chart["x"] + chart["width"] - 1  # beside the chart, not below it
    assert 0 <= details["y"] and details["y"] + 120 <= LAPTOP["height"], details  # seen without scrolling
    assert "Board of Peace" in explorer.locator(".khabar-event-details").inner_text()
    assert explorer.locator(".khabar-tl-list li.khabar-tl-chosen").count() == 1  # marked in the list too
    # The Arabic menu's label stands on its right, the English menu's on its left.
    label = explorer.locator(".khabar-tl-field-rtl .khabar-tl-field-label").bounding_box()
    menu = explorer.locator(".khabar-tl-field-rtl select").bounding_box()
    assert label["x"] >= menu["x"] + menu["width"] - 1, (label, menu)
    assert direction(page, ".khabar-timeline .khabar-tl-field-rtl select") == "rtl"
    # The picture names what it shows, and its English labels are not shrunk below a readable size.
    image = explorer.locator("img.khabar-tl-img")
    assert image.get_attribute("alt").startswith("Timeline chart: ")
    scale = image.evaluate("e => e.getBoundingClientRect().width / e.naturalWidth")
    assert 12.0 * 100 / 72 * scale >= 12, scale  # English labels, 12 pt at 100 dpi, as shown on screen
    screenshot(page, "04_timeline_laptop", tmp_path)
    # The chart of section 1 fills the notebook's width: its labels show larger still, with the list below it.
    figure = p.locator(".jp-OutputArea-output figure.khabar-tl-figure").first
    figure.evaluate("e => e.scrollIntoView({block: 'start'})")
    story = figure.locator("img.khabar-tl-img")
    scale = story.evaluate("e => e.getBoundingClientRect().width / e.naturalWidth")
    assert 12.0 * 100 / 72 * scale >= 14, scale
    assert story.get_attribute("alt").startswith("Timeline chart: 16 events in 5 lanes")
    assert figure.locator(".khabar-tl-list li.khabar-tl-mark").count() == 11
    p.wait_for_timeout(300)
    screenshot(page, "04_timeline_chart_laptop", tmp_path)
    assert page.errors == []


def test_on_a_phone_the_timeline_is_a_readable_list(voila, page, tmp_path):
    p = page.page
    p.set_viewport_size(PHONE)
    p.goto(voila("04_timeline"), timeout=300_000)
    p.wait_for_selector(".khabar-timeline .khabar-tl-list", timeout=300_000)
    explorer = p.locator(".khabar-timeline").first
    assert not explorer.locator("img.khabar-tl-img").is_visible()  # the picture gives way to the list
    entry = explorer.locator(".khabar-tl-list div.khabar-tl-en").first
    entry.scroll_into_view_if_needed()
    assert entry.is_visible()
    english = entry.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    arabic = explorer.locator(".khabar-tl-list div.khabar-tl-ar").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert english >= 15 and arabic >= 20, (english, arabic)  # as read on the phone, in CSS pixels
    for selector in (".khabar-tl-list div.khabar-tl-en", ".khabar-tl-list div.khabar-tl-ar", ".khabar-tl-when"):
        for i in (0, 5):
            box = explorer.locator(selector).nth(i).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, i)
    assert direction(page, ".khabar-tl-list div.khabar-tl-ar") == "rtl"
    # Choosing an event shows it first, above the list, where the learner is.
    explorer.locator(".khabar-event-select select").select_option(index=_event_index(explorer))
    p.wait_for_function(
        "() => document.querySelector('.khabar-timeline .khabar-event-details').innerText.includes('Source:')"
    )
    p.wait_for_selector(".khabar-timeline .khabar-tl-list li.khabar-tl-chosen", timeout=60_000)  # chart redrawn
    screenshot(page, "04_timeline_phone", tmp_path)
    details = explorer.locator(".khabar-event-details").bounding_box()
    listing = explorer.locator(".khabar-tl-list").bounding_box()
    assert details["y"] < listing["y"] and details["x"] + details["width"] <= PHONE["width"] + 1
    explorer.locator(".khabar-event-details").scroll_into_view_if_needed()
    screenshot(page, "04_timeline_phone", tmp_path)
    print(f"phone label sizes: English {english} px, Arabic {arabic} px")
    assert page.errors == []
