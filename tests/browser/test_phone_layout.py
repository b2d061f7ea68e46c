"""Every app on a 390 px phone: nothing a learner needs runs off the screen or is cut short."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}

#: Each app notebook and what shows that its widgets are drawn.
APPS = {
    "01_read": ".khabar-reading .khabar-word-buttons button",
    "02_vocabulary": ".khabar-search input",
    "03_comprehension": ".khabar-quiz",
    "04_timeline": ".khabar-timeline",
}

#: Finds what extends past the viewport's sides, or a label cut with an ellipsis. An element inside a box that
#: scrolls sideways (a wide table) is judged by that box; hidden ones (a word card not opened) are left alone.
OVERFLOWS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const name = e => (e.className && e.className.baseVal === undefined ? e.tagName + '.' +
      String(e.className).trim().split(/\\s+/).slice(0, 3).join('.') : e.tagName);
  for (const e of document.querySelectorAll('.jp-OutputArea-output *, .jp-RenderedHTMLCommon *')) {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (r.width < 1 || r.height < 1 || style.visibility === 'hidden' || style.opacity === '0') continue;
    let inside = false;  // a box of the kit's own output that scrolls sideways, not the page's scroller
    for (let a = e.parentElement; a && !a.classList.contains('jp-OutputArea-output'); a = a.parentElement) {
      if (scrolls(a)) { inside = true; break; }
    }
    if (inside) continue;
    const text = (e.innerText || e.value || '').trim().slice(0, 30);
    if (r.left < -1 || r.right > width + 1) {
      found.push(`${name(e)} «${text}» spans ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
    } else if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) {
      found.push(`${name(e)} «${text}» is cut short (${e.scrollWidth} px of text in ${e.clientWidth})`);
    }
  }
  return found;
}"""


def screenshot_all(page, path) -> None:
    """The whole app, however long: Voilà scrolls inside its own box, so the page is made as tall as its content."""
    height = page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('*'))"
        ".filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": PHONE["width"], "height": min(int(height) + 40, 12_000)})
    page.screenshot(path=str(path))
    page.set_viewport_size(PHONE)


@pytest.mark.parametrize("notebook", sorted(APPS))
def test_nothing_runs_off_a_phone_screen(voila, browser, tmp_path, notebook):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(voila(notebook), timeout=120_000)
        page.wait_for_selector(APPS[notebook], timeout=120_000)
        page.wait_for_timeout(1500)
        found = page.evaluate(OVERFLOWS)
        screenshot_all(page, tmp_path / f"{notebook}-phone.png")
        assert found == [], f"{notebook} at 390 px:\n" + "\n".join(found[:25])
    finally:
        context.close()
