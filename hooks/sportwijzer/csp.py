"""A Content-Security-Policy for every page: only the site's own origin may load or run code.

The theme writes a few small inline scripts; each page's policy allows exactly those, by hash.
Map tiles are the one outside source, and only as images: they load when someone asks for the map.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from urllib.parse import urlsplit

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never run
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def origin_of(url: str) -> str:
    """'https://tile.example.org/{z}/{x}/{y}.png' -> 'https://tile.example.org'."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' for every inline script that runs (not for JSON data blocks).

    The same as matching _SCRIPT over the page (tests compare the two), found with str.find:
    this runs on every page of the build, and the theme's scripts repeat on every page."""
    hashes = set()
    start = html.find("<script")
    while start >= 0:
        close = html.find(">", start)
        end = html.find("</script>", close)
        if close < 0 or end < 0:
            break
        attrs = html[start + 7 : close]
        if "src=" not in attrs and not any(kind in attrs for kind in _DATA_TYPES):
            hashes.add(_hash(html[close + 1 : end]))
        start = html.find("<script", end)
    return sorted(hashes)


@functools.lru_cache(maxsize=256)
def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(html: str, image_origins: list[str], form_origins: list[str] = ()) -> str:
    """The policy for one page; forms may also go to `form_origins` (the repository host)."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
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


def with_csp(html: str, image_origins: list[str], form_origins: list[str] = ()) -> str:
    """The page with its policy as the first thing after <meta charset>."""
    rules = policy(html, image_origins, form_origins)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{rules}">'
    match = _CHARSET.search(html)
    if match is None:
        return html
    return html[: match.end()] + "\n    " + tag + html[match.end() :]
