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


def escape_front_matter(files: Iterable[Any]) -> None:
    """Escape the printed text fields of each hand-written page's front matter in place (MkDocs'
    documentation files: a generated page's fields are ours, escaped where they are made). They
    become Markup, so that a template's own `| e` does not escape them a second time."""
    for file in files:
        meta = file.page.meta if file.page is not None and not file.generated_by else {}
        for key in PRINTED:
            if isinstance(meta.get(key), str):
                meta[key] = escape(meta[key])
