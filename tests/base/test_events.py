"""Events in the model: the Dutch date text, 'over' on the build day in Dutch time, the order,
and the helpers the pages use (coming events of a partner, a sport, a gemeente)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO, TODAY, write
from sportwijzer.base import dates, events
from sportwijzer.check.schema import load_schema
from sportwijzer.site import load_site

D = dt.date


@pytest.mark.parametrize(
    ("first", "last", "van", "tot", "expected"),
    [
        (
            D(2027, 4, 17),
            D(2027, 4, 17),
            "13:30",
            "16:00",
            "zaterdag 17 april 2027, van 13.30 tot 16.00 uur",
        ),
        (
            D(2027, 2, 9),
            D(2027, 2, 9),
            "09:05",
            "21:30",
            "dinsdag 9 februari 2027, van 9.05 tot 21.30 uur",
        ),
        (D(2027, 4, 17), D(2027, 4, 17), "", "", "zaterdag 17 april 2027, hele dag"),
        (D(2027, 6, 12), D(2027, 6, 13), "", "", "zaterdag 12 en zondag 13 juni 2027"),
        (D(2027, 7, 31), D(2027, 8, 1), "", "", "zaterdag 31 juli en zondag 1 augustus 2027"),
        (
            D(2026, 12, 31),
            D(2027, 1, 1),
            "",
            "",
            "donderdag 31 december 2026 en vrijdag 1 januari 2027",
        ),
        (D(2027, 6, 12), D(2027, 6, 14), "", "", "12 t/m 14 juni 2027"),
        (D(2027, 6, 30), D(2027, 7, 2), "", "", "30 juni t/m 2 juli 2027"),
        (D(2026, 12, 30), D(2027, 1, 2), "", "", "30 december 2026 t/m 2 januari 2027"),
    ],
)
def test_when_in_plain_dutch(first, last, van, tot, expected):
    assert events.wanneer(first, last, van, tot) == expected


@pytest.mark.parametrize(("amount", "text"), [(0, "gratis"), (5, "€ 5"), (7.5, "€ 7,50")])
def test_cost_text(amount, text):
    assert events.kosten_tekst(amount) == text


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        (dt.datetime(2026, 11, 26, 22, 59), D(2026, 11, 26)),  # 23.59 in winter
        (dt.datetime(2026, 11, 26, 23, 0), D(2026, 11, 27)),  # midnight in winter
        (dt.datetime(2027, 6, 30, 21, 59), D(2027, 6, 30)),  # 23.59 in summer
        (dt.datetime(2027, 6, 30, 22, 0), D(2027, 7, 1)),  # midnight in summer
    ],
)
def test_the_build_day_is_the_day_in_the_netherlands(utc, day):
    assert dates.today_in_amsterdam(utc.replace(tzinfo=dt.UTC)) == day


def test_over_from_the_day_after_the_last_day_and_in_the_feed_for_30_days_more():
    today = D(2026, 11, 26)
    assert not events.is_over(today, today)
    assert events.is_over(today - dt.timedelta(days=1), today)
    assert events.in_feed(today + dt.timedelta(days=300), today)
    assert events.in_feed(today - dt.timedelta(days=30), today)
    assert not events.in_feed(today - dt.timedelta(days=31), today)


@pytest.mark.parametrize(
    ("labels", "field"),
    [(events.SOORT, "soort"), (events.STATUS, "status"), (events.DOELGROEP, "doelgroep")],
)
def test_every_value_in_the_schema_has_a_dutch_label(labels, field):
    rule = load_schema("agenda")["properties"][field]
    assert list(labels) == rule.get("items", rule)["enum"]


LOCATIE = """\
locatie:
  naam: {naam}
  adres: Sportlaan 1
  postcode: 8011 AB
  plaats: {gemeente}
  gemeente: {gemeente}
  coordinaten: [{punt}]
"""
PUNT = {"Zwolle": "52.5230, 6.0790", "Kampen": "52.5500, 5.9200"}


def event(titel, datum, *, gemeente="Zwolle", organisator="judoclub-de-mat", extra=""):
    locatie = LOCATIE.format(naam=f"Hal {titel}", gemeente=gemeente, punt=PUNT[gemeente])
    return (
        f"titel: {titel}\nsoort: clinic\norganisator: {organisator}\n"
        "samenvatting: Een middag sporten om kennis te maken.\n"
        f"datum: {datum}\nbeperkingen: [iedereen]\n{locatie}contact: {{email: a@example.org}}\n"
        + extra
    )


@pytest.fixture
def site(region):
    """Six events around TODAY (2026-11-23) in the fixture region."""
    write(region, "agenda/voorbij.yml", event("Voorbij", "2026-11-22", extra="sport: judo\n"))
    write(region, "agenda/vandaag.yml", event("Vandaag", "2026-11-23", extra="sport: judo\n"))
    weekend = "tot_datum: 2026-11-24\ndoelgroep: [trainers]\n"
    write(region, "agenda/loopt-nog.yml", event("Loopt nog", "2026-11-22", extra=weekend))
    avond = 'tijd: {van: "19:30", tot: "21:00"}\nstatus: vol\naanmelden: {email: a@example.org}\n'
    write(region, "agenda/avond.yml", event("Avond", "2026-12-05", extra=avond))
    ochtend = 'tijd: {van: "09:30", tot: "12:00"}\nkosten: {bedrag: 7.5}\n'
    ochtend += "aanmelden: {email: a@example.org, uiterlijk: 2026-11-30}\n"
    write(region, "agenda/ochtend.yml", event("Ochtend", "2026-12-05", extra=ochtend))
    kampen = 'status: afgelast\naanmelden: {telefoon: "038 111 22 33"}\n'
    write(
        region,
        "agenda/kampen.yml",
        event(
            "Kampen", "2027-01-09", gemeente="Kampen", organisator="welzijn-kampen", extra=kampen
        ),
    )
    result = load_site(region, today=TODAY)
    assert result.site is not None, [p.format() for p in result.problems]
    return result.site


def test_events_soonest_first_then_by_start_time_then_by_title(site):
    assert [e.slug for e in site.alle_evenementen] == [
        "loopt-nog",  # 22 november, all day: 'Loopt nog' before 'Voorbij'
        "voorbij",
        "vandaag",
        "ochtend",  # 5 december, 09.30
        "avond",  # 5 december, 19.30
        "kampen",
    ]


def test_coming_events_leave_out_only_what_is_over(site):
    assert [e.slug for e in site.komend] == ["loopt-nog", "vandaag", "ochtend", "avond", "kampen"]
    assert site.evenementen["voorbij"].voorbij
    assert not site.evenementen["loopt-nog"].voorbij  # its last day is tomorrow
    assert not site.evenementen["vandaag"].voorbij


def test_helpers_for_partner_sport_and_gemeente_pages(site):
    assert [e.slug for e in site.komend_van_partner("welzijn-kampen")] == ["kampen"]
    assert [e.slug for e in site.komend_bij_sport("judo")] == ["vandaag"]
    assert [e.slug for e in site.komend_in_gemeente("kampen")] == ["kampen"]
    assert [e.slug for e in site.partners["judoclub-de-mat"].evenementen] == [
        "loopt-nog",
        "vandaag",
        "ochtend",
        "avond",
    ]
    assert site.komend_bij_sport("zwemmen") == []


def test_what_a_page_shows_of_one_event(site):
    ochtend, avond = site.evenementen["ochtend"], site.evenementen["avond"]
    assert ochtend.wanneer == "zaterdag 5 december 2026, van 9.30 tot 12.00 uur"
    assert ochtend.kosten is not None and ochtend.kosten.tekst == "€ 7,50"
    assert ochtend.aanmelden is not None and ochtend.aanmelden.open
    assert ochtend.aanmelden.uiterlijk_tekst == "maandag 30 november 2026"
    assert (ochtend.url, ochtend.ics_url) == ("agenda/ochtend/", "agenda/ochtend.ics")
    assert (ochtend.status.slug, [d.slug for d in ochtend.doelgroep]) == ("gepland", ["sporters"])
    assert avond.vol and avond.aanmelden is not None and not avond.aanmelden.open
    weekend = site.evenementen["loopt-nog"]
    assert weekend.meerdaags and weekend.hele_dag
    assert weekend.wanneer == "22 t/m 24 november 2026"
    assert weekend.datum_tekst == "zondag 22 november 2026"
    assert [d.naam for d in weekend.doelgroep] == ["Trainers"]
    kampen = site.evenementen["kampen"]
    assert kampen.afgelast and kampen.status.naam == "Afgelast"
    assert kampen.aanmelden is not None and not kampen.aanmelden.open
    assert kampen.aanmelden.telefoon_link == "tel:+31381112233"


def test_registration_closes_after_its_deadline(region):
    extra = "aanmelden: {email: a@example.org, uiterlijk: 2026-11-22}\n"
    write(region, "agenda/laat.yml", event("Laat", "2026-12-05", extra=extra))
    site = load_site(region, today=TODAY).site
    assert site is not None
    aanmelden = site.evenementen["laat"].aanmelden
    assert aanmelden is not None and not aanmelden.open


def test_the_demo_region_has_a_year_of_events_of_every_kind():
    today = D(2026, 11, 26)
    site = load_site(REPO, today=today).site
    assert site is not None
    coming = site.komend
    within_a_year = [e for e in coming if e.datum <= today + dt.timedelta(days=366)]
    assert len(within_a_year) >= 12
    assert {e.soort.slug for e in site.alle_evenementen} == set(events.SOORT)
    assert [e.status.slug for e in coming].count("afgelast") == 1
    assert [e.status.slug for e in coming].count("vol") == 1
    assert len([e for e in site.alle_evenementen if e.voorbij]) >= 2
    assert len({e.locatie.gemeente.slug for e in site.alle_evenementen}) >= 8
    assert len({e.organisator.slug for e in site.alle_evenementen}) >= 10
