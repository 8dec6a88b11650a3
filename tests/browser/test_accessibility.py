"""WCAG in practice: a keyboard journey, text spacing, less motion, headings, landmarks, links."""

from __future__ import annotations

import itertools
import re

import pytest

from .harness import WIDTHS, assert_in_sight, focused, set_width, visit, wait_ready
from .test_smoke import PAGES, url_of

CONTENT_PAGES = [p for p in PAGES if p.status == 200]


def press_tab_until(page, matches, what: str, limit: int = 80) -> None:
    """Tab forward until the focused element matches; every stop must be visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element.evaluate("el => el === document.body"):
            continue
        assert_in_sight(page, element, f"a Tab stop on the way to {what}")
        if element.evaluate(matches):
            return
    pytest.fail(f"{what} not reached in {limit} Tab stops", pytrace=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_journey_from_home_to_a_phone_number(page, width):
    """Skip link, search, an impairment filter, the first result, its phone link: keys only."""
    set_width(page, width)
    visit(page, "")
    page.keyboard.press("Tab")
    assert focused(page).evaluate("el => el.getAttribute('href')") == "#hoofdinhoud"
    page.keyboard.press("Enter")
    press_tab_until(page, "el => el.id === 'sw-zoekveld'", "the search field")
    page.keyboard.type("zwemmen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanbod/\?q=zwemmen$"))
    wait_ready(page, "finder")
    assert "gevonden" in page.locator("#sw-aantal").text_content()
    if width < 960:  # below 60em the filters are folded behind a button: results first
        press_tab_until(page, "el => el.id === 'sw-filters-knop'", "the Filters button")
        page.keyboard.press("Enter")
        assert focused(page).evaluate("el => el.id") == "sw-b-lichamelijk"
    else:
        press_tab_until(page, "el => el.id === 'sw-b-lichamelijk'", "the impairment filter")
    page.keyboard.press("Space")
    wait_ready(page, "finder")
    assert "beperking=lichamelijk" in page.url
    press_tab_until(
        page, "el => !!el.closest('#sw-resultaten') && el.tagName === 'A'", "the first result"
    )
    title = focused(page).evaluate("el => el.textContent")
    first = page.locator("#sw-resultaten > li:not([hidden]) h3 a").first.text_content()
    assert title == first
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").text_content() == title
    press_tab_until(
        page, "el => (el.getAttribute('href') || '').startsWith('tel:')", "the phone link"
    )


_FOCUS_DRAWN = """el => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || s.boxShadow !== 'none';
}"""


@pytest.mark.parametrize("path", ["", "aanbod/", "keuzehulp/"])
def test_focus_is_always_visible(page, path):
    """Tabbing through the page, every stop draws a focus outline (or shadow) and is in sight."""
    visit(page, path)
    for stop in range(60):
        page.keyboard.press("Tab")
        element = focused(page)
        if element.evaluate("el => el === document.body"):
            break
        what = element.evaluate("el => el.outerHTML.slice(0, 100)")
        assert element.evaluate(_FOCUS_DRAWN), f"Tab stop {stop + 1} has no visible focus: {what}"
        assert_in_sight(page, element, f"Tab stop {stop + 1}")


# A constructed style sheet: the site's Content-Security-Policy refuses inline <style> elements.
_ADD_STYLE = """css => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return getComputedStyle(document.querySelector('main h1')).letterSpacing;
}"""

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

_CLIPPED = """() => [...document.querySelectorAll('main *, header *')].filter(el => {
    if (!el.offsetParent || !el.textContent.trim() || el.children.length) return false;
    const s = getComputedStyle(el);
    const cut = v => ['hidden', 'clip'].includes(v);
    const clips = cut(s.overflowX) || cut(s.overflowY);
    const away = '.sw-verborgen, .sw-tot-focus, .md-visually-hidden, [hidden]';
    if (!clips || el.closest(away)) return false;
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}).map(el => el.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("page_type", CONTENT_PAGES, ids=lambda p: p.name)
def test_text_spacing_never_clips_text(page, server, page_type):
    """WCAG 1.4.12: more space between lines, letters, words and paragraphs loses nothing."""
    set_width(page, 320)
    visit(page, url_of(page_type, server))
    assert page.evaluate(_ADD_STYLE, TEXT_SPACING) != "normal"  # the spacing is applied
    assert page.evaluate(_CLIPPED) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


# Longest transition or animation of every element, in milliseconds.
_DURATIONS = """() => [...document.querySelectorAll('*')].map(el => {
    const s = getComputedStyle(el);
    const ms = v => v.split(', ').map(x => parseFloat(x) * (x.endsWith('ms') ? 1 : 1000));
    return Math.max(...ms(s.transitionDuration), ...ms(s.animationDuration));
})"""


def test_less_motion_when_asked(page):
    visit(page, "")
    assert max(page.evaluate(_DURATIONS)) > 1, "no transitions to switch off: the test is moot"
    page.emulate_media(reduced_motion="reduce")
    assert max(page.evaluate(_DURATIONS)) <= 1


@pytest.mark.parametrize("page_type", CONTENT_PAGES, ids=lambda p: p.name)
def test_headings_landmarks_and_link_texts(page, server, page_type):
    visit(page, url_of(page_type, server))
    levels = page.evaluate(
        "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
        ".map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1, levels
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == [], f"headings skip a level: {levels}"
    for landmark in ("header", "main", "footer", "nav"):
        assert page.locator(landmark).count() >= 1, landmark
    vague = page.evaluate(
        """() => [...document.querySelectorAll('main a')]
            .map(a => a.textContent.trim().toLowerCase())
            .filter(t => ['hier', 'klik hier', 'lees meer', 'meer', 'link', 'deze'].includes(t))"""
    )
    assert vague == []
