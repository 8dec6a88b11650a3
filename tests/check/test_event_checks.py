"""Every rule for events (agenda/<slug>.yml): one broken event, the exact line a coordinator reads.

The first cases are the data contract's invalid examples, copied here (tests never read
../shared) and pointed at this fixture region's partner and municipalities.
"""

from __future__ import annotations

import io
import json

import pytest

from conftest import REPO, SHORT_EVENT, TODAY, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.datakinds import DATA_FOLDERS, DATA_KINDS, EVENTS
from sportwijzer.check.schema import SCHEMA_DIR, load_schema
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

F = "agenda/clinic.yml"

# The contract's example 'clinic-rolstoeltennis-zwolle', with this region's partner.
VALID_EVENT = """\
titel: Clinic rolstoeltennis voor beginners
soort: clinic
organisator: judoclub-de-mat
samenvatting: Probeer rolstoeltennis een middag uit, met sportrolstoelen en rackets van de \
vereniging.
datum: 2027-04-17
tijd: {van: "13:30", tot: "16:00"}
sport: rolstoeltennis
beperkingen: [rolstoel, lichamelijk]
doelgroep: [sporters, ouders-en-begeleiders]
locatie:
  naam: Tennispark De Wielewaal
  adres: Wielewaalweg 2
  postcode: 8024 AB
  plaats: Zwolle
  gemeente: Zwolle
  coordinaten: [52.5290, 6.1010]
aanmelden:
  email: clinic@example.org
  uiterlijk: 2027-04-10
kosten: {bedrag: 0}
toegankelijkheid: [rolstoeltoegankelijk, invalidentoilet]
contact:
  naam: Els Jansen
  telefoon: "038 765 43 21"
"""

# The contract's other two valid examples, in this region.
VALID_EXAMPLES = {
    "scholing-trainers-kampen": """\
titel: Training omgaan met autisme in je sportles
soort: scholing
organisator: welzijn-kampen
samenvatting: Een avond voor trainers en vrijwilligers die sporters met autisme beter willen \
begeleiden.
datum: 2027-02-09
tijd: {van: "19:30", tot: "21:30"}
beperkingen: [autisme]
doelgroep: [trainers]
locatie:
  naam: Sporthal De Reeve
  adres: Reeveweg 10
  postcode: 8263 AA
  plaats: Kampen
  gemeente: Kampen
  coordinaten: [52.5500, 5.9200]
aanmelden: {url: "https://example.org/scholing", toelichting: Maximaal twintig deelnemers.}
status: vol
contact: {email: sport@example.org}
""",
    "sportdag-olst": """\
titel: Sportweekend voor iedereen in Olst
soort: sportdag
organisator: welzijn-kampen
samenvatting: Twee dagen sporten voor mensen met en zonder beperking, met twintig sporten om \
te proberen.
datum: 2027-06-12
tot_datum: 2027-06-13
beperkingen: [iedereen]
locatie: {naam: Sportpark, adres: Sportlaan 1, postcode: 8121 AA, plaats: Olst, \
gemeente: Olst-Wijhe, coordinaten: [52.3400, 6.1100]}
kosten: {bedrag: 0}
contact: {email: sport@example.org}
""",
}

# One short event for the contract's invalid examples, which all share it.
SHORT = SHORT_EVENT.replace("titel: Clinic rolstoeltennis\n", "titel: Clinic\n")


def errors_of(region) -> list[str]:
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.is_error]


def check(region, text: str, name: str = F) -> list[str]:
    write(region, name, text)
    return errors_of(region)


def edit(base: str, old: str, new: str) -> str:
    assert old in base, old
    return base.replace(old, new)


def test_the_valid_examples_pass_and_become_events(region):
    write(region, F, VALID_EVENT)
    for slug, text in VALID_EXAMPLES.items():
        write(region, f"agenda/{slug}.yml", text)
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.is_error] == []
    assert result.site is not None
    assert [e.slug for e in result.site.alle_evenementen] == [
        "scholing-trainers-kampen",
        "clinic",
        "sportdag-olst",
    ]


CONTRACT_EXAMPLES = [
    (
        "tijd-on-multi-day",
        edit(SHORT, "datum: 2027-04-17\n", "datum: 2027-04-17\ntot_datum: 2027-04-18\n")
        + 'tijd: {van: "10:00", tot: "16:00"}\n',
        [
            f"{F}:10: veld 'tijd': een tijd kan alleen bij een activiteit van één dag; haal 'tijd' "
            "weg (dan staat er 'hele dag'), of maak één bestand per dag"
        ],
    ),
    (
        "tijd-reversed",
        SHORT + 'tijd: {van: "16:00", tot: "13:30"}\n',
        [f"{F}:9: veld 'tijd': 'van' (16:00) moet voor 'tot' (13:30) liggen"],
    ),
    (
        "too-far-ahead",
        edit(SHORT, "datum: 2027-04-17", "datum: 2072-04-17"),
        [f"{F}:3: veld 'datum': 2072-04-17 ligt meer dan twee jaar vooruit; kijk het jaartal na"],
    ),
    (
        "tot-before-datum",
        SHORT + "tot_datum: 2027-04-16\n",
        [
            f"{F}:9: veld 'tot_datum': 2027-04-16 ligt voor 'datum' (2027-04-17); schrijf de "
            "laatste dag van de activiteit, of haal 'tot_datum' weg als het één dag is"
        ],
    ),
    (
        "uiterlijk-after-datum",
        SHORT + "aanmelden: {email: a@example.org, uiterlijk: 2027-04-18}\n",
        [
            f"{F}:9: veld 'aanmelden.uiterlijk': 2027-04-18 ligt na 'datum' (2027-04-17); "
            "aanmelden kan uiterlijk op de dag zelf"
        ],
    ),
    (
        "unknown-organisator",
        edit(SHORT, "organisator: judoclub-de-mat", "organisator: de-spetters"),
        [
            f"{F}:4: veld 'organisator': er is geen partner 'de-spetters' "
            "(partners/de-spetters.md). Schrijf de naam van een bestand in partners/, of maak "
            "eerst partners/de-spetters.md"
        ],
    ),
    (
        "unknown-soort",
        edit(SHORT, "soort: clinic", "soort: workshop"),
        [
            f"{F}:2: veld 'soort': 'workshop' is geen bekende waarde. Kies uit: clinic, "
            "kennismaking, toernooi, sportdag, scholing, bijeenkomst, anders"
        ],
    ),
]

MORE_CASES = [
    (
        "missing-fields",
        edit(edit(SHORT, "titel: Clinic\n", ""), "datum: 2027-04-17\n", ""),
        [f"{F}:1: veld 'datum' ontbreekt", f"{F}:1: veld 'titel' ontbreekt"],
    ),
    (
        "organisator-misspelled",
        edit(SHORT, "organisator: judoclub-de-mat", "organisator: judoclub-demat"),
        [
            f"{F}:4: veld 'organisator': er is geen partner 'judoclub-demat' "
            "(partners/judoclub-demat.md). Bedoel je 'judoclub-de-mat'?"
        ],
    ),
    (
        "soort-close",
        edit(SHORT, "soort: clinic", "soort: toernooien"),
        [
            f"{F}:2: veld 'soort': 'toernooien' is geen bekende waarde. Bedoel je 'toernooi'? "
            "Kies uit: clinic, kennismaking, toernooi, sportdag, scholing, bijeenkomst, anders"
        ],
    ),
    (
        "datum-not-a-day",
        edit(SHORT, "datum: 2027-04-17", "datum: 2027-02-30"),
        [f"{F}:3: veld 'datum': '2027-02-30' is geen bestaande datum; kijk dag en maand na"],
    ),
    (
        "datum-not-a-date",
        edit(SHORT, "datum: 2027-04-17", "datum: 17 april"),
        [
            f"{F}:3: veld 'datum': '17 april' is geen datum; schrijf jaar-maand-dag, "
            "zoals 2027-04-17"
        ],
    ),
    (
        "tot-datum-too-long",
        SHORT + "tot_datum: 2027-05-02\n",
        [
            f"{F}:9: veld 'tot_datum': 2027-05-02 ligt meer dan 14 dagen na 'datum' (2027-04-17); "
            "maak voor een reeks losse dagen één bestand per dag"
        ],
    ),
    (
        "tijd-not-a-time",
        SHORT + 'tijd: {van: "1330", tot: "16:00"}\n',
        [
            f"{F}:9: veld 'tijd.van': '1330' is geen tijd; schrijf uren en minuten tussen "
            'aanhalingstekens, zoals "13:30"'
        ],
    ),
    (
        "unknown-doelgroep",
        SHORT + "doelgroep: [ouders]\n",
        [
            f"{F}:9: veld 'doelgroep': 'ouders' is geen bekende waarde. Kies uit: sporters, "
            "ouders-en-begeleiders, trainers, bestuurders, verwijzers"
        ],
    ),
    (
        "unknown-status",
        SHORT + "status: geannuleerd\n",
        [
            f"{F}:9: veld 'status': 'geannuleerd' is geen bekende waarde. Kies uit: gepland, vol, "
            "afgelast"
        ],
    ),
    (
        "aanmelden-without-a-way",
        SHORT + "aanmelden: {uiterlijk: 2027-04-10}\n",
        [f"{F}:9: veld 'aanmelden': vul minstens één in: url, email of telefoon"],
    ),
    (
        "negative-kosten",
        SHORT + "kosten: {bedrag: -5}\n",
        [f"{F}:9: veld 'kosten.bedrag': -5 is te klein: het kleinste getal dat mag is 0"],
    ),
    (
        "unknown-sport",
        SHORT + "sport: rolstoeltenis\n",
        [
            f"{F}:9: veld 'sport': 'rolstoeltenis' staat niet in lijsten/sporten.yml. Bedoel je "
            "'rolstoeltennis'? Een nieuwe sport voeg je daar eerst toe"
        ],
    ),
    (
        "gemeente-not-in-region",
        edit(SHORT, "gemeente: Zwolle", "gemeente: Deventer"),
        [
            f"{F}:7: veld 'locatie.gemeente': 'Deventer' staat niet in regio.yml. Kies uit: "
            "Zwolle, Kampen, Olst-Wijhe"
        ],
    ),
    (
        "coordinaten-swapped",
        edit(SHORT, "[52.5290, 6.1010]", "[6.1010, 52.5290]"),
        [
            f"{F}:7: veld 'locatie.coordinaten': [6.101, 52.529] lijkt omgedraaid; schrijf "
            "[breedtegraad, lengtegraad], zoals [52.529, 6.101]"
        ],
    ),
    (
        "coordinaten-far-away",
        edit(SHORT, "[52.5290, 6.1010]", "[51.9225, 4.4792]"),
        [
            f"{F}:7: veld 'locatie.coordinaten': [51.9225, 4.4792] ligt buiten de regio: meer "
            "dan 50 km van elke gemeente in regio.yml; kijk de coördinaten na op een kaart"
        ],
    ),
    (
        "iedereen-not-alone",
        edit(SHORT, "[rolstoel]", "[iedereen, rolstoel]"),
        [
            f"{F}:6: veld 'beperkingen': 'iedereen' geldt al voor elke beperking; laat 'iedereen' "
            "alleen staan of haal het weg"
        ],
    ),
    (
        "unknown-field",
        SHORT + "totdatum: 2027-04-18\n",
        [f"{F}:9: veld 'totdatum' is onbekend. Bedoel je 'tot_datum'?"],
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    CONTRACT_EXAMPLES + MORE_CASES,
    ids=[case[0] for case in CONTRACT_EXAMPLES + MORE_CASES],
)
def test_one_broken_event_gives_exactly_these_lines(region, name, text, expected):
    assert check(region, text) == expected


def test_every_problem_in_one_event_is_reported_at_once(region):
    text = edit(SHORT, "soort: clinic", "soort: workshop")
    text = edit(text, "organisator: judoclub-de-mat", "organisator: de-spetters")
    text += 'tot_datum: 2027-04-16\ntijd: {van: "16:00", tot: "13:30"}\n'
    lines = check(region, text)
    assert [line.split(": veld ")[1].split(":")[0] for line in lines] == [
        "'soort'",
        "'organisator'",
        "'tot_datum'",
        "'tijd'",
    ]


def test_a_date_in_the_past_is_allowed(region):
    assert check(region, edit(SHORT, "datum: 2027-04-17", "datum: 2025-04-17")) == []


def test_two_years_ahead_is_the_last_day_allowed(region):
    assert check(region, edit(SHORT, "datum: 2027-04-17", "datum: 2028-11-23")) == []
    assert check(region, edit(SHORT, "datum: 2027-04-17", "datum: 2028-11-24")) == [
        f"{F}:3: veld 'datum': 2028-11-24 ligt meer dan twee jaar vooruit; kijk het jaartal na"
    ]


def test_fourteen_days_long_and_a_deadline_on_the_day_itself_are_allowed(region):
    text = (
        SHORT + "tot_datum: 2027-05-01\naanmelden: {email: a@example.org, uiterlijk: 2027-04-17}\n"
    )
    assert check(region, text) == []


def test_the_name_of_the_feed_is_not_an_event_name(region):
    assert check(region, SHORT, "agenda/agenda.yml") == [
        "agenda/agenda.yml: de naam 'agenda' is al in gebruik voor de hele agenda "
        "(agenda/agenda.ics); geef het bestand de naam van de activiteit, zoals "
        "'clinic-rolstoeltennis-zwolle.yml'"
    ]


def test_file_names_follow_the_same_rules_as_offers(region):
    assert check(region, SHORT, "agenda/Clinic Zwolle.yml") == [
        "agenda/Clinic Zwolle.yml: bestandsnaam mag alleen kleine letters, cijfers en streepjes "
        "bevatten, zoals 'clinic-zwolle.yml'"
    ]


@pytest.mark.parametrize(
    ("name", "text", "expected"), CONTRACT_EXAMPLES, ids=[c[0] for c in CONTRACT_EXAMPLES]
)
def test_make_check_refuses_each_contract_example_naming_its_field(region, name, text, expected):
    write(region, F, text)
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", TODAY.isoformat()], out) == 1
    lines = out.getvalue().splitlines()  # errors first; the fixture warns about a stale offer
    assert lines[:1] == expected  # and about the HTML in g-judo-zwolle's description
    assert lines[-1] == "Gevonden: 1 probleem in 1 bestand. 2 waarschuwingen."


def test_the_commented_template_stays_valid(region):
    write(region, "agenda/voorbeeld.yml", (REPO / "agenda" / "_voorbeeld.yml").read_text("utf-8"))
    partner = (REPO / "partners" / "_voorbeeld.md").read_text("utf-8")
    write(region, "partners/voorbeeld-zwemclub.md", partner)
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", TODAY.isoformat()], out) == 0, out.getvalue()


def test_the_template_is_not_read_and_carries_the_modeline(region):
    template = (REPO / "agenda" / "_voorbeeld.yml").read_text("utf-8")
    assert template.startswith(
        "# yaml-language-server: $schema=../hooks/sportwijzer/schemas/agenda.schema.json\n"
    )
    write(region, "agenda/_voorbeeld.yml", "dit is geen activiteit")
    assert errors_of(region) == []


def test_events_are_one_entry_in_the_list_of_data_kinds():
    assert EVENTS in DATA_KINDS
    assert (EVENTS.folder, EVENTS.schema, EVENTS.suffixes) == (
        "agenda",
        "agenda",
        (".yml", ".yaml"),
    )
    assert sorted(DATA_FOLDERS) == ["agenda", "offers", "partners", "vragen"]


def test_an_event_file_in_the_agenda_folder_is_no_stray_file(region):
    write(region, F, VALID_EVENT)
    assert errors_of(region) == []


# --- the schema -------------------------------------------------------------------------------

SHARED = (
    "samenvatting",
    "beschrijving",
    "sport",
    "locatie",
    "contact",
    "toegankelijkheid",
    "ondersteuning",
    "toegankelijkheid_toelichting",
    "vervoer",
)


def _without_words(rule: dict) -> dict:
    return {k: v for k, v in rule.items() if k not in ("title", "description")}


@pytest.mark.parametrize("name", SHARED)
def test_the_fields_events_share_with_offers_are_defined_alike(name):
    assert load_schema("agenda")["properties"][name] == load_schema("offer")["properties"][name]


def test_impairments_amount_and_ways_to_register_are_checked_as_for_offers():
    event, offer = load_schema("agenda")["properties"], load_schema("offer")["properties"]
    assert _without_words(event["beperkingen"]) == _without_words(offer["beperkingen"])
    bedrag = event["kosten"]["properties"]["bedrag"]
    assert _without_words(bedrag) == _without_words(offer["kosten"]["properties"]["bedrag"])
    ways, contact = event["aanmelden"]["properties"], offer["contact"]["properties"]
    assert ways["email"] == contact["email"]
    assert ways["telefoon"] == contact["telefoon"]
    assert _without_words(ways["url"]) == _without_words(contact["website"])


def test_the_schema_is_draft_07_with_dutch_help_and_the_editor_knows_it():
    schema = json.loads((SCHEMA_DIR / "agenda.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    for name, rule in schema["properties"].items():
        assert rule.get("title") and rule.get("description"), name
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert (
        "agenda/*.yml" in settings["yaml.schemas"]["./hooks/sportwijzer/schemas/agenda.schema.json"]
    )
