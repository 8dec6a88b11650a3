"""The toolkit's lists as data (toolkit/*.yml): valid, checked like the offers, shown on pages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import REPO, TODAY, copy_region
from sportwijzer.base.toolkit import Deel, Toolkit
from sportwijzer.check.schema import SCHEMA_DIR
from sportwijzer.check.toolkit_load import KINDS, load_toolkit, page_url
from sportwijzer.site import load_site

TOOLKIT_PAGES = sorted((REPO / "content" / "toolkit").glob("*.md"))


def toolkit_copy(root: Path) -> Path:
    """The project's toolkit lists and pages (the pages are what 'pagina' links to)."""
    shutil.copytree(REPO / "toolkit", root / "toolkit", dirs_exist_ok=True)
    shutil.copytree(REPO / "content", root / "content", dirs_exist_ok=True)
    return root


def break_file(root: Path, kind: str, old: str, new: str) -> None:
    """Replace `old` by `new` once, below the commented example at the top of the file."""
    path = root / "toolkit" / f"{kind}.yml"
    text = path.read_text(encoding="utf-8")
    start = re.search(r"^[^#\n]", text, re.M).start()
    assert old in text[start:], old
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_is_valid_draft_07_with_dutch_titles(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    entry = schema["additionalProperties"]
    for name, prop in entry.get("properties", {}).items():
        assert prop.get("title") and prop.get("description"), name


def test_the_project_toolkit_is_valid_and_complete():
    toolkit, problems, files = load_toolkit(REPO)
    assert problems == []
    assert files == len(KINDS) == 5
    assert [o.naam for o in toolkit.meerkamp][:2] == [
        "Randvoorwaarden",
        "Gezamenlijke visie en doelen",
    ]
    assert len(toolkit.meerkamp) == 12
    assert all(len(o.vragen) >= 2 for o in toolkit.meerkamp)
    assert [f.nummer for f in toolkit.succesfactoren] == [1, 2, 3, 4, 5]
    assert {"stap-1", "stap-2", "stap-3", "stap-4"} <= set(toolkit.checklists)
    assert len(toolkit.indicatoren) >= 5 and len(toolkit.financiering) >= 5


def test_a_linked_page_gets_its_title_and_address():
    toolkit, _, _ = load_toolkit(REPO)
    randvoorwaarden = toolkit.meerkamp[0].pagina
    assert (randvoorwaarden.pad, randvoorwaarden.titel) == (
        "toolkit/financiering.md",
        "Financiering",
    )
    assert randvoorwaarden.url == "toolkit/financiering/"


@pytest.mark.parametrize(
    ("pad", "url"),
    [("toolkit/financiering.md", "toolkit/financiering/"), ("toolkit/index.md", "toolkit/"),
     ("index.md", ""), ("privacy.md", "privacy/")],
)  # fmt: skip
def test_page_url(pad, url):
    assert page_url(pad) == url


VRAGEN = (
    "  vragen:\n    - We hebben genoeg tijd, geld en mensen voor de samenwerking.\n"
    "    - We weten wat de samenwerking kost en hoeveel uur het vraagt.\n"
)
FINANCIERING = "  pagina: toolkit/financiering.md\n"

# (file, text as written, the broken text, the one line `make check` prints)
BROKEN = [
    pytest.param(
        "meerkamp", VRAGEN, "  vragen: Hebben we genoeg tijd?\n",
        "toolkit/meerkamp.yml:18: veld 'randvoorwaarden.vragen': schrijf één of meer regels "
        "onder elkaar, elk met een streepje ervoor, zoals '- We kennen elkaar goed.'",
        id="wrong-type",
    ),
    pytest.param(
        "succesfactoren", "  bespreek: Waarom doet elke partner mee?\n",
        "  bespreek: Waarom doet elke partner mee?\n  uitlegg: Passie geeft energie.\n",
        "toolkit/succesfactoren.yml:20: veld 'gedeelde-passie.uitlegg' is onbekend. "
        "Mogelijke velden: naam, tips, bespreek, pagina",
        id="unknown-key",
    ),
    pytest.param(
        "indicatoren", "  voorbeeld: Aantal sport- en beweegaanbieders dat meedoet\n", "",
        "toolkit/indicatoren.yml:11: veld 'aanbieders.voorbeeld' ontbreekt",
        id="missing-field",
    ),
    pytest.param(
        "meerkamp", FINANCIERING, "  pagina: toolkit/financiring.md\n",
        "toolkit/meerkamp.yml:21: veld 'randvoorwaarden.pagina': de pagina "
        "'toolkit/financiring.md' bestaat niet. Bedoel je 'toolkit/financiering.md'? "
        "Schrijf het pad van een pagina in content/, zoals 'toolkit/financiering.md'",
        id="dead-page-link",
    ),
    pytest.param(
        "meerkamp", FINANCIERING, "  pagina: https://example.org/geld\n",
        "toolkit/meerkamp.yml:21: veld 'randvoorwaarden.pagina': 'https://example.org/geld' is "
        "geen pagina: schrijf het pad in content/, zoals toolkit/financiering.md",
        id="not-a-page-path",
    ),
    pytest.param(
        "checklists", "stap-4:\n", "stap-4: We hebben getoetst.\nstap-5:\n",
        "toolkit/checklists.yml:40: veld 'stap-4': schrijf één of meer punten onder elkaar, "
        "elk met een streepje ervoor, zoals '- We hebben een plan.'",
        id="checklist-not-a-list",
    ),
    pytest.param(
        "financiering", "  vast: Meestal niet\n", "  vast: 3\n",
        "toolkit/financiering.yml:29: veld 'fondsen.vast': '3' moet tekst zijn",
        id="number-for-text",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "old", "new", "expected"), BROKEN)
def test_a_broken_toolkit_file_gives_one_dutch_line(tmp_path, kind, old, new, expected):
    root = toolkit_copy(tmp_path)
    break_file(root, kind, old, new)
    toolkit, problems, _ = load_toolkit(root)
    assert [p.format() for p in problems] == [expected]
    assert toolkit == Toolkit()


def test_a_missing_toolkit_file_is_reported(tmp_path):
    root = toolkit_copy(tmp_path)
    (root / "toolkit" / "financiering.yml").unlink()
    _, problems, _ = load_toolkit(root)
    assert [p.format() for p in problems] == ["toolkit/financiering.yml: bestand ontbreekt"]


def test_without_a_toolkit_folder_there_are_no_lists_and_no_problems(tmp_path):
    assert load_toolkit(tmp_path) == (Toolkit(), [], 0)


def test_make_check_reports_toolkit_mistakes_with_the_offers(tmp_path):
    without = load_site(copy_region(tmp_path / "zonder"), today=TODAY).files_checked
    root = toolkit_copy(copy_region(tmp_path / "regio"))
    break_file(root, "meerkamp", FINANCIERING, "  pagina: toolkit/financiring.md\n")
    result = load_site(root, today=TODAY)
    assert result.site is None
    assert [p.path for p in result.problems if p.is_error] == ["toolkit/meerkamp.yml"]
    assert result.files_checked == without + len(KINDS)


def test_the_site_carries_the_toolkit_for_the_templates(tmp_path):
    root = toolkit_copy(copy_region(tmp_path / "regio"))
    site = load_site(root, today=TODAY).site
    assert site.toolkit.checklists["stap-1"][0].startswith("We hebben benoemd")


# --- where the lists stand on a page -------------------------------------------------------

PAGE = '<h1 id="t">T</h1><p>a</p><h2 id="scoor-jezelf">S</h2><p>b</p><h2 id="bronnen">Bronnen</h2>'


@pytest.fixture(scope="module")
def toolkit():
    return load_toolkit(REPO)[0]


def test_a_list_goes_before_its_heading_and_by_default_before_the_sources(toolkit):
    parts = toolkit.delen(
        PAGE, [{"lijst": "succesfactoren", "voor": "scoor-jezelf"}, {"lijst": "checklist/stap-1"}]
    )
    assert [p.soort or p.html for p in parts] == [
        '<h1 id="t">T</h1><p>a</p>',
        "succesfactoren",
        '<h2 id="scoor-jezelf">S</h2><p>b</p>',
        "checklist",
        '<h2 id="bronnen">Bronnen</h2>',
    ]
    assert parts[3].lijst == toolkit.checklists["stap-1"]


def test_an_unknown_list_is_left_out_and_a_missing_heading_puts_the_list_last(toolkit):
    assert toolkit.delen(PAGE, [{"lijst": "checklist/bestaat-niet"}]) == [Deel(html=PAGE)]
    assert toolkit.delen(PAGE, None) == [Deel(html=PAGE)]
    parts = toolkit.delen(PAGE, [{"lijst": "indicatoren", "voor": "nergens"}])
    assert [p.soort for p in parts] == ["", "indicatoren"]


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_every_list_a_page_names_exists_and_every_list_is_shown(toolkit):
    shown: list[str] = []
    for path in TOOLKIT_PAGES:
        for plaats in _front_matter(path).get("toolkit", []):
            assert toolkit.blok(plaats["lijst"]) is not None, f"{path.name}: {plaats['lijst']}"
            shown.append(plaats["lijst"])
    assert sorted(set(shown)) == sorted(toolkit.namen())


MOVED = ("stap-1-initiatief", "stap-2-afspraken", "stap-3-realiseren", "stap-4-borgen",
         "succesfactoren", "meedoen-meerkamp", "meten-en-laten-zien", "financiering")  # fmt: skip


@pytest.mark.parametrize("name", MOVED)
def test_the_moved_lists_are_no_longer_in_the_markdown(name):
    """Checklists and tables live in toolkit/*.yml only: moved, not copied."""
    text = (REPO / "content" / "toolkit" / f"{name}.md").read_text(encoding="utf-8")
    assert "- [ ]" not in text and "\n|" not in text
