"""What only the YAML text shows: tabs, a key without its space, quotes, comments that eat text.

PyYAML drops comments, reads some tabs as spaces and names the line where it gave up rather than
the line a coordinator got wrong. These checks read the source lines next to the parsed scalars
(or, when parsing failed, the lines up to the error) and name the cause on its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..base.problems import ERROR, WARNING

LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

# A line that starts like 'key:' (or '- key:'), with what follows the colon.
_KEY_LINE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
# 'titel:Zwemmen' (but not 'https://...' and not a time like 10:00, whose key is a number)
_NO_SPACE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(#.*)?$")
_EATEN = re.compile(r"^[ \t]+#(?P<rest>\S.*)$")
_CURLY_OPEN = "“‘„"
_CURLY_CLOSE = "”’“"
_CURLY = _CURLY_OPEN + _CURLY_CLOSE

TAB_INDENT = "hier staat een tab; spring in met spaties"
TAB_SPACE = "hier staat een tab; schrijf een spatie"
# Worded as yamlread words PyYAML's own indentation errors, so both cases read the same.
INDENT = (
    "de YAML klopt hier niet: de inspringing klopt niet; "
    "zet velden van één groep recht onder elkaar"
)
TAB_END = "hier staat een tab aan het eind van de regel; haal hem weg"


@dataclass(slots=True)  # not frozen: five times quicker to make, and 10,000 offers make 500,000
class Scalar:
    """One scalar as it stands in the text: where it starts and ends, and how it is quoted."""

    start: tuple[int, int]  # (line index, column), both from 0
    end: tuple[int, int]
    style: str  # '' for plain, or one of ' " | >
    value: str
    field: str  # dotted field name of a value; '' for a key
    key: str  # the last key name ('adres'), or '-' for a list item
    path: tuple[Any, ...] = ()


# (line index, message, severity, the path whose value the message explains, or ())
Found = tuple[int, str, str, tuple[Any, ...]]


def split_lines(text: str) -> list[str]:
    """The lines as YAML counts them (CRLF is one break; a byte-order mark is no column)."""
    return LINE_BREAK.split(text.removeprefix("\ufeff"))


def quoted(text: str) -> str:
    """`text` between straight quotes, as YAML reads it back."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _entry(key: str, value: str) -> str:
    return f"- {value}" if key == "-" else f"{key}: {value}"


def source_problems(lines: list[str], scalars: Iterable[Scalar]) -> list[Found]:
    """What parsed, but is not what the coordinator meant: tabs, lost text, curly quotes."""
    scalars = list(scalars)
    found: list[Found] = []
    for scalar in scalars:
        if scalar.style == "" and scalar.field:
            found.extend(_plain_value_problems(lines, scalar))
    shielded = [s for s in scalars if s.style]
    for index, line in enumerate(lines):
        message = _tab_in(line, index, shielded, scalars)
        if message:
            found.append((index, message, WARNING if message != TAB_INDENT else ERROR, ()))
    return found


def _plain_value_problems(lines: list[str], scalar: Scalar) -> list[Found]:
    line, column = scalar.start
    value = scalar.value
    lead = lines[line][:column]
    found = []
    missing_space = _NO_SPACE.match(value)
    if missing_space and re.fullmatch(r"[ \t]*(-[ \t]+)*", lead):
        message = _missing_space(missing_space["key"], missing_space["value"])
        found.append((line, message, ERROR, scalar.path))
    eaten = _EATEN.match(lines[scalar.end[0]][scalar.end[1] :])
    if eaten and value:
        whole = f"{value} #{eaten['rest']}"
        found.append(
            (
                scalar.end[0],
                f"veld '{scalar.field}': na ' #' leest YAML de rest als commentaar, dus staat er "
                f"nu alleen '{value}'; zet de tekst tussen aanhalingstekens: "
                f"{_entry(scalar.key, quoted(whole))}",
                ERROR,
                scalar.path,
            )
        )
    if len(value) > 1 and value[0] in _CURLY_OPEN and value[-1] in _CURLY_CLOSE:
        found.append(
            (
                line,
                f"veld '{scalar.field}': {value} staat tussen krullende aanhalingstekens, die "
                "zo op de site komen; typ rechte aanhalingstekens: "
                + _entry(scalar.key, quoted(value[1:-1])),
                WARNING,
                (),
            )
        )
    return found


def _missing_space(key: str, value: str) -> str:
    return f"na de dubbele punt hoort een spatie: schrijf '{key}: {value.strip()}'"


def _inside(position: tuple[int, int], scalars: Iterable[Scalar]) -> bool:
    return any(s.start <= position < s.end for s in scalars)


def _tab_in(line: str, index: int, shielded: list[Scalar], scalars: list[Scalar]) -> str | None:
    """The message for the tabs on one line, outside quoted text, block text and comments."""
    if "\t" not in line:
        return None
    tabs = [c for c, char in enumerate(line) if char == "\t" and not _inside((index, c), shielded)]
    comment = _comment_start(line, index, scalars)
    tabs = [c for c in tabs if comment is None or c < comment]
    if not tabs:
        return None
    if not line[: tabs[0]].strip(" \t-"):
        return TAB_INDENT
    if all(not line[c:].strip() for c in tabs):
        return TAB_END
    return TAB_SPACE


def _comment_start(line: str, index: int, scalars: list[Scalar]) -> int | None:
    for match in re.finditer(r"(?:^|(?<=[ \t]))#", line):
        if not _inside((index, match.start()), scalars):
            return match.start()
    return None


# When parsing failed: the cause, looked for on the lines up to where YAML gave up.


def syntax_cause(lines: list[str], error: int, context: int | None) -> tuple[int, str] | None:
    """(line index, message) for a syntax error whose cause we recognise, else None."""
    in_block = _block_lines(lines)
    for index in dict.fromkeys(i for i in (error, context) if i is not None and i < len(lines)):
        tab = _tab_in(lines[index], index, [], [])
        if tab and index not in in_block:
            return index, tab if tab != TAB_END else TAB_SPACE
        if any(char in lines[index] for char in _CURLY):
            return index, _curly_message(lines[index])
    if error < len(lines) and _indented_too_far(lines, error, in_block):
        return error, INDENT
    candidates = [i for i in range(min(error, len(lines) - 1), -1, -1) if i not in in_block]
    for index in candidates:
        cause = _line_cause(lines[index])
        if cause:
            return index, cause
        entry = _KEY_LINE.match(lines[index])
        if index < error and entry and entry["rest"][:1] in (" ", "\t", ""):
            break  # a well-formed 'key: value' line ends the search
    return None


def _indented_too_far(lines: list[str], error: int, in_block: set[int]) -> bool:
    """'   adres: x' under '  naam: y': a field further in than the field above it."""
    entry = _KEY_LINE.match(lines[error])
    above = next(
        (i for i in range(error - 1, -1, -1) if lines[i].strip() and i not in in_block), None
    )
    before = _KEY_LINE.match(lines[above]) if above is not None else None
    if not entry or not before or not before["rest"].strip() or before["rest"].strip()[0] in "|>":
        return False
    return len(entry["lead"]) > len(before["lead"])


def _line_cause(line: str) -> str | None:
    entry = _KEY_LINE.match(line)
    if entry is None:
        return None
    rest = entry["rest"]
    if rest[:1] not in (" ", "\t", ""):
        missing = _NO_SPACE.match(f"{entry['key']}:{rest}")
        return _missing_space(entry["key"], rest) if missing else None
    value = rest.strip()
    if value.startswith("'") and not value.endswith("'"):
        return (
            "een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst tussen "
            f"dubbele aanhalingstekens: {entry['key']}: {quoted(value)}"
        )
    if ": " in value and value[:1] not in "\"'[{|>&*!" and " #" not in value:
        return (
            "in de tekst staat een dubbele punt met een spatie erna, en YAML leest dat als een "
            f"nieuw veld; zet de tekst tussen aanhalingstekens: {entry['key']}: {quoted(value)}"
        )
    return None


def _curly_message(line: str) -> str:
    entry = _KEY_LINE.match(line)
    fix = ""
    if entry:
        value = entry["rest"].strip().strip(_CURLY)
        fix = f": {entry['key']}: {quoted(value)}"
    return f"hier staan krullende aanhalingstekens (“ ”) uit Word; typ rechte aanhalingstekens{fix}"


def _block_lines(lines: list[str]) -> set[int]:
    """Lines inside a block text (after 'beschrijving: |'), where anything may stand."""
    inside: set[int] = set()
    header_indent: int | None = None
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if header_indent is not None and (not line.strip() or indent > header_indent):
            inside.add(index)
            continue
        header_indent = None
        entry = _KEY_LINE.match(line)
        if entry and _BLOCK_HEADER.match(entry["rest"].strip()):
            header_indent = indent
    return inside
