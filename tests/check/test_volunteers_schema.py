"""The offer field 'vrijwilligers': every rule with the exact line a coordinator reads."""

from __future__ import annotations

import pytest

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.schema import load_schema
from sportwijzer.model.volunteers import TAKEN
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
CHOICES = "Kies uit: trainer, begeleider, maatje, chauffeur, bestuur, overig"
LAST = len(VALID_OFFER.splitlines()) + 1  # the first line added below the valid offer


def errors(region, extra: str) -> list[str]:
    write(region, F, VALID_OFFER + extra)
    result = load_site(region, today=TODAY)
    return [p.format() for p in sorted_problems(result.problems) if p.is_error]


CASES = [
    ("the contract's invalid example", "vrijwilligers: {gezocht: [kok]}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht': 'kok' is geen bekende waarde. {CHOICES}"]),
    ("a close spelling", "vrijwilligers: {gezocht: [trainers]}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht': 'trainers' is geen bekende waarde. "
      f"Bedoel je 'trainer'? {CHOICES}"]),
    ("the item's own line", "vrijwilligers:\n  gezocht:\n    - maatje\n    - kok\n",
     [f"{F}:{LAST + 3}: veld 'vrijwilligers.gezocht': 'kok' is geen bekende waarde. {CHOICES}"]),
    ("an empty list", "vrijwilligers: {gezocht: []}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht': de lijst is leeg: kies er minstens één"]),
    ("no list", "vrijwilligers: {gezocht: trainer}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht': 'trainer' is geen lijst; "
      "schrijf een lijst: [trainer]"]),
    ("twice the same", "vrijwilligers: {gezocht: [trainer, trainer]}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht': [trainer, trainer]: een waarde staat er "
      "twee keer in; haal er één weg"]),
    ("gezocht missing", "vrijwilligers: {toelichting: Graag hulp}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.gezocht' ontbreekt"]),
    ("toelichting too long", "vrijwilligers: {gezocht: [maatje], toelichting: " + "a" * 301 + "}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.toelichting': de tekst is te lang (301 tekens): "
      "schrijf hoogstens 300 tekens"]),
    ("toelichting empty", 'vrijwilligers:\n  gezocht: [maatje]\n  toelichting: ""\n',
     [f"{F}:{LAST + 2}: veld 'vrijwilligers.toelichting' is leeg; vul iets in of haal de "
      "regel weg"]),
    ("an unknown field inside", "vrijwilligers: {gezocht: [maatje], wanneer: zaterdag}\n",
     [f"{F}:{LAST}: veld 'vrijwilligers.wanneer' is onbekend. Mogelijke velden: gezocht, "
      "toelichting"]),
    ("not a mapping", "vrijwilligers: true\n",
     [f"{F}:{LAST}: veld 'vrijwilligers': 'true' moet een groep velden op de regels eronder zijn"]),
    ("the field's name misspelt", "vrijwilliger: {gezocht: [maatje]}\n",
     [f"{F}:{LAST}: veld 'vrijwilliger' is onbekend. Bedoel je 'vrijwilligers'?"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "extra", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_gives_its_line(region, name, extra, expected):
    assert errors(region, extra) == expected


@pytest.mark.parametrize(
    "extra",
    [
        "vrijwilligers: {gezocht: [trainer, begeleider, maatje, chauffeur, bestuur, overig]}\n",
        "vrijwilligers:\n  gezocht: [maatje]\n  toelichting: " + "é" * 300 + "\n",
    ],
)
def test_valid_volunteers_pass(region, extra):
    assert errors(region, extra) == []


def test_every_task_has_plain_words_in_the_order_of_the_schema():
    schema = load_schema("offer")["properties"]["vrijwilligers"]
    assert list(TAKEN) == schema["properties"]["gezocht"]["items"]["enum"]
    assert TAKEN == {
        "trainer": "trainer",
        "begeleider": "begeleider bij het sporten",
        "maatje": "sportmaatje",
        "chauffeur": "chauffeur",
        "bestuur": "bestuurslid",
        "overig": "iets anders",
    }
