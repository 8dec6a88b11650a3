"""Markup that could run code is refused in every Markdown text: the content pages, descriptions of
offers and events, and partners' texts. One line each, naming the file, the line and the field.
Files that content/ publishes as they are (HTML, SVG) are refused or checked too.

The renderer (markdown_safe) and the Content-Security-Policy stop such markup as well; this check
says so before a pull request is merged, so that the site never depends on those two alone.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..base.markdown_safe import MARKDOWN_IMAGE, embed_link, from_elsewhere, short_url, without_code
from ..base.problems import WARNING, Problem, field_problem
from .datakinds import EVENTS, OFFERS, PARTNERS
from .load import SourceFile, read_text

CONTENT_FOLDER = "content"
# Data kinds and their Markdown fields; a partner's text below its fields is Markdown too, and
# is called 'tekst'.
MARKDOWN_FIELDS = {OFFERS.name: ("beschrijving",), EVENTS.name: ("beschrijving",)}
BODY_FIELD = "tekst"
# Link schemes that run code or hide a whole document in the link.
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}

# An inline link's target, or a reference's (as python-markdown reads it: the label holds no
# bracket, the target may stand on the next line).
_MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?([^)>\s]*)|^ {0,3}\[[^\[\]]*\]:[ \t]*\n?\s*<?([^>\s]+)", re.M
)
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")  # browsers drop these inside a link's scheme
_SHOWN = 60  # at most this much of a link is shown in the line


def unsafe_markup(text: str, markdown_links: bool = True) -> list[tuple[int, str]]:
    """(line in `text`, what is wrong) for each script, event attribute and unsafe link."""
    found = _tags(text)
    line, counted = 1, 0
    for match in _MARKDOWN_LINK.finditer(text) if markdown_links else ():
        target = match.group(1) or match.group(2) or ""
        if _unsafe_link(target):
            line, counted = line + text.count("\n", counted, match.start()), match.start()
            found.append((line, _link_message(target)))
    return sorted(set(found))


def _unsafe_link(target: str) -> bool:
    """A link whose scheme, as a browser reads it (entities decoded, spaces dropped), is unsafe."""
    plain = _IGNORED_IN_SCHEME.sub("", html.unescape(target)).lower()
    return plain.startswith(tuple(f"{scheme}:" for scheme in UNSAFE_SCHEMES))


def _link_message(target: str) -> str:
    shown = target if len(target) <= _SHOWN else target[:_SHOWN] + "…"
    scheme = _IGNORED_IN_SCHEME.sub("", html.unescape(target)).split(":", 1)[0].lower()
    return (
        f"de link '{shown}' mag niet: een link die begint met {scheme}: kan code uitvoeren; "
        "gebruik een gewone link (https://…) of haal hem weg"
    )


def _tags(text: str) -> list[tuple[int, str]]:
    """Scripts, event attributes and unsafe links in the start tags of the text, with their line.

    Read once from start to end, as a browser's tokenizer reads a page: a tag runs to its '>'
    outside quotes (or to the end of the text). Comments are read through: Markdown may turn
    '<!--' into text. The time grows with the text only; the standard library's HTMLParser
    takes minutes on 100 KB of '<a '."""
    found: list[tuple[int, str]] = []
    pos, line, counted = 0, 1, 0
    while (opened := _TAG_NAME.search(text, pos)) is not None:
        line, counted = line + text.count("\n", counted, opened.start()), opened.start()
        tag = opened.group(2).lower()
        attributes, pos = _attributes(text, opened.end())
        if opened.group(1):  # an end tag: its attributes do nothing
            continue
        found += [(line, what) for what in _tag_problems(tag, attributes)]
        if tag == "script":  # its text is script, not markup, up to </script
            close = _SCRIPT_END.search(text, pos)
            pos = len(text) if close is None else close.start()
    return found


_SCRIPT_END = re.compile(r"</script", re.I)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][^\s/>\x00]*)")  # any other '<' is text
_ATTRIBUTE = re.compile(
    r"[\s/]*(?:(?P<end>>)|(?P<name>[^\s/>][^\s/>=]*)\s*"
    r"(?:=\s*(?:\"(?P<dq>[^\"]*)\"?|'(?P<sq>[^']*)'?|(?P<bare>[^\s>]*)))?)"
)


def _attributes(text: str, pos: int) -> tuple[list[tuple[str, str]], int]:
    """The tag's attributes (names in lower case, values with entities decoded) and where the
    text after the tag starts."""
    attributes: list[tuple[str, str]] = []
    while pos < len(text):
        match = _ATTRIBUTE.match(text, pos)
        if match is None or match.end() == pos:
            return attributes, pos + 1
        pos = match.end()
        if match.group("end"):
            break
        value = match.group("dq") or match.group("sq") or match.group("bare") or ""
        value = html.unescape(value) if "&" in value else value
        attributes.append((match.group("name").lower(), value))
    return attributes, pos


def _tag_problems(tag: str, attributes: list[tuple[str, str]]) -> Iterator[str]:
    if tag == "script":
        yield _SCRIPT
    for name, value in attributes:
        if name.startswith("on"):
            yield _HANDLER.format(name=name, tag=tag)
        elif name in URL_ATTRIBUTES and _unsafe_link(value):
            yield _link_message(value)


_SCRIPT = "een <script> mag niet in de tekst: alleen de site zelf voert scripts uit; haal het weg"
_HANDLER = "het attribuut '{name}=' in <{tag}> mag niet: het voert code uit; haal het weg"


# --- where the Markdown texts are --------------------------------------------------------------


def data_markup_problems(root: Path, found: dict[str, list[SourceFile]]) -> list[Problem]:
    """Unsafe markup in the data's Markdown fields and in partners' texts."""
    problems = []
    for kind, fields in MARKDOWN_FIELDS.items():
        for source in found.get(kind, []):
            data = source.document.fields if source.document else None
            for name in fields:
                text = data.get(name) if isinstance(data, dict) else None
                if isinstance(text, str) and text.strip():
                    problems += _field_problems(root, source, name, text)
    for source in found.get(PARTNERS.name, []):
        problems += _body_problems(root, source.path, source.body)
    return problems


def _field_problems(root: Path, source: SourceFile, name: str, text: str) -> list[Problem]:
    """Markdown links are left to validate.check_beschrijving_links, which allows fewer."""
    found = unsafe_markup(text, markdown_links=False)
    if not found or source.document is None:
        return []
    key_line = source.document.line((name,))
    first = key_line + 1 if _is_block(root, source.path, key_line) else key_line
    return [field_problem(source.path, first + line - 1, name, what) for line, what in found]


_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def _is_block(root: Path, relative: str, line: int) -> bool:
    """Whether the field on `line` holds a block of text (| or >): its text starts a line lower."""
    text, _ = read_text(root, relative)
    lines = (text or "").splitlines()
    return 0 < line <= len(lines) and bool(_BLOCK_SCALAR.search(lines[line - 1]))


def _body_problems(root: Path, relative: str, body: str) -> list[Problem]:
    """The text below a file's fields, with lines counted from the top of the file."""
    found = unsafe_markup(body)
    if not found:
        return []
    before = _lines_before(root, relative, body)
    return [field_problem(relative, before + line, BODY_FIELD, what) for line, what in found]


def _lines_before(root: Path, relative: str, body: str) -> int:
    """How many lines of the file stand above its body (its front matter)."""
    text, _ = read_text(root, relative)
    text = text or body
    return text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0


def _policy_problems(root: Path, relative: str, body: str) -> list[Problem]:
    """Warnings, in a hand-written page, for what the site's policy keeps off it."""
    found = blocked_by_policy(body)
    before = _lines_before(root, relative, body) if found else 0
    return [
        Problem(relative, before + line, f"veld '{BODY_FIELD}': {what}", WARNING)
        for line, what in found
    ]


# --- what the site's policy keeps off a hand-written page ---------------------------------------
# MkDocs publishes a content page's HTML as written, but the Content-Security-Policy
# (build/csp.py) loads images, frames and media only from the site itself: one from
# elsewhere leaves an empty spot.
FRAMES = {"iframe", "video", "audio", "source", "embed", "object"}
PAGE_IMAGE = (
    "het plaatje '{src}' komt van een andere site en wordt niet getoond: de site laadt alleen "
    "plaatjes van de site zelf; zet het plaatje in content/ en verwijs ernaar, zoals "
    "![{alt}](plaatje.png)"
)
PAGE_FRAME = (
    "een <{tag}> van een andere site ({src}) wordt niet getoond: de site laadt geen video's, "
    "kaarten of pagina's van andere sites; zet er een link naar, zoals [Bekijk {words}]({link})"
)


def blocked_by_policy(text: str) -> list[tuple[int, str]]:
    """(line, what to do) for each image, frame or medium from another site; code left out."""
    text = without_code(text)
    found: list[tuple[int, str]] = []
    line, counted = 1, 0
    for match in MARKDOWN_IMAGE.finditer(text):
        line, counted = line + text.count("\n", counted, match.start()), match.start()
        if from_elsewhere(match[2]):
            found.append((line, _page_image(match[2], match[1])))
    pos, line, counted = 0, 1, 0
    while (opened := _TAG_NAME.search(text, pos)) is not None:
        line, counted = line + text.count("\n", counted, opened.start()), opened.start()
        tag = opened.group(2).lower()
        attributes, pos = _attributes(text, opened.end())
        src = next((v for k, v in attributes if k in ("src", "data")), "")
        if opened.group(1) or not from_elsewhere(src):
            continue
        if tag == "img":
            found.append((line, _page_image(src, dict(attributes).get("alt", ""))))
        elif tag in FRAMES:
            words, link = embed_link(src)
            found.append(
                (line, PAGE_FRAME.format(tag=tag, src=short_url(src), words=words, link=link))
            )
    return sorted(set(found))


def _page_image(src: str, alt: str) -> str:
    return PAGE_IMAGE.format(src=short_url(src), alt=alt.strip() or "uitleg")


# Files in content/ that MkDocs copies as they are, without the page's policy: HTML is refused,
# SVG and XML (which a browser opens as a document that may run scripts) are checked whole.
RAW_PAGES = (".html", ".htm", ".xhtml", ".shtml")
RAW_DOCUMENTS = (".svg", ".xml")
PAGES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs reads as Markdown


def content_markup_problems(root: Path) -> list[Problem]:
    """Unsafe markup in the hand-written pages (content/**/*.md and MkDocs' other Markdown
    suffixes, below their front matter) and in the files content/ publishes as they are."""
    problems = []
    for relative in _content_files(root):
        suffix = Path(relative).suffix.lower()
        if suffix in RAW_PAGES:
            markdown = Path(relative).with_suffix(".md").as_posix()
            problems.append(Problem(relative, None, _RAW_PAGE.format(markdown=markdown)))
            continue
        if suffix not in (*PAGES, *RAW_DOCUMENTS):
            continue
        text, _ = read_text(root, relative)
        if text is not None and suffix in PAGES:
            problems += _body_problems(root, relative, _body(text))
            problems += _policy_problems(root, relative, _body(text))
        elif text is not None:
            problems += [Problem(relative, line, what) for line, what in unsafe_markup(text)]
    return problems


_RAW_PAGE = (
    "een HTML-bestand in content/ wordt gepubliceerd zoals het is, zonder de beveiliging van de "
    "site; schrijf de pagina in Markdown ({markdown})"
)


def _content_files(root: Path) -> Iterator[str]:
    """The files below content/, symlinks left out (check/symlinks.py refuses them)."""
    for current, folders, files in os.walk(root / CONTENT_FOLDER):
        folders[:] = sorted(f for f in folders if not Path(current, f).is_symlink())
        for name in sorted(files):
            path = Path(current, name)
            if not path.is_symlink():
                yield path.relative_to(root).as_posix()


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)


def _body(text: str) -> str:
    """The page without its front matter (which the build escapes)."""
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text
