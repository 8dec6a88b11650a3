"""The demo built with ProperDocs is the demo built with MkDocs, byte for byte (issue #16, part 6).

MkDocs 1.x has had no release since 2024. ProperDocs, a maintained fork of MkDocs 1.6, reads the
same mkdocs.yml and runs our hook unchanged. It shares the venv with MkDocs: it installs its own
package and command (`properdocs`), and it maps `mkdocs.*` imports onto itself only when its own
command runs, so `mkdocs build` is untouched. The one difference is the generator meta tag.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, SITE_URL

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.traag  # a full build with ProperDocs: make test runs it, test-snel not
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def build(tool: str, site: Path) -> subprocess.CompletedProcess[str]:
    """`<tool> build --strict` of the repository's demo region, into `site`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    # The shared MkDocs build's date and URL, so a sitemap never differs because midnight fell
    # between the two builds.
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH, SITE_URL=SITE_URL)
    command = [sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, check=False)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory, demo_build) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The demo's files as MkDocs builds them (the tests' shared build: same epoch, default URL,
    strict) and as ProperDocs builds them."""
    assert "WARNING" not in demo_build.log, demo_build.log
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = build("properdocs", site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return files(demo_build.site), files(site)


def test_properdocs_builds_the_same_files(sites):
    by_mkdocs, by_properdocs = sites
    assert len([name for name in by_mkdocs if name.endswith(".html")]) > 100
    assert sorted(by_properdocs) == sorted(by_mkdocs)


def test_every_page_has_one_generator_tag_that_names_the_builder(sites):
    theme = f"mkdocs-material-{version('mkdocs-material')}"
    expected = {
        f"mkdocs-{version('mkdocs')}, {theme}": "mkdocs",
        f"mkdocs-ProperDocs {version('properdocs')}, {theme}": "properdocs",
    }
    for built, tool in zip(sites, ("mkdocs", "properdocs"), strict=True):
        tags = {
            name: [tag.decode() for tag in GENERATOR.findall(data)]
            for name, data in built.items()
            if name.endswith(".html") and b'http-equiv="refresh"' not in data
        }  # a page at an old address is written by the core, not by the builder
        assert {name: found for name, found in tags.items() if len(found) != 1} == {}
        assert {expected.get(found[0]) for found in tags.values()} == {tool}


def test_every_file_is_byte_identical_but_for_the_generator_tag(sites):
    by_mkdocs, by_properdocs = sites
    differ = sorted(
        name
        for name in by_mkdocs.keys() & by_properdocs.keys()
        if GENERATOR.sub(b"", by_mkdocs[name]) != GENERATOR.sub(b"", by_properdocs[name])
    )
    assert differ == []
