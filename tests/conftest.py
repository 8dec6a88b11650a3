"""Shared fixtures: small regions written by the tests themselves (never ../shared)."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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

# The partner the valid offer names, as its file in 'regio-a' could read. Tests change one line.
VALID_PARTNER = """\
---
naam: Judoclub De Mat
soort: sportaanbieder
contact:
  telefoon: "038 222 33 44"
---
Tekst.
"""


# A short valid event in regio-a, nine lines (datum on line 3); tests add a line below it.
SHORT_EVENT = """\
titel: Clinic rolstoeltennis
soort: clinic
datum: 2027-04-17
organisator: judoclub-de-mat
samenvatting: Probeer rolstoeltennis een middag uit, met sportrolstoelen van de club.
beperkingen: [rolstoel]
locatie: {naam: Tennispark, adres: Wielewaalweg 2, postcode: 8024 AB, plaats: Zwolle, \
gemeente: Zwolle, coordinaten: [52.5290, 6.1010]}
contact: {email: clinic@example.org}
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


def stand_in_venv(root: Path) -> None:
    """make's .venv in `root`: its python is the Python running the tests, and its stamp is newer
    than the requirements (and the Makefile), so make installs nothing."""
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    stamp = root / ".venv" / ".installed-requirements"
    stamp.touch()
    inputs = [root / name for name in ("Makefile", "requirements.txt", "requirements-check.txt")]
    later = max(path.stat().st_mtime for path in inputs if path.exists()) + 60
    os.utime(stamp, (later, later))


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "traag: a test that needs a full build of its own or sweeps every field with every value;"
        " make test runs it, make test-snel leaves it out",
    )


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


SITE_URL = "https://voorbeeld.github.io/sportwijzer/"
# One build date for every test build (the sitemap's dates), so two builds of the same sources
# are byte-identical even when midnight falls between them: 2026-11-26.
BUILD_EPOCH = "1795651200"


def mkdocs_build(root: Path, site_url: str = SITE_URL, site: Path | None = None):
    """`mkdocs build --strict` of the site in `root`, into `site` (default: root/site)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, SOURCE_DATE_EPOCH=BUILD_EPOCH)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site or root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


# --- one build per region and URL, shared by every test that only reads it -------------------


@dataclass(frozen=True)
class Built:
    """A finished strict build: the site's sources, the built HTML (read-only) and the build log."""

    root: Path
    site: Path
    log: str

    def page(self, url: str) -> str:
        """The HTML of the page at `url` ('' is the home page; a folder means its index.html)."""
        target = self.site / url
        if not target.suffix:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def _shared_dir(tmp_path_factory) -> Path:
    """A folder every pytest-xdist worker of this run sees (the workers' common parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_build(
    tmp_path_factory,
    region: str = "regio-a",
    site_url: str = SITE_URL,
    *,
    name: str = "",
    prepare: Callable[[Path], object] | None = None,
) -> Built:
    """`region` ('demo' is the repository's own) built once per test run and URL, then reused.

    The first worker to ask builds under a file lock; the others wait and read the same folder.
    Its files are made read-only. A module that changes the region passes a `name` of its own and
    `prepare(root)`, which changes the fresh copy before the build: still built once per run,
    even when pytest-xdist spreads the module's tests over several workers.
    """
    url_key = hashlib.sha256(site_url.encode()).hexdigest()[:8]
    key = f"build-{region}-{name + '-' if name else ''}{url_key}"
    assert region != "demo" or prepare is None, "the demo is the repository: never changed"
    folder = _shared_dir(tmp_path_factory) / key
    # a fixture region's copy holds its site and log as make_site and mkdocs_build leave them
    root, out = (REPO, folder) if region == "demo" else (folder / "bron", folder / "bron")
    out.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "build.log").is_file():
            if region != "demo":
                make_site(root, region)
            if prepare is not None:
                prepare(root)
            result = mkdocs_build(root, site_url=site_url, site=out / "site")
            assert result.returncode == 0, result.stdout + result.stderr
            for path in (out / "site").rglob("*"):
                if path.is_file():
                    path.chmod(0o444)
            (out / "build.log").write_text(result.stderr, encoding="utf-8")
    return Built(root, out / "site", (out / "build.log").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Built:
    """The demo region (the repository itself) built once, strict, at the default URL."""
    return shared_build(tmp_path_factory, "demo")


@pytest.fixture(scope="session")
def regio_a_build(tmp_path_factory) -> Built:
    """The fixture region 'regio-a', unchanged, built once, strict, at the default URL."""
    return shared_build(tmp_path_factory, "regio-a")


# regio-a changed in two ways at once and built once for the modules that check them: an offer
# whose title holds markup (test_build) and two toolkit lines changed in the YAML
# (test_toolkit_build). The changes touch different files, so neither hides the other.
TRICKY_TITLE = 'titel: "Zwemmen <b>& spelen</b>"'
TOOLKIT_EDITS = (
    (
        "toolkit/checklists.yml",
        "We hebben een informele initiatiefgroep.",
        "We hebben een initiatiefgroep van vijf partners.",
    ),
    ("toolkit/meerkamp.yml", "naam: Randvoorwaarden", "naam: Tijd, geld & mensen"),
)


def edit_below_example(root: Path, relative: str, old: str, new: str) -> None:
    """Replace `old` once in a toolkit file, below its commented example."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    start = re.search(r"^[^#\n]", text, re.M).start()
    assert old in text[start:]
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")


def without_markup_check(root: Path) -> None:
    """Switch off, in this copy of the code only, the check that refuses scripts, event
    attributes and javascript: links in Markdown (check/markup_checks.py): to build what make check
    refuses, and see that the renderer and the Content-Security-Policy keep it inert."""
    path = root / "hooks" / "sportwijzer" / "check/markup_checks.py"
    with path.open("a", encoding="utf-8") as file:
        file.write(
            "\n\ndef content_markup_problems(root):  # a test switched the check off\n"
            "    return []\n\n\n"
            "def data_markup_problems(root, found):  # a test switched the check off\n"
            "    return []\n"
        )


def _changed_region(root: Path) -> None:
    tricky = VALID_OFFER.replace("titel: Zwemmen voor iedereen", TRICKY_TITLE)
    write(root, "offers/zwemmen-en-spelen.yml", tricky)
    for relative, old, new in TOOLKIT_EDITS:
        edit_below_example(root, relative, old, new)


@pytest.fixture(scope="session")
def changed_build(tmp_path_factory) -> Built:
    """regio-a with a tricky title and two toolkit lines changed, built once, strict."""
    build = shared_build(tmp_path_factory, name="gewijzigd", prepare=_changed_region)
    assert "WARNING" not in build.log
    return build


@pytest.fixture(scope="session")
def demo():
    """The demo region loaded once, on the shared TODAY, without errors. Only read it."""
    from sportwijzer.site import load_site

    result = load_site(REPO, today=TODAY)
    assert result.ok, [p.format() for p in result.problems if p.is_error]
    return result


# --- git repositories the tests make (checks that compare with the main branch) ---------------

GIT_ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))},
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Coördinator",
    "GIT_AUTHOR_EMAIL": "coordinator@example.org",
    "GIT_COMMITTER_NAME": "Coördinator",
    "GIT_COMMITTER_EMAIL": "coordinator@example.org",
}


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` (a repository the test made), failing the test when git fails."""
    from sportwijzer.base.git_state import forget

    done = subprocess.run(
        ["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True, check=True
    )
    forget()  # what git knows has changed: read it again
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A", ".")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def fresh_git_state(monkeypatch):
    """The test reads git afresh, as a local check would (no pull request's base branch)."""
    from sportwijzer.base.git_state import forget

    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    forget()
    yield
    forget()


# --- make serve, started as a person starts it ------------------------------------------------
SERVE_WAIT = 180  # seconds; generous for a busy machine, every wait ends at the server's signal


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(root: Path, log_path: Path) -> Iterator[str]:
    """`make serve`'s command on a free port, for a region in `root`; yields its address once
    MkDocs says 'Serving on' (the first build is done and the port listens). Its output goes to
    `log_path`, read in a thread so the pipe never fills. Afterwards: stopped, exit code 0, and
    no traceback in what it said."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": "hooks", "POORT": str(port), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sportwijzer_serve"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopped as a whole below
    )
    up = threading.Event()

    def copy(log) -> None:
        for line in process.stdout or ():
            log.write(line)
            log.flush()
            if "Serving on" in line:
                up.set()
        up.set()  # the output ended: the server stopped

    with log_path.open("w", encoding="utf-8") as log:
        copier = threading.Thread(target=copy, args=(log,), daemon=True)
        copier.start()
        try:
            said = lambda: log_path.read_text(encoding="utf-8")  # noqa: E731
            assert up.wait(SERVE_WAIT), "make serve zei te lang niets:\n" + said()
            assert process.poll() is None, "make serve stopte voor het diende:\n" + said()
            yield f"http://127.0.0.1:{port}/"
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            code = process.wait(timeout=60)
            copier.join(timeout=60)  # the output ends with the process
    text = log_path.read_text(encoding="utf-8")
    assert code == 0 and "Traceback" not in text, text
