"""The Content-Security-Policy's script hashes: found with str.find, as the regex would."""

from __future__ import annotations

import base64
import hashlib

import pytest

from sportwijzer.csp import _DATA_TYPES, _SCRIPT, inline_script_hashes


def by_regex(html: str) -> list[str]:
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(hashes)


PAGES = [
    "<p>geen script</p>",
    '<script>var a = 1;</script><script src="x.js"></script>',
    '<script type="application/ld+json">{"a": 1}</script><script>b()</script><script>b()</script>',
    '<script id="__config" type="application/json">{}</script>\n<script>\n  c("é")\n</script>',
    "<script>niet af",
    "<script>a</script><p>tekst</p><script defer>d</script>",
]


@pytest.mark.parametrize("html", PAGES)
def test_the_same_hashes_as_the_regex(html):
    assert inline_script_hashes(html) == by_regex(html)


def test_the_same_hashes_on_every_built_page_of_a_fixture_site(regio_a_build):
    pages = list(regio_a_build.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert inline_script_hashes(html) == by_regex(html), page
        assert by_regex(html)  # the theme's inline scripts are there
