"""`make nieuw-aanbod` writes a valid, commented offer; `make verouderd` lists stale offers."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from conftest import REPO, TODAY, copy_region, write
from sportwijzer.cli import main
from sportwijzer.load import read_yaml_file
from sportwijzer.schema import schema_problems
from sportwijzer.site import load_site

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


def test_new_offer_passes_every_check_and_keeps_its_comments(region):
    code, output = new_offer(region)
    assert (code, output) == (
        0,
        "Geschreven: offers/boccia-kampen.yml\nGeen fouten gevonden in 1 bestand.\n",
    )
    text = (region / "offers" / "boccia-kampen.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "NAKIJKEN" in text
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.is_error] == []
    offer = result.site.aanbod["boccia-kampen"]
    assert (offer.titel, offer.locatie.gemeente.naam, offer.sport.slug) == (
        "Boccia: samen spelen",
        "Kampen",
        "boccia",
    )
    assert (offer.locatie.lat, offer.locatie.lon) == (52.555, 5.9114)


def test_new_offer_uses_the_partners_contact_details(region):
    new_offer(region, "--aanbieder", "judoclub-de-mat", "--slug", "judo")
    document, _ = read_yaml_file(region, "offers/judo.yml")
    partner = (region / "partners" / "judoclub-de-mat.md").read_text(encoding="utf-8")
    for value in document.data["contact"].values():
        assert value in partner


def test_a_wrong_answer_is_reported_in_the_usual_grammar(region):
    code, output = new_offer(region, "--gemeente", "Zwole")
    assert code == 1
    assert output.splitlines()[1] == (
        "offers/boccia-kampen.yml:20: veld 'locatie.gemeente': 'Zwole' staat niet in regio.yml. "
        "Bedoel je 'Zwolle'? Kies uit: Zwolle, Kampen, Olst-Wijhe"
    )


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
    target = makefile.split("\nnieuw-aanbod:", 1)[1]
    for name in ("SLUG", "TITEL", "SPORT", "AANBIEDER", "GEMEENTE"):
        assert f'--{name.lower()} "$({name})"' in target
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
