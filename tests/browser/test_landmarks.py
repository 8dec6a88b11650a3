"""Screen readers hear Dutch names for the page's landmarks, never the theme's English ones.

The theme's names come from its translations (overrides/partials/languages/nl-sportwijzer.html
fills in the ones its Dutch leaves in English). The English to look for is the theme's own
English translation, read from the installed package.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from html.parser import HTMLParser

import pytest

from .harness import set_width, visit

NAMING_ATTRIBUTES = ("aria-label", "title", "alt", "aria-roledescription", "placeholder")


@functools.cache
def theme_english() -> frozenset[str]:
    """Every text of the theme's English translation (en.html) that could be a name."""
    source = importlib.resources.files("material").joinpath("templates/partials/languages/en.html")
    texts = re.findall(r'"[\w.]+": "([^"]*)"', source.read_text(encoding="utf-8"))
    return frozenset(t for t in texts if len(t) > 2 and t[0].isalpha())


def english(name: str) -> bool:
    """'Footer', or 'Previous: Toolkit' as the theme writes a link's name."""
    return name.strip() in theme_english() or name.split(":")[0].strip() in theme_english()


class _Names(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for attribute, value in attrs:
            if attribute in NAMING_ATTRIBUTES and value:
                self.names.append((tag, attribute, value))


def test_the_check_knows_the_themes_english():
    assert {"Header", "Footer", "Navigation", "Table of contents", "Skip to content"} <= (
        theme_english()
    )
    assert english("Previous: Toolkit") and not english("Vorige: Toolkit")
    assert not english("Bovenbalk")


def test_no_built_page_names_anything_in_the_themes_english(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    found = []
    for path in pages:
        parser = _Names()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [
            f'{path.relative_to(built_site)}: <{tag} {attribute}="{value}">'
            for tag, attribute, value in parser.names
            if english(value)
        ]
    assert found == []


# Every landmark on the page as assistive technology gets it, after the scripts ran: its role
# and its name (aria-labelledby before aria-label, as the accessible name is computed).
_LANDMARKS = """() => {
    const roles = {HEADER: 'banner', NAV: 'navigation', MAIN: 'main', ASIDE: 'complementary',
                   FOOTER: 'contentinfo', FORM: 'form', SECTION: 'region'};
    const nameOf = el => {
        const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
        if (ids.length) {
            return ids.map(id => document.getElementById(id)?.textContent.trim() || '').join(' ');
        }
        return (el.getAttribute('aria-label') || '').trim();
    };
    return [...document.querySelectorAll('header, nav, main, aside, footer, form, section, [role]')]
        .filter(el => el.getClientRects().length && !el.closest('[aria-hidden=true]'))
        .map(el => ({role: el.getAttribute('role') || roles[el.tagName] || '', name: nameOf(el)}))
        .filter(l => ['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search',
                      'form', 'region'].includes(l.role));
}"""

_ALL_NAMES = """names => [...document.querySelectorAll('*')].flatMap(el =>
    names.map(name => el.getAttribute(name)).filter(Boolean))"""


@pytest.mark.parametrize("width", [390, 1280], ids=lambda width: f"{width}px")
@pytest.mark.parametrize("path", ["", "hulp/vervoer/", "toegankelijkheid/", "aanbod/"])
def test_the_landmarks_have_dutch_names_in_the_browser(page, path, width):
    set_width(page, width, 900)
    visit(page, path)
    landmarks = page.evaluate(_LANDMARKS)
    assert landmarks, "no landmarks found: the check is moot"
    assert [landmark for landmark in landmarks if english(landmark["name"])] == []
    named = {landmark["name"] for landmark in landmarks}
    assert "Bovenbalk" in named
    if width == 1280:
        assert {"Navigatie", "Voettekst"} <= named
    runtime = page.evaluate(_ALL_NAMES, list(NAMING_ATTRIBUTES))
    assert [name for name in runtime if english(name)] == []


def test_the_previous_and_next_links_have_a_dutch_landmark_name(page):
    visit(page, "hulp/vervoer/")
    footer_nav = page.locator("nav.md-footer__inner")
    assert footer_nav.get_attribute("aria-label") == "Vorige en volgende pagina"
    assert footer_nav.is_visible()
