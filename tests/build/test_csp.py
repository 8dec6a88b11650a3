"""The Content-Security-Policy's script hashes: found with str.find, as the regex would, and
allowed only for the scripts our templates write."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from conftest import REPO, write
from sportwijzer.build.csp import (
    _DATA_TYPES,
    _SCRIPT,
    _hash,
    inline_script_hashes,
    own_script_hashes,
    own_scripts,
    policy,
)


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


# --- which scripts are ours: the templates say, never the page ---------------------------------

OVERRIDES = REPO / "overrides"


@pytest.fixture(scope="module")
def own():
    """Our templates' inline scripts: overrides/ and the theme's own, as the build reads them."""
    import material

    return own_scripts([OVERRIDES, Path(material.__file__).parent / "templates"])


def meta_policy(html: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


def test_a_script_that_reached_the_page_is_not_in_its_policy(own):
    finder = re.search(r"<script>(.*?)</script>", (OVERRIDES / "finder.html").read_text()).group(1)
    page = f"<script>{finder}</script><p>tekst</p><script>window.pwned=1</script>"
    assert own_script_hashes(page, own) == [_hash(finder)]
    assert _hash("window.pwned=1") not in policy(page, own, [])


def test_a_value_the_template_fills_in_stays_inside_its_quotes(tmp_path):
    write(tmp_path, "t/base.html", '<script>a=new URL("{{ base_url }}",location)</script>')
    write(tmp_path, "t/los.html", "<script>b={{ config.x | tojson }}</script>")
    write(tmp_path, "t/logica.html", "<script>{% if x %}c(){% endif %}</script>")
    own = own_scripts([tmp_path / "t"])
    assert own.allows('a=new URL("../..",location)')
    assert own.allows('a=new URL("/sportwijzer/",location)')
    assert not own.allows('a=new URL("",alert(1),"",location)')
    assert not own.allows('a=new URL("\\",alert(1)//",location)')
    assert not own.allows('a=new URL("</script><script>x()",location)')
    assert not own.allows("b=1")  # a value outside quotes could be any code: never allowed
    assert not own.allows("c()")


def test_every_inline_script_on_every_built_page_is_ours_and_in_its_policy(regio_a_build):
    """The templates cover every script the theme writes: none is refused on a clean site."""
    pages = list(regio_a_build.site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rules = meta_policy(html)
        for digest in inline_script_hashes(html):
            assert digest in rules, f"{page}: {digest}"


def test_table_alignment_needs_no_inline_style(regio_a_build):
    """Markdown's `| ---: |` becomes align="right" (the policy refuses style attributes)."""
    html = regio_a_build.page("toolkit/waarom-samenwerken/")
    assert '<td align="right">' in html and '<th align="right">' in html
    for page in regio_a_build.site.rglob("*.html"):
        assert 'style="text-align' not in page.read_text(encoding="utf-8"), page
