"""The region analysis counts exactly what the demo data says, counted here independently."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
import yaml

from conftest import REPO, TODAY
from sportwijzer.build.analysis import Matrix, analyse

BEPERKINGEN = [
    "lichamelijk", "rolstoel", "visueel", "auditief", "verstandelijk",
    "chronisch", "psychisch", "autisme", "nah",
]  # fmt: skip


@pytest.fixture(scope="module")
def raw():
    """The demo offers straight from their YAML files, published ones only."""
    offers = []
    for path in sorted((REPO / "offers").glob("[!_]*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status", "actief") != "gestopt":
            offers.append(data)
    return offers


@pytest.fixture(scope="module")
def result(demo):
    return analyse(demo.site)


def welcomes(offer, beperking):
    mine = offer["beperkingen"]
    return (
        beperking in mine
        or "iedereen" in mine
        or (beperking == "lichamelijk" and "rolstoel" in mine)
    )


def test_offers_per_municipality_and_impairment(raw, result):
    grid = result.matrix
    assert [b.slug for b in grid.beperkingen] == BEPERKINGEN
    for row, gemeente in enumerate(grid.gemeenten):
        for col, beperking in enumerate(BEPERKINGEN):
            expected = sum(
                1
                for o in raw
                if o["locatie"]["gemeente"] == gemeente.naam and welcomes(o, beperking)
            )
            assert grid.counts[row][col] == expected, (gemeente.naam, beperking)
    assert grid.gaps == sum(row.count(0) for row in grid.counts) > 0


def test_offers_per_sport_and_providers(raw, result):
    per_sport = {term.slug: n for term, n in result.per_sport}
    for sport in {o["sport"] for o in raw}:
        assert per_sport[sport] == sum(1 for o in raw if o["sport"] == sport)
    assert sum(n for _, n in result.aanbieders_per_soort) == len({o["aanbieder"] for o in raw})


def test_call_lists(raw, result):
    year_ago = TODAY.replace(year=TODAY.year - 1)
    stale = {o["titel"] for o in raw if o["laatst_gecontroleerd"] < year_ago}
    assert {o.titel for o in result.verouderd} == stale
    dates = [o.laatst_gecontroleerd for o in result.verouderd]
    assert dates == sorted(dates)  # the oldest first
    assert {o.titel for o in result.zonder_proefles} == {
        o["titel"] for o in raw if not o.get("proefles")
    }
    no_times = {o["titel"] for o in raw if not o.get("tijden") and not o.get("op_afspraak")}
    assert {o.titel for o in result.zonder_tijden} == no_times


def test_heat_map_is_an_svg_with_one_cell_per_count(result):
    svg = ET.fromstring(result.heatmap_svg)
    ns = "{http://www.w3.org/2000/svg}"
    cells = svg.findall(f"{ns}rect")
    assert len(cells) == len(result.matrix.gemeenten) * len(BEPERKINGEN)
    assert svg.get("role") == "img" and svg.find(f"{ns}title") is not None
    gaps = [c for c in cells if c.get("fill") == "#fde2dd"]
    assert len(gaps) == result.matrix.gaps


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            [[1, 2], [3, 4], [5, 6]],
            "Er is geen vakje met 0: in elke gemeente is aanbod voor elke groep.",
        ),
        ([[0, 2], [3, 4], [5, 6]], "Dat is 1 van de 6 vakjes."),
        ([[0, 0], [3, 0], [5, 6]], "Dat zijn 3 van de 6 vakjes."),
    ],
)
def test_the_gaps_in_words_with_the_verb_in_the_right_number(result, counts, expected):
    grid = result.matrix
    three_by_two = Matrix(grid.gemeenten[:3], grid.beperkingen[:2], counts)
    assert three_by_two.gaten_tekst == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "Bij alle activiteiten staat een proefles."),
        (1, "1 activiteit noemt geen proefles. Vraag de aanbieder of iemand een keer mag meedoen."),
        (
            2,
            "2 activiteiten noemen geen proefles. "
            "Vraag de aanbieders of iemand een keer mag meedoen.",
        ),
    ],
)
def test_offers_without_a_trial_lesson_in_words(result, n, expected):
    offers = (result.verouderd + result.zonder_proefles + result.zonder_tijden)[:n]
    assert len(offers) == n
    assert replace(result, zonder_proefles=offers).zonder_proefles_tekst == expected
