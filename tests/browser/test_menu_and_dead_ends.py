"""Issue #26, items 4 and 6, as a person sees them on a phone (390 px) and a desktop (1280 px).

- The menu has two parts: the pages for sporters, parents and referrers first, then one entry
  "Voor organisaties" that holds the pages for organisations (on a phone in the drawer).
- No dead ends: an offer's page has the contact button its data allows (Bel, Mail or Naar de
  website) on its first screen; the volunteers page without open tasks says how to help anyway;
  without JavaScript the sportkeuzehulp says first that its questions need it, and links the lists.

The demo serves the menu and the sportkeuzehulp. A copy of regio-a, built once, has one offer per
kind of contact and no offer that looks for volunteers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import shared_build

from .conftest import _guarded_page
from .harness import (
    assert_in_sight,
    assert_no_axe_violations,
    serving,
    set_width,
    visit,
    wait_ready,
)

SIZES = [(390, 844), (1280, 900)]
SIZE_IDS = ["390px", "1280px"]

_MENU_BUTTON = "button.sw-headerknop__drawer"
_TOP = ".md-nav--primary > .md-nav__list > .md-nav__item"
ORGANISATIONS = "Voor organisaties"
FOR_PEOPLE = [
    "Home",
    "Aanbod zoeken",
    "Welke sport past bij mij?",
    "Per sport",
    "Per beperking",
    "Per gemeente",
    "Agenda",
    "Praktische hulp",
    "Partners",
]
FOR_ORGANISATIONS = [
    "Aanbod aanmelden",
    "Zo werk je het aanbod bij",
    "Samenwerkingsverband",
    "Toolkit",
    "Regio-analyse",
    "Open data",
]

# The names of a menu level's entries: a link's text or a section's name.
_NAMES = """items => items.map(li => {
    const entry = li.querySelector(':scope > a.md-nav__link, :scope > label.md-nav__link');
    return entry ? entry.textContent.trim() : '';
})"""


# Whether a person can see the element: inside the window and on top at its centre.
_ON_TOP = """el => [...el.getClientRects()].some(r => {
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0) return false;
    if (r.top >= innerHeight || r.left >= innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
})"""


def open_menu(page, size: tuple[int, int], path: str = "") -> None:
    """Open the page; on a phone open the drawer as a person does, with the menu button."""
    set_width(page, *size)
    visit(page, path)
    wait_ready(page, "site")  # the menu button is site.js's
    if size[0] < 1220:  # the theme's drawer lies below 76.25em
        page.locator(_MENU_BUTTON).click()
        assert page.evaluate("() => document.getElementById('__drawer').checked")


def section(page, name: str):
    """A section of the menu by its name: (its label, the panel of pages below it)."""
    label = page.locator(f"{_TOP} > label.md-nav__link", has_text=name)
    panel = page.locator(f'nav[aria-labelledby="{label.get_attribute("id")}"]')
    return label, panel


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_menu_has_the_pages_for_people_first_and_one_entry_for_organisations(
    page, server, size
):
    open_menu(page, size)
    names = page.locator(_TOP).evaluate_all(_NAMES)
    assert names[: len(FOR_PEOPLE)] == FOR_PEOPLE
    assert names.count(ORGANISATIONS) == 1
    assert names.index(ORGANISATIONS) > names.index("Partners")
    assert not set(names) & set(FOR_ORGANISATIONS)  # none of them on the top level

    label, panel = section(page, ORGANISATIONS)
    assert_in_sight(page, label.element_handle(), "the menu entry 'Voor organisaties'")
    partners = page.locator(f"{_TOP} > a.md-nav__link", has_text="Partners")
    assert partners.bounding_box()["y"] < label.bounding_box()["y"]  # lower in the menu
    assert not panel.locator("a[href]").first.evaluate(_ON_TOP)  # closed until asked

    label.click()
    entries = panel.locator(":scope > ul > li")
    assert entries.evaluate_all(_NAMES) == FOR_ORGANISATIONS
    for name in FOR_ORGANISATIONS:
        entry = panel.locator(":scope > ul > li > .md-nav__link", has_text=name).first
        entry.scroll_into_view_if_needed()
        assert_in_sight(page, entry.element_handle(), f"'{name}' under 'Voor organisaties'")
    assert_no_axe_violations(page, f"the menu's part for organisations at {size[0]} px")

    # The addresses did not change: 'Open data' still leads to open-data/.
    panel.locator("a.md-nav__link", has_text="Open data").click()
    page.wait_for_url(f"{server}open-data/")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("path", ["regio-analyse/", "toolkit/stap-1-initiatief/"])
def test_on_a_page_for_organisations_the_menu_opens_on_its_part(page, size, path):
    open_menu(page, size, path)
    _, panel = section(page, ORGANISATIONS)
    # The current page, inside the part for organisations (on a phone with a table of contents
    # the theme shows it as the label that opens that table).
    current = panel.locator(".md-nav__link--active >> visible=true").last
    assert current.inner_text().strip() == page.locator(".md-content h1").inner_text().strip()
    current.scroll_into_view_if_needed()
    assert_in_sight(page, current.element_handle(), f"the current page in the menu of {path}")


# --- the sportkeuzehulp without JavaScript ---------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_without_javascript_the_sport_questions_say_first_that_they_need_it(
    page_without_js, server, size
):
    page = page_without_js
    set_width(page, *size)
    visit(page, "keuzehulp/")
    notice = page.locator("#sw-keuzehulp-zonder-js")
    assert_in_sight(page, notice.element_handle(), "the notice that the questions need JavaScript")
    assert "werken alleen met JavaScript" in notice.inner_text()
    # No question that does not count: the form is not there for a reader.
    assert page.locator("form.sw-keuzehulp").is_hidden()
    assert page.get_by_text("Vraag 1 van 6").is_hidden()
    # The notice comes right after the page's heading, before anything else to read.
    heading = page.locator(".md-content h1")
    assert heading.bounding_box()["y"] < notice.bounding_box()["y"]

    # It links the lists per sport and per impairment, and they open.
    for name, path in [("aanbod per sport", "sport/"), ("aanbod per beperking", "beperking/")]:
        link = notice.get_by_role("link", name=name)
        assert_in_sight(page, link.element_handle(), f"the link '{name}'")
        link.click()
        page.wait_for_url(f"{server}{path}")  # and its load: no script runs on this page
        assert page.locator(".md-content a[href]").count() > 3
        visit(page, "keuzehulp/")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_with_javascript_the_sport_questions_are_there_and_the_notice_is_not(page, size):
    set_width(page, *size)
    visit(page, "keuzehulp/")
    assert page.locator("#sw-keuzehulp-zonder-js").is_hidden()
    first = page.get_by_text("Vraag 1 van 6")
    first.scroll_into_view_if_needed()
    assert_in_sight(page, first.element_handle(), "the first question")
    assert_no_axe_violations(page, f"keuzehulp/ at {size[0]} px")
    # axe-core needs JavaScript itself: it checks the page as it is without, by taking away the
    # class that the page's first script sets (the style sheet shows the notice without it).
    page.evaluate("() => document.documentElement.classList.remove('sw-js')")
    assert page.locator("#sw-keuzehulp-zonder-js").is_visible()
    assert page.locator("form.sw-keuzehulp").is_hidden()
    assert_no_axe_violations(page, f"keuzehulp/ as without JavaScript at {size[0]} px")


# --- a copy of regio-a: one offer per kind of contact, no volunteers wanted -------------------

PHONE_ONLY, MAIL_ONLY, WEBSITE_ONLY = "g-judo-zwolle", "zitvolleybal-wachtlijst", "wandelen-kampen"
# Long, as real addresses can be: the button must break it rather than run off a phone's screen.
LONG_MAIL = "aanmeldingenzitvolleybalengsport@sportverenigingzwollezuid.example.org"


def _one_kind_of_contact_each(root: Path) -> None:
    offers = root / "offers"
    judo = offers / f"{PHONE_ONLY}.yml"
    text = judo.read_text(encoding="utf-8")
    assert "  email: demat@example.org\n" in text
    judo.write_text(text.replace("  email: demat@example.org\n", ""), encoding="utf-8")
    zitvolley = offers / f"{MAIL_ONLY}.yml"
    text = zitvolley.read_text(encoding="utf-8")
    assert 'contact: {telefoon: "038 333 44 55"}' in text
    zitvolley.write_text(
        text.replace('contact: {telefoon: "038 333 44 55"}', f"contact: {{email: {LONG_MAIL}}}"),
        encoding="utf-8",
    )
    data = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in offers.glob("*.yml")}
    kinds = {slug: set(data[slug]["contact"]) for slug in (PHONE_ONLY, MAIL_ONLY, WEBSITE_ONLY)}
    assert kinds == {PHONE_ONLY: {"telefoon"}, MAIL_ONLY: {"email"}, WEBSITE_ONLY: {"website"}}
    assert not any("vrijwilligers" in offer for offer in data.values())


@pytest.fixture(scope="module")
def copy_server(tmp_path_factory):
    """The copy, built once per run, served below /sportwijzer/ as the demo is."""
    build = shared_build(
        tmp_path_factory, "regio-a", name="contact-per-soort", prepare=_one_kind_of_contact_each
    )
    with serving(build.site, "copy-server") as url:
        yield url


@pytest.fixture
def copy_page(browser, copy_server):
    """A guarded page on the copy: nothing off its origin, no console error (conftest.page)."""
    yield from _guarded_page(browser, copy_server)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_without_open_tasks_the_volunteers_page_says_how_to_help_anyway(copy_page, size):
    page = copy_page
    set_width(page, *size)
    visit(page, "vrijwilligers/")
    assert page.locator(".sw-taken, .sw-taak").count() == 0
    heading = page.get_by_role("heading", name="Wil je toch helpen?")
    heading.scroll_into_view_if_needed()
    assert_in_sight(page, heading.element_handle(), "the heading 'Wil je toch helpen?'")
    buttons = {
        "Bel 038 111 22 33": "tel:+31381112233",
        "Mail loket@example.org": (
            "mailto:loket@example.org?subject=Ik%20wil%20helpen%20als%20vrijwilliger"
        ),
    }
    for name, href in buttons.items():
        button = page.get_by_role("link", name=name)
        assert button.get_attribute("href") == href
        button.scroll_into_view_if_needed()
        assert_in_sight(page, button.element_handle(), f"the button '{name}'")
    assert_no_axe_violations(page, f"vrijwilligers/ without tasks at {size[0]} px")


CONTACTS = [
    (PHONE_ONLY, "Bel 038 222 33 44", "tel:+31382223344"),
    (MAIL_ONLY, f"Mail {LONG_MAIL}", f"mailto:{LONG_MAIL}"),
    (WEBSITE_ONLY, "Naar de website", None),  # the offer's own link, read from its contact section
]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize(
    ("slug", "text", "href"), CONTACTS, ids=["phone-only", "mail-only", "website-only"]
)
def test_the_contact_button_fits_the_data_and_is_on_the_first_screen(
    copy_page, size, slug, text, href
):
    page = copy_page
    set_width(page, *size)
    visit(page, f"aanbod/{slug}/")
    buttons = page.locator(".sw-snelcontact a.md-button")
    assert buttons.count() == 1
    button = buttons.first
    assert " ".join(button.inner_text().split()) == text
    if href is None:  # the website: the same address as in the contact section below
        href = page.locator("#contact ~ ul.sw-acties a", has_text="Website").get_attribute("href")
        assert href.startswith("https://")
    assert button.get_attribute("href") == href
    # Without scrolling: on the first screen, above the facts.
    assert page.evaluate("() => window.scrollY") == 0
    assert_in_sight(page, button.element_handle(), f"the contact button of {slug}")
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= size[0], box
    assert page.evaluate("() => document.documentElement.scrollWidth") <= size[0]
    facts = page.locator("#in-het-kort")
    assert button.bounding_box()["y"] < facts.bounding_box()["y"]
    assert_no_axe_violations(page, f"aanbod/{slug}/ at {size[0]} px")
