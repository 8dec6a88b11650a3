"""The theme we pin is the theme our overrides were written against (issue #16, part 6).

Our templates in overrides/ replace blocks of Material's base.html, replace some of its partials
and patch one block's markup by an exact string. A theme upgrade that renames a block or changes
that string would make an override stop running without an error; these tests read the
installed theme's templates and fail first, without building a site or starting a browser.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

REPO = Path(__file__).resolve().parent.parent
OVERRIDES = REPO / "overrides"
THEME = Path(material.__file__).parent / "templates"

# The theme's partials/header.html as of mkdocs-material 9.8.2. Ours is a copy with our search box
# in place of the theme's: when the theme changes its header, port the change and update this.
THEME_HEADER_SHA256 = "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f"

BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
# A template named by a plain string; a name built with `~` (the icons macro) is not checked.
TEMPLATE_REF = re.compile(r"{%-?\s*(?:extends|include|import)\s+\"([^\"]+)\"\s*(?:as\b|-?%})")
PATCH = re.compile(r"super\(\)\s*\|\s*replace\('([^']+)'")


def pins() -> dict[str, str]:
    """Exact pins from requirements.txt, by lower-case package name."""
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.lower().split("==", 1) for line in lines if "==" in line)


def templates() -> list[Path]:
    return sorted(OVERRIDES.rglob("*.html"))


@pytest.mark.parametrize("package", ["mkdocs", "mkdocs-material", "properdocs"])
def test_installed_version_is_the_pinned_version(package):
    assert version(package) == pins()[package], "run `make venv` to install requirements.txt"


def test_the_theme_is_the_latest_98_release_we_reviewed():
    assert pins()["mkdocs-material"] == "9.8.2"


def test_every_block_we_override_exists_in_the_theme():
    theme_blocks = set(BLOCK.findall((THEME / "base.html").read_text(encoding="utf-8")))
    ours = {
        (path.relative_to(OVERRIDES).as_posix(), name)
        for path in OVERRIDES.glob("*.html")
        for name in BLOCK.findall(path.read_text(encoding="utf-8"))
    }
    assert ours, "no block found: the pattern no longer matches our templates"
    assert {(where, name) for where, name in ours if name not in theme_blocks} == set()


def test_every_template_we_name_exists_in_overrides_or_the_theme():
    named = {
        (path.relative_to(OVERRIDES).as_posix(), name)
        for path in templates()
        for name in TEMPLATE_REF.findall(path.read_text(encoding="utf-8"))
    }
    assert ("main.html", "base.html") in named
    assert ("partials/header.html", ".icons/material/menu.svg") in named
    missing = {
        (where, name)
        for where, name in named
        if not (OVERRIDES / name).is_file() and not (THEME / name).is_file()
    }
    assert missing == set()


def test_every_partial_we_replace_is_one_the_theme_includes():
    ours = {
        path.relative_to(OVERRIDES).as_posix()
        for path in (OVERRIDES / "partials").rglob("*.html")
        if not path.name.startswith("sw-") and path.parent.name != "languages"
    }
    assert ours == {"partials/header.html", "partials/copyright.html", "partials/source.html"}
    assert {name for name in ours if not (THEME / name).is_file()} == set()


def test_the_header_we_copied_is_unchanged_in_the_theme():
    text = (THEME / "partials" / "header.html").read_bytes()
    assert hashlib.sha256(text).hexdigest() == THEME_HEADER_SHA256


def test_every_string_we_patch_occurs_once_in_the_theme():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    patched = [s for path in templates() for s in PATCH.findall(path.read_text(encoding="utf-8"))]
    assert patched == ['<div class="md-content" data-md-component="content">']
    assert [base.count(s) for s in patched] == [1]
