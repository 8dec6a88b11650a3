"""An issue body from the 'Nieuw aanbod' form becomes an offer file, checked like any other."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import yaml

from conftest import TODAY, write
from sportwijzer.tools.cli import main
from sportwijzer.tools.issueform import (
    EVENT_FORM_FIELDS,
    FORM_FIELDS,
    offer_from_issue,
    sections,
    time_slot,
)
from sportwijzer.tools.nieuw import write_new

REQUIRED = {
    "Naam van het aanbod": "Zwemmen op zaterdag",
    "Sport": "Zwemmen",
    "Aanbieder": "Judoclub De Mat",
    "Voor wie is het?": (
        "- [ ] lichamelijk (lichamelijke beperking)\n- [X] visueel (blind of slechtziend)"
    ),
    "Samenvatting": "Zwemmen in een kleine groep: warm water.",
    "Naam van de plek": "Zwembad De Vliet",
    "Adres": "Vlietweg 4",
    "Postcode": "8021 AB",
    "Plaats": "Zwolle",
    "Gemeente": "Zwolle",
    "Coördinaten": "52.5230, 6.0790",
    "E-mail": "info@example.org",
}
OPTIONAL = {
    "Beschrijving": "Je zwemt in een groep.\n\n### Goed om te weten\n- Het water is warm.",
    "Leeftijd vanaf": "6",
    "Leeftijd tot en met": "_No response_",
    "Niveau": "- [X] recreatief\n- [ ] competitie",
    "Vorm": "aangepast (een eigen groep voor mensen met een beperking)",
    "Dagen en tijden": "zaterdag 9.00-10:00 (niet in de vakanties)\ndinsdag 19:30 - 20:30",
    "Kosten in euro": "€ 42,50",
    "Kosten per": "kwartaal",
    "Proefles": "Ja, gratis",
    "Toegankelijkheid": "- [X] tillift\n- [X] ov-dichtbij (bus of trein dichtbij)",
    "Ondersteuning": "- [x] begeleider-gratis (een begeleider doet gratis mee)",
    "Vervoer": "Bus 3 stopt voor de deur.",
    "Contactpersoon": "Els Jansen",
    "Telefoon": "038 765 43 21",
    "Website": "_No response_",
}

MINIMAL_DATA = {
    "titel": "Zwemmen op zaterdag",
    "sport": "zwemmen",
    "aanbieder": "judoclub-de-mat",
    "beperkingen": ["visueel"],
    "samenvatting": "Zwemmen in een kleine groep: warm water.",
    "locatie": {
        "naam": "Zwembad De Vliet",
        "adres": "Vlietweg 4",
        "postcode": "8021 AB",
        "plaats": "Zwolle",
        "gemeente": "Zwolle",
        "coordinaten": [52.523, 6.079],
    },
    "contact": {"email": "info@example.org"},
    "laatst_gecontroleerd": "2026-11-23",
}
COMPLETE_DATA = {
    "titel": "Zwemmen op zaterdag",
    "sport": "zwemmen",
    "aanbieder": "judoclub-de-mat",
    "beperkingen": ["visueel"],
    "samenvatting": "Zwemmen in een kleine groep: warm water.",
    "beschrijving": "Je zwemt in een groep.\n\n### Goed om te weten\n- Het water is warm.\n",
    "leeftijd": {"min": 6},
    "niveau": ["recreatief"],
    "vorm": "aangepast",
    "locatie": MINIMAL_DATA["locatie"],
    "tijden": [
        {"dag": "zaterdag", "van": "09:00", "tot": "10:00", "toelichting": "niet in de vakanties"},
        {"dag": "dinsdag", "van": "19:30", "tot": "20:30"},
    ],
    "kosten": {"bedrag": 42.5, "per": "kwartaal"},
    "proefles": {"gratis": True},
    "toegankelijkheid": ["tillift", "ov-dichtbij"],
    "ondersteuning": ["begeleider-gratis"],
    "vervoer": "Bus 3 stopt voor de deur.",
    "contact": {"naam": "Els Jansen", "email": "info@example.org", "telefoon": "038 765 43 21"},
    "laatst_gecontroleerd": "2026-11-23",
}


def body(answers: dict[str, str]) -> str:
    """The Markdown GitHub writes for a submitted form: the questions in the order of the form."""
    fields = FORM_FIELDS if "Naam van het aanbod" in answers else EVENT_FORM_FIELDS
    order = [field.label for field in fields]
    ordered = sorted(answers.items(), key=lambda item: order.index(item[0]))
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in ordered) + "\n"


def changed(**changes: str) -> dict[str, str]:
    return {**REQUIRED, **changes}


F = "offers/zwemmen-op-zaterdag.yml"
ALLOWED = (
    "Kies uit: lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, "
    "autisme, nah, iedereen"
)

CASES = [
    ("minimal", body(REQUIRED), MINIMAL_DATA, ["Geen fouten gevonden in 1 bestand."]),
    (
        "complete",
        body({**REQUIRED, **OPTIONAL}),
        COMPLETE_DATA,
        [  # the heading the provider typed in the description: a warning for the coordinator
            f"{F}:11: let op: veld 'beschrijving': een kop hoort niet in een beschrijving; "
            "schrijf de kop als gewone zin, of in **vet**",
            "Geen fouten gevonden in 1 bestand. 1 waarschuwing.",
        ],
    ),
    (
        "unknown-beperking",
        body(changed(**{"Voor wie is het?": "- [X] blind"})),
        {**MINIMAL_DATA, "beperkingen": ["blind"]},
        [
            f"{F}:6: veld 'beperkingen': 'blind' is geen bekende waarde. Bedoel je 'visueel'? "
            + ALLOWED,
            "Gevonden: 1 probleem in 1 bestand.",
        ],
    ),
    (
        "bad-postcode-and-no-contact",
        body({**changed(Postcode="80211"), "E-mail": "_No response_"}),
        {
            **{k: v for k, v in MINIMAL_DATA.items() if k != "contact"},
            "locatie": {**MINIMAL_DATA["locatie"], "postcode": "80211"},
        },
        [
            f"{F}:1: veld 'contact' ontbreekt",
            f"{F}:11: veld 'locatie.postcode': '80211' is geen Nederlandse postcode; schrijf vier "
            "cijfers en twee letters, zoals 8021 AB",
            "Gevonden: 2 problemen in 1 bestand.",
        ],
    ),
    (
        "words-for-numbers-and-unreadable-times",
        body(changed(**{"Coördinaten": "bij de kerk", "Dagen en tijden": "elke week"})),
        {**MINIMAL_DATA, "locatie": {**MINIMAL_DATA["locatie"], "coordinaten": "bij de kerk"}},
        [
            "issue.md: veld 'tijden': 'elke week' begrijp ik niet; schrijf per regel een dag en de "
            "tijden, zoals 'zaterdag 09:00-10:00', of schrijf 'op afspraak'",
            f"{F}:14: veld 'locatie.coordinaten': 'bij de kerk' zijn geen coördinaten; schrijf "
            "[breedtegraad, lengtegraad], zoals [52.5168, 6.0830]",
            "Gevonden: 2 problemen in 2 bestanden.",
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "data", "lines"), CASES, ids=[c[0] for c in CASES])
def test_issue_body_becomes_the_expected_offer_and_report(region, name, text, data, lines):
    write(region, "issue.md", text)
    out = io.StringIO()
    code = main(
        [
            "aanbod-uit-issue",
            str(region / "issue.md"),
            "--root",
            str(region),
            "--vandaag",
            TODAY.isoformat(),
        ],
        out,
    )
    written = (region / F).read_text(encoding="utf-8")
    assert yaml.safe_load(written) | {"laatst_gecontroleerd": "2026-11-23"} == data
    assert out.getvalue().splitlines() == [f"Geschreven: {F}", *lines]
    assert code == (0 if lines[-1].startswith("Geen fouten") else 1)


def test_slug_argument_names_the_file_and_an_existing_file_is_never_overwritten(region):
    write(region, "issue.md", body(REQUIRED))
    args = ["aanbod-uit-issue", str(region / "issue.md"), "--root", str(region)]
    assert main([*args, "--slug", "eigen-naam"], io.StringIO()) == 0
    out = io.StringIO()
    assert main([*args, "--slug", "eigen-naam"], out) == 2
    assert out.getvalue() == "issue.md: offers/eigen-naam.yml bestaat al; kies een andere naam\n"


def test_without_a_title_or_slug_nothing_is_written(region):
    write(region, "issue.md", body({"Sport": "zwemmen"}))
    out = io.StringIO()
    assert main(["aanbod-uit-issue", str(region / "issue.md"), "--root", str(region)], out) == 2
    assert "geef de naam van het bestand mee met SLUG=" in out.getvalue()
    assert sorted(p.name for p in (region / "offers").iterdir()) == sorted(
        [
            "g-judo-zwolle.yml",
            "wandelen-kampen.yml",
            "zitvolleybal-wachtlijst.yml",
            "zwemmen-gestopt.yml",
        ]
    )


def test_sections_ignore_unknown_headings_and_windows_line_ends():
    text = "### Samenvatting\r\n\r\nEen zin.\r\n\r\n### Iets anders\r\n\r\nmeer\r\n"
    assert sections(text) == {"Samenvatting": "Een zin.\n\n### Iets anders\n\nmeer"}


@pytest.mark.parametrize(
    ("line", "slot"),
    [
        ("maandag 9:00-10:15", {"dag": "maandag", "van": "09:00", "tot": "10:15"}),
        (
            "Zondag 14.00 tot 15.30, even weken",
            {"dag": "zondag", "van": "14:00", "tot": "15:30", "toelichting": "even weken"},
        ),
        ("elke week", None),
    ],
)
def test_time_slots(line, slot):
    assert time_slot(line) == slot


def test_op_afspraak_and_no_checkboxes_ticked():
    answers = body(changed(**{"Dagen en tijden": "Op afspraak", "Niveau": "- [ ] recreatief"}))
    data, problems = offer_from_issue(answers, "issue.md", dt.date(2026, 1, 2))
    assert data["op_afspraak"] is True and "tijden" not in data and "niveau" not in data
    assert problems == [] and data["laatst_gecontroleerd"] == dt.date(2026, 1, 2)


EVENT_ANSWERS = {
    "Naam van de activiteit": "Clinic judo: kom proberen",
    "Soort": "clinic (een sport uitproberen, met uitleg)",
    "Organisator": "Judoclub De Mat",
    "Samenvatting": "Een middag judo proberen, met ervaren trainers.",
    "Datum": "6-3-2027",
    "Laatste dag": "_No response_",
    "Begintijd": "13.30 uur",
    "Eindtijd": "16:00",
    "Voor wie is het?": "- [X] verstandelijk (verstandelijke beperking)\n- [X] autisme",
    "Voor wie nog meer?": "- [X] sporters\n- [X] ouders-en-begeleiders (ouders en begeleiders)",
    "Naam van de plek": "Sporthal De Reeve",
    "Adres": "Reeveweg 8",
    "Postcode": "8262 AB",
    "Plaats": "Kampen",
    "Gemeente": "Kampen",
    "Coördinaten": "52.5500, 5.9200",
    "Aanmelden via e-mail": "judo@example.org",
    "Aanmelden kan tot en met": "27-02-2027",
    "Kosten in euro": "0",
    "E-mail": "info@example.org",
}
EVENT_DATA = {
    "titel": "Clinic judo: kom proberen",
    "soort": "clinic",
    "organisator": "judoclub-de-mat",
    "samenvatting": "Een middag judo proberen, met ervaren trainers.",
    "datum": dt.date(2027, 3, 6),
    "tijd": {"van": "13:30", "tot": "16:00"},
    "beperkingen": ["verstandelijk", "autisme"],
    "doelgroep": ["sporters", "ouders-en-begeleiders"],
    "locatie": {
        "naam": "Sporthal De Reeve",
        "adres": "Reeveweg 8",
        "postcode": "8262 AB",
        "plaats": "Kampen",
        "gemeente": "Kampen",
        "coordinaten": [52.55, 5.92],
    },
    "aanmelden": {"email": "judo@example.org", "uiterlijk": dt.date(2027, 2, 27)},
    "kosten": {"bedrag": 0},
    "contact": {"email": "info@example.org"},
}


def event_from(region, answers: dict[str, str]) -> tuple[int, list[str]]:
    write(region, "agenda-issue.md", body(answers))
    out = io.StringIO()
    args = ["evenement-uit-issue", str(region / "agenda-issue.md"), "--root", str(region)]
    code = main([*args, "--vandaag", TODAY.isoformat()], out)
    return code, out.getvalue().splitlines()


def test_an_agenda_issue_becomes_an_event_file_checked_like_any_other(region):
    code, lines = event_from(region, EVENT_ANSWERS)
    relative = "agenda/clinic-judo-kom-proberen.yml"
    assert (code, lines) == (0, [f"Geschreven: {relative}", "Geen fouten gevonden in 1 bestand."])
    text = (region / relative).read_text(encoding="utf-8")
    assert text.splitlines()[:2] == [
        "# yaml-language-server: $schema=../hooks/sportwijzer/schemas/agenda.schema.json",
        "# Gemaakt uit agenda-issue.md met 'make evenement-uit-issue'. Kijk alles na.",
    ]
    assert yaml.safe_load(text) == EVENT_DATA


def test_an_agenda_issue_with_a_date_that_is_no_date_is_refused_on_its_line(region):
    code, lines = event_from(region, {**EVENT_ANSWERS, "Datum": "zaterdag 6 maart"})
    assert code == 1
    assert lines[1] == (
        "agenda/clinic-judo-kom-proberen.yml:7: veld 'datum': 'zaterdag 6 maart' is geen datum; "
        "schrijf jaar-maand-dag, zoals 2027-04-17"
    )


# --- text from an issue is data: only the form's own headings, one Dutch line, only offers/ ---


def test_a_heading_in_an_html_comment_never_replaces_a_field():
    """GitHub does not show a comment, so a heading in one is not the form's."""
    hidden = "info@example.org\n<!--\n### Gemeente\n\nHeerde\n\n### Naam van het aanbod\n\nX"
    answers = sections(body(changed(**{"E-mail": hidden + "\n-->"})))
    assert (
        answers["Gemeente"] == "Zwolle"
        and answers["Naam van het aanbod"] == REQUIRED["Naam van het aanbod"]
    )
    assert answers["E-mail"] == "info@example.org"
    unclosed = sections(body(changed(**{"E-mail": hidden})))  # runs to the end, as in HTML
    assert unclosed["Gemeente"] == "Zwolle" and unclosed["E-mail"] == "info@example.org"


def test_a_form_label_typed_in_a_later_answer_stays_in_that_answer():
    typed = "Bus 3.\n\n### Naam van het aanbod\n\nGratis geld"
    answers = sections(body({**REQUIRED, "Vervoer": typed}))
    assert answers["Naam van het aanbod"] == "Zwemmen op zaterdag"
    assert answers["Vervoer"] == typed


NO_FORM = (
    "geen vraag van het formulier gevonden (een kop als '### Naam van het aanbod'); "
    "kopieer de hele tekst van het issue, met de koppen"
)
NOT_TEXT = "bestand is geen tekst (UTF-8); kopieer de tekst van het issue en sla die op als UTF-8"
TOO_BIG = "bestand is groter dan 1 MB; dat is geen tekst van een issue"
LONG_TITLE = "Zwemmen " * 40
REFUSED_ISSUES = [
    ("empty", b"", [], "issue.md: " + NO_FORM),
    ("no-headings", b"Hallo, ik wil graag zwemmen.\n", [], "issue.md: " + NO_FORM),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\xff\xfe", [], "issue.md: " + NOT_TEXT),
    ("nul", body(REQUIRED).encode() + b"\x00", [], "issue.md: " + NOT_TEXT),
    ("too-big", b"### Sport\n\n" + b"a" * 1_000_001, [], "issue.md: " + TOO_BIG),
    (
        "long-title",
        body(changed(**{"Naam van het aanbod": LONG_TITLE})).encode(),
        [],
        "issue.md: de naam 'zwemmen-zwemmen-zwemmen-zwemmen-zwemmen-…' is te lang (319 tekens, "
        "hoogstens 80); geef een kortere naam mee met SLUG=...",
    ),
    (
        "slug-up",
        body(REQUIRED).encode(),
        ["--slug", "../regio"],
        "issue.md: '../regio' mag alleen kleine letters, cijfers en streepjes bevatten",
    ),
    (
        "slug-folder",
        body(REQUIRED).encode(),
        ["--slug", "a/b"],
        "issue.md: 'a/b' mag alleen kleine letters, cijfers en streepjes bevatten",
    ),
]


def offer_files(region) -> list[str]:
    return sorted(p.name for p in (region / "offers").iterdir())


@pytest.mark.parametrize(
    ("name", "content", "extra", "line"), REFUSED_ISSUES, ids=[c[0] for c in REFUSED_ISSUES]
)
def test_an_issue_that_cannot_be_read_is_one_line_and_writes_nothing(
    region, name, content, extra, line
):
    (region / "issue.md").write_bytes(content)
    before = offer_files(region)
    out = io.StringIO()
    args = ["aanbod-uit-issue", str(region / "issue.md"), "--root", str(region), *extra]
    assert (main(args, out), out.getvalue()) == (2, line + "\n")
    assert offer_files(region) == before and not (region / "regio.yml.yml").exists()


def test_a_missing_issue_file_or_none_given_is_one_line(region, monkeypatch):
    monkeypatch.delenv("ISSUE", raising=False)
    out = io.StringIO()
    assert main(["aanbod-uit-issue", str(region / "weg.md"), "--root", str(region)], out) == 2
    assert out.getvalue() == "weg.md: bestand ontbreekt\n"
    out = io.StringIO()
    assert main(["evenement-uit-issue", "--root", str(region)], out) == 2
    assert out.getvalue() == (
        "Geef het bestand met de tekst van het issue: make evenement-uit-issue ISSUE=issue.md\n"
    )


@pytest.mark.parametrize("dangling", [False, True], ids=["symlink", "dangling-symlink"])
def test_a_symlink_where_the_file_would_go_is_refused_and_never_followed(
    region, tmp_path, dangling
):
    outside = tmp_path / "buiten.txt"
    if not dangling:
        outside.write_text("van iemand anders\n", encoding="utf-8")
    (region / "offers" / "zwemmen-op-zaterdag.yml").symlink_to(outside)
    write(region, "issue.md", body(REQUIRED))
    out = io.StringIO()
    assert main(["aanbod-uit-issue", str(region / "issue.md"), "--root", str(region)], out) == 2
    assert out.getvalue() == (
        "issue.md: offers/zwemmen-op-zaterdag.yml is een snelkoppeling (symlink); haal hem weg "
        "of kies een andere naam\n"
    )
    assert outside.exists() != dangling
    assert dangling or outside.read_text(encoding="utf-8") == "van iemand anders\n"


def test_a_folder_that_is_a_symlink_to_elsewhere_gets_nothing(region, tmp_path):
    elsewhere = tmp_path / "elders"
    (region / "offers").rename(elsewhere)
    (region / "offers").symlink_to(elsewhere)
    write(region, "issue.md", body(REQUIRED))
    out = io.StringIO()
    assert main(["aanbod-uit-issue", str(region / "issue.md"), "--root", str(region)], out) == 2
    assert out.getvalue() == (
        "issue.md: offers/zwemmen-op-zaterdag.yml komt via een snelkoppeling (symlink) buiten de "
        "map van de site terecht\n"
    )
    assert not (elsewhere / "zwemmen-op-zaterdag.yml").exists()


def test_writing_never_follows_a_symlink_that_appears_after_the_check(region, tmp_path):
    """A symlink made between the check and the write: one to elsewhere fails the containment,
    one inside the folder fails O_EXCL and O_NOFOLLOW; neither target is made."""
    outside, inside = tmp_path / "buiten.txt", region / "offers" / "ander.yml"
    (region / "offers" / "nieuw.yml").symlink_to(outside)
    with pytest.raises(OSError, match="buiten de map van de site"):
        write_new(region, "offers/nieuw.yml", "titel: x\n")
    (region / "offers" / "nieuw.yml").unlink()
    (region / "offers" / "nieuw.yml").symlink_to(inside)
    with pytest.raises(FileExistsError):
        write_new(region, "offers/nieuw.yml", "titel: x\n")
    assert not outside.exists() and not inside.exists()
