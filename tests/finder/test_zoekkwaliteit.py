"""The search-quality table (bench/zoekvragen.py) run through the finder's answer, as
`make zoekkwaliteit` measures it (bench/zoekkwaliteit.py), with its targets asserted: at least
95 % of queries whose first results all fit what was asked, and no dead end (nothing shown while
an offer fits something the query names). No browser: tests/finder_oracle.py is the finder's
Python twin. The regions are the fixture regions and the demo; nothing from ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import zoekkwaliteit
from zoekvragen import CASES


@pytest.fixture(scope="module", autouse=True)
def _regions():
    """The fixture regions are copied to a temporary folder once, and removed after."""
    yield
    zoekkwaliteit.cleanup()


@pytest.fixture(scope="module")
def figures():
    return zoekkwaliteit.run(timing=False)


def _failing(figures) -> str:
    return "\n".join(
        f"{v.case[0]}: {v.case[1]!r}: {'; '.join(v.why)} (shown: "
        + ", ".join(o.slug for o in v.shown[:3])
        + ")"
        for v in figures.failing
    )


def test_the_table_is_large_and_consistent(figures):
    assert len(CASES) >= 150
    assert sum(case[0] != "demo" for case in CASES) > len(CASES) / 2  # mostly fixture regions
    assert zoekkwaliteit.check_table() == []


def test_the_first_results_fit_for_95_percent_of_queries(figures):
    assert figures.share >= zoekkwaliteit.TARGET_FIT, _failing(figures)


def test_no_dead_end_where_something_fits(figures):
    dead = [v.case[1] for v in figures.verdicts if v.dead_end]
    assert len(dead) <= zoekkwaliteit.TARGET_DEAD, dead


def test_the_judge_sees_a_wrong_answer():
    """The measure itself: an answer that does not fit is counted, an empty one is a dead end."""
    case = ("zoeken", "zwemmen", {"sport": "zwemmen"})
    offers = zoekkwaliteit.region("zoeken").offers
    swimming = [o for o in offers if o.sport.slug == "zwemmen"]
    others = [o for o in offers if o.sport.slug != "zwemmen"]
    assert zoekkwaliteit.judge(case, swimming).ok
    assert not zoekkwaliteit.judge(case, [others[0], *swimming]).ok
    assert not zoekkwaliteit.judge(case, swimming[:1]).ok  # a fitting offer left out
    empty = zoekkwaliteit.judge(case, [])
    assert not empty.ok and empty.dead_end
    never = ("zoeken", "zwemmen", {"sport": "zwemmen", "never": [swimming[0].slug]})
    assert not zoekkwaliteit.judge(never, swimming).ok
