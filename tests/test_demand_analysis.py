"""Demand in the region analysis: the counts are what the demo questions say, counted here
independently from the YAML with plain Python; small counts never show; 15 km is the line."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import pytest
import yaml

from conftest import REPO, TODAY, write
from sportwijzer.demand_analysis import analyse_vragen, protect, quarters, shown
from sportwijzer.site import load_site

BEGIN = dt.date(2026, 1, 1)  # TODAY is 23 November 2026: the last four quarters start here
IMPAIRMENTS = [
    "lichamelijk", "rolstoel", "visueel", "auditief", "verstandelijk",
    "chronisch", "psychisch", "autisme", "nah",
]  # fmt: skip


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw():
    """The demo questions in the four quarters, the offers and the centres, straight from YAML."""
    questions = [load_yaml(p) for p in sorted((REPO / "vragen").glob("[!_]*.yml"))]
    window = [q for q in questions if BEGIN <= q["datum"] <= TODAY]
    offers = [load_yaml(p) for p in sorted((REPO / "offers").glob("[!_]*.yml"))]
    centres = {g["naam"]: g["coordinaten"] for g in load_yaml(REPO / "regio.yml")["gemeenten"]}
    return {"all": questions, "window": window, "offers": offers, "centres": centres}


@pytest.fixture(scope="module")
def result(demo):
    return analyse_vragen(demo.site)


def masked(n):
    return "1–2" if n in (1, 2) else str(n)


def km(a, b):
    """Haversine, written again here so that the test does not lean on geo.py."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def welcomes(offer, beperking):
    mine = offer["beperkingen"]
    return (
        beperking in mine
        or "iedereen" in mine
        or (beperking == "lichamelijk" and "rolstoel" in mine)
    )


def test_the_window_is_the_last_four_quarters_and_some_demo_questions_fall_before_it(raw, result):
    assert (result.begin, result.eind) == (BEGIN, TODAY)
    assert result.periode_tekst == "van 1 januari 2026 tot en met 23 november 2026"
    assert len(raw["all"]) > len(raw["window"]) >= 50
    assert result.totaal.n == len(raw["window"])


def test_questions_per_gemeente_beside_the_offers(raw, result):
    counts = Counter(q["gemeente"] for q in raw["window"])
    published = [o for o in raw["offers"] if o.get("status", "actief") != "gestopt"]
    assert [r.naam for r in result.per_gemeente] == sorted(raw["centres"], key=str.lower)
    for row in result.per_gemeente:
        assert row.vragen.n == counts[row.naam], row.naam
        assert row.aanbod == sum(o["locatie"]["gemeente"] == row.naam for o in published)
    small = [r for r in result.per_gemeente if r.vragen.n in (1, 2)]
    assert small and all(r.vragen.tekst == "1–2" for r in small)


def test_questions_per_impairment_beside_the_offers(raw, result):
    published = [o for o in raw["offers"] if o.get("status", "actief") != "gestopt"]
    rows = result.per_beperking
    assert [r.url for r in rows] == [f"beperking/{b}/" for b in IMPAIRMENTS]
    for b, row in zip(IMPAIRMENTS, rows, strict=True):
        assert row.vragen.n == sum(b in q["beperkingen"] for q in raw["window"]), b
        assert row.aanbod == sum(welcomes(o, b) for o in published), b


def test_outcomes(raw, result):
    counts = Counter(q.get("uitkomst", "open") for q in raw["window"])
    got = {naam: t.n for naam, t in result.uitkomsten}
    assert got == {
        "Gematcht: een plek gevonden": counts["gematcht"],
        "Doorverwezen naar iemand anders": counts["doorverwezen"],
        "Nog open": counts["open"],
        "Geen passend aanbod gevonden": counts["geen-aanbod"],
    }
    assert sum(got.values()) == len(raw["window"])


def test_a_line_per_quarter(raw, result):
    spans = [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), "januari–maart 2026"),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30), "april–juni 2026"),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "juli–september 2026"),
        (dt.date(2026, 10, 1), TODAY, "oktober–23 november 2026 (tot nu toe)"),
    ]
    assert [(k.begin, k.eind, k.naam) for k in result.kwartalen] == spans
    for k, (begin, end, _naam) in zip(result.kwartalen, spans, strict=True):
        inside = [q for q in raw["window"] if begin <= q["datum"] <= end]
        assert k.binnen.n == len(inside)
        assert k.gematcht.n == sum(q.get("uitkomst") == "gematcht" for q in inside)


def test_asked_but_nothing_there(raw, result):
    """Open or geen-aanbod, a sport named, and no active offer of that sport that welcomes every
    impairment asked within 15 km of the municipality's centre."""

    def fitting(offer, q):
        return (
            offer.get("status", "actief") == "actief"
            and offer["sport"] == q["sport"]
            and all(welcomes(offer, b) for b in q["beperkingen"])
            and km(offer["locatie"]["coordinaten"], raw["centres"][q["gemeente"]]) <= 15
        )

    expected = Counter(
        (q["sport"], q["gemeente"])
        for q in raw["window"]
        if q.get("uitkomst", "open") in ("open", "geen-aanbod")
        and "sport" in q
        and not any(fitting(o, q) for o in raw["offers"])
    )
    got = {(g.sport.slug, g.gemeente.naam): g.vragen.n for g in result.gaten}
    assert got == dict(expected)
    assert ("judo", "Hardenberg") in got and ("zwemmen", "Steenwijkerland") in got
    # most asked first; the 1–2 rows after them, by name, so the order tells nothing more
    numbers = [g.vragen.n for g in result.gaten]
    big = [n for n in numbers if n >= 3]
    assert numbers[: len(big)] == sorted(big, reverse=True)
    small = [(g.sport.naam, g.gemeente.naam) for g in result.gaten if g.vragen.n < 3]
    assert small == sorted(small) and small
    assert all(g.vragen.tekst == masked(g.vragen.n) for g in result.gaten)


def test_every_published_count_of_demand_hides_1_and_2(result):
    tellingen = [
        result.totaal,
        *(r.vragen for r in result.per_gemeente + result.per_beperking),
        *(t for _naam, t in result.uitkomsten),
        *(g.vragen for g in result.gaten),
        *(k.binnen for k in result.kwartalen),
        *(k.gematcht for k in result.kwartalen),
    ]
    for t in tellingen:
        assert t.tekst not in ("1", "2")
        assert t.tekst in ("1–2", "3 of meer", "0–2") or t.tekst == str(t.n)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([0, 3, 7], ["0", "3", "7"]),
        ([1, 4, 9], ["1–2", "3 of meer", "9"]),  # else 1 = total - 4 - 9
        ([2, 1, 9], ["1–2", "1–2", "9"]),  # 3 = 1 + 2 or 2 + 1: neither is known
        ([2, 2, 9, 12], ["1–2", "1–2", "3 of meer", "12"]),  # 4 could only be 2 + 2
        ([1, 1, 1, 0], ["1–2", "1–2", "1–2", "0–2"]),  # 3 could only be 1 + 1 + 1
        ([2, 2, 2, 2, 3, 4], ["1–2", "1–2", "1–2", "1–2", "3 of meer", "4"]),
    ],
)
def test_no_hidden_count_can_be_worked_out_from_the_total(counts, expected):
    assert protect(counts) == expected


def test_shown_counts():
    assert [shown(n) for n in (0, 1, 2, 3, 40)] == ["0", "1–2", "1–2", "3", "40"]


def test_quarters_around_new_year():
    assert quarters(dt.date(2027, 2, 10)) == [
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        (dt.date(2027, 1, 1), dt.date(2027, 2, 10)),
    ]


# --- the 15 km rule on a fixture region ---------------------------------------------------------

KAMPEN = (52.5550, 5.9114)  # its centre in tests/fixtures/regio-a/regio.yml
KM_PER_DEGREE_LAT = 6371.0088 * math.pi / 180
BOCCIA = """\
titel: {titel}
sport: boccia
aanbieder: welzijn-kampen
beperkingen: [{beperkingen}]
samenvatting: Boccia in een kleine groep, met begeleiding.
locatie:
  naam: Zaal
  adres: Weg 1
  postcode: 8261 AA
  plaats: Kampen
  gemeente: Kampen
  coordinaten: [{lat:.5f}, {lon}]
{status}contact: {{email: info@example.org}}
laatst_gecontroleerd: 2026-10-01
"""
QUESTION = """\
datum: 2026-11-02
gemeente: Kampen
beperkingen: [rolstoel]
leeftijdsgroep: senior
sport: boccia
uitkomst: {uitkomst}
"""


def boccia(region, km_north, beperkingen="rolstoel", status=""):
    lat = KAMPEN[0] + km_north / KM_PER_DEGREE_LAT
    assert abs(km((lat, KAMPEN[1]), KAMPEN) - km_north) < 0.01
    text = BOCCIA.format(
        titel=f"Boccia op {km_north} km",
        beperkingen=beperkingen,
        lat=lat,
        lon=KAMPEN[1],
        status=status,
    )
    write(region, f"offers/boccia-{km_north}.yml", text)


def gaps(region, uitkomst="geen-aanbod"):
    write(region, "vragen/2026-11-02-kampen-boccia.yml", QUESTION.format(uitkomst=uitkomst))
    result = load_site(region, today=TODAY)
    assert result.ok, [p.format() for p in result.problems]
    return [
        (g.sport.slug, g.gemeente.naam, g.vragen.tekst) for g in analyse_vragen(result.site).gaten
    ]


def test_an_offer_at_14_km_counts(region):
    boccia(region, 14)
    assert gaps(region) == []


def test_an_offer_at_16_km_does_not(region):
    boccia(region, 16)
    assert gaps(region) == [("boccia", "Kampen", "1–2")]


@pytest.mark.parametrize(
    ("beperkingen", "status", "fits"),
    [
        ("iedereen", "", True),
        ("lichamelijk", "", False),  # rolstoel serves lichamelijk, not the other way round
        ("rolstoel", "status: wachtlijst\n", False),
        ("rolstoel", "status: gepauzeerd\n", False),
        ("rolstoel", "status: gestopt\n", False),
    ],
)
def test_only_an_active_offer_for_the_impairment_asked_fits(region, beperkingen, status, fits):
    boccia(region, 3, beperkingen, status)
    assert gaps(region) == ([] if fits else [("boccia", "Kampen", "1–2")])


@pytest.mark.parametrize(
    ("uitkomst", "listed"), [("open", True), ("gematcht", False), ("doorverwezen", False)]
)
def test_only_open_and_unmatched_questions_count_as_nothing_there(region, uitkomst, listed):
    boccia(region, 16)  # too far: nothing fits
    text = QUESTION.format(uitkomst=uitkomst) + (
        "aanbod: boccia-16\n" if uitkomst == "gematcht" else ""
    )
    write(region, "vragen/x.yml", text)
    result = load_site(region, today=TODAY)
    assert result.ok, [p.format() for p in result.problems]
    assert bool(analyse_vragen(result.site).gaten) is listed


def test_the_total_line_counts_the_questions_as_the_page_shows_them(raw, result):
    assert result.totaal_tekst == f"{len(raw['window'])} vragen"
