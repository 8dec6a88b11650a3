"""Demand in the region analysis: the counts are what the demo's register says (counted here
independently from voorbeelden/vragen-register.csv with plain Python), as the committed telling
shows them; small counts never show; 15 km is the line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import Counter

import pytest
import yaml

from conftest import REPO, TODAY
from demand_cases import csv_bytes, register, telling
from sportwijzer.base.suppression import RANGES
from sportwijzer.build.demand_analysis import analyse_vragen
from sportwijzer.site import load_site

BEGIN = dt.date(2026, 1, 1)  # the demo's telling covers 2026-K1 to 2026-K4
IMPAIRMENTS = [
    "lichamelijk", "rolstoel", "visueel", "auditief", "verstandelijk",
    "chronisch", "psychisch", "autisme", "nah",
]  # fmt: skip


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw():
    """The demo register's questions in the four quarters, the offers and the centres."""
    text = (REPO / "voorbeelden" / "vragen-register.csv").read_text(encoding="utf-8-sig")
    questions = []
    for row in csv.DictReader(io.StringIO(text), delimiter=";"):
        row = {key.lower(): value for key, value in row.items()}
        row["datum"] = dt.datetime.strptime(row["datum"], "%d-%m-%Y").date()
        row["beperkingen"] = [b.strip() for b in row["beperkingen"].split(",")]
        row["uitkomst"] = row["uitkomst"] or "open"
        questions.append(row)
    window = [q for q in questions if q["datum"] >= BEGIN]
    offers = [load_yaml(p) for p in sorted((REPO / "offers").glob("[!_]*.yml"))]
    centres = {g["naam"]: g["coordinaten"] for g in load_yaml(REPO / "regio.yml")["gemeenten"]}
    return {"all": questions, "window": window, "offers": offers, "centres": centres}


@pytest.fixture(scope="module")
def result(demo):
    return analyse_vragen(demo.site)


def agrees(telling, n):
    """The count as shown tells the truth: the number itself, or a range that holds it."""
    if telling.n is not None:
        return telling.n == n
    low, high = RANGES[telling.tekst]
    return low <= n <= high


def km(a, b):
    """Haversine, written again here so that the test does not lean on base/geo.py."""
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


def test_the_window_is_the_last_four_quarters_and_some_register_rows_fall_before_it(raw, result):
    assert (result.begin, result.eind) == (BEGIN, dt.date(2026, 12, 31))
    assert result.periode_tekst == "van januari 2026 tot de telling in oktober–december 2026"
    assert len(raw["all"]) > len(raw["window"]) >= 50
    assert result.totaal.n == len(raw["window"])
    assert result.totaal_tekst == f"{len(raw['window'])} vragen"


def test_questions_per_gemeente_beside_the_offers(raw, result):
    counts = Counter(q["gemeente"] for q in raw["window"])
    published = [o for o in raw["offers"] if o.get("status", "actief") != "gestopt"]
    assert [r.naam for r in result.per_gemeente] == sorted(raw["centres"], key=str.lower)
    for row in result.per_gemeente:
        assert agrees(row.vragen, counts[row.naam]), row
        assert row.aanbod == sum(o["locatie"]["gemeente"] == row.naam for o in published)
    small = [r for r in result.per_gemeente if counts[r.naam] in (1, 2)]
    assert small and all(r.vragen.tekst == "1–2" for r in small)


def test_questions_per_impairment_beside_the_offers(raw, result):
    published = [o for o in raw["offers"] if o.get("status", "actief") != "gestopt"]
    rows = result.per_beperking
    assert [r.url for r in rows] == [f"beperking/{b}/" for b in IMPAIRMENTS]
    for b, row in zip(IMPAIRMENTS, rows, strict=True):
        assert agrees(row.vragen, sum(b in q["beperkingen"] for q in raw["window"])), b
        assert row.aanbod == sum(welcomes(o, b) for o in published), b


def test_outcomes(raw, result):
    counts = Counter(q["uitkomst"] for q in raw["window"])
    got = dict(result.uitkomsten)
    expected = {
        "Gematcht: een plek gevonden": counts["gematcht"],
        "Doorverwezen naar iemand anders": counts["doorverwezen"],
        "Nog open": counts["open"],
        "Geen passend aanbod gevonden": counts["geen-aanbod"],
    }
    assert list(got) == list(expected)
    assert all(agrees(got[name], n) for name, n in expected.items())


def test_a_line_per_quarter(raw, result):
    spans = [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), "januari–maart 2026"),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30), "april–juni 2026"),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "juli–september 2026"),
        (dt.date(2026, 10, 1), dt.date(2026, 12, 31), "oktober–december 2026 (tot de telling)"),
    ]
    assert [(k.begin, k.eind, k.naam) for k in result.kwartalen] == spans
    for k, (begin, end, _naam) in zip(result.kwartalen, spans, strict=True):
        inside = [q for q in raw["window"] if begin <= q["datum"] <= end]
        assert agrees(k.binnen, len(inside))
        assert agrees(k.gematcht, sum(q["uitkomst"] == "gematcht" for q in inside))


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
        if q["uitkomst"] in ("open", "geen-aanbod")
        and q["sport"]
        and not any(fitting(o, q) for o in raw["offers"])
    )
    got = {(g.sport.slug, g.gemeente.naam): g.vragen for g in result.gaten}
    assert set(got) == set(expected)
    assert all(agrees(got[key], n) for key, n in expected.items())
    assert ("judo", "Hardenberg") in got and ("zwemmen", "Steenwijkerland") in got
    # most asked first; the ranges after them, by name, so the order tells nothing more
    exact = [g.vragen.n for g in result.gaten if g.vragen.n is not None]
    assert [g.vragen.n for g in result.gaten][: len(exact)] == sorted(exact, reverse=True)
    small = [(g.sport.naam, g.gemeente.naam) for g in result.gaten if g.vragen.tekst == "1–2"]
    assert small == sorted(small) and small


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
        assert t.tekst in RANGES or t.tekst == str(t.n)


def test_without_a_telling_the_page_has_no_demand_section(region):
    result = load_site(region, today=TODAY)
    assert result.ok and analyse_vragen(result.site) is None


# --- the 15 km rule, through make vraag-telling on a fixture region ----------------------------

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
    (region / "offers" / f"boccia-{km_north}.yml").write_text(text, encoding="utf-8")


def gaps(region, tmp_path, uitkomst="geen-aanbod", aanbod=""):
    row = f"02-11-2026;Kampen;rolstoel;senior;boccia;{uitkomst};{aanbod};"
    code, lines = telling(region, register(tmp_path, csv_bytes([row])))
    assert code == 0, lines
    result = load_site(region, today=TODAY)
    assert result.ok, [p.format() for p in result.problems]
    return [
        (g.sport.slug, g.gemeente.naam, g.vragen.tekst) for g in analyse_vragen(result.site).gaten
    ]


def test_an_offer_at_14_km_counts(region, tmp_path):
    boccia(region, 14)
    assert gaps(region, tmp_path) == []


def test_an_offer_at_16_km_does_not(region, tmp_path):
    boccia(region, 16)
    assert gaps(region, tmp_path) == [("boccia", "Kampen", "1–2")]


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
def test_only_an_active_offer_for_the_impairment_asked_fits(
    region, tmp_path, beperkingen, status, fits
):
    boccia(region, 3, beperkingen, status)
    assert gaps(region, tmp_path) == ([] if fits else [("boccia", "Kampen", "1–2")])


@pytest.mark.parametrize(
    ("uitkomst", "listed"), [("open", True), ("gematcht", False), ("doorverwezen", False)]
)
def test_only_open_and_unmatched_questions_count_as_nothing_there(
    region, tmp_path, uitkomst, listed
):
    boccia(region, 16)  # too far: nothing fits
    aanbod = "boccia-16" if uitkomst == "gematcht" else ""
    assert bool(gaps(region, tmp_path, uitkomst, aanbod)) is listed
