"""Find and read the data files: regio.yml, partners/*.md, offers/*.yml.

Reading is strict about what a pull request could smuggle in: symlinks, files that are not
UTF-8, names that are not slugs, two files with one slug.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..base.problems import Problem, errors
from ..base.slugs import SLUG_PATTERN, slugify
from .yamlread import Document, parse_yaml

MAX_FILE_BYTES = 1_000_000
OFFER_SUFFIXES = (".yml", ".yaml")
PARTNER_SUFFIXES = (".md",)

_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)\s*$", re.MULTILINE)


@dataclass
class SourceFile:
    """One data file: where it is, its slug, its parsed fields and (for partners) its body."""

    path: str
    slug: str
    document: Document | None
    body: str = ""
    body_line: int = 0  # the line the body starts on (partners)

    def line(self, *path: str | int) -> int | None:
        """The line of a field (a path of names and indexes), or None without a parsed file."""
        return self.document.line(path) if self.document else None


def read_text(root: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, BOM tolerated), or the problem that stops us reading it."""
    full = root / relative
    if full.is_symlink():
        return None, [Problem(relative, None, _SYMLINK)]
    if not full.is_file():
        return None, [Problem(relative, None, "bestand ontbreekt")]
    size = full.stat().st_size  # before reading: a huge file is never read, let alone parsed
    if size > MAX_FILE_BYTES:
        return None, [Problem(relative, None, _too_big(size))]
    raw = full.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(relative, line, _NOT_UTF8)]


def _too_big(size: int) -> str:
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
    return f"bestand is te groot ({megabytes} MB; hoogstens 1 MB); kort de teksten in"


_SYMLINK = "is een snelkoppeling (symlink) en wordt niet gelezen; zet het bestand zelf in de map"
_NOT_UTF8 = (
    "bestand is geen UTF-8-tekst (deze regel heeft een teken dat niet klopt); "
    "sla het op met de codering UTF-8"
)


def read_yaml_file(root: Path, relative: str) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file."""
    text, problems = read_text(root, relative)
    if text is None:
        return None, problems
    return parse_yaml(text, relative)


def read_front_matter_file(root: Path, relative: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read a Markdown file whose fields stand between two lines of ---."""
    text, problems = read_text(root, relative)
    if text is None:
        return None, problems
    slug = Path(relative).stem
    # A file that cannot be read is still there: other files that name it get no follow-on lines.
    unread = SourceFile(relative, slug, None)
    if not text.startswith("---") or text.find("\n") < 0:
        return unread, [Problem(relative, 1, _NO_FRONT_MATTER)]
    end = _FRONT_MATTER_END.search(text, pos=text.find("\n") + 1)
    unclosed = unclosed_front_matter(relative, text, end.start() if end else len(text))
    if end is None:
        return unread, [unclosed or Problem(relative, 1, _NO_FRONT_MATTER)]
    header = text[text.find("\n") + 1 : end.start()]
    body = text[end.end() :].lstrip("\n")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    document, problems = parse_yaml(header, relative, first_line=2)
    if unclosed is not None and errors(problems):  # the text ran on to a rule (---) below it
        return unread, [unclosed]
    return SourceFile(relative, slug, document, body, body_line), problems


# A line of the fields: blank, a comment, indented (a value's next line), a list item or 'key:'
_FIELD_LINE = re.compile(r"^(?:\s*$|\s|#|-(?:\s|$)|[^\s:][^:]*:(?:\s|$))")


def _is_field_line(lines: list[str], index: int) -> bool:
    """A line of the fields; '# …' after a blank line is a Markdown heading, not a comment."""
    heading = lines[index].startswith("# ") and index > 0 and not lines[index - 1].strip()
    return bool(_FIELD_LINE.match(lines[index])) and not heading


def unclosed_front_matter(relative: str, text: str, end: int) -> Problem | None:
    """The fields at the top are not closed with ---: the line of text after the last field (or
    the last field, without text), saying where the --- goes; None if no text comes first."""
    lines = text[:end].splitlines()[1:]
    first_text = next((i for i, line in enumerate(lines) if not _is_field_line(lines, i)), None)
    if first_text is None and end < len(text):
        return None
    fields = lines[:first_text] if first_text is not None else lines
    filled = (i for i, line in enumerate(fields) if line.strip() and not line.startswith("#"))
    last = max(filled, default=-1) + 2
    if last < 2:
        return None  # no field at all: the file does not begin with its fields
    if first_text is None:
        return Problem(relative, last, _NOT_CLOSED_AFTER.format(line=last))
    return Problem(relative, first_text + 2, _NOT_CLOSED_BEFORE.format(line=last))


def read_page_front_matter(root: Path, relative: str) -> list[Problem]:
    """What is wrong with a hand-written page's front matter. MkDocs would publish a page whose
    front matter is unclosed, unreadable, a list or plain text with that text on it, silently."""
    text, problems = read_text(root, relative)
    if text is None or not text.startswith("---"):
        return problems
    end = _FRONT_MATTER_END.search(text, pos=text.find("\n") + 1)
    if end is None or text.find("\n") < 0:
        return [Problem(relative, 1, _NOT_CLOSED)]
    header = text[text.find("\n") + 1 : end.start()]
    if not header.strip():
        return [Problem(relative, 1, _PAGE_EMPTY)]
    document, problems = parse_yaml(header, relative, first_line=2)
    data = document.data if document else None
    if isinstance(data, list):
        return [Problem(relative, 2, _PAGE_LIST)]
    if document is not None and not isinstance(data, (dict, type(None))):
        return [Problem(relative, 2, _PAGE_TEXT)]
    return problems


_NOT_CLOSED = "de velden bovenaan worden niet afgesloten; zet na het laatste veld een regel ---"
_NOT_CLOSED_AFTER = (
    "de velden bovenaan worden niet afgesloten; zet onder regel {line} (het laatste veld) een "
    "regel ---"
)
_NOT_CLOSED_BEFORE = (
    "de velden bovenaan worden niet afgesloten: hier begint de tekst; zet tussen regel {line} "
    "(het laatste veld) en deze regel een regel ---"
)
_PAGE_EMPTY = (
    "tussen de regels --- bovenaan staan geen velden; schrijf er 'title: Privacy' tussen, "
    "of haal de regels --- weg"
)
_PAGE_LIST = (
    "de velden tussen de regels --- bovenaan zijn een lijst; schrijf ze zoals 'title: Privacy', "
    "zonder streepje ervoor"
)
_PAGE_TEXT = (
    "tussen de regels --- bovenaan staat gewone tekst; schrijf daar velden zoals "
    "'title: Privacy', of haal de regels --- weg"
)

_NO_FRONT_MATTER = (
    "het bestand begint niet met de velden: zet bovenaan een regel ---, dan naam en soort, "
    "zoals 'naam: Zwemclub De Vliet' en 'soort: sportaanbieder', en dan weer een regel ---"
)


def discover(root: Path, folder: str, suffixes: tuple[str, ...]) -> tuple[list[str], list[Problem]]:
    """The data files in `folder`, sorted; names starting with _ or . are templates and skipped."""
    directory = root / folder
    if directory.is_symlink():
        return [], [Problem(folder + "/", None, _SYMLINK)]
    if not directory.is_dir():
        return [], []
    found: list[str] = []
    problems: list[Problem] = []
    for entry in sorted(directory.iterdir()):
        relative = f"{folder}/{entry.name}"
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_symlink():
            problems.append(Problem(relative, None, _SYMLINK))
        elif entry.is_dir():
            problems.append(Problem(relative + "/", None, _SUBFOLDER.format(folder=folder)))
        elif entry.suffix.lower() not in suffixes:
            problems.append(Problem(relative, None, _wrong_suffix(suffixes)))
        else:
            found.append(relative)
    return found, problems + _name_problems(found)


_SUBFOLDER = "mappen in {folder}/ worden niet gelezen; zet de bestanden direct in {folder}/"


def _wrong_suffix(suffixes: tuple[str, ...]) -> str:
    allowed = " of ".join(suffixes)
    return (
        f"alleen bestanden die eindigen op {allowed} worden gelezen; hernoem het bestand, "
        "of zet een _ voor de naam als het geen gegevens zijn"
    )


def _name_problems(paths: list[str]) -> list[Problem]:
    """File names must be slugs, and no two files may share one slug."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for relative in paths:
        name = Path(relative)
        if not SLUG_PATTERN.fullmatch(name.stem):
            better = f"{slugify(name.stem) or 'naam'}{name.suffix.lower()}"
            problems.append(Problem(relative, None, _BAD_NAME.format(better=better)))
        if name.stem in seen:
            problems.append(Problem(relative, None, _TWICE.format(other=seen[name.stem])))
        seen.setdefault(name.stem, relative)
    return problems


_BAD_NAME = (
    "bestandsnaam mag alleen kleine letters, cijfers en streepjes bevatten, zoals '{better}'"
)
_TWICE = "heeft dezelfde naam als {other}; elke naam mag maar één keer voorkomen"
