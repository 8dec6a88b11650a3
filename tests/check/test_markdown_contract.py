"""What a description may hold (issue #26, item 5): paragraphs, lists, links, bold and simple
tables with a header row. The page shows exactly that, never a '|' row or '**'; anything else
gets a warning in make check, with its line."""

from __future__ import annotations

import html
import re

import pytest

from check.test_event_checks import VALID_EVENT
from conftest import TODAY, VALID_OFFER, write
from sportwijzer.base.markdown_safe import HTML, IMAGE, IMAGE_ELSEWHERE, IMAGE_GONE, render
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.markdown_contract import (
    CODE,
    HEADING,
    PLAIN_SUMMARY,
    QUOTE,
    STARS,
    TABLE,
    contract_warnings,
)
from sportwijzer.site import load_site

SCHEDULE = (
    "Onze tijden:\n\n| dag | tijd |\n|:---|---:|\n| **maandag** | 19:00 |\n| vrijdag | 10:00 |"
)

# What the contract allows: (id, text)
ALLOWED = [
    ("paragraphs", "Je zwemt in een kleine groep.\n\nEr zijn twee trainers."),
    ("bold", "Neem **een handdoek** mee."),
    ("bold-over-two-lines", "Neem **een handdoek\nen slippers** mee."),
    ("italic", "Dat is *heel* fijn."),
    ("list", "Neem mee:\n\n- een handdoek\n- slippers"),
    ("list-right-after-a-line", "Neem mee:\n- een handdoek\n- slippers"),
    ("numbered-list", "1. Kleed je om.\n2. Ga naar het bad."),
    ("links", "Zie [de site](https://example.org) of mail [ons](mailto:a@example.org)."),
    ("a-bare-link", "Kijk op <https://example.org>."),
    ("schedule", SCHEDULE),
    ("table-without-outer-bars", "Tijden:\n\ndag | tijd\n--- | ---\nmaandag | 19:00"),
    ("a-comparison", "Voor wie 8 < 12 jaar is, en 5 > 3."),
]  # fmt: skip

# What gets a warning: (id, text, [(line, message)])
WARNED = [
    ("heading", "Over ons\n\n# Wie we zijn", [(3, HEADING)]),
    ("heading-underlined", "Wie we zijn\n===========\n\nTekst.", [(2, HEADING)]),
    ("quote", "> Het is fijn!", [(1, QUOTE)]),
    ("image", "Kijk: ![de zaal](https://example.org/zaal.png)", [(1, IMAGE.format(
        src="https://example.org/zaal.png", how=IMAGE_GONE, why=IMAGE_ELSEWHERE,
        fix="maak er een link van: [de zaal](https://example.org/zaal.png)"))]),
    ("html", "Dat is <b>fijn</b>.", [(1, HTML.format(tag="<b>"))]),
    ("code", "Typ `hallo`.", [(1, CODE)]),
    ("code-block", "Tekst.\n\n```\ncode\n```", [(3, CODE)]),
    ("table-right-below-a-line", "Tijden:\n| dag | tijd |\n|---|---|\n| ma | 19:00 |",
     [(2, TABLE)]),
    ("table-without-header-row", "Tijden:\n\n| maandag | 19:00 |\n| vrijdag | 10:00 |",
     [(3, TABLE)]),
    ("stars-with-spaces", "Neem ** een handdoek ** mee.", [(1, STARS)]),
]  # fmt: skip


def shown(text: str) -> str:
    """What a reader sees of the rendered text: the words, no tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", render(text)))


@pytest.mark.parametrize("text", [c[1] for c in ALLOWED], ids=[c[0] for c in ALLOWED])
def test_what_the_contract_allows_gets_no_warning_and_no_markdown_on_the_page(text):
    assert contract_warnings(text) == []
    assert "**" not in shown(text)
    assert not [line for line in shown(text).splitlines() if line.lstrip().startswith("|")]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in WARNED], ids=[c[0] for c in WARNED])
def test_anything_else_gets_a_warning_with_its_line(text, expected):
    assert contract_warnings(text) == expected


def test_a_schedule_renders_as_a_table_with_a_header_row():
    page = render(SCHEDULE)
    assert "<table>\n<thead>\n<tr>\n" in page
    assert '<th scope="col" align="left">dag</th>' in page
    assert '<th scope="col" align="right">tijd</th>' in page
    assert '<td align="left"><strong>maandag</strong></td>' in page
    assert "style=" not in page  # the page's policy allows no inline style
    assert "|" not in shown(SCHEDULE)


def test_the_table_on_the_offer_event_and_partner_pages(region):
    block = "".join(f"  {line}\n" if line else "\n" for line in SCHEDULE.splitlines())
    write(region, "offers/a.yml", VALID_OFFER + f"beschrijving: |\n{block}")
    write(region, "agenda/a.yml", VALID_EVENT + f"beschrijving: |\n{block}")
    partner = (region / "partners" / "judoclub-de-mat.md").read_text(encoding="utf-8")
    write(region, "partners/judoclub-de-mat.md", partner + "\n" + SCHEDULE + "\n")
    result = load_site(region, today=TODAY)
    assert result.ok, result.problems
    site = result.site
    pages = [
        site.aanbod["a"].beschrijving_html,
        site.evenementen["a"].beschrijving_html,
        site.partners["judoclub-de-mat"].beschrijving_html,
    ]
    for page in pages:
        assert '<th scope="col" align="left">dag</th>' in page
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert "|" not in text and "**" not in text
    mine = ("offers/a.yml", "agenda/a.yml", "partners/judoclub-de-mat.md")
    assert not [p for p in result.problems if p.path in mine]


@pytest.mark.parametrize(
    ("summary", "mark"),
    [("Zwemmen met **twee** trainers.", "**"), ("Zie [de site](https://a.nl).", "](")],
)
def test_a_summary_is_plain_text(region, summary, mark):
    offer = VALID_OFFER.replace("Zwemmen in een kleine groep met extra begeleiding.", summary)
    write(region, "offers/a.yml", offer)
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    assert [p.format() for p in problems if p.path == "offers/a.yml"] == [
        f"offers/a.yml:5: let op: veld 'samenvatting': {PLAIN_SUMMARY.format(mark=mark)}"
    ]


def test_make_check_warns_with_the_file_line(region):
    write(region, "offers/a.yml", VALID_OFFER + "beschrijving: |\n  Tekst.\n\n  ## Tijden\n")
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    assert [p.format() for p in problems if p.path == "offers/a.yml"] == [
        f"offers/a.yml:18: let op: veld 'beschrijving': {HEADING}"
    ]
