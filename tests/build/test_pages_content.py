"""What built pages and files say: offer, partner, list and home pages, JSON-LD, open data."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import REPO, SITE_URL

BASE = "https://voorbeeld.github.io/sportwijzer/"


@pytest.fixture(scope="module")
def site(regio_a_build) -> Path:
    assert BASE == SITE_URL  # the shared build's URL
    return regio_a_build.site


def read(site: Path, path: str) -> str:
    target = site / path
    if target.is_dir() or not target.suffix:
        target = target / "index.html"
    return target.read_text(encoding="utf-8")


class Outline(HTMLParser):
    """The headings of the page's main content, in order, with their level."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._level: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self._level, self._text = tag, ""

    def handle_endtag(self, tag):
        if tag == self._level:
            self.headings.append(f"{tag} {self._text.strip()}")
            self._level = None

    def handle_data(self, data):
        if self._level:
            self._text += data


def outline(html: str) -> list[str]:
    main = html[html.index('<article class="md-content__inner') :]
    parser = Outline()
    parser.feed(main[: main.index("</article>")])
    return parser.headings


def jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_full_offer_page_has_every_block_in_order(site):
    assert outline(read(site, "aanbod/g-judo-zwolle")) == [
        "h1 G-judo bij De Mat",
        "h2 In het kort",
        "h2 Toegankelijkheid van de plek",
        "h2 Hulp en begeleiding",
        "h2 Over dit aanbod",
        "h2 Zo kom je er",
        "h2 Contact",
        "h2 Klopt er iets niet?",
        "h2 Meer aanbod in de buurt",
    ]


def test_key_facts_of_the_full_offer(site):
    html = read(site, "aanbod/g-judo-zwolle")
    facts = html[html.index('<dl class="sw-feiten">') : html.index("</dl>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", facts)).strip()
    assert text == (
        "Voor wie Verstandelijke beperking Autisme "
        "Leeftijd 8 tot en met 18 jaar "
        "Groep Aangepaste groep (voor mensen met een beperking). Niveau: recreatief "
        "Wanneer Woensdag van 16.00 tot 17.00 uur "
        "Waar Sporthal De Mat, Matweg 1, 8011 AB Zwolle "
        "Kosten € 25 per maand "
        "Proefles Gratis proefles. Twee keer gratis meedoen."
    )


def test_pictograms_are_hidden_from_screen_readers_and_words_stay(site):
    html = read(site, "aanbod/g-judo-zwolle")
    icons = re.findall(r'<span class="sw-icon"([^>]*)>', html)
    assert icons and all('aria-hidden="true"' in attrs for attrs in icons)
    assert "Rolstoeltoegankelijk</li>" in html
    assert "Prikkelarme ruimte</li>" in html
    assert "Kleine groep</li>" in html


def test_contact_actions_are_real_links(site):
    html = read(site, "aanbod/g-judo-zwolle")
    assert 'href="tel:+31382223344"' in html
    assert 'href="mailto:demat@example.org"' in html
    assert (
        'href="mailto:loket@example.org?subject=Klopt%20er%20iets%20niet%3F%20G-judo%20bij%20De%20Mat'
    ) in html
    assert (
        'href="https://www.openstreetmap.org/?mlat=52.51&amp;mlon=6.09#map=17/52.51/6.09"' in html
    )


def test_minimal_free_stale_offer(site):
    html = read(site, "aanbod/wandelen-kampen")
    assert outline(html)[:3] == [
        "h1 Wandelen langs de IJssel",
        "h2 In het kort",
        "h2 Toegankelijkheid van de plek",
    ]
    assert "Voor iedereen" in html
    assert "Alle leeftijden" in html
    assert "Op afspraak." in html
    assert "<strong>Gratis</strong>" in html
    assert "De aanbieder heeft nog niet doorgegeven hoe toegankelijk de plek is." in html
    assert "Laatst gecontroleerd op 15 januari 2025." in html
    assert "Dit is meer dan een jaar geleden." in html
    assert "Website van de aanbieder" in html


def test_waiting_list_is_said_plainly(site):
    html = read(site, "aanbod/zitvolleybal-wachtlijst")
    assert "<strong>Er is een wachtlijst.</strong>" in html
    assert "Er is een wachtlijst." not in read(site, "aanbod/g-judo-zwolle")


def test_offer_jsonld_carries_only_true_fields(site):
    data = jsonld(read(site, "aanbod/g-judo-zwolle"))
    assert data["@type"] == "Event"
    assert data["url"] == BASE + "aanbod/g-judo-zwolle/"
    venue = data["location"]
    assert venue["@type"] == "SportsActivityLocation"
    assert venue["address"]["postalCode"] == "8011 AB"
    assert venue["geo"] == {"@type": "GeoCoordinates", "latitude": 52.51, "longitude": 6.09}
    assert [f["name"] for f in venue["amenityFeature"]] == [
        "Rolstoeltoegankelijk",
        "Prikkelarme ruimte",
    ]
    assert data["eventSchedule"] == [
        {
            "@type": "Schedule",
            "byDay": "https://schema.org/Wednesday",
            "startTime": "16:00",
            "endTime": "17:00",
            "repeatFrequency": "P1W",
            "scheduleTimezone": "Europe/Amsterdam",
        }
    ]
    assert data["audience"]["suggestedMinAge"] == 8
    assert data["offers"]["price"] == 25 and data["offers"]["priceCurrency"] == "EUR"
    minimal = jsonld(read(site, "aanbod/wandelen-kampen"))
    assert "eventSchedule" not in minimal
    assert minimal["isAccessibleForFree"] is True
    assert "amenityFeature" not in minimal["location"]


def test_partner_page_and_its_jsonld(site):
    html = read(site, "partners/judoclub-de-mat")
    assert outline(html) == [
        "h1 Judoclub De Mat",
        "h2 Contact",
        "h2 Aanbod van Judoclub De Mat",
        "h3 G-judo bij De Mat",
    ]
    assert "Rol in de samenwerking: uitvoerder." in html
    data = jsonld(html)
    assert data["@type"] == "SportsOrganization"
    assert data["contactPoint"]["telephone"] == "038 222 33 44"
    welzijn = read(site, "partners/welzijn-kampen")
    assert jsonld(welzijn)["@type"] == "Organization"
    assert "Wandelen langs de IJssel" in welzijn and "Zwemmen in Olst" not in welzijn


def test_listing_pages_follow_the_impairment_rules(site):
    lichamelijk = read(site, "beperking/lichamelijk")
    assert "Zitvolleybal in Kampen" in lichamelijk  # rolstoel and lichamelijk
    assert "Wandelen langs de IJssel" in lichamelijk  # iedereen
    assert "G-judo bij De Mat" not in lichamelijk
    rolstoel = read(site, "beperking/rolstoel")
    assert "Zitvolleybal in Kampen" in rolstoel
    visueel = read(site, "beperking/visueel")
    assert "Wandelen langs de IJssel" in visueel and "Zitvolleybal" not in visueel
    assert "<h1>Sport voor mensen met autisme</h1>" in read(site, "beperking/autisme")


def test_every_municipality_has_a_page_and_an_empty_one_says_so(site):
    assert "G-judo bij De Mat" in read(site, "gemeente/zwolle")
    empty = read(site, "gemeente/olst-wijhe")
    assert "Er is nu geen aanbod in de gemeente Olst-Wijhe." in empty
    assert 'href="tel:+31381112233"' in empty  # the desk


def test_sport_pages_exist_only_for_sports_with_offers(site):
    assert "G-judo bij De Mat" in read(site, "sport/judo")
    assert not (site / "sport" / "zwemmen").exists()  # only a stopped offer
    overview = read(site, "sport")
    assert 'href="judo/"' in overview and "(1 activiteit)" in overview


def test_home_page_links(site):
    html = read(site, "")
    assert '<form class="sw-zoek" action="aanbod/" method="get" role="search">' in html
    assert '<label for="sw-zoekveld">' in html and 'name="q"' in html
    for target in (
        "beperking/visueel/",
        "beperking/nah/",
        "gemeente/kampen/",
        "sport/",
        "open-data/",
    ):
        assert f'href="{target}"' in html, target
    assert "Hulp nodig bij het zoeken?" in html
    assert 'href="mailto:loket@example.org"' in html


def test_open_data_json_is_valid_against_its_schema(site):
    data = json.loads(read(site, "data/aanbod.json"))
    schema = json.loads(read(site, "data/aanbod.schema.json"))
    assert list(Draft7Validator(schema).iter_errors(data)) == []
    assert data["aantal"] == len(data["aanbod"]) == 3
    slugs = [offer["slug"] for offer in data["aanbod"]]
    assert "zwemmen-gestopt" not in slugs
    judo = data["aanbod"][slugs.index("g-judo-zwolle")]
    assert judo["url"] == BASE + "aanbod/g-judo-zwolle/"
    assert judo["locatie"]["postcode"] == "8011 AB"
    assert judo["laatst_gecontroleerd"] == "2026-10-01"
    assert data["licentie"] == "CC BY 4.0"


def test_open_data_csv_opens_in_a_spreadsheet(site):
    raw = (site / "data" / "aanbod.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    judo = next(row for row in rows if row["slug"] == "g-judo-zwolle")
    assert judo["beperkingen"] == "verstandelijk; autisme"
    assert judo["tijden"] == "woensdag 16:00-17:00"
    assert judo["proefles"] == "gratis"
    assert judo["breedtegraad"] == "52.51"


def test_open_data_page_names_the_files_and_licence(site):
    html = read(site, "open-data")
    assert 'href="../data/aanbod.json"' in html and 'href="../data/aanbod.csv"' in html
    assert "<strong>CC BY 4.0</strong>" in html


def test_dutch_404_page(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat niet (meer)" in html
    assert 'href="/sportwijzer/aanbod/"' in html


def test_sitemap_lists_every_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in (
        "aanbod/g-judo-zwolle/",
        "partners/welzijn-kampen/",
        "gemeente/olst-wijhe/",
        "hulp/vervoer/",
    ):
        assert f"<loc>{BASE}{path}</loc>" in sitemap, path


def test_practical_help_pages_end_with_the_desk(site):
    for page in ("hulp", "hulp/vervoer", "hulp/kosten", "hulp/hulpmiddelen", "hulp/begeleiding"):
        html = read(site, page)
        assert 'class="sw-loket"' in html, page
        assert 'href="tel:+31381112233"' in html, page


def test_network_page_groups_every_partner_by_kind_and_role(site):
    html = read(site, "samenwerkingsverband")
    sections = re.split(r"<h3>", html)
    sport = next(s for s in sections if s.startswith("Sportaanbieder"))
    assert 'href="../partners/judoclub-de-mat/"' in sport
    welzijn = next(s for s in sections if s.startswith("Welzijn"))
    assert 'href="../partners/welzijn-kampen/"' in welzijn
    uitvoerder = next(s for s in sections if s.startswith("Uitvoerder"))
    assert "judoclub-de-mat" in uitvoerder and "welzijn-kampen" not in uitvoerder


def test_region_analysis_page_marks_the_gaps_in_words(site):
    html = read(site, "regio-analyse")
    row = re.search(
        r"<tr><th scope=\"row\"><a href=\"../gemeente/olst-wijhe/\">.*?</tr>", html
    ).group(0)
    assert row.count('class="sw-gat"') == 9  # its only offer has stopped
    assert row.count("(geen aanbod)") == 9
    assert "<svg" in html and "Bellijst" in html
    assert "Wandelen langs de IJssel" in html.split('id="bellijst"')[1]  # the stale one


def test_aanmelden_form_opens_the_issue_form_with_its_own_field_ids(site):
    html = read(site, "aanmelden")
    form = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / "nieuw-aanbod.yml").read_text("utf-8")
    )
    ids = {item["id"] for item in form["body"] if "id" in item}
    start = html.index('<form class="sw-aanmelden"')
    form_html = html[start : html.index("</form>", start)]
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', form_html))
    assert names - {"template"} <= ids
    assert {"titel", "sport", "aanbieder", "samenvatting", "postcode", "gemeente"} <= names
    assert 'action="https://github.com/voorbeeld/sportwijzer/issues/new"' in html
    assert '<input type="hidden" name="template" value="nieuw-aanbod.yml">' in html
    assert "<strong>Alles wat je op GitHub schrijft, is openbaar.</strong>" in html
    events = "https://github.com/voorbeeld/sportwijzer/issues/new?template=nieuw-evenement.yml"
    assert f'<a href="{events}">Meld de activiteit aan op GitHub</a>' in html
    assert (REPO / ".github" / "ISSUE_TEMPLATE" / "nieuw-evenement.yml").is_file()
    assert 'href="mailto:loket@example.org?subject=Nieuw%20aanbod%20aanmelden&amp;body=' in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "form-action 'self' https://github.com" in policy
