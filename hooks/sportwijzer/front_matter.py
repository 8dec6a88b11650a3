"""A hand-written page's front matter as the theme prints it: escaped, once.

The theme prints a page's title and description as they are (in <title>, <h1>, the header, the
menu, <meta>), so `title: <script>…` would be markup on the site. The build escapes them after
every page is read and before any template runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import escape

# Front matter the theme prints.
PRINTED = ("title", "description", "author")


def escape_front_matter(metas: Iterable[dict[str, Any] | None]) -> None:
    """Escape the printed text fields of each page's front matter in place. They become Markup,
    so that a template's own `| e` does not escape them a second time."""
    for meta in metas:
        for key in PRINTED:
            if meta is not None and isinstance(meta.get(key), str):
                meta[key] = escape(meta[key])
