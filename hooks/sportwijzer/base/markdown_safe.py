"""Markdown from the data to HTML that never carries raw HTML or unsafe links."""

from __future__ import annotations

import html
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


# --- what the renderer does not show as written -------------------------------------------------
# Raw HTML is shown as text (html_block and the inline html pattern are off), and an image or a
# rule (---) is dropped: nh3 keeps only _TAGS. A coordinator who pastes such a thing gets a line.

_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")  # never over a '<'
MARKDOWN_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*<?([^)>\s]*)")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$")
_UNDERLINE = re.compile(r"^ {0,3}-+ *$")
_INDENTED = re.compile(r"^(?: {4}|\t)\s*\S")  # after a blank line: a code block, unless in a list
_CODE_BLOCK = re.compile(r"<pre><code>(.*?)</code></pre>", re.S)
_EMBEDS = {"iframe", "embed", "object", "video", "audio"}
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"}
_YOUTUBE_EMBED = re.compile(r"youtube(?:-nocookie)?\.com/embed/([\w-]+)", re.I)
_SHOWN_URL = 60  # at most this much of an address is shown in a line

HTML = (
    "HTML ({tag}) wordt als tekst getoond; schrijf Markdown: **vet**, een lijstje met -, "
    "of een link als [tekst](https://…)"
)
EMBED = (
    "een <{tag}> (een video, kaart of andere pagina) wordt niet getoond: de pagina laat de code "
    "als tekst zien; zet er een link naar, zoals [Bekijk {words}]({src})"
)
HTML_TABLE = (
    "een HTML-tabel (<table>) wordt als tekst getoond; schrijf een Markdown-tabel: een lege regel "
    "erboven, dan | dag | tijd |, daaronder | --- | --- | en dan per rij | maandag | 10:00 |"
)
IMAGE = "het plaatje '{src}' wordt niet getoond ({how}): {why}; {fix}"
IMAGE_GONE = "het verdwijnt van de pagina"
IMAGE_AS_TEXT = "de pagina laat de code als tekst zien"
IMAGE_HERE = "een beschrijving toont geen plaatjes"
IMAGE_ELSEWHERE = (
    "een beschrijving toont geen plaatjes, en de site laadt alleen plaatjes van de site zelf"
)
COMMENT = "een opmerking (<!-- … -->) wordt als tekst getoond; haal hem weg"
INDENTED = (
    "deze regel staat verder ingesprongen dan de rest van de tekst en wordt als code getoond; "
    "zet hem recht onder de andere regels"
)
RULE = (
    "een lijn ({rule}) wordt niet getoond; haal hem weg (een lege regel begint een nieuwe alinea)"
)


def unshown(text: str) -> list[tuple[int, str]]:
    """(line in the text, what to do) for each HTML tag the page would show as text and each
    image or rule it would drop; code (between ` or in a fenced block) is left to the contract."""
    text = without_code(text)
    lines = text.splitlines()
    found = _tag_lines(text) + _image_lines(text)
    found += [(number, COMMENT) for number, line in enumerate(lines, start=1) if "<!--" in line]
    return sorted(set(found + _rule_lines(lines) + _code_lines(lines)))


def without_code(text: str) -> str:
    """The text with code spans and fenced blocks blanked out, every line kept."""
    lines, fence = [], ""
    for line in text.splitlines():
        opened = _FENCE.match(line)
        if fence or opened:
            closing = bool(fence) and line.strip().startswith(fence)
            fence = "" if closing else (fence or (opened[1][:3] if opened else ""))
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(lambda match: " " * len(match[0]), line))
    return "\n".join(lines)


class _Lines:
    """The line of a position, for positions met in order: linear in the text."""

    def __init__(self, text: str) -> None:
        self.text, self.line, self.counted = text, 1, 0

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.counted, position)
        self.counted = position
        return self.line


def _tag_lines(text: str) -> list[tuple[int, str]]:
    """Embeds with a link to offer instead, HTML tables once, images, and the other tags by line."""
    found: list[tuple[int, str]] = []
    others: dict[int, list[str]] = {}
    in_table, lines = False, _Lines(text)
    for match in _HTML_TAG.finditer(text):
        line = lines.at(match.start())
        closing, tag = bool(match[1]), match[2].lower()
        if tag in _TABLE_PARTS:
            if not in_table and not closing:
                found.append((line, HTML_TABLE))
            in_table = tag != "table" or not closing
        elif (closing and tag in _EMBEDS | {"img"}) or tag == "script":
            continue  # a script is refused outright (markup_rules)
        elif tag in _EMBEDS:
            found.append((line, _embed(tag, _attribute(match[3], "src"))))
        elif tag == "img":
            alt = _attribute(match[3], "alt")
            found.append((line, _image(_attribute(match[3], "src"), alt, IMAGE_AS_TEXT)))
        elif f"<{tag}>" not in others.setdefault(line, []):
            others[line].append(f"<{tag}>")
    return found + [(line, HTML.format(tag=", ".join(tags))) for line, tags in others.items()]


def _image_lines(text: str) -> list[tuple[int, str]]:
    lines = _Lines(text)
    return [
        (lines.at(match.start()), _image(match[2], match[1], IMAGE_GONE))
        for match in MARKDOWN_IMAGE.finditer(text)
    ]


def _rule_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Lines of ---, *** or ___ (spaces between allowed) that become a rule, which the page drops;
    a line of only - right under text underlines a heading instead (the contract's)."""
    return [
        (number, RULE.format(rule=line.strip()))
        for number, line in enumerate(lines, start=1)
        if _RULE.match(line)
        and not (_UNDERLINE.match(line) and number > 1 and lines[number - 2].strip())
    ]


def _code_lines(lines: list[str]) -> list[tuple[int, str]]:
    """The first line of each indented block the converter shows as code (not a list's next
    paragraph): asked of the converter, only when such a line is there."""
    starts = [
        number
        for number, line in enumerate(lines, start=1)
        if _INDENTED.match(line) and (number == 1 or not lines[number - 2].strip())
    ]
    if not starts:
        return []
    blocks = iter(_CODE_BLOCK.findall(_converter().reset().convert("\n".join(lines))))
    block = next(blocks, None)
    found = []
    for number in starts:
        words = html.escape(lines[number - 1].expandtabs(4).strip(), quote=False)
        if block is not None and block.startswith(words):
            found.append((number, INDENTED))
            block = next(blocks, None)
    return found


def _embed(tag: str, src: str) -> str:
    words, link = embed_link(src)
    return EMBED.format(tag=tag, words=words, src=link)


def embed_link(src: str) -> tuple[str, str]:
    """What an embedded video or map becomes as a link: its words and address (a YouTube embed
    becomes its watch page)."""
    video = _YOUTUBE_EMBED.search(src)
    link = f"https://www.youtube.com/watch?v={video[1]}" if video else src
    words = "de kaart" if "map" in src.lower() else "de video" if video else "het hier"
    return words, short_url(link) or "https://…"


def from_elsewhere(src: str) -> bool:
    """An address on another site (the site's own are relative)."""
    return src.strip().lower().startswith(("http://", "https://", "//"))


def _image(src: str, alt: str, how: str) -> str:
    """An image from another site can at most become a link; one of the site's own goes."""
    elsewhere = from_elsewhere(src)
    why = IMAGE_ELSEWHERE if elsewhere else IMAGE_HERE
    fix = f"maak er een link van: [{alt.strip() or 'foto'}]({short_url(src)})" if elsewhere else ""
    return IMAGE.format(src=short_url(src), how=how, why=why, fix=fix or "haal het weg")


def _attribute(attributes: str, name: str) -> str:
    """One attribute's value from a tag's attributes as written ('' when it has none)."""
    pattern = rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
    match = re.search(pattern, attributes, re.I)
    return next((group for group in match.groups() if group), "") if match else ""


def short_url(url: str) -> str:
    """An address as a line shows it: at most 60 characters."""
    return url if len(url) <= _SHOWN_URL else url[:_SHOWN_URL] + "…"
