"""The finder's first screen (aanbod/): results first on every screen. From 60em the form is a
narrow column beside the results; below it the filters fold behind a button. At 1280 x 900 (a
laptop) and 390 x 844 (a phone), with and without a search: the first result is in the first
screen, seen and on top. At 640 px (1280 px at 200 % zoom) one column again."""

from __future__ import annotations

import pytest

from .harness import assert_no_axe_violations, visit, wait_ready

LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ZOOMED = {"width": 640, "height": 450}  # 1280 x 900 at 200 %
SCREENS = {"1280": LAPTOP, "390": PHONE}
FIRST_CARD = "#sw-resultaten > li:first-child"

# Where `el` is in the window, and whether the centre of its first line is `el` or inside it.
BOX = """el => {
    const r = el.getBoundingClientRect();
    const line = el.getClientRects()[0];
    let onTop = false;
    if (line) {
        const hit = document.elementFromPoint(line.left + Math.min(line.width / 2, 40),
                                              line.top + line.height / 2);
        onTop = !!hit && (hit === el || el.contains(hit));
    }
    const em = parseFloat(getComputedStyle(el).fontSize);
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
            em: r.width / em, onTop};
}"""


def open_finder(page, screen: dict, query: str = "") -> None:
    """aanbod/ at this window size, once finder.js has answered, scrolled to the top."""
    page.set_viewport_size(screen)
    visit(page, f"aanbod/{query}")
    wait_ready(page, "finder")
    assert page.evaluate("() => document.documentElement.classList.contains('sw-js')")
    page.evaluate("() => window.scrollTo(0, 0)")


def box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(BOX)


@pytest.mark.parametrize("query", ["", "?q=judo"], ids=["all", "judo"])
@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_first_result_is_on_the_first_screen(page, screen, query):
    open_finder(page, screen, query)
    card = page.locator(FIRST_CARD)
    assert card.is_visible()
    card_box = box(page, FIRST_CARD)
    assert 0 <= card_box["top"] < screen["height"], card_box
    link = box(page, f"{FIRST_CARD} h3 a")
    assert link["bottom"] <= screen["height"], link  # the whole title link, not only its card
    assert link["onTop"], link
    if query:
        assert page.locator("#sw-q").input_value() == "judo"
    print(
        f"\n{screen['width']}x{screen['height']} aanbod/{query}: first result top "
        f"{round(card_box['top'])} px"
    )


def test_on_a_laptop_the_form_is_a_column_beside_the_results(page):
    open_finder(page, LAPTOP)
    search = box(page, "#sw-q")
    assert page.locator("#sw-q").is_visible()
    assert search["top"] >= 0 and search["bottom"] <= LAPTOP["height"], search
    assert search["onTop"], search
    form, results = box(page, "#sw-finder"), box(page, "#sw-resultaten")
    assert form["right"] <= results["left"], (form, results)  # side by side, form first
    assert results["em"] >= 30, results  # cards wide enough to read
    assert page.locator("#sw-filters-knop").is_hidden()  # the filters are open beside the list
    assert page.locator("#sw-sport").is_visible()


def test_at_200_percent_zoom_it_is_one_column_with_the_filters_folded(page):
    open_finder(page, ZOOMED)
    form, results = box(page, "#sw-finder"), box(page, "#sw-resultaten")
    assert form["bottom"] <= results["top"], (form, results)  # above the list, not beside it
    assert results["left"] == pytest.approx(form["left"], abs=1)
    assert page.locator("#sw-filters-knop").is_visible()
    assert page.locator("#sw-sport").is_hidden()


def test_without_javascript_the_list_takes_the_whole_width(page_without_js):
    page = page_without_js
    page.set_viewport_size(LAPTOP)
    visit(page, "aanbod/")
    intro = box(page, ".md-content__inner > p")
    results = box(page, "#sw-resultaten")
    assert page.locator("#sw-finder").is_hidden()
    assert results["left"] == pytest.approx(intro["left"], abs=1)
    assert results["width"] == pytest.approx(intro["width"], abs=1)


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_finder_passes_axe_at_both_widths(page, screen):
    open_finder(page, screen)
    assert_no_axe_violations(page, f"aanbod/ at {screen['width']} px")
