"""Problems found in the data: one Dutch line each, a summary, GitHub annotations.

The grammar, for every check in the core::

    offers/zwemmen-de-vliet.yml:12: veld 'beperkingen': 'blind' is geen bekende waarde. ...
    offers/Zwemmen De Vliet.yml: bestandsnaam mag alleen kleine letters, cijfers en ...
    Gevonden: 4 problemen in 3 bestanden.

On a pull request, annotations go only to the files it changes: GitHub shows at most ten errors
and ten warnings a step, and a coordinator should not see warnings about offers nobody touched
(those are in the weekly issue 'Aanbod nakijken'). The log keeps every line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .textrules import readable

ERROR = "fout"
WARNING = "waarschuwing"
MAX_NAMED_FILES = 5  # in the one annotation about errors in files the pull request leaves alone


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line (or the whole file when line is None)."""

    path: str
    line: int | None
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """The line a coordinator reads: path, line, then the message."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = "let op: " if self.severity == WARNING else ""
        return readable(f"{where}: {prefix}{self.message}")  # a value may hold a line break

    def github_annotation(self) -> str:
        """A workflow command that shows the problem on the changed line of a pull request."""
        kind = "error" if self.is_error else "warning"
        props = f"file={_escape_property(self.path)}"
        if self.line is not None:
            props += f",line={self.line}"
        return f"::{kind} {props}::{_escape_data(self.message)}"


def field_problem(path: str, line: int | None, field: str, text: str) -> Problem:
    """A problem with one field: ``veld 'locatie.postcode': <text>``."""
    return Problem(path, line, f"veld '{field}': {text}")


def sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.message)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Errors first, each group by file and line; duplicates dropped."""
    unique = set(problems)
    return sorted(unique, key=lambda p: (not p.is_error, *sort_key(p)))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(problems: Iterable[Problem], files_checked: int) -> str:
    """The closing line: how many problems in how many files, or that all is well."""
    problems = list(problems)
    found = errors(problems)
    stale = warnings(problems)
    warned = f" {_plural(len(stale), 'waarschuwing', 'waarschuwingen')}." if stale else ""
    if not found:
        return f"Geen fouten gevonden in {_plural(files_checked, 'bestand', 'bestanden')}.{warned}"
    files = {p.path for p in found}
    return (
        f"Gevonden: {_plural(len(found), 'probleem', 'problemen')} "
        f"in {_plural(len(files), 'bestand', 'bestanden')}.{warned}"
    )


def report_lines(problems: Iterable[Problem], files_checked: int) -> list[str]:
    """Every problem on its own line, errors first, then the summary line."""
    ordered = sorted_problems(problems)
    return [p.format() for p in ordered] + [summary(ordered, files_checked)]


def _is_changed(problem: Problem, changed: frozenset[str] | None) -> bool:
    """In a file the pull request changes; every file when there is nothing to compare with."""
    return changed is None or problem.path in changed


def github_annotations(
    problems: Iterable[Problem], changed: frozenset[str] | None = None
) -> list[str]:
    """Annotations for the files in `changed` (all files when None). Errors elsewhere still fail
    the check: one annotation without a file names them. Warnings elsewhere stay in the log."""
    ordered = sorted_problems(problems)
    lines = [p.github_annotation() for p in ordered if _is_changed(p, changed)]
    elsewhere = [p for p in ordered if p.is_error and not _is_changed(p, changed)]
    if elsewhere:
        lines.append(f"::error::{_escape_data(_errors_elsewhere(elsewhere))}")
    return lines


def _errors_elsewhere(found: list[Problem]) -> str:
    files = sorted({p.path for p in found})
    named = ", ".join(files[:MAX_NAMED_FILES])
    if len(files) > MAX_NAMED_FILES:
        named += f" en {_plural(len(files) - MAX_NAMED_FILES, 'ander', 'andere')}"
    which = "dat" if len(files) == 1 else "die"
    return (
        f"{_plural(len(found), 'fout', 'fouten')} in "
        f"{_plural(len(files), 'bestand', 'bestanden')} {which} je niet hebt veranderd: "
        f"{named}. Ook die moeten opgelost zijn voordat je kunt samenvoegen; elke fout staat "
        "op een eigen regel in het log"
    )


def step_summary(
    problems: Iterable[Problem], files_checked: int, changed: frozenset[str] | None = None
) -> list[str]:
    """The step summary on GitHub: the summary line, the lines about the changed files, the
    errors in other files, and how many warnings about other files are only in the log."""
    ordered = sorted_problems(problems)
    mine = [p for p in ordered if _is_changed(p, changed)]
    body = ["## Controle van de gegevens", "", f"**{summary(ordered, files_checked)}**"]
    if mine:
        body += ["", *(f"- `{p.format()}`" for p in mine)]
    elsewhere = [p for p in ordered if p.is_error and not _is_changed(p, changed)]
    if elsewhere:
        body += ["", "Fouten in bestanden die je niet hebt veranderd:", ""]
        body += [f"- `{p.format()}`" for p in elsewhere]
    quiet = len(ordered) - len(mine) - len(elsewhere)
    if quiet:
        body += ["", _warnings_elsewhere(quiet)]
    return body


def _warnings_elsewhere(count: int) -> str:
    verb = "staat" if count == 1 else "staan"
    return (
        f"{_plural(count, 'waarschuwing', 'waarschuwingen')} over bestanden die je niet hebt "
        f"veranderd {verb} alleen in het log. Aanbod dat lang niet is nagekeken, staat ook in "
        "het issue 'Aanbod nakijken'."
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
