"""Demand records (vragen/<slug>.yml): every rule of the contract pins the line a coordinator reads.

The fixture region is tests/fixtures/regio-a (Zwolle, Kampen, Olst-Wijhe; offers g-judo-zwolle,
wandelen-kampen, zitvolleybal-wachtlijst and the stopped zwemmen-gestopt).
"""

from __future__ import annotations

import io
import json

import pytest
from jsonschema import Draft7Validator

from conftest import REPO, TODAY, write
from sportwijzer.cli import main
from sportwijzer.datakinds import DATA_FOLDERS, DATA_KINDS, DEMAND
from sportwijzer.demand_rules import personal_advice
from sportwijzer.problems import errors
from sportwijzer.schema import SCHEMA_DIR
from sportwijzer.site import load_site

F = "vragen/2026-11-20-kampen-judo.yml"
VALID = """\
datum: 2026-11-20
gemeente: Kampen
beperkingen: [autisme]
leeftijdsgroep: kind
sport: judo
uitkomst: gematcht
aanbod: g-judo-zwolle
toelichting: Zoekt een kleine groep op woensdag.
"""
BEPERKINGEN = (
    "lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, autisme, nah"
)
CONTACT = "naam en contactgegevens bewaart het loket zelf, niet in git; haal de regel weg"
PRIVATE = "een toelichting is openbaar in git; zet er geen e-mailadres of telefoonnummer in"


def lines_of(region, text):
    write(region, F, text)
    result = load_site(region, today=TODAY)
    return [p.format() for p in result.problems if p.path == F]


def replace(old, new):
    assert old in VALID
    return VALID.replace(old, new)


def test_a_valid_record_passes_and_is_counted_but_keeps_no_note(region):
    assert lines_of(region, VALID) == []
    site = load_site(region, today=TODAY).site
    (vraag,) = site.vragen
    assert (vraag.gemeente.naam, vraag.beperkingen, vraag.uitkomst) == (
        "Kampen",
        ("autisme",),
        "gematcht",
    )
    assert "toelichting" not in vars(vraag)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            replace("datum: 2026-11-20", "datum: 2026-11-24"),
            f"{F}:1: veld 'datum': 2026-11-24 ligt in de toekomst; schrijf de dag waarop de vraag "
            "binnenkwam",
        ),
        (
            replace("datum: 2026-11-20", "datum: 2026-02-30"),
            f"{F}:1: veld 'datum': '2026-02-30' is geen bestaande datum; kijk dag en maand na",
        ),
        (
            replace("gemeente: Kampen", "gemeente: IJsselmuiden"),
            f"{F}:2: veld 'gemeente': IJsselmuiden is een plaats in de gemeente Kampen; "
            "schrijf 'Kampen'",
        ),
        (
            replace("gemeente: Kampen", "gemeente: Kampem"),
            f"{F}:2: veld 'gemeente': 'Kampem' staat niet in regio.yml. Bedoel je 'Kampen'? "
            "Kies uit: Zwolle, Kampen, Olst-Wijhe",
        ),
        (
            replace("beperkingen: [autisme]", "beperkingen: [iedereen]"),
            f"{F}:3: veld 'beperkingen': 'iedereen' kan niet bij een vraag: die komt van iemand "
            f"met een eigen beperking; kies er één of meer uit: {BEPERKINGEN}",
        ),
        (
            replace("beperkingen: [autisme]", "beperkingen: [blind]"),
            f"{F}:3: veld 'beperkingen': 'blind' is geen bekende waarde. Bedoel je 'visueel'? "
            f"Kies uit: {BEPERKINGEN}",
        ),
        (
            replace("leeftijdsgroep: kind", "leeftijdsgroep: 12"),
            f"{F}:4: veld 'leeftijdsgroep': 12 is een precieze leeftijd, en een vraag bevat geen "
            "persoonsgegevens; schrijf de groep: kind (0–12), jongere (13–17), volwassene "
            "(18–64) of senior (65+), hier 'kind'",
        ),
        (
            replace("leeftijdsgroep: kind", "leeftijdsgroep: tiener"),
            f"{F}:4: veld 'leeftijdsgroep': 'tiener' is geen bekende waarde. Kies uit: kind, "
            "jongere, volwassene, senior",
        ),
        (
            replace("sport: judo", "sport: jduo"),
            f"{F}:5: veld 'sport': 'jduo' staat niet in lijsten/sporten.yml. Bedoel je 'judo'? Een "
            "nieuwe sport voeg je daar eerst toe",
        ),
        (
            replace("uitkomst: gematcht", "uitkomst: gevonden"),
            f"{F}:6: veld 'uitkomst': 'gevonden' is geen bekende waarde. Kies uit: open, gematcht, "
            "doorverwezen, geen-aanbod",
        ),
        (
            replace("aanbod: g-judo-zwolle\n", ""),
            f"{F}:1: veld 'aanbod' ontbreekt; bij uitkomst 'gematcht' hoort het aanbod waar de "
            "vraag terechtkwam: schrijf de bestandsnaam uit offers/, zoals "
            "'aanbod: zwemmen-de-spetters'",
        ),
        (
            replace("aanbod: g-judo-zwolle", "aanbod: g-judo-zwole"),
            f"{F}:7: veld 'aanbod': er is geen aanbod 'g-judo-zwole' (offers/g-judo-zwole.yml). "
            "Bedoel je 'g-judo-zwolle'?",
        ),
        (
            replace("Zoekt een kleine groep op woensdag.", "Moeder belt terug op 06 12345678."),
            f"{F}:8: veld 'toelichting': er staat een telefoonnummer in, maar {PRIVATE}",
        ),
        (
            replace("Zoekt een kleine groep op woensdag.", "Bel +31 (0)6-1234 5678"),
            f"{F}:8: veld 'toelichting': er staat een telefoonnummer in, maar {PRIVATE}",
        ),
        (
            replace("Zoekt een kleine groep op woensdag.", "Antwoord naar ouder@example.org"),
            f"{F}:8: veld 'toelichting': er staat een e-mailadres in, maar {PRIVATE}",
        ),
        (
            replace("Zoekt een kleine groep op woensdag.", "x" * 201),
            f"{F}:8: veld 'toelichting': de tekst is te lang (201 tekens): schrijf hoogstens "
            "200 tekens",
        ),
    ],
)
def test_each_rule_gives_one_line(region, text, expected):
    assert lines_of(region, text) == [expected]


@pytest.mark.parametrize(
    "note",
    [
        "Sinds 2024 op zoek, liefst tussen 10 en 12 uur.",
        "Vraag kwam binnen op 2026-11-20 via de huisarts.",
        "Twee keer per week, 45 minuten.",
    ],
)
def test_dates_and_numbers_in_a_note_are_no_phone_number(region, note):
    assert lines_of(region, replace("Zoekt een kleine groep op woensdag.", note)) == []


def test_a_stopped_offer_may_be_the_match(region):
    assert lines_of(region, replace("aanbod: g-judo-zwolle", "aanbod: zwemmen-gestopt")) == []


def test_without_outcome_and_sport_a_record_is_open_and_fine(region):
    text = (
        "datum: 2026-11-20\ngemeente: Zwolle\nbeperkingen: [nah, visueel]\nleeftijdsgroep: senior\n"
    )
    assert lines_of(region, text) == []
    assert load_site(region, today=TODAY).site.vragen[0].uitkomst == "open"


@pytest.mark.parametrize(
    ("key", "advice"),
    [
        ("naam", CONTACT),
        ("email", CONTACT),
        ("e-mail", CONTACT),
        ("telefoon", CONTACT),
        ("Telefoonnummer", CONTACT),
        ("contact", CONTACT),
        ("naam_ouder", CONTACT),
        ("adres", "schrijf alleen de gemeente, in 'gemeente'"),
        ("postcode", "schrijf alleen de gemeente, in 'gemeente'"),
        ("woonplaats", "schrijf alleen de gemeente, in 'gemeente'"),
        ("geboortedatum", "kies een leeftijdsgroep: kind, jongere, volwassene of senior"),
        ("leeftijd", "kies een leeftijdsgroep: kind, jongere, volwassene of senior"),
    ],
)
def test_a_field_with_personal_data_says_why_it_may_not_be_there(region, key, advice):
    text = VALID.replace("sport: judo\n", f"sport: judo\n{key}: iets\n")
    assert lines_of(region, text) == [
        f"{F}:6: veld '{key}' mag hier niet: een vraag bevat geen persoonsgegevens; {advice}"
    ]


def test_the_brief_s_own_example_of_an_age_field(region):
    text = VALID.replace("leeftijdsgroep: kind\n", "leeftijdsgroep: kind\nleeftijd: 12\n")
    assert lines_of(region, text) == [
        f"{F}:5: veld 'leeftijd' mag hier niet: een vraag bevat geen persoonsgegevens; kies een "
        "leeftijdsgroep: kind, jongere, volwassene of senior"
    ]


def test_an_unknown_field_that_is_not_personal_is_just_unknown(region):
    assert personal_advice("leeftijdsgroep") is None and personal_advice("sportsoort") is None
    text = VALID.replace("sport: judo\n", "sport: judo\nsportsoort: judo\n")
    (line,) = lines_of(region, text)
    assert line.startswith(f"{F}:6: veld 'sportsoort' is onbekend.")


def test_every_problem_at_once(region):
    text = (
        "datum: 2027-01-01\ngemeente: Wezep\nnaam: Piet\nbeperkingen: [iedereen]\n"
        "leeftijdsgroep: 70\nuitkomst: gematcht\ntoelichting: piet@example.org\n"
    )
    assert len(lines_of(region, text)) == 7


# --- the contract's examples, through make check ----------------------------------------------

# The invalid examples of the data contract, copied here (tests never read ../shared), each with
# the exact line `make check` gives for it.
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
    (
        "personal-name.yml",
        "datum: 2026-10-02\ngemeente: Kampen\nnaam: Piet de Vries\nbeperkingen: [autisme]\n"
        "leeftijdsgroep: kind\n",
        f"vragen/personal-name.yml:3: veld 'naam' mag hier niet: een vraag bevat geen "
        f"persoonsgegevens; {CONTACT}",
    ),
    (
        "phone-in-note.yml",
        "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [autisme]\nleeftijdsgroep: jongere\n"
        "toelichting: Moeder belt terug op 06 12345678.\n",
        "vragen/phone-in-note.yml:5: veld 'toelichting': er staat een telefoonnummer in, maar "
        + PRIVATE,
    ),
]
VALID_EXAMPLES = [
    "datum: 2026-10-02\ngemeente: Kampen\nbeperkingen: [verstandelijk]\nleeftijdsgroep: kind\n"
    "sport: zwemmen\nuitkomst: gematcht\naanbod: wandelen-kampen\n",
    "datum: 2026-11-03\ngemeente: Zwolle\nbeperkingen: [visueel]\nleeftijdsgroep: volwassene\n"
    "uitkomst: geen-aanbod\ntoelichting: Zoekt iets in teamverband, het liefst op zaterdag.\n",
]


def check(region):
    out = io.StringIO()
    code = main(["check", str(region), "--vandaag", TODAY.isoformat()], out)
    return code, out.getvalue().splitlines()


@pytest.mark.parametrize(("name", "text", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_make_check_refuses_each_invalid_example_naming_its_field(region, name, text, expected):
    for number, valid in enumerate(VALID_EXAMPLES):
        write(region, f"vragen/geldig-{number}.yml", valid)
    write(region, f"vragen/{name}", text)
    code, lines = check(region)
    assert code == 1
    assert [line for line in lines if "let op:" not in line] == [
        expected,
        "Gevonden: 1 probleem in 1 bestand. 1 waarschuwing.",  # wandelen-kampen is old
    ]


def test_make_check_accepts_the_valid_examples(region):
    for number, valid in enumerate(VALID_EXAMPLES):
        write(region, f"vragen/geldig-{number}.yml", valid)
    code, lines = check(region)
    assert code == 0 and lines[-1].startswith("Geen fouten gevonden"), lines


# --- template, schema, editor -----------------------------------------------------------------


def test_the_commented_template_is_valid_and_ignored(region):
    template = (REPO / "vragen" / "_voorbeeld.yml").read_text(encoding="utf-8")
    assert "GEEN PERSOONSGEGEVENS" in template
    write(region, "vragen/_voorbeeld.yml", "dit is geen vraag")
    assert errors(load_site(region, today=TODAY).problems) == []
    offer = (REPO / "offers" / "aangepast-zwemmen-olst.yml").read_text(encoding="utf-8")
    write(region, "offers/aangepast-zwemmen-olst.yml", offer)  # the offer the template names
    assert lines_of(region, template) == []


def test_the_schema_is_draft_07_one_data_kind_and_known_to_the_editor():
    schema = json.loads((SCHEMA_DIR / "vragen.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert all(p["title"] and p["description"] for p in schema["properties"].values())
    assert "iedereen" not in schema["properties"]["beperkingen"]["items"]["enum"]
    assert DEMAND in DATA_KINDS and "vragen" in DATA_FOLDERS
    assert (DEMAND.folder, DEMAND.schema) == ("vragen", "vragen")
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./hooks/sportwijzer/schemas/vragen.schema.json"] == [
        "vragen/*.yml",
        "vragen/*.yaml",
    ]


def test_the_demo_questions_are_valid(demo):
    result = demo
    assert [p.format() for p in errors(result.problems)] == []
    assert 55 <= len(result.site.vragen) <= 70
