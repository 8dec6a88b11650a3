"""Markdown from the data to HTML that never carries raw HTML or unsafe links."""

from __future__ import annotations

import re
from functools import cache

import markdown
import nh3

_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code"}
# A schedule is often a table: a header row (th scope="col") and rows; alignment as the HTML
# attribute align, never a style attribute (the Content-Security-Policy allows no inline style).
_TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align", "scope"}, "td": {"align"}}
_HEADER_CELL = re.compile(r"<th(?=[ >])")
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@cache
def _converter() -> markdown.Markdown:
    """One converter, reset before each use (making one costs more than converting a text)."""
    converter = markdown.Markdown(
        extensions=["sane_lists", "tables"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    # Raw HTML is shown as text, never published as markup.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


# Text that uses no Markdown at all: only letters, digits, plain punctuation and single spaces
# inside lines; no line starts with a space, a digit (a numbered list) or a hyphen (a list or a
# rule), none ends in a space (a line break). Most descriptions are like that; tests compare this
# short cut with the Markdown converter on thousands of texts.
_PLAIN_CHARS = re.compile(r"[\w .,;:?()'\"€%/@\n-]*")
_MARKUP_LINE = re.compile(r"^[ \d-]| $|_", re.M)


def plain_paragraphs(text: str) -> str | None:
    """What the converter makes of text without Markdown: its paragraphs; None if it has any."""
    text = text.strip("\n")
    if not _PLAIN_CHARS.fullmatch(text) or _MARKUP_LINE.search(text):
        return None
    paragraphs = [p for p in text.split("\n\n") if p.strip("\n")]
    return "\n".join(f"<p>{p.strip(chr(10))}</p>" for p in paragraphs)


def render(text: str, heading_offset: int = 1) -> str:
    """Render Markdown; headings move down (# becomes h2) so the page keeps one h1."""
    if not text.strip():
        return ""
    html = plain_paragraphs(text)
    if html is None:
        html = _converter().reset().convert(text)
    for level in range(4, 0, -1):
        new = min(level + heading_offset, 4)
        html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    html = _HEADER_CELL.sub('<th scope="col"', html)
    return nh3.clean(
        html,
        tags=_TAGS | _TABLE_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener",
    )
