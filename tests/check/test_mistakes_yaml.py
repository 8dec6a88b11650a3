"""The YAML mistakes coordinators make in the web editor: the exact line each one gets.

And one truth for editors: VS Code (YAML 1.2 plus the shipped JSON Schema) and `make check`
accept and refuse the same values.
"""

from __future__ import annotations

import re

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import TODAY, VALID_OFFER, write
from conftest import VALID_PARTNER as PARTNER
from sportwijzer.base import valuehints
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.schema import load_schema
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
P = "partners/judoclub-de-mat.md"
LOST = (
    "veld '{key}': deze regel hoort bij de tekst onder '{key}: {sign}' (regel {line}), maar is "
    "niet ingesprongen; spring alle regels van de tekst in met twee spaties"
)


def lines_for(region, name: str, text: str) -> list[str]:
    """Every line (errors, then warnings) that `make check` prints for one file."""
    write(region, name, text)
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.path == name]


def edit(old: str, new: str, base: str = VALID_OFFER) -> str:
    assert old in base
    return base.replace(old, new)


def add(text: str) -> str:
    return VALID_OFFER + text


CASES = [
    # 1. Tabs: inside the indentation YAML fails; elsewhere it reads a space, so we only warn.
    ("tab-indent", edit("  naam: Zwembad", "\tnaam: Zwembad"), [
        f"{F}:7: hier staat een tab; spring in met spaties"]),
    ("tab-indent-after-spaces", edit("  adres: V", "\t adres: V"), [
        f"{F}:8: hier staat een tab; spring in met spaties"]),
    ("tab-nested-block", add('tijden:\n  - dag: maandag\n  \tvan: "10:00"\n    tot: "11:00"\n'), [
        f"{F}:17: hier staat een tab; spring in met spaties"]),
    ("tab-after-colon", edit("titel: Z", "titel:\tZ"), [
        f"{F}:1: let op: hier staat een tab; schrijf een spatie"]),
    ("tab-after-nested-colon", edit("  plaats: Zwolle", "  plaats:\tZwolle"), [
        f"{F}:10: let op: hier staat een tab; schrijf een spatie"]),
    ("tab-in-flow-list", edit("[visueel]", "[visueel,\tauditief]"), [
        f"{F}:4: let op: hier staat een tab; schrijf een spatie"]),
    ("tab-at-end", edit("sport: zwemmen", "sport: zwemmen\t"), [
        f"{F}:2: let op: hier staat een tab aan het eind van de regel; haal hem weg"]),
    ("tab-at-end-nested", edit("  plaats: Zwolle", "  plaats: Zwolle\t"), [
        f"{F}:10: let op: hier staat een tab aan het eind van de regel; haal hem weg"]),
    ("tab-in-quotes-is-text", edit("titel: Zwemmen voor iedereen", 'titel: "Zwemmen\tvoor"'), []),
    ("tab-in-comment-is-fine", edit("sport: zwemmen", "sport: zwemmen  # uitleg\there"), []),
    # 2. A key without its space
    ("no-space-after-colon", edit("titel: Zwemmen", "titel:Zwemmen"), [
        f"{F}:1: na de dubbele punt hoort een spatie: schrijf 'titel: Zwemmen voor iedereen'"]),
    ("no-space-nested", edit("  plaats: Zwolle", "  plaats:Zwolle"), [
        f"{F}:10: na de dubbele punt hoort een spatie: schrijf 'plaats: Zwolle'"]),
    ("no-space-last-line", edit("laatst_gecontroleerd: 2", "laatst_gecontroleerd:2"), [
        f"{F}:14: na de dubbele punt hoort een spatie: schrijf "
        "'laatst_gecontroleerd: 2026-09-14'"]),
    ("no-space-only-child", edit("contact: {email: info@example.org}",
                                 "contact:\n  email:info@example.org"), [
        f"{F}:14: na de dubbele punt hoort een spatie: schrijf 'email: info@example.org'"]),
    ("times-and-urls-stay-fine", add(
        'tijden: [{dag: maandag, van: "10:00", tot: 11:00}]\nvervoer: zie https://example.org\n'
    ), []),
    # 3. 't and 's- at the start of a value
    ("apostrophe-t", edit("naam: Zwembad De Vliet", "naam: 't Gymlokaal"), [
        f"{F}:7: een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst tussen "
        "dubbele aanhalingstekens: naam: \"'t Gymlokaal\""]),
    ("apostrophe-s", edit("plaats: Zwolle", "plaats: 's-Heerenbroek"), [
        f"{F}:10: een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst tussen "
        "dubbele aanhalingstekens: plaats: \"'s-Heerenbroek\""]),
    ("apostrophe-closed-later", edit("naam: Zwembad De Vliet", "naam: 't Gymlokaal").replace(
        "Vlietweg 4", "Vlietweg 4 (bij 't hek)"), [
        f"{F}:7: een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst tussen "
        "dubbele aanhalingstekens: naam: \"'t Gymlokaal\""]),
    ("apostrophe-inside-is-fine", edit("naam: Zwembad De Vliet", "naam: Gymlokaal 't Veld"), []),
    # 4. Word's curly quotes. Around a colon YAML fails; around plain text it works, but the
    # quotes are published as typed: a warning, so the coordinator can choose.
    ("curly-quotes-colon", edit("titel: Zwemmen voor", "titel: “Zwemmen: voor").replace(
        "iedereen\n", "iedereen”\n", 1), [
        f"{F}:1: hier staan krullende aanhalingstekens (“ ”) uit Word; typ rechte "
        "aanhalingstekens: titel: \"Zwemmen: voor iedereen\""]),
    ("curly-quotes-around-text", edit("titel: Zwemmen voor iedereen", "titel: “Zwemmen samen”"), [
        f"{F}:1: let op: veld 'titel': “Zwemmen samen” staat tussen krullende aanhalingstekens, "
        "die zo op de site komen; typ rechte aanhalingstekens: titel: \"Zwemmen samen\""]),
    ("curly-single-quotes", edit("titel: Zwemmen voor iedereen", "titel: ‘Zwemmen samen’"), [
        f"{F}:1: let op: veld 'titel': ‘Zwemmen samen’ staat tussen krullende aanhalingstekens, "
        "die zo op de site komen; typ rechte aanhalingstekens: titel: \"Zwemmen samen\""]),
    # A colon and a space inside a plain value: YAML reads a new field
    ("colon-in-value", add("vervoer: Bus 5: halte Dorpsstraat\n"), [
        f"{F}:15: in de tekst staat een dubbele punt met een spatie erna, en YAML leest dat als "
        "een nieuw veld; zet de tekst tussen aanhalingstekens: vervoer: \"Bus 5: halte "
        "Dorpsstraat\""]),
    ("curly-quotes-inside-text-are-typography",
     edit("titel: Zwemmen voor iedereen", "titel: Zwemmen “samen” in Zwolle"), []),
    # 5. ' #' starts a comment: the rest of the line is lost
    ("hash-eats-text", edit("adres: Vlietweg 4", "adres: Vlietweg #4"), [
        f"{F}:8: veld 'locatie.adres': na ' #' leest YAML de rest als commentaar, dus staat er "
        "nu alleen 'Vlietweg'; zet de tekst tussen aanhalingstekens: adres: \"Vlietweg #4\""]),
    ("hash-in-list-item", edit("beperkingen: [visueel]", "beperkingen:\n  - visueel #1"), [
        f"{F}:5: veld 'beperkingen': na ' #' leest YAML de rest als commentaar, dus staat er "
        "nu alleen 'visueel'; zet de tekst tussen aanhalingstekens: - \"visueel #1\""]),
    ("hash-comment-with-space-is-fine", edit("titel: Zwemmen voor iedereen",
                                             "titel: Zwemmen voor iedereen  # verplicht"), []),
    ("hash-quoted-is-fine", edit("adres: Vlietweg 4", 'adres: "Vlietweg #4"'), []),
    ("hash-without-space-is-text", edit("adres: Vlietweg 4", "adres: Vlietweg#4"), []),
    # 6. Empty values
    ("empty-optional", add("vervoer:\n"), [
        f"{F}:15: veld 'vervoer' is leeg; vul iets in of haal de regel weg"]),
    ("empty-required", edit("samenvatting: Zwemmen in een kleine groep met extra begeleiding.",
                            "samenvatting:"), [
        f"{F}:5: veld 'samenvatting' is leeg; vul iets in"]),
    ("empty-quotes", edit("  plaats: Zwolle", '  plaats: ""'), [
        f"{F}:10: veld 'locatie.plaats' is leeg; vul iets in"]),
    ("empty-group", add("kosten:\n"), [
        f"{F}:15: veld 'kosten' is leeg; vul iets in of haal de regel weg"]),
    # 7. Ages
    ("age-plus", add("leeftijd: 18+\n"), [
        f"{F}:15: veld 'leeftijd': '18+' is geen groep met min en max; schrijf "
        "leeftijd: {min: 18}"]),
    ("age-range", add("leeftijd: 6-12\n"), [
        f"{F}:15: veld 'leeftijd': '6-12' is geen groep met min en max; schrijf "
        "leeftijd: {min: 6, max: 12}"]),
    ("age-number", add("leeftijd: 65\n"), [
        f"{F}:15: veld 'leeftijd': '65' is geen groep met min en max; schrijf "
        "leeftijd: {min: 65}"]),
    ("age-vanaf", add("leeftijd: vanaf 18\n"), [
        f"{F}:15: veld 'leeftijd': 'vanaf 18' is geen groep met min en max; schrijf "
        "leeftijd: {min: 18}"]),
    ("age-until", add("leeftijd: 8 tot 12\n"), [
        f"{F}:15: veld 'leeftijd': '8 tot 12' is geen groep met min en max; schrijf "
        "leeftijd: {min: 8, max: 11}; mogen 12-jarigen ook meedoen, schrijf dan max: 12"]),
    ("age-until-only", add("leeftijd: tot 12 jaar\n"), [
        f"{F}:15: veld 'leeftijd': 'tot 12 jaar' is geen groep met min en max; schrijf "
        "leeftijd: {max: 11}; mogen 12-jarigen ook meedoen, schrijf dan max: 12"]),
    ("age-unreadable", add("leeftijd: jong\n"), [
        f"{F}:15: veld 'leeftijd': 'jong' is geen groep met min en max; schrijf bijvoorbeeld "
        "leeftijd: {min: 6, max: 12}"]),
    # 8. Other everyday mistakes
    ("date-day-first", edit("2026-09-14", "12-03-2026"), [
        f"{F}:14: veld 'laatst_gecontroleerd': '12-03-2026' is geen datum als jaar-maand-dag; "
        "schrijf de datum als 2026-03-12"]),
    ("date-short-month", edit("2026-09-14", "2026-9-14"), [
        f"{F}:14: veld 'laatst_gecontroleerd': '2026-9-14' is geen datum als jaar-maand-dag; "
        "schrijf de datum als 2026-09-14"]),
    ("ja", add("op_afspraak: ja\n"), [
        f"{F}:15: veld 'op_afspraak': 'ja' moet true of false zijn; schrijf op_afspraak: true"]),
    ("nee", add("proefles: nee\n"), [
        f"{F}:15: veld 'proefles': 'nee' moet true of false zijn; schrijf proefles: false"]),
    ("postcode-without-space", edit("8021 AB", "8021AB"), []),
    ("email-without-at", edit("info@example.org", "info.example.org"), [
        f"{F}:13: veld 'contact.email': 'info.example.org' is geen geldig e-mailadres; schrijf "
        "het zoals info@example.org"]),
    ("email-mailto", edit("{email: info@example.org}", "{email: mailto:info@example.org}"), [
        f"{F}:13: veld 'contact.email': 'mailto:info@example.org' is een link; schrijf alleen "
        "het adres, zonder 'mailto:': email: info@example.org"]),
    ("website-without-https", edit("{email: info@example.org}", "{website: www.example.org}"), [
        f"{F}:13: veld 'contact.website': 'www.example.org' is geen volledige link; begin met "
        "https://, zoals https://www.example.org"]),
    ("list-as-comma-text", edit("beperkingen: [visueel]", "beperkingen: visueel, auditief"), [
        f"{F}:4: veld 'beperkingen': 'visueel, auditief' is geen lijst; schrijf een lijst: "
        "[visueel, auditief]"]),
    ("kosten-as-text", add("kosten: € 5,-\n"), [
        f"{F}:15: veld 'kosten': '€ 5,-' is geen groep met bedrag en per; schrijf "
        "kosten: {bedrag: 5, per: keer}"]),
    ("kosten-as-number", add("kosten: 5\n"), [
        f"{F}:15: veld 'kosten': '5' is geen groep met bedrag en per; schrijf "
        "kosten: {bedrag: 5, per: keer}"]),
    ("kosten-gratis", add("kosten: gratis\n"), [
        f"{F}:15: veld 'kosten': 'gratis' is geen groep met bedrag en per; schrijf "
        "kosten: {bedrag: 0}"]),
    ("tijden-as-text", add("tijden: maandag 9.30-11:00\n"), [
        f"{F}:15: veld 'tijden': 'maandag 9.30-11:00' is geen lijst; schrijf "
        'tijden: [{dag: maandag, van: "09:30", tot: "11:00"}]']),
    ("time-with-a-point", add("tijden: [{dag: maandag, van: 9.30, tot: 10:30}]\n"), [
        f"{F}:15: veld 'tijden.van': '9.30' is geen tijd als uu:mm; schrijf van: \"09:30\""]),
    ("time-one-digit-hour", add("tijden:\n  - dag: maandag\n    van: 9:30\n    tot: 11\n"), [
        f"{F}:17: veld 'tijden.van': '9:30' is geen tijd als uu:mm; schrijf van: \"09:30\"",
        f"{F}:18: veld 'tijden.tot': '11' is geen tijd als uu:mm; schrijf tot: \"11:00\""]),
    ("tijden-unreadable", add("tijden: elke week\n"), [
        f"{F}:15: veld 'tijden': 'elke week' moet een lijst, zoals [a, b] zijn"]),
    ("bedrag-comma-block", add("kosten:\n  bedrag: 5,50\n  per: keer\n"), [
        f"{F}:16: veld 'kosten.bedrag': '5,50' is geen getal; schrijf bedrag: 5.50"]),
    ("bedrag-comma-flow", add("kosten: {bedrag: 5,50, per: keer}\n"), [
        f"{F}:15: veld 'kosten.bedrag': '5,50' is geen getal; schrijf bedrag: 5.50"]),
    ("status-capital", add("status: Actief\n"), [
        f"{F}:15: veld 'status': 'Actief' is geen bekende waarde. Bedoel je 'actief'? Kies uit: "
        "actief, wachtlijst, gepauzeerd, gestopt"]),
    ("indent-too-far", edit("  adres: Vlietweg 4", "   adres: Vlietweg 4"), [
        f"{F}:8: de YAML klopt hier niet: de inspringing klopt niet; zet velden van één groep "
        "recht onder elkaar"]),
    ("indent-too-little", edit("  adres: Vlietweg 4", " adres: Vlietweg 4"), [
        f"{F}:8: de YAML klopt hier niet: de inspringing klopt niet; zet velden van één groep "
        "recht onder elkaar"]),
    ("crlf-line-endings", VALID_OFFER.replace("\n", "\r\n"), []),
    ("crlf-keeps-the-lines", add("status: Actief\n").replace("\n", "\r\n"), [
        f"{F}:15: veld 'status': 'Actief' is geen bekende waarde. Bedoel je 'actief'? Kies uit: "
        "actief, wachtlijst, gepauzeerd, gestopt"]),
    ("byte-order-mark", "\ufeff" + edit("titel: Zwemmen voor iedereen", "titel: Zwemmen #1"), [
        f"{F}:1: veld 'titel': na ' #' leest YAML de rest als commentaar, dus staat er nu alleen "
        "'Zwemmen'; zet de tekst tussen aanhalingstekens: titel: \"Zwemmen #1\""]),
    ("emoji-in-title", edit("titel: Zwemmen voor", "titel: Zwemmen 🏊 voor"), []),
    # 9. YAML 1.1 values the editors read differently: refused by both, with a hint
    ("phone-unquoted", edit("{email: info@example.org}", "{telefoon: 0387654321}"), [
        f"{F}:13: veld 'contact.telefoon': '0387654321' is zonder aanhalingstekens een getal; "
        "zet het nummer tussen aanhalingstekens: telefoon: \"0387654321\""]),
    *[
        (f"boolean-{word}", add(f"proefles: {word}\n"), [
            f"{F}:15: veld 'proefles': '{word}' moet true of false zijn; "
            f"schrijf proefles: {meant}"])
        for word, meant in [("no", "false"), ("yes", "true"), ("on", "true"), ("off", "false"),
                            ("Yes", "true"), ("NO", "false")]
    ],
    ("tilde-is-empty", add("proefles: ~\n"), [
        f"{F}:15: veld 'proefles' is leeg; vul iets in of haal de regel weg"]),
    # 10. "Bedoel je" names a sport one or two typing slips away, never a different sport that
    # shares most of its letters (issue #24, item 7)
    *[
        (f"sport-typo-{typed}", edit("sport: zwemmen", f"sport: {typed}"), [
            f"{F}:2: veld 'sport': '{typed}' staat niet in lijsten/sporten.yml. Bedoel je "
            f"'{meant}'? Een nieuwe sport voeg je daar eerst toe"])
        for typed, meant in [("zwemen", "zwemmen"), ("rolstoeltenis", "rolstoeltennis"),
                             ("jduo", "judo"), ("badmington", "badminton"),
                             ("tafeltenis", "tafeltennis"), ("voetbl", "voetbal")]
    ],
    *[
        (f"sport-other-{typed}", edit("sport: zwemmen", f"sport: {typed}"), [
            f"{F}:2: veld 'sport': '{typed}' staat niet in lijsten/sporten.yml. Een nieuwe sport "
            "voeg je daar eerst toe"])
        for typed in ["rolstoeltafeltennis", "blindentennis", "korfbal", "beachvolleybal", "kanoen"]
    ],
    # 11. Lines of a multi-line text that lost their indentation (issue #24, item 7)
    ("lost-indent-after-first-line", add("beschrijving: |\n  Eerste zin.\nTweede zin.\nDerde.\n"), [
        f"{F}:17: {LOST.format(key='beschrijving', sign='|', line=15)}"]),
    ("lost-indent-from-the-start", add("beschrijving: |\nEerste zin.\nTweede zin.\n"), [
        f"{F}:16: {LOST.format(key='beschrijving', sign='|', line=15)}"]),
    ("lost-indent-after-a-blank-line", add("beschrijving: |\n  Eerste zin.\n\nTweede zin.\n"), [
        f"{F}:18: {LOST.format(key='beschrijving', sign='|', line=15)}"]),
    ("lost-indent-folded", add("beschrijving: >-\n  Eerste zin.\nTweede zin.\nDerde.\n"), [
        f"{F}:17: {LOST.format(key='beschrijving', sign='>', line=15)}"]),
    ("lost-indent-before-a-field",
     add("beschrijving: |\n  Eerste zin.\nTweede zin.\nproefles: true\n"), [
        f"{F}:17: {LOST.format(key='beschrijving', sign='|', line=15)}"]),
    ("lost-indent-in-a-summary", edit("samenvatting: Zwemmen in een kleine groep met extra "
                                      "begeleiding.", "samenvatting: |\n  Zwemmen in een kleine "
                                      "groep\nmet extra begeleiding."), [
        f"{F}:7: {LOST.format(key='samenvatting', sign='|', line=5)}"]),
    ("lost-indent-of-a-markdown-list",
     add("beschrijving: |\n  Neem mee:\n\n- een handdoek\n- slippers\n"), [
        f"{F}:18: {LOST.format(key='beschrijving', sign='|', line=15)}"]),
    ("a-text-in-a-list-ends-at-the-next-item", add(
        'tijden:\n  - dag: maandag\n    toelichting: >-\n      Tekst.\n  - dag: dinsdag\n'
        '   van: "10:00"\n'), [
        f"{F}:20: de YAML klopt hier niet: de inspringing van een lijst klopt niet"]),
    ("a-tab-in-a-text-keeps-its-line", add("beschrijving: |\n  Eerste zin.\n\tTweede zin.\n"), [
        f"{F}:17: hier staat een tab; spring in met spaties"]),
    ("indented-text-is-fine", add("beschrijving: |\n  Eerste zin.\n\n  Tweede zin.\n"), []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_yaml_mistake_gets_its_line(region, text, expected):
    assert lines_for(region, F, text) == expected


PARTNER_CASES = [
    ("partner-tab", edit("contact:\n  telefoon", "contact:\n\ttelefoon", PARTNER), [
        f"{P}:5: hier staat een tab; spring in met spaties"]),
    ("partner-apostrophe", edit("naam: Judoclub De Mat", "naam: 't Judohuis", PARTNER), [
        f"{P}:2: een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst tussen "
        "dubbele aanhalingstekens: naam: \"'t Judohuis\""]),
    ("partner-phone-unquoted", edit('"038 222 33 44"', "0382223344", PARTNER), [
        f"{P}:5: veld 'contact.telefoon': '0382223344' is zonder aanhalingstekens een getal; "
        "zet het nummer tussen aanhalingstekens: telefoon: \"0382223344\""]),
    ("partner-hash", edit("soort: sportaanbieder", "soort: sportaanbieder\ngemeente: Zwolle #1",
                          PARTNER), [
        f"{P}:4: veld 'gemeente': na ' #' leest YAML de rest als commentaar, dus staat er nu "
        "alleen 'Zwolle'; zet de tekst tussen aanhalingstekens: gemeente: \"Zwolle #1\""]),
]  # fmt: skip


UNCLOSED = "de velden bovenaan worden niet afgesloten"
# A partner page whose closing --- is missing: one line, where the --- goes (issue #24, item 7)
UNCLOSED_CASES = [
    ("partner-no-closing-line", PARTNER.replace("---\nTekst", "Tekst"), [
        f"{P}:6: {UNCLOSED}: hier begint de tekst; zet tussen regel 5 (het laatste veld) en deze "
        "regel een regel ---"]),
    ("partner-no-closing-blank-line-first", PARTNER.replace("---\nTekst", "\nTekst"), [
        f"{P}:7: {UNCLOSED}: hier begint de tekst; zet tussen regel 5 (het laatste veld) en deze "
        "regel een regel ---"]),
    ("partner-no-closing-rule-further-down",
     PARTNER.replace("---\nTekst.\n", "Tekst.\n\n---\n\nMeer tekst.\n"), [
        f"{P}:6: {UNCLOSED}: hier begint de tekst; zet tussen regel 5 (het laatste veld) en deze "
        "regel een regel ---"]),
    ("partner-no-closing-heading-first",
     PARTNER.replace("---\nTekst", "\n# Wie we zijn\n\nTekst"), [
        f"{P}:7: {UNCLOSED}: hier begint de tekst; zet tussen regel 5 (het laatste veld) en deze "
        "regel een regel ---"]),
    ("partner-no-closing-no-text", PARTNER.replace("---\nTekst.\n", ""), [
        f"{P}:5: {UNCLOSED}; zet onder regel 5 (het laatste veld) een regel ---"]),
    ("partner-no-opening-line", PARTNER.removeprefix("---\n"), [
        f"{P}:1: het bestand begint niet met de velden: zet bovenaan een regel ---, dan naam en "
        "soort, zoals 'naam: Zwemclub De Vliet' en 'soort: sportaanbieder', en dan weer een "
        "regel ---"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in PARTNER_CASES + UNCLOSED_CASES],
    ids=[c[0] for c in PARTNER_CASES + UNCLOSED_CASES],
)
def test_front_matter_mistakes_keep_their_file_line(region, text, expected):
    assert lines_for(region, P, text) == expected


@pytest.mark.parametrize("text", [c[1] for c in UNCLOSED_CASES], ids=[c[0] for c in UNCLOSED_CASES])
def test_a_partner_page_that_cannot_be_read_gives_no_lines_in_other_files(region, text):
    """Offers that name the partner get no 'er is geen partner' line because of it."""
    assert (region / "offers").is_dir() and "aanbieder: judoclub-de-mat" in VALID_OFFER
    write(region, F, VALID_OFFER)
    before = [p.format() for p in load_site(region, today=TODAY).problems]
    write(region, P, text)
    after = [p.format() for p in load_site(region, today=TODAY).problems if p.path != P]
    assert after == before


def test_the_published_values_are_what_the_coordinator_meant(region):
    """CRLF, a postcode without space, emoji, curly quotes inside a title (published as typed)."""
    text = edit("8021 AB", "8021ab").replace("Zwemmen voor iedereen", "Zwemmen 🏊 “samen”")
    write(region, F, text.replace("\n", "\r\n"))
    offer = load_site(region, today=TODAY).site.aanbod["nieuw"]
    assert offer.locatie.postcode == "8021 AB"
    assert offer.titel == "Zwemmen 🏊 “samen”"
    assert offer.locatie.adres == "Vlietweg 4"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("18+", "{min: 18}"),
        ("18 +", "{min: 18}"),
        ("65 jaar en ouder", "{min: 65}"),
        ("vanaf 18", "{min: 18}"),
        ("v.a. 4 jaar", "{min: 4}"),
        ("6-12", "{min: 6, max: 12}"),
        ("6 t/m 12 jaar", "{min: 6, max: 12}"),
        ("t/m 12", "{max: 12}"),
        ("65", "{min: 65}"),
        ("jong", None),
        ("6-", None),
    ],
)
def test_age_reads_the_usual_ways_of_writing_an_age(written, expected):
    assert valuehints.age(written) == expected


def test_the_hints_know_the_schemas_date_and_time_patterns():
    tijden = load_schema("offer")["properties"]["tijden"]["items"]["properties"]
    assert tijden["van"]["pattern"] == tijden["tot"]["pattern"] == valuehints.TIME_PATTERN
    datum = load_schema("offer")["properties"]["laatst_gecontroleerd"]
    assert datum["pattern"] == valuehints.DATE_PATTERN


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("€ 5,-", "{bedrag: 5, per: keer}"),
        ("5 euro per maand", "{bedrag: 5, per: maand}"),
        ("€2,5", "{bedrag: 2.50, per: keer}"),
        ("gratis", "{bedrag: 0}"),
        ("vijf euro", None),
    ],
)
def test_cost_reads_an_amount_in_euro(written, expected):
    assert valuehints.cost(written) == expected


# --- One truth for editors ----------------------------------------------------------------------
# The editor reads YAML 1.2 (core schema) and validates with the shipped JSON Schema. This resolver
# follows the spec's table (https://yaml.org/spec/1.2.2/#1032-tag-resolution) and is written
# apart from yamlread on purpose: the test must not borrow the code it checks.
_NULL = r"~|null|Null|NULL|"
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = r"[-+]?[0-9]+"
_FLOAT = r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"


def _editor_scalar(node: yaml.ScalarNode):
    text = node.value
    if node.style:  # quoted or block text is always a string
        return text
    if re.fullmatch(_NULL, text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if re.fullmatch(_INT, text):
        return int(text, 10)
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    if re.fullmatch(_FLOAT, text):
        return float(text)
    return text


def _editor_value(node):
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _editor_value(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_editor_value(item) for item in node.value]
    return _editor_scalar(node)


def editor_accepts(text: str, kind: str = "offer") -> bool:
    data = _editor_value(yaml.compose(text, Loader=yaml.SafeLoader))
    return Draft7Validator(load_schema(kind)).is_valid(data)


def check_accepts(region, text: str) -> bool:
    return not [line for line in lines_for(region, F, text) if ": let op: " not in line]


# Where YAML 1.1 (PyYAML) and 1.2 (editors) differ, make check now reads as 1.2 does, so:
# yes/no/on/off are text, refused for a true/false field; 0387654321 is a number, refused for a
# phone; 10:00 is text in both (no sexagesimal minutes) and 10:00:00 fails the time pattern;
# 014 is 14 and 0o14 is 12 (both accepted for an age: no coordinator writes them, both agree);
# 1_000 is text, 1e3 a number; ~ is empty; 2026-9-14 is text and fails the date pattern.
AGREEMENT = [
    ("phone-unquoted", edit("{email: info@example.org}", "{telefoon: 0387654321}"), False),
    ("phone-quoted", edit("{email: info@example.org}", '{telefoon: "038 765 43 21"}'), True),
    ("phone-international-unquoted", edit("{email: info@example.org}", "{telefoon: +31387654321}"),
     False),
    *[(f"bool-{w}", add(f"proefles: {w}\n"), False)
      for w in ["no", "yes", "on", "off", "Yes", "NO", "y", "n", "ja"]],
    *[(f"bool-{w}", add(f"proefles: {w}\n"), True) for w in ["true", "false", "True", "FALSE"]],
    ("tilde", add("proefles: ~\n"), False),
    ("time-unquoted", add("tijden: [{dag: maandag, van: 10:00, tot: 11:30}]\n"), True),
    ("time-quoted", add('tijden: [{dag: maandag, van: "10:00", tot: "11:30"}]\n'), True),
    ("time-sexagesimal-seconds", add("tijden: [{dag: maandag, van: 10:00:00, tot: 11:30}]\n"),
     False),
    ("octal-1-2", add("leeftijd: {min: 0o14}\n"), True),
    ("leading-zero", add("leeftijd: {min: 014}\n"), True),
    ("hex", add("leeftijd: {min: 0x12}\n"), True),
    ("underscore-number", add("kosten: {bedrag: 1_000, per: keer}\n"), False),
    ("exponent", add("kosten: {bedrag: 1e3, per: keer}\n"), True),
    ("date", edit("2026-09-14", "2026-09-14"), True),
    ("date-short-month", edit("2026-09-14", "2026-9-14"), False),
    ("date-with-time", edit("2026-09-14", "2026-09-14 10:00"), False),
    ("mailto", edit("{email: info@example.org}", "{email: mailto:info@example.org}"), False),
    ("postcode-without-space", edit("8021 AB", "8021AB"), True),
    ("empty-optional", add("vervoer:\n"), False),
    ("number-as-title", edit("titel: Zwemmen voor iedereen", "titel: 12345"), False),
    ("capital-enum", add("status: Actief\n"), False),
    ("list-as-text", edit("beperkingen: [visueel]", "beperkingen: visueel"), False),
    ("website-without-https", edit("{email: info@example.org}", "{website: www.example.org}"),
     False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "accepted"), [c[1:] for c in AGREEMENT], ids=[c[0] for c in AGREEMENT]
)
def test_the_editor_and_make_check_agree(region, text, accepted):
    assert editor_accepts(text) is accepted
    assert check_accepts(region, text) is accepted


REGIO = """\
naam: Regio Testvallei
loket: {naam: Sportloket, telefoon: "038 111 22 33"}
gemeenten: [{naam: Zwolle, coordinaten: [52.5168, 6.0830]}]
"""

OTHER_KINDS = [
    ("regio-phone-unquoted", "regio", edit('"038 111 22 33"', "0381112233", REGIO), False),
    ("regio-yes", "regio", REGIO + "voorbeeld: yes\n", False),
    ("regio-true", "regio", REGIO + "voorbeeld: true\n", True),
    ("partner-phone-unquoted", "partner", edit('"038 222 33 44"', "0382223344", PARTNER), False),
    ("partner-mailto", "partner",
     edit('telefoon: "038 222 33 44"', "email: mailto:a@b.nl", PARTNER), False),
    ("partner-fine", "partner", PARTNER, True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "text", "accepted"), [c[1:] for c in OTHER_KINDS], ids=[c[0] for c in OTHER_KINDS]
)
def test_the_editor_and_make_check_agree_on_partners_and_the_region(region, kind, text, accepted):
    name = "regio.yml" if kind == "regio" else P
    front = text.split("---\n")[1] if kind == "partner" else text
    assert editor_accepts(front, kind) is accepted
    errors = [line for line in lines_for(region, name, text) if ": let op: " not in line]
    assert (errors == []) is accepted


def test_check_only_rules_are_stricter_than_the_editor_on_purpose(region):
    """YAML itself allows these; only `make check` sees the text is lost or odd (documented)."""
    lost = edit("adres: Vlietweg 4", "adres: Vlietweg #4")
    assert editor_accepts(lost) and not check_accepts(region, lost)
    assert check_accepts(region, edit("titel: Z", "titel:\tZ"))  # a warning, not an error
