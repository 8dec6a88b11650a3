"""Every file the build adds besides pages: open data, the calendar files, the finder's files,
the text index, the browser libraries and the pages at old addresses (build/redirects.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..base.jsontext import inert_json
from ..finder.data import CARDS_PER_FILE, FACTS_PATH, finder_files, icon_files
from ..finder.page_text import ContentPage
from ..finder.query_lexicon import query_lexicon
from ..finder.search import HEAD_PATH, search_files
from ..model.objects import Site
from .calendar_ics import calendar_files
from .export import export_files
from .redirects import redirect_files
from .vendor import minify_own_files, vendor_files


def extra_files(site: Site, base_url: str) -> dict[str, str | bytes]:
    """Site path -> content, known before any page is rendered. `base_url` makes the open
    data's links absolute."""
    return {
        **export_files(site, base_url),
        **calendar_files(site, base_url),
        **vendor_files(),
        **icon_files(site),
        **redirect_files(site, base_url),
    }


def search_and_finder_files(site: Site, pages: list[ContentPage]) -> dict[str, str]:
    """Site path -> content, once every page is rendered: the text index holds the rendered
    hand-written pages. Thousands of small files (a card per offer), so written directly.

    The two files a browser reads first (the index's head and the finder's facts) name this
    build's version, and how many cards a card file holds; the files fetched after them carry
    the version in their address (?v=), so that a browser never mixes the facts of one build
    with the cards or index parts of another.
    """
    files = {**search_files(site, pages), **finder_files(site)}
    version = hashlib.sha256("\0".join(files.values()).encode()).hexdigest()[:12]
    for path in (HEAD_PATH, FACTS_PATH):
        data = {**json.loads(files[path]), "versie": version, "kaartjesblok": CARDS_PER_FILE}
        if path == HEAD_PATH:  # how a query is read (query_lexicon), with the index's words
            data["lezen"] = query_lexicon(site)
        files[path] = inert_json(data, separators=(",", ":"))
    return files


def write_late_files(folder: Path, site: Site, pages: list[ContentPage]) -> None:
    """What the build writes once every page is rendered: the text index and the finder's
    files; and our own scripts and style sheet, minified in place."""
    write_files(folder, search_and_finder_files(site, pages))
    minify_own_files(folder)


def write_files(folder: Path, files: dict[str, str]) -> None:
    made: set[Path] = set()
    for path, text in files.items():
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(text, encoding="utf-8")
