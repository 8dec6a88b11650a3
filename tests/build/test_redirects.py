"""Links that keep working (issue #24, item 4), in the built site: a stopped offer keeps its page
(noindex, out of every list, the sitemap, the search and the open data), and each old name of a
renamed offer or event has a small page that leads to the new address, under a sub-path."""

from __future__ import annotations

import gzip
import html.parser
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import SHORT_EVENT, SITE_URL, TODAY, VALID_OFFER, copy_region, shared_build, write
from sportwijzer.build.pages import all_pages
from sportwijzer.build.redirects import redirect_page
from sportwijzer.site import load_site

STOPPED = "aanbod/zwemmen-gestopt/"  # regio-a's stopped offer, 'Zwemmen in Olst'
NEARBY = VALID_OFFER.replace("Zwemmen voor iedereen", "Zwemmen in Wijhe").replace(
    "  plaats: Zwolle\n  gemeente: Zwolle\n  coordinaten: [52.5230, 6.0790]",
    "  plaats: Wijhe\n  gemeente: Olst-Wijhe\n  coordinaten: [52.3870, 6.1330]",
)
EVENT = SHORT_EVENT + "vorige_namen: [clinic-tennis-zwolle]\n"
# old address -> new address, relative to the site
RENAMED = {
    "aanbod/zwemmen-olst-wijhe/": "aanbod/zwemmen-wijhe/",
    "aanbod/baantjes-wijhe/": "aanbod/zwemmen-wijhe/",
    "agenda/clinic-tennis-zwolle/": "agenda/clinic-rolstoeltennis/",
}


def _links_region(root: Path) -> None:
    """regio-a with an offer near the stopped one (renamed twice) and a renamed event."""
    renamed = NEARBY + "vorige_namen: [zwemmen-olst-wijhe, baantjes-wijhe]\n"
    write(root, "offers/zwemmen-wijhe.yml", renamed)
    write(root, "agenda/clinic-rolstoeltennis.yml", EVENT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """regio-a with the renamed offer and event, built once, strict, under a sub-path."""
    assert SITE_URL.count("/") > 3  # https://voorbeeld.github.io/sportwijzer/
    build = shared_build(tmp_path_factory, name="links", prepare=_links_region)
    assert "WARNING" not in build.log
    return build


class Head(html.parser.HTMLParser):
    """The links of a page: <a href>, <link rel=canonical>, <meta http-equiv=refresh>, and
    whether it has a robots meta tag or a script."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.canonical = self.refresh = self.robots = ""
        self.scripts = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a":
            self.hrefs.append(a.get("href", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.refresh = a["content"]
        elif tag == "meta" and a.get("name") == "robots":
            self.robots = a["content"]
        elif tag == "script":
            self.scripts += 1


def site_files(site: Path) -> dict[str, str]:
    """Every text file of the build by its path, the sitemap's gzip unpacked."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".js", ".ics"):
            texts[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
    texts["sitemap.xml.gz"] = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    return texts


def sitemap(site: Path) -> list[str]:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [url.removeprefix(SITE_URL) for url in re.findall(r"<loc>(.*?)</loc>", text)]


# --- a stopped offer --------------------------------------------------------------------------


@pytest.mark.traag  # a build of its own
def test_a_stopped_offer_keeps_its_page_saying_so_with_offers_nearby_and_the_desk(built):
    page = built.page(STOPPED)
    head = Head(page)
    assert "<h1>Zwemmen in Olst</h1>" in page
    assert "<strong>Dit aanbod is gestopt.</strong> Laatst gecontroleerd op 1 maart 2026." in page
    assert head.robots == "noindex"
    nearby = page[page.index('<h2 id="dichtbij">Ander aanbod in de buurt</h2>') :]
    assert '<a href="../zwemmen-wijhe/">Zwemmen in Wijhe</a> (Zwemmen, Wijhe, 5,8 km)' in nearby
    assert "../../hulp-bij-zoeken/?sport=zwemmen&gemeente=olst-wijhe" in head.hrefs
    assert "tel:+31381112233" in head.hrefs  # the desk, Sportloket Testvallei
    assert "tel:+31570123456" not in head.hrefs  # the stopped offer's own number is not offered
    assert "application/ld+json" not in page  # no structured data: nothing to advertise


def test_a_stopped_offer_is_nowhere_else(regio_a_build):
    """regio-a as it is, built once for many modules (so make test-snel runs this too)."""
    built = regio_a_build
    texts = site_files(built.site)
    own = STOPPED + "index.html"
    assert own in texts
    found = [
        p for p, t in texts.items() if p != own and ("zwemmen-gestopt" in t or "in Olst<" in t)
    ]
    assert found == []  # not in the finder, listings, partner page, sitemap, search or open data
    for name in ("data/aanbod.json", "data/aanbod.csv", "sitemap.xml", "aanbod/index.html"):
        assert "zwemmen-gestopt" not in texts[name]
    assert "Zwemmen in Olst" not in texts["zoeken/index.json"]
    assert STOPPED not in sitemap(built.site)
    assert "aanbod/g-judo-zwolle/" in sitemap(built.site)


def test_only_the_stopped_offer_is_noindex(regio_a_build):
    pages = {p: t for p, t in site_files(regio_a_build.site).items() if p.endswith(".html")}
    assert [p for p, t in pages.items() if Head(t).robots] == [STOPPED + "index.html"]


# --- old names --------------------------------------------------------------------------------


@pytest.mark.traag  # a build of its own
@pytest.mark.parametrize(("old", "new"), RENAMED.items(), ids=RENAMED)
def test_an_old_name_leads_to_the_new_address_under_the_sub_path(built, old, new):
    head = Head(built.page(old))
    here = SITE_URL + old
    assert [urljoin(here, href) for href in head.hrefs] == [SITE_URL + new]
    delay, target = head.refresh.split("; url=")
    assert delay == "0" and urljoin(here, target) == SITE_URL + new
    assert head.canonical == SITE_URL + new
    assert (built.site / new / "index.html").is_file()
    assert head.scripts == 0 and "Content-Security-Policy" in built.page(old)


@pytest.mark.traag  # a build of its own
def test_old_addresses_are_in_no_sitemap_or_search(built):
    texts = site_files(built.site)
    for old in RENAMED:
        assert old not in sitemap(built.site)
        assert [p for p, t in texts.items() if old in t] == []


# --- without a build --------------------------------------------------------------------------


def test_the_page_at_an_old_address_under_a_sub_path_and_without_a_site_url():
    titel = "Zwemmen <b>& spelen</b>"
    page = redirect_page(titel, "aanbod/zwemmen/", "https://org.github.io/repo/")
    head = Head(page)
    assert head.hrefs == ["../zwemmen/"]
    assert head.refresh == "0; url=../zwemmen/"
    assert head.canonical == "https://org.github.io/repo/aanbod/zwemmen/"
    assert "Zwemmen &lt;b&gt;&amp; spelen&lt;/b&gt;</a>" in page
    assert "script-src 'self';" in page and head.scripts == 0
    assert Head(redirect_page(titel, "agenda/clinic/")).canonical == "../clinic/"


def test_only_a_stopped_offers_page_says_noindex_in_its_front_matter(region):
    pages = all_pages(load_site(region, today=TODAY).site)
    front = {p.src_uri: yaml.safe_load(p.markdown().split("---")[1]) for p in pages}
    assert {uri for uri, meta in front.items() if "robots" in meta} == {"aanbod/zwemmen-gestopt.md"}
    assert front["aanbod/zwemmen-gestopt.md"]["robots"] == "noindex"
    assert front["aanbod/zwemmen-gestopt.md"]["template"] == "aanbod-gestopt.html"


def test_a_region_without_stopped_offers_has_no_such_page(tmp_path):
    region = copy_region(tmp_path / "regio")
    (region / "offers" / "zwemmen-gestopt.yml").unlink()
    pages = all_pages(load_site(region, today=TODAY).site)
    assert [p for p in pages if p.template == "aanbod-gestopt.html"] == []


def test_the_demo_keeps_its_links(demo, demo_build):
    """Every stopped offer and every old name in the demo, as the demo build shows them."""
    site = demo.site
    stopped = [o for o in site.aanbod.values() if not o.is_published]
    renamed = [(o, old) for o in [*site.aanbod.values(), *site.evenementen.values()]
               for old in o.vorige_namen]  # fmt: skip
    assert stopped and renamed  # the demo shows both
    for offer in stopped:
        assert Head(demo_build.page(offer.url)).robots == "noindex"
        assert offer.url not in sitemap(demo_build.site)
    for item, old in renamed:
        folder = item.url.split("/")[0]
        head = Head(demo_build.page(f"{folder}/{old}/"))
        assert head.canonical == SITE_URL + item.url
