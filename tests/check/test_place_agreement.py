"""Places that agree (issue #24, item 3): plaats, coordinates and postcode fit the gemeente, as
far as regio.yml knows the region. The exact line for each mistake, and silence for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, TODAY, VALID_OFFER, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check import place_agreement, validate
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
E = "agenda/clinic.yml"

# regio-a's region with two more gemeenten, postcodes for two, and one more place.
REGIO = """\
naam: Regio Testvallei
loket:
  naam: Sportloket Testvallei
  email: loket@example.org
gemeenten:
  - naam: Zwolle
    coordinaten: [52.5168, 6.0830]
    postcodes: ["8000-8049"]
  - naam: Kampen
    coordinaten: [52.5550, 5.9114]
    postcodes: ["8260-8279"]
  - naam: Olst-Wijhe
    coordinaten: [52.3600, 6.1200]
  - naam: Hattem
    coordinaten: [52.4750, 6.0630]
  - naam: Hardenberg
    coordinaten: [52.5757, 6.6194]
plaatsen:
  - naam: IJsselmuiden
    gemeente: Kampen
    coordinaten: [52.5660, 5.9300]
  - naam: Dedemsvaart
    gemeente: Hardenberg
    coordinaten: [52.6010, 6.4600]
"""

EVENT = """\
titel: Clinic rolstoeltennis voor beginners
soort: clinic
organisator: judoclub-de-mat
samenvatting: Probeer rolstoeltennis een middag uit, met sportrolstoelen van de vereniging.
datum: 2027-04-17
sport: rolstoeltennis
beperkingen: [rolstoel]
locatie:
  naam: Tennispark De Wielewaal
  adres: Wielewaalweg 2
  postcode: 8024 AB
  plaats: Zwolle
  gemeente: Zwolle
  coordinaten: [52.5290, 6.1010]
aanmelden: {email: clinic@example.org}
contact: {email: clinic@example.org}
"""


@pytest.fixture
def places(region: Path) -> Path:
    write(region, "regio.yml", REGIO)
    return region


def lines_in(region: Path, path: str) -> list[str]:
    """Every line (errors first, then warnings) about one file."""
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.path == path]


def edit(old: str, new: str, text: str = VALID_OFFER) -> str:
    assert old in text
    return text.replace(old, new)


def at(name: str, text: str = VALID_OFFER) -> int:
    """The line of a field of 'locatie'."""
    return text[: text.index(f"  {name}:")].count("\n") + 1


POINT = "[52.5230, 6.0790]"
PLACE = "plaats: Zwolle"
FIX_POINT = "zoek de plek op openstreetmap.org, of kijk de gemeente na"
FIX_CODE = "kijk de postcode en de gemeente na"

CASES = [
    (
        "coordinates-in-germany",
        edit(POINT, "[52.4319, 7.0686]"),  # Nordhorn, 34 km from Hardenberg
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [52.4319, 7.0686] ligt buiten "
            "de regio: meer dan 15 km van elke gemeente en plaats in regio.yml; zoek de plek op "
            "openstreetmap.org en schrijf [breedtegraad, lengtegraad], of zet de plaats in "
            "regio.yml onder 'plaatsen'"
        ],
    ),
    (
        "coordinates-in-another-gemeente",
        edit(POINT, "[52.5555, 5.9120]"),
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [52.5555, 5.9120] ligt in de "
            f"gemeente Kampen, niet in Zwolle; {FIX_POINT}"
        ],
    ),
    (
        "coordinates-on-another-gemeentes-centre",  # not also "precies op het midden"
        edit(POINT, "[52.5550, 5.9114]"),
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [52.5550, 5.9114] ligt in de "
            f"gemeente Kampen, niet in Zwolle; {FIX_POINT}"
        ],
    ),
    (
        "coordinates-at-a-place-of-another-gemeente",
        edit(POINT, "[52.5650, 5.9310]"),
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [52.5650, 5.9310] ligt bij "
            f"IJsselmuiden, in de gemeente Kampen, niet in Zwolle; {FIX_POINT}"
        ],
    ),
    (
        "coordinates-past-the-border-margin",
        edit(POINT, "[52.4813, 6.0660]"),  # 3.4 km nearer to Hattem than to Zwolle
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [52.4813, 6.0660] ligt in de "
            f"gemeente Hattem, niet in Zwolle; {FIX_POINT}"
        ],
    ),
    (
        "plaats-of-another-gemeente",
        edit(PLACE, "plaats: IJsselmuiden"),
        [
            f"{F}:{at('plaats')}: veld 'locatie.plaats': IJsselmuiden ligt in de gemeente Kampen, "
            "niet in Zwolle; kijk de plaats en de gemeente na"
        ],
    ),
    (
        "plaats-that-is-another-gemeente",
        edit(PLACE, "plaats: kampen"),
        [
            f"{F}:{at('plaats')}: veld 'locatie.plaats': Kampen ligt in de gemeente Kampen, niet "
            "in Zwolle; kijk de plaats en de gemeente na"
        ],
    ),
    (
        "plaats-and-coordinates-agree-the-gemeente-is-wrong",
        edit(PLACE, "plaats: IJsselmuiden", edit(POINT, "[52.5650, 5.9310]")),
        [
            f"{F}:{at('gemeente')}: veld 'locatie.gemeente': 'Zwolle' past niet bij de plaats "
            "(IJsselmuiden) en de coördinaten: die liggen in de gemeente Kampen; schrijf "
            "'Kampen', of kijk de plaats en de coördinaten na"
        ],
    ),
    (
        "plaats-unknown-where-regio-lists-places",
        edit(
            "gemeente: Zwolle",
            "gemeente: Kampen",
            edit(PLACE, "plaats: Kampn", edit(POINT, "[52.5555, 5.9120]", edit("8021", "8261"))),
        ),
        [
            f"{F}:{at('plaats')}: let op: veld 'locatie.plaats': 'Kampn' staat in regio.yml niet "
            "bij de gemeente Kampen (daar staan: Kampen, IJsselmuiden). Bedoel je 'Kampen'? Kijk "
            "de spelling na, of zet de plaats in regio.yml onder 'plaatsen'"
        ],
    ),
    (
        "plaats-unknown-and-not-close-where-regio-lists-places",
        edit(
            "gemeente: Zwolle",
            "gemeente: Kampen",
            edit(PLACE, "plaats: Wilsum", edit(POINT, "[52.5555, 5.9120]", edit("8021", "8261"))),
        ),
        [
            f"{F}:{at('plaats')}: let op: veld 'locatie.plaats': 'Wilsum' staat in regio.yml niet "
            "bij de gemeente Kampen (daar staan: Kampen, IJsselmuiden). Kijk de spelling na, of "
            "zet de plaats in regio.yml onder 'plaatsen'"
        ],
    ),
    (
        "plaats-misspelt-where-regio-lists-none",
        edit(PLACE, "plaats: Zwole"),
        [
            f"{F}:{at('plaats')}: let op: veld 'locatie.plaats': 'Zwole' staat in regio.yml niet "
            "bij de gemeente Zwolle (daar staan: Zwolle). Bedoel je 'Zwolle'? Kijk de spelling "
            "na, of zet de plaats in regio.yml onder 'plaatsen'"
        ],
    ),
    (
        "postcode-across-the-country",
        edit("8021 AB", "1012 AB"),
        [
            f"{F}:{at('postcode')}: veld 'locatie.postcode': 1012 AB hoort niet bij de gemeente "
            f"Zwolle (postcodes 8000-8049 in regio.yml); {FIX_CODE}"
        ],
    ),
    (
        "postcode-of-another-gemeente",
        edit("8021 AB", "8271ab"),
        [
            f"{F}:{at('postcode')}: veld 'locatie.postcode': 8271ab hoort bij de gemeente Kampen, "
            f"niet bij Zwolle (postcodes 8000-8049 in regio.yml); {FIX_CODE}"
        ],
    ),
    (
        "swapped-latitude-and-longitude-keeps-its-own-line",
        edit(POINT, "[6.0790, 52.5230]"),
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [6.079, 52.523] lijkt "
            "omgedraaid; schrijf [breedtegraad, lengtegraad], zoals [52.523, 6.079]"
        ],
    ),
    (
        "far-away-is-outside-the-region-too",
        edit(POINT, "[51.4416, 5.4697]"),
        [
            f"{F}:{at('coordinaten')}: veld 'locatie.coordinaten': [51.4416, 5.4697] ligt buiten "
            "de regio: meer dan 50 km van elke gemeente in regio.yml; kijk de coördinaten na op "
            "een kaart"
        ],
    ),
    (
        "an-event-in-another-gemeente",
        edit("[52.5290, 6.1010]", "[52.5555, 5.9120]", EVENT),
        [
            f"{E}:{at('coordinaten', EVENT)}: veld 'locatie.coordinaten': [52.5555, 5.9120] ligt "
            f"in de gemeente Kampen, niet in Zwolle; {FIX_POINT}"
        ],
    ),
    (
        "an-event-with-a-postcode-across-the-country",
        edit("8024 AB", "9999 XL", EVENT),
        [
            f"{E}:{at('postcode', EVENT)}: veld 'locatie.postcode': 9999 XL hoort niet bij de "
            f"gemeente Zwolle (postcodes 8000-8049 in regio.yml); {FIX_CODE}"
        ],
    ),
]


def _file(name: str) -> str:
    return E if name.startswith("an-event") else F


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_disagreement_gets_exactly_its_line(places, name, text, expected):
    write(places, _file(name), text)
    assert lines_in(places, _file(name)) == expected


SILENT = [
    ("the-fixtures-offer", VALID_OFFER),
    ("plaats-in-other-letters", edit(PLACE, "plaats: ZWOLLE")),
    ("plaats-unknown-where-regio-lists-none", edit(PLACE, "plaats: Berkum")),
    ("near-the-border-within-the-margin", edit(POINT, "[52.4896, 6.0700]")),  # 1.5 km
    (
        "a-place-listed-for-its-gemeente",
        edit(
            "gemeente: Zwolle",
            "gemeente: Kampen",
            edit(
                PLACE,
                "plaats: IJsselmuiden",
                edit(POINT, "[52.5650, 5.9310]", edit("8021", "8271")),
            ),
        ),
    ),
    (
        "a-gemeente-without-postcodes",
        edit(
            "gemeente: Zwolle",
            "gemeente: Olst-Wijhe",
            edit(PLACE, "plaats: Olst", edit(POINT, "[52.3380, 6.1110]", edit("8021", "1012"))),
        ),
    ),
    ("postcode-without-space-and-lower-case", edit("8021 AB", "8021ab")),
    ("the-event", EVENT),
]


@pytest.mark.parametrize(("name", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_places_that_agree_stay_silent(places, name, text):
    path = E if name == "the-event" else F
    write(places, path, text)
    assert lines_in(places, path) == []


def test_a_gemeente_not_in_the_region_gets_only_its_own_line(places):
    write(places, F, edit("gemeente: Zwolle", "gemeente: Zwol"))
    assert lines_in(places, F) == [
        f"{F}:{at('gemeente')}: veld 'locatie.gemeente': 'Zwol' staat niet in regio.yml. Bedoel "
        "je 'Zwolle'? Kies uit: Zwolle, Kampen, Olst-Wijhe, Hattem, Hardenberg"
    ]


# --- regio.yml: the postcodes themselves ---------------------------------------------------------

ZWOLLE_CODES = '    postcodes: ["8000-8049"]'


def line_with(text: str, piece: str) -> int:
    return text[: text.index(piece)].count("\n") + 1


REGION_CASES = [
    (
        "range-backwards",
        '    postcodes: ["8049-8000"]',
        "8049-8000",
        "veld 'gemeenten.postcodes': '8049-8000' loopt achteruit; schrijf het laagste nummer "
        "eerst, zoals '8000-8049'",
    ),
    (
        "range-overlaps-another-gemeente",  # told at the later list: Kampen's
        '    postcodes: ["8000-8049", "8265"]',
        "8260-8279",
        "veld 'gemeenten.postcodes': '8260-8279' overlapt met '8265' van Zwolle; een postcode "
        "hoort bij één gemeente",
    ),
    (
        "not-four-digits",
        '    postcodes: ["800-849"]',
        "800-849",
        "veld 'gemeenten.postcodes': '800-849' is geen postcode of reeks postcodes; schrijf vier "
        'cijfers, of twee keer vier cijfers met een streepje ertussen, zoals "8000-8049"',
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "expected"), [c[1:] for c in REGION_CASES], ids=[c[0] for c in REGION_CASES]
)
def test_each_mistake_in_the_postcodes_of_regio_gets_its_line(region, text, where, expected):
    regio = REGIO.replace(ZWOLLE_CODES, text)
    write(region, "regio.yml", regio)
    assert lines_in(region, "regio.yml") == [f"regio.yml:{line_with(regio, where)}: {expected}"]


def test_the_demo_region_has_postcodes_that_hold_its_own_offers_and_events(demo):
    said = [p.format() for p in demo.problems if "locatie." in p.message]
    assert said == []


def test_the_two_rules_on_the_region_edge_use_one_distance():
    assert place_agreement.FAR_KM == validate.MAX_KM_FROM_REGION


def test_the_schema_documents_postcodes():
    text = (REPO / "hooks/sportwijzer/schemas/regio.schema.json").read_text(encoding="utf-8")
    assert '"postcodes"' in text and "8000-8049" in text


def test_windesheim_by_the_border_is_zwolle_in_the_demo_region(region):
    # 2.2 km nearer to Hattem's centre than to Zwolle's in the demo's regio.yml: within the margin
    write(region, "regio.yml", (REPO / "regio.yml").read_text(encoding="utf-8"))
    write(region, F, edit(POINT, "[52.4530, 6.1240]", edit("8021 AB", "8025 PA")))
    assert lines_in(region, F) == []
    assert place_agreement.MARGIN_KM == 2.5


@pytest.mark.parametrize("gemeente", ["[Zwolle]", "{naam: Zwolle}", "12"])
def test_a_gemeente_that_is_no_text_gets_the_schemas_line_and_no_crash(places, gemeente):
    write(
        places,
        F,
        edit("gemeente: Zwolle", f"gemeente: {gemeente}", edit(POINT, "[52.5550, 5.9114]")),
    )
    lines = lines_in(places, F)
    assert (
        lines[0] == f"{F}:{at('gemeente')}: veld 'locatie.gemeente': '{gemeente}' moet tekst zijn"
    )
    assert not [line for line in lines if "niet in" in line]
