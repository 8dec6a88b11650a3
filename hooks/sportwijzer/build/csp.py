"""A Content-Security-Policy for every page: only the site's own origin may load or run code.

The theme writes a few small inline scripts; each page's policy allows exactly those, by hash.
Which scripts are ours comes from the templates (overrides/ and the theme's), read when the build
starts, never from the page: a script that reached a page through its text is not ours, and the
browser refuses it. Map tiles are the one outside source, and only as images: they load when
someone asks for the map.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never run
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def origin_of(url: str) -> str:
    """'https://tile.example.org/{z}/{x}/{y}.png' -> 'https://tile.example.org'."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' for every inline script that runs (not for JSON data blocks)."""
    return sorted({_hash(body) for body in _inline_scripts(html)})


def _inline_scripts(html: str) -> Iterator[str]:
    """The text of every inline script that runs, in order.

    The same as matching _SCRIPT over the page (tests compare the two), found with str.find:
    this runs on every page of the build, and the theme's scripts repeat on every page."""
    start = html.find("<script")
    while start >= 0:
        close = html.find(">", start)
        end = html.find("</script>", close)
        if close < 0 or end < 0:
            break
        attrs = html[start + 7 : close]
        if "src=" not in attrs and not any(kind in attrs for kind in _DATA_TYPES):
            yield html[close + 1 : end]
        start = html.find("<script", end)


@dataclass(frozen=True)
class OwnScripts:
    """The inline scripts our templates write: fixed ones by hash; one with a value that the
    template fills in (`new URL("{{ base_url }}")`) as a pattern whose only free part is that
    value, inside its quotes."""

    hashes: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = ()

    def allows(self, body: str) -> bool:
        return _hash(body) in self.hashes or any(p.fullmatch(body) for p in self.patterns)


_SLOT = re.compile(r"\{\{.*?\}\}", re.S)
_SLOT_VALUE = r"[^\"'`\\<>\n\r]*"  # a value inside quotes that cannot leave them


def own_scripts(folders: Iterable[Path | str]) -> OwnScripts:
    """The inline scripts in the templates below `folders` (overrides/, the theme's own)."""
    hashes: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.html")):
            for body in _inline_scripts(path.read_text(encoding="utf-8")):
                if "{%" in body or "{#" in body:
                    continue  # built by template logic: never allowed, a browser test says so
                if "{{" not in body:
                    hashes.add(_hash(body))
                elif (pattern := _pattern(body)) is not None:
                    patterns.append(pattern)
    return OwnScripts(frozenset(hashes), tuple(dict.fromkeys(patterns)))


def _pattern(body: str) -> re.Pattern[str] | None:
    """The script with each {{ value }} free, if every value stands alone inside quotes."""
    parts = _SLOT.split(body)
    for before, after in itertools.pairwise(parts):
        if not before or before[-1] not in "\"'" or not after.startswith(before[-1]):
            return None
    return re.compile(_SLOT_VALUE.join(re.escape(part) for part in parts))


@functools.lru_cache(maxsize=256)
def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def own_script_hashes(html: str, own: OwnScripts) -> list[str]:
    """'sha256-…' for each inline script in the page that our templates write."""
    return sorted({_hash(body) for body in _inline_scripts(html) if own.allows(body)})


def policy(
    html: str, own: OwnScripts, image_origins: list[str], form_origins: Iterable[str] = ()
) -> str:
    """The policy for one page; forms may also go to `form_origins` (the repository host)."""
    scripts = " ".join(["'self'", *own_script_hashes(html, own)])
    images = " ".join(["'self'", "data:", *sorted(set(filter(None, image_origins)))])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            f"img-src {images}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            " ".join(["form-action 'self'", *sorted(set(filter(None, form_origins)))]),
        ]
    )


@dataclass(frozen=True)
class SitePolicy:
    """What every page's policy is made of, read once a build: the templates' inline scripts,
    where images may come from besides the site (map tiles) and where forms may go."""

    own: OwnScripts
    image_origins: list[str]
    form_origins: list[str]

    def apply(self, html: str) -> str:
        """The page with its policy (with_csp)."""
        return with_csp(html, self.own, self.image_origins, self.form_origins)


def site_policy(theme_dirs: Iterable[Path | str], tiles: str, repository: str | None) -> SitePolicy:
    """The policy's parts for a build: the map tiles' origin for images, the repository's
    (the edit button's form) for forms."""
    return SitePolicy(own_scripts(theme_dirs), [origin_of(tiles)], [origin_of(repository or "")])


def with_csp(
    html: str, own: OwnScripts, image_origins: list[str], form_origins: Iterable[str] = ()
) -> str:
    """The page with its policy as the first thing after <meta charset>."""
    rules = policy(html, own, image_origins, form_origins)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{rules}">'
    match = _CHARSET.search(html)
    if match is None:
        return html
    return html[: match.end()] + "\n    " + tag + html[match.end() :]
