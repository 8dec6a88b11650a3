"""`make nieuw-partner` writes a commented partner page whose placeholders (in the fields and in
the text) fail the check until they are filled in, and refuses answers it cannot use."""

from __future__ import annotations

import io

import pytest

from conftest import TODAY
from sportwijzer.base.problems import errors
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

P = "partners/zwemclub-de-vliet.md"
ANSWERS = {
    "--slug": "zwemclub-de-vliet",
    "--naam": "Zwemclub De Vliet",
    "--soort": "sportaanbieder",
    "--gemeente": "Kampen",
}


def new_partner(region, **changes: str) -> tuple[int, list[str]]:
    answers = {**ANSWERS, **{f"--{key}": value for key, value in changes.items()}}
    args = ["nieuw-partner", *(part for pair in answers.items() for part in pair)]
    out = io.StringIO()
    code = main([*args, "--root", str(region), "--vandaag", TODAY.isoformat()], out)
    return code, out.getvalue().splitlines()


def placeholder_line(line: int, name: str, hint: str) -> str:
    return (
        f"{P}:{line}: veld '{name}': hier staat nog de invulhulp 'NAKIJKEN: {hint}'; "
        "vul de echte waarde in"
    )


def text_line(line: int, hint: str) -> str:
    return (
        f"{P}:{line}: de tekst onder de velden: hier staat nog de invulhulp 'NAKIJKEN: {hint}'; "
        "schrijf de echte tekst"
    )


# What a person writes where nieuw-partner wrote a NAKIJKEN placeholder.
FILLED = {
    "website:": 'website: "https://zwemclub.example.org"',
    'naam: "NAKIJKEN': '  naam: "Els Jansen"',
    "email:": '  email: "zwemclub@example.org"',
    "NAKIJKEN: wie": "Zwemclub De Vliet geeft zwemles in kleine groepen.",
    "NAKIJKEN: wat": "In de samenwerking geeft de club les aan kinderen met een beperking.",
}


def fill_in(text: str) -> str:
    """Replace every placeholder line, as a coordinator does in the editor."""
    lines = []
    for line in text.splitlines():
        for start, filled in FILLED.items():
            if line.strip().startswith(start) and "NAKIJKEN" in line:
                line = filled
        lines.append(line)
    return "\n".join(lines) + "\n"


EXPECTED = [
    f"Geschreven: {P}",
    placeholder_line(13, "website", "de website, die begint met https://"),
    placeholder_line(15, "contact.naam", "de contactpersoon voor de samenwerking"),
    placeholder_line(16, "contact.email", "het e-mailadres van de partner"),
    text_line(21, "wie is de partner? Schrijf het in één of twee korte zinnen."),
    text_line(
        22, "wat doet de partner in de samenwerking? Bijvoorbeeld welk aanbod of welke hulp."
    ),
    "Gevonden: 5 problemen in 1 bestand.",
    "Zo ga je verder:",
    f"1. Open {P} en los de fouten hierboven op: vul in waar NAKIJKEN staat.",
    "2. Controleer met 'make check'. Staat er geen fout meer bij dit bestand? Dan is het klaar.",
    "3. Een aanbod van deze partner begin je met 'make nieuw-aanbod AANBIEDER=zwemclub-de-vliet'.",
    "4. Een activiteit begin je met 'make nieuw-evenement ORGANISATOR=zwemclub-de-vliet'.",
    "5. Maak een pull request, zoals op de pagina 'Zo werk je het aanbod bij' staat.",
]


def test_new_partner_passes_the_check_apart_from_its_placeholders(region):
    assert new_partner(region) == (0, EXPECTED)
    result = load_site(region, today=TODAY)
    assert result.site is None  # nothing of it is published
    found = errors(result.problems)  # make check: only the placeholders are errors
    assert all("hier staat nog de invulhulp 'NAKIJKEN" in p.message for p in found)
    assert ({p.path for p in found}, len(found)) == ({P}, 5)
    path = region / P
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.path == P] == []
    partner = result.site.partners["zwemclub-de-vliet"]
    assert (partner.naam, partner.soort.slug, partner.gemeente.naam) == (
        "Zwemclub De Vliet",
        "sportaanbieder",
        "Kampen",
    )


def test_an_offer_can_name_the_new_partner_at_once(region):
    new_partner(region)
    out = io.StringIO()
    offer = ["nieuw-aanbod", "--slug", "zwemmen", "--titel", "Zwemmen in Kampen"]
    offer += ["--sport", "zwemmen", "--aanbieder", "zwemclub-de-vliet", "--gemeente", "Kampen"]
    assert main([*offer, "--root", str(region)], out) == 0
    assert (region / "offers" / "zwemmen.yml").exists()


def test_without_a_municipality_the_line_waits_commented_out(region):
    code, _ = new_partner(region, gemeente="")
    text = (region / P).read_text(encoding="utf-8")
    assert code == 0
    assert "\n# gemeente:  # werkt de partner in één gemeente? Haal het eerste # weg" in text
    (region / P).write_text(fill_in(text), encoding="utf-8")
    partner = load_site(region, today=TODAY).site.partners["zwemclub-de-vliet"]
    assert partner.gemeente is None


def test_a_name_with_a_colon_or_quotes_stays_the_name(region):
    new_partner(region, naam='Stichting "Samen": sport & meer')
    (region / P).write_text(fill_in((region / P).read_text(encoding="utf-8")), encoding="utf-8")
    partner = load_site(region, today=TODAY).site.partners["zwemclub-de-vliet"]
    assert partner.naam == 'Stichting "Samen": sport & meer'


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"slug": "judoclub-de-mat"},
            "partners/judoclub-de-mat.md bestaat al; kies een andere naam",
        ),
        (
            {"slug": "Zwemclub De Vliet"},
            "'Zwemclub De Vliet' mag alleen kleine letters, cijfers en streepjes bevatten",
        ),
        (
            {"soort": "vereniging"},
            "soort: 'vereniging' kennen we niet. Kies uit: sportaanbieder, gemeente, zorg, "
            "onderwijs, welzijn, fonds, bedrijf, sportorganisatie, overig",
        ),
        (
            {"gemeente": "Zwole"},
            "gemeente: 'Zwole' staat niet in regio.yml. Bedoel je 'Zwolle'? "
            "Kies uit: Zwolle, Kampen, Olst-Wijhe",
        ),
    ],
)
def test_answers_that_cannot_be_used_are_refused_before_writing(region, changes, expected):
    before = (region / "partners" / "judoclub-de-mat.md").read_bytes()
    assert new_partner(region, **changes) == (2, [expected])
    assert not (region / P).exists()
    assert (region / "partners" / "judoclub-de-mat.md").read_bytes() == before


def test_without_a_terminal_the_missing_answers_are_named(region, monkeypatch):
    for name in ("SLUG", "NAAM", "SOORT", "GEMEENTE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = io.StringIO()
    assert main(["nieuw-partner", "--root", str(region), "--slug", "x"], out) == 2
    assert (
        out.getvalue() == "Vul ook in: NAAM, SOORT, zoals 'make nieuw-partner SLUG=... NAAM=...'\n"
    )


def test_without_a_terminal_every_wrong_value_gets_its_own_line(region):
    code, lines = new_partner(region, slug="judoclub-de-mat", soort="club", gemeente="Zwole")
    assert code == 2
    assert [line.split(":", 1)[0] for line in lines] == [
        "partners/judoclub-de-mat.md bestaat al; kies een andere naam",
        "soort",
        "gemeente",
    ]
