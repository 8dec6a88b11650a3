"""The theme guard: one build of the demo shows that every template override still ran.

The overrides in overrides/ extend the theme's blocks by name and patch its markup by exact
strings. If a theme upgrade renames a block or changes that markup, the build still succeeds and
only the browser tests would notice; these checks read the built HTML and fail in make test-snel.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO

# One page of every kind: home, finder, an offer, a partner, the listings, a hand-written page
# with a table of contents, the agenda, the toolkit, the desk and the 404 page.
PAGE_KINDS = [
    "",
    "aanbod",
    "aanbod/*",
    "partners/*",
    "sport/*",
    "gemeente/*",
    "beperking/*",
    "privacy",
    "agenda",
    "toolkit",
    "hulp-bij-zoeken",
    "404.html",
]
WITH_CONTENTS = {"privacy", "toolkit"}  # hand-written pages with a table of contents


def first_page(site, pattern: str):
    """The page at `pattern` ('x/*': the first page in folder x, in name order)."""
    if pattern.endswith(".html"):
        return site / pattern
    found = sorted(site.glob(f"{pattern}/index.html") if pattern else [site / "index.html"])
    assert found, f"geen pagina {pattern!r} in de demo"
    return found[0]


@pytest.mark.parametrize("pattern", PAGE_KINDS)
def test_the_skip_link_leads_to_a_target_on_every_kind_of_page(demo_build, pattern):
    """main.html's skip link (pages without a table of contents) and its target `hoofdinhoud`."""
    html = first_page(demo_build.site, pattern).read_text(encoding="utf-8")
    assert '<div class="md-content" data-md-component="content" id="hoofdinhoud">' in html
    skips = re.findall(r'<a href="#([^"]+)" class="md-skip">\s*Ga naar inhoud\s*</a>', html)
    assert len(skips) == 1, skips
    assert f'id="{skips[0]}"' in html
    # a page with a table of contents keeps the theme's own skip link, to its first heading
    assert (skips == ["hoofdinhoud"]) == (pattern not in WITH_CONTENTS)


def test_every_page_has_the_skip_target_and_our_header(demo_build):
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in html:
            continue  # the page at an old address only leads on (build/redirects.py)
        assert 'id="hoofdinhoud"' in html and 'class="md-skip"' in html, path
        assert '<nav class="md-header__inner md-grid" aria-label="Bovenbalk">' in html, path


def test_the_dutch_landmark_labels_and_our_header_replace_the_theme_s(demo_build):
    """partials/languages/nl-sportwijzer.html names the landmarks; partials/header.html has our
    search box and the drawer's menu button, and the theme's search is gone."""
    labels = (REPO / "overrides/partials/languages/nl-sportwijzer.html").read_text("utf-8")
    assert '"header": "Bovenbalk"' in labels and '"footer": "Vorige en volgende pagina"' in labels
    privacy = demo_build.page("privacy")  # in the navigation: it has the previous/next footer
    assert 'class="md-footer__inner md-grid" aria-label="Vorige en volgende pagina"' in privacy
    offer = first_page(demo_build.site, "aanbod/*").read_text(encoding="utf-8")
    assert 'aria-label="Bovenbalk"' in offer and 'aria-label="Header"' not in offer
    assert '<label class="md-header__button md-icon" for="__drawer">' in offer
    assert "sw-zoekbalk" in offer
    assert 'data-md-component="search"' not in offer


def test_the_block_cache_was_used_for_the_pages_of_a_folder(demo_build):
    """The build logs how often build/blockcache.py handed out a kept block (sidebar, settings,
    header, cards). Every offer page after the first reuses at least its folder's three."""
    hits = re.findall(r"sportwijzer: blokcache: (\d+) keer hergebruikt", demo_build.log)
    offers = list(demo_build.site.glob("aanbod/*/index.html"))
    assert len(offers) > 50
    assert len(hits) == 1
    assert int(hits[0]) >= 3 * (len(offers) - 1)
