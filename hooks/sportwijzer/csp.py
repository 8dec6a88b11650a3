"""A Content-Security-Policy for every page: only the site's own origin may load or run code.

The theme writes a few small inline scripts; each page's policy allows exactly those, by hash.
Map tiles are the one outside source, and only as images: they load when someone asks for the map.
"""

from __future__ import annotations

import base64
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
    """'sha256-…' for every inline script that runs (not for JSON data blocks)."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(set(hashes))


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
