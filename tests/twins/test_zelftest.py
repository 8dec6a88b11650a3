"""The rule behind the self-test's result (sportwijzer.twins.zelftest); zelftest.js twins it, and
tests/browser/test_zelftest.py drives the page with the same answers (ZELFTEST_CASES)."""

from __future__ import annotations

import pytest

from sportwijzer.twins.zelftest import Samenvatting, samenvatting, score

PARTS = ("a", "b", "c", "d", "e")

# (scores, answered, average, weakest)
CASES = [
    pytest.param({}, 0, "", (), id="nothing-answered"),
    pytest.param({"a": 5, "b": 4, "c": 5, "d": 4, "e": 4}, 5, "4,4", (), id="all-strong"),
    pytest.param(
        {"a": 3, "b": 1, "c": 2, "d": 5, "e": 1},
        5,
        "2,4",
        ("b", "e", "c"),
        id="lowest-first-ties-in-order-at-most-three",
    ),
    pytest.param({"a": 3, "c": 3}, 2, "3,0", ("a", "c"), id="partly-answered-tie"),
    pytest.param(
        {"a": 4, "b": 3, "c": 3, "d": 3, "e": 3},
        5,
        "3,2",
        ("b", "c", "d"),
        id="four-tied-keeps-the-first-three",
    ),
    pytest.param({"a": 1, "b": 2, "c": 2, "d": 3}, 4, "2,0", ("a", "b", "c"), id="half-answered"),
    pytest.param(
        {"a": 3, "b": 4, "c": 3, "d": 3}, 4, "3,3", ("a", "c", "d"), id="average-rounds-half-up"
    ),  # 13/4 = 3.25 -> 3,3
    pytest.param({"a": 0, "b": 6, "c": "x", "d": True, "e": None}, 0, "", (), id="invalid-ignored"),
    pytest.param({"a": "2", "b": "5", "c": " 4 "}, 2, "3,5", ("a",), id="text-scores-from-a-form"),
]


@pytest.mark.parametrize(("scores", "answered", "average", "weakest"), CASES)
def test_samenvatting(scores, answered, average, weakest):
    result = samenvatting(scores, PARTS)
    assert (result.beantwoord, result.totaal, result.gemiddelde, result.zwakste) == (
        answered,
        len(PARTS),
        average,
        weakest,
    )


def test_nothing_answered_has_no_average():
    assert samenvatting({}, PARTS) == Samenvatting(0, 5, None, ())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, 1),
        (5, 5),
        ("3", 3),
        (3.0, 3),
        (0, None),
        (6, None),
        (2.5, None),
        ("", None),
        (False, None),
        (" 3", None),
        ("03", None),
        ("３", None),
        ("²", None),
        (None, None),
    ],
)
def test_score(value, expected):
    assert score(value) == expected
