"""How long the core's guards take on hostile input: measured here, never asserted in a test.

The tests assert what each guard does (that an alias bomb stops after a bounded number of
values, that 100 KB of odd text is read to its end with the right warnings, that a register of
a thousand rows is counted); a test that also asserted a time would fail on a busy machine.
`make bench` prints the times (median of RUNS, in milliseconds):

- an alias bomb ("billion laughs"), refused by check/yamlread.py;
- 100 KB of each piece that makes a naive reader quadratic, for check/markup_checks.py and for
  the plain-language and Markdown-contract warnings (the slowest piece of each);
- `make vraag-telling` on a desk register of 1,000 rows.

Run alone: `.venv/bin/python bench/guards.py`.
"""

from __future__ import annotations

import functools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT / "hooks", ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from check.test_demand_register import random_rows  # noqa: E402
from check.test_markup_checks import SLOW_FOR_A_NAIVE_READER  # noqa: E402
from check.test_plain_language import SLOW_PIECES, WORDS  # noqa: E402
from check.test_yamlread import alias_bomb  # noqa: E402
from conftest import copy_region  # noqa: E402
from demand_cases import csv_bytes, register, telling  # noqa: E402
from sportwijzer.check.markdown_contract import contract_warnings  # noqa: E402
from sportwijzer.check.markup_checks import unsafe_markup  # noqa: E402
from sportwijzer.check.plain_language import text_warnings  # noqa: E402
from sportwijzer.check.yamlread import parse_yaml  # noqa: E402

RUNS = 5
SIZE = 100_000  # characters of odd text


def milliseconds(work: Callable[[], object]) -> float:
    """The median wall time of RUNS runs of `work`, in milliseconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def hundred_kb(piece: str) -> str:
    return piece * (SIZE // len(piece))


def slowest(pieces: list[str], read: Callable[[str], object]) -> tuple[str, float]:
    """The piece that takes `read` longest on 100 KB of it, and its time."""
    times = {piece: milliseconds(functools.partial(read, hundred_kb(piece))) for piece in pieces}
    piece = max(times, key=times.__getitem__)
    return piece, times[piece]


def register_of_a_thousand_rows() -> float:
    """`make vraag-telling` on 1,000 random rows, in a copy of the test region."""
    with tempfile.TemporaryDirectory() as tmp:
        region = copy_region(Path(tmp) / "regio")
        rows = csv_bytes([";".join(row) for row in random_rows(7, 1000)])
        source = register(Path(tmp), rows)
        return milliseconds(lambda: telling(region, source))


def main() -> None:
    print(f"\nguards on hostile input (median of {RUNS}, ms)")
    rows = {
        "alias bomb (billion laughs), refused": milliseconds(
            lambda: parse_yaml(alias_bomb(), "x.yml")
        )
    }
    piece, ms = slowest(SLOW_FOR_A_NAIVE_READER, unsafe_markup)
    rows[f"unsafe markup, 100 KB of {piece!r} (slowest)"] = ms
    piece, ms = slowest(list(SLOW_PIECES), lambda text: text_warnings(text, WORDS))
    rows[f"plain language, 100 KB of {piece!r} (slowest)"] = ms
    piece, ms = slowest(list(SLOW_PIECES), contract_warnings)
    rows[f"Markdown contract, 100 KB of {piece!r} (slowest)"] = ms
    rows["make vraag-telling, 1,000 rows"] = register_of_a_thousand_rows()
    for name, value in rows.items():
        print(f"  {name:66} {value:10.1f}", flush=True)


if __name__ == "__main__":
    main()
