"""`make serve`: watches every data folder, shows a Dutch page while the data has errors and
recovers by itself, takes POORT, says one Dutch line for a busy port, and after a change
renders only what changed, with the same result as a full build (sportwijzer_serve.py,
sportwijzer/preview.py, sportwijzer/graph_digest.py)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import (
    REPO,
    SERVE_WAIT,
    TODAY,
    VALID_OFFER,
    free_port,
    make_site,
    mkdocs_build,
    serving,
    write,
)
from sportwijzer.base import reuse
from sportwijzer.base.dates import today_in_amsterdam
from sportwijzer.base.graph_digest import GraphDigest
from sportwijzer.base.problems import Problem, report_lines
from sportwijzer.build.pages import all_pages
from sportwijzer.check.datakinds import DATA_FOLDERS
from sportwijzer.site import LoadResult
from sportwijzer.tools import preview

EVENT = """\
titel: Kennismaken met zitvolleybal
soort: kennismaking
organisator: judoclub-de-mat
samenvatting: Een middag zitvolleybal proberen, met uitleg van twee trainers van de club.
datum: {datum}
beperkingen: [lichamelijk]
locatie: {naam: Sporthal Testwijk, adres: Testlaan 12, postcode: 8021 CD, plaats: Zwolle, \
gemeente: Zwolle, coordinaten: [52.5160, 6.0840]}
contact: {email: zitvolleybal@example.org}
"""
WAIT = SERVE_WAIT  # seconds: generous, the machine may be busy; every wait ends at its signal


# --- what it watches, the port, the error page -----------------------------------------------


def test_every_data_folder_and_the_regions_file_are_watched(tmp_path):
    for name in ["regio.yml", *DATA_FOLDERS, "lijsten", "toolkit"]:
        write(tmp_path, f"{name}/x" if "." not in name else name, "")
    watched = {path.relative_to(tmp_path).as_posix() for path in preview.watched_paths(tmp_path)}
    assert watched == {"regio.yml", "offers", "partners", "agenda", "vragen", "lijsten", "toolkit"}


def test_a_folder_that_is_not_there_is_not_watched(tmp_path):
    write(tmp_path, "regio.yml", "")
    assert preview.watched_paths(tmp_path) == [tmp_path / "regio.yml"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, 8000),
        ("", 8000),
        ("8001", 8001),
        (" 8002 ", 8002),
        ("abc", "POORT moet een getal zijn, zoals POORT=8001 (je gaf 'abc')."),
        ("70000", "POORT moet een getal zijn, zoals POORT=8001 (je gaf '70000')."),
        ("0", "POORT moet een getal zijn, zoals POORT=8001 (je gaf '0')."),
    ],
)
def test_the_port_is_read_from_poort(given, expected):
    assert preview.read_port(given) == expected


def test_the_error_page_holds_the_lines_of_make_check_and_reloads_itself():
    problems = [
        Problem("offers/a.yml", 3, "veld 'titel': <b>te kort</b>"),
        Problem("offers/b.yml", 1, "veld 'sport' ontbreekt"),
        Problem("offers/a.yml", 9, "zin is lang", "waarschuwing"),
    ]
    lines = preview.failure_lines(LoadResult(None, problems, 2), "Aborted")
    assert lines == report_lines(problems, 2)
    page = preview.error_page(lines)
    assert '<html lang="nl">' in page
    assert "<code>offers/a.yml:3: veld &#x27;titel&#x27;: &lt;b&gt;te kort&lt;/b&gt;</code>" in page
    assert "<details><summary>1 keer 'let op'</summary>" in page
    assert "<strong>Gevonden: 2 problemen in 2 bestanden. 1 waarschuwing.</strong>" in page
    assert page.endswith('</main><script src="/.sportwijzer-herladen.js"></script></body></html>\n')
    assert "location.reload()" in preview.RELOAD_SCRIPT and "/livereload/" in preview.RELOAD_SCRIPT


def test_a_failure_that_is_not_the_datas_says_what_stopped_the_build():
    lines = preview.failure_lines(LoadResult(None, [], 1), "template 'x.html' not found")
    assert lines == ["De site kon niet worden gebouwd: template 'x.html' not found"]


# --- the digest of a page's input ----------------------------------------------------------------


@dataclass(eq=False)
class Node:
    naam: str
    buren: list[Node] = field(default_factory=list)


def _ring(names: list[str]) -> Node:
    """Objects that refer to each other in a circle, as a provider and its offers do."""
    nodes = [Node(name) for name in names]
    for node, following in zip(nodes, nodes[1:] + nodes[:1], strict=True):
        node.buren.append(following)
    return nodes[0]


def test_equal_content_gives_an_equal_digest_however_often_it_is_reached():
    one, other = _ring(["a", "b", "c"]), _ring(["a", "b", "c"])
    assert GraphDigest().digest(one, {"x": [1, "1"]}) == GraphDigest().digest(
        other, {"x": [1, "1"]}
    )
    shared = GraphDigest()
    assert shared.digest(one) == shared.digest(one) == GraphDigest().digest(other)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: setattr(root.buren[0].buren[0], "naam", "C"),  # far away, in the cycle
        lambda root: root.buren[0].buren.append(Node("d")),
        lambda root: setattr(root.buren[0], "buren", [root]),  # the same names, another shape
    ],
)
def test_a_change_anywhere_the_roots_reach_changes_the_digest(change):
    root = _ring(["a", "b", "c"])
    before = GraphDigest().digest(root)
    change(root)
    assert GraphDigest().digest(root) != before


def test_plain_values_are_told_apart_by_type():
    digest = GraphDigest()
    assert len({digest.digest(v) for v in ([1], ["1"], (1,), {"1": 1}, {1: 1}, 1.0)}) == 6


def test_the_digest_of_every_generated_page_is_the_same_after_reading_the_data_again(demo):
    """Reading the same files twice gives the same keys: no page is rendered for nothing."""
    from sportwijzer.site import load_site

    again = load_site(REPO, today=demo.site.today)
    keys = [
        {p.src_uri: preview.page_key(GraphDigest(), p, r.site.regio) for p in all_pages(r.site)}
        for r in (demo, again)
    ]
    assert keys[0] == keys[1]


# --- what the preview keeps of the data between builds (base/reuse.py) ----------------------------


@pytest.fixture
def keeping():
    reuse.turn_on()
    yield
    reuse.turn_off()


def test_nothing_is_kept_unless_the_preview_turns_keeping_on(tmp_path):
    calls = []
    write(tmp_path, "offers/a.yml", "titel: A\n")
    for _ in range(2):
        reuse.kept_for_file("offer", tmp_path, "offers/a.yml", lambda: calls.append(1))
        reuse.kept(("tekst", "x"), lambda: calls.append(2))
    assert calls == [1, 2, 1, 2]


def test_a_files_work_is_kept_until_its_bytes_change(tmp_path, keeping):
    calls = []
    write(tmp_path, "offers/a.yml", "titel: A\n")

    def work():
        calls.append((tmp_path / "offers/a.yml").read_text())
        return len(calls)

    assert [reuse.kept_for_file("offer", tmp_path, "offers/a.yml", work) for _ in "ab"] == [1, 1]
    write(tmp_path, "offers/a.yml", "titel: B\n")
    assert reuse.kept_for_file("offer", tmp_path, "offers/a.yml", work) == 2
    assert reuse.kept_for_file("partner", tmp_path, "offers/a.yml", work) == 3  # another kind
    reuse.forget()  # a list in lijsten/ changed
    assert reuse.kept_for_file("offer", tmp_path, "offers/a.yml", work) == 4
    assert calls == ["titel: A\n", "titel: B\n", "titel: B\n", "titel: B\n"]


def test_a_file_that_cannot_be_read_is_worked_on_every_time(tmp_path, keeping):
    calls = []
    for _ in range(2):
        reuse.kept_for_file("offer", tmp_path, "offers/weg.yml", lambda: calls.append(1))
    assert calls == [1, 1]


def test_reading_the_region_with_keeping_on_gives_the_same_result(keeping):
    """The demo read twice with keeping on (the second time from what was kept), and once
    without: the same problems, and every generated page gets the same input."""
    from sportwijzer.site import load_site

    first, second = (load_site(REPO, today=TODAY) for _ in range(2))
    reuse.turn_off()
    fresh = load_site(REPO, today=TODAY)
    assert first.problems == second.problems == fresh.problems
    keys = [
        {p.src_uri: preview.page_key(GraphDigest(), p, r.site.regio) for p in all_pages(r.site)}
        for r in (second, fresh)
    ]
    assert keys[0] == keys[1]


# Templates that only hand-written pages or the theme's own pages use, and what they may read of
# the site (preview.hand_written_key); every other template only the region (preview.page_key).
HAND_WRITTEN_ONLY = {"home.html", "open-data.html", "hulp.html", "toolkit.html", "404.html"}
HAND_WRITTEN_READS = {"regio", "komend", "toolkit", "gepubliceerd_tekst"}


def test_templates_read_of_the_site_itself_only_what_the_preview_follows():
    """A page is rendered again only when what its key covers changes: a template that read
    more of the site would go stale in the preview."""
    for path in sorted((REPO / "overrides").rglob("*.html")):
        if "languages" in path.parts:
            continue
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        used = set(re.findall(r"\bsportwijzer\b(?:\.(\w+))?", text)) - {""}
        if path.name in HAND_WRITTEN_ONLY:
            assert used <= HAND_WRITTEN_READS, f"{path.name}: {used}"
            continue
        assert used <= {"regio"}, f"{path.name}: {used}"
        assert "sportwijzer_links" not in text, path.name


# --- the real server -----------------------------------------------------------------------------


def event(title: str = "Kennismaken met zitvolleybal") -> str:
    """The event, two months from today (the server checks on the real date)."""
    day = today_in_amsterdam() + dt.timedelta(days=60)
    return EVENT.replace("{datum}", day.isoformat()).replace("Kennismaken met zitvolleybal", title)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(url: str, page: str, seen, what: str) -> str:
    """Ask for the page once per finished build until `seen(status, text)`. Between two questions
    we wait on the server's own signal, no sleep: its live-reload address (livereload/<epoch>/0,
    what a page's reload script asks) answers as soon as a build newer than <epoch> is visible.
    The epoch is read before the page, so a build that ends in between is never missed."""
    deadline, status, text = time.monotonic() + WAIT, 0, ""
    while time.monotonic() < deadline:
        _, epoch = fetch(url + "livereload/0/0")  # the newest visible build, at once
        assert epoch.isdigit(), f"de server antwoordt niet meer: {what}"
        status, text = fetch(url + page)  # the server waits for a build under way to finish
        if seen(status, text):
            return text
        fetch(f"{url}livereload/{epoch}/0")  # answers at a newer build (or after a minute)
    shown = re.sub(r"<[^>]+>", " ", html.unescape(text))[:2000]
    raise AssertionError(f"binnen {WAIT} s niet gezien: {what}; laatst {status}: {shown}")


@pytest.fixture
def served(tmp_path):
    """A copy of regio-a with an event, served by the same command as `make serve`."""
    (tmp_path / "bron").mkdir()
    root = make_site(tmp_path / "bron")
    write(root, "agenda/zitvolleybal-zwolle.yml", event())
    with serving(root, tmp_path / "serve.log") as url:
        yield root, url


@pytest.mark.traag
def test_serve_shows_a_changed_event_then_the_errors_then_the_fixed_site(served, tmp_path):
    root, url = served
    address = "agenda/zitvolleybal-zwolle/"
    wait_for(
        url, address, lambda s, t: s == 200 and "Kennismaken met zitvolleybal" in t, "de pagina"
    )

    path = root / "agenda" / "zitvolleybal-zwolle.yml"
    path.write_text(event("Zitvolleybal proberen"), encoding="utf-8")
    wait_for(url, address, lambda s, t: "Zitvolleybal proberen" in t, "de nieuwe titel")

    offer = root / "offers" / "g-judo-zwolle.yml"
    good = offer.read_text(encoding="utf-8")
    offer.write_text(good.replace("sport: judo", "sport: jduo"), encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "sportwijzer", "check", str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root / "hooks")},
    )
    expected = [line for line in check.stdout.splitlines() if "g-judo-zwolle.yml" in line]
    assert check.returncode == 1 and expected
    page = wait_for(url, address, lambda s, t: "sw-voorbeeld-fouten" in t, "de pagina met fouten")
    shown = html.unescape(page)
    assert all(line in shown for line in expected), (expected, shown)
    assert check.stdout.splitlines()[-1] in shown  # the summary line of make check
    _, epoch = fetch(url + "livereload/0/0")  # what the error page's script asks first

    offer.write_text(good, encoding="utf-8")
    _, newer = fetch(f"{url}livereload/{epoch}/0")  # answers once a newer build is there
    assert int(newer) > int(epoch)
    wait_for(url, address, lambda s, t: s == 200 and "Zitvolleybal proberen" in t, "de site terug")


def test_a_busy_port_gives_one_dutch_line_and_exit_code_1():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            ["make", "--no-print-directory", "serve", f"POORT={port}"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
    assert done.returncode != 0
    ours = [line for line in done.stderr.splitlines() if not re.match(r"make(\[\d+\])?: ", line)]
    assert ours == [preview.port_busy_line(port)]
    assert ours[0].startswith(f"Poort {port} is al in gebruik") and done.stdout == ""


def test_make_serve_passes_poort_unchanged_and_the_shell_runs_nothing(tmp_path):
    """POORT travels in the environment (issue #23's rule for every value given to make)."""
    for name in ("Makefile", "requirements.txt", "requirements-check.txt"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    stamp = tmp_path / ".venv" / ".installed-requirements"
    python = write(tmp_path, ".venv/bin/python", f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    stamp.touch()
    later = (tmp_path / "Makefile").stat().st_mtime + 60
    os.utime(stamp, (later, later))
    seen = "import json, os\nopen('seen.json', 'w').write(json.dumps(os.environ.get('POORT')))\n"
    write(tmp_path, "hooks/sportwijzer_serve.py", seen)
    tricky = "80$(touch geraakt)`touch geraakt`; touch geraakt"
    subprocess.run(["make", "-s", "serve", f"POORT={tricky}"], cwd=tmp_path, check=True)
    assert json.loads((tmp_path / "seen.json").read_text(encoding="utf-8")) == tricky
    assert not (tmp_path / "geraakt").exists()


def test_the_terminal_shows_a_data_warning_once_and_every_error():
    import logging

    import sportwijzer_serve

    class Site:
        failing = False

    site = Site()
    quieter = sportwijzer_serve._Quieter(site)  # type: ignore[arg-type]

    def shown(name: str, level: int, message: str) -> bool:
        return quieter.filter(logging.LogRecord(name, level, "", 0, message, None, None))

    warning = "offers/a.yml:3: let op: veld 'titel': te lang"
    data = "mkdocs.plugins.sportwijzer"
    assert [shown(data, logging.INFO, warning) for _ in "ab"] == [True, False]
    assert [shown(data, logging.ERROR, "offers/a.yml:1: fout") for _ in "ab"] == [True, True]
    assert not shown("mkdocs.commands.build", logging.WARNING, "A 'dirty' build is being ...")
    request = '"GET /aanbod/ HTTP/1.1" code 404'
    assert shown("mkdocs.livereload", logging.WARNING, request)
    site.failing = True  # the error page is up: every address gets it, no line each
    assert not shown("mkdocs.livereload", logging.WARNING, request)


# --- only what changed is rendered, and the result is the full build's ---------------------------


def _files(site: Path) -> dict[str, bytes]:
    """The site's files; not the preview's own reload script (a dot file the build leaves)."""
    found = (p for p in site.rglob("*") if p.is_file() and p.name != preview.RELOAD_FILE)
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in found}


def _replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (what changes, the change, whether fewer pages are rendered than at the first build)
CHANGES = [
    ("titel", lambda r: _replace(r, "offers/wandelen-kampen.yml", "titel: ", "titel: Samen "), 1),
    (
        "aanbieder",
        lambda r: _replace(r, "partners/welzijn-kampen.md", "naam: Welzijn", "naam: Sport"),
        1,
    ),
    (
        "evenement",
        lambda r: _replace(r, "agenda/zitvolleybal-zwolle.yml", "Kennismaken", "Leer"),
        1,
    ),
    ("nieuw aanbod", lambda r: write(r, "offers/zwemmen-zwolle.yml", VALID_OFFER), 0),
    (
        "sjabloon",
        lambda r: _replace(r, "overrides/partner.html", "</h2>", " (partner)</h2>"),
        0,
    ),
]


@pytest.mark.traag
@pytest.mark.parametrize(("name", "change", "less"), CHANGES, ids=[c[0] for c in CHANGES])
def test_after_a_change_the_preview_equals_a_full_build(tmp_path, monkeypatch, name, change, less):
    """Two preview builds, a change in between, give the same files as a full build of the
    changed sources; after a change to one data file fewer pages are rendered."""
    import sportwijzer_serve

    (tmp_path / "bron").mkdir()
    root = make_site(tmp_path / "bron")
    write(root, "agenda/zitvolleybal-zwolle.yml", event())
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")
    site = sportwijzer_serve.Preview(root, free_port())
    try:
        site.build()
        first = site.session.rendered
        change(root)
        site.build()
        assert (0 < site.session.rendered < first) if less else site.session.rendered >= first
        served = _files(site.site_dir)
    finally:
        site.close()
    full = mkdocs_build(root, site_url=site.url, site=tmp_path / "vol")
    assert full.returncode == 0, full.stderr
    expected = _files(tmp_path / "vol")
    assert sorted(served) == sorted(expected)
    assert [name for name in expected if served[name] != expected[name]] == []


@pytest.mark.traag
def test_a_broken_template_shows_the_error_page_and_the_fixed_one_the_site(tmp_path, monkeypatch):
    import sportwijzer_serve

    (tmp_path / "bron").mkdir()
    root = make_site(tmp_path / "bron")
    monkeypatch.chdir(root)
    site = sportwijzer_serve.Preview(root, free_port())
    try:
        site.build()
        _replace(root, "overrides/partner.html", "</h2>", "{% if %}</h2>")
        site.build()
        page = (site.site_dir / preview.ERROR_PAGE).read_text(encoding="utf-8")
        assert "De site kon niet worden gebouwd: " in page
        left = sorted(p.name for p in site.site_dir.iterdir())
        assert left == [preview.RELOAD_FILE, preview.ERROR_PAGE]
        _replace(root, "overrides/partner.html", "{% if %}</h2>", "</h2>")
        site.build()
        assert (site.site_dir / "partners" / "welzijn-kampen" / "index.html").is_file()
        assert not (site.site_dir / preview.ERROR_PAGE).read_text().count("sw-voorbeeld-fouten")
    finally:
        site.close()
