"""Issue #26, items 4 and 6, without a browser: the menu has two parts and one source (mkdocs.yml's
nav), an offer's contact button fits its data, and the volunteers page without tasks offers a mail
to the desk. tests/browser/test_menu_and_dead_ends.py shows the same in a browser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY
from sportwijzer.build.pages import all_pages
from sportwijzer.model.objects import Contact, ContactButton
from sportwijzer.model.volunteers import volunteer_page
from sportwijzer.site import load_site

ORGANISATIONS = "Voor organisaties"
# The pages for organisations, by their source; every one sits below ORGANISATIONS.
FOR_ORGANISATIONS = {
    "aanmelden/index.md",
    "coordinatoren.md",
    "samenwerkingsverband/index.md",
    "toolkit/index.md",
    "toolkit/stap-1-initiatief.md",
    "regio-analyse/index.md",
    "open-data.md",
}
# The pages for sporters, parents and referrers: every one comes before ORGANISATIONS.
FOR_PEOPLE = {
    "index.md",
    "aanbod/index.md",
    "keuzehulp/index.md",
    "sport/index.md",
    "beperking/index.md",
    "gemeente/index.md",
    "agenda/index.md",
    "hulp/index.md",
    "partners/index.md",
}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as YAML: an !ENV value is read as its default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def nav() -> list:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"]


def sources(entry) -> list[str]:
    """Every page below a nav entry (a path, {title: path} or {title: [entries]}), in order."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [path for item in entry for path in sources(item)]
    return [path for value in entry.values() for path in sources(value)]


def test_the_pages_for_organisations_sit_together_after_the_pages_for_people():
    top = nav()
    titles = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in top]
    assert titles.count(ORGANISATIONS) == 1
    where = titles.index(ORGANISATIONS)
    before = set(sources(top[:where]))
    assert set(sources(top[where])) >= FOR_ORGANISATIONS
    assert before >= FOR_PEOPLE
    assert not before & FOR_ORGANISATIONS
    assert not set(sources(top[where + 1 :])) & (FOR_ORGANISATIONS | FOR_PEOPLE)


def test_every_page_of_the_menu_is_listed_once():
    listed = sources(nav())
    assert len(listed) == len(set(listed))
    for path in listed:
        generated = path.endswith("index.md") and not (REPO / "content" / path).exists()
        assert generated or (REPO / "content" / path).is_file(), path


def test_a_generated_page_is_in_the_menu_exactly_when_mkdocs_yml_lists_it(region: Path):
    """mkdocs.yml's nav is the menu's one source; a generated page's in_nav (which decides whether
    it shares its folder's cached sidebar) must agree with it."""
    result = load_site(region, today=TODAY)
    assert result.site is not None
    pages = all_pages(result.site)
    listed = set(sources(nav()))
    generated = {page.src_uri for page in pages}
    assert {page.src_uri for page in pages if page.in_nav} == listed & generated


PHONE = {"telefoon": "038 123 45 67"}
MAIL = {"email": "info@example.org"}
WEBSITE = {"website": "https://example.org/club"}


def contact(*parts: dict) -> Contact:
    values = {key: value for part in parts for key, value in part.items()}
    if "telefoon" in values:
        values["telefoon_link"] = "tel:+31381234567"
    if "email" in values:
        values["email_link"] = f"mailto:{values['email']}"
    return Contact(**values)


CALL = ContactButton("Bel 038 123 45 67", "tel:+31381234567", "material/phone")
WRITE = ContactButton("Mail info@example.org", "mailto:info@example.org", "material/email")
VISIT = ContactButton("Naar de website", "https://example.org/club", "material/web")


@pytest.mark.parametrize(
    ("parts", "button"),
    [
        ((PHONE,), CALL),
        ((MAIL,), WRITE),
        ((WEBSITE,), VISIT),
        ((PHONE, MAIL, WEBSITE), CALL),
        ((PHONE, WEBSITE), CALL),
        ((MAIL, WEBSITE), WRITE),
        ((), None),
    ],
    ids=["phone", "mail", "website", "all", "phone-website", "mail-website", "none"],
)
def test_the_contact_button_is_the_quickest_way_the_data_offers(parts, button):
    assert contact(*parts).button == button


def test_the_contact_button_of_an_offer_from_its_file(region: Path):
    """regio-a: g-judo has a number and an address, wandelen-kampen only a website."""
    site = load_site(region, today=TODAY).site
    assert site is not None
    offers = site.aanbod
    judo, walk = offers["g-judo-zwolle"].contact.button, offers["wandelen-kampen"].contact.button
    assert judo is not None and (judo.tekst, judo.url) == ("Bel 038 222 33 44", "tel:+31382223344")
    assert walk is not None and (walk.tekst, walk.icoon) == ("Naar de website", "material/web")


def test_without_tasks_the_volunteers_page_offers_a_mail_to_the_desk(region: Path):
    site = load_site(region, today=TODAY).site
    assert site is not None
    view = volunteer_page(site)
    assert view.taken == []
    assert view.loket_mail == (
        "mailto:loket@example.org?subject=Ik%20wil%20helpen%20als%20vrijwilliger"
    )
    kampen = volunteer_page(site, site.regio.gemeente("Kampen"))
    assert kampen.loket_mail.endswith("vrijwilliger%20in%20Kampen")


def test_without_a_desk_address_there_is_no_mail(region: Path):
    regio = region / "regio.yml"
    regio.write_text(
        regio.read_text(encoding="utf-8").replace("  email: loket@example.org\n", ""),
        encoding="utf-8",
    )
    site = load_site(region, today=TODAY).site
    assert site is not None and site.regio.loket.telefoon
    assert volunteer_page(site).loket_mail == ""


class _AskTheDesk(HTMLParser):
    """Every 'vraag het sportloket' in a page's text, and whether it is a link's text."""

    PHRASE = "vraag het sportloket"
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[tuple[str, bool]] = []  # (the text, inside a link or <title>)

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID and tag not in ("source", "track", "wbr", "path", "use"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        if self.PHRASE in " ".join(data.lower().split()) and "script" not in self.open:
            named = bool({"a", "title"} & set(self.open))
            self.found.append((" ".join(data.split()), named))


def test_every_vraag_het_sportloket_of_the_site_is_a_link(regio_a_build):
    """No dead end: where a template or a page of content/ says 'Vraag het sportloket', those
    words are a link (but on the desk's own page, whose title they are). Built from regio-a: a
    coordinator's text may say it too (the demo's zeilkamp does), as plain text on a page that
    has the link."""
    site = regio_a_build.site
    dead, seen = [], 0
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).as_posix() == "hulp-bij-zoeken/index.html":
            continue  # the page every link leads to: its name in the heading and the header
        parser = _AskTheDesk()
        parser.feed(path.read_text(encoding="utf-8"))
        seen += len(parser.found)
        dead += [f"{path.relative_to(site)}: {text}" for text, named in parser.found if not named]
    assert seen > 10
    assert dead == []
