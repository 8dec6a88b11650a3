"""Read YAML the strict way: line numbers, duplicate keys, bounded aliases, no surprises.

PyYAML composes the text into nodes; we build the Python values ourselves so that we can keep the
line of every key, refuse duplicate keys, stop alias bombs and keep each scalar as it was written.
Unquoted values are read as YAML 1.2 reads them (the editors' YAML): `no` is text, `0387654321` a
number, `10:00` text; only a date (YYYY-MM-DD) stays a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..base.problems import ERROR, Problem
from ..twins.agenda_rules import ISO_DATE
from . import yamlsource
from .yamlsource import Scalar, split_lines

# An offer has about a hundred nodes; a region a few hundred. Far more means an alias bomb.
MAX_NODES = 20_000
MAX_DEPTH = 40

Path = tuple[Any, ...]

# LibYAML's parser when PyYAML has it (five times faster); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_IMPLICIT = yaml.resolver.Resolver()

# YAML 1.2's core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as editors read it.
_CORE_NULL = re.compile(r"~|null|Null|NULL|")
_CORE_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_CORE_BOOL["FALSE"] = False
_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_OCT = re.compile(r"0o[0-7]+")
_CORE_HEX = re.compile(r"0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE_INF = re.compile(r"([-+]?)\.(inf|Inf|INF)")
_CORE_NAN = re.compile(r"\.(nan|NaN|NAN)")


@dataclass
class Document:
    """Plain values plus, for every key or list item, the line it stands on and its text."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    written: dict[Path, str] = field(default_factory=dict)
    # values whose mistake the source text already explains: the schema need not repeat it
    explained: set[Path] = field(default_factory=set)

    @cached_property
    def fields(self) -> Any:
        """The values as JSON (and the schemas) see them: dates as YYYY-MM-DD text."""
        return as_json(self.data)

    def line(self, path: Path) -> int:
        """The line of `path`, or of the nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def text(self, path: Path, value: Any) -> str:
        """The value as the coordinator wrote it, never as a Python repr."""
        path = tuple(path)
        if path in self.written:
            return self.written[path]
        return show(value)


def value_at(data: Any, path: tuple[str, ...]) -> Any:
    """The value at a path of field names ('locatie', 'plaats'), or None where there is none."""
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def as_json(value: Any) -> Any:
    """YAML values as JSON sees them: dates become YYYY-MM-DD text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def show(value: Any) -> str:
    """A value in the coordinator's own notation (YAML flow style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "leeg"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show(v)}" for k, v in value.items()) + "}"
    return str(value)


def resolve_plain(text: str) -> Any:
    """An unquoted value as YAML 1.2's core schema reads it; a real YYYY-MM-DD becomes a date."""
    if _CORE_NULL.fullmatch(text):
        return None
    if text in _CORE_BOOL:
        return _CORE_BOOL[text]
    if _CORE_INT.fullmatch(text):
        return int(text)
    if _CORE_OCT.fullmatch(text) or _CORE_HEX.fullmatch(text):
        return int(text, 0)
    if _CORE_FLOAT.fullmatch(text):
        return float(text)
    infinite = _CORE_INF.fullmatch(text)
    if infinite:
        return float(f"{infinite[1]}inf")
    if _CORE_NAN.fullmatch(text):
        return float("nan")
    if ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


_ALIAS_BOMB = "het bestand wordt veel te groot door verwijzingen (& en *); schrijf de waarden uit"


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document; return it with its problems (syntax, duplicates, aliases)."""
    if _flow_depth(text) > MAX_DEPTH:  # LibYAML crashes the process on extreme nesting
        return None, [Problem(path, first_line, "het bestand is te diep genest")]
    try:
        root, parsed = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, path, first_line)]
    except yaml.YAMLError as error:
        return None, [Problem(path, first_line, f"de YAML klopt niet: {error}")]
    except RecursionError:
        return None, [Problem(path, first_line, "het bestand is te diep genest")]
    if root is None:
        return None, [Problem(path, first_line, "het bestand is leeg; vul de velden in")]
    builder = _Builder(parsed, first_line - 1)
    try:
        data = builder.build(root, (), 0)
    except _Refused as refused:
        return None, [Problem(path, refused.line, refused.message)]
    document = Document(data, builder.lines, builder.written)
    document.lines.setdefault((), root.start_mark.line + first_line)
    problems = [Problem(path, line, message) for line, message in builder.problems]
    for index, message, severity, where in yamlsource.source_problems(
        split_lines(text), builder.scalars
    ):
        problems.append(Problem(path, index + first_line, message, severity))
        if where and severity == ERROR:
            document.explained.add(where)
    return document, problems


def _compose(text: str) -> tuple[Node | None, str]:
    """The nodes, and the text they were read from.

    YAML 1.2 and LibYAML read a tab between words (`titel:<tab>Zwemmen`) as a space; PyYAML's own
    parser refuses it. We read such a tab as a space too, so both parsers agree (the source checks
    still warn about it). Same length, so every line and column stays where it was.
    """
    for _ in range(MAX_DEPTH):
        try:
            return yaml.compose(text, Loader=_Loader), text
        except yaml.MarkedYAMLError as error:
            softened = _tab_as_space(text, error)
            if softened is None:
                raise
            text = softened
    return yaml.compose(text, Loader=_Loader), text


def _tab_as_space(text: str, error: yaml.MarkedYAMLError) -> str | None:
    """The text with the refused tab as a space, unless the tab indents its line."""
    index = error.problem_mark.index if error.problem_mark else -1
    if not 0 <= index < len(text) or text[index] != "\t":
        return None
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    if not text[start:index].strip(" -"):
        return None
    return text[:index] + " " + text[index + 1 :]


class _Builder:
    def __init__(self, text: str, offset: int) -> None:
        self.source = text
        self.offset = offset
        self.count = 0
        self.lines: dict[Path, int] = {}
        self.written: dict[Path, str] = {}
        self.problems: list[tuple[int, str]] = []
        self.scalars: list[Scalar] = []
        self.constructor = SafeConstructor()

    def line_of(self, node: Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(
                self.line_of(node),
                _ALIAS_BOMB,
            )
        if depth > MAX_DEPTH:
            raise _Refused(self.line_of(node), "het bestand is te diep genest")
        if (
            getattr(node, "flow_style", False)
            and path
            and node.start_mark.line == node.end_mark.line
        ):
            # [6.08, 52.52] or {min: 18}: keep it as written, for messages
            self.written[path] = self.source[node.start_mark.index : node.end_mark.index]
        if isinstance(node, MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return self.build_sequence(node, path, depth)
        assert isinstance(node, ScalarNode)  # the composer makes only these three kinds of node
        return self.build_scalar(node, path)

    def build_mapping(self, node: MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        self.check_tag(node, _MAP_TAG)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.key_of(key_node)
            where = path + (key,)
            line = self.line_of(key_node)
            if key in result:
                name = ".".join(str(p) for p in where if isinstance(p, str))
                self.problems.append(
                    (
                        line,
                        f"veld '{name}' staat twee keer in dit bestand (ook op regel "
                        f"{self.lines[where]}); laat er één staan",
                    )
                )
                continue
            self.lines[where] = line
            result[key] = self.build(value_node, where, depth + 1)
        return result

    def build_sequence(self, node: SequenceNode, path: Path, depth: int) -> list[Any]:
        self.check_tag(node, _SEQ_TAG)
        items = []
        for index, item in enumerate(node.value):
            where = path + (index,)
            self.lines[where] = self.line_of(item)
            items.append(self.build(item, where, depth + 1))
        return items

    def remember(self, node: ScalarNode, path: Path, is_key: bool) -> None:
        """Keep where the scalar stands, for the checks on the source text."""
        last = path[-1] if path else ""
        self.scalars.append(
            Scalar(
                (node.start_mark.line, node.start_mark.column),
                (node.end_mark.line, node.end_mark.column),
                node.style or "",
                node.value,
                "" if is_key else _field_name(path),
                last if isinstance(last, str) else "-",
                path,
            )
        )

    def build_scalar(self, node: ScalarNode, path: Path) -> Any:
        if path:
            self.written[path] = node.value
        self.remember(node, path, is_key=False)
        if not node.style and node.tag == _implied_tag(node.value):
            return resolve_plain(node.value)  # untagged and unquoted: read it as YAML 1.2 does
        try:
            return self.constructor.construct_object(node)
        except (ConstructorError, ValueError, TypeError):
            if node.tag != "tag:yaml.org,2002:timestamp":  # an impossible date stays text,
                message = f"'{_tag(node)}' is een onbekend YAML-label; haal het weg"
                self.problems.append((self.line_of(node), message))
            return node.value  # and the field's own rule names it

    def key_of(self, node: Node) -> Any:
        if not isinstance(node, ScalarNode):
            raise _Refused(self.line_of(node), "een veldnaam moet gewone tekst zijn")
        self.remember(node, (), is_key=True)
        return str(node.value)

    def check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise _Refused(
                self.line_of(node), f"'{_tag(node)}' is een onbekend YAML-label; haal het weg"
            )


# Every offer has the same fields and many of the same values: each is worked out once.
@lru_cache(maxsize=4096)
def _field_name(path: Path) -> str:
    """('tijden', 0, 'van') -> 'tijden.van'."""
    return ".".join(str(p) for p in path if isinstance(p, str))


@lru_cache(maxsize=8192)
def _resolved(kind: type, value: str | None, implicit: Any) -> str:
    """The tag PyYAML gives a node (the same for the same value: no path resolvers here)."""
    # types-PyYAML leaves Resolver.resolve untyped; it returns the tag, a str
    tag: str = _IMPLICIT.resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
    return tag


def _implied_tag(value: str) -> str:
    """The tag YAML gives an unquoted, untagged value."""
    return _resolved(ScalarNode, value, (True, False))


class _Loader(_LOADER):  # type: ignore[valid-type,misc]
    """The parser as it is, but every tag worked out once (the composer asks for each node)."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        return _resolved(kind, value, implicit)


def _tag(node: Node) -> str:
    return node.tag.replace("tag:yaml.org,2002:", "!!")


def _flow_depth(text: str) -> int:
    """How deep [ and { nest (brackets inside quotes count too; real files stay far below)."""
    depth = peak = 0
    for char in re.sub(r"[^\[\]{}]+", "", text):
        if char in "[{":
            depth += 1
            peak = max(peak, depth)
        else:
            depth = max(0, depth - 1)
    return peak


_INDENT = "de inspringing klopt niet; zet velden van één groep recht onder elkaar"
_COLON = "hier staat een dubbele punt die YAML niet verwacht; zet de tekst tussen aanhalingstekens"

# PyYAML's own parser and LibYAML word some errors differently: both are listed.
_SYNTAX_HINTS = [
    ("expected ',' or ']'", "een lijst die met [ begint, wordt niet goed met ] afgesloten"),
    ("expected ',' or '}'", "een groep die met { begint, wordt niet goed met } afgesloten"),
    ("mapping values are not allowed", _COLON),
    ("found character '\\t'", "hier staat een tab; spring in met spaties"),
    ("found a tab character", "hier staat een tab; spring in met spaties"),
    ("could not find expected ':'", "na een veldnaam hoort een dubbele punt"),
    ("expected <block end>", _INDENT),
    ("did not find expected key", _INDENT),
    ("found undefined alias", "een verwijzing (*) naar een anker (&) dat niet bestaat"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten"),
    (
        "but found another document",
        "het bestand bevat meer dan één document (---); maak er één van",
    ),
    ("found duplicate anchor", "een anker (&) staat er twee keer in"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
]

# For these, the line where the construct began says more than the line where YAML gave up.
_CONTEXT_FIRST = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str, first_line: int) -> Problem:
    """One Dutch line for a YAML syntax error, at the line where the mistake most likely is."""
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and context.startswith(_CONTEXT_FIRST):
        mark = error.context_mark
    lost = _lost_indent(split_lines(text), mark.line, first_line) if mark is not None else None
    if lost is not None:
        return Problem(path, lost[0] + first_line, lost[1])
    if mark is not None:  # a cause we recognise in the text says more than PyYAML's words
        context_line = error.context_mark.line if error.context_mark else None
        cause = yamlsource.syntax_cause(split_lines(text), mark.line, context_line)
        if cause is not None:
            return Problem(path, cause[0] + first_line, cause[1])
    line = mark.line + first_line if mark is not None else first_line
    hint = next((dutch for english, dutch in _SYNTAX_HINTS if english in problem), None)
    if hint is None:
        hint = f"YAML begrijpt dit niet ({problem or context})"
    return Problem(path, line, f"de YAML klopt hier niet: {hint}")


# 'beschrijving: |' (or >, with an indicator and a comment): a text whose lines follow, indented
_TEXT_HEADER = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<sign>[|>])[-+0-9]*[ \t]*"
    r"(#.*)?$"
)
# A line that ends such a text on purpose: a field, a comment or a document marker; a list item
# only when it belongs to a list further out than the text's field ('- ' is a Markdown list too)
_ENDS_TEXT = re.compile(r"^(?:[A-Za-z_][\w-]*:(?:[ \t]|$)|#|---|\.\.\.)")
_LIST_ITEM = re.compile(r"^-(?:[ \t]|$)")
_LOST_INDENT = (
    "veld '{key}': deze regel hoort bij de tekst onder '{key}: {sign}' (regel {header}), maar "
    "is niet ingesprongen; spring alle regels van de tekst in met twee spaties"
)


def _lost_indent(lines: list[str], error: int, first_line: int) -> tuple[int, str] | None:
    """(line index, message) when the error comes from lines of a multi-line text (`key: |`)
    that lost their indentation: YAML then reads them as fields and gives up."""
    header = next(
        (i for i in range(min(error, len(lines) - 1), -1, -1) if _TEXT_HEADER.match(lines[i])),
        None,
    )
    if header is None:
        return None
    match = _TEXT_HEADER.match(lines[header])
    assert match is not None
    indent = len(match["lead"])
    for index in range(header + 1, min(error + 1, len(lines))):
        line = lines[index]
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if not line.strip() or ("\t" not in lead and len(lead) > indent):
            continue
        outer_item = _LIST_ITEM.match(line.lstrip(" ")) and len(lead) < indent
        if "\t" in lead or _ENDS_TEXT.match(line.lstrip(" ")) or outer_item:
            return None  # a tab has its own line; a field or comment ends the text on purpose
        where = header + first_line
        return index, _LOST_INDENT.format(key=match["key"], sign=match["sign"], header=where)
    return None
