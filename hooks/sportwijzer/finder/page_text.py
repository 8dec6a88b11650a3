"""The words of a rendered content page, for the site's search: its headings apart from its text.

The build hands over each hand-written page's HTML as the theme renders it (the Markdown already
converted); the search index weighs the headings more than the running text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "template", "svg", "button", "form", "nav"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ContentPage:
    """A hand-written page as the search index sees it."""

    pad: str  # its site path, e.g. "hulp/vervoer/"
    titel: str
    koppen: str  # the text of its headings (the page title not repeated)
    tekst: str  # the rest of its text


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADINGS or tag in _SKIPPED:
            self._open.append(tag)
        elif tag in ("br", "p", "li", "td", "th", "div"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
            if tag in _HEADINGS:
                self.headings.append(" ")

    def handle_data(self, data: str) -> None:
        if any(tag in _SKIPPED for tag in self._open):
            return
        if any(tag in _HEADINGS for tag in self._open):
            self.headings.append(data)
        else:
            self.text.append(data)


def _clean(parts: list[str]) -> str:
    return _SPACES.sub(" ", "".join(parts)).strip()


def content_page(pad: str, titel: str, html: str) -> ContentPage:
    """The headings and text of a page's rendered HTML; the heading anchors' '¶' left out."""
    words = _Words()
    words.feed(html)
    words.close()
    headings = _clean(words.headings).replace("¶", "")
    if headings.startswith(titel):
        headings = headings[len(titel) :]
    return ContentPage(pad, titel, _clean([headings]), _clean(words.text).replace("¶", ""))


def searchable_page(
    pad: str, meta: Mapping[str, Any], titel: str | None, html: str
) -> ContentPage | None:
    """A hand-written page for the search, unless its front matter says `zoeken: false`."""
    if meta.get("zoeken", True) is False:
        return None
    return content_page(pad, str(meta.get("title") or titel or ""), html)
