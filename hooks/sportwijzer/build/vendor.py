"""Browser libraries we serve from our own site, copied at build time from installed packages.

Nothing third-party is committed: lunr.js comes from the mkdocs package, Leaflet from the
XStatic-Leaflet package (both pinned in requirements.txt). Nothing is loaded from a CDN.
lunr's files come unminified; we minify them (rjsmin) and keep their licence header.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import rcssmin
import rjsmin

# site path -> (installed package, path inside it, minify?)
VENDOR_FILES = {
    "assets/vendor/lunr/lunr.js": ("mkdocs", "contrib/search/templates/search/lunr.js", True),
    "assets/vendor/lunr/lunr.stemmer.support.js": (
        "mkdocs",
        "contrib/search/lunr-language/lunr.stemmer.support.js",
        True,
    ),
    "assets/vendor/lunr/lunr.nl.js": ("mkdocs", "contrib/search/lunr-language/lunr.nl.js", True),
    "assets/vendor/leaflet/leaflet.js": ("xstatic.pkg.leaflet", "data/leaflet.js", False),
    "assets/vendor/leaflet/leaflet.css": ("xstatic.pkg.leaflet", "data/leaflet.css", False),
    "assets/vendor/leaflet/images/marker-icon.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-icon.png",
        False,
    ),
    "assets/vendor/leaflet/images/marker-icon-2x.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-icon-2x.png",
        False,
    ),
    "assets/vendor/leaflet/images/marker-shadow.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-shadow.png",
        False,
    ),
}

_HEADER = re.compile(r"\A\s*/\*.*?\*/", re.S)


def package_dir(name: str) -> Path:
    """Where an installed package lives, found without running it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {name} is not installed; run 'make venv'")
    return Path(next(iter(spec.submodule_search_locations)))


def minify(source: str) -> str:
    """Minified JavaScript that keeps the file's first comment: its copyright and licence."""
    header = _HEADER.match(source)
    keep = header.group(0).strip() + "\n" if header else ""
    minified: str = rjsmin.jsmin(source[header.end() :] if header else source)  # untyped package
    return keep + minified


def minify_own_files(site: Path) -> None:
    """Our own scripts and style sheet in the built site (javascripts/*.js, stylesheets/*.css),
    minified in place: their comments are for the people who read the source in content/, not
    for every visitor's download (about a third less to fetch, gzip and all)."""
    for path in sorted((site / "javascripts").glob("*.js")):
        path.write_text(rjsmin.jsmin(path.read_text("utf-8")), "utf-8")
    for path in sorted((site / "stylesheets").glob("*.css")):
        path.write_text(rcssmin.cssmin(path.read_text("utf-8")), "utf-8")


def vendor_files() -> dict[str, bytes]:
    """Site path -> content, for every browser library the site serves."""
    files = {}
    for dest, (package, inner, shrink) in VENDOR_FILES.items():
        path = package_dir(package) / inner
        files[dest] = (
            minify(path.read_text("utf-8")).encode("utf-8") if shrink else path.read_bytes()
        )
    return files
