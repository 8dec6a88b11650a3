"""Old addresses that lead on: a small page at each old name of a renamed offer or event.

A renamed file lists its old names (`vorige_namen`, checked by check/link_checks.py). At
aanbod/<old>/ (or agenda/<old>/) the build writes a page that sends people to the new address: a
link, a refresh and a canonical link. They are plain files, not pages of the site, so they stay
out of the sitemap, the search and the navigation. The link and the refresh are relative, so they
work under a sub-path (https://org.github.io/repo/) and in a preview at another address; only the
canonical link is absolute, made from the site's URL. The page runs no script and loads nothing:
its Content-Security-Policy (build/csp.py) allows no inline script or style.
"""

from __future__ import annotations

import html

from ..model.objects import Aanbod, Evenement, Site
from .csp import OwnScripts, with_csp

_NO_SCRIPTS = OwnScripts(frozenset())


def redirect_files(site: Site, base_url: str = "") -> dict[str, str]:
    """Site path -> the page at every old name of an offer or event, by path."""
    files: dict[str, str] = {}
    items: list[Aanbod | Evenement] = [*site.aanbod.values(), *site.evenementen.values()]
    for item in items:
        folder = item.url.split("/", 1)[0]
        for old in item.vorige_namen:
            files[f"{folder}/{old}/index.html"] = redirect_page(item.titel, item.url, base_url)
    return dict(sorted(files.items()))


def redirect_page(titel: str, url: str, base_url: str = "") -> str:
    """A page at an old address in the same folder as `url` ('aanbod/<slug>/') that leads to it."""
    target = html.escape("../" + url.split("/", 1)[1])
    canonical = html.escape(base_url + url if base_url else target)
    name = html.escape(titel)
    page = f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Nieuw adres: {name}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>Deze pagina heeft een nieuw adres: <a href="{target}">{name}</a>.</p>
</body>
</html>
"""
    return with_csp(page, _NO_SCRIPTS, [])
