"""`make nieuw-evenement` writes a commented event whose placeholders fail the check until they
are filled in, and refuses answers it cannot use before anything is written."""

from __future__ import annotations

import io
import subprocess

import pytest

from conftest import TODAY
from sportwijzer.base.git_state import forget
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

E = "agenda/clinic-judo-kampen.yml"
ANSWERS = {
    "--slug": "clinic-judo-kampen",
    "--titel": "Clinic judo: kom proberen",
    "--soort": "clinic",
    "--organisator": "judoclub-de-mat",
    "--datum": "2027-03-06",
    "--gemeente": "Kampen",
}

# What a person fills in where nieuw-evenement wrote a NAKIJKEN placeholder.
FILLED = {
    "samenvatting": "Een middag judo proberen, met trainers die ervaring hebben.",
    "beperkingen": "[verstandelijk, autisme]",
    "naam": "Sporthal De Reeve",
    "adres": "Reeveweg 8",
    "postcode": "8262 AB",
    "plaats": "Kampen",
    "coordinaten": "[52.5500, 5.9200]",
}


def new_event(region, **changes: str) -> tuple[int, list[str]]:
    answers = {**ANSWERS, **{f"--{key}": value for key, value in changes.items()}}
    args = ["nieuw-evenement", *(part for pair in answers.items() for part in pair)]
    out = io.StringIO()
    code = main([*args, "--root", str(region), "--vandaag", TODAY.isoformat()], out)
    return code, out.getvalue().splitlines()


def placeholder_line(line: int, name: str, hint: str) -> str:
    return (
        f"{E}:{line}: veld '{name}': hier staat nog de invulhulp 'NAKIJKEN: {hint}'; "
        "vul de echte waarde in"
    )


def fill_in(text: str) -> str:
    lines = []
    for line in text.splitlines():
        key = line.strip().split(":", 1)[0]
        if "NAKIJKEN:" in line and key in FILLED:
            line = line[: line.index(":") + 1] + " " + FILLED[key]
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_new_event_fails_the_check_until_every_placeholder_is_filled_in(region):
    code, lines = new_event(region)
    assert (code, lines) == (
        0,  # the file is written: the placeholders are the next step, not a failure
        [
            f"Geschreven: {E}",
            placeholder_line(11, "samenvatting", "één zin over de activiteit"),
            placeholder_line(
                15,
                "beperkingen",
                "voor wie is het? Schrijf een lijst, zoals [lichamelijk, visueel]",
            ),
            placeholder_line(20, "locatie.naam", "de naam van de plek, zoals Sporthal De Reeve"),
            placeholder_line(21, "locatie.adres", "straat en huisnummer"),
            placeholder_line(22, "locatie.postcode", "vier cijfers en twee letters, zoals 8021 AB"),
            placeholder_line(23, "locatie.plaats", "de woonplaats"),
            placeholder_line(25, "locatie.coordinaten", "zoek de plek op openstreetmap.org"),
            "Gevonden: 7 problemen in 1 bestand.",
            "Zo ga je verder:",
            f"1. Open {E} en los de fouten hierboven op: vul in waar NAKIJKEN staat.",
            "2. Controleer met 'make check'. Staat er geen fout meer bij dit bestand? Dan is het "
            "klaar.",
            "3. Na de datum gaat de activiteit vanzelf uit de agenda. Je hoeft niets weg te halen.",
            "4. Maak een pull request, zoals op de pagina 'Zo werk je het aanbod bij' staat.",
        ],
    )
    assert load_site(region, today=TODAY).site is None  # nothing of it is published
    path = region / E
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../hooks/sportwijzer/schemas/agenda")
    path.write_text(fill_in(text), encoding="utf-8")
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.path == E] == []
    event = result.site.evenementen["clinic-judo-kampen"]
    assert (event.titel, event.soort.slug, event.organisator.slug, event.datum.isoformat()) == (
        "Clinic judo: kom proberen",
        "clinic",
        "judoclub-de-mat",
        "2027-03-06",
    )
    assert event.locatie.adres == "Reeveweg 8"
    assert event.contact.email  # the organiser's contact details as a start


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"soort": "workshop"},
            "soort: 'workshop' kennen we niet. Kies uit: clinic, kennismaking, toernooi, "
            "sportdag, scholing, bijeenkomst, anders",
        ),
        (
            {"datum": "17-04-2027"},
            "datum: '17-04-2027' schrijf je als jaar-maand-dag, zoals 2027-04-17",
        ),
        (
            {"datum": "2031-04-17"},
            "datum: 2031-04-17 ligt meer dan twee jaar vooruit; kijk het jaartal na",
        ),
        (
            {"organisator": "judoclub-de-mt"},
            "organisator: er is geen partner 'judoclub-de-mt' (partners/judoclub-de-mt.md). "
            "Bedoel je 'judoclub-de-mat'?",
        ),
        (
            {"gemeente": "IJsselmuiden"},
            "gemeente: IJsselmuiden is een plaats in de gemeente Kampen; schrijf 'Kampen'",
        ),
        (
            {"slug": "Clinic Judo"},
            "'Clinic Judo' mag alleen kleine letters, cijfers en streepjes bevatten",
        ),
        (
            {"organisator": "Judoclub"},
            "organisator: 'Judoclub' mag alleen kleine letters, cijfers en streepjes bevatten",
        ),
    ],
    ids=["soort", "datum-format", "datum-far", "organisator", "village", "slug", "not-a-name"],
)
def test_answers_that_cannot_be_used_are_refused_before_writing(region, changes, expected):
    code, lines = new_event(region, **changes)
    assert (code, lines) == (2, [expected])
    assert not (region / "agenda").exists()


def test_an_existing_file_is_never_overwritten(region):
    new_event(region)
    before = (region / E).read_text(encoding="utf-8")
    code, lines = new_event(region, titel="Iets anders")
    assert (code, lines) == (2, [f"{E} bestaat al; kies een andere naam"])
    assert (region / E).read_text(encoding="utf-8") == before


def git(region, *args: str) -> None:
    subprocess.run(["git", "-C", str(region), *args], check=True, capture_output=True)


def test_in_a_git_checkout_last_years_date_is_refused_like_make_check_would(region):
    """The file nieuw-evenement writes is new, so make check's rule for a new event that is long
    over (the wrong year) refuses the date before anything is written."""
    git(region, "init", "-q", "-b", "main")
    git(region, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(region, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "regio")
    forget()
    code, lines = new_event(region, datum="2025-03-06")
    assert (code, lines) == (
        2,
        [
            "datum: 2025-03-06 is meer dan 30 dagen geleden; kijk het jaartal na. "
            "Bedoel je 2027-03-06?"
        ],
    )
    assert new_event(region, datum="2026-11-20")[0] == 0  # just over: a warning, written
