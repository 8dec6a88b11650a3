"""The kinds of data a region holds, one entry each: folder, file suffixes, schema, reader, rules.

A new kind of data is one more entry in DATA_KINDS; reading, schema-checking and running the
rules are written once, below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..base.problems import Problem
from ..base.reuse import kept_for_file
from .event_checks import EVENT_CHECKS
from .load import (
    OFFER_SUFFIXES,
    PARTNER_SUFFIXES,
    SourceFile,
    discover,
    read_front_matter_file,
    read_yaml_file,
)
from .schema import Suggest, schema_problems
from .telling_checks import DEMAND_FOLDER, TELLING_CHECKS, discover_telling, read_telling_source
from .validate import OFFER_CHECKS, PARTNER_CHECKS, Context, DataCheck, run_checks

Reader = Callable[[Path, str], "tuple[SourceFile | None, list[Problem]]"]
Finder = Callable[[Path], "tuple[list[str], list[Problem]]"]


def read_yaml_source(root: Path, relative: str) -> tuple[SourceFile | None, list[Problem]]:
    """A data file that is YAML through and through (offers, events)."""
    document, problems = read_yaml_file(root, relative)
    return SourceFile(relative, Path(relative).stem, document), problems


@dataclass(frozen=True)
class DataKind:
    """One kind of data file: where it lives, how it is read, what checks it."""

    name: str  # the key in load results, as the code calls it
    folder: str
    suffixes: tuple[str, ...]
    schema: str  # hooks/sportwijzer/schemas/<schema>.schema.json
    reader: Reader
    rules: tuple[DataCheck, ...]
    # which files of the folder are data; by default every file with one of the suffixes
    finder: Finder | None = None

    def discover(self, root: Path) -> tuple[list[str], list[Problem]]:
        """The kind's files under `root`, and the problems with what else is in its folder."""
        if self.finder is not None:
            return self.finder(root)
        return discover(root, self.folder, self.suffixes)


PARTNERS = DataKind(
    "partner", "partners", PARTNER_SUFFIXES, "partner", read_front_matter_file, PARTNER_CHECKS
)
OFFERS = DataKind("offer", "offers", OFFER_SUFFIXES, "offer", read_yaml_source, OFFER_CHECKS)
EVENTS = DataKind("event", "agenda", (".yml", ".yaml"), "agenda", read_yaml_source, EVENT_CHECKS)
# Demand: only the protected counts, vragen/telling.yml; a single question never enters git.
DEMAND = DataKind(
    "telling",
    DEMAND_FOLDER,
    (".yml",),
    "telling",
    read_telling_source,
    TELLING_CHECKS,
    finder=discover_telling,
)

# Partners come first: the rules of the others ask which partners exist.
DATA_KINDS: tuple[DataKind, ...] = (PARTNERS, OFFERS, EVENTS, DEMAND)
DATA_FOLDERS: frozenset[str] = frozenset(kind.folder for kind in DATA_KINDS)


def read_kind(
    root: Path, kind: DataKind, suggest: Suggest | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """Read and schema-check every file of one kind; files that could not be read are left out."""
    paths, problems = kind.discover(root)
    sources: list[SourceFile] = []
    for relative in paths:
        read = partial(_read_one, root, kind, relative, suggest)
        source, more = kept_for_file(kind.name, root, relative, read)  # the preview: base/reuse.py
        problems += more
        if source is not None:
            sources.append(source)
    return sources, problems


def _read_one(
    root: Path, kind: DataKind, relative: str, suggest: Suggest | None
) -> tuple[SourceFile | None, list[Problem]]:
    """Read and schema-check one file."""
    source, problems = kind.reader(root, relative)
    if source is not None and source.document is not None:
        problems = problems + schema_problems(kind.schema, source.document, relative, suggest)
    return source, problems


def read_all_kinds(
    root: Path, suggest: Suggest | None = None
) -> tuple[dict[str, list[SourceFile]], list[Problem]]:
    """Every kind's files by kind name, and every problem met reading them."""
    found: dict[str, list[SourceFile]] = {}
    problems: list[Problem] = []
    for kind in DATA_KINDS:
        found[kind.name], more = read_kind(root, kind, suggest)
        problems += more
    return found, problems


def check_all_kinds(found: dict[str, list[SourceFile]], ctx: Context) -> list[Problem]:
    """Every kind's rules on every one of its files."""
    return [
        problem
        for kind in DATA_KINDS
        for source in found.get(kind.name, [])
        for problem in run_checks(kind.rules, source, ctx)
    ]
