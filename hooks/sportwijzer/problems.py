"""Problems found in the data: one Dutch line each, a summary, GitHub annotations.

The grammar, for every check in the core::

    offers/zwemmen-de-vliet.yml:12: veld 'beperkingen': 'blind' is geen bekende waarde. ...
    offers/Zwemmen De Vliet.yml: bestandsnaam mag alleen kleine letters, cijfers en ...
    Gevonden: 4 problemen in 3 bestanden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .textrules import readable

ERROR = "fout"
WARNING = "waarschuwing"


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


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
