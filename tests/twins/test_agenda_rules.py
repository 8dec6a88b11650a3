"""The agenda's rules in Python (twins/agenda_rules.py): how a link is read and said back, and
the table of cases that tests/browser/test_agenda_pages.py also runs through agenda_rules.js."""

from __future__ import annotations

import pytest

from agenda_rule_cases import EVENTS, KNOWN, RULES, cases
from sportwijzer.twins import agenda_rules


@pytest.mark.parametrize(
    ("params", "state", "problems"),
    [
        ([["beperking", "rolstoel"], ["beperking", "rolstoel"]],
         {"beperking": ["rolstoel"], "gemeente": "", "doelgroep": ""}, []),
        ([["gemeente", "Zwolle"]], {"beperking": [], "gemeente": "", "doelgroep": ""},
         [["gemeente", "Gemeente ‘Zwolle’ kennen we niet. Kies er een uit de lijst."]]),
        ([["doelgroep", "x" * 40]], {"beperking": [], "gemeente": "", "doelgroep": ""},
         [["doelgroep", f"Voor wie ‘{'x' * 30}…’ kennen we niet. Kies er een uit de lijst."]]),
        ([["gemeente", "kampen"], ["gemeente", "zwolle"], ["q", "judo"]],
         {"beperking": [], "gemeente": "kampen", "doelgroep": ""}, []),
    ],
)  # fmt: skip
def test_a_link_read_and_what_is_said_back(params, state, problems):
    assert agenda_rules.read_params(params, KNOWN) == {"state": state, "problems": problems}


def test_the_rule_table_covers_every_rule_and_python_answers_it():
    table = cases()
    assert {name for name, _ in table} == {
        "read_params", "to_params", "filtered", "matches", "is_over", "count_text",
    }  # fmt: skip
    for name, args in table:
        getattr(agenda_rules, name)(*args)
    assert agenda_rules.matches(EVENTS[2], {"beperking": ["lichamelijk"], "gemeente": "",
                                            "doelgroep": ""}, RULES)  # fmt: skip
    assert agenda_rules.is_over("2027-04-17", "2027-04-18")
    assert not agenda_rules.is_over("2027-04-17", "2027-04-17")
    assert not agenda_rules.is_over("17-04-2027", "2027-04-18")
    assert agenda_rules.count_text(0, True) == "Geen evenementen gevonden. Kies minder filters."
    assert agenda_rules.count_text(2, False) == ""
    assert agenda_rules.count_text(2, True) == "2 evenementen gevonden."
