"""Browser libraries we serve from our own site, copied at build time from installed packages.

Nothing third-party is committed: lunr.js comes from the mkdocs package, Leaflet from the
XStatic-Leaflet package (both pinned in requirements.txt). Nothing is loaded from a CDN.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

# site path -> (installed package, path inside it)
VENDOR_FILES = {
    "assets/vendor/lunr/lunr.js": ("mkdocs", "contrib/search/templates/search/lunr.js"),
    "assets/vendor/lunr/lunr.stemmer.support.js": (
        "mkdocs",
        "contrib/search/lunr-language/lunr.stemmer.support.js",
    ),
    "assets/vendor/lunr/lunr.nl.js": ("mkdocs", "contrib/search/lunr-language/lunr.nl.js"),
    "assets/vendor/leaflet/leaflet.js": ("xstatic.pkg.leaflet", "data/leaflet.js"),
    "assets/vendor/leaflet/leaflet.css": ("xstatic.pkg.leaflet", "data/leaflet.css"),
    "assets/vendor/leaflet/images/marker-icon.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-icon.png",
    ),
    "assets/vendor/leaflet/images/marker-icon-2x.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-icon-2x.png",
    ),
    "assets/vendor/leaflet/images/marker-shadow.png": (
        "xstatic.pkg.leaflet",
        "data/images/marker-shadow.png",
    ),
}


def package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {name} is not installed; run 'make venv'")
    return Path(next(iter(spec.submodule_search_locations)))


def vendor_files() -> dict[str, Path]:
    """Site path -> file on disk, for every browser library the site serves."""
    return {dest: package_dir(pkg) / inner for dest, (pkg, inner) in VENDOR_FILES.items()}
