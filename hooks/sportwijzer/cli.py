"""The command line behind `make check`: every problem, one line each, then a summary."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .problems import report_lines, sorted_problems
from .site import LoadResult, load_site


def main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run a command; return the exit code (0 all well, 1 errors in the data, 2 bad usage)."""
    out = out or sys.stdout
    parser = argparse.ArgumentParser(prog="sportwijzer", description="Controleer de gegevens.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer regio.yml, partners/ en offers/")
    check.add_argument("root", nargs="?", default=".", help="map van de regio (standaard: .)")
    check.add_argument("--vandaag", type=dt.date.fromisoformat, help="datum voor de controle")
    args = parser.parse_args(argv)
    result = load_site(Path(args.root), today=args.vandaag)
    print_report(result, out, github=os.environ.get("GITHUB_ACTIONS") == "true")
    return 0 if result.ok else 1


def print_report(result: LoadResult, out: TextIO, github: bool = False) -> None:
    """Problem lines and summary; on GitHub Actions also annotations and a step summary."""
    lines = report_lines(result.problems, result.files_checked)
    for line in lines:
        print(line, file=out)
    if github:
        for problem in sorted_problems(result.problems):
            print(problem.github_annotation(), file=out)
        _write_step_summary(lines)


def _write_step_summary(lines: list[str]) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    body = ["## Controle van de gegevens", "", f"**{lines[-1]}**", ""]
    body += [f"- `{line}`" for line in lines[:-1]]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\n".join(body) + "\n")
