"""An offer page prints as one clean A4 sheet for a physiotherapist to hand over."""

from __future__ import annotations

import re

from .harness import visit
from .test_smoke import PAGES, url_of


def test_offer_page_prints_on_one_a4_sheet_without_navigation(page, server):
    full_offer = next(p for p in PAGES if p.name == "aanbod-volledig")
    visit(page, url_of(full_offer, server))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "#dichtbij"):
        assert page.locator(hidden).first.is_hidden(), hidden
    phone = page.locator(".sw-acties a[href^='tel:']").first
    written_out = phone.evaluate("el => getComputedStyle(el, '::after').content")
    assert "tel:" in written_out  # links are written out on paper
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the offer prints on {pages} sheets"
