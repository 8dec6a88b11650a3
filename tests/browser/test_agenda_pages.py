"""The agenda in the browser: its filters' rules agree with Python's, the page hides what has
passed since the build by the browser's own clock, the filters live in the address, the list
is in sight at 390 and 1280 px, there is a plain list without JavaScript, axe finds nothing on
agenda/ and an event page, and the finder's words find events in a group of their own."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from agenda_rule_cases import cases
from sportwijzer.build.agenda_pages import matching
from sportwijzer.twins import agenda_rules

from .harness import (
    WIDTHS,
    assert_in_sight,
    assert_no_axe_violations,
    demo_site,
    set_width,
    visit,
    wait_ready,
)
from .test_zoekbalk import suggest

ITEMS = "#sw-agenda-lijst li.sw-evenement"
SHOWN = "#sw-agenda-lijst li.sw-evenement:not([hidden]) .sw-evenement__titel a"


def camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m[1].upper(), name)


@pytest.fixture(scope="module")
def demo():
    """The demo region as the session's build saw it (the build day is today in Amsterdam)."""
    return demo_site()


def titles(page, *, scripted: bool = True) -> list[str]:
    """The titles of the events in view; with JavaScript, once agenda.js has filtered the list
    (its ready signal)."""
    if scripted:
        wait_ready(page, "agenda")
        assert page.locator("#sw-agenda-filters").is_visible()
    return page.locator(SHOWN).all_text_contents()


def test_the_browser_module_and_the_python_rules_agree_on_every_case(page):
    table = cases()
    visit(page, "javascripts/agenda_rules.js")
    answers = page.evaluate(
        """async ([url, table]) => {
            const rules = await import(url);
            return table.map(([name, args]) => rules[name](...args));
        }""",
        [page.url, [[camel(name), args] for name, args in table]],
    )
    differ = [
        (name, args, mine, theirs)
        for (name, args), theirs in zip(table, answers, strict=True)
        if (mine := getattr(agenda_rules, name)(*args)) != theirs
    ]
    assert not differ, f"{len(differ)} of {len(table)} differ, first: {differ[:3]}"


def test_events_that_passed_since_the_build_are_hidden_by_the_browser_clock(page, demo):
    coming = demo.komend
    later = coming[2].tot_datum + dt.timedelta(days=1)  # the first three (at least) are over
    page.clock.set_fixed_time(dt.datetime.combine(later, dt.time(10, 0)))
    visit(page, "agenda/")
    expected = [e.titel for e in coming if e.tot_datum >= later]
    assert len(expected) < len(coming) - 2
    assert titles(page) == expected
    assert page.locator(ITEMS).count() == len(coming)  # still in the page, only hidden
    for section in page.locator("#sw-agenda-lijst .sw-maand").all():
        visible = section.locator("li.sw-evenement:not([hidden])").count()
        assert section.is_hidden() == (visible == 0)


def test_on_the_build_day_every_coming_event_is_shown(page, demo):
    visit(page, "agenda/")
    assert titles(page) == [e.titel for e in demo.komend]
    assert page.locator("#sw-agenda-aantal").text_content() == ""


def test_filters_from_the_address_and_back_into_it(page, demo):
    visit(page, "agenda/?beperking=visueel&doelgroep=sporters&gemeente=onbekend")
    state = {"beperking": ["visueel"], "gemeente": "", "doelgroep": "sporters"}
    expected = [e.titel for e in matching(demo.komend, state)]
    assert 0 < len(expected) < len(demo.komend)
    assert titles(page) == expected
    assert page.locator("#sw-agenda-problemen").text_content() == (
        "Gemeente ‘onbekend’ kennen we niet. Kies er een uit de lijst."
    )
    assert page.locator("#sw-ab-visueel").is_checked()
    page.select_option("#sw-agenda-doelgroep", "")
    page.wait_for_url(re.compile(r"/agenda/\?beperking=visueel$"))
    state["doelgroep"] = ""
    assert titles(page) == [e.titel for e in matching(demo.komend, state)]
    count = len(matching(demo.komend, state))
    assert page.locator("#sw-agenda-aantal").text_content() == f"{count} evenementen gevonden."
    page.go_back()
    page.wait_for_url(re.compile(r"doelgroep=sporters"))
    assert titles(page) == expected


def test_without_javascript_a_plain_list_and_no_filters(page_without_js, demo):
    visit(page_without_js, "agenda/?beperking=visueel")
    assert titles(page_without_js, scripted=False) == [e.titel for e in demo.komend]
    assert page_without_js.locator("#sw-agenda-filters").is_hidden()
    months = page_without_js.locator(".sw-maand__kop").all_text_contents()
    assert months[0].split()[1].isdigit() and months[0][0].isupper()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_list_is_in_sight_and_on_top(page, width, height):
    set_width(page, width, height)
    visit(page, "agenda/")
    first = page.locator(SHOWN).first  # on the first screen: the filters are folded
    assert_in_sight(page, first.element_handle(), f"the first event at {width} px")


def test_the_subscribe_block_and_an_event_page_link_work(page, server, demo):
    visit(page, "agenda/")
    webcal = page.get_attribute(".sw-abonneren a[href^='webcal:']", "href")
    assert webcal == "webcal://" + server.split("://", 1)[1] + "agenda/agenda.ics"
    assert page.locator(".sw-adres-kopie").text_content() == server + "agenda/agenda.ics"
    page.locator(SHOWN).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").text_content() == demo.komend[0].titel
    ics = page.get_attribute(".sw-in-agenda a", "href")
    assert ics == f"../{demo.komend[0].slug}.ics"
    answer = page.request.get(page.url + ics)
    assert answer.status == 200 and b"BEGIN:VCALENDAR" in answer.body()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["agenda/", "agenda/boccia-toernooi-heino/"])
def test_no_accessibility_violations(page, width, path):
    set_width(page, width)
    visit(page, path)
    assert_no_axe_violations(page, f"{path} at {width} px")


def test_the_finder_shows_events_its_words_find_under_agenda(page):
    visit(page, "aanbod/?q=goalball")
    wait_ready(page, "finder")
    group = page.locator("#sw-agenda-treffers")
    assert group.is_visible()
    assert group.locator("h2").text_content() == "Agenda"
    link = group.locator("a").first
    assert link.text_content() == "Kennismaken met goalball"
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/agenda/kennismaken-goalball-zwolle/")


def test_the_header_search_suggests_events_in_their_own_group(page):
    visit(page, "")
    assert ("Agenda", "Kennismaken met goalball") in [
        (group, text.split(",")[0]) for group, text, _ in suggest(page, "goalball")
    ]
