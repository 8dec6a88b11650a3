"""vragen/telling.yml in `make check`: the one file the folder vragen/ may hold, and its rules.

Every other file in vragen/ is refused with the reason: a single question can point at one
person, and git keeps every version of every file for good. The telling itself must name the
region's municipalities and sports, cover four quarters in a row, and stay protected: no count
shown as '1–2' (or never shown) may follow from the other counts of the file.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..base.problems import WARNING, Problem, field_problem
from ..base.telling_layout import GAPS, QUARTER_KEY, TELLING_FILE, contradicts, worked_out
from .load import SourceFile, read_yaml_file
from .validate import Context, DataCheck
from .validate import _unknown_gemeente as unknown_gemeente  # the same words as for offers

DEMAND_FOLDER = "vragen"
TELLING_PATH = f"{DEMAND_FOLDER}/{TELLING_FILE}"
NOT_IN_GIT = (
    "dit bestand hoort niet in git: in vragen/ staat alleen telling.yml, want één vraag kan naar "
    "één persoon wijzen en git bewaart elk bestand voor altijd; zet de vraag in het register van "
    "het loket (buiten de repository), maak de telling met 'make vraag-telling BRON=<register>', "
    "haal dit bestand weg en ook uit de geschiedenis (README, 'Vragen aan het loket')"
)
_REDO = "maak de telling opnieuw met 'make vraag-telling BRON=<register>'"


def discover_telling(root: Path) -> tuple[list[str], list[Problem]]:
    """vragen/telling.yml when it is there; every other entry of vragen/ is a problem."""
    folder = root / DEMAND_FOLDER
    if folder.is_symlink():
        return [], [Problem(f"{DEMAND_FOLDER}/", None, _SYMLINK)]
    if not folder.is_dir():
        return [], []
    found, problems = [], []
    for entry in sorted(folder.iterdir()):
        relative = f"{DEMAND_FOLDER}/{entry.name}"
        if entry.is_symlink():
            problems.append(Problem(relative, None, _SYMLINK))
        elif entry.name == TELLING_FILE and entry.is_file():
            found.append(relative)
        elif entry.name != ".gitkeep":
            problems.append(Problem(relative + ("/" if entry.is_dir() else ""), None, NOT_IN_GIT))
    return found, problems


_SYMLINK = "is een snelkoppeling (symlink) en wordt niet gelezen; zet het bestand zelf in de map"


def read_telling_source(root: Path, relative: str) -> tuple[SourceFile | None, list[Problem]]:
    """The telling as YAML, like any data file."""
    document, problems = read_yaml_file(root, relative)
    return SourceFile(relative, Path(relative).stem, document), problems


def check_telling_quarters(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'kwartalen' are four quarters in a row, oldest first, none after today; a telling older
    than the last quarter gets a warning (time never fails the check)."""
    keys = list(data.get("kwartalen") or {})
    numbers = [number for key in keys if (number := _quarter_number(key)) is not None]
    if len(numbers) != len(keys) or len(numbers) != 4:
        return  # the schema names it
    current = ctx.today.year * 4 + (ctx.today.month - 1) // 3
    in_a_row = all(b - a == 1 for a, b in itertools.pairwise(numbers))
    if not in_a_row or numbers[-1] > current:
        yield field_problem(
            source.path,
            source.line("kwartalen"),
            "kwartalen",
            f"{', '.join(keys)} zijn niet vier kwartalen na elkaar tot nu; {_REDO}",
        )
    elif numbers[-1] < current - 1:
        message = f"de telling loopt tot {keys[-1]} en is ouder dan een kwartaal; {_REDO}"
        yield Problem(source.path, source.line("kwartalen"), message, WARNING)


def _quarter_number(key: str) -> int | None:
    match = QUARTER_KEY.fullmatch(key)
    return int(match[1]) * 4 + int(match[2]) - 1 if match else None


def check_telling_places(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """Municipalities are those of regio.yml, sports those of lijsten/sporten.yml."""
    gemeenten = data.get("gemeenten")
    for name in gemeenten if isinstance(gemeenten, dict) else {}:
        if ctx.gemeenten and name not in ctx.gemeenten:
            where = source.line("gemeenten", name)
            yield field_problem(source.path, where, "gemeenten", unknown_gemeente(name, ctx))
    gaps = data.get(GAPS)
    for index, gap in enumerate(gaps if isinstance(gaps, list) else []):
        if not isinstance(gap, dict):
            continue
        naam, sport = gap.get("gemeente"), gap.get("sport")
        if isinstance(naam, str) and ctx.gemeenten and naam not in ctx.gemeenten:
            where = source.line(GAPS, index, "gemeente")
            yield field_problem(source.path, where, f"{GAPS}.gemeente", unknown_gemeente(naam, ctx))
        if (
            isinstance(sport, str)
            and ctx.vocabulary.sporten
            and sport not in ctx.vocabulary.sporten
        ):
            where = source.line(GAPS, index, "sport")
            text = f"'{sport}' staat niet in lijsten/sporten.yml; {_REDO}"
            yield field_problem(source.path, where, f"{GAPS}.sport", text)


def check_telling_protected(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """No count shown as '1–2', or never shown, can be worked out from the others."""
    if contradicts(data):
        yield Problem(source.path, 1, f"de aantallen kloppen niet met elkaar; {_REDO}")
        return
    for cell in worked_out(data):
        shown = tuple(part for part in cell if part != "niet_gematcht")
        name = ".".join(str(part) for part in shown if isinstance(part, str))
        yield field_problem(
            source.path,
            source.line(*shown),
            name,
            "dit kleine aantal is uit de andere aantallen uit te rekenen, en dan wijst het "
            f"misschien naar één persoon; {_REDO}",
        )


TELLING_CHECKS: tuple[DataCheck, ...] = (
    check_telling_quarters,
    check_telling_places,
    check_telling_protected,
)
