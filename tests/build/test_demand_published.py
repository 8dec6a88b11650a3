"""Questions are never published one by one: the demo's register (voorbeelden/, outside the
published data) leaves no trace in one build of the demo site, searched through."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def built(demo_build):
    return demo_build.site


@pytest.fixture(scope="module")
def records():
    """The demo register's rows, as the desk keeps them."""
    text = (REPO / "voorbeelden" / "vragen-register.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def every_text(site):
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield path, path.read_bytes().decode("utf-8", errors="replace")


def test_no_note_and_nothing_of_the_register_appears_anywhere_in_the_site(built, records):
    notes = [r["Toelichting"] for r in records if r["Toelichting"]]
    assert len(notes) >= 5
    seen = []
    for path, text in every_text(built):
        seen += [(path.name, note) for note in notes if note in text]
    assert seen == []
    assert not (built / "vragen").exists() and not (built / "voorbeelden").exists()
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "/vragen/" not in sitemap and "/voorbeelden/" not in sitemap


def test_the_repository_holds_no_single_question(records):
    assert sorted(p.name for p in (REPO / "vragen").iterdir()) == ["telling.yml"]
    text = (REPO / "vragen" / "telling.yml").read_text(encoding="utf-8")
    assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", text)
    assert not any(r["Toelichting"] and r["Toelichting"] in text for r in records)


class Tables(HTMLParser):
    """Captions, header scopes and cell texts of the demand section's tables."""

    def __init__(self):
        super().__init__()
        self.inside, self.depth, self.tables, self.scopes = False, 0, [], []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "sw-vraaganalyse":
            self.inside = True
        if not self.inside:
            return
        if tag == "section":
            self.depth += 1
        if tag == "table":
            self.tables.append({"caption": "", "cells": []})
        if tag == "th":
            self.scopes.append(attrs.get("scope"))
        if tag in ("caption", "td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "section":
            self.depth -= 1
            self.inside = self.depth > 0
        if tag == "caption":
            self.tables[-1]["caption"] = self._cell.strip()
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["cells"].append(self._cell.strip())
        if tag in ("caption", "td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_the_region_analysis_shows_demand_in_accessible_tables(built):
    html = (built / "regio-analyse" / "index.html").read_text(encoding="utf-8")
    tables = Tables()
    tables.feed(html)
    assert [t["caption"] for t in tables.tables] == [
        "Vragen per uitkomst",
        "Gevraagd, maar er is niets: sport en gemeente",
        "Vragen en activiteiten per gemeente",
        "Vragen en activiteiten per beperking",
        "Vragen per kwartaal: binnengekomen en gematcht",
    ]
    assert set(tables.scopes) == {"col", "row"}
    # the columns with counts of questions (the build day moves the window, so no exact numbers)
    columns = {0: (2, (1,)), 1: (3, (2,)), 2: (3, (1,)), 3: (3, (1,)), 4: (3, (1, 2))}
    counts = []
    for index, (width, wanted) in columns.items():
        cells = tables.tables[index]["cells"]
        rows = [cells[i : i + width] for i in range(0, len(cells), width)][1:]
        counts += [row[column] for row in rows for column in wanted]
    assert len(counts) == 4 + 12 + 9 + 2 * 4 + (len(tables.tables[1]["cells"]) // 3 - 1)
    assert not {"1", "2"} & set(counts)
    assert all(re.fullmatch(r"[0-9]+|1–2|3 of meer|0–2|niet getoond", c) for c in counts), counts
    assert "Gevraagd, maar er is niets" in html and "binnen 15 km" in html


def test_the_indicators_page_links_to_the_region_analysis(built):
    html = (built / "toolkit" / "meten-en-laten-zien" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./regio-analyse/"', html)
