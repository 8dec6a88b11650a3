"""The toolkit pages: each has a title, one h1, its sources, and links that lead somewhere."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO
from sportwijzer.build.pages import all_pages

TOOLKIT = sorted((REPO / "content" / "toolkit").glob("*.md"))
LINK = re.compile(r"\]\(([^)#\s]+)")
# Pages the build generates from the data: no file to check here (the strict build checks them).


@pytest.fixture(scope="module")
def generated_folders(demo) -> tuple[str, ...]:
    """'../<folder>/' of every page the build generates from the demo data, as the core says."""
    return tuple(sorted({f"../{page.src_uri.split('/')[0]}/" for page in all_pages(demo.site)}))


def parts(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_the_toolkit_has_its_pages():
    names = {p.stem for p in TOOLKIT}
    assert {"index", "stappenplan", "succesfactoren", "meedoen-meerkamp", "werkvormen"} <= names
    assert len(TOOLKIT) >= 15


@pytest.mark.parametrize("path", TOOLKIT, ids=lambda p: p.stem)
def test_each_page_has_a_title_one_h1_and_its_sources(path):
    meta, body = parts(path)
    assert meta["title"] and meta["description"]
    assert len(re.findall(r"^# ", body, re.M)) == 1
    if path.stem != "index":
        headings = re.findall(r"^## (.+)$", body, re.M)
        assert headings[-1] == "Bronnen", f"{path.name}: the sources come last"
        sources = body.split("## Bronnen", 1)[1]
        assert sources.strip(), f"{path.name}: an empty sources section"


@pytest.mark.parametrize("path", TOOLKIT, ids=lambda p: p.stem)
def test_no_raw_html_no_outside_urls_and_every_link_resolves(path, generated_folders):
    _, body = parts(path)
    assert not re.search(r"<[a-zA-Z/!]", body), f"{path.name}: raw HTML"
    assert "http://" not in body and "https://" not in body
    for target in LINK.findall(body):
        if not target.startswith(generated_folders):
            assert (path.parent / target).resolve().is_file(), f"{path.name}: {target}"


TASK_LINE = re.compile(r"^\s*[-*+]\s+\[[ xX]\]", re.M)


@pytest.mark.parametrize("path", TOOLKIT, ids=lambda p: p.stem)
def test_no_task_list_lines_in_the_markdown(path):
    """A '- [ ]' line shows as literal '[ ]': checklists live in toolkit/checklists.yml."""
    _, body = parts(path)
    found = [line.strip() for line in body.splitlines() if TASK_LINE.match(line)]
    assert not found, f"{path.name}: move these to toolkit/checklists.yml: {found}"


def test_every_checklist_is_shown_on_a_page():
    checklists = yaml.safe_load((REPO / "toolkit" / "checklists.yml").read_text(encoding="utf-8"))
    named = {
        str(plaats.get("lijst", "")).removeprefix("checklist/")
        for path in TOOLKIT
        for plaats in parts(path)[0].get("toolkit") or []
        if str(plaats.get("lijst", "")).startswith("checklist/")
    }
    assert set(checklists) - named == set(), "checklists that no page names in its front matter"
    assert named <= set(checklists), "pages name checklists that toolkit/checklists.yml lacks"
