"""The command line behind `make check` (every problem, one line each, then a summary) and
`make verouderd`, `make aanbod-uit-issue`, `make nieuw-aanbod`, `make nieuw-evenement`,
`make vraag-telling` and `make leesbaarheid`."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..base.dates import today_in_amsterdam
from ..base.git_state import changed_files
from ..base.problems import Problem, errors, github_annotations, report_lines, step_summary
from ..base.slugs import slugify
from ..check.datakinds import read_all_kinds
from ..check.demand_register import read_register
from ..check.load import MAX_FILE_BYTES
from ..check.prose import prose_of, readability_lines
from ..check.vocabulary_load import load_plain_words
from ..model import assemble
from ..site import LoadResult, load_site
from .asking import STOPPED, Check, NewKind, Stopped, ask, given_answers
from .demand_telling import count, protected, telling_path, telling_text
from .freshness import stale_issue, stale_report
from .issueform import data_yaml, event_from_issue, form_headings, offer_from_issue
from .nieuw import (
    OFFER,
    next_steps,
    offer_path,
    refuse_name,
    region_context,
    result_lines,
    write_and_check,
)
from .nieuw_evenement import EVENT, event_path
from .nieuw_partner import PARTNER


def main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run a command; return the exit code (0 all well, 1 errors in the data, 2 bad usage)."""
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    return COMMANDS[args.command](args, out)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sportwijzer", description="Controleer de gegevens.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer de gegevens van de regio")
    check.add_argument("root", nargs="?", default=".", help="map van de regio (standaard: .)")
    stale = commands.add_parser("verouderd", help="tabel van aanbod ouder dan 12 maanden")
    stale.add_argument("root", nargs="?", default=".", help="map van de regio (standaard: .)")
    stale.add_argument("--issue", action="store_true", help="tekst van het issue 'Aanbod nakijken'")
    stale.add_argument(
        "--link", help="adres van de bestanden op GitHub, voor --issue (standaard: LINK)"
    )
    issue_commands = []
    for name, folder in (("aanbod-uit-issue", "offers"), ("evenement-uit-issue", "agenda")):
        issue = commands.add_parser(name, help=f"maak {folder}/<naam>.yml uit een issue")
        issue.add_argument(
            "issue", nargs="?", help="bestand met de tekst van het issue (standaard: ISSUE)"
        )
        issue.add_argument("--slug", help="naam van het bestand (standaard: uit de titel)")
        issue.add_argument("--root", default=".", help="map van de regio (standaard: .)")
        issue_commands.append(issue)
    new_files = [_new_parser(commands, kind, help) for kind, help in _NEW_HELP]
    telling = commands.add_parser(
        "vraag-telling", help="tel het register van het loket in vragen/telling.yml"
    )
    telling.add_argument("--bron", help="het register (standaard: de omgevingsvariabele BRON)")
    telling.add_argument("--root", default=".", help="map van de regio (standaard: .)")
    readable = commands.add_parser("leesbaarheid", help="hoe makkelijk de teksten te lezen zijn")
    readable.add_argument("root", nargs="?", default=".", help="map van de regio (standaard: .)")
    for sub in (check, stale, *issue_commands, *new_files, telling):
        sub.add_argument("--vandaag", type=dt.date.fromisoformat, help="datum voor de controle")
    return parser


_NEW_HELP = (
    (OFFER, "schrijf een nieuw aanbod met uitleg"),
    (EVENT, "schrijf een activiteit voor de agenda"),
    (PARTNER, "schrijf een nieuwe partner met uitleg"),
)


def _new_parser(commands: Any, kind: NewKind, help: str) -> argparse.ArgumentParser:
    """The command of one `make nieuw-…`: an option for each question, and --root."""
    new: argparse.ArgumentParser = commands.add_parser(kind.command, help=help)
    for question in kind.questions:
        name = question.name
        new.add_argument(f"--{name}", help=f"standaard: de omgevingsvariabele {name.upper()}")
    new.add_argument("--root", default=".", help="map van de regio (standaard: .)")
    return new


def _check(args: argparse.Namespace, out: TextIO) -> int:
    result = load_site(Path(args.root), today=args.vandaag)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    changed = changed_files(Path(args.root)) if github else None  # None: annotate every file
    print_report(result, out, github=github, changed=changed)
    return 0 if result.ok else 1  # errors in files the pull request leaves alone fail it too


def _readability(args: argparse.Namespace, out: TextIO) -> int:
    """Every text people read with its average sentence length and hardest sentences; exit 0."""
    root = Path(args.root)
    found, _ = read_all_kinds(root)
    words, _ = load_plain_words(root)
    try:
        for line in readability_lines(prose_of(root, found), words):
            print(line, file=out)
    except BrokenPipeError:  # 'make leesbaarheid | head': the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _stale(args: argparse.Namespace, out: TextIO) -> int:
    """Print the table (or the issue body) of stale offers; time never fails anything: exit 0."""
    if args.issue:
        lines = stale_issue(args.root, today=args.vandaag, link=_given(args.link, "LINK"))
    else:
        lines = stale_report(args.root, today=args.vandaag)
    for line in lines:
        print(line, file=out)
    return 0


def _from_issue(args: argparse.Namespace, out: TextIO) -> int:
    """Write offers/<slug>.yml from an issue body, then check it like any other offer."""
    return _write_from_issue(args, out, "offer", "aanbod-uit-issue")


def _event_from_issue(args: argparse.Namespace, out: TextIO) -> int:
    """Write agenda/<slug>.yml from an agenda issue body, then check it like any other event."""
    return _write_from_issue(args, out, "agenda", "evenement-uit-issue")


def _write_from_issue(args: argparse.Namespace, out: TextIO, schema: str, command: str) -> int:
    root, today = Path(args.root), args.vandaag or today_in_amsterdam()
    given = args.issue if args.issue is not None else os.environ.get("ISSUE", "")
    if not given.strip():
        print(_NO_ISSUE.format(command=command), file=out)
        return 2
    issue = Path(given)
    body, refused = read_issue(issue)
    if body is None:
        print(f"{issue.name}: {refused}", file=out)
        return 2
    if schema == "offer":
        data, problems = offer_from_issue(body, issue.name, today)
        path_of = offer_path
    else:
        data, problems = event_from_issue(body, issue.name)
        path_of = event_path
    slug = _given(args.slug, "SLUG") or slugify(str(data.get("titel", "")))
    taken = refuse_name(root, slug, path_of) if slug else _NO_SLUG
    if taken:
        print(f"{issue.name}: {taken}", file=out)
        return 2
    relative = path_of(slug)
    text = data_yaml(data, issue.name, schema, command)
    return _write_checked(root, relative, text, today, problems, out)


def read_issue(path: Path) -> tuple[str | None, str]:
    """The text of an issue file, or None and why it cannot be one (one Dutch line)."""
    if not path.is_file():
        return None, "bestand ontbreekt"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, _ISSUE_TOO_BIG
        body = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, _ISSUE_NOT_TEXT
    except OSError as error:
        return None, f"bestand kan niet gelezen worden ({error.strerror})"
    if "\x00" in body:
        return None, _ISSUE_NOT_TEXT
    if not form_headings(body):
        return None, _NO_FORM
    return body, ""


def _given(value: str | None, name: str) -> str:
    """A value from its option, or else from the environment variable make passes it in."""
    return (value if value is not None else os.environ.get(name, "")).strip()


def _write_checked(
    root: Path, relative: str, text: str, today: dt.date, problems: list[Problem], out: TextIO
) -> int:
    """Write the new file and report its problems; a file that cannot be made is one line."""
    try:
        mine = write_and_check(root, relative, text, today)
    except OSError as error:
        print(_NOT_WRITTEN.format(relative=relative, why=error.strerror), file=out)
        return 2
    return _finish(relative, problems + mine, out)


_NOT_WRITTEN = "{relative}: kan niet geschreven worden ({why}); er is niets geschreven"
_NO_SLUG = "het issue heeft geen titel; geef de naam van het bestand mee met SLUG=..."
_NO_ISSUE = "Geef het bestand met de tekst van het issue: make {command} ISSUE=issue.md"
_ISSUE_TOO_BIG = "bestand is groter dan 1 MB; dat is geen tekst van een issue"
_ISSUE_NOT_TEXT = (
    "bestand is geen tekst (UTF-8); kopieer de tekst van het issue en sla die op als UTF-8"
)
_NO_FORM = (
    "geen vraag van het formulier gevonden (een kop als '### Naam van het aanbod'); "
    "kopieer de hele tekst van het issue, met de koppen"
)


def _new_file(args: argparse.Namespace, out: TextIO, kind: NewKind) -> int:
    """Write a commented file from the answers given, asking for the others on a terminal, and
    check it. Exit 0 once the file is written, even with placeholders left to fill in (they are
    the next step, not a failure); 2 when nothing was written; 0 when the person stopped."""
    root, today = Path(args.root), args.vandaag or today_in_amsterdam()
    answers, code = _new_answers(args, out, kind, kind.checker(root, today))
    if answers is None:
        return code
    relative = kind.path_of(answers["slug"])
    try:
        mine = write_and_check(root, relative, kind.text(root, answers, today), today)
    except OSError as error:
        print(_NOT_WRITTEN.format(relative=relative, why=error.strerror), file=out)
        return 2
    steps = next_steps(relative, mine, *kind.next_steps(relative, answers))
    print("\n".join([*result_lines(relative, mine), *steps]), file=out)
    return 0


def _new_answers(
    args: argparse.Namespace, out: TextIO, kind: NewKind, check: Check
) -> tuple[dict[str, str] | None, int]:
    """The answers, asked on a terminal; or None and the exit code: 2 when a value is missing or
    wrong without a terminal, 0 when the person stopped with Ctrl-D or Ctrl-C (not an error, so
    make adds no 'Error' line)."""
    given = {q.name: _given(getattr(args, q.name), q.name.upper()) for q in kind.questions}
    if not sys.stdin.isatty():
        answers, refused = given_answers(kind.questions, given, check, kind.command)
        if refused:
            print("\n".join(refused), file=out)
        return answers, 2
    try:
        return ask(kind.questions, given, check, out), 0
    except Stopped:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C: still no traceback
        print(f"\n{STOPPED}", file=out)
        return None, 0


def _telling(args: argparse.Namespace, out: TextIO) -> int:
    """Check the desk's register and, only when every row is right, write vragen/telling.yml."""
    root, today = Path(args.root), args.vandaag or today_in_amsterdam()
    bron = _given(args.bron, "BRON")
    if not bron.strip():
        print(_NO_REGISTER, file=out)
        return 2
    result = load_site(root, today=today)
    if result.site is None:
        print_report(result, out)
        print(_FIX_FIRST, file=out)
        return 1
    if _in_repository(root, Path(bron)):
        print(f"{Path(bron).name}: {_IN_REPOSITORY}", file=out)
        return 1
    site = result.site
    # an offer renamed since the desk wrote its row is still found by its old name
    known = {*site.aanbod, *(old for offer in site.aanbod.values() for old in offer.vorige_namen)}
    register = read_register(Path(bron), region_context(root, today), known)
    if errors(register.problems):
        for line in report_lines(register.problems, 1):
            print(line, file=out)
        print("Er is niets geschreven: verbeter het register en probeer het opnieuw.", file=out)
        return 1
    region, vocabulary = site.regio, site.vocabulary
    vragen = [
        assemble.vraag(r.slug, r.document.fields, region, vocabulary)
        for r in register.rows
        if r.document  # a row of the register is read from its cells, never without a document
    ]
    telling = protected(count(site, vragen))
    target = root / telling_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(telling_text(telling), encoding="utf-8")
    check = load_site(root, today=today)
    mine = [p for p in check.problems if p.path.startswith("vragen/")]
    print(f"Geschreven: {telling_path()}, uit {len(vragen)} rijen van het register.", file=out)
    for line in report_lines(mine, 1):
        print(line, file=out)
    return 1 if errors(mine) else 0


def _in_repository(root: Path, bron: Path) -> bool:
    """A register inside the repository ends up in git with the next 'git add'; only the demo's
    made-up register lives there, in voorbeelden/."""
    repository, place = root.resolve(), bron.resolve()
    return place.is_relative_to(repository) and not place.is_relative_to(repository / EXAMPLES)


EXAMPLES = "voorbeelden"
_IN_REPOSITORY = (
    "het register staat in de map van de site, en zo komt het met de volgende commit in git; zet "
    "het buiten deze map, waar het loket zijn eigen bestanden bewaart, en geef dat pad"
)
_NO_REGISTER = (
    "Geef het register van het loket: make vraag-telling BRON=<pad naar het .xlsx- of "
    ".csv-bestand, of de map met vragen>"
)
_FIX_FIRST = (
    "Er is niets geschreven: los eerst deze problemen op (make check). Een vragen/telling.yml "
    "met fouten mag je weghalen: deze opdracht maakt hem opnieuw."
)


def _finish(relative: str, problems: list[Problem], out: TextIO) -> int:
    for line in result_lines(relative, problems):
        print(line, file=out)
    return 1 if errors(problems) else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "check": _check,
    "verouderd": _stale,
    "aanbod-uit-issue": _from_issue,
    "evenement-uit-issue": _event_from_issue,
    **{kind.command: functools.partial(_new_file, kind=kind) for kind in (OFFER, EVENT, PARTNER)},
    "vraag-telling": _telling,
    "leesbaarheid": _readability,
}


def print_report(
    result: LoadResult,
    out: TextIO,
    github: bool = False,
    changed: frozenset[str] | None = None,
) -> None:
    """Problem lines and summary; on GitHub Actions also annotations and a step summary, about
    the files in `changed` (the pull request's; every file when None)."""
    for line in report_lines(result.problems, result.files_checked):
        print(line, file=out)
    if github:
        for line in github_annotations(result.problems, changed):
            print(line, file=out)
        _write_step_summary(step_summary(result.problems, result.files_checked, changed))


def _write_step_summary(body: list[str]) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\n".join(body) + "\n")
