"""Text fields are text, numbers are numbers, sizes have limits, an e-mail field holds one address
(issue #23, items 4 to 7): each case, the exact line `make check` gives, in every kind of data.

The rules live in hooks/sportwijzer/base/textrules.py; the schemas carry the text rules so that an
editor refuses the same values (the last tests here keep the two equal).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY, VALID_OFFER, make_site, mkdocs_build, write
from conftest import VALID_PARTNER as PARTNER
from sportwijzer.base import markdown_safe, textrules
from sportwijzer.base.problems import Problem, sorted_problems
from sportwijzer.check.schema import SCHEMA_DIR
from sportwijzer.model import assemble
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
P = "partners/judoclub-de-mat.md"
E = "agenda/clinic.yml"
R = "regio.yml"
S = "lijsten/sporten.yml"

EVENT = """\
titel: Clinic rolstoeltennis
soort: clinic
organisator: judoclub-de-mat
samenvatting: Probeer rolstoeltennis een middag uit, met sportrolstoelen.
datum: 2027-04-17
sport: rolstoeltennis
beperkingen: [rolstoel]
locatie:
  naam: Tennispark De Wielewaal
  adres: Wielewaalweg 2
  postcode: 8024 AB
  plaats: Zwolle
  gemeente: Zwolle
  coordinaten: [52.5290, 6.1010]
contact: {email: clinic@example.org}
"""

SPORT = "\ntestsport:\n  naam: {naam}\n"


def edit(old: str, new: str, base: str = VALID_OFFER) -> str:
    assert old in base
    return base.replace(old, new)


def add(text: str) -> str:
    return VALID_OFFER + text


def regio(old: str, new: str):
    return lambda region: edit(old, new, (region / R).read_text(encoding="utf-8"))


def sporten(naam: str):
    def text(region: Path) -> str:
        return (region / S).read_text(encoding="utf-8") + SPORT.format(naam=naam)

    return text


def sport_line(region: Path) -> int:
    return len((region / S).read_text(encoding="utf-8").splitlines()) + 3


def lines_for(region: Path, files: dict[str, object]) -> list[str]:
    """Every line `make check` prints for the files the case wrote, errors first."""
    for relative, text in files.items():
        write(region, relative, text(region) if callable(text) else text)
    problems = load_site(region, today=TODAY).problems
    return [p.format() for p in sorted_problems(problems) if p.path in files]


ONE_LINE = "bevat een regeleinde; schrijf de tekst op één regel"
NOT_A_NUMBER = "is geen bruikbaar getal; schrijf een gewoon getal in cijfers"
ONE_ADDRESS = "is meer dan één adres; schrijf één e-mailadres, zoals info@example.org"

# 4. Text fields are text: (id, files, expected lines)
TEXT_CASES = [
    ("title-newline-escape", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\nvoor"')},
     [f"{F}:1: veld 'titel': {ONE_LINE}"]),
    ("title-block-scalar", {F: edit("titel: Zwemmen voor iedereen", "titel: |\n  Zwemmen voor")},
     [f"{F}:1: veld 'titel': {ONE_LINE}"]),
    ("title-folded-keeps-its-line-end", {F: edit("titel: Zwemmen voor iedereen",
                                                 "titel: >\n  Zwemmen\n  voor iedereen")},
     [f"{F}:1: veld 'titel': {ONE_LINE}"]),
    ("title-folded-strip-is-one-line", {F: edit("titel: Zwemmen voor iedereen",
                                                "titel: >-\n  Zwemmen\n  voor iedereen")}, []),
    ("title-line-separator", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\Lvoor"')},
     [f"{F}:1: veld 'titel': {ONE_LINE}"]),
    ("title-carriage-return", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\rvoor"')},
     [f"{F}:1: veld 'titel': {ONE_LINE}"]),
    ("title-nul", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\0 voor"')},
     [f"{F}:1: veld 'titel': bevat een stuurteken (U+0000); haal het weg"]),
    ("title-escape", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\e voor"')},
     [f"{F}:1: veld 'titel': bevat een stuurteken (U+001B); haal het weg"]),
    ("title-zero-width-space", {F: edit("titel: Zwemmen voor", "titel: Zwemmen\u200b voor")},
     [f"{F}:1: veld 'titel': bevat een onzichtbaar teken (U+200B); haal het weg"]),
    ("title-word-joiner", {F: edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\u2060 voor"')},
     [f"{F}:1: veld 'titel': bevat een onzichtbaar teken (U+2060); haal het weg"]),
    ("title-byte-order-mark-inside", {F: edit("titel: Zwemmen voor iedereen",
                                                         r'titel: "Zwemmen\ufeff voor"')},
     [f"{F}:1: veld 'titel': bevat een onzichtbaar teken (U+FEFF); haal het weg"]),
    ("place-right-to-left-override", {F: edit("  plaats: Zwolle", "  plaats: Zwolle\u202e")},
     [f"{F}:10: veld 'locatie.plaats': bevat een teken dat de leesrichting omdraait (U+202E); "
      "haal het weg"]),
    ("contact-name-isolate", {F: edit("{email: info@example.org}",
                                      "{naam: \"Els\u2066 Jansen\", email: info@example.org}")},
     [f"{F}:13: veld 'contact.naam': bevat een teken dat de leesrichting omdraait (U+2066); "
      "haal het weg"]),
    ("postcode-trailing-newline", {F: edit("  postcode: 8021 AB", r'  postcode: "8021 AB\n"')},
     [f"{F}:9: veld 'locatie.postcode': {ONE_LINE}"]),
    ("sport-key-trailing-newline", {F: edit("sport: zwemmen", r'sport: "zwemmen\n"')},
     [f"{F}:2: veld 'sport': {ONE_LINE}"]),
    ("key-with-a-line-break", {F: add('"vervoer\\n": met de bus\n')},
     [f"{F}:15: veld 'vervoer<U+000A>': {ONE_LINE}"]),
    ("summary-nel", {F: edit("samenvatting: Zwemmen in", r'samenvatting: "Zwemmen\N in" #')},
     [f"{F}:5: veld 'samenvatting': {ONE_LINE}"]),
    ("description-nul", {F: add('beschrijving: "Zwemmen\\0"\n')},
     [f"{F}:15: veld 'beschrijving': bevat een stuurteken (U+0000); haal het weg"]),
    ("description-override", {F: add('beschrijving: "Zwemmen \\u202e"\n')},
     [f"{F}:15: veld 'beschrijving': bevat een teken dat de leesrichting omdraait (U+202E); "
      "haal het weg"]),
    ("description-lines-tabs-and-joined-emoji",
     {F: add('beschrijving: "Zwemmen\\tin\\n\\nhet bad 👨\\u200d👩\\u200d👧"\n')}, []),
    ("title-tab-reads-as-space", {F: edit("titel: Zwemmen voor iedereen",
                                                     'titel: "Zwemmen\\tvoor"')}, []),
    ("title-unicode-letters-and-emoji", {F: edit("titel: Zwemmen voor iedereen",
                                                 "titel: Zwemmen 🏊 für Ærø, ĳs & <b>")}, []),
    ("event-title-newline", {E: edit("titel: Clinic rolstoeltennis",
                                     r'titel: "Clinic\nrolstoeltennis"', EVENT), P: PARTNER},
     [f"{E}:1: veld 'titel': {ONE_LINE}"]),
    ("event-description-control", {E: EVENT + 'beschrijving: "Clinic\\x07"\n', P: PARTNER},
     [f"{E}:16: veld 'beschrijving': bevat een stuurteken (U+0007); haal het weg"]),
    ("region-name-newline", {R: regio("naam: Regio Testvallei", 'naam: "Regio\\nTestvallei"')},
     [f"{R}:1: veld 'naam': {ONE_LINE}"]),
    ("region-place-zero-width",
     {R: regio("  - naam: IJsselmuiden", "  - naam: IJssel\u200cmuiden")},
     [f"{R}:14: veld 'plaatsen.naam': bevat een onzichtbaar teken (U+200C); haal het weg"]),
    ("partner-name-zero-width", {P: edit("naam: Judoclub De Mat", "naam: Judoclub\u200d De Mat",
                                         PARTNER)},
     [f"{P}:2: veld 'naam': bevat een onzichtbaar teken (U+200D); haal het weg"]),
    ("partner-text-control", {P: PARTNER + "Nog \x07 meer.\n"},
     [f"{P}:7: de tekst onder de velden bevat een stuurteken (U+0007); haal het weg"]),
    # a tab is no control character; after a blank line it does make the line code (item 8)
    ("partner-text-lines-and-tabs", {P: PARTNER + "\n\tMeer\n\n- een punt\n"},
     [f"{P}:9: let op: veld 'tekst': deze regel staat verder ingesprongen dan de rest van de "
      "tekst en wordt als code getoond; zet hem recht onder de andere regels"]),
]  # fmt: skip

# 5. Numbers are numbers
NUMBER_CASES = [
    ("amount-inf", {F: add("kosten: {bedrag: .inf, per: keer}\n")},
     [f"{F}:15: veld 'kosten.bedrag': '.inf' {NOT_A_NUMBER}"]),
    ("amount-nan", {F: add("kosten: {bedrag: .nan, per: keer}\n")},
     [f"{F}:15: veld 'kosten.bedrag': '.nan' {NOT_A_NUMBER}"]),
    ("amount-minus-inf", {F: add("kosten: {bedrag: -.Inf, per: keer}\n")},
     [f"{F}:15: veld 'kosten.bedrag': '-.Inf' {NOT_A_NUMBER}"]),
    ("amount-overflows-to-inf", {F: add("kosten: {bedrag: 1e400, per: keer}\n")},
     [f"{F}:15: veld 'kosten.bedrag': '1e400' {NOT_A_NUMBER}"]),
    ("amount-above-the-maximum", {F: add("kosten: {bedrag: 10000.01, per: keer}\n")},
     [f"{F}:15: veld 'kosten.bedrag': 10000.01 is te groot: het grootste getal dat mag is 10000"]),
    ("amount-at-the-maximum", {F: add("kosten: {bedrag: 10000, per: jaar}\n")}, []),
    ("event-amount-nan", {E: EVENT + "kosten: {bedrag: .nan}\n", P: PARTNER},
     [f"{E}:16: veld 'kosten.bedrag': '.nan' {NOT_A_NUMBER}"]),
    ("coordinate-nan", {F: edit("[52.5230, 6.0790]", "[.nan, 6.0790]")},
     [f"{F}:12: veld 'locatie.coordinaten': '.nan' {NOT_A_NUMBER}"]),
    ("coordinate-huge-integer", {F: edit("[52.5230, 6.0790]", f"[{'9' * 400}, 6.0790]")},
     [f"{F}:12: veld 'locatie.coordinaten': '{'9' * 20}…' {NOT_A_NUMBER}"]),
    ("phone-unquoted-international-keeps-its-hint",
     {F: edit("{email: info@example.org}", "{telefoon: +31612345678}")},
     [f"{F}:13: veld 'contact.telefoon': '+31612345678' is zonder aanhalingstekens een getal; "
      'zet het nummer tussen aanhalingstekens: telefoon: "+31612345678"']),
    ("coordinate-huge-float", {F: edit("[52.5230, 6.0790]", "[1e300, 6.0790]")},
     [f"{F}:12: veld 'locatie.coordinaten': '1e300' {NOT_A_NUMBER}"]),
    ("coordinate-far-away", {F: edit("[52.5230, 6.0790]", "[1e17, 6.0790]")},
     [f"{F}:12: veld 'locatie.coordinaten': [1e+17, 6.079] ligt buiten de regio: meer dan "
      "50 km van elke gemeente in regio.yml; kijk de coördinaten na op een kaart"]),
    ("age-inf", {F: add("leeftijd: {min: .inf}\n")},
     [f"{F}:15: veld 'leeftijd.min': '.inf' {NOT_A_NUMBER}"]),
    ("age-huge", {F: add(f"leeftijd: {{min: {'1' * 30}}}\n")},
     [f"{F}:15: veld 'leeftijd.min': '{'1' * 20}…' {NOT_A_NUMBER}"]),
    ("region-centre-inf", {R: regio("[52.5168, 6.0830]", "[.inf, 6.0830]")},
     [f"{R}:8: veld 'gemeenten.coordinaten': '.inf' {NOT_A_NUMBER}"]),
]  # fmt: skip

# 6. Sizes have limits
SIZE_CASES = [
    ("description-too-long", {F: add(f"beschrijving: {'a' * 3001}\n")},
     [f"{F}:15: veld 'beschrijving': de tekst is te lang (3001 tekens): schrijf hoogstens "
      "3000 tekens"]),
    ("description-at-the-limit", {F: add(f"beschrijving: {'a' * 3000}\n")}, []),
    ("event-description-too-long", {E: EVENT + f"beschrijving: {'a' * 3001}\n", P: PARTNER},
     [f"{E}:16: veld 'beschrijving': de tekst is te lang (3001 tekens): schrijf hoogstens "
      "3000 tekens"]),
    ("partner-text-too-long", {P: PARTNER.replace("Tekst.\n", "a" * 5001)},
     [f"{P}:7: de tekst onder de velden is te lang (5001 tekens): schrijf hoogstens 5000 tekens"]),
    ("partner-text-at-the-limit", {P: PARTNER.replace("Tekst.\n", "a" * 5000)}, []),
    ("partner-text-brackets", {P: PARTNER.replace("Tekst.", "[" * 201)},
     [f"{P}:7: de tekst onder de velden heeft 201 keer '['; hoogstens 200 (een link is "
      "[tekst](adres)): haal de haken weg die geen link zijn"]),
    ("partner-text-200-links", {P: PARTNER.replace("Tekst.", "[Link](https://a.nl). " * 200)}, []),
    ("search-word-too-long", {S: sporten("Test\n  zoekwoorden: [" + "a" * 81 + "]")}, None),
    ("file-over-1-mb", {F: add("# " + "x" * 1_000_000 + "\n")},
     [f"{F}: bestand is te groot (1,0 MB; hoogstens 1 MB); kort de teksten in"]),
]  # fmt: skip

# 7. E-mail fields hold one address
EMAIL_CASES = [
    ("email-bcc", {F: edit("info@example.org", "info@example.org?bcc=ik@example.org")},
     [f"{F}:13: veld 'contact.email': 'info@example.org?bcc=ik@example.org' {ONE_ADDRESS}"]),
    ("email-subject", {F: edit("info@example.org", "info@example.org?subject=Hallo")},
     [f"{F}:13: veld 'contact.email': 'info@example.org?subject=Hallo' heeft extra delen na het "
      "adres (zoals ?subject= of &cc=); schrijf alleen het e-mailadres, zoals info@example.org"]),
    ("email-ampersand", {F: edit("info@example.org", "info@example.org&x")},
     [f"{F}:13: veld 'contact.email': 'info@example.org&x' heeft extra delen na het adres "
      "(zoals ?subject= of &cc=); schrijf alleen het e-mailadres, zoals info@example.org"]),
    ("email-two-with-comma", {F: edit("{email: info@example.org}",
                                      '{email: "info@example.org, ik@example.org"}')},
     [f"{F}:13: veld 'contact.email': 'info@example.org, ik@example.org' {ONE_ADDRESS}"]),
    ("email-two-at-signs", {F: edit("info@example.org", "info@ik@example.org")},
     [f"{F}:13: veld 'contact.email': 'info@ik@example.org' {ONE_ADDRESS}"]),
    ("email-space", {F: edit("{email: info@example.org}", '{email: "info @example.org"}')},
     [f"{F}:13: veld 'contact.email': 'info @example.org' bevat een spatie; schrijf het "
      "e-mailadres zonder spaties, zoals info@example.org"]),
    ("email-plus-and-apostrophe", {F: edit("info@example.org", "o'brien+sport@example.org")}, []),
    ("partner-email-bcc", {P: edit('telefoon: "038 222 33 44"',
                                   "email: a@example.org?bcc=b@example.org", PARTNER)},
     [f"{P}:5: veld 'contact.email': 'a@example.org?bcc=b@example.org' {ONE_ADDRESS}"]),
    ("event-sign-up-email-two", {E: EVENT + 'aanmelden: {email: "a@example.org;b@example.org"}\n',
                                 P: PARTNER},
     [f"{E}:16: veld 'aanmelden.email': 'a@example.org;b@example.org' {ONE_ADDRESS}"]),
    ("desk-email-subject", {R: regio("email: loket@example.org",
                                     "email: loket@example.org?subject=x")},
     [f"{R}:4: veld 'loket.email': 'loket@example.org?subject=x' heeft extra delen na het adres "
      "(zoals ?subject= of &cc=); schrijf alleen het e-mailadres, zoals info@example.org"]),
]  # fmt: skip

CASES = TEXT_CASES + NUMBER_CASES + SIZE_CASES + EMAIL_CASES


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_case_gets_its_line(region, files, expected):
    if expected is None:  # a line that depends on the region's own files
        expected = [
            f"{S}:{sport_line(region) + 1}: veld 'testsport.zoekwoorden': de tekst is te lang "
            "(81 tekens): schrijf hoogstens 80 tekens"
        ]
    assert lines_for(region, files) == expected


def test_a_sport_name_on_two_lines_in_the_lists(region):
    line = sport_line(region)
    assert lines_for(region, {S: sporten('"Test\\nsport"')}) == [
        f"{S}:{line}: veld 'testsport.naam': {ONE_LINE}"
    ]


@pytest.mark.traag  # a full build of its own
def test_the_build_stops_at_a_line_break_in_an_event_title_with_the_line_not_a_traceback(
    tmp_path,
):
    root = make_site(tmp_path)
    write(root, E, edit("titel: Clinic rolstoeltennis", r'titel: "Clinic\nrolstoeltennis"', EVENT))
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert f"{E}:1: veld 'titel': {ONE_LINE}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_problem_stays_on_one_line_whatever_the_value_holds():
    """Other rules repeat what was written: a line break in it cannot split the report."""
    line = Problem(F, 3, "veld 'gemeente': 'Zwolle\n\u202e' staat niet in regio.yml").format()
    assert line == f"{F}:3: veld 'gemeente': 'Zwolle<U+000A><U+202E>' staat niet in regio.yml"


def test_an_over_long_text_is_refused_before_anything_renders_it(region, monkeypatch):
    """Markdown rendering is slow on huge texts: an over-long description or partner text stops
    the check before the model (and its rendering) is built."""

    def never(*args, **kwargs):
        raise AssertionError("rendered")

    monkeypatch.setattr(markdown_safe, "render", never)
    monkeypatch.setattr(assemble, "render", never)
    write(region, F, add(f"beschrijving: |\n  {'**a** ' * 150_000}\n"))
    write(region, P, PARTNER.replace("Tekst.\n", "[a](b) " * 100_000))
    result = load_site(region, today=TODAY)
    assert result.site is None
    messages = [p.format() for p in result.problems]
    assert (
        f"{F}:15: veld 'beschrijving': de tekst is te lang (900001 tekens): schrijf hoogstens "
        "3000 tekens" in messages
    )
    assert (
        f"{P}:7: de tekst onder de velden is te lang (700000 tekens): schrijf hoogstens 5000 "
        "tekens" in messages
    )


# --- One rule in one place ------------------------------------------------------------------------
SCHEMAS = sorted(SCHEMA_DIR.glob("*.schema.json"))
MULTILINE = {("offer", "beschrijving"), ("agenda", "beschrijving")}


def test_the_schemas_are_found_where_the_check_reads_them():
    assert {"offer", "partner", "regio", "agenda"} <= {s.name.split(".")[0] for s in SCHEMAS}


def _text_nodes(node, path=()):
    """Every schema node that accepts text, with the property names on its way."""
    if isinstance(node, dict):
        types = node.get("type")
        if types == "string" or (isinstance(types, list) and "string" in types):
            yield path, node
        for key, value in node.items():
            if key == "properties":
                for name, sub in value.items():
                    yield from _text_nodes(sub, (*path, name))
            elif key != "not":
                yield from _text_nodes(value, path)
    elif isinstance(node, list):
        for item in node:
            yield from _text_nodes(item, path)


@pytest.mark.parametrize("schema", SCHEMAS, ids=[s.name.split(".")[0] for s in SCHEMAS])
def test_every_text_field_in_every_schema_carries_the_text_rule(schema):
    kind = schema.name.split(".")[0]
    for path, node in _text_nodes(json.loads(schema.read_text(encoding="utf-8"))):
        if "enum" in node:
            continue  # only the listed words pass
        wanted = textrules.TEXT_RULE if (kind, *path[-1:]) in MULTILINE else textrules.LINE_RULE
        assert node.get("not") == wanted, f"{schema.name}: {'.'.join(path)}"


def test_every_amount_has_the_maximum_and_every_email_the_one_address_pattern():
    for schema in SCHEMAS:
        text = schema.read_text(encoding="utf-8")
        data = json.loads(text)
        for path, node in _text_nodes(data):
            if path and path[-1] == "email":
                assert node["pattern"] == textrules.EMAIL_PATTERN, schema.name
        assert text.count('"bedrag": {') == text.count(f'"maximum": {textrules.MAX_BEDRAG}')


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        ("Zwemmen", False, None),
        ("Zwemmen\tvoor", False, None),
        ("Zwemmen\n", False, ONE_LINE),
        ("Zwemmen\n", True, None),
        ("a\u0085b", False, ONE_LINE),
        ("a\x7fb", True, "bevat een stuurteken (U+007F); haal het weg"),
        ("a\u2069b", True, "bevat een teken dat de leesrichting omdraait (U+2069); haal het weg"),
        ("a\u200bb", True, None),
    ],
)
def test_the_text_rule_itself(value, multiline, expected):
    assert textrules.text_mistake(value, multiline) == expected


def test_the_schemas_patterns_and_the_words_agree():
    """Each character the pattern refuses gets a line from text_mistake, and the reverse."""
    import re

    for multiline, pattern in ((False, textrules.LINE_REFUSED), (True, textrules.TEXT_REFUSED)):
        for code in [*range(0x00, 0xA0), *range(0x2000, 0x2070), 0xFEFF, 0xFFFD]:
            char = chr(code)
            refused = re.search(pattern, f"a{char}b") is not None
            assert (textrules.text_mistake(f"a{char}b", multiline) is not None) is refused, code


# The editor (VS Code: YAML 1.2 and the shipped schema) refuses the same texts, amounts and
# addresses. Only what JSON has no word for stays make check's alone: .nan and .inf.
EDITOR_AGREES = [
    ("title-newline", edit("titel: Zwemmen voor iedereen", r'titel: "Zwemmen\nvoor"'), False),
    ("title-zero-width", edit("titel: Zwemmen voor", "titel: Zwemmen\u200b voor"), False),
    ("place-override", edit("  plaats: Zwolle", "  plaats: Zwolle\u202e"), False),
    ("description-lines", add('beschrijving: "Een\\n\\nTwee\\tdrie"\n'), True),
    ("description-too-long", add(f"beschrijving: {'a' * 3001}\n"), False),
    ("amount-too-high", add("kosten: {bedrag: 10001, per: keer}\n"), False),
    ("email-bcc", edit("{email: info@example.org}", '{email: "info@example.org?bcc=i@b.nl"}'),
     False),
    ("email-two", edit("{email: info@example.org}", '{email: "a@example.org, b@example.org"}'),
     False),
    ("email-plus", edit("info@example.org", "info+sport@example.org"), True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "accepted"), [c[1:] for c in EDITOR_AGREES], ids=[c[0] for c in EDITOR_AGREES]
)
def test_the_editor_and_make_check_agree_on_text(region, text, accepted):
    from check.test_mistakes_yaml import editor_accepts

    assert editor_accepts(text) is accepted
    assert (lines_for(region, {F: text}) == []) is accepted
