"""End to end: the toolkit pages show the lists from toolkit/*.yml, before their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TOOLKIT_EDITS

(_, OLD_PUNT, NEW_PUNT), (_, OLD_NAAM, NEW_NAAM) = TOOLKIT_EDITS


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


@pytest.fixture(scope="module")
def built(changed_build) -> Path:
    """regio-a with two toolkit lines changed (conftest's changed build)."""
    return changed_build.root


def test_a_checklist_line_changed_in_the_yaml_shows_on_the_page(built):
    html = article(page(built, "toolkit/stap-1-initiatief"))
    assert NEW_PUNT in html and OLD_PUNT not in html
    assert html.count('<span class="sw-vakje" aria-hidden="true">☐</span>') == 9


def test_a_meerkamp_name_changed_in_the_yaml_shows_escaped_on_both_pages(built):
    for url in ("toolkit/meedoen-meerkamp", "toolkit/zelftest"):
        html = article(page(built, url))
        assert "Tijd, geld &amp; mensen" in html, url
        assert "Randvoorwaarden" not in html, url


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("toolkit/stap-1-initiatief", NEW_PUNT),
        ("toolkit/stap-4-borgen", "We communiceren met één naam, logo en website."),
        ("toolkit/succesfactoren", "Werk vanuit een gedeelde passie"),
        ("toolkit/meedoen-meerkamp", "Zicht krijgen op effecten"),
        ("toolkit/meedoen-meerkamp", "Zien de partnerorganisaties wat de samenwerking"),
        ("toolkit/meten-en-laten-zien", "Aantal trainers dat een cursus heeft gevolgd"),
        ("toolkit/financiering", "Regeling voor buurtsportcoaches"),
        ("toolkit/zelftest", "We durven het plan aan te passen als het niet werkt."),
    ],
)
def test_each_list_stands_before_the_sources(built, url, text):
    html = article(page(built, url))
    assert text in html
    assert html.index(text) < html.index('<h2 id="bronnen">Bronnen</h2>')
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", html)[-1] == "Bronnen"


def test_the_succesfactoren_stand_under_their_heading_and_the_score_table_after(built):
    html = article(page(built, "toolkit/succesfactoren"))
    order = ['id="de-vijf-factoren"', 'id="factor-gedeelde-passie"', 'id="scoor-jezelf"',
             "<th scope=\"col\">Score 1–5</th>", 'id="bronnen"']  # fmt: skip
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_the_self_test_is_a_plain_form_that_sends_nothing(built):
    html = article(page(built, "toolkit/zelftest"))
    form = html[html.index("<form") : html.index("</form>")]
    assert "action=" not in form and "method=" not in form
    assert form.count("<fieldset") == 12 and form.count("<legend>") == 12
    assert form.count('type="radio"') == 60
    for radio in re.findall(r'<input type="radio" id="([^"]+)"', form):
        assert f'<label for="{radio}">' in form
    assert len(re.findall(r"<button [^>]*hidden>", form)) == 3
    assert '<a href="../financiering/">Financiering</a>' in form
    assert '<script type="module" src="../../javascripts/zelftest.js"></script>' in html


def test_only_the_self_test_loads_its_script(built):
    assert "zelftest.js" not in page(built, "toolkit/meedoen-meerkamp")
    assert "zelftest.js" not in page(built, "")


@pytest.mark.parametrize(
    ("url", "heading", "text", "next_heading"),
    [
        ("toolkit/waarom-samenwerken", "herken-je-dit-in-jouw-regio",
         "Het aanbod sluit niet goed aan bij hun wensen", "wat-samenwerken-oplevert"),
        ("toolkit/communicatie", "praat-met-de-mensen-voor-wie-het-is", "Wat missen ze?",
         "ambassadeurs"),
        ("toolkit/coordinator", "zeven-eigenschappen-van-een-goede-coordinator",
         "Heeft een groot netwerk.", "een-goede-coordinator-valt-weinig-op"),
        ("toolkit/activiteiten", "maak-sport-een-vast-onderdeel-van-het-werk-van-partners",
         "Staat sport en bewegen in het behandelplan", "binnen-en-buiten-het-veld"),
    ],
)  # fmt: skip
def test_a_checklist_in_the_middle_stays_under_its_heading(built, url, heading, text, next_heading):
    html = article(page(built, url))
    order = [f'<h2 id="{heading}"', text, f'<h2 id="{next_heading}"', '<h2 id="bronnen"']
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "[ ]" not in html
