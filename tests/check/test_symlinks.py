"""Nothing outside the repository is read: a symlink in any folder the build or MkDocs reads, or a
symlinked regio.yml or mkdocs.yml, stops `make check` and the build with one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import TODAY, make_site, mkdocs_build, write
from sportwijzer.check.symlinks import symlink_problems
from sportwijzer.site import load_site

LINE = "is een snelkoppeling (symlink) en wordt niet gelezen; zet het bestand zelf in de map"

# Where a symlink may hide: every folder that is read, at the top and deeper down.
LINKS = [
    "content/geheim.md",
    "content/toolkit/geheim.md",
    "content/javascripts/geheim.js",
    "overrides/geheim.html",
    "overrides/partials/geheim.html",
    "hooks/geheim.py",
    "hooks/sportwijzer/geheim.py",
    "lijsten/geheim.yml",
    "toolkit/geheim.yml",
    "offers/geheim.yml",
    "partners/geheim.md",
    "agenda/geheim.yml",
    "vragen/geheim.yml",
]


def site(tmp_path: Path) -> Path:
    """The site's code with regio-a as its data, in a folder of its own beside 'buiten/'."""
    (tmp_path / "site").mkdir()
    return make_site(tmp_path / "site")


def outside(tmp_path: Path) -> Path:
    """A file outside the site, as on a build machine: what must never be published."""
    return write(tmp_path, "buiten/hostname", "bouwmachine-01\n")


def lines(problems) -> list[str]:
    return [p.format() for p in problems if LINE in p.message]


@pytest.mark.parametrize("link", LINKS)
def test_make_check_refuses_a_symlinked_file_in_every_folder_it_reads(tmp_path, link):
    root = site(tmp_path)
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside(tmp_path), root / link)
    result = load_site(root, today=TODAY)
    assert not result.ok
    assert lines(result.problems) == [f"{link}: {LINE}"]


@pytest.mark.parametrize("folder", ["content/hulp", "overrides/partials", "hooks", "toolkit"])
def test_a_symlinked_folder_is_refused_and_never_entered(tmp_path, folder):
    root = site(tmp_path)
    write(tmp_path, "buiten/map/binnen.md", "# geheim\n")
    target = root / folder / "gekoppeld"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(tmp_path / "buiten" / "map", target)
    assert lines(load_site(root, today=TODAY).problems) == [f"{folder}/gekoppeld/: {LINE}"]


@pytest.mark.parametrize("folder", ["content", "overrides", "lijsten"])
def test_a_whole_folder_that_is_a_symlink_is_refused(tmp_path, folder):
    root = site(tmp_path)
    os.rename(root / folder, tmp_path / "echt")
    os.symlink(tmp_path / "echt", root / folder)
    assert f"{folder}/: {LINE}" in lines(symlink_problems(root))


@pytest.mark.parametrize("name", ["regio.yml", "mkdocs.yml"])
def test_a_symlinked_file_at_the_top_is_refused(tmp_path, name):
    root = site(tmp_path)
    os.rename(root / name, tmp_path / name)
    os.symlink(tmp_path / name, root / name)
    assert lines(symlink_problems(root)) == [f"{name}: {LINE}"]
    assert f"{name}: {LINE}" in lines(load_site(root, today=TODAY).problems)


def test_a_symlink_in_a_data_folder_is_named_once(tmp_path):
    root = site(tmp_path)
    os.symlink(outside(tmp_path), root / "offers" / "geheim.yml")
    problems = load_site(root, today=TODAY).problems
    assert lines(problems) == [f"offers/geheim.yml: {LINE}"]


def test_the_site_without_symlinks_has_no_such_problem(tmp_path):
    root = site(tmp_path)
    assert symlink_problems(root) == []


@pytest.mark.traag  # a build per folder (each stops before any page is written)
@pytest.mark.parametrize("link", LINKS + ["mkdocs.yml"])
def test_the_build_stops_at_a_symlink_in_every_folder_with_the_line_and_no_traceback(
    tmp_path, link
):
    root = site(tmp_path)
    if link == "mkdocs.yml":
        os.rename(root / link, tmp_path / link)
        os.symlink(tmp_path / link, root / link)
    else:
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(outside(tmp_path), root / link)
    result = mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"{link}: {LINE}" in output
    assert not (root / "site").exists() or "bouwmachine-01" not in "".join(
        path.read_text(errors="replace") for path in (root / "site").rglob("*") if path.is_file()
    )
