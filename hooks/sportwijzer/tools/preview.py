"""The preview (`make serve`): what it watches, the page it shows while the data has errors,
and which generated pages it renders again after a change.

MkDocs' own serve builds the whole site again on every change (6-7 s at 1,000 offers). The
preview keeps, for the life of one serve process, the input digest of every generated page
(base/graph_digest.py) and the page's Markdown as a file of its own. The build is MkDocs' dirty
build: it renders a page again only when that file is newer than the HTML it wrote before, and a
file is written again only when the page's digest changed. MkDocs always reads the hand-written
pages again (the site's search reads their text), and renders them again when what they may show of
the site changed (hand_written_key). When anything but the data's own
files changed (mkdocs.yml, content/, overrides/, lijsten/, toolkit/, regio.yml, the date), or a
file of the site comes or goes, the preview starts from an empty folder: every page is rendered,
as in a full build. A normal `mkdocs build` never uses any of this.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.graph_digest import GraphDigest
from ..base.problems import report_lines
from ..check.datakinds import DATA_FOLDERS
from ..check.toolkit_load import TOOLKIT_DIR
from ..check.vocabulary_load import SPORTEN_FILE
from ..site import REGIO_FILE, LoadResult

if TYPE_CHECKING:
    from ..build.pages import GeneratedPage
    from ..model.objects import Regio, Site

LISTS_DIR = Path(SPORTEN_FILE).parent.as_posix()  # lijsten/
DEFAULT_PORT = 8000
ERROR_PAGE = "404.html"  # the server answers every address it has no file for with this page


def watched_paths(root: Path) -> list[Path]:
    """Every data folder and regio.yml, the lists and the toolkit: the ones that exist."""
    names = [REGIO_FILE, *sorted(DATA_FOLDERS), LISTS_DIR, TOOLKIT_DIR]
    return [root / name for name in names if (root / name).exists()]


def shared_inputs(root: Path) -> list[Path]:
    """What every page may read besides its own data: regio.yml, the lists and the toolkit."""
    return [root / name for name in (REGIO_FILE, LISTS_DIR, TOOLKIT_DIR)]


def fingerprint(paths: Iterable[Path], today: dt.date) -> str:
    """A digest of every file under `paths` (names and bytes) and of the date."""
    digest = hashlib.blake2b(today.isoformat().encode(), digest_size=16)
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes() if file.is_file() else b"\x00(geen bestand)"
            digest.update(f"\x00{file}\x00{len(data)}\x00".encode() + data)
    return digest.hexdigest()


def page_key(digest: GraphDigest, page: GeneratedPage, regio: Regio) -> str:
    """What a generated page's HTML depends on: its Markdown, its template, what its template
    reads (the page's objects) and the region (every template may show its name and desk;
    tests/tools/test_preview.py checks that templates read nothing else from the site itself)."""
    return digest.digest(page.markdown(), page.template, page.context, regio)


def hand_written_key(digest: GraphDigest, site: Site, links: object) -> str:
    """What a hand-written page may read of the site besides its own Markdown: the region, the
    overview links, the coming events, how many offers there are, the toolkit (tests/
    tools/test_preview.py checks that their templates read nothing else)."""
    return digest.digest(site.regio, links, site.komend, site.gepubliceerd_tekst, site.toolkit)


@dataclass
class Preview:
    """What one serve process keeps between its builds."""

    folder: Path  # the generated pages' Markdown, a file each: its time says 'render again'
    keys: dict[str, str] = field(default_factory=dict)  # src_uri -> page_key at the last build
    fingerprint: str = ""  # of what every page may read besides its own data, at the last build
    shared: str = ""  # the same, when the data's reading was last kept (base/reuse.py)
    files: frozenset[str] = frozenset()  # every file of the site at the last build
    templates: dict[str, tuple[str, object]] = field(default_factory=dict)  # compiled, by key
    # src_uri -> (Markdown, front matter) as MkDocs read them: for the pages it does not read
    # again, whose front matter the sitemap still asks for ('robots: noindex')
    read: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    rendered: int = 0  # generated pages written again at the last build
    hand_key: str = ""  # hand_written_key at the last build

    def start(self, fingerprint: str, files: Iterable[str]) -> bool:
        """Whether this build must start from an empty folder: the first build, or anything but
        the data's own files changed, or a file of the site comes or goes."""
        files = frozenset(files)
        fresh = fingerprint != self.fingerprint or files != self.files
        if fresh:
            self.keys.clear()
            self.hand_key = ""
        self.fingerprint, self.files, self.rendered = fingerprint, files, 0
        return fresh

    def page_source(self, src_uri: str, markdown: str, key: str) -> Path:
        """The file the page is read from; written again (so newer than the page's HTML) only
        when its key changed."""
        path = self.folder / src_uri
        if self.keys.get(src_uri) != key or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
            self.keys[src_uri] = key
            self.rendered += 1
        return path

    def forget(self) -> None:
        """After a failed build: the next one starts from an empty folder."""
        self.keys.clear()
        self.fingerprint, self.files, self.hand_key = "", frozenset(), ""

    @property
    def held(self) -> Path:
        """Where the hand-written pages' HTML waits while MkDocs reads their Markdown again."""
        return self.folder / "(bewaard)"


# --- while the site cannot be built -------------------------------------------------------------


def failure_lines(result: LoadResult, error: str) -> list[str]:
    """The lines of `make check` when the data has errors; else what stopped the build."""
    if not result.ok:
        return report_lines(result.problems, result.files_checked)
    return [f"De site kon niet worden gebouwd: {error}"]


RELOAD_FILE = ".sportwijzer-herladen.js"  # in the served folder (a dot: the build leaves it)
# MkDocs' live reload, as a file of the site: the pages' Content-Security-Policy runs only the
# site's own scripts, so the server's inline script never ran (sportwijzer_serve._Server). With
# data-epoch (the build the page is from) it waits for a newer build; without (the error page)
# it first asks which build is there, then waits for a newer one.
RELOAD_SCRIPT = """\
(function () {
  var script = document.currentScript;
  var shown = parseFloat(script && script.getAttribute("data-epoch")) || 0;
  var known = shown > 0;
  function ask() {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      var now = parseFloat(this.responseText) || 0;
      if (known && now > shown) {
        location.reload();
        return;
      }
      if (now) {
        shown = now;
        known = true;
      }
      setTimeout(ask, this.status === 200 ? 0 : 1000);
    };
    request.open("GET", "/livereload/" + shown + "/" + Date.now());
    request.send();
  }
  ask();
})();
"""


def reload_tag(epoch: int | None = None) -> str:
    """The script element that loads the page again after a newer build."""
    data = "" if epoch is None else f' data-epoch="{epoch}"'
    return f'<script src="/{RELOAD_FILE}"{data}></script>'


_STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #8b0000; font-size: 1.6rem; }
li { margin: .4rem 0; }
code { font: .95rem/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
"""


def error_page(lines: list[str]) -> str:
    """The page the preview shows at every address until the site can be built again: every
    line of `make check` (errors first, warnings folded away), and a script that loads the page
    again as soon as a new build is there."""
    *found, closing = lines or ["De site kon niet worden gebouwd."]
    errors = [line for line in found if ": let op: " not in line]
    warnings = [line for line in found if ": let op: " in line]
    parts = [
        "<!doctype html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Fouten in de gegevens - Sportwijzer</title>",
        f"<style>{_STYLE}</style></head>",
        '<body><main id="sw-voorbeeld-fouten">',
        "<h1>De site kan nu niet worden gebouwd</h1>",
        "<p>Dit zijn dezelfde regels als bij <code>make check</code>. Verbeter ze en sla het "
        "bestand op. Deze pagina laadt dan vanzelf opnieuw.</p>",
        _list(errors),
    ]
    if warnings:
        parts.append(f"<details><summary>{len(warnings)} keer 'let op'</summary>")
        parts += [_list(warnings), "</details>"]
    parts.append(f"<p><strong>{html.escape(closing)}</strong></p>")
    parts.append(f"</main>{reload_tag()}</body></html>")
    return "\n".join(parts) + "\n"


def _list(lines: list[str]) -> str:
    items = "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in lines)
    return f"<ul>\n{items}</ul>" if items else ""


# --- the port -----------------------------------------------------------------------------------


def read_port(text: str | None) -> int | str:
    """POORT as a number, or the line that says what is wrong with it."""
    text = (text or "").strip()
    if not text:
        return DEFAULT_PORT
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    return f"POORT moet een getal zijn, zoals POORT=8001 (je gaf '{text}')."


def port_busy_line(port: int) -> str:
    """One line for a port that another program already uses."""
    return (
        f"Poort {port} is al in gebruik (draait make serve al?). Stop dat programma, "
        f"of kies een andere poort: make serve POORT={port + 1 if port < 65535 else 8001}"
    )


def port_refused_line(port: int) -> str:
    """One line for a port the system does not give to us (below 1024, for instance)."""
    return (
        f"Poort {port} mag dit programma niet gebruiken. "
        "Kies een poort vanaf 1024: make serve POORT=8001"
    )
