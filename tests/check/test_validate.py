"""Every rule of the data contract: one broken offer, the exact lines a coordinator reads."""

import datetime as dt

import pytest

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.base.dates import is_stale
from sportwijzer.base.problems import sorted_problems
from sportwijzer.site import load_site

F = "offers/nieuw.yml"


def check(region, text: str, name: str = F) -> list[str]:
    write(region, name, text)
    return errors_of(region)


def errors_of(region) -> list[str]:
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.is_error]


def edit(old: str, new: str) -> str:
    assert old in VALID_OFFER
    return VALID_OFFER.replace(old, new)


def test_the_fixture_region_and_the_base_offer_are_valid(region):
    assert check(region, VALID_OFFER) == []


CASES = [
    (
        "missing-titel",
        edit("titel: Zwemmen voor iedereen\n", ""),
        [f"{F}:1: veld 'titel' ontbreekt"],
    ),
    (
        "missing-nested",
        edit("  postcode: 8021 AB\n", ""),
        [f"{F}:6: veld 'locatie.postcode' ontbreekt"],
    ),
    (
        "unknown-field",
        edit("beperkingen: [visueel]\n", "beperking: [visueel]\nbeperkingen: [visueel]\n"),
        [f"{F}:4: veld 'beperking' is onbekend. Bedoel je 'beperkingen'?"],
    ),
    (
        "unknown-beperking",
        edit("[visueel]", "[blind]"),
        [
            f"{F}:4: veld 'beperkingen': 'blind' is geen bekende waarde. Bedoel je 'visueel'? "
            "Kies uit: lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, "
            "psychisch, autisme, nah, iedereen"
        ],
    ),
    (
        "iedereen-not-alone",
        edit("[visueel]", "[iedereen, visueel]"),
        [
            f"{F}:4: veld 'beperkingen': 'iedereen' geldt al voor elke beperking; laat 'iedereen' "
            "alleen staan of haal het weg"
        ],
    ),
    (
        "empty-beperkingen",
        edit("[visueel]", "[]"),
        [f"{F}:4: veld 'beperkingen': de lijst is leeg: kies er minstens één"],
    ),
    (
        "unknown-sport",
        edit("sport: zwemmen", "sport: zwemen"),
        [
            f"{F}:2: veld 'sport': 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je "
            "'zwemmen'? Een nieuwe sport voeg je daar eerst toe"
        ],
    ),
    (
        "unknown-partner",
        edit("aanbieder: judoclub-de-mat", "aanbieder: judoclub-de-mt"),
        [
            f"{F}:3: veld 'aanbieder': er is geen partner 'judoclub-de-mt' "
            "(partners/judoclub-de-mt.md). Bedoel je 'judoclub-de-mat'?"
        ],
    ),
    (
        "gemeente-outside-region",
        edit("gemeente: Zwolle", "gemeente: Amsterdam"),
        [
            f"{F}:11: veld 'locatie.gemeente': 'Amsterdam' staat niet in regio.yml. "
            "Kies uit: Zwolle, Kampen, Olst-Wijhe"
        ],
    ),
    (
        "gemeente-lower-case",
        edit("gemeente: Zwolle", "gemeente: zwolle"),
        [
            f"{F}:11: veld 'locatie.gemeente': 'zwolle' staat niet in regio.yml. Bedoel je "
            "'Zwolle'? Kies uit: Zwolle, Kampen, Olst-Wijhe"
        ],
    ),
    (
        "swapped-coordinates",
        edit("[52.5230, 6.0790]", "[6.0790, 52.5230]"),
        [
            f"{F}:12: veld 'locatie.coordinaten': [6.079, 52.523] lijkt omgedraaid; schrijf "
            "[breedtegraad, lengtegraad], zoals [52.523, 6.079]"
        ],
    ),
    (
        "far-away",
        edit("[52.5230, 6.0790]", "[51.4416, 5.4697]"),
        [
            f"{F}:12: veld 'locatie.coordinaten': [51.4416, 5.4697] ligt buiten de regio: meer "
            "dan 50 km van elke gemeente in regio.yml; kijk de coördinaten na op een kaart"
        ],
    ),
    (
        "one-coordinate",
        edit("[52.5230, 6.0790]", "[52.5230]"),
        [
            f"{F}:12: veld 'locatie.coordinaten': '[52.5230]' zijn geen coördinaten; schrijf "
            "[breedtegraad, lengtegraad], zoals [52.5168, 6.0830]"
        ],
    ),
    (
        "bad-postcode",
        edit("postcode: 8021 AB", "postcode: 80211"),
        [
            f"{F}:9: veld 'locatie.postcode': '80211' is geen Nederlandse postcode; schrijf vier "
            "cijfers en twee letters, zoals 8021 AB"
        ],
    ),
    (
        "future-date",
        edit("2026-09-14", "2099-01-01"),
        [
            f"{F}:14: veld 'laatst_gecontroleerd': 2099-01-01 ligt in de toekomst; schrijf de "
            "datum waarop je het aanbod hebt nagekeken"
        ],
    ),
    (
        "impossible-date",
        edit("2026-09-14", "2026-13-45"),
        [
            f"{F}:14: veld 'laatst_gecontroleerd': '2026-13-45' is geen bestaande datum; "
            "kijk dag en maand na"
        ],
    ),
    (
        "quoted-impossible-date",
        edit("2026-09-14", '"2026-02-30"'),
        [
            f"{F}:14: veld 'laatst_gecontroleerd': '2026-02-30' is geen bestaande datum; "
            "kijk dag en maand na"
        ],
    ),
    ("quoted-date-is-fine", edit("2026-09-14", '"2026-09-14"'), []),
    (
        "quoted-future-date",
        edit("2026-09-14", '"2099-01-01"'),
        [
            f"{F}:14: veld 'laatst_gecontroleerd': 2099-01-01 ligt in de toekomst; schrijf de "
            "datum waarop je het aanbod hebt nagekeken"
        ],
    ),
    (
        "dutch-date",
        edit("2026-09-14", "14-09-2026"),
        [
            f"{F}:14: veld 'laatst_gecontroleerd': '14-09-2026' is geen datum als "
            "jaar-maand-dag; schrijf de datum als 2026-09-14"
        ],
    ),
    (
        "javascript-url",
        edit("contact: {email: info@example.org}", 'contact: {website: "javascript:alert(1)"}'),
        [
            f"{F}:13: veld 'contact.website': 'javascript:alert(1)' is geen geldige link; alleen "
            "links die beginnen met http:// of https:// mogen, zoals https://example.org"
        ],
    ),
    (
        "contact-empty",
        edit("contact: {email: info@example.org}", "contact: {naam: Els}"),
        [f"{F}:13: veld 'contact': vul minstens één in: email, telefoon of website"],
    ),
    (
        "bad-email",
        edit("info@example.org", "info(at)example.org"),
        [
            f"{F}:13: veld 'contact.email': 'info(at)example.org' is geen geldig e-mailadres; "
            "schrijf het zoals info@example.org"
        ],
    ),
    (
        "times-reversed",
        VALID_OFFER + 'tijden:\n  - {dag: zaterdag, van: "10:00", tot: "09:00"}\n',
        [f"{F}:16: veld 'tijden': 'van' (10:00) moet voor 'tot' (09:00) liggen"],
    ),
    (
        "unquoted-times-work",
        VALID_OFFER + "tijden:\n  - dag: zaterdag\n    van: 9:00\n    tot: 10:00\n",
        [f"{F}:17: veld 'tijden.van': '9:00' is geen tijd als uu:mm; schrijf van: \"09:00\""],
    ),
    (
        "unknown-day",
        VALID_OFFER + 'tijden:\n  - {dag: zaterdags, van: "09:00", tot: "10:00"}\n',
        [
            f"{F}:16: veld 'tijden.dag': 'zaterdags' is geen bekende waarde. Bedoel je "
            "'zaterdag'? Kies uit: maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag"
        ],
    ),
    (
        "age-reversed",
        VALID_OFFER + "leeftijd: {min: 18, max: 8}\n",
        [f"{F}:15: veld 'leeftijd': 'min' (18) is groter dan 'max' (8); draai ze om"],
    ),
    (
        "age-not-a-number",
        VALID_OFFER + "leeftijd: {min: tien}\n",
        [f"{F}:15: veld 'leeftijd.min': 'tien' moet een heel getal zijn"],
    ),
    (
        "age-too-high",
        VALID_OFFER + "leeftijd: {max: 150}\n",
        [f"{F}:15: veld 'leeftijd.max': 150 is te groot: het grootste getal dat mag is 120"],
    ),
    (
        "kosten-without-per",
        VALID_OFFER + "kosten: {bedrag: 5}\n",
        [
            f"{F}:15: veld 'kosten.per': ontbreekt; schrijf waarvoor het bedrag is: keer, maand, "
            "kwartaal, seizoen, jaar"
        ],
    ),
    (
        "kosten-with-euro-sign",
        VALID_OFFER + "kosten: {bedrag: € 5, per: keer}\n",
        [f"{F}:15: veld 'kosten.bedrag': '€ 5' is geen getal; schrijf bedrag: 5"],
    ),
    (
        "title-too-short",
        edit("titel: Zwemmen voor iedereen", "titel: Zw"),
        [f"{F}:1: veld 'titel': 'Zw' is te kort: schrijf minstens 3 tekens"],
    ),
    (
        "summary-too-long",
        edit(
            "samenvatting: Zwemmen in een kleine groep met extra begeleiding.",
            "samenvatting: " + "lang " * 50,
        ),
        [
            f"{F}:5: veld 'samenvatting': de tekst is te lang (249 tekens): schrijf hoogstens "
            "200 tekens"
        ],
    ),
    (
        "proefles-wrong-type",
        VALID_OFFER + "proefles: ja\n",
        [f"{F}:15: veld 'proefles': 'ja' moet true of false zijn; schrijf proefles: true"],
    ),
    (
        "beschrijving-javascript-link",
        VALID_OFFER + "beschrijving: Klik [hier](javascript:alert(1)).\n",
        [
            f"{F}:15: veld 'beschrijving': de link 'javascript:alert(1' mag niet; alleen links "
            "die beginnen met https://, http://, mailto: of tel:"
        ],
    ),
    (
        "duplicate-key",
        edit("sport: zwemmen\n", "sport: zwemmen\nsport: judo\n"),
        [f"{F}:3: veld 'sport' staat twee keer in dit bestand (ook op regel 2); laat er één staan"],
    ),
    (
        "not-a-mapping",
        "- titel: Zwemmen\n",
        [
            f"{F}:1: het bestand moet velden bevatten, zoals 'titel: Zwemmen', maar bevat een "
            "lijst; haal het streepje of de haakjes aan het begin weg"
        ],
    ),
    ("empty-file", "\n", [f"{F}:1: het bestand is leeg; vul de velden in"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_gets_exactly_its_line(region, text, expected):
    assert check(region, text) == expected


def test_several_mistakes_in_several_files_are_all_reported(region):
    write(region, "offers/tweede.yml", edit("sport: zwemmen", "sport: curling"))
    text = edit("titel: Zwemmen voor iedereen\n", "").replace("[visueel]", "[blind]")
    lines = check(region, text)
    assert lines == [
        f"{F}:1: veld 'titel' ontbreekt",
        f"{F}:3: veld 'beperkingen': 'blind' is geen bekende waarde. Bedoel je 'visueel'? "
        "Kies uit: lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, "
        "autisme, nah, iedereen",
        "offers/tweede.yml:2: veld 'sport': 'curling' staat niet in lijsten/sporten.yml. "
        "Een nieuwe sport voeg je daar eerst toe",
    ]


def test_stale_offer_is_a_warning_that_never_fails(region):
    result = load_site(region, today=TODAY)
    assert result.ok
    assert [p.format() for p in result.problems] == [
        "offers/g-judo-zwolle.yml:9: let op: veld 'beschrijving': HTML (<em>) wordt als tekst "
        "getoond; schrijf Markdown: **vet**, een lijstje met -, of een link als [tekst](https://…)",
        "offers/wandelen-kampen.yml:17: let op: veld 'laatst_gecontroleerd': 2025-01-15 is meer "
        "dan 12 maanden geleden; vraag de aanbieder of alles nog klopt en zet dan de datum van "
        "vandaag",
    ]


def test_stale_means_more_than_twelve_months_before_today():
    assert not is_stale(dt.date(2025, 1, 15), dt.date(2026, 1, 15))
    assert is_stale(dt.date(2025, 1, 15), dt.date(2026, 1, 16))
    assert not is_stale(dt.date(2023, 2, 28), dt.date(2024, 2, 29))
    assert is_stale(dt.date(2023, 2, 27), dt.date(2024, 2, 29))


def test_partner_rules(region):
    write(
        region, "partners/club.md", "---\nnaam: Club\nsoort: vereniging\ngemeente: Deventer\n---\n"
    )
    assert errors_of(region) == [
        "partners/club.md:3: veld 'soort': 'vereniging' is geen bekende waarde. Bedoel je "
        "'sportaanbieder'? Kies uit: sportaanbieder, gemeente, zorg, onderwijs, welzijn, fonds, "
        "bedrijf, sportorganisatie, overig",
        "partners/club.md:4: veld 'gemeente': 'Deventer' staat niet in regio.yml. Kies uit: "
        "Zwolle, Kampen, Olst-Wijhe",
    ]


def test_region_rules(region):
    text = (region / "regio.yml").read_text(encoding="utf-8")
    text = text.replace("[52.5550, 5.9114]", "[5.9114, 52.5550]")
    text = text.replace("gemeente: Kampen", "gemeente: Dronten")
    text += "  - naam: zwolle\n    gemeente: Zwolle\n    coordinaten: [52.5, 6.1]\n"
    write(region, "regio.yml", text)
    assert errors_of(region) == [
        "regio.yml:10: veld 'gemeenten.coordinaten': [5.9114, 52.555] lijkt omgedraaid; schrijf "
        "[breedtegraad, lengtegraad], zoals [52.555, 5.9114]",
        "regio.yml:15: veld 'plaatsen.gemeente': 'Dronten' staat niet in regio.yml. Kies uit: "
        "Zwolle, Kampen, Olst-Wijhe",
        "regio.yml:17: veld 'plaatsen.naam': 'zwolle' staat er al in als 'Zwolle'; elke naam één "
        "keer",
    ]


def test_missing_region_file(region):
    (region / "regio.yml").unlink()
    result = load_site(region, today=TODAY)
    assert "regio.yml: bestand ontbreekt" in [p.format() for p in result.problems]
    assert result.site is None
