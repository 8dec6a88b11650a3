"""Data files in places nobody reads: `zwemmen.yml` in the repository root, `offer/zwemmen.yml`,
`Offers/zwemmen.yml`. The coordinator expects them on the site, so each one is an error."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..base.problems import Problem
from ..base.slugs import slugify
from .telling_checks import DEMAND_FOLDER, NOT_IN_GIT

REGIO_FILE = "regio.yml"
DATA_SUFFIXES = (".yml", ".yaml", ".md")
# Folders that hold no data of ours (hidden folders are skipped as well).
NOT_DATA = frozenset(
    {"content", "lijsten", "toolkit", "hooks", "tests", "overrides", "site", "bench"}
    | {"node_modules", "venv", "__pycache__"}
)
# YAML files of tools that live in a repository root.
TOOL_FILES = frozenset(
    {"mkdocs.yml", "mkdocs.yaml", "docker-compose.yml", "docker-compose.yaml", "compose.yml"}
    | {"compose.yaml", "codecov.yml", "netlify.yml", "environment.yml", "renovate.yml"}
)
# What a folder holds, in the words of the problem line; other names the coordinator may use.
HOLDS = {"offers": "aanbod", "partners": "een partner", "agenda": "een activiteit"}
OTHER_NAMES = {
    "aanbod": "offers",
    "activiteiten": "offers",
    "sporten": "offers",
    "aanbieders": "partners",
    "organisaties": "partners",
    "clubs": "partners",
    "evenementen": "agenda",
    "activiteit": "agenda",
}


def stray_files(root: Path, folders: Iterable[str]) -> list[Problem]:
    """Every data file outside `folders` (the data folders that are read) and regio.yml."""
    known = sorted(folders)
    problems = []
    for path in _candidates(root, set(known)):
        message = _message(path.relative_to(root), known)
        if message:
            problems.append(Problem(path.relative_to(root).as_posix(), None, message))
    return problems


def _candidates(root: Path, known: set[str]) -> Iterator[Path]:
    """Root YAML files that are not tools' files, and data files in unknown folders."""
    for entry in sorted(root.iterdir()) if root.is_dir() else []:
        if entry.name.startswith((".", "_")) or entry.is_symlink():
            continue
        if entry.is_file() and entry.suffix.lower() in (".yml", ".yaml"):
            if entry.name != REGIO_FILE and entry.name.lower() not in TOOL_FILES:
                yield entry
        elif entry.is_dir() and entry.name not in known and entry.name.lower() not in NOT_DATA:
            yield from _data_files(entry)


def _data_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith((".", "_")) for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and path.suffix.lower() in DATA_SUFFIXES:
            yield path


def _message(relative: Path, known: list[str]) -> str | None:
    """What to say about the file; None for Markdown in a folder that is no data folder."""
    if len(relative.parts) == 1 and _close(slugify(relative.stem), ["regio"]):
        return f"dit bestand wordt niet gelezen: de regio hoort in {REGIO_FILE}; hernoem het"
    folder = _meant_folder(relative, known)
    if folder is None and relative.suffix.lower() == ".md":
        return None
    if folder is None:
        return (
            "dit bestand wordt niet gelezen: gegevens horen in "
            + " of ".join(f"{name}/" for name in known)
            + "; verplaats het daarheen, of zet een _ voor de naam als het geen gegevens zijn"
        )
    if folder == DEMAND_FOLDER:  # a question never moves into git, not even into vragen/
        return NOT_IN_GIT
    holds = HOLDS.get(folder, "zo'n bestand")
    suffix = ".md" if relative.suffix.lower() == ".md" else ".yml"
    target = f"{folder}/{slugify(relative.stem) or 'naam'}{suffix}"
    return (
        f"dit bestand wordt niet gelezen: {holds} hoort in {folder}/; verplaats het naar {target}"
    )


def _meant_folder(relative: Path, known: list[str]) -> str | None:
    """The data folder the coordinator meant, from the folder's name or else the file's kind."""
    if len(relative.parts) > 1:
        name = relative.parts[0].lower()
        if ("vraag" in name or "vragen" in name) and DEMAND_FOLDER in known:
            return DEMAND_FOLDER  # questions, wherever they are kept in the repository
        meant = OTHER_NAMES.get(name, name)
        if meant in known:
            return meant
        close = _close(meant, known)
        if close:
            return close
    if relative.suffix.lower() in (".yml", ".yaml") and "offers" in known:
        return "offers"
    return None


def _close(word: str, options: list[str]) -> str | None:
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return found[0] if found else None
