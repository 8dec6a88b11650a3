"""The questions of `make nieuw-aanbod`, `make nieuw-evenement` and `make nieuw-partner`.

Values given on the command line are used without asking. On a terminal, a missing answer is
asked, and an answer that cannot be used is asked again with what is wrong, so one typo never
throws away the other answers. Ctrl-D or Ctrl-C stops: nothing is written. Without a terminal
nothing is asked: every missing or wrong value is named, one line each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True)
class Question:
    """One answer a new file needs: `name` is the option (--name) and the make value (NAME)."""

    name: str
    prompt: str
    optional: bool = False


# What is wrong with one answer (name, value): one Dutch line each, none when it can be used.
Check = Callable[[str, str], list[str]]
Read = Callable[[str], str]


@dataclass(frozen=True)
class NewKind:
    """What `make nieuw-…` needs to know about one kind of file it writes."""

    command: str
    questions: tuple[Question, ...]
    path_of: Callable[[str], str]
    checker: Callable[[Path, dt.date], Check]
    text: Callable[[Path, Mapping[str, str], dt.date], str]
    next_steps: Callable[[str, Mapping[str, str]], list[str]]


STOPPED = "Gestopt: er is niets geschreven."
_REQUIRED = "{name}: dit moet je invullen; typ een antwoord, of stop met Ctrl-C"


class Stopped(Exception):
    """The person pressed Ctrl-D or Ctrl-C while a question was asked."""


def given_answers(
    questions: tuple[Question, ...], given: Mapping[str, str], check: Check, command: str
) -> tuple[dict[str, str] | None, list[str]]:
    """Without a terminal: the answers from the command line, or None and why they cannot be
    used (the missing ones in one line, then one line for each wrong one)."""
    missing = [q.name.upper() for q in questions if not q.optional and not given[q.name]]
    if missing:
        example = " ".join(f"{q.name.upper()}=..." for q in questions[:2])
        return None, [f"Vul ook in: {', '.join(missing)}, zoals 'make {command} {example}'"]
    refused = [line for q in questions if given[q.name] for line in check(q.name, given[q.name])]
    return (None, refused) if refused else (dict(given), [])


def ask(
    questions: tuple[Question, ...],
    given: Mapping[str, str],
    check: Check,
    out: TextIO,
    read: Read = input,
) -> dict[str, str]:
    """On a terminal: keep each usable answer given, ask for the others until they can be used.
    An optional question is asked only when a required one was missing (a session of questions).
    Raises Stopped on Ctrl-D or Ctrl-C."""
    session = any(not q.optional and not given[q.name] for q in questions)
    answers: dict[str, str] = {}
    for question in questions:
        value = given[question.name]
        if value or not question.optional or session:
            value = _ask_one(question, value, check, out, read)
        answers[question.name] = value
    return answers


def _ask_one(question: Question, value: str, check: Check, out: TextIO, read: Read) -> str:
    """The first usable answer to one question: the one given, else asked until it can be used."""
    wrong = check(question.name, value) if value else []
    if value and not wrong:
        return value
    while True:
        for line in wrong:
            print(line, file=out)
        value = _read(read, f"{question.prompt}: ")
        if not value and question.optional:
            return ""
        wrong = check(question.name, value) if value else [_REQUIRED.format(name=question.name)]
        if not wrong:
            return value


def _read(read: Read, prompt: str) -> str:
    try:
        return read(prompt).strip()
    except (EOFError, KeyboardInterrupt):
        raise Stopped from None
