"""A value copied from a commented example (offers/_voorbeeld.yml, agenda/_voorbeeld.yml,
partners/_voorbeeld.md) into real data is refused like a NAKIJKEN placeholder: the exact line
for every copied field (issue #24, item 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, TODAY, VALID_OFFER, VALID_PARTNER, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.example_values import CHECKED, example_path, read_example
from sportwijzer.site import load_site

OFFER_EXAMPLE = "offers/_voorbeeld.yml"
EVENT_EXAMPLE = "agenda/_voorbeeld.yml"
PARTNER_EXAMPLE = "partners/_voorbeeld.md"
F = "offers/kopie.yml"
E = "agenda/kopie.yml"
P = "partners/kopie.md"


@pytest.fixture
def examples(region: Path) -> Path:
    """The fixture region with the repository's three commented examples beside its data."""
    for relative in (OFFER_EXAMPLE, EVENT_EXAMPLE, PARTNER_EXAMPLE):
        write(region, relative, (REPO / relative).read_text(encoding="utf-8"))
    return region


def errors_in(region: Path, path: str) -> list[str]:
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.is_error and p.path == path]


def copied(relative: str, **changed: str) -> str:
    """The repository's example with only the given top-level fields changed."""
    text = (REPO / relative).read_text(encoding="utf-8")
    for name, value in changed.items():
        text, count = re.subn(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M)
        assert count == 1, name
    return text


def line_of(relative: str, *keys: str) -> int:
    """The line of a field in an example: ('contact', 'naam') is the 'naam' under 'contact:'."""
    lines = (REPO / relative).read_text(encoding="utf-8").splitlines()
    index = 0
    for depth, key in enumerate(keys):
        pattern = re.compile(rf"^{'  ' * depth}{key}:")
        index = next(i for i in range(index, len(lines)) if pattern.match(lines[i]))
    return index + 1


OTHER = ", of haal het veld weg"
SUMMARY = "schrijf in één eigen zin wat er te doen is"
TEXT = "schrijf je eigen uitleg" + OTHER
ADDRESS = "schrijf de straat en het huisnummer van de plek"
POINT = "zoek de plek op openstreetmap.org en schrijf [breedtegraad, lengtegraad]"
PHONE = "schrijf het echte telefoonnummer" + OTHER
MAIL = "schrijf het echte e-mailadres" + OTHER
# What each copied field's line asks for instead.
HINTS = {
    "samenvatting": SUMMARY,
    "beschrijving": TEXT,
    "locatie.adres": ADDRESS,
    "locatie.postcode": "schrijf de postcode van de plek",
    "locatie.coordinaten": POINT,
    "toegankelijkheid_toelichting": "schrijf wat er op deze plek echt is" + OTHER,
    "vervoer": "schrijf hoe je er echt komt" + OTHER,
    "contact.naam": "schrijf de naam van de echte contactpersoon" + OTHER,
    "contact.email": MAIL,
    "aanmelden.email": MAIL,
    "contact.telefoon": PHONE,
    "contact.website": "schrijf het echte webadres" + OTHER,
    "website": "schrijf het echte webadres" + OTHER,
}


def ex(path: str, example: str, shown: str, name: str) -> str:
    """The line for one copied field ('contact.naam'), at its line in the example."""
    return (
        f"{path}:{line_of(example, *name.split('.'))}: veld '{name}': {shown} komt uit het "
        f"voorbeeld ({example}); {HINTS[name]}"
    )


def test_the_issue_case_a_copied_offer_with_only_titel_and_aanbieder_changed(examples):
    ox = OFFER_EXAMPLE  # short, for the table
    write(examples, F, copied(ox, titel="Zwemmen in Kampen", aanbieder="judoclub-de-mat"))
    assert errors_in(examples, F) == [
        ex(F, ox, "'Zwemmen in een kleine groep, met twee trainers en …'", "samenvatting"),
        ex(F, ox, "'Je zwemt in een groep van hoogstens acht mensen. …'", "beschrijving"),
        ex(F, ox, "'Vlietweg 12'", "locatie.adres"),
        ex(F, ox, "'8021 SA'", "locatie.postcode"),
        ex(F, ox, "[52.5234, 6.0786]", "locatie.coordinaten"),
        ex(
            F,
            ox,
            "'De ingang aan de achterkant heeft geen drempel.'",
            "toegankelijkheid_toelichting",
        ),
        ex(F, ox, "'Bus 3 stopt voor de deur. Vraag naar vervoer met …'", "vervoer"),
        ex(F, ox, "'Fenna Bosman'", "contact.naam"),
        ex(F, ox, "'zwemmen@example.org'", "contact.email"),
        ex(F, ox, "'038 765 43 10'", "contact.telefoon"),
        ex(F, ox, "'https://example.org/zwemmen'", "contact.website"),
    ]


def test_a_copied_event(examples):
    ax = EVENT_EXAMPLE
    write(examples, E, copied(ax, titel="Clinic in Kampen", organisator="judoclub-de-mat"))
    assert errors_in(examples, E) == [
        ex(E, ax, "'Probeer rolstoeltennis een middag uit, met …'", "samenvatting"),
        ex(E, ax, "'Trainers laten zien hoe je met een sportrolstoel …'", "beschrijving"),
        ex(E, ax, "'Wielewaalweg 10'", "locatie.adres"),
        ex(E, ax, "'8024 SA'", "locatie.postcode"),
        ex(E, ax, "[52.5293, 6.1006]", "locatie.coordinaten"),
        ex(E, ax, "'tennisclinic@example.org'", "aanmelden.email"),
        ex(
            E,
            ax,
            "'De ingang aan de parkeerplaats heeft geen drempel.'",
            "toegankelijkheid_toelichting",
        ),
        ex(E, ax, "'Bus 3 stopt bij de ingang van het park.'", "vervoer"),
        ex(E, ax, "'Fenna Bosman'", "contact.naam"),
        ex(E, ax, "'tennisclinic@example.org'", "contact.email"),
        ex(E, ax, "'038 765 43 10'", "contact.telefoon"),
        ex(E, ax, "'https://example.org/clinic'", "contact.website"),
    ]


def test_a_copied_partner_with_only_its_name_changed(examples):
    px = PARTNER_EXAMPLE
    write(examples, P, copied(px, naam="Zwemclub Kopie"))
    text_line = (REPO / px).read_text(encoding="utf-8").count("\n", 0, _body_start(px)) + 1
    assert errors_in(examples, P) == [
        ex(P, px, "'https://example.org/de-vliet'", "website"),
        ex(P, px, "'Fenna Bosman'", "contact.naam"),
        ex(P, px, "'devliet@example.org'", "contact.email"),
        ex(P, px, "'038 765 43 10'", "contact.telefoon"),
        f"{P}:{text_line}: de tekst onder de velden: 'Schrijf hier in een paar zinnen wie jullie "
        f"zijn …' komt uit het voorbeeld ({px}); schrijf in een paar zinnen wie jullie zijn en "
        "wat jullie doen",
    ]


def _body_start(relative: str) -> int:
    """Where the text under a partner example's fields starts (after the closing ---)."""
    text = (REPO / relative).read_text(encoding="utf-8")
    return text.index("\n---\n", 3) + len("\n---\n")


# The fixture's offer with its contact last, so that a test can add a contact field below.
OWN = VALID_OFFER.replace(
    "contact: {email: info@example.org}\nlaatst_gecontroleerd: 2026-09-14\n",
    "laatst_gecontroleerd: 2026-09-14\ncontact:\n  email: a@example.org\n",
)
CONTACT = OWN.count("\n", 0, OWN.index("  email:")) + 1  # the line of contact.email
BELOW = OWN.count("\n") + 1  # the line of a field added at the end
POINT_LINE = OWN.count("\n", 0, OWN.index("  coordinaten:")) + 1

# One copied value in an offer of one's own; written differently, it is still the example's.
ONE_VALUE = [
    (
        "phone-written-differently",
        OWN + '  telefoon: "0387654310"\n',
        [
            f"{F}:{BELOW}: veld 'contact.telefoon': '0387654310' komt uit het voorbeeld "
            f"({OFFER_EXAMPLE}); {PHONE}"
        ],
    ),
    (
        "e-mail-in-capitals",
        OWN.replace("a@example.org", "Zwemmen@Example.org"),
        [
            f"{F}:{CONTACT}: veld 'contact.email': 'Zwemmen@Example.org' komt uit het voorbeeld "
            f"({OFFER_EXAMPLE}); {MAIL}"
        ],
    ),
    (
        "one-long-line-of-the-example-description-kept",
        OWN
        + "beschrijving: |\n  Wij zwemmen elke week.\n\n"
        + "  Je zwemt in een groep van hoogstens acht mensen. Er zijn altijd twee trainers.\n",
        [
            f"{F}:{BELOW}: veld 'beschrijving': de regel 'Je zwemt in een groep van hoogstens "
            f"acht mensen. …' komt uit het voorbeeld ({OFFER_EXAMPLE}); {TEXT}"
        ],
    ),
    (
        "coordinates-with-a-trailing-zero",
        OWN.replace("[52.5230, 6.0790]", "[52.52340, 6.0786]"),
        [
            f"{F}:{POINT_LINE}: veld 'locatie.coordinaten': [52.52340, 6.0786] komt uit het "
            f"voorbeeld ({OFFER_EXAMPLE}); {POINT}"
        ],
    ),
]

# What may well be true of a real offer too stays silent: the fixture's offer has the example's
# venue name, sport, plaats and gemeente.
SILENT = [
    ("the-fixtures-own-offer", VALID_OFFER),
    ("a-short-common-line-of-the-example", OWN + "beschrijving: |\n  - Er is een tillift.\n"),
    ("part-of-the-examples-vervoer", OWN + "vervoer: Bus 3 stopt voor de deur.\n"),
    ("coordinates-fifty-metres-away", OWN.replace("[52.5230, 6.0790]", "[52.5238, 6.0786]")),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ONE_VALUE], ids=[c[0] for c in ONE_VALUE]
)
def test_one_copied_value_gets_its_line(examples, text, expected):
    write(examples, F, text)
    assert errors_in(examples, F) == expected


@pytest.mark.parametrize(("name", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_values_of_ones_own_stay_silent(examples, name, text):
    write(examples, F, text)
    assert errors_in(examples, F) == []


def test_the_example_line_replaces_what_else_is_said_about_that_field(examples):
    # The example's coordinates in an offer in Kampen: not also 'ligt in de gemeente Zwolle'.
    text = copied(OFFER_EXAMPLE, titel="Zwemmen in Kampen", aanbieder="judoclub-de-mat")
    write(examples, F, re.sub(r"(plaats|gemeente): Zwolle", r"\1: Kampen", text))
    coordinates = [line for line in errors_in(examples, F) if "'locatie.coordinaten'" in line]
    assert coordinates == [ex(F, OFFER_EXAMPLE, "[52.5234, 6.0786]", "locatie.coordinaten")]


def test_an_edited_example_is_read_as_it_is_now(examples):
    example = (examples / OFFER_EXAMPLE).read_text(encoding="utf-8")
    write(examples, OFFER_EXAMPLE, example.replace("Vlietweg 12", "Dorpsstraat 9"))
    write(examples, F, VALID_OFFER.replace("Vlietweg 4", "Vlietweg 12"))
    assert errors_in(examples, F) == []
    write(examples, F, VALID_OFFER.replace("Vlietweg 4", "Dorpsstraat 9"))
    assert errors_in(examples, F) == [
        f"{F}:8: veld 'locatie.adres': 'Dorpsstraat 9' komt uit het voorbeeld ({OFFER_EXAMPLE}); "
        f"{ADDRESS}"
    ]


def test_without_examples_nothing_is_compared(region):
    write(region, F, VALID_OFFER.replace("Vlietweg 4", "Vlietweg 12"))
    assert errors_in(region, F) == []


def test_a_broken_example_is_no_reason_for_a_line(examples):
    write(examples, OFFER_EXAMPLE, "titel: [niet af\n")
    write(
        examples, F, copied(OFFER_EXAMPLE, titel="Zwemmen in Kampen", aanbieder="judoclub-de-mat")
    )
    assert errors_in(examples, F) == []


def test_the_partner_fixture_and_the_demo_stay_silent(examples, demo):
    write(examples, "partners/judoclub-de-mat.md", VALID_PARTNER)
    assert errors_in(examples, "partners/judoclub-de-mat.md") == []
    assert not [p for p in demo.problems if "komt uit het voorbeeld" in p.message]


def test_every_field_of_the_table_is_in_the_example_or_in_its_comments():
    for checked in CHECKED:
        source = read_example(REPO, checked)
        assert source is not None and source.document is not None
        text = (REPO / example_path(checked)).read_text(encoding="utf-8")
        for path in checked.fields:
            node = source.document.fields
            for key in path:
                node = node.get(key) if isinstance(node, dict) else None
            assert node or f"# {path[-1]}:" in text, path


def test_an_impossible_value_is_no_copied_value(examples):
    write(examples, F, OWN.replace("[52.5230, 6.0790]", f"[{'9' * 400}, 6.0786]"))
    assert not [line for line in errors_in(examples, F) if "komt uit het voorbeeld" in line]
