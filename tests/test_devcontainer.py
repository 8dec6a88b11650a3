"""A codespace opens ready to work in one click: a pinned image with the CI's Python, `make venv`
run once it is made, and the preview's port forwarded (content/coordinatoren.md says how)."""

from __future__ import annotations

import json
import re

from conftest import REPO

CONFIG = json.loads((REPO / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))


def test_the_image_is_pinned_to_an_exact_version_with_the_ci_python():
    image = re.fullmatch(
        r"mcr\.microsoft\.com/devcontainers/python:\d+\.\d+\.\d+-(3\.\d+)-[a-z]+", CONFIG["image"]
    )
    assert image, CONFIG["image"]
    ci = (REPO / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert set(re.findall(r'python-version: "([0-9.]+)"', ci)) == {image[1]}


def test_the_codespace_installs_with_make_venv_and_forwards_the_preview():
    assert CONFIG["postCreateCommand"] == "make venv"
    assert re.search(r"^venv:", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert CONFIG["forwardPorts"] == [8000]


def test_the_coordinators_page_says_how_to_open_it():
    page = " ".join((REPO / "content" / "coordinatoren.md").read_text(encoding="utf-8").split())
    assert "**Create codespace on main**" in page and "`make venv`" in page
