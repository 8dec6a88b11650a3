"""End to end: `mkdocs build` of a fixture site, in a separate process as a coordinator runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import VALID_OFFER, make_site, mkdocs_build, write


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(changed_build) -> Path:
    """regio-a with an offer whose title holds markup (conftest's changed build)."""
    return changed_build.root


def test_strict_build_is_clean_and_reports_stale_offers_as_info(built):
    log = built.joinpath("build.log").read_text(encoding="utf-8")
    assert "WARNING" not in log
    assert (
        "INFO    -  sportwijzer: offers/wandelen-kampen.yml:17: let op: veld 'laatst_gecontroleerd'"
    ) in log


def test_every_published_offer_and_partner_has_a_page(built):
    for url in (
        "aanbod/g-judo-zwolle",
        "aanbod/wandelen-kampen",
        "aanbod/zwemmen-en-spelen",
        "partners/judoclub-de-mat",
        "partners/welzijn-kampen",
        "aanbod",
        "partners",
    ):
        assert (built / "site" / url / "index.html").is_file(), url


def test_a_stopped_offer_is_not_listed(built):
    # its own page stays, so that links keep working: tests/build/test_redirects.py
    assert "zwemmen-gestopt" not in page(built, "aanbod")
    assert "zwemmen-gestopt" not in page(built, "partners/judoclub-de-mat")


def test_offer_page_shows_the_data_and_links_to_its_source(built):
    html = page(built, "aanbod/g-judo-zwolle")
    assert "<h1>G-judo bij De Mat</h1>" in html
    assert "<title>G-judo bij De Mat - Sportwijzer Regio Testvallei</title>" in html
    assert "8011 AB Zwolle" in html
    assert "Woensdag van 16.00 tot 17.00 uur" in html
    assert "€ 25 per maand" in html
    assert "8 tot en met 18 jaar" in html
    assert 'href="tel:+31382223344"' in html
    assert 'href="../../partners/judoclub-de-mat/"' in html
    assert "Laatst gecontroleerd op 1 oktober 2026." in html
    assert (
        'href="https://github.com/voorbeeld/sportwijzer/edit/main/offers/g-judo-zwolle.yml"'
    ) in html


def test_stale_offer_says_so_on_its_page(built):
    html = page(built, "aanbod/wandelen-kampen")
    assert "Laatst gecontroleerd op 15 januari 2025." in html
    assert "Dit is meer dan een jaar geleden." in html
    assert "Dit is meer dan een jaar geleden." not in page(built, "aanbod/g-judo-zwolle")


def test_raw_html_from_the_data_is_never_published(built):
    judo = page(built, "aanbod/g-judo-zwolle")  # scripts never pass make check (test_payloads)
    assert "<em>HTML wordt" not in judo
    assert "&lt;em&gt;HTML wordt hier tekst&lt;/em&gt;" in judo
    tricky = page(built, "aanbod/zwemmen-en-spelen")
    assert "<b>&" not in tricky
    assert "<h1>Zwemmen &lt;b&gt;&amp; spelen&lt;/b&gt;</h1>" in tricky
    assert "<title>Zwemmen &lt;b&gt;&amp; spelen&lt;/b&gt; - Sportwijzer" in tricky


def test_partner_page_lists_its_published_offers(built):
    html = page(built, "partners/judoclub-de-mat")
    assert "<h1>Judoclub De Mat</h1>" in html
    assert 'href="../../aanbod/g-judo-zwolle/"' in html
    assert "/partners/judoclub-de-mat.md" in html  # edit link to the Markdown source


def test_generated_pages_stay_out_of_the_navigation(built):
    nav = page(built, "")
    assert 'href="aanbod/"' in nav
    assert "aanbod/g-judo-zwolle/" not in nav
    assert "partners/judoclub-de-mat/" not in nav


def test_the_theme_s_search_is_gone(built):
    assert not (built / "site" / "search").exists()
    for url in ("", "aanbod", "hulp/vervoer", "aanbod/g-judo-zwolle"):
        html = page(built, url)
        assert "md-search" not in html and 'data-md-component="search"' not in html
        assert 'id="sw-zoekbalk-q" name="q" type="search"' in html
        action = re.search(r'<form class="sw-zoekbalk__form" action="([^"]*)" method="get"', html)
        assert urljoin(f"https://x.org/{url}/", action[1]) == "https://x.org/aanbod/"


def test_the_site_search_holds_every_offer_partner_and_page_once(built):
    """Offers are refs 0 … n-1 (their cards); partners, sports, places and pages are named."""
    site = built / "site"
    head = json.loads((site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    per_file = head["kaartjesblok"]
    cards = [
        json.loads((site / "aanbod" / "kaartjes" / f"{ref // per_file}.json").read_text("utf-8"))[
            ref % per_file
        ][0]
        for ref in range(head["aanbod"])
    ]
    assert sorted(cards) == sorted(
        ["g-judo-zwolle", "wandelen-kampen", "zitvolleybal-wachtlijst", "zwemmen-en-spelen"]
    )  # the stopped offer is not in it
    files = list((site / "aanbod" / "kaartjes").glob("*.json"))
    assert sum(len(json.loads(f.read_text("utf-8"))) for f in files) == head["aanbod"]
    paths = [path for _kind, _title, path in head["documenten"]]
    assert len(paths) == len(set(paths))
    kinds = {path: kind for kind, _title, path in head["documenten"]}
    assert [p for p, k in kinds.items() if k == "partner"] == [
        "partners/judoclub-de-mat/",
        "partners/welzijn-kampen/",
    ]
    content = Path(__file__).parents[1] / "content"
    expected = set()
    for source in content.rglob("*.md"):
        relative = source.relative_to(content).with_suffix("").as_posix()
        url = relative.removesuffix("index").removesuffix("/")
        expected.add(f"{url}/" if url else "")
    expected -= {"", "coordinatoren/"}  # the home page, and the coordinators' technical page
    assert {p for p, k in kinds.items() if k == "pagina"} == expected
    assert "GitHub" not in json.dumps(head["termen"])  # nothing of the technical page
    assert "github" not in head["termen"]


def test_no_link_points_to_the_domain_root(built):
    """Pages link relatively; the 404 page (served at any depth) uses the sub-path."""
    for html_file in (built / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', html):
            if target.startswith("/"):
                assert html_file.name == "404.html", f"{html_file}: {target}"
                assert target.startswith("/sportwijzer/"), f"{html_file}: {target}"


def test_no_sample_banner_for_real_data(built):
    assert "Dit is een voorbeeld." not in page(built, "")


def test_the_build_stops_with_every_problem_and_no_traceback(tmp_path):
    root = make_site(tmp_path)
    write(root, "offers/a.yml", VALID_OFFER.replace("[visueel]", "[blind]"))
    other = VALID_OFFER.replace("voor iedereen", "in Amsterdam")  # a title of its own
    write(root, "offers/b.yml", other.replace("gemeente: Zwolle", "gemeente: Amsterdam"))
    write(root, "partners/c.md", "geen velden\n")
    result = mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "offers/a.yml:4: veld 'beperkingen': 'blind' is geen bekende waarde." in output
    assert (
        "offers/b.yml:11: veld 'locatie.gemeente': 'Amsterdam' staat niet in regio.yml." in output
    )
    assert "partners/c.md:1: het bestand begint niet met de velden" in output
    assert "Gevonden: 3 problemen in 3 bestanden. 2 waarschuwingen." in output  # stale; HTML


@pytest.mark.traag  # a full build of its own
def test_a_second_region_builds_without_a_code_change(tmp_path):
    root = make_site(tmp_path, "regio-b")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    html = page(root, "aanbod/zeilen-harderwijk")
    assert (
        "<title>Aangepast zeilen op het Veluwemeer - Sportwijzer Regio Noord-Veluwe</title>" in html
    )
    assert "Zaterdag van 10.00 tot 12.00 uur (van april tot oktober)" in html
    assert "Sportpunt Noord-Veluwe" in page(root, "")


@pytest.mark.traag  # a second full build of the demo
def test_the_block_cache_changes_no_byte_of_any_page(demo_build, tmp_path, monkeypatch):
    """The demo built with the block cache (build/blockcache.py) and with every block rendered.

    The cached side is the shared demo build; the uncached side is this test's own build.
    """
    from conftest import REPO

    monkeypatch.setenv("SPORTWIJZER_BLOCK_CACHE", "false")
    assert mkdocs_build(REPO, site=tmp_path / "uncached").returncode == 0
    cached_site = demo_build.site
    cached = sorted(p.relative_to(cached_site) for p in cached_site.rglob("*.html"))
    uncached = sorted(
        p.relative_to(tmp_path / "uncached") for p in (tmp_path / "uncached").rglob("*.html")
    )
    assert cached == uncached and len(cached) > 150
    differ = [
        str(p)
        for p in cached
        if (cached_site / p).read_bytes() != (tmp_path / "uncached" / p).read_bytes()
    ]
    assert differ == []
    offer = demo_build.page("aanbod/aangepast-golf-dalfsen")
    assert 'data-md-type="navigation"' in offer  # the sidebar is there, from the cache


def test_the_privacy_page_shows_its_text_not_its_front_matter(built):
    html = page(built, "privacy")
    assert "description:" not in html and "title: Privacy" not in html
    assert "Wat deze site met je gegevens doet. Kort gezegd: niets." in html  # its description


def content_text(root: Path, url: str) -> str:
    """The words of the page's main content, tags removed and spaces folded, as read aloud."""
    html = page(root, url)
    article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def test_counts_say_1_activiteit_and_3_activiteiten(built):
    """One sport with exactly one offer (judo), two offers in Zwolle, none in Olst-Wijhe."""
    assert "1 activiteit." in content_text(built, "sport/judo")
    assert "2 activiteiten." in content_text(built, "gemeente/zwolle")
    assert "Er is nu geen aanbod in de gemeente Olst-Wijhe." in content_text(
        built, "gemeente/olst-wijhe"
    )
    sports = content_text(built, "sport")
    assert "Judo (1 activiteit)" in sports and "Zitvolleybal (1 activiteit)" in sports
    impairments = content_text(built, "beperking")
    assert "Psychische kwetsbaarheid (1 activiteit)" in impairments
    assert "Autisme (2 activiteiten)" in impairments
    assert "Olst-Wijhe (geen activiteiten)" in content_text(built, "gemeente")
    assert "Judoclub De Mat heeft 2 activiteiten op deze site." in content_text(
        built, "partners/judoclub-de-mat"
    )
    assert "Uitvoerder (1 organisatie)" in content_text(built, "samenwerkingsverband")
    assert "aanbod.json : 4 activiteiten met al hun velden" in content_text(built, "open-data")
    analysis = content_text(built, "regio-analyse")
    assert "3 activiteiten noemen geen proefles." in analysis
    assert re.search(r"Dat zijn \d+ van de 27 vakjes\.", analysis)


def test_no_page_says_1_with_a_plural(built):
    for html_file in (built / "site").rglob("*.html"):
        text = " ".join(re.sub(r"<[^>]+>", " ", html_file.read_text(encoding="utf-8")).split())
        wrong = re.findall(r"(?<![\d.,])1 (?:activiteiten|organisaties|vakjes|aanbieders)\b", text)
        assert wrong == [], html_file
