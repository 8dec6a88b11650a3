"""The desk's register in every form it comes in: Excel (.xlsx), CSV as Dutch Excel saves it
(';' or ',', UTF-8 with or without BOM, Windows-1252), a folder of YAML records; empty, one row,
a thousand rows; and what `make vraag-telling` says when it cannot read it."""

from __future__ import annotations

import datetime as dt
import io
import random
import re

import pytest
import yaml

from conftest import REPO, TODAY
from demand_cases import (
    HEADER,
    NOTHING_WRITTEN,
    VALID_ROW,
    csv_bytes,
    problems_for,
    register,
    telling,
)
from sportwijzer.tools.cli import main

GEMEENTEN = ["Zwolle", "Kampen", "Olst-Wijhe"]
IMPAIRMENTS = ["lichamelijk", "rolstoel", "visueel", "autisme", "nah"]
OUTCOMES = ["", "open", "doorverwezen", "geen-aanbod", "gematcht"]


def written(region):
    return yaml.safe_load((region / "vragen" / "telling.yml").read_text(encoding="utf-8"))


def test_an_empty_file_says_what_a_register_looks_like(region, tmp_path):
    code, lines = telling(region, register(tmp_path, b""))
    assert (code, lines[0]) == (
        1,
        "vragen.csv:1: het register is leeg; zet in de eerste rij de kolommen datum, gemeente, "
        "beperkingen, leeftijdsgroep, sport, uitkomst en aanbod, en daaronder één vraag per rij",
    )
    assert lines[-1] == NOTHING_WRITTEN and not (region / "vragen").exists()


def test_a_register_with_only_its_header_counts_nothing(region, tmp_path):
    code, lines = telling(region, register(tmp_path, csv_bytes([])))
    assert code == 0, lines
    counts = written(region)
    assert counts["totaal"] == 0 and counts["gevraagd_niets"] == []
    assert set(counts["gemeenten"]) == set(GEMEENTEN)


def test_one_row(region, tmp_path):
    code, lines = telling(region, register(tmp_path, csv_bytes([VALID_ROW])))
    assert (code, lines) == (
        0,
        [
            "Geschreven: vragen/telling.yml, uit 1 rijen van het register.",
            "Geen fouten gevonden in 1 bestand.",
        ],
    )
    counts = written(region)
    assert counts["totaal"] == "1–2"
    assert counts["kwartalen"]["2026-K4"] == {"binnen": "1–2", "gematcht": "1–2"}
    assert counts["gemeenten"]["Kampen"] == "1–2" and counts["beperkingen"]["autisme"] == "1–2"


def random_rows(seed: int, n: int) -> list[list[str]]:
    """Valid rows in the four quarters before TODAY (and some before them)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        day = TODAY - dt.timedelta(days=rng.randrange(0, 420))
        outcome = rng.choice(OUTCOMES)
        sport = rng.choice(["", "judo", "zwemmen", "boccia", "wandelen"])
        aanbod = "g-judo-zwolle" if outcome == "gematcht" else ""
        rows.append(
            [
                day.strftime("%d-%m-%Y"),
                rng.choice(GEMEENTEN),
                ", ".join(rng.sample(IMPAIRMENTS, rng.randint(1, 2))),
                rng.choice(["kind", "jongere", "volwassene", "senior"]),
                sport,
                outcome,
                aanbod,
                "Een notitie van het loket",
            ]
        )
    return rows


def test_a_thousand_rows_are_all_counted(region, tmp_path):
    """Every row in the four quarters counts (how long it takes: bench/guards.py)."""
    rows = random_rows(7, 1000)
    code, lines = telling(region, register(tmp_path, csv_bytes([";".join(r) for r in rows])))
    assert code == 0, lines[:5]
    first = dt.date(2026, 1, 1)
    inside = [r for r in rows if dt.datetime.strptime(r[0], "%d-%m-%Y").date() >= first]
    counts = written(region)
    assert counts["totaal"] == len(inside)
    assert counts["uitkomsten"]["gematcht"] == sum(r[5] == "gematcht" for r in inside)
    assert counts["gemeenten"]["Kampen"] == sum(r[1] == "Kampen" for r in inside)


def test_a_thousand_rows_with_a_mistake_in_one(region, tmp_path):
    rows = [";".join(r) for r in random_rows(8, 1000)]
    rows[613] = rows[613].replace(";Zwolle;", ";Zwole;").replace(";Kampen;", ";Zwole;")
    rows[613] = rows[613].replace(";Olst-Wijhe;", ";Zwole;")
    (line,) = problems_for(region, tmp_path, rows)
    assert line.startswith("vragen.csv:615: kolom 'gemeente': 'Zwole' staat niet in regio.yml.")


# --- formats -------------------------------------------------------------------------------------


def test_csv_with_semicolons_and_a_bom_as_excel_saves_it(region, tmp_path):
    content = csv_bytes([VALID_ROW, VALID_ROW.replace("Kampen", "Zwole")], bom=True)
    assert content.startswith(b"\xef\xbb\xbf")
    assert problems_for(region, tmp_path, [VALID_ROW, VALID_ROW.replace("Kampen", "Zwole")])
    _code, lines = telling(region, register(tmp_path, content))
    assert lines[0].startswith("vragen.csv:3: kolom 'gemeente': 'Zwole' staat niet in regio.yml.")


def test_csv_with_commas_and_quotes(region, tmp_path):
    header = HEADER.replace(";", ",")
    row = '20-11-2026,Kampen,"autisme, nah",kind,judo,gematcht,g-judo-zwolle,"Zegt: ja, graag"'
    code, lines = telling(region, register(tmp_path, csv_bytes([row], header=header)))
    assert code == 0, lines
    assert written(region)["beperkingen"]["nah"] == "1–2"


def test_csv_in_windows_1252(region, tmp_path):
    rows = [VALID_ROW.replace("autisme", "blindé").replace("Zoekt", "Café één")]
    content = csv_bytes(rows, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    _code, lines = telling(region, register(tmp_path, content))
    assert lines[0] == (
        "vragen.csv:2: kolom 'beperkingen': 'blindé' is geen bekende waarde. Kies uit: "
        "lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, autisme, "
        "nah"
    )


def xlsx(tmp_path, rows, name="register.xlsx"):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for values in rows:
        sheet.append(values)
    path = tmp_path / "loket" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_an_excel_workbook_with_real_dates_columns_in_any_order_and_case(region, tmp_path):
    path = xlsx(
        tmp_path,
        [
            ["Naam", "Gemeente", "DATUM", "Leeftijdsgroep", "Beperkingen", "Uitkomst", "Sport"],
            ["Piet", "Kampen", dt.datetime(2026, 11, 20), "kind", "autisme", "open", "judo"],
            ["Anna", "Zwolle", dt.date(2026, 3, 2), "senior", "nah, visueel", None, None],
            [None, None, None, None, None, None, None],  # an empty row Excel keeps
            ["Jan", "Kampen", dt.datetime(2026, 7, 1), 12, "autisme", "gematcht", "judo"],
        ],
    )
    _code, lines = telling(region, path)
    assert lines[:3] == [
        "register.xlsx:5: kolom 'aanbod' is leeg; bij uitkomst 'gematcht' hoort het aanbod waar "
        "de vraag terechtkwam: schrijf de bestandsnaam uit offers/, zoals "
        "'aanbod: zwemmen-de-spetters'",
        "register.xlsx:5: kolom 'leeftijdsgroep': 12 is een precieze leeftijd, en een vraag "
        "bevat geen persoonsgegevens; schrijf de groep: kind (0–12), jongere (13–17), "
        "volwassene (18–64) of senior (65+), hier 'kind'",
        "Gevonden: 2 problemen in 1 bestand.",
    ]
    path = xlsx(tmp_path, [["Gemeente", "DATUM", "Leeftijdsgroep", "Beperkingen"]] * 1)
    assert telling(region, path)[0] == 0


def test_a_file_that_is_no_workbook(region, tmp_path):
    code, lines = telling(region, register(tmp_path, b"PK\x03\x04 kapot", "register.xlsx"))
    assert lines[0] == (
        "register.xlsx: dit is geen Excel-werkmap die gelezen kan worden; open het in Excel en "
        "sla het opnieuw op"
    )
    assert code == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "register.xls",
            "register.xls: bestanden van het type .xls worden niet gelezen; sla het register op "
            "als Excel-werkmap (.xlsx) of als CSV (gescheiden door puntkomma's)",
        ),
        (
            "register.txt",
            "register.txt: dit soort bestand wordt niet gelezen; geef een Excel-bestand (.xlsx), "
            "een CSV-bestand (.csv) of een map met vragen in YAML",
        ),
    ],
)
def test_other_files_are_refused_with_what_to_do(region, tmp_path, name, expected):
    assert telling(region, register(tmp_path, b"x", name))[1][0] == expected


def test_a_register_that_is_not_there(region, tmp_path):
    code, lines = telling(region, tmp_path / "weg.csv")
    assert (code, lines[0]) == (
        1,
        "weg.csv: register niet gevonden; geef een Excel-bestand (.xlsx), een CSV-bestand (.csv) "
        "of een map met vragen in YAML",
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            HEADER.replace("gemeente", "Gemeentes"),
            "vragen.csv:1: kolom 'gemeente' ontbreekt. Bedoel je 'Gemeentes'? De eerste rij noemt "
            "de kolommen: datum, gemeente, beperkingen, leeftijdsgroep, en als je ze gebruikt "
            "sport, uitkomst, aanbod",
        ),
        (
            HEADER + ";Gemeente",
            "vragen.csv:1: kolom 'gemeente' staat er twee keer; houd er één",
        ),
    ],
)
def test_the_header_row_names_the_columns(region, tmp_path, header, expected):
    assert problems_for(region, tmp_path, [VALID_ROW], header=header) == [expected]


# --- the command --------------------------------------------------------------------------------


def test_bron_comes_from_the_environment(region, tmp_path, monkeypatch):
    monkeypatch.setenv("BRON", str(register(tmp_path, csv_bytes([VALID_ROW]))))
    out = io.StringIO()
    args = ["vraag-telling", "--root", str(region), "--vandaag", TODAY.isoformat()]
    assert main(args, out) == 0, out.getvalue()
    monkeypatch.delenv("BRON")
    out = io.StringIO()
    assert main(args, out) == 2
    assert out.getvalue().startswith("Geef het register van het loket: make vraag-telling BRON=")


def test_the_makefile_passes_bron_through_the_environment():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^vraag-telling:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "sportwijzer vraag-telling" in recipe[1]
    assert "BRON" not in recipe[1]


def test_a_wrong_register_leaves_the_telling_as_it_was(region, tmp_path):
    assert telling(region, register(tmp_path, csv_bytes([VALID_ROW])))[0] == 0
    before = (region / "vragen" / "telling.yml").read_bytes()
    rows = [VALID_ROW] * 20 + [VALID_ROW.replace("Kampen", "Zwole")]
    assert telling(region, register(tmp_path, csv_bytes(rows)))[0] == 1
    assert (region / "vragen" / "telling.yml").read_bytes() == before


def test_openpyxl_is_not_needed_by_make_check():
    check = (REPO / "requirements-check.txt").read_text(encoding="utf-8").lower()
    assert "openpyxl" not in check
    assert re.search(r"^openpyxl==[0-9.]+$", (REPO / "requirements.txt").read_text(), re.M)
    source = (REPO / "hooks" / "sportwijzer" / "check/demand_register.py").read_text(
        encoding="utf-8"
    )
    assert not re.search(r"^(from openpyxl|import openpyxl)", source, re.M)


def test_a_register_folder_with_a_record_that_is_a_list(region, tmp_path):
    target = tmp_path / "loket" / "oud"
    target.mkdir(parents=True)
    (target / "lijst.yml").write_text("- datum: 2026-11-20\n", encoding="utf-8")
    (target / "leeg.yml").write_text("", encoding="utf-8")
    code, lines = telling(region, target)
    assert code == 1 and lines[-1] == NOTHING_WRITTEN
    assert lines[0].startswith("oud/leeg.yml") and lines[1].startswith("oud/lijst.yml:1: ")
