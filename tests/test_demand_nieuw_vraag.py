"""`make nieuw-vraag`: a few answers, refused with a suggestion before writing, a free file name,
and the file checked at once."""

from __future__ import annotations

import io

from conftest import REPO, TODAY
from sportwijzer.cli import main
from sportwijzer.nieuw_vraag import NAMES, gather

DAY = TODAY.isoformat()


def run(region, **answers):
    args = ["nieuw-vraag", "--root", str(region), "--vandaag", DAY]
    for name, value in answers.items():
        args += [f"--{name}", value]
    out = io.StringIO()
    return main(args, out), out.getvalue().splitlines()


def test_writes_a_record_with_a_free_name_and_checks_it(region):
    answers = dict(gemeente="Kampen", beperkingen="autisme, verstandelijk", leeftijdsgroep="kind")
    code, lines = run(region, sport="judo", uitkomst="gematcht", aanbod="g-judo-zwolle", **answers)
    assert (code, lines) == (
        0,
        [f"Geschreven: vragen/{DAY}-kampen-judo.yml", "Geen fouten gevonden in 1 bestand."],
    )
    text = (region / "vragen" / f"{DAY}-kampen-judo.yml").read_text(encoding="utf-8")
    assert text.splitlines()[2:] == [
        f"datum: {DAY}",
        'gemeente: "Kampen"',
        "beperkingen: [autisme, verstandelijk]",
        "leeftijdsgroep: kind",
        "sport: judo",
        "uitkomst: gematcht",
        "aanbod: g-judo-zwolle",
    ]
    assert (
        run(region, sport="judo", **answers)[1][0] == f"Geschreven: vragen/{DAY}-kampen-judo-2.yml"
    )
    assert (
        run(region, sport="judo", **answers)[1][0] == f"Geschreven: vragen/{DAY}-kampen-judo-3.yml"
    )
    code, lines = run(region, toelichting="Zoekt iets op zaterdag.", **answers)
    assert (code, lines[0]) == (0, f"Geschreven: vragen/{DAY}-kampen-vraag.yml")


def test_refuses_unknown_values_with_a_suggestion_and_writes_nothing(region):
    code, lines = run(
        region,
        gemeente="IJsselmuiden",
        beperkingen="blind",
        leeftijdsgroep="12",
        sport="jduo",
        uitkomst="gematcht",
        toelichting="Bel 06 12345678",
    )
    assert code == 2
    assert lines == [
        "aanbod: ontbreekt; bij uitkomst 'gematcht' hoort het aanbod waar de vraag terechtkwam: "
        "schrijf de bestandsnaam uit offers/, zoals 'aanbod: zwemmen-de-spetters'",
        "gemeente: IJsselmuiden is een plaats in de gemeente Kampen; schrijf 'Kampen'",
        "beperkingen: 'blind' is geen bekende waarde. Bedoel je 'visueel'? Kies uit: lichamelijk, "
        "rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, autisme, nah",
        "leeftijdsgroep: 12 is een precieze leeftijd, en een vraag bevat geen persoonsgegevens; "
        "schrijf de groep: kind (0–12), jongere (13–17), volwassene (18–64) of senior (65+), "
        "hier 'kind'",
        "sport: 'jduo' staat niet in lijsten/sporten.yml. Bedoel je 'judo'? Een nieuwe sport voeg "
        "je daar eerst toe",
        "toelichting: er staat een telefoonnummer in, maar een toelichting is openbaar in git; zet "
        "er geen e-mailadres of telefoonnummer in",
    ]
    assert not (region / "vragen").exists()


def test_an_offer_that_does_not_exist_is_refused(region):
    code, lines = run(
        region,
        gemeente="Zwolle",
        beperkingen="autisme",
        leeftijdsgroep="kind",
        uitkomst="gematcht",
        aanbod="g-judo-zwole",
    )
    assert (code, lines) == (
        2,
        [
            "aanbod: er is geen aanbod 'g-judo-zwole' (offers/g-judo-zwole.yml). "
            "Bedoel je 'g-judo-zwolle'?"
        ],
    )


def test_without_a_terminal_it_names_what_is_missing(region):
    code, lines = run(region, gemeente="Kampen")
    assert (code, lines) == (
        2,
        ["Vul ook in: BEPERKINGEN, LEEFTIJDSGROEP, zoals 'make nieuw-vraag GEMEENTE=Kampen ...'"],
    )


def test_on_a_terminal_it_asks_and_asks_for_the_offer_only_when_matched():
    asked = []
    replies = iter(["Kampen", "nah", "senior", "", "open", ""])

    def ask(question):
        asked.append(question.split(" (")[0])
        return next(replies)

    answers, missing = gather({}, ask)
    assert missing == []
    assert asked == [
        "Gemeente",
        "Beperkingen",
        "Leeftijdsgroep",
        "Sport",
        "Uitkomst",
        "Toelichting",
    ]
    assert answers["aanbod"] == "" and answers["uitkomst"] == "open"
    replies = iter(["gematcht", "zwemmen-olst", ""])
    asked.clear()
    gather(
        {"gemeente": "Kampen", "beperkingen": "nah", "leeftijdsgroep": "kind", "sport": "zwemmen"},
        ask,
    )
    assert asked == ["Uitkomst", "Aanbod waar de vraag terechtkwam", "Toelichting"]


def test_the_makefile_passes_every_answer_to_the_command():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    rule = makefile.split("\nnieuw-vraag: $(STAMP)\n")[1].split("\n\n")[0]
    for name in NAMES:
        assert f'--{name} "$({name.upper()})"' in rule, name
    assert "nieuw-vraag" in makefile.split("help:")[0]  # .PHONY
