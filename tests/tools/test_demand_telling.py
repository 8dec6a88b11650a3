"""vragen/ in `make check`: only telling.yml, which must be what `make vraag-telling` writes (its
schema, its names, protected); every other file is refused with why it does not belong in git."""

from __future__ import annotations

import io
import json

import pytest
from jsonschema import Draft7Validator

from conftest import REPO, TODAY, write
from demand_cases import VALID_ROW, csv_bytes, register, telling
from sportwijzer.check.datakinds import DATA_FOLDERS, DATA_KINDS, DEMAND
from sportwijzer.check.schema import SCHEMA_DIR
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

NOT_IN_GIT = (
    "dit bestand hoort niet in git: in vragen/ staat alleen telling.yml, want één vraag kan naar "
    "één persoon wijzen en git bewaart elk bestand voor altijd; zet de vraag in het register van "
    "het loket (buiten de repository), maak de telling met 'make vraag-telling BRON=<register>', "
    "haal dit bestand weg en ook uit de geschiedenis (README, 'Vragen aan het loket')"
)
RECORD = "datum: 2026-11-20\ngemeente: Kampen\nbeperkingen: [autisme]\nleeftijdsgroep: kind\n"
REDO = "maak de telling opnieuw met 'make vraag-telling BRON=<register>'"


def check(region):
    out = io.StringIO()
    code = main(["check", str(region), "--vandaag", TODAY.isoformat()], out)
    return code, [line for line in out.getvalue().splitlines() if "let op:" not in line]


@pytest.mark.parametrize(
    "name",
    [
        "vragen/2026-11-20-kampen-judo.yml",
        "vragen/_voorbeeld.yml",
        "vragen/register.xlsx",
        "vragen/vragen.csv",
        "vragen/notities.md",
    ],
)
def test_a_question_in_vragen_is_refused_with_why(region, name):
    write(region, name, RECORD)
    code, lines = check(region)
    assert code == 1
    assert lines[:-1] == [f"{name}: {NOT_IN_GIT}"]


def test_a_folder_of_records_in_vragen_is_refused(region):
    write(region, "vragen/oud/2026-11-20-kampen.yml", RECORD)
    assert check(region)[1][:-1] == [f"vragen/oud/: {NOT_IN_GIT}"]


def test_records_beside_vragen_are_not_sent_into_it(region):
    write(region, "vragen-archief/2026-11-20-kampen.yml", RECORD)
    assert check(region)[1][:-1] == [f"vragen-archief/2026-11-20-kampen.yml: {NOT_IN_GIT}"]


def test_the_telling_the_tool_writes_passes_and_reaches_the_site(region, tmp_path):
    assert telling(region, register(tmp_path, csv_bytes([VALID_ROW] * 5)))[0] == 0
    code, lines = check(region)
    assert code == 0, lines
    site = load_site(region, today=TODAY).site
    assert site.telling["totaal"] == 5 and site.telling["gemeenten"]["Kampen"] == 5


def written(region, tmp_path):
    assert telling(region, register(tmp_path, csv_bytes([VALID_ROW] * 5)))[0] == 0
    return (region / "vragen" / "telling.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '"Kampen": 5',
            '"Kampen": 1',
            [
                f"vragen/telling.yml:1: de aantallen kloppen niet met elkaar; {REDO}",
                "vragen/telling.yml:24: veld 'gemeenten.Kampen': '1' is geen aantal dat hier "
                "mag: schrijf 0, 3 of meer, of '1–2', '3 of meer', '0–2' of 'niet getoond'; maak "
                "de telling liever opnieuw met make vraag-telling",
            ],
        ),
        (
            '"Kampen": 5',
            '"Kampn": 5',
            "vragen/telling.yml:24: veld 'gemeenten': 'Kampn' staat niet in regio.yml. Bedoel je "
            "'Kampen'? Kies uit: Zwolle, Kampen, Olst-Wijhe",
        ),
        (
            '"Olst-Wijhe": 0',
            '"Olst-Wijhe": "1–2"',
            f"vragen/telling.yml:1: de aantallen kloppen niet met elkaar; {REDO}",
        ),
        (
            "2026-K1",
            "2025-K1",
            "vragen/telling.yml:12: veld 'kwartalen': 2025-K1, 2026-K2, 2026-K3, 2026-K4 zijn niet "
            f"vier kwartalen na elkaar tot nu; {REDO}",
        ),
    ],
)
def test_a_telling_changed_by_hand_is_refused(region, tmp_path, old, new, expected):
    text = written(region, tmp_path)
    assert old in text
    write(region, "vragen/telling.yml", text.replace(old, new))
    assert check(region)[1][:-1] == (expected if isinstance(expected, list) else [expected])


def test_a_small_count_that_follows_from_the_others_is_refused(region, tmp_path):
    """Two questions in Kampen, three in Zwolle: a total of 5 shown beside '1–2' and 3 would
    give the 2 away. The tool hides more; a hand-edited file that shows it is refused."""
    text = written(region, tmp_path)
    text = text.replace('"Kampen": 5', '"Kampen": "1–2"').replace('"Zwolle": 0', '"Zwolle": 3')
    write(region, "vragen/telling.yml", text)
    lines = check(region)[1][:-1]
    assert (
        "vragen/telling.yml:24: veld 'gemeenten.Kampen': dit kleine aantal is uit de andere "
        "aantallen uit te rekenen, en dan wijst het misschien naar één persoon; " + REDO
    ) in lines


def test_the_schema_is_draft_07_one_data_kind_and_known_to_the_editor():
    schema = json.loads((SCHEMA_DIR / "telling.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert all(p["title"] and p["description"] for p in schema["properties"].values())
    count = schema["definitions"]["aantal"]
    validator = Draft7Validator({**count, "definitions": schema["definitions"]})
    assert [validator.is_valid(v) for v in (0, 1, 2, 3, "1–2", "2", "3 of meer")] == [
        True, False, False, True, True, False, True,
    ]  # fmt: skip
    assert DEMAND in DATA_KINDS and "vragen" in DATA_FOLDERS
    assert sum(kind.folder == "vragen" for kind in DATA_KINDS) == 1
    assert (DEMAND.folder, DEMAND.schema) == ("vragen", "telling")
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./hooks/sportwijzer/schemas/telling.schema.json"] == [
        "vragen/telling.yml"
    ]


def test_a_register_inside_the_repository_is_refused(region):
    path = write(region, "loket/vragen.csv", csv_bytes([VALID_ROW]))
    code, lines = telling(region, path)
    assert (code, lines) == (
        1,
        [
            "vragen.csv: het register staat in de map van de site, en zo komt het met de volgende "
            "commit in git; zet het buiten deze map, waar het loket zijn eigen bestanden bewaart, "
            "en geef dat pad"
        ],
    )
    assert not (region / "vragen").exists()


def test_git_ignores_registers_except_the_demo_s():
    ignore = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"*.xlsx", "*.csv", "!voorbeelden/vragen-register.csv"} <= set(ignore)


def test_the_demo_keeps_only_its_telling_and_a_register_outside_the_data(demo):
    assert sorted(p.name for p in (REPO / "vragen").iterdir()) == ["telling.yml"]
    assert (REPO / "voorbeelden" / "vragen-register.csv").is_file()
    assert demo.site.telling is not None


def test_an_old_telling_is_a_warning_not_an_error(region, tmp_path):
    text = written(region, tmp_path)
    for old, new in zip(
        ("2026-K1", "2026-K2", "2026-K3", "2026-K4"),
        ("2025-K1", "2025-K2", "2025-K3", "2025-K4"),
        strict=True,
    ):
        text = text.replace(old, new)
    write(region, "vragen/telling.yml", text)
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", TODAY.isoformat()], out) == 0
    assert (
        "vragen/telling.yml:12: let op: de telling loopt tot 2025-K4 en is ouder dan een "
        f"kwartaal; {REDO}"
    ) in out.getvalue().splitlines()
