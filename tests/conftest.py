"""Shared fixtures: small regions written by the tests themselves (never ../shared)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 23)

# A complete, valid offer for the fixture region 'regio-a'. Tests change one line of it.
VALID_OFFER = """\
titel: Zwemmen voor iedereen
sport: zwemmen
aanbieder: judoclub-de-mat
beperkingen: [visueel]
samenvatting: Zwemmen in een kleine groep met extra begeleiding.
locatie:
  naam: Zwembad De Vliet
  adres: Vlietweg 4
  postcode: 8021 AB
  plaats: Zwolle
  gemeente: Zwolle
  coordinaten: [52.5230, 6.0790]
contact: {email: info@example.org}
laatst_gecontroleerd: 2026-09-14
"""


def copy_region(target: Path, name: str = "regio-a") -> Path:
    """A fresh copy of a fixture region, with the project's lists beside it."""
    shutil.copytree(FIXTURES / name, target, dirs_exist_ok=True)
    shutil.copytree(REPO / "lijsten", target / "lijsten", dirs_exist_ok=True)
    return target


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A valid region to break in one place."""
    return copy_region(tmp_path / "regio")


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _not_on_github(monkeypatch):
    """Tests decide for themselves whether they run 'on GitHub Actions'."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


# What a build needs besides the region's data (the toolkit lists are product data, like lijsten/).
SITE_FILES = ("mkdocs.yml", "content", "overrides", "hooks", "toolkit")


def make_site(target: Path, region: str = "regio-a") -> Path:
    """The project's site code with a fixture region as its data."""
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return copy_region(target, region)


def mkdocs_build(
    root: Path, site_url: str = "https://voorbeeld.github.io/sportwijzer/", site: Path | None = None
):
    """`mkdocs build --strict` of the site in `root`, into `site` (default: root/site)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site or root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
