"""The rules of a question, on rows of the desk's register: every rule pins the line the desk
reads, naming the register, the row (as Excel numbers it: the header is row 1) and the column.

The fixture region is tests/fixtures/regio-a (Zwolle, Kampen, Olst-Wijhe; offers g-judo-zwolle,
wandelen-kampen, zitvolleybal-wachtlijst and the stopped zwemmen-gestopt).
"""

from __future__ import annotations

import pytest

from demand_cases import (
    BEPERKINGEN,
    NOTHING_WRITTEN,
    VALID_ROW,
    csv_bytes,
    problems_for,
    register,
    telling,
)

R = "vragen.csv:2"


def row(**changes: str) -> str:
    """The valid row with some columns changed."""
    names = ["datum", "gemeente", "beperkingen", "leeftijdsgroep", "sport", "uitkomst", "aanbod"]
    cells = VALID_ROW.split(";")
    for name, value in changes.items():
        cells[names.index(name)] = value
    return ";".join(cells)


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (
            row(datum="24-11-2026"),
            f"{R}: kolom 'datum': 24-11-2026 ligt in de toekomst; schrijf de dag waarop de vraag "
            "binnenkwam",
        ),
        (
            row(datum="30-02-2026"),
            f"{R}: kolom 'datum': '30-02-2026' is geen bestaande datum; kijk dag en maand na",
        ),
        (
            row(datum="2026-02-30"),
            f"{R}: kolom 'datum': '2026-02-30' is geen bestaande datum; kijk dag en maand na",
        ),
        (
            row(datum="20 november"),
            f"{R}: kolom 'datum': '20 november' is geen datum; schrijf jaar-maand-dag, zoals "
            "2026-11-20",
        ),
        (
            row(gemeente="IJsselmuiden"),
            f"{R}: kolom 'gemeente': IJsselmuiden is een plaats in de gemeente Kampen; "
            "schrijf 'Kampen'",
        ),
        (
            row(gemeente="Zwole"),
            f"{R}: kolom 'gemeente': 'Zwole' staat niet in regio.yml. Bedoel je 'Zwolle'? "
            "Kies uit: Zwolle, Kampen, Olst-Wijhe",
        ),
        (
            row(beperkingen="iedereen"),
            f"{R}: kolom 'beperkingen': 'iedereen' kan niet bij een vraag: die komt van iemand "
            f"met een eigen beperking; kies er één of meer uit: {BEPERKINGEN}",
        ),
        (
            row(beperkingen="autisme, blind"),
            f"{R}: kolom 'beperkingen': 'blind' is geen bekende waarde. Bedoel je 'visueel'? "
            f"Kies uit: {BEPERKINGEN}",
        ),
        (
            row(leeftijdsgroep="12"),
            f"{R}: kolom 'leeftijdsgroep': 12 is een precieze leeftijd, en een vraag bevat geen "
            "persoonsgegevens; schrijf de groep: kind (0–12), jongere (13–17), volwassene "
            "(18–64) of senior (65+), hier 'kind'",
        ),
        (
            row(leeftijdsgroep="tiener"),
            f"{R}: kolom 'leeftijdsgroep': 'tiener' is geen bekende waarde. Kies uit: kind, "
            "jongere, volwassene, senior",
        ),
        (row(leeftijdsgroep=""), f"{R}: kolom 'leeftijdsgroep' is leeg"),
        (
            row(sport="jduo"),
            f"{R}: kolom 'sport': 'jduo' staat niet in lijsten/sporten.yml. Bedoel je 'judo'? Een "
            "nieuwe sport voeg je daar eerst toe",
        ),
        (
            row(uitkomst="gevonden"),
            f"{R}: kolom 'uitkomst': 'gevonden' is geen bekende waarde. Kies uit: open, gematcht, "
            "doorverwezen, geen-aanbod",
        ),
        (
            row(aanbod=""),
            f"{R}: kolom 'aanbod' is leeg; bij uitkomst 'gematcht' hoort het aanbod waar de "
            "vraag terechtkwam: schrijf de bestandsnaam uit offers/, zoals "
            "'aanbod: zwemmen-de-spetters'",
        ),
        (
            row(aanbod="g-judo-zwole"),
            f"{R}: kolom 'aanbod': er is geen aanbod 'g-judo-zwole' (offers/g-judo-zwole.yml). "
            "Bedoel je 'g-judo-zwolle'?",
        ),
    ],
)
def test_each_rule_gives_one_line(region, tmp_path, changed, expected):
    assert problems_for(region, tmp_path, [changed]) == [expected]


def test_the_row_is_numbered_as_in_excel_and_every_problem_is_reported(region, tmp_path):
    rows = [VALID_ROW] * 12 + [row(gemeente="Zwole", sport="jduo"), VALID_ROW, row(aanbod="")]
    lines = problems_for(region, tmp_path, rows)
    assert [line.split(": kolom")[0] for line in lines] == [
        "vragen.csv:14",
        "vragen.csv:14",
        "vragen.csv:16",
    ]


@pytest.mark.parametrize(
    "changed",
    [
        row(aanbod="zwemmen-gestopt"),  # a stopped offer may be the match
        row(uitkomst="", aanbod="", sport=""),  # open, and the sport not known yet
        row(beperkingen="Autisme , NAH", leeftijdsgroep="Kind", uitkomst="Gematcht"),  # any case
        row(datum="2026-11-20"),  # the ISO form
        row(datum="3-2-2026"),  # Excel without leading zeros
    ],
)
def test_valid_rows(region, tmp_path, changed):
    code, lines = telling(region, register(tmp_path, csv_bytes([changed])))
    assert code == 0, lines


# --- the notes are the desk's: never read ------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "Moeder belt terug op 06 12345678.",
        "Antwoord naar ouder@example.org",
        "Piet de Vries, Dorpsstraat 4",
        "x" * 5000,
    ],
)
def test_the_note_and_any_other_column_are_never_read(region, tmp_path, note):
    header = "datum;gemeente;naam;telefoon;beperkingen;leeftijdsgroep;toelichting"
    rows = [f"20-11-2026;Kampen;Piet de Vries;06 12345678;autisme;kind;{note}"]
    code, lines = telling(region, register(tmp_path, csv_bytes(rows, header=header)))
    assert code == 0, lines
    written = (region / "vragen" / "telling.yml").read_text(encoding="utf-8")
    assert "Piet" not in written and "12345678" not in written and note[:20] not in written


# --- the contract's examples, as a register folder ----------------------------------------------

# The invalid examples of the data contract (register records in YAML), copied here (tests never
# read ../shared), each with the line `make vraag-telling` gives for it. A name or a phone number
# in a register record is the desk's own business: those columns are never read.
EXAMPLES = [
    (
        "exact-age.yml",
        "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [nah]\nleeftijdsgroep: 12\n",
        "vragen/exact-age.yml:4: veld 'leeftijdsgroep': 12 is een precieze leeftijd, en een vraag "
        "bevat geen persoonsgegevens; schrijf de groep: kind (0–12), jongere (13–17), volwassene "
        "(18–64) of senior (65+), hier 'kind'",
    ),
    (
        "iedereen.yml",
        "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [iedereen]\nleeftijdsgroep: senior\n",
        "vragen/iedereen.yml:3: veld 'beperkingen': 'iedereen' kan niet bij een vraag: die komt "
        f"van iemand met een eigen beperking; kies er één of meer uit: {BEPERKINGEN}",
    ),
    (
        "matched-without-offer.yml",
        "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [autisme]\nleeftijdsgroep: kind\n"
        "uitkomst: gematcht\n",
        "vragen/matched-without-offer.yml:1: veld 'aanbod' ontbreekt; bij uitkomst 'gematcht' "
        "hoort het aanbod waar de vraag terechtkwam: schrijf de bestandsnaam uit offers/, zoals "
        "'aanbod: zwemmen-de-spetters'",
    ),
]
NOT_READ = [
    "datum: 2026-10-02\ngemeente: Kampen\nnaam: Piet de Vries\nbeperkingen: [autisme]\n"
    "leeftijdsgroep: kind\n",
    "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [autisme]\nleeftijdsgroep: jongere\n"
    "toelichting: Moeder belt terug op 06 12345678.\n",
    "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [verstandelijk]\nleeftijdsgroep: kind\n"
    "sport: zwemmen\nuitkomst: gematcht\naanbod: wandelen-kampen\n",
    "datum: 2026-11-03\ngemeente: Zwolle\nbeperkingen: [visueel]\nleeftijdsgroep: volwassene\n"
    "uitkomst: geen-aanbod\ntoelichting: Zoekt iets in teamverband, het liefst op zaterdag.\n",
]


def folder(tmp_path, records):
    target = tmp_path / "loket" / "vragen"
    target.mkdir(parents=True)
    for name, text in records:
        (target / name).write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(("name", "text", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_a_register_folder_refuses_each_invalid_example(region, tmp_path, name, text, expected):
    records = [(f"geldig-{n}.yml", t) for n, t in enumerate(NOT_READ)] + [(name, text)]
    code, lines = telling(region, folder(tmp_path, records))
    assert (code, lines) == (
        1,
        [expected, "Gevonden: 1 probleem in 1 bestand.", NOTHING_WRITTEN],
    )


def test_a_register_folder_in_today_s_form_is_counted(region, tmp_path):
    records = [(f"vraag-{n}.yml", t) for n, t in enumerate(NOT_READ)]
    code, lines = telling(region, folder(tmp_path, records))
    assert code == 0, lines
    written = (region / "vragen" / "telling.yml").read_text(encoding="utf-8")
    assert "teamverband" not in written and "Piet" not in written
