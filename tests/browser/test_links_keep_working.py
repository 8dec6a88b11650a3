"""Links that keep working (issue #24, item 4), in a real browser under the sub-path: the old
address of a renamed demo offer leads to its page, with and without JavaScript (the page at the
old address runs no script: its refresh leads on), and a stopped offer's page answers 200."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .harness import demo_site, visit


def _renamed() -> tuple[str, str, str]:
    """The first old address of a demo offer: (old address, new address, title)."""
    site = demo_site()
    found = sorted(
        (f"aanbod/{old}/", offer.url, offer.titel)
        for offer in site.aanbod.values()
        for old in offer.vorige_namen
    )
    assert found, "the demo has a renamed offer"
    return found[0]


@pytest.mark.parametrize("scripts", ["page", "page_without_js"], ids=["met-js", "zonder-js"])
def test_an_old_address_leads_to_the_offer(request, server, scripts):
    page = request.getfixturevalue(scripts)
    old, new, titel = _renamed()
    page.goto(urljoin(server, old), wait_until="commit")
    page.wait_for_url(urljoin(server, new))  # the signal: the browser is at the new address
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == titel


def test_a_stopped_offer_answers_with_its_page(page):
    site = demo_site()
    offer = min((o for o in site.aanbod.values() if not o.is_published), key=lambda o: o.slug)
    visit(page, offer.url)
    assert page.locator(".sw-melding strong").inner_text() == "Dit aanbod is gestopt."
    assert page.locator("#dichtbij + ul a").count() > 0  # offers nearby to go to
