"""The issue "Aanbod nakijken": its exact Markdown, who to call, and the empty case."""

from __future__ import annotations

import io

import pytest

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.tools.cli import main
from sportwijzer.tools.freshness import plain_cell

LINK = "https://github.com/regio/sportwijzer/blob/main"


def issue_lines(region, *extra: str) -> list[str]:
    out = io.StringIO()
    argv = ["verouderd", str(region), "--issue", "--vandaag", TODAY.isoformat(), *extra]
    assert main(argv, out) == 0
    return out.getvalue().splitlines()


def test_issue_lists_two_stale_offers_with_links_and_whom_to_call(region):
    """Name, phone and e-mail come from the offer; what it lacks comes from the partner."""
    write(
        region,
        "offers/zwemmen-oud.yml",
        VALID_OFFER.replace("titel: Zwemmen voor iedereen", "titel: Zwemmen | oud")
        .replace("contact: {email: info@example.org}", 'contact: {telefoon: "038 999 88 77"}')
        .replace("laatst_gecontroleerd: 2026-09-14", "laatst_gecontroleerd: 2025-06-01"),
    )
    assert issue_lines(region, "--link", LINK + "/") == [
        "Dit aanbod is langer dan 12 maanden niet nagekeken (2 in totaal). Vraag de aanbieder of "
        "alles nog klopt en zet dan de datum van vandaag bij 'laatst_gecontroleerd'.",
        "",
        "| Aanbod | Bestand | Laatst gecontroleerd | Contactpersoon | Telefoon | E-mail |",
        "|---|---|---|---|---|---|",
        "| Wandelen langs de IJssel | [offers/wandelen-kampen.yml]"
        f"({LINK}/offers/wandelen-kampen.yml) | 2025-01-15 | – | – | – |",
        "| Zwemmen \\| oud | [offers/zwemmen-oud.yml]"
        f"({LINK}/offers/zwemmen-oud.yml) | 2025-06-01 | Piet de Vries | 038 999 88 77 | "
        "demat@example.org |",
        "",
        "GitHub werkt deze lijst elke maandag bij. Is alles nagekeken? Dan gaat dit issue vanzelf "
        "dicht. Zet hier geen namen van deelnemers of iets over hun gezondheid: een issue is "
        "openbaar.",
    ]


def test_issue_without_link_names_the_file_and_leaves_out_stopped_offers(region):
    """A stopped offer is not on the site, so nobody needs to check it."""
    stopped = region / "offers" / "zwemmen-gestopt.yml"
    stopped.write_text(
        stopped.read_text("utf-8").replace("2026-03-01", "2024-03-01"), encoding="utf-8"
    )
    lines = issue_lines(region)
    assert lines[0].startswith("Dit aanbod is langer dan 12 maanden niet nagekeken (1 in totaal).")
    assert lines[4] == (
        "| Wandelen langs de IJssel | `offers/wandelen-kampen.yml` | 2025-01-15 | – | – | – |"
    )


def test_issue_is_empty_when_everything_is_checked(region):
    """The workflow closes the issue when the body is empty."""
    (region / "offers" / "wandelen-kampen.yml").unlink()
    assert issue_lines(region, "--link", LINK) == []


def test_issue_says_why_there_is_no_list_when_the_data_has_errors(region):
    write(region, "offers/kapot.yml", "titel: [\n")
    assert issue_lines(region) == [
        "De lijst kan niet gemaakt worden: de gegevens hebben 1 fout(en). "
        "Draai 'make check' en los die eerst op."
    ]


# Data in the issue is text: no Markdown, no @mention that notifies, no #123 that links.
INERT_CELLS = [
    (
        "@org/team **x** [link](javascript:alert(1))",
        "@&#8203;org/team \\*\\*x\\*\\* \\[link\\](javascript:alert(1))",
    ),
    ("Zie #12 en GH-3 en org/repo#4", "Zie #&#8203;12 en GH-&#8203;3 en org/repo#&#8203;4"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    (
        "`code` ~~weg~~ _schuin_ $x$ &amp; \\*",
        "\\`code\\` \\~\\~weg\\~\\~ \\_schuin\\_ \\$x\\$ \\&amp; \\\\\\*",
    ),
    ("![beeld](https://example.org/a.png)", "!\\[beeld\\](https://example.org/a.png)"),
    ("Zwemmen | oud\nnieuwe regel", "Zwemmen \\| oud nieuwe regel"),
    ("info@example.org", "info@example.org"),  # an address: no mention, left as it is
    ("Zwemmen op zaterdag", "Zwemmen op zaterdag"),
]


@pytest.mark.parametrize(("text", "cell"), INERT_CELLS)
def test_data_in_a_cell_is_plain_text(text, cell):
    assert plain_cell(text) == cell


def test_a_title_and_a_contact_with_markdown_and_mentions_stay_inert_in_the_issue(region):
    write(
        region,
        "offers/zwemmen-oud.yml",
        VALID_OFFER.replace(
            "titel: Zwemmen voor iedereen", 'titel: "@org/team **x** [link](javascript:x) #7"'
        )
        .replace(
            "contact: {email: info@example.org}",
            'contact: {naam: "@beheer _Els_", email: info@example.org}',
        )
        .replace("laatst_gecontroleerd: 2026-09-14", "laatst_gecontroleerd: 2025-06-01"),
    )
    assert issue_lines(region)[5] == (
        "| @&#8203;org/team \\*\\*x\\*\\* \\[link\\](javascript:x) #&#8203;7 | "
        "`offers/zwemmen-oud.yml` | 2025-06-01 | @&#8203;beheer \\_Els\\_ | 038 222 33 44 | "
        "info@example.org |"
    )
