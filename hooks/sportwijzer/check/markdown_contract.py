"""What a description may hold (an offer's or event's beschrijving, a partner's text): paragraphs,
lists, links, bold and simple tables with a header row. Anything else gets a warning with its
line, and so does a text whose page would still show '|' rows or '**' (README, "Wat een
beschrijving mag bevatten"). The renderer is markdown_safe; it names the HTML it would show as
text and the images it would drop (markdown_safe.unshown).
"""

from __future__ import annotations

import html
import re

from ..base.markdown_safe import render, unshown

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_QUOTE = re.compile(r"^ {0,3}>")
_CODE = re.compile(r"`[^`]+`")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")

HEADING = "een kop hoort niet in een beschrijving; schrijf de kop als gewone zin, of in **vet**"
QUOTE = "een citaat (>) hoort niet in een beschrijving; schrijf gewone tekst zonder > ervoor"
CODE = "code (`) hoort niet in een beschrijving; schrijf gewone tekst zonder `"
TABLE = (
    "deze tabel wordt als losse regels met | getoond; zet een lege regel boven de tabel en onder "
    "de eerste rij (de kop) een regel als | --- | --- |"
)
STARS = "op de pagina staat dan '**'; zet ** direct tegen de woorden, zoals **vet**, of haal ze weg"
PLAIN_SUMMARY = (
    "een samenvatting is gewone tekst, zonder Markdown: de pagina toont '{mark}' zoals het er "
    "staat; haal het weg"
)


def contract_warnings(text: str) -> list[tuple[int, str]]:
    """(line in the text, what to do) for everything a description may not hold."""
    lines = text.splitlines()
    found: list[tuple[int, str]] = []
    fence = ""
    for number, line in enumerate(lines, start=1):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened[1][:3]
            found.append((number, CODE))
            continue
        found += [(number, message) for message in _line_warnings(line, lines, number)]
    found += _table_warnings(lines) + _star_warnings(text) + unshown(text)
    return sorted(set(found))


def summary_warnings(text: str) -> list[tuple[int, str]]:
    """A summary is shown as it is written: Markdown marks would stand on the page."""
    marks = [mark for mark in ("**", "__", "|", "](") if mark in text]
    return [(1, PLAIN_SUMMARY.format(mark=marks[0]))] if marks else []


def _line_warnings(line: str, lines: list[str], number: int) -> list[str]:
    before = lines[number - 2] if number > 1 else ""
    found = []
    underline = _UNDERLINE.match(line) and before.strip() and "|" not in before
    if _HEADING.match(line) or (underline and not _starts_list(before)):
        found.append(HEADING)
    if _QUOTE.match(line):
        found.append(QUOTE)
    if _CODE.search(line):
        found.append(CODE)
    return found


def _starts_list(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[-*+]|\d+[.)])\s", line))


def _shown(markdown: str) -> str:
    """The words a reader sees of the rendered text (tags left out)."""
    return html.unescape(re.sub(r"<[^>]+>", "", render(markdown)))


def _star_warnings(text: str) -> list[tuple[int, str]]:
    """'**' that the page would still show, at the first such line of its paragraph (bold may
    run over lines within one)."""
    if "**" not in text or "**" not in _shown(text):
        return []
    found = []
    for start, block in _paragraphs(text):
        if "**" in block and "**" in _shown(block):
            offset = next(i for i, line in enumerate(block.splitlines()) if "**" in line)
            found.append((start + offset, STARS))
    return found


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each run of lines between blank lines."""
    found, current, start = [], [], 0
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            start = start or number
            current.append(line)
        elif current:
            found.append((start, "\n".join(current)))
            current, start = [], 0
    return found


def _table_warnings(lines: list[str]) -> list[tuple[int, str]]:
    """A run of lines with '|' is a table only with a divider as its second line and nothing
    above it but a blank line; otherwise the page shows the '|' lines as text."""
    found = []
    start = None
    for number, line in enumerate([*lines, ""], start=1):
        if "|" in line.replace("\\|", "") and line.strip():
            start = start or number
            continue
        if start is not None:
            divider = start < number - 1 and _TABLE_DIVIDER.match(lines[start])
            above = lines[start - 2].strip() if start > 1 else ""
            if not divider or above:
                found.append((start, TABLE))
            start = None
    return found
