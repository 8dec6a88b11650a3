"""Nothing wrong is published silently (issue #13): each mistake a coordinator makes, the exact
line `make check` gives for it, and where the data is accepted, what the published page shows."""

from __future__ import annotations

import re

import pytest

from conftest import TODAY, VALID_OFFER, make_site, mkdocs_build, write
from sportwijzer.base import dutch
from sportwijzer.base.problems import sorted_problems
from sportwijzer.base.telefoon import dial_number, phone_mistake
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
P = "partners/judoclub-de-mat.md"
PARTNER = """\
---
naam: Judoclub De Mat
soort: sportaanbieder
gemeente: Zwolle
contact:
  telefoon: "038 222 33 44"
---
Tekst.
"""
HEINO = "  - naam: Heino\n    gemeente: Olst-Wijhe\n    coordinaten: [52.4350, 6.2330]\n"


def offer(old: str, new: str) -> str:
    assert old in VALID_OFFER
    return VALID_OFFER.replace(old, new)


def partner(old: str, new: str) -> str:
    assert old in PARTNER
    return PARTNER.replace(old, new)


def regio(region, extra: str = "", old: str = "", new: str = "") -> str:
    text = (region / "regio.yml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new) + extra


def lines_for(region, files: dict[str, str]) -> list[str]:
    """Every problem (errors first, then warnings) in the files the case wrote."""
    for relative, text in files.items():
        write(region, relative, text)
    problems = load_site(region, today=TODAY).problems
    return [p.format() for p in sorted_problems(problems) if p.path in files]


# (id, files, expected lines); a file's text may depend on the region, so it is a function of it.
CASES = [
    (
        "phone-with-trunk-zero-is-accepted",
        {F: offer("{email: info@example.org}", '{telefoon: "+31 (0)38-765 43 21"}')},
        [],
    ),
    (
        "phone-nine-digits",
        {F: offer("{email: info@example.org}", '{telefoon: "038 765 43 2"}')},
        [
            f"{F}:13: veld 'contact.telefoon': '038 765 43 2' heeft 9 cijfers, maar een "
            'Nederlands telefoonnummer heeft er 10, zoals "038 123 45 67"; kijk het nummer na'
        ],
    ),
    (
        "phone-international-with-a-digit-too-many",
        {F: offer("{email: info@example.org}", '{telefoon: "+31 38 765 43 210"}')},
        [
            f"{F}:13: veld 'contact.telefoon': '+31 38 765 43 210' heeft 11 cijfers, maar een "
            'Nederlands telefoonnummer heeft er 10, zoals "038 123 45 67"; kijk het nummer na'
        ],
    ),
    (
        "phone-without-area-code",
        {F: offer("{email: info@example.org}", '{telefoon: "765 43 21"}')},
        [
            f"{F}:13: veld 'contact.telefoon': '765 43 21' begint niet met 0 of +; schrijf het "
            'hele nummer met netnummer, zoals "038 123 45 67"'
        ],
    ),
    (
        "phone-of-a-partner",
        {P: partner('"038 222 33 44"', '"038-22 33 44"')},
        [
            f"{P}:6: veld 'contact.telefoon': '038-22 33 44' heeft 9 cijfers, maar een "
            'Nederlands telefoonnummer heeft er 10, zoals "038 123 45 67"; kijk het nummer na'
        ],
    ),
    (
        "phone-of-the-desk",
        {"regio.yml": lambda r: regio(r, old='"038 111 22 33"', new='"038 111 22 3"')},
        [
            "regio.yml:5: veld 'loket.telefoon': '038 111 22 3' heeft 9 cijfers, maar een "
            'Nederlands telefoonnummer heeft er 10, zoals "038 123 45 67"; kijk het nummer na'
        ],
    ),
    (
        "coordinates-on-the-centre-of-zwolle",
        {F: offer("[52.5230, 6.0790]", "[52.5168, 6.0830]")},
        [
            f"{F}:12: let op: veld 'locatie.coordinaten': ligt precies op het midden van de "
            "gemeente Zwolle; zoek de plek op openstreetmap.org en schrijf "
            "[breedtegraad, lengtegraad]"
        ],
    ),
    (
        "coordinates-a-few-metres-from-the-centre",
        {F: offer("[52.5230, 6.0790]", "[52.5169, 6.0831]")},
        [
            f"{F}:12: let op: veld 'locatie.coordinaten': ligt precies op het midden van de "
            "gemeente Zwolle; zoek de plek op openstreetmap.org en schrijf "
            "[breedtegraad, lengtegraad]"
        ],
    ),
    (
        "coordinates-a-street-away-are-fine",
        {F: offer("[52.5230, 6.0790]", "[52.5180, 6.0830]")},
        [],
    ),
    (
        "village-as-gemeente",
        {
            "regio.yml": lambda r: regio(r, HEINO),
            F: offer("gemeente: Zwolle", "gemeente: Heino"),
        },
        [
            f"{F}:11: veld 'locatie.gemeente': Heino is een plaats in de gemeente Olst-Wijhe; "
            "schrijf 'Olst-Wijhe'"
        ],
    ),
    (
        "village-as-gemeente-written-in-lower-case",
        {"regio.yml": lambda r: regio(r, HEINO), F: offer("gemeente: Zwolle", "gemeente: heino")},
        [
            f"{F}:11: veld 'locatie.gemeente': Heino is een plaats in de gemeente Olst-Wijhe; "
            "schrijf 'Olst-Wijhe'"
        ],
    ),
    (
        "village-as-gemeente-of-a-partner",
        {"regio.yml": lambda r: regio(r, HEINO), P: partner("gemeente: Zwolle", "gemeente: Heino")},
        [
            f"{P}:4: veld 'gemeente': Heino is een plaats in de gemeente Olst-Wijhe; "
            "schrijf 'Olst-Wijhe'"
        ],
    ),
]


CASES += [
    (
        "placeholder-in-a-field-the-schema-also-refuses-gets-one-line",
        {F: offer("postcode: 8021 AB", 'postcode: "NAKIJKEN: vier cijfers en twee letters"')},
        [
            f"{F}:9: veld 'locatie.postcode': hier staat nog de invulhulp 'NAKIJKEN: vier cijfers "
            "en twee letters'; vul de echte waarde in"
        ],
    ),
    (
        "placeholder-instead-of-coordinates",
        {F: offer("[52.5230, 6.0790]", '"NAKIJKEN: zoek de plek op openstreetmap.org"')},
        [
            f"{F}:12: veld 'locatie.coordinaten': hier staat nog de invulhulp 'NAKIJKEN: zoek de "
            "plek op openstreetmap.org'; vul de echte waarde in"
        ],
    ),
    (
        "placeholder-in-a-list",
        {F: offer("[visueel]", "[NAKIJKEN]")},
        [
            f"{F}:4: veld 'beperkingen': hier staat nog de invulhulp 'NAKIJKEN'; vul de echte "
            "waarde in"
        ],
    ),
    (
        "placeholders-of-the-earlier-nieuw-aanbod",
        {
            F: offer("naam: Zwembad De Vliet", 'naam: "Naam van de plek"')
            .replace("Vlietweg 4", "Straat 1")
            .replace("8021 AB", '"1234 AB"')
        },
        [
            f"{F}:7: veld 'locatie.naam': hier staat nog de invulhulp 'Naam van de plek'; vul de "
            "echte waarde in",
            f"{F}:8: veld 'locatie.adres': hier staat nog de invulhulp 'Straat 1'; vul de echte "
            "waarde in",
            f"{F}:9: veld 'locatie.postcode': hier staat nog de invulhulp '1234 AB'; vul de echte "
            "waarde in",
        ],
    ),
    (
        "placeholder-in-a-partner",
        {P: partner('"038 222 33 44"', '"NAKIJKEN: telefoonnummer"')},
        [
            f"{P}:6: veld 'contact.telefoon': hier staat nog de invulhulp 'NAKIJKEN: "
            "telefoonnummer'; vul de echte waarde in"
        ],
    ),
]


T = "offers/tweede.yml"
NOT_READ = "dit bestand wordt niet gelezen"
CASES += [
    (
        "same-title-twice",
        {F: VALID_OFFER, T: offer("titel: Zwemmen voor iedereen", "titel: zwemmen  voor Iedereen")},
        [
            f"{F}:1: let op: veld 'titel': {T} heeft dezelfde titel; maak ze verschillend, "
            "bijvoorbeeld met de plaats of de doelgroep erbij",
            f"{T}:1: let op: veld 'titel': {F} heeft dezelfde titel; maak ze verschillend, "
            "bijvoorbeeld met de plaats of de doelgroep erbij",
        ],
    ),
    (
        "same-title-three-times",
        {F: VALID_OFFER, T: VALID_OFFER, "offers/derde.yml": VALID_OFFER},
        [
            f"offers/derde.yml:1: let op: veld 'titel': {F} en {T} hebben dezelfde titel; maak "
            "ze verschillend, bijvoorbeeld met de plaats of de doelgroep erbij",
            f"{F}:1: let op: veld 'titel': offers/derde.yml en {T} hebben dezelfde titel; maak "
            "ze verschillend, bijvoorbeeld met de plaats of de doelgroep erbij",
            f"{T}:1: let op: veld 'titel': offers/derde.yml en {F} hebben dezelfde titel; maak "
            "ze verschillend, bijvoorbeeld met de plaats of de doelgroep erbij",
        ],
    ),
    ("same-title-as-a-stopped-offer", {F: VALID_OFFER, T: VALID_OFFER + "status: gestopt\n"}, []),
    (
        "offer-in-the-root",
        {"zwemmen.yml": VALID_OFFER},
        [
            f"zwemmen.yml: {NOT_READ}: aanbod hoort in offers/; verplaats het naar "
            "offers/zwemmen.yml"
        ],
    ),
    (
        "offer-in-offer",
        {"offer/zwemmen.yml": VALID_OFFER},
        [
            f"offer/zwemmen.yml: {NOT_READ}: aanbod hoort in offers/; verplaats het naar "
            "offers/zwemmen.yml"
        ],
    ),
    (
        "offer-in-aanbod",
        {"aanbod/zwemmen.yaml": VALID_OFFER},
        [
            f"aanbod/zwemmen.yaml: {NOT_READ}: aanbod hoort in offers/; verplaats het naar "
            "offers/zwemmen.yml"
        ],
    ),
    (
        "offer-in-Offers",
        {"Offers/Zwemmen Zwolle.yml": VALID_OFFER},
        [
            f"Offers/Zwemmen Zwolle.yml: {NOT_READ}: aanbod hoort in offers/; verplaats het naar "
            "offers/zwemmen-zwolle.yml"
        ],
    ),
    (
        "offer-in-some-other-folder",
        {"oud/zwemmen.yml": VALID_OFFER},
        [
            f"oud/zwemmen.yml: {NOT_READ}: aanbod hoort in offers/; verplaats het naar "
            "offers/zwemmen.yml"
        ],
    ),
    (
        "partner-in-partner",
        {"partner/club.md": PARTNER},
        [
            f"partner/club.md: {NOT_READ}: een partner hoort in partners/; verplaats het naar "
            "partners/club.md"
        ],
    ),
    (
        "partner-in-aanbieders",
        {"aanbieders/club.md": PARTNER},
        [
            f"aanbieders/club.md: {NOT_READ}: een partner hoort in partners/; verplaats het "
            "naar partners/club.md"
        ],
    ),
    (
        "region-file-as-yaml",
        {"regio.yaml": "naam: Regio\n"},
        [f"regio.yaml: {NOT_READ}: de regio hoort in regio.yml; hernoem het"],
    ),
    (
        "files-that-are-no-data-stay-quiet",
        {
            "mkdocs.yml": "site_name: x\n",
            "notities/idee.md": "# Idee\n",
            "README.md": "# Lees mij\n",
            ".github/x.yml": "a: 1\n",
            "lijsten/extra.yml": "a: 1\n",
            "tests/x.yml": "a: 1\n",
            "bench/x.yml": "a: 1\n",
            "offers/_concept.yml": "a: 1\n",
            "_oud/zwemmen.yml": VALID_OFFER,
        },
        [],
    ),
]


PRIVACY = "content/privacy.md"
CASES += [
    (
        "page-front-matter-with-an-unquoted-colon",
        {PRIVACY: "---\ntitle: Privacy\ndescription: Wat we bewaren: niets\n---\n\nTekst.\n"},
        [
            f"{PRIVACY}:3: in de tekst staat een dubbele punt met een spatie erna, en YAML leest "
            "dat als een nieuw veld; zet de tekst tussen aanhalingstekens: "
            'description: "Wat we bewaren: niets"'
        ],
    ),
    (
        "page-front-matter-that-is-a-list",
        {PRIVACY: "---\n- title: Privacy\n- description: Wat we bewaren\n---\n\nTekst.\n"},
        [
            f"{PRIVACY}:2: de velden tussen de regels --- bovenaan zijn een lijst; schrijf ze "
            "zoals 'title: Privacy', zonder streepje ervoor"
        ],
    ),
    (
        "page-front-matter-that-is-text",
        {PRIVACY: "---\nPrivacy en cookies\n---\n\nTekst.\n"},
        [
            f"{PRIVACY}:2: tussen de regels --- bovenaan staat gewone tekst; schrijf daar velden "
            "zoals 'title: Privacy', of haal de regels --- weg"
        ],
    ),
    (
        "page-front-matter-never-closed",
        {PRIVACY: "---\ntitle: Privacy\n\n# Privacy\n\nTekst.\n"},
        [
            f"{PRIVACY}:1: de velden bovenaan worden niet afgesloten; zet na het laatste veld "
            "een regel ---"
        ],
    ),
    ("page-without-front-matter", {PRIVACY: "# Privacy\n\nWat we bewaren: niets.\n"}, []),
    (
        "page-with-empty-front-matter",
        {PRIVACY: "---\n---\n# Privacy\n"},
        [
            f"{PRIVACY}:1: tussen de regels --- bovenaan staan geen velden; schrijf er "
            "'title: Privacy' tussen, of haal de regels --- weg"
        ],
    ),
]


CASES += [
    (
        "misspelled-sport",
        {F: offer("sport: zwemmen", "sport: zwemen")},
        [
            f"{F}:2: veld 'sport': 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je "
            "'zwemmen'? Een nieuwe sport voeg je daar eerst toe"
        ],
    ),
    (
        "misspelled-gemeente",
        {F: offer("gemeente: Zwolle", "gemeente: Zwole")},
        [
            f"{F}:11: veld 'locatie.gemeente': 'Zwole' staat niet in regio.yml. Bedoel je "
            "'Zwolle'? Kies uit: Zwolle, Kampen, Olst-Wijhe"
        ],
    ),
    (
        "partner-misspelled",
        {F: offer("aanbieder: judoclub-de-mat", "aanbieder: judoclub-de-mt")},
        [
            f"{F}:3: veld 'aanbieder': er is geen partner 'judoclub-de-mt' "
            "(partners/judoclub-de-mt.md). Bedoel je 'judoclub-de-mat'?"
        ],
    ),
    (
        "partner-half-written",
        {F: offer("aanbieder: judoclub-de-mat", "aanbieder: de-mat")},
        [
            f"{F}:3: veld 'aanbieder': er is geen partner 'de-mat' (partners/de-mat.md). "
            "Bedoel je 'judoclub-de-mat'?"
        ],
    ),
    (
        "partner-unknown",
        {F: offer("aanbieder: judoclub-de-mat", "aanbieder: zwemclub-de-vliet")},
        [
            f"{F}:3: veld 'aanbieder': er is geen partner 'zwemclub-de-vliet' "
            "(partners/zwemclub-de-vliet.md). Schrijf de naam van een bestand in partners/, of "
            "maak eerst partners/zwemclub-de-vliet.md"
        ],
    ),
    (
        "checked-in-the-future",
        {F: offer("2026-09-14", "2026-12-01")},
        [
            f"{F}:14: veld 'laatst_gecontroleerd': 2026-12-01 ligt in de toekomst; schrijf de "
            "datum waarop je het aanbod hebt nagekeken"
        ],
    ),
    ("stopped-offer-is-no-mistake", {F: VALID_OFFER + "status: gestopt\n"}, []),
    (
        "status-misspelled",
        {F: VALID_OFFER + "status: gestopped\n"},
        [
            f"{F}:15: veld 'status': 'gestopped' is geen bekende waarde. Bedoel je 'gestopt'? "
            "Kies uit: actief, wachtlijst, gepauzeerd, gestopt"
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_its_line(region, files, expected):
    texts = {path: text(region) if callable(text) else text for path, text in files.items()}
    assert lines_for(region, texts) == expected


PHONES = [
    ("038 765 43 21", "+31387654321"),
    ("+31 (0)38-765 43 21", "+31387654321"),
    ("+31(0)38 7654321", "+31387654321"),
    ("0031 38 765 43 21", "+31387654321"),
    ("0031 (0)38 765 43 21", "+31387654321"),
    ("+31 038 765 43 21", "+31387654321"),
    ("06-12345678", "+31612345678"),
    ("06 - 12 34 56 78", "+31612345678"),
    ("038 - 765 43 21", "+31387654321"),
    ("(038) 765 43 21", "+31387654321"),
    ("038.765.43.21", "+31387654321"),
    ("0572 - 34 56 78", "+31572345678"),
    ("+32 2 123 45 67", "+3221234567"),
    ("0032 2 123 45 67", "+3221234567"),
    ("+49 (0)30 1234567", "+49301234567"),
    ("0800-1234", "08001234"),
    ("0800 123 4567", "08001234567"),
    ("0900-1234", "09001234"),
    ("0900 123 45 67", "09001234567"),
    ("14 038", "14038"),
    ("14 0572", "140572"),
    ("038 765 43 2", None),
    ("038 765 43 210", None),
    ("+31 (0)38 765 43 2", None),
    ("765 43 21", None),
    ("0900 12", None),
    ("14 38", None),
    ("+1 23", None),
    ("bel ons", None),
    ("", None),
]


@pytest.mark.parametrize(("written", "dialled"), PHONES, ids=[p[0] or "leeg" for p in PHONES])
def test_the_number_a_call_button_dials(written, dialled):
    assert dial_number(written) == dialled
    assert (phone_mistake(written) is None) == (dialled is not None)
    if dialled:
        assert dutch.tel_link(written) == f"tel:{dialled}"


@pytest.mark.parametrize(
    ("old", "new", "start"),
    [
        ("sport: zwemmen", "sport: Zwemmen", f"{F}:2: veld 'sport': 'Zwemmen' "),
        ("aanbieder: judoclub-de-mat", "aanbieder: Judoclub De Mat", f"{F}:3: veld 'aanbieder': "),
        (
            "aanbieder: judoclub-de-mat",
            "aanbieder: judoclub-de-mat.md",
            f"{F}:3: veld 'aanbieder': ",
        ),
        ("{email: info@example.org}", '{telefoon: "038 12"}', f"{F}:13: veld 'contact.telefoon': "),
    ],
)
def test_what_the_schema_refuses_is_not_said_again_by_a_rule(region, old, new, start):
    lines = lines_for(region, {F: offer(old, new)})
    assert len(lines) == 1 and lines[0].startswith(start), lines


def test_a_file_nobody_reads_fails_the_check(region):
    write(region, "offer/zwemmen.yml", VALID_OFFER)
    result = load_site(region, today=TODAY)
    assert not result.ok and result.site is None


def test_the_strict_build_stops_at_a_page_whose_front_matter_mkdocs_would_print(tmp_path):
    root = make_site(tmp_path)
    text = (root / PRIVACY).read_text(encoding="utf-8")
    write(root, PRIVACY, re.sub(r'description: "(.*)"', r"description: \1", text, count=1))
    result = mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert (
        f"{PRIVACY}:3: in de tekst staat een dubbele punt met een spatie erna, en YAML leest dat "
        "als een nieuw veld; zet de tekst tussen aanhalingstekens: description: "
    ) in output


def test_the_offer_page_dials_the_number_and_shows_it_as_written(region):
    write(region, F, offer("{email: info@example.org}", '{telefoon: "+31 (0)38-765 43 21"}'))
    contact = load_site(region, today=TODAY).site.aanbod["nieuw"].contact
    assert (contact.telefoon, contact.telefoon_link) == ("+31 (0)38-765 43 21", "tel:+31387654321")


@pytest.mark.traag  # a full build of its own
def test_what_the_published_site_shows_for_a_phone_number_and_each_status(tmp_path):
    root = make_site(tmp_path)
    phone = offer("{email: info@example.org}", '{telefoon: "+31 (0)38-765 43 21"}')
    write(root, "offers/bellen.yml", phone.replace("voor iedereen", "met bellen"))
    write(root, "offers/pauze.yml", offer("voor iedereen", "met pauze") + "status: gepauzeerd\n")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"

    def html(url: str) -> str:
        return (site / url / "index.html").read_text(encoding="utf-8")

    assert '<a class="md-button md-button--primary" href="tel:+31387654321">' in html(
        "aanbod/bellen"
    )
    assert "Bel +31 (0)38-765 43 21</a>" in html("aanbod/bellen")
    assert "<strong>Dit aanbod is tijdelijk gestopt.</strong>" in html("aanbod/pauze")
    assert '"eventStatus": "https://schema.org/EventPostponed"' in html("aanbod/pauze")
    assert "<strong>Er is een wachtlijst.</strong>" in html("aanbod/zitvolleybal-wachtlijst")
    cards = html("aanbod")
    assert 'sw-card__status">Tijdelijk gestopt<' in cards
    assert 'sw-card__status">Wachtlijst<' in cards
    published = [
        p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml")
    ]
    published.remove(site / "aanbod" / "zwemmen-gestopt" / "index.html")  # its own page stays
    assert [p for p in published if "zwemmen-gestopt" in p.read_text(encoding="utf-8")] == []
    assert [p for p in published if "Zwemmen in Olst" in p.read_text(encoding="utf-8")] == []
