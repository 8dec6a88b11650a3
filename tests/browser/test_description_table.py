"""A description's table on the offer page (issue #26, item 5): a real table with a header row,
in sight on a phone (390 px) and a desktop (1280 px), and no '|' or '**' in the words shown."""

from __future__ import annotations

import pytest

from .harness import set_width, visit

OFFER = "aanbod/zwemmen-de-spetters-zwolle/"  # the demo offer with a schedule in its description


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)], ids=["telefoon", "desktop"])
def test_the_schedule_is_a_table_with_a_header_row(page, size):
    set_width(page, *size)
    visit(page, OFFER)
    table = page.locator(".sw-beschrijving table")
    assert table.count() == 1
    headers = table.locator("thead th[scope=col]")
    assert headers.all_inner_texts() == ["tijd", "groep", "trainers"]
    table.scroll_into_view_if_needed()
    assert table.is_visible()
    words = page.locator("main").inner_text()
    assert "|" not in words and "**" not in words
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
