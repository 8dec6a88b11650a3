"""The menu by keyboard, on a phone (390 × 844) and a desktop (1280 × 900).

On a phone the navigation is a drawer (javascripts/site.js): closed, its links are no Tab stops;
open, Tab and Shift+Tab go round inside it and Escape closes it, with the focus back on the menu
button. On a desktop the navigation is a sidebar that stays reachable. The skip link comes first
everywhere.
"""

from __future__ import annotations

import pytest

from .harness import assert_in_sight, focused, set_width, visit, wait_ready
from .test_smoke import PAGES, url_of

PHONE = (390, 844)
DESKTOP = (1280, 900)
SIZES = [PHONE, DESKTOP]
SIZE_IDS = ["390px", "1280px"]

# A page at the top level of the menu, and pages inside a section and a section's section: there
# the drawer opens on the section's panel, over the level above it.
DRAWER_PAGES = ["", "hulp/vervoer/", "toolkit/stap-1-initiatief/"]

_DRAWER = ".md-sidebar--primary"
_MENU_BUTTON = "button.sw-headerknop__drawer"

_DESCRIBE = """el => el === document.body ? 'the page itself'
    : el.outerHTML.replace(/\\s+/g, ' ').slice(0, 120)"""
_IN_DRAWER = f"el => !!el.closest('{_DRAWER}')"
_IN_CONTENT = "el => !!el.closest('.md-content')"


def open_page(page, size: tuple[int, int], path: str) -> None:
    set_width(page, *size)
    visit(page, path)
    wait_ready(page, "site")  # the menu button and the drawer's keys are site.js's


def tab(page, key: str = "Tab"):
    page.keyboard.press(key)
    return focused(page)


def describe(element) -> str:
    return element.evaluate(_DESCRIBE)


def drawer_is_open(page) -> bool:
    return page.evaluate("() => document.getElementById('__drawer').checked")


def open_drawer_by_keyboard(page) -> None:
    """From the top of the page: Tab to the menu button and press Enter."""
    tab(page)  # the skip link
    button = tab(page)
    assert button.evaluate(f"el => el.matches('{_MENU_BUTTON}')"), describe(button)
    page.keyboard.press("Enter")
    assert drawer_is_open(page)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("page_type", PAGES, ids=lambda page_type: page_type.name)
def test_the_skip_link_is_the_first_tab_stop(page, server, page_type, size):
    set_width(page, *size)
    visit(page, url_of(page_type, server), status=page_type.status)
    link = tab(page)
    about = link.evaluate(
        """el => {
            const href = el.getAttribute('href') || '';
            const target = href.startsWith('#') && document.getElementById(href.slice(1));
            return {skip: el.matches('a.md-skip'), text: el.textContent.trim(),
                    inMain: !!target && !!target.closest('main')};
        }"""
    )
    assert about == {"skip": True, "text": "Ga naar inhoud", "inMain": True}, describe(link)
    assert_in_sight(page, link, "the focused skip link")


@pytest.mark.parametrize("path", ["", "aanbod/", "hulp/vervoer/", "toolkit/stap-1-initiatief/"])
def test_on_a_phone_the_header_has_three_tab_stops_and_then_comes_the_content(page, path):
    """Skip link, menu button, search button; the closed drawer's links are no Tab stops."""
    open_page(page, PHONE, path)
    stops = []
    for _ in range(10):
        element = tab(page)
        if element.evaluate(_IN_CONTENT):
            break
        assert not element.evaluate(_IN_DRAWER), f"a closed drawer's link: {describe(element)}"
        assert_in_sight(page, element, f"Tab stop {len(stops) + 1}")
        stops.append(element.evaluate("el => el.getAttribute('aria-label') || el.textContent"))
    else:
        pytest.fail(f"no Tab stop in the content after {stops}", pytrace=False)
    assert [s.strip() for s in stops] == ["Ga naar inhoud", "Menu", "Zoeken"]
    assert_in_sight(page, element, "the first Tab stop in the content")


# The drawer's links that take the focus or can be seen (on top at their centre).
_DRAWER_LINKS_IN_REACH = f"""() => [...document.querySelectorAll('{_DRAWER} a[href]')]
  .filter(a => {{
    a.focus();
    if (document.activeElement === a) return true;
    const r = a.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === a || a.contains(hit));
}}).map(a => a.getAttribute('href'))"""


@pytest.mark.parametrize("path", ["", "hulp/vervoer/"])
def test_on_a_phone_the_closed_drawer_cannot_take_the_focus_nor_be_seen(page, path):
    open_page(page, PHONE, path)
    assert page.locator(f"{_DRAWER} a[href]").count() > 10
    assert page.evaluate(_DRAWER_LINKS_IN_REACH) == []


# Where the focus is: in the drawer or not, the close button or not, and what it is.
_WHERE = f"""(el, close) => ({{
    inDrawer: !!el.closest('{_DRAWER}'),
    isClose: el === close,
    what: el === document.body ? 'the page itself'
        : el.outerHTML.replace(/\\s+/g, ' ').slice(0, 120),
}})"""


def walk_round(page, close, key: str, check_sight: bool) -> list[str]:
    """Press the key until the focus is back on the close button; every stop in the drawer."""
    stops: list[str] = []
    for _ in range(100):
        element = tab(page, key)
        where = element.evaluate(_WHERE, close)
        if where["isClose"]:
            return stops
        assert where["inDrawer"], f"{key} left the open drawer: {where['what']}"
        if check_sight:
            assert_in_sight(page, element, f"{key} stop {len(stops) + 1} in the open drawer")
        stops.append(where["what"])
    pytest.fail(f"{key} never came back to the drawer's close button: {stops}", pytrace=False)


@pytest.mark.parametrize("path", DRAWER_PAGES)
def test_on_a_phone_tab_goes_round_inside_the_open_drawer_and_escape_closes_it(page, path):
    open_page(page, PHONE, path)
    open_drawer_by_keyboard(page)
    close = focused(page)
    assert close.evaluate("el => el.getAttribute('aria-label')") == "Menu sluiten"
    assert_in_sight(page, close, "the close button of the open drawer")

    forward = walk_round(page, close, "Tab", check_sight=True)
    assert len(forward) > 10, forward
    backward = walk_round(page, close, "Shift+Tab", check_sight=False)
    assert backward == forward[::-1]

    page.keyboard.press("Escape")
    assert not drawer_is_open(page)
    button = focused(page)
    assert button.evaluate(f"el => el.matches('{_MENU_BUTTON}')"), describe(button)
    assert button.evaluate("el => el.getAttribute('aria-expanded')") == "false"
    assert_in_sight(page, button, "the menu button after Escape")  # once the drawer slid out
    drawer_right = f"() => document.querySelector('{_DRAWER}').getBoundingClientRect().right"
    assert page.evaluate(drawer_right) <= 0
    assert page.evaluate(_DRAWER_LINKS_IN_REACH) == []


def test_on_a_phone_the_open_drawer_covers_the_page_and_its_close_button_closes_it(page):
    open_page(page, PHONE, "")
    page.locator(_MENU_BUTTON).click()
    assert page.locator(_MENU_BUTTON).get_attribute("aria-expanded") == "true"
    home = page.locator(f"{_DRAWER} .md-nav__list a[href]").first
    assert_in_sight(page, home.element_handle(), "the drawer's first link")
    # The page behind the drawer cannot take the focus while the drawer is open.
    content_link = page.locator(".md-content a[href]").first
    focusable = "el => { el.focus(); return document.activeElement === el; }"
    assert not content_link.evaluate(focusable)
    page.locator(".sw-menusluiten").click()
    assert not drawer_is_open(page)
    assert focused(page).evaluate(f"el => el.matches('{_MENU_BUTTON}')")
    # Closed, the page takes the focus again.
    assert content_link.evaluate(focusable)


def test_on_a_phone_a_section_opened_by_keyboard_takes_the_focus_to_its_first_link(page):
    open_page(page, PHONE, "")
    label = page.evaluate(
        """() => [...document.querySelectorAll('label.md-nav__link[id$="_label"]')]
            .find(el => el.textContent.trim() === 'Praktische hulp').id"""
    )  # Material numbers its sections in menu order: find ours by its name
    open_drawer_by_keyboard(page)
    for _ in range(30):
        element = tab(page)
        if element.evaluate(f"el => el.id === '{label}'"):
            break
    else:
        pytest.fail("the section 'Praktische hulp' is no Tab stop", pytrace=False)
    page.keyboard.press("Enter")
    link = focused(page)
    assert link.evaluate(f"el => el.matches('nav[aria-labelledby=\"{label}\"] a[href]')")
    assert_in_sight(page, link, "the first link of the opened section")
    nav = page.locator(f'nav[aria-labelledby="{label}"]')
    assert nav.get_attribute("aria-expanded") == "true"
    section = tab(page, "Shift+Tab")
    assert section.evaluate(f"el => el.id === '{label}'")
    assert_in_sight(page, section, "the section's name, back on the top level")
    assert nav.get_attribute("aria-expanded") == "false"


def test_on_a_desktop_the_sidebar_links_are_tab_stops_in_sight(page):
    open_page(page, DESKTOP, "hulp/vervoer/")
    for _ in range(15):
        element = tab(page)
        if element.evaluate(_IN_DRAWER):
            assert_in_sight(page, element, "a sidebar link on a desktop")
            return
    pytest.fail("no sidebar link within 15 Tab stops on a desktop", pytrace=False)


def test_the_drawer_follows_the_screen_width(page):
    """Phone: closed drawer out of reach. Desktop: sidebar in reach. And back, without reload."""
    open_page(page, PHONE, "hulp/vervoer/")
    link = page.locator(f"{_DRAWER} .md-nav__list a[href]").first
    focusable = "el => { el.focus(); return document.activeElement === el; }"
    assert not link.evaluate(focusable)
    set_width(page, *DESKTOP)
    page.wait_for_function(f"() => !document.querySelector('{_DRAWER}').inert")
    assert link.evaluate(focusable)
    assert_in_sight(page, link.element_handle(), "a sidebar link after widening the window")
    set_width(page, *PHONE)
    page.wait_for_function(f"() => document.querySelector('{_DRAWER}').inert")
    assert not link.evaluate(focusable)

    # Opened on a phone, then widened: the page is all in reach again.
    page.locator(_MENU_BUTTON).click()
    assert drawer_is_open(page)
    set_width(page, *DESKTOP)
    page.wait_for_function("() => !document.querySelector('.md-content').inert")
    field = page.locator("#sw-zoekbalk-q")
    assert field.evaluate(focusable)
