"""`make nieuw-aanbod` writes a valid, commented offer; `make verouderd` lists stale offers."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from conftest import REPO, TODAY, copy_region, write
from sportwijzer.check.load import read_yaml_file
from sportwijzer.check.schema import schema_problems
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

ANSWERS = [
    "--slug",
    "boccia-kampen",
    "--titel",
    "Boccia: samen spelen",
    "--sport",
    "boccia",
    "--aanbieder",
    "welzijn-kampen",
    "--gemeente",
    "Kampen",
]


def new_offer(region, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    args = ["nieuw-aanbod", *ANSWERS, *extra, "--root", str(region), "--vandaag", "2026-11-23"]
    return main(args, out), out.getvalue()


N = "offers/boccia-kampen.yml"


def placeholder_line(line: int, name: str, hint: str) -> str:
    return (
        f"{N}:{line}: veld '{name}': hier staat nog de invulhulp 'NAKIJKEN: {hint}'; "
        "vul de echte waarde in"
    )


# What a person fills in where nieuw-aanbod wrote a NAKIJKEN placeholder.
FILLED = {
    "beperkingen": "[lichamelijk]",
    "samenvatting": "Boccia met begeleiding, elke week.",
    "naam": "Sporthal De Reeve",
    "adres": "Reeveweg 8",
    "postcode": "8262 AB",
    "plaats": "Kampen",
    "coordinaten": "[52.5500, 5.9200]",
    "laatst_gecontroleerd": "2026-11-20",
    "email": "boccia@example.org",
}


def fill_in(text: str) -> str:
    """Replace every placeholder value, as a coordinator does in the editor."""
    lines = []
    for line in text.splitlines():
        key = line.strip().split(":", 1)[0]
        if "NAKIJKEN:" in line and key in FILLED:
            line = line[: line.index(":") + 1] + " " + FILLED[key]
        lines.append(line)
    return "\n".join(lines) + "\n"


NEXT_STEPS = [
    "Zo ga je verder:",
    f"1. Open {N} en los de fouten hierboven op: vul in waar NAKIJKEN staat.",
    "2. Controleer met 'make check'. Staat er geen fout meer bij dit bestand? Dan is het klaar.",
    "3. Maak een pull request, zoals op de pagina 'Zo werk je het aanbod bij' staat.",
]


def test_new_offer_fails_the_check_until_every_placeholder_is_filled_in(region):
    code, output = new_offer(region)
    assert (code, output.splitlines()) == (
        0,  # the file is written: the placeholders are the next step, not a failure
        [
            f"Geschreven: {N}",
            placeholder_line(
                11,
                "beperkingen",
                "voor wie is het? Schrijf een lijst, zoals [lichamelijk, visueel]",
            ),
            placeholder_line(14, "samenvatting", "één zin over het aanbod"),
            placeholder_line(17, "locatie.naam", "de naam van de plek, zoals Sporthal De Reeve"),
            placeholder_line(18, "locatie.adres", "straat en huisnummer"),
            placeholder_line(19, "locatie.postcode", "vier cijfers en twee letters, zoals 8021 AB"),
            placeholder_line(20, "locatie.plaats", "de woonplaats"),
            placeholder_line(22, "locatie.coordinaten", "zoek de plek op openstreetmap.org"),
            placeholder_line(27, "contact.email", "het e-mailadres voor dit aanbod"),
            placeholder_line(
                29,
                "laatst_gecontroleerd",
                "de dag dat je alles met de aanbieder hebt nagekeken, zoals 2026-11-23",
            ),
            "Gevonden: 9 problemen in 1 bestand.",
            *NEXT_STEPS,
        ],
    )
    assert load_site(region, today=TODAY).site is None  # nothing of it is published
    path = region / N
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    path.write_text(fill_in(text), encoding="utf-8")
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.path == N] == []
    offer = result.site.aanbod["boccia-kampen"]
    assert (offer.titel, offer.locatie.gemeente.naam, offer.sport.slug, offer.locatie.adres) == (
        "Boccia: samen spelen",
        "Kampen",
        "boccia",
        "Reeveweg 8",
    )


def test_new_offer_uses_the_partners_contact_details(region):
    new_offer(region, "--aanbieder", "judoclub-de-mat", "--slug", "judo")
    document, _ = read_yaml_file(region, "offers/judo.yml")
    partner = (region / "partners" / "judoclub-de-mat.md").read_text(encoding="utf-8")
    for value in document.data["contact"].values():
        assert value in partner


def test_a_partner_without_contact_details_gets_a_placeholder_not_the_desk(region):
    new_offer(region)
    document, _ = read_yaml_file(region, N)
    assert document.data["contact"] == {"email": "NAKIJKEN: het e-mailadres voor dit aanbod"}


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--gemeente",
            "Zwole",
            "gemeente: 'Zwole' staat niet in regio.yml. Bedoel je 'Zwolle'? "
            "Kies uit: Zwolle, Kampen, Olst-Wijhe",
        ),
        (
            "--gemeente",
            "IJsselmuiden",
            "gemeente: IJsselmuiden is een plaats in de gemeente Kampen; schrijf 'Kampen'",
        ),
        (
            "--sport",
            "zwemen",
            "sport: 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je 'zwemmen'? "
            "Een nieuwe sport voeg je daar eerst toe",
        ),
        (
            "--sport",
            "Zwemmen",
            "sport: 'Zwemmen' mag alleen kleine letters, cijfers en streepjes bevatten",
        ),
        (
            "--aanbieder",
            "judoclub-de-mt",
            "aanbieder: er is geen partner 'judoclub-de-mt' (partners/judoclub-de-mt.md). "
            "Bedoel je 'judoclub-de-mat'?",
        ),
    ],
)
def test_a_wrong_answer_is_refused_before_anything_is_written(region, option, value, message):
    assert new_offer(region, option, value) == (2, message + "\n")
    assert not (region / N).exists()


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        (
            "Boccia Kampen",
            "'Boccia Kampen' mag alleen kleine letters, cijfers en streepjes bevatten",
        ),
        ("g-judo-zwolle", "offers/g-judo-zwolle.yml bestaat al; kies een andere naam"),
    ],
)
def test_bad_or_taken_names_write_nothing(region, slug, message):
    before = (region / "offers" / "g-judo-zwolle.yml").read_bytes()
    assert new_offer(region, "--slug", slug) == (2, message + "\n")
    assert not (region / "offers" / "Boccia Kampen.yml").exists()
    assert (region / "offers" / "g-judo-zwolle.yml").read_bytes() == before


def test_make_target_without_answers_and_without_a_terminal_names_what_is_missing(tmp_path):
    region = copy_region(tmp_path / "regio")
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sportwijzer",
            "nieuw-aanbod",
            "--root",
            str(region),
            "--titel",
            "X",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout.startswith("Vul ook in: SLUG, SPORT, AANBIEDER, GEMEENTE")


def test_makefile_passes_every_answer_on():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for name in ("SLUG", "TITEL", "SPORT", "AANBIEDER", "GEMEENTE"):  # in the environment
        exported = rf"^([a-z -]+):(?: \\\n\t| )override export {name} := \$\(value {name}\)$"
        targets = re.search(exported, makefile, re.M)
        assert targets and "nieuw-aanbod" in targets[1].split(), name
    assert "nieuw-aanbod" in makefile.split("help:")[0] and "aanbod-uit-issue" in makefile


@pytest.mark.parametrize("template", ["offers/_voorbeeld.yml"])
def test_the_schema_accepts_the_templates(template):
    document, problems = read_yaml_file(REPO, template)
    assert problems == [] and schema_problems("offer", document, template) == []


def test_stale_offers_table(region):
    write(
        region,
        "offers/a.yml",
        (region / "offers" / "wandelen-kampen.yml")
        .read_text("utf-8")
        .replace("titel: ", "titel: A | "),
    )
    out = io.StringIO()
    assert main(["verouderd", str(region), "--vandaag", TODAY.isoformat()], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "## Aanbod dat nagekeken moet worden"
    assert lines[4:6] == [
        "| Titel | Aanbieder | Gemeente | Laatst gecontroleerd | Bestand |",
        "|---|---|---|---|---|",
    ]
    assert [line.split(" | ")[-1] for line in lines[6:]] == [
        "`offers/a.yml` |",
        "`offers/wandelen-kampen.yml` |",
    ]
    assert lines[6].startswith("| A \\| ")


def test_stale_report_never_fails(region):
    (region / "offers" / "wandelen-kampen.yml").unlink()
    out = io.StringIO()
    assert main(["verouderd", str(region), "--vandaag", TODAY.isoformat()], out) == 0
    assert out.getvalue().splitlines()[-1] == "Alle aanbod is in de laatste 12 maanden nagekeken."
    write(region, "offers/kapot.yml", "titel: [\n")
    out = io.StringIO()
    assert main(["verouderd", str(region), "--vandaag", TODAY.isoformat()], out) == 0
    assert "de gegevens hebben 1 fout(en)" in out.getvalue()
