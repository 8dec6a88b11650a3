"""The agenda's pages from the core: the list by month, each event's line (when, where, for
whom, cost, registration), the notice on an event's page, the subscribe links, the JSON-LD, the
filters' rules, and where events show up (home, lists, partner, search, the page builders)."""

from __future__ import annotations

import pytest

from conftest import TODAY, write
from sportwijzer.build import agenda_pages
from sportwijzer.build.pages import all_pages
from sportwijzer.finder import search
from sportwijzer.site import load_site
from sportwijzer.twins import agenda_rules

LOCATIE = """\
locatie:
  naam: Hal {titel}
  adres: Sportlaan 1
  postcode: 8011 AB
  plaats: {gemeente}
  gemeente: {gemeente}
  coordinaten: [{punt}]
"""
PUNT = {"Zwolle": "52.5230, 6.0790", "Kampen": "52.5500, 5.9200"}


def event(titel, datum, *, gemeente="Zwolle", organisator="judoclub-de-mat", extra=""):
    locatie = LOCATIE.format(titel=titel, gemeente=gemeente, punt=PUNT[gemeente])
    return (
        f"titel: {titel}\nsoort: clinic\norganisator: {organisator}\n"
        "samenvatting: Een middag sporten om kennis te maken.\n"
        f"datum: {datum}\nbeperkingen: [rolstoel, visueel]\n{locatie}"
        "contact: {email: a@example.org}\n" + extra
    )


# TODAY is 2026-11-23 (a Monday).
MAIL = "aanmelden: {email: a@example.org}\n"
UITERLIJK = "aanmelden: {{email: a@example.org, uiterlijk: {}}}\n"
EVENTS_WRITTEN = {
    "voorbij": event("Voorbij", "2026-11-22", extra="sport: judo\n"),
    "ochtend": event(
        "Ochtend",
        "2026-12-05",
        extra='tijd: {van: "09:30", tot: "12:00"}\nkosten: {bedrag: 7.5}\n'
        + UITERLIJK.format("2026-11-30"),
    ),
    "avond": event(
        "Avond", "2026-12-05", extra='tijd: {van: "19:30", tot: "21:00"}\nstatus: vol\n' + MAIL
    ),
    "laat": event("Laat", "2026-12-19", extra=UITERLIJK.format("2026-11-22")),
    "open": event(
        "Open",
        "2027-01-09",
        extra="aanmelden: {url: https://example.org/in}\nkosten: {bedrag: 0}\n",
    ),
    "vroeg": event("Vroeg", "2027-01-16", extra=UITERLIJK.format("2026-12-20")),
    "kampen": event(
        "Kampen",
        "2027-01-23",
        gemeente="Kampen",
        organisator="welzijn-kampen",
        extra="status: afgelast\ndoelgroep: [trainers, bestuurders]\nsport: judo\n",
    ),
    "weekend": event("Weekend", "2027-02-27", extra="tot_datum: 2027-02-28\n"),
}


@pytest.fixture
def site(region):
    for slug, text in EVENTS_WRITTEN.items():
        write(region, f"agenda/{slug}.yml", text)
    result = load_site(region, today=TODAY)
    assert result.site is not None, [p.format() for p in result.problems]
    return result.site


def test_the_agenda_lists_coming_events_soonest_first_under_a_heading_per_month(site):
    months = agenda_pages.per_maand(site.komend)
    assert [(m.naam, [p.evenement.slug for p in m.punten]) for m in months] == [
        ("december 2026", ["ochtend", "avond", "laat"]),
        ("januari 2027", ["open", "vroeg", "kampen"]),
        ("februari 2027", ["weekend"]),
    ]
    view = agenda_pages.agenda_view(site, "https://sport.example.org/")
    assert view.maanden == months
    assert view.aantal_zin == "Er staan nu 7 evenementen op de agenda."


@pytest.mark.parametrize(
    ("n", "zin"),
    [
        (0, "Er staan nu geen evenementen op de agenda."),
        (1, "Er staat nu 1 evenement op de agenda."),
        (2, "Er staan nu 2 evenementen op de agenda."),
    ],
)
def test_how_many_are_on_the_agenda(n, zin):
    assert agenda_pages.aantal_zin(n) == zin


@pytest.mark.parametrize(
    ("slug", "wanneer", "voor_wie", "kosten", "aanmelden"),
    [
        ("ochtend", "zaterdag 5 december 2026, van 9.30 tot 12.00 uur",
         "Rolstoel, Visueel (sporters)", "€ 7,50", "Aanmelden kan tot 30 november"),
        ("avond", "zaterdag 5 december 2026, van 19.30 tot 21.00 uur",
         "Rolstoel, Visueel (sporters)", None, "Vol"),
        ("laat", "zaterdag 19 december 2026, hele dag", "Rolstoel, Visueel (sporters)", None,
         "Aanmelden is gesloten"),
        ("open", "zaterdag 9 januari 2027, hele dag", "Rolstoel, Visueel (sporters)", "gratis",
         "Aanmelden kan"),
        ("vroeg", "zaterdag 16 januari 2027, hele dag", "Rolstoel, Visueel (sporters)", None,
         "Aanmelden kan tot 20 december 2026"),
        ("kampen", "zaterdag 23 januari 2027, hele dag",
         "Rolstoel, Visueel (trainers en bestuurders)", None, "Afgelast"),
        ("weekend", "zaterdag 27 en zondag 28 februari 2027", "Rolstoel, Visueel (sporters)",
         None, ""),
        ("voorbij", "zondag 22 november 2026, hele dag", "Rolstoel, Visueel (sporters)", None, ""),
    ],
)  # fmt: skip
def test_each_line_says_when_where_for_whom_cost_and_registration(
    site, slug, wanneer, voor_wie, kosten, aanmelden
):
    line = agenda_pages.punt(site.evenementen[slug])
    assert line.evenement.wanneer == wanneer
    assert line.voor_wie == voor_wie
    assert (line.evenement.kosten.tekst if line.evenement.kosten else None) == kosten
    assert line.aanmelden == aanmelden


def test_each_line_carries_the_facts_the_filters_read(site):
    assert agenda_pages.punt(site.evenementen["kampen"]).data == {
        "beperkingen": "rolstoel visueel",
        "gemeente": "kampen",
        "doelgroep": "trainers bestuurders",
        "tot": "2027-01-23",
    }
    assert agenda_pages.punt(site.evenementen["weekend"]).data["tot"] == "2027-02-28"


@pytest.mark.parametrize(
    ("slug", "melding"),
    [
        ("voorbij", "Dit was op zondag 22 november 2026."),
        ("kampen", "Afgelast. Dit evenement gaat niet door."),
        ("avond", "Vol. Er zijn geen plekken meer; je kunt je niet meer aanmelden."),
        ("ochtend", ""),
    ],
)
def test_the_notice_at_the_top_of_an_event_page(site, slug, melding):
    assert agenda_pages.evenement_view(site.evenementen[slug]).melding == melding


@pytest.mark.parametrize(
    ("base_url", "webcal", "adres"),
    [
        (
            "https://sport.example.org/",
            "webcal://sport.example.org/agenda/agenda.ics",
            "https://sport.example.org/agenda/agenda.ics",
        ),
        (
            "https://voorbeeld.github.io/repo/",
            "webcal://voorbeeld.github.io/repo/agenda/agenda.ics",
            "https://voorbeeld.github.io/repo/agenda/agenda.ics",
        ),
        (
            "https://voorbeeld.github.io/repo",
            "webcal://voorbeeld.github.io/repo/agenda/agenda.ics",
            "https://voorbeeld.github.io/repo/agenda/agenda.ics",
        ),
        ("", "", "agenda/agenda.ics"),
    ],
)
def test_the_subscribe_links_come_from_the_site_url(base_url, webcal, adres):
    assert agenda_pages.abonneren(base_url) == agenda_pages.Abonneren(webcal, adres)


def test_json_ld_of_a_cancelled_sports_event(site):
    data = agenda_pages.event_jsonld(site.evenementen["kampen"], "https://s.example.org/r/")
    assert data["@type"] == "SportsEvent"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert (data["startDate"], data["endDate"]) == ("2027-01-23", "2027-01-23")
    assert data["url"] == "https://s.example.org/r/agenda/kampen/"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": site.partners["welzijn-kampen"].naam,
        "url": "https://s.example.org/r/partners/welzijn-kampen/",
    }
    assert data["location"]["address"]["addressLocality"] == "Kampen"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 52.55,
        "longitude": 5.92,
    }
    assert data["audience"] == {
        "@type": "PeopleAudience",
        "audienceType": "Rolstoelgebruiker, Visuele beperking, Trainers, Bestuurders",
    }
    assert data["offers"]["availability"] == "https://schema.org/Discontinued"


def test_json_ld_of_a_full_event_with_times_price_and_deadline(site):
    avond = agenda_pages.event_jsonld(site.evenementen["avond"], "https://s.example.org/")
    assert avond["@type"] == "Event"  # no sport named
    assert avond["eventStatus"] == "https://schema.org/EventScheduled"
    assert avond["startDate"] == "2026-12-05T19:30:00+01:00"  # Dutch winter time
    assert avond["endDate"] == "2026-12-05T21:00:00+01:00"
    assert avond["offers"]["availability"] == "https://schema.org/SoldOut"
    ochtend = agenda_pages.event_jsonld(site.evenementen["ochtend"], "https://s.example.org/")
    assert ochtend["offers"] == {
        "@type": "Offer",
        "price": 7.5,
        "priceCurrency": "EUR",
        "url": "https://s.example.org/agenda/ochtend/",
        "availability": "https://schema.org/InStock",
        "validThrough": "2026-11-30",
    }
    assert ochtend["isAccessibleForFree"] is False
    open_ = agenda_pages.event_jsonld(site.evenementen["open"], "https://s.example.org/")
    assert open_["offers"]["url"] == "https://example.org/in"
    assert open_["isAccessibleForFree"] is True


def test_filters_in_the_core_match_as_the_browser_does(site):
    def shown(params):
        state = agenda_rules.read_params(params, {"beperking": ["lichamelijk", "autisme"],
                                                  "gemeente": ["kampen"],
                                                  "doelgroep": ["trainers"]})["state"]  # fmt: skip
        return [e.slug for e in agenda_pages.matching(site.komend, state)]

    everything = [e.slug for e in site.komend]
    assert shown([]) == everything
    assert shown([["beperking", "lichamelijk"]]) == everything  # rolstoel is lichamelijk too
    assert shown([["beperking", "autisme"]]) == []
    assert shown([["gemeente", "kampen"]]) == ["kampen"]
    assert shown([["doelgroep", "trainers"]]) == ["kampen"]


def test_pages_for_the_agenda_and_every_event_over_or_not(site):
    pages = {p.src_uri: p for p in all_pages(site, "https://s.example.org/")}
    assert pages["agenda/index.md"].template == "agenda.html"
    assert pages["agenda/index.md"].in_nav
    for slug in EVENTS_WRITTEN:
        page = pages[f"agenda/{slug}.md"]
        assert (page.template, page.source_path) == ("evenement.html", f"agenda/{slug}.yml")
    assert '"EventCancelled"' not in pages["agenda/kampen.md"].context["jsonld"]
    assert "https://schema.org/EventCancelled" in pages["agenda/kampen.md"].context["jsonld"]


def test_partner_sport_and_gemeente_pages_list_their_coming_events(site):
    pages = {p.src_uri: p for p in all_pages(site)}
    partner = pages["partners/judoclub-de-mat.md"].context["evenementen"]
    assert [p.evenement.slug for p in partner] == [
        "ochtend", "avond", "laat", "open", "vroeg", "weekend",
    ]  # fmt: skip
    kampen = pages["gemeente/kampen.md"].context["lijst"].evenementen
    assert [p.evenement.slug for p in kampen] == ["kampen"]
    judo = pages["sport/judo.md"].context["lijst"].evenementen
    assert [p.evenement.slug for p in judo] == ["kampen"]  # 'voorbij' is over


def test_the_text_index_holds_coming_events_as_their_own_kind(site):
    docs = [d for d in search.site_documents(site) if d.soort == search.AGENDA]
    assert [d.pad for d in docs] == [f"agenda/{e.slug}/" for e in site.komend]
    kampen = next(d for d in docs if d.titel == "Kampen")
    assert kampen.velden["sport"] == "Clinic Judo judo"
    assert kampen.velden["plaats"] == "Kampen Kampen"
