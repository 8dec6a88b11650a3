"""Nothing from the data can run as code: payloads in every text field, every output file.

A payload 'survives' in an HTML file when its markup appears unescaped, and in a JSON file when its
'<' appears raw (a consumer may paste the JSON into a page). The CSV keeps text exactly as written
(it is data, not markup) but never starts a cell with a formula character.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from conftest import TODAY, make_site, mkdocs_build, shared_build, without_markup_check, write
from sportwijzer.build.csp import _hash
from sportwijzer.site import load_site

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"</script><script>alert(3)</script>',
    "<a href=javascript:alert(4)>x</a>",
)
DANGEROUS = ("<script>alert", "<img src=x", "</script><script>", "<a href=javascript")

OFFER = """\
titel: 'Judo {p}'
sport: judo
aanbieder: judoclub-de-mat
beperkingen: [autisme]
samenvatting: 'Samen judoën {p}'
beschrijving: |
  Tekst {p}

  - punt {p}
locatie:
  naam: 'Hal {p}'
  adres: 'Straat {p} 1'
  postcode: 8011 AB
  plaats: 'Zwolle {p}'
  gemeente: Zwolle
  coordinaten: [52.51, 6.09]
tijden:
  - {{dag: maandag, van: "10:00", tot: "11:00", toelichting: 'Uitleg {p}'}}
kosten: {{bedrag: 5, per: keer, toelichting: 'Kosten {p}'}}
proefles: {{gratis: true, toelichting: 'Proef {p}'}}
toegankelijkheid_toelichting: 'Toegang {p}'
vervoer: 'Vervoer {p}'
contact: {{naam: 'Naam {p}', email: a@example.org}}
laatst_gecontroleerd: 2026-10-01
"""

PARTNER = """\
---
naam: 'Club {p}'
soort: sportaanbieder
contact: {{naam: 'Contact {p}', telefoon: "038 123 45 67"}}
---
Over ons {p}
"""


class ElementCheck(HTMLParser):
    """Elements and attributes that could run code: scripts, event handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False
        self.data_block = False

    @classmethod
    def problems_in(cls, html: str) -> list[str]:
        checker = cls()
        checker.feed(html)
        return checker.problems

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.in_script = tag == "script"
        self.data_block = values.get("type") == "application/ld+json"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag == "img" and values.get("src") == "x":
            self.problems.append("<img src=x>")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        # A data block may hold the text, but never a raw '<'; a real script never holds it.
        marker = "<" if self.data_block else "alert("
        if self.in_script and marker in data:
            self.problems.append(f"<script>{data[:60]}")


def _yaml_single(text: str) -> str:
    return text.replace("'", "''")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """regio-a with the payloads in every field: its own build, shared by this module. make check
    refuses the payloads in Markdown texts (below); the build here is forced past that check, to
    show that the renderer alone keeps them inert too."""
    return shared_build(tmp_path_factory, name="payloads", prepare=_forced_payloads).site


def _forced_payloads(root):
    _with_payloads(root)
    without_markup_check(root)


# What make check says about each payload in a Markdown text (a description, a partner's text).
REFUSED = (
    "een <script> mag niet in de tekst: alleen de site zelf voert scripts uit; haal het weg",
    "het attribuut 'onerror=' in <img> mag niet: het voert code uit; haal het weg",
    "een <script> mag niet in de tekst: alleen de site zelf voert scripts uit; haal het weg",
    "de link 'javascript:alert(4)' mag niet: een link die begint met javascript: kan code "
    "uitvoeren; gebruik een gewone link (https://…) of haal hem weg",
)


def test_make_check_refuses_every_payload_in_a_markdown_text_with_its_line(region):
    _with_payloads(region)
    problems = load_site(region, today=TODAY).problems
    found = sorted(p.format() for p in problems if p.is_error)
    expected = []
    for number, message in enumerate(REFUSED):
        for offer in (f"offers/payload-{number}.yml", f"offers/club-{number}.yml"):
            expected += [f"{offer}:{line}: veld 'beschrijving': {message}" for line in (7, 9)]
        expected.append(f"partners/club-{number}.md:6: veld 'tekst': {message}")
    assert found == sorted(expected)


def _with_payloads(root):
    for number, payload in enumerate(PAYLOADS):
        p = _yaml_single(payload)
        write(root, f"offers/payload-{number}.yml", OFFER.format(p=p))
        write(root, f"partners/club-{number}.md", PARTNER.format(p=p))
        write(
            root,
            f"offers/club-{number}.yml",
            OFFER.format(p=p).replace("judoclub-de-mat", f"club-{number}"),
        )
    regio = (root / "regio.yml").read_text(encoding="utf-8")
    regio = regio.replace("naam: Regio Testvallei", "naam: 'Regio <script>alert(5)</script>'")
    write(root, "regio.yml", regio)


@pytest.mark.traag  # the payloads' build of its own
def test_the_payloads_reach_the_pages_as_visible_text(site):
    html = (site / "aanbod" / "payload-0" / "index.html").read_text(encoding="utf-8")
    assert "Judo &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Tekst &lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.traag  # the payloads' build of its own
@pytest.mark.parametrize("suffix", [".html", ".json", ".xml", ".js", ".txt"])
def test_no_payload_survives_in_any_output_file(site, suffix):
    files = [f for f in site.rglob(f"*{suffix}") if "assets" not in f.parts or suffix != ".js"]
    assert files or suffix in (".js", ".txt")
    for path in files:
        text = path.read_text(encoding="utf-8")
        for danger in DANGEROUS:
            assert danger not in text, f"{path.relative_to(site)}: {danger}"
        if suffix == ".html":
            assert ElementCheck.problems_in(text) == [], path


@pytest.mark.traag  # the payloads' build of its own
def test_json_ld_blocks_stay_valid_json_holding_the_text(site):
    html = (site / "aanbod" / "payload-2" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["name"] == 'Judo "</script><script>alert(3)</script>'


@pytest.mark.traag  # the payloads' build of its own
def test_open_data_keeps_the_text_and_escapes_markup_characters(site):
    raw = (site / "data" / "aanbod.json").read_text(encoding="utf-8")
    assert "<" not in raw
    data = json.loads(raw)
    titles = {offer["titel"] for offer in data["aanbod"]}
    assert "Judo <img src=x onerror=alert(2)>" in titles
    rows = list(
        csv.DictReader(
            io.StringIO((site / "data" / "aanbod.csv").read_text("utf-8-sig")), delimiter=";"
        )
    )
    assert {row["titel"] for row in rows} >= {"Judo <script>alert(1)</script>"}


@pytest.mark.traag  # a full build of its own
def test_csv_cells_never_start_a_formula(tmp_path):
    root = make_site(tmp_path)
    offer = OFFER.format(p="x").replace("titel: 'Judo x'", "titel: '=HYPERLINK(\"http://x\")'")
    write(root, "offers/formule.yml", offer)
    assert mkdocs_build(root).returncode == 0
    rows = list(
        csv.reader(
            io.StringIO((root / "site" / "data" / "aanbod.csv").read_text("utf-8-sig")),
            delimiter=";",
        )
    )
    titles = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in titles
    assert not [cell for row in rows for cell in row if cell and cell[0] in "=+@"]


# --- a content page and a partner's text that try to run code ---------------------------------

CONTENT_PAYLOAD = """\
---
title: '<script>window.titel=1</script> & "Over ons"'
description: '"><script>window.omschrijving=1</script>'
---
Welkom bij ons.

<script>window.pwned=1</script>

<img src=x onerror="window.pwned=1">

[klik](javascript:window.pwned=1)
"""
PARTNER_PAYLOAD = '\n<script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=1">\n'


def with_content_payload(root):
    """A content page (content/payload.md) and a partner's text with code in them."""
    write(root, "content/payload.md", CONTENT_PAYLOAD)
    partner = root / "partners" / "judoclub-de-mat.md"
    partner.write_text(partner.read_text(encoding="utf-8") + PARTNER_PAYLOAD, encoding="utf-8")


def content_payload_build(tmp_path_factory):
    """regio-a with the content payload, built past make check (which refuses it): once a run.
    The browser tests (tests/browser/test_script_policy.py) serve it too."""

    def forced(root):
        with_content_payload(root)
        without_markup_check(root)

    return shared_build(tmp_path_factory, name="inhoud-payload", prepare=forced)


def test_make_check_refuses_the_content_page_and_the_partners_text(region):
    with_content_payload(region)
    found = [p.format() for p in load_site(region, today=TODAY).problems if p.is_error]
    script, onerror, _, link = REFUSED
    link = link.replace("javascript:alert(4)", "javascript:window.pwned=1")
    partner = len((region / "partners" / "judoclub-de-mat.md").read_text().splitlines())
    assert found == [
        f"content/payload.md:7: veld 'tekst': {script}",
        f"content/payload.md:9: veld 'tekst': {onerror}",
        f"content/payload.md:11: veld 'tekst': {link}",
        f"partners/judoclub-de-mat.md:{partner - 2}: veld 'tekst': {script}",
        f"partners/judoclub-de-mat.md:{partner}: veld 'tekst': {onerror}",
    ]


@pytest.mark.traag  # a build of its own
def test_a_forced_script_in_a_content_page_is_published_but_left_out_of_its_policy(
    tmp_path_factory,
):
    html = content_payload_build(tmp_path_factory).page("payload/")
    assert "<script>window.pwned=1</script>" in html  # MkDocs publishes a page's raw HTML
    rules = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    scripts = rules.split("script-src ", 1)[1].split(";")[0].split()
    assert _hash("window.pwned=1") not in scripts
    assert len(scripts) > 1  # the theme's own inline scripts are allowed, by hash
    assert "unsafe-inline" not in rules and "unsafe-hashes" not in rules


@pytest.mark.traag  # a build of its own
def test_a_content_pages_front_matter_is_printed_escaped(tmp_path_factory):
    html = content_payload_build(tmp_path_factory).page("payload/")
    assert "<script>window.titel" not in html and "<script>window.omschrijving" not in html
    title = "&lt;script&gt;window.titel=1&lt;/script&gt; &amp; &#34;Over ons&#34;"
    assert f"<title>{title} - Sportwijzer" in html
    assert f"<h1>{title}</h1>" in html
    assert (
        '<meta name="description" content="&#34;&gt;&lt;script&gt;window.omschrijving=1'
        '&lt;/script&gt;">'
    ) in html
