"""vrijwilligers/: every published offer that looks for volunteers, under each of its tasks, with
a static page per municipality as the filter; the Help mee facts on the offer; the open data."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.build import export, pages
from sportwijzer.model.volunteers import volunteer_page, volunteer_pages
from sportwijzer.site import load_site

KAMPEN = """\
  naam: Sporthal Kampen
  adres: Hal 1
  postcode: 8261 AA
  plaats: Kampen
  gemeente: Kampen
  coordinaten: [52.5550, 5.9114]
"""


def offer(region, slug: str, titel: str, extra: str, kampen: bool = False) -> None:
    text = VALID_OFFER.replace("Zwemmen voor iedereen", titel) + extra
    if kampen:
        start = text.index("  naam: Zwembad")
        end = text.index("contact:")
        text = text[:start] + KAMPEN + text[end:]
    write(region, f"offers/{slug}.yml", text)


@pytest.fixture
def site(region):
    offer(region, "a-zwemmen", "Zwemmen A", "vrijwilligers: {gezocht: [trainer, maatje]}\n")
    offer(
        region,
        "b-zwemmen",
        "Zwemmen B",
        "vrijwilligers:\n  gezocht: [maatje]\n  toelichting: Op zaterdag.\n",
        kampen=True,
    )
    offer(
        region, "c-zwemmen", "Zwemmen C", "vrijwilligers: {gezocht: [bestuur]}\nstatus: gestopt\n"
    )
    offer(region, "d-zwemmen", "Zwemmen D", "")
    result = load_site(region, today=TODAY)
    assert result.site is not None, [p.format() for p in result.problems]
    return result.site


def titles(offers):
    return [o.titel for o in offers]


def test_offers_stand_under_each_of_their_tasks_in_the_contracts_order(site):
    view = volunteer_page(site)
    assert [(t.slug, t.naam, titles(t.aanbod), t.aantal_tekst) for t in view.taken] == [
        ("trainer", "trainer", ["Zwemmen A"], "1 activiteit"),
        ("maatje", "sportmaatje", ["Zwemmen A", "Zwemmen B"], "2 activiteiten"),
    ]
    assert view.kop == "Vrijwilligers gezocht"
    assert view.aantal_tekst == "2 activiteiten zoeken vrijwilligers"  # not the stopped one


def test_the_municipality_filter_is_a_page_per_municipality_with_counts(site):
    assert [(f.naam, f.url, f.aantal, f.huidig) for f in volunteer_page(site).filters] == [
        ("Alle gemeenten", "vrijwilligers/", 2, True),
        ("Kampen", "vrijwilligers/kampen/", 1, False),
        ("Zwolle", "vrijwilligers/zwolle/", 1, False),
    ]
    found = dict(volunteer_pages(site))
    assert list(found) == [
        "vrijwilligers/index.md", "vrijwilligers/kampen.md", "vrijwilligers/zwolle.md",
    ]  # fmt: skip
    kampen = found["vrijwilligers/kampen.md"]
    assert kampen.kop == "Vrijwilligers gezocht in Kampen"
    assert kampen.aantal_tekst == "1 activiteit zoekt vrijwilligers"
    assert [(t.slug, titles(t.aanbod)) for t in kampen.taken] == [("maatje", ["Zwemmen B"])]
    assert [f.naam for f in kampen.filters if f.huidig] == ["Kampen"]


def test_the_offer_knows_its_tasks_in_plain_words_and_a_mail_to_its_contact(site):
    b = site.aanbod["b-zwemmen"].vrijwilligers
    assert [t.naam for t in b.gezocht] == ["sportmaatje"]
    assert b.toelichting == "Op zaterdag."
    assert b.mail_url == (
        "mailto:info@example.org?subject=Ik%20wil%20helpen%20als%20vrijwilliger%3A%20Zwemmen%20B"
    )
    assert site.aanbod["d-zwemmen"].vrijwilligers is None
    assert site.aanbod["b-zwemmen"].hulp_url == "hulp-bij-zoeken/?sport=zwemmen&gemeente=kampen"
    assert site.partners["judoclub-de-mat"].zoekt_vrijwilligers


def test_the_pages_are_built_and_listings_ask_the_desk_with_their_filter(site):
    built = {p.src_uri: p for p in pages.all_pages(site)}
    assert built["vrijwilligers/kampen.md"].template == "vrijwilligers.html"
    assert built["hulp-bij-zoeken/index.md"].title == "Vraag het sportloket"
    assert built["sport/zwemmen.md"].context["hulp_url"] == "hulp-bij-zoeken/?sport=zwemmen"
    assert built["gemeente/kampen.md"].context["hulp_url"] == "hulp-bij-zoeken/?gemeente=kampen"
    assert built["beperking/visueel.md"].context["hulp_url"] == (
        "hulp-bij-zoeken/?beperking=visueel"
    )


def test_open_data_carries_vrijwilligers(site):
    data = json.loads(export.aanbod_json(site))
    by_slug = {o["slug"]: o for o in data["aanbod"]}
    assert by_slug["b-zwemmen"]["vrijwilligers"] == {
        "gezocht": ["maatje"],
        "toelichting": "Op zaterdag.",
    }
    assert "vrijwilligers" not in by_slug["d-zwemmen"]
    schema = json.loads(export.aanbod_schema())
    item = schema["properties"]["aanbod"]["items"]["properties"]["vrijwilligers"]
    assert item["properties"]["gezocht"]["items"]["enum"][0] == "trainer"
    rows = {
        r["slug"]: r for r in csv.DictReader(io.StringIO(export.aanbod_csv(site)), delimiter=";")
    }
    assert (
        rows["a-zwemmen"]["vrijwilligers_gezocht"],
        rows["a-zwemmen"]["vrijwilligers_toelichting"],
    ) == ("trainer; maatje", "")
    assert rows["b-zwemmen"]["vrijwilligers_toelichting"] == "Op zaterdag."
    assert rows["d-zwemmen"]["vrijwilligers_gezocht"] == ""
