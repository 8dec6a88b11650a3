"""Links that keep working: the rules that keep a published address alive.

An offer's or event's file name is its address (aanbod/<slug>/, agenda/<slug>/). A renamed file
lists its old names in `vorige_namen`, and the build leads each old address to the new one
(build/redirects.py); so an old name may lead to one file only, and may not be a file itself. A file
that is on the main branch is published: deleting it breaks every link to it, so `make check`
asks to stop the offer instead (`status: gestopt` keeps its page). Outside a git checkout there
is no history, and the deleted-file rule says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base.git_state import git_state
from ..base.problems import Problem, field_problem
from ..base.slugs import SLUG_PATTERN
from .datakinds import EVENTS, OFFERS, DataKind
from .load import SourceFile

FIELD = "vorige_namen"


@dataclass(frozen=True)
class Addressed:
    """How a kind of data with its own pages is named in a message."""

    kind: DataKind
    url_folder: str  # aanbod, agenda
    wat: str  # 'het aanbod', 'de activiteit'
    keep: str  # what to do instead of deleting the file


OFFER_LINKS = Addressed(
    OFFERS,
    "aanbod",
    "het aanbod",
    "zet het bestand terug met 'status: gestopt', dan blijft de pagina bestaan en zegt ze dat "
    "het aanbod gestopt is",
)
EVENT_LINKS = Addressed(
    EVENTS,
    "agenda",
    "de activiteit",
    "zet het bestand terug, dan blijft de pagina bestaan (een voorbije activiteit zegt vanzelf "
    "dat ze voorbij is; gaat ze niet door, zet dan 'status: afgelast')",
)
LINKED_KINDS: tuple[Addressed, ...] = (OFFER_LINKS, EVENT_LINKS)


def link_problems(root: Path, found: dict[str, list[SourceFile]]) -> list[Problem]:
    """Every old-name and deleted-file problem of offers and events."""
    problems: list[Problem] = []
    for linked in LINKED_KINDS:
        sources = found.get(linked.kind.name, [])
        problems += old_name_problems(sources)
        problems += deleted_file_problems(root, sources, linked)
    return problems


def old_names(source: SourceFile) -> list[tuple[int, str]]:
    """The file's old names that are names at all, with their place in the list."""
    data = source.document.fields if source.document else None
    names = data.get(FIELD) if isinstance(data, dict) else None
    if not isinstance(names, list):
        return []
    return [
        (i, name)
        for i, name in enumerate(names)
        if isinstance(name, str) and SLUG_PATTERN.fullmatch(name)
    ]


def old_name_problems(sources: list[SourceFile]) -> list[Problem]:
    """An old name is not this file's own name nor another file's, and leads to one file only."""
    current = {source.slug: source.path for source in sources}
    users: dict[str, dict[str, int | None]] = {}  # old name -> path -> line
    problems: list[Problem] = []
    for source in sources:
        for i, name in old_names(source):
            users.setdefault(name, {}).setdefault(source.path, _line(source, i))
            text = _taken(name, source.path, current.get(name))
            if text:
                problems.append(field_problem(source.path, _line(source, i), FIELD, text))
    for name, lines in users.items():
        for path, line in lines.items() if len(lines) > 1 else ():
            others = " en ".join(other for other in lines if other != path)
            text = (
                f"'{name}' staat ook bij vorige_namen in {others}; een oud adres kan maar naar "
                "één pagina leiden: laat de naam alleen staan bij het bestand dat het oude vervangt"
            )
            problems.append(field_problem(path, line, FIELD, text))
    return problems


def _taken(name: str, path: str, holder: str | None) -> str:
    """What is wrong with an old name that is a file's name now ('' when it is not)."""
    if holder is None:
        return ""
    if holder == path:
        return f"'{name}' is de naam van dit bestand zelf; haal hem weg uit de lijst"
    return (
        f"'{name}' is nog de naam van een ander bestand ({holder}). Vervangt dit bestand dat? "
        f"Haal {holder} dan weg. Anders hoort '{name}' hier niet"
    )


def _line(source: SourceFile, index: int) -> int | None:
    return source.line(FIELD, index)


def deleted_file_problems(
    root: Path, sources: list[SourceFile], linked: Addressed
) -> list[Problem]:
    """A file of the main branch stays: its page is published, and links to it must keep working.
    A file whose name is now another file's old name was renamed, and that is fine."""
    state = git_state(root)
    if state is None:
        return []
    folder = linked.kind.folder
    directory = root / folder
    present = {f"{folder}/{p.name}" for p in directory.iterdir()} if directory.is_dir() else set()
    renamed = {name for source in sources for _, name in old_names(source)}
    problems = []
    for path in state.deleted(present, folder):
        slug = _published_slug(path, folder, linked.kind.suffixes)
        if slug is None or slug in renamed:
            continue
        problems.append(Problem(path, None, _deleted_message(slug, linked)))
    return problems


def _published_slug(path: str, folder: str, suffixes: tuple[str, ...]) -> str | None:
    """The slug of a data file directly in `folder` (not a template like _voorbeeld.yml)."""
    name = Path(path)
    if name.parent.as_posix() != folder or name.name.startswith(("_", ".")):
        return None
    if name.suffix.lower() not in suffixes or not SLUG_PATTERN.fullmatch(name.stem):
        return None
    return name.stem


def _deleted_message(slug: str, linked: Addressed) -> str:
    return (
        f"dit bestand is weggehaald, maar zijn pagina {linked.url_folder}/{slug}/ staat op de "
        f"site en links ernaar werken dan niet meer; {linked.keep}. Heeft {linked.wat} een "
        f"nieuwe bestandsnaam? Zet dan 'vorige_namen: [{slug}]' in dat nieuwe bestand"
    )
