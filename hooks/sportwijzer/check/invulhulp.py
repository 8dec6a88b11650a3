"""Placeholders ('NAKIJKEN: ...') that `make nieuw-aanbod` writes where only a person knows the
value. A placeholder is an error until it is replaced, so nothing made up reaches the site; it is
reported once, in its own words, and not again by the schema or a rule as a wrong value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..base.problems import Problem, field_problem
from .load import SourceFile

MARKER = "NAKIJKEN"
# What nieuw-aanbod wrote before November 2026, still in offers made with it.
EARLIER = frozenset({"Naam van de plek", "Straat 1", "1234 AB"})


def placeholder(hint: str) -> str:
    """The value nieuw-aanbod writes for a field only a person can fill in."""
    return f"{MARKER}: {hint}"


def _found(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) of every placeholder in a document's values."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _found(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _found(item, (*path, index))
    elif isinstance(value, str) and (MARKER in value or value.strip() in EARLIER):
        yield path, value


def placeholder_problems(source: SourceFile) -> list[Problem]:
    """Every field that still holds a placeholder, at its own line; and every line of a partner's
    text that still holds one (`make nieuw-partner` writes them there too)."""
    document = source.document
    if document is None:
        return []
    problems = list(_text_placeholders(source))
    for path, text in _found(document.fields):
        name = ".".join(str(key) for key in path if isinstance(key, str))
        problems.append(
            field_problem(
                source.path,
                document.line(path),
                name,
                f"hier staat nog de invulhulp '{text.strip()}'; vul de echte waarde in",
            )
        )
    return problems


def _text_placeholders(source: SourceFile) -> Iterator[Problem]:
    for number, line in enumerate(source.body.splitlines()):
        if MARKER in line:
            yield Problem(
                source.path,
                source.body_line + number,
                f"de tekst onder de velden: hier staat nog de invulhulp '{line.strip()}'; "
                "schrijf de echte tekst",
            )


def settle_placeholders(problems: list[Problem], sources: Iterable[SourceFile]) -> list[Problem]:
    """The placeholder problems, instead of what else was said about those same fields."""
    found = [problem for source in sources for problem in placeholder_problems(source)]
    covered = {(p.path, p.line, p.message.split(":", 1)[0]) for p in found}
    kept = [p for p in problems if (p.path, p.line, p.message.split(":", 1)[0]) not in covered]
    return kept + found
