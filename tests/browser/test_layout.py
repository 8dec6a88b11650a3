"""What a person sees on a phone (390 × 844) and a desktop (1280 × 900): the region analysis
table with whole names that fits or scrolls visibly, and an offer's call button on the first screen.
"""

from __future__ import annotations

import functools

import pytest

from sportwijzer.model.objects import Aanbod

from .harness import assert_in_sight, demo_site, focused, set_width, visit

PHONE = (390, 844)
DESKTOP = (1280, 900)
# The scroll frame's name, the same in the HTML and from site.js (which names every table frame).
TABLE_FRAME = "Tabel: Aantal activiteiten per gemeente (rijen) en beperking (kolommen)"

# --- the region analysis table ------------------------------------------------------------

_NAMES = """frame => [...frame.querySelectorAll('th[scope=row]')].map(th => {
    const name = th.querySelector('a');
    const style = getComputedStyle(name);
    const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    return {
        naam: name.textContent,
        lines: name.getClientRects().length,
        height: name.getBoundingClientRect().height,
        lineHeight,
    };
})"""

_SIZES = """frame => {
    const table = frame.querySelector('table').getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    return {
        table: table.width, frame: frame.clientWidth, scroll: frame.scrollWidth,
        left: box.left, right: box.right, window: innerWidth,
        page: document.scrollingElement.scrollWidth,
        overflow: getComputedStyle(frame).overflowX, tabindex: frame.getAttribute('tabindex'),
    };
}"""


def _open_analysis(page, size):
    set_width(page, *size)
    visit(page, "regio-analyse/")
    frame = page.get_by_role("region", name=TABLE_FRAME, exact=True)
    assert frame.count() == 1, f"no region named {TABLE_FRAME!r} around the table"
    return frame


def _assert_names_whole(frame) -> None:
    names = frame.evaluate(_NAMES)
    assert len(names) >= 10  # every municipality of the demo region
    broken = [n for n in names if n["lines"] != 1 or n["height"] > 1.5 * n["lineHeight"]]
    assert broken == [], f"names broken across lines: {broken}"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_analysis_table_keeps_every_municipality_name_whole(page, size):
    frame = _open_analysis(page, size)
    _assert_names_whole(frame)
    assert "Zwartewaterland" in frame.inner_text()


def scrolled_right(frame) -> bool:
    """Has the frame scrolled to the right? The harness's browser scrolls at once on a key
    (--disable-smooth-scrolling), so the answer is there when the key press returns."""
    return frame.evaluate("el => el.scrollLeft") > 0


def test_the_analysis_table_fits_beside_the_menu_at_1280(page):
    frame = _open_analysis(page, DESKTOP)
    sizes = frame.evaluate(_SIZES)
    assert sizes["table"] <= sizes["frame"], sizes
    assert sizes["scroll"] <= sizes["frame"], sizes  # nothing hidden to the right
    last_column = frame.locator("thead th").last
    assert last_column.inner_text() == "NAH"
    frame.scroll_into_view_if_needed()  # down the page to the table; it has nothing to scroll
    assert_in_sight(page, last_column.element_handle(), "the table's last column at 1280 px")


def test_the_analysis_table_scrolls_sideways_by_keyboard_on_a_phone(page):
    frame = _open_analysis(page, PHONE)
    sizes = frame.evaluate(_SIZES)
    assert sizes["scroll"] > sizes["frame"], f"the table fits, nothing to scroll: {sizes}"
    assert sizes["overflow"] in ("auto", "scroll") and sizes["tabindex"] == "0", sizes
    assert sizes["left"] >= 0 and sizes["right"] <= sizes["window"], sizes  # the frame fits
    assert sizes["page"] <= sizes["window"], sizes  # the page itself does not scroll sideways

    # By keyboard: from the paragraph above the table, one Tab reaches the frame.
    page.get_by_text("betekent: in die gemeente is nog geen aanbod").click()
    page.keyboard.press("Tab")
    assert focused(page).evaluate("el => el.getAttribute('aria-label')") == TABLE_FRAME
    outline = frame.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused frame shows no focus ring"
    last_column = frame.locator("thead th").last
    assert last_column.bounding_box()["x"] >= sizes["window"]  # out of view before scrolling
    page.keyboard.press("ArrowRight")
    assert scrolled_right(frame), "ArrowRight does not scroll the table"
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    assert_in_sight(page, last_column.element_handle(), "the last column after scrolling")
    first_name = frame.locator("th[scope=row] a").first
    assert_in_sight(page, first_name.element_handle(), "the first name, kept on the left")


def test_without_javascript_the_table_frame_is_a_named_focusable_region(page_without_js):
    """site.js names every table frame; the analysis table's frame has it in its HTML too."""
    frame = _open_analysis(page_without_js, PHONE)
    frame.focus()
    assert focused(page_without_js).evaluate("el => el.getAttribute('aria-label')") == TABLE_FRAME
    page_without_js.keyboard.press("ArrowRight")
    assert scrolled_right(frame), "ArrowRight does not scroll the table"


# --- the offer page's call button -------------------------------------------------------


def _text_above_the_button(offer: Aanbod) -> int:
    """A rough measure of the height above the call button: the longer, the lower it sits."""
    notice = 120 if offer.status.slug != "actief" else 0  # a waiting list or a pause says so
    texts = (offer.titel, offer.sport.naam, offer.aanbieder.naam, offer.samenvatting)
    return sum(len(t) for t in texts) + notice


@functools.cache
def _offers_with_a_phone() -> tuple[tuple[str, str, str], ...]:
    """(url, number, tel: link) of the demo offers with the most text above the call button."""
    site = demo_site()
    offers = sorted(
        (o for o in site.gepubliceerd if o.contact.telefoon),
        key=lambda o: (-_text_above_the_button(o), o.slug),
    )
    return tuple((o.url, o.contact.telefoon, o.contact.telefoon_link) for o in offers[:3])


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("offer", range(3), ids=["langste", "tweede", "derde"])
def test_the_call_button_is_on_the_first_screen(page, size, offer):
    url, number, link = _offers_with_a_phone()[offer]
    width, height = size
    set_width(page, width, height)
    visit(page, url)
    button = page.locator(f'.sw-aanbod a[href="{link}"]').first
    assert button.inner_text().strip() == f"Bel {number}"
    bottom = button.evaluate("el => el.getBoundingClientRect().bottom + scrollY")
    assert bottom <= height, f"{url}: the call button ends {bottom:.0f} px down, below {height}"
    assert_in_sight(page, button.element_handle(), f"{url}: the call button")
    # The full contact section below keeps the number, with mail and website.
    contact = page.locator("#contact ~ ul.sw-acties").first
    assert contact.locator(f'a[href="{link}"]').inner_text().strip() == f"Bel {number}"
    page.get_by_role("link", name="Alle contactgegevens").click()
    assert_in_sight(page, page.locator("#contact").element_handle(), "the contact heading")
