"""The mail to the regional desk (hooks/sportwijzer/twins/desk.py): the exact subject, text and
mailto: link for a set of finder states, and what a link may carry to the help page.
The browser's twin (javascripts/desk.js) runs the same table in tests/browser/test_desk_rules.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from desk_cases import EMOJI_AT_THE_CUT, KNOWN, LABELS, LOKET, LONG, cases, form
from sportwijzer.check import demand_checks
from sportwijzer.twins import desk, finder_rules

HEAD = "Beste Sportloket IJssel-Vecht,\n\n" + (
    "Ik zoek een sport of een manier om te bewegen. Kunnen jullie met mij meedenken?\n"
)
HEAD_LINK = (
    "Beste%20Sportloket%20IJssel-Vecht%2C%0D%0A%0D%0AIk%20zoek%20een%20sport%20of%20een%20"
    "manier%20om%20te%20bewegen.%20Kunnen%20jullie%20met%20mij%20meedenken%3F%0D%0A"
)


def mail(**changes):
    return desk.mail(form(**changes), LABELS, LOKET)


def test_an_empty_form_gives_a_greeting_and_the_question_only():
    assert mail() == {
        "onderwerp": "Hulp bij zoeken naar sport",
        "tekst": HEAD,
        "href": "mailto:loket@example.org?subject=Hulp%20bij%20zoeken%20naar%20sport"
        f"&body={HEAD_LINK}",
    }


def test_every_choice_is_one_line_with_its_dutch_name():
    result = mail(
        gemeente="olst-wijhe",
        beperking=["autisme", "visueel"],
        leeftijdsgroep="kind",
        sport="judo",
        vraag="Mijn zoon (12) wil graag judoën.",
    )
    assert result["onderwerp"] == "Hulp bij zoeken: Judo in Olst-Wijhe"
    assert result["tekst"] == HEAD + (
        "\n"
        "Gemeente: Olst-Wijhe\n"
        "Beperking: Autisme, Visueel\n"
        "Leeftijd: kind (0 tot en met 12 jaar)\n"
        "Sport: Judo\n"
        "\n"
        "Mijn vraag:\n"
        "Mijn zoon (12) wil graag judoën.\n"
    )
    assert result["href"] == (
        "mailto:loket@example.org?subject=Hulp%20bij%20zoeken%3A%20Judo%20in%20Olst-Wijhe"
        f"&body={HEAD_LINK}%0D%0AGemeente%3A%20Olst-Wijhe%0D%0ABeperking%3A%20Autisme%2C%20Visueel"
        "%0D%0ALeeftijd%3A%20kind%20%280%20tot%20en%20met%2012%20jaar%29%0D%0ASport%3A%20Judo"
        "%0D%0A%0D%0AMijn%20vraag%3A%0D%0AMijn%20zoon%20%2812%29%20wil%20graag%20judo%C3%ABn."
        "%0D%0A"
    )


@pytest.mark.parametrize(
    ("changes", "onderwerp"),
    [
        ({"gemeente": "kampen"}, "Hulp bij zoeken: sport in Kampen"),
        ({"sport": "zwemmen"}, "Hulp bij zoeken: Zwemmen"),
        ({"gemeente": "kampen", "sport": "zwemmen"}, "Hulp bij zoeken: Zwemmen in Kampen"),
        ({"leeftijdsgroep": "senior", "beperking": ["rolstoel"]}, "Hulp bij zoeken naar sport"),
        ({"gemeente": "onbekend", "sport": "kok"}, "Hulp bij zoeken naar sport"),
    ],
)
def test_the_subject_names_sport_and_municipality(changes, onderwerp):
    assert mail(**changes)["onderwerp"] == onderwerp


@pytest.mark.parametrize(
    ("vraag", "in_body"),
    [
        ("Tom & Jerry #1 100% zeker? a+b=c",
         "Tom%20%26%20Jerry%20%231%20100%25%20zeker%3F%20a%2Bb%3Dc"),
        ("regel 1\nregel 2\r\nregel 3\rregel 4",
         "regel%201%0D%0Aregel%202%0D%0Aregel%203%0D%0Aregel%204"),
        ("zwemmen 😀 ß", "zwemmen%20%F0%9F%98%80%20%C3%9F"),
        ("'quotes' (haakjes) *ster* !uitroep ~tilde",
         "%27quotes%27%20%28haakjes%29%20%2Aster%2A%20%21uitroep%20~tilde"),
        ("nul\x00bel\x07tab\tdel\x7f", "nulbeltab%09del"),
        ("<script>alert(1)</script>", "%3Cscript%3Ealert%281%29%3C%2Fscript%3E"),
    ],
)  # fmt: skip
def test_odd_input_is_encoded_so_that_it_stays_in_the_body(vraag, in_body):
    href = mail(vraag=vraag)["href"]
    assert href.endswith(f"Mijn%20vraag%3A%0D%0A{in_body}%0D%0A")
    query = urlsplit(href).query
    assert query.count("&") == 1 and query.count("=") == 2  # nothing breaks out of the body
    assert set(parse_qs(query)) == {"subject", "body"}


def test_a_mail_program_reads_back_exactly_the_text():
    result = mail(gemeente="kampen", vraag="a & b\n# 100% 😀")
    query = urlsplit(result["href"]).query
    body = unquote(query.split("&body=")[1])
    assert body == result["tekst"].replace("\n", "\r\n")
    assert "a & b\r\n# 100% 😀\r\n" in body


def test_blank_text_leaves_the_question_out():
    assert mail(vraag="  \n\t  ")["tekst"] == HEAD


def test_very_long_text_is_cut_at_1000_characters():
    tekst = mail(vraag=LONG)["tekst"]
    assert tekst == HEAD + "\nMijn vraag:\n" + LONG.strip()[:1000] + "…\n"
    # an emoji counts as one character, as in the browser (which counts code points too)
    assert desk.clean_text(EMOJI_AT_THE_CUT) == "a" * 999 + "😀…"
    assert len(mail(vraag=LONG)["href"]) < 4000


def test_the_body_holds_only_what_was_chosen_or_written():
    """Unknown values (from a tampered link) and the other fields never reach the mail."""
    tekst = mail(gemeente="onbekend", sport="kok", beperking=["blind", "__proto__"])["tekst"]
    assert tekst == HEAD
    only_sport = mail(sport="zwemmen")["tekst"]
    assert only_sport == HEAD + "\nSport: Zwemmen\n"


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([["leeftijd", "12"]], "kind"),
        ([["leeftijd", "13"]], "jongere"),
        ([["leeftijd", "64"]], "volwassene"),
        ([["leeftijd", "65"]], "senior"),
        ([["leeftijd", "121"]], ""),
        ([["leeftijd", "12abc"]], ""),
        ([["leeftijd", "12"], ["leeftijdsgroep", "senior"]], "senior"),
    ],
)
def test_an_age_from_the_finder_becomes_the_desks_age_group(pairs, expected):
    assert desk.read_help_params(pairs, KNOWN)["leeftijdsgroep"] == expected


def test_free_text_and_search_words_never_come_from_a_link():
    pairs = [["vraag", "mag niet"], ["q", "zwemmen"], ["sport", "zwemmen"], ["bij", "kampen"]]
    assert desk.read_help_params(pairs, KNOWN) == form(sport="zwemmen")


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("", "hulp-bij-zoeken/"),
        ("?q=zwemmen&bij=kampen&km=10&toon=100", "hulp-bij-zoeken/"),
        (
            "?q=avond&beperking=autisme&beperking=visueel&sport=zwemmen&gemeente=kampen"
            "&leeftijd=12&bij=kampen&km=10&kenmerk=gratis",
            "hulp-bij-zoeken/?beperking=autisme&beperking=visueel&sport=zwemmen&gemeente=kampen"
            "&leeftijd=12",
        ),
        ("?leeftijd=12abc&sport=judo", "hulp-bij-zoeken/?sport=judo"),
    ],
)
def test_the_finder_passes_only_its_filters_with_the_same_names(query, url):
    known = {
        "beperking": ["autisme", "visueel"],
        "sport": ["zwemmen", "judo"],
        "gemeente": ["kampen"],
        "bij": ["kampen"],
        "km": ["10"],
        "kenmerk": ["gratis"],
    }
    pairs = [p.split("=") for p in query.lstrip("?").split("&") if p]
    state = finder_rules.read_params(pairs, known)["state"]
    assert desk.help_url(desk.help_params(state)) == url


def test_the_age_groups_are_the_demand_records_groups():
    assert list(desk.GROUPS) == list(demand_checks.LEEFTIJDSGROEPEN)
    for name, (low, high) in desk.GROUPS.items():
        assert demand_checks.LEEFTIJDSGROEPEN[name][0] == low
        assert high == min(demand_checks.LEEFTIJDSGROEPEN[name][1], finder_rules.AGE_MAX)


def test_without_javascript_the_plain_link_asks_the_same_questions():
    href = desk.blank_mail(LOKET)
    assert href == (
        "mailto:loket@example.org?subject=Hulp%20bij%20zoeken%20naar%20sport"
        f"&body={HEAD_LINK}%0D%0AGemeente%3A%0D%0ABeperking%3A%0D%0ALeeftijd%3A%0D%0A"
        "Sport%20%28als%20je%20die%20al%20weet%29%3A%0D%0A%0D%0AMijn%20vraag%3A%0D%0A"
    )


def test_every_case_of_the_shared_table_runs_in_python():
    table = cases()
    assert len(table) >= 100
    for name, args in table:
        getattr(desk, name)(*args)
