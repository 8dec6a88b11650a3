"""Ask the desk from where people get stuck, and the volunteers page, as a person sees them:
the zero-results link in sight and on top, the help form filled in from the finder's filters,
the mail link exactly as twins/desk.py makes it, the page without JavaScript, and axe."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from sportwijzer.twins import desk

from .harness import (
    WIDTHS,
    assert_in_sight,
    assert_no_axe_violations,
    set_width,
    visit,
    wait_ready,
)

NOTHING = "aanbod/?beperking=visueel&sport=goalball&gemeente=hattem&leeftijd=12&q=bal&km=10"
ASKED = "hulp-bij-zoeken/?beperking=visueel&sport=goalball&gemeente=hattem&leeftijd=12"


def mail_of(page, form: dict) -> dict:
    setup = json.loads(page.locator("#sw-vraag-gegevens").text_content())
    return desk.mail(form, setup["labels"], setup["loket"])


@pytest.mark.parametrize("width", [390, 1280])
def test_from_zero_results_the_desk_link_is_in_sight_and_opens_the_form_filled_in(page, width):
    set_width(page, width)
    visit(page, NOTHING)
    wait_ready(page, "finder")
    assert page.locator("#sw-geen").is_visible()
    link = page.locator("#sw-vraag-loket")
    assert link.text_content().strip() == "Niets gevonden? Vraag het sportloket"
    assert link.get_attribute("href") == "../" + ASKED  # the filters only: no q, no km
    link.scroll_into_view_if_needed()
    assert_in_sight(page, link.element_handle(), "the link to the desk")
    link.click()
    page.wait_for_url(f"**/{ASKED}")
    wait_ready(page, "vraag")
    assert page.locator("#sw-vraag").is_visible()
    assert page.locator("#sw-v-gemeente").input_value() == "hattem"
    assert page.locator("#sw-v-sport").input_value() == "goalball"
    assert page.locator("#sw-v-leeftijdsgroep").input_value() == "kind"
    checked = page.locator("input[name=beperking]:checked")
    assert [checked.nth(i).get_attribute("value") for i in range(checked.count())] == ["visueel"]
    filled = desk.empty_form() | {
        "gemeente": "hattem", "beperking": ["visueel"], "leeftijdsgroep": "kind",
        "sport": "goalball",
    }  # fmt: skip
    expected = mail_of(page, filled)
    assert expected["onderwerp"] == "Hulp bij zoeken: Goalball in Hattem"
    mail = page.locator("#sw-vraag-mail")
    assert mail.get_attribute("href") == expected["href"]
    page.locator("#sw-v-vraag").fill("Mijn dochter (12) & ik: 100% #goalball?\nGraag 😀")
    filled["vraag"] = "Mijn dochter (12) & ik: 100% #goalball?\nGraag 😀"
    expected = mail_of(page, filled)
    assert mail.get_attribute("href") == expected["href"]
    body = unquote(expected["href"].split("&body=")[1])
    assert body.endswith("Mijn vraag:\r\nMijn dochter (12) & ik: 100% #goalball?\r\nGraag 😀\r\n")
    assert "Aan: loket@example.org\nOnderwerp: Hulp bij zoeken: Goalball in Hattem" in (
        page.locator("#sw-vraag-voorbeeld").text_content()
    )
    mail.scroll_into_view_if_needed()
    assert_in_sight(page, mail.element_handle(), "the button that makes the mail")


def test_without_javascript_the_help_page_is_phone_and_a_plain_mail(page_without_js):
    page = page_without_js
    visit(page, ASKED)
    assert page.locator("#sw-vraag").is_hidden()  # no script to show it
    phone = page.locator("a[href^='tel:']", has_text="Bel 038 123 45 67")
    assert phone.get_attribute("href") == "tel:+31381234567"
    plain = page.locator("#sw-gewone-mail")
    assert plain.is_visible()
    expected = desk.blank_mail({"naam": "Sportloket IJssel-Vecht", "email": "loket@example.org"})
    assert plain.get_attribute("href") == expected
    address = page.locator("#sw-loket-adres")
    assert address.is_visible()
    assert address.inner_text() == (
        "Langskomen kan ook: Sportloket IJssel-Vecht, Voorbeeldstraat 1, 8011 AB Zwolle"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [ASKED, "vrijwilligers/", "vrijwilligers/zwolle/"])
def test_axe_finds_nothing_on_the_new_pages(page, path, width):
    set_width(page, width)
    visit(page, path)
    if path.startswith("hulp"):
        wait_ready(page, "vraag")
        page.locator("#sw-v-vraag").fill("Een vraag\nover twee regels")
    assert_no_axe_violations(page, f"{path} at {width} px")
