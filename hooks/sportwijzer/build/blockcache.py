"""Parts of the theme's page that are the same for thousands of generated pages, rendered once.

The theme renders its sidebar navigation for every page; with 10,000 offers that is a third of
the build. For a generated page that is not in the navigation, the sidebar depends only on the
folder the page sits in (its links are relative to it), so pages in one folder share one
rendering: every offer page in aanbod/, every partner page in partners/.
The theme's settings block is the same per folder too, and so are its style sheets, its scripts
and its footer (a page outside the navigation has no previous or next page); the header as well
but for the page title (kept in two parts, around the title), and a result card is the same wherever
its link is written the same, so cards that appear on several lists are rendered once.
tests/test_build.py builds the demo with and without this cache and compares every page.

One concept, one name: the block cache (BlockCache, `extra.block_cache` in mkdocs.yml, set to
false by the environment variable SPORTWIJZER_BLOCK_CACHE=false); the build log, which people
read, says it in Dutch: 'blokcache: N keer hergebruikt'.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BlockCache:
    """Rendered HTML by key, for one build, and how often a kept block was used again."""

    _html: dict[str, str] = field(default_factory=dict)
    _parts: dict[str, list[str]] = field(default_factory=dict)  # a block split around its title
    hits: int = 0  # the build logs it; a theme upgrade that bypasses the cache shows as 0

    def slot(self, key: str) -> Slot:
        return Slot(self, key)


@dataclass(frozen=True)
class Slot:
    """One cached block as a template uses it: `slot.html() or slot.keep(super())`."""

    cache: BlockCache
    key: str

    def html(self) -> str | None:
        found = self.cache._html.get(self.key)
        self.cache.hits += found is not None
        return found

    def keep(self, html: str) -> str:
        self.cache._html[self.key] = html
        return html

    def around(self, title: str) -> str | None:
        """The kept block with this page's title in the place of the first page's title."""
        parts = self.cache._parts.get(self.key)
        self.cache.hits += parts is not None
        return None if parts is None else title.join(parts)

    def keep_around(self, html: str, title: str) -> str:
        """Keep a block that shows the page title once (the theme's header), split around it."""
        if title and html.count(title) == 1:
            self.cache._parts[self.key] = html.split(title)
        return html


def folder_key(src_uri: str) -> str:
    """The folder a page sits in (aanbod/x.md is page aanbod/x/, in aanbod)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return "(home)"  # the home page sits above every folder: a key of its own
    return path.removesuffix("/index").rpartition("/")[0]
