"""No count of 1 or 2 in vragen/telling.yml can be worked out, on generated tables of many shapes.

The attacker here is written again, apart from base/suppression.py: it reads the published file as
anyone can (yaml.safe_load), knows how the tables hang together (a total is the sum of its row;
the quarters, outcomes and municipalities each add up to the total; the matched questions of the
quarters add up to the matched outcome; the unmatched questions of a quarter are its questions
minus its matched ones; every question names one impairment or more; the gaps of a municipality
are some of its questions, and all gaps are open or unmet questions), and subtracts, again and
again, until it learns nothing more. For small registers it also searches every table of whole
numbers the file allows, and demands one in which each count of 1 or 2 has another value.
"""

from __future__ import annotations

import functools
import random
from collections import Counter

import pytest
import yaml

from conftest import REPO
from sportwijzer.base.suppression import Relation, protect, sum_of
from sportwijzer.base.telling_layout import worked_out
from sportwijzer.tools.demand_telling import protected, telling_text

INF = float("inf")
RANGES = {"1–2": (1, 2), "3 of meer": (3, INF), "0–2": (0, 2), "niet getoond": (0, INF)}
UITKOMSTEN = ("gematcht", "doorverwezen", "open", "geen-aanbod")
QUARTERS = ("2026-K1", "2026-K2", "2026-K3", "2026-K4")
IMPAIRMENTS = (
    "lichamelijk", "rolstoel", "visueel", "auditief", "verstandelijk",
    "chronisch", "psychisch", "autisme", "nah",
)  # fmt: skip


# --- generated tables ---------------------------------------------------------------------------


def generated(seed: int) -> dict:
    """The exact counts of a random register: 1 to 15 municipalities, 0 to 150 questions, most
    of them in few places (so that small cells are common), and their gaps."""
    rng = random.Random(seed)
    gemeenten = [f"Gemeente {chr(65 + i)}" for i in range(rng.randint(1, 15))]
    weights = [rng.random() ** 3 for _ in gemeenten]
    sports = [f"sport-{i}" for i in range(rng.randint(1, 8))]
    questions = []
    for _ in range(rng.choice([0, 1, 2, 3, 5, 8, 13, 30, 60, 150])):
        uitkomst = rng.choices(UITKOMSTEN, weights=[3, 1, 2, 2])[0]
        questions.append(
            (
                rng.choice(QUARTERS),
                rng.choices(gemeenten, weights=weights)[0],
                frozenset(rng.sample(IMPAIRMENTS, rng.choice([1, 1, 1, 2, 3]))),
                uitkomst,
                rng.choice(sports) if rng.random() < 0.7 else None,
                rng.random() < 0.5,  # nothing fits nearby
            )
        )
    gaps = Counter(
        (sport, gemeente)
        for _q, gemeente, _b, uitkomst, sport, nothing in questions
        if sport and nothing and uitkomst in ("open", "geen-aanbod")
    )
    return {
        "kwartalen": {
            q: {
                "binnen": sum(x[0] == q for x in questions),
                "gematcht": sum(x[0] == q and x[3] == "gematcht" for x in questions),
            }
            for q in QUARTERS
        },
        "totaal": len(questions),
        "uitkomsten": {u: sum(x[3] == u for x in questions) for u in UITKOMSTEN},
        "gemeenten": {g: sum(x[1] == g for x in questions) for g in gemeenten},
        "beperkingen": {b: sum(b in x[2] for x in questions) for b in IMPAIRMENTS},
        "gevraagd_niets": [
            {"sport": s, "gemeente": g, "vragen": n} for (s, g), n in sorted(gaps.items())
        ],
    }


# --- the attacker -------------------------------------------------------------------------------


def known(value):
    """What the page says about a count: an exact number, or a range."""
    if isinstance(value, str):
        return RANGES[value]
    assert isinstance(value, int) and value not in (1, 2), value
    return (value, value)


def attack(published: dict) -> dict:
    """Every count's range after subtracting with every relation until nothing changes."""
    ranges, sums, at_most = model(published)
    settled = settle(ranges, sums, at_most)
    assert settled is not None, "the published counts contradict each other"
    return settled


def model(published: dict):
    """What a reader knows: each count's range, the sums and the upper bounds between them."""
    r = {("totaal",): known(published["totaal"])}
    for table in ("uitkomsten", "gemeenten", "beperkingen"):
        for name, value in published[table].items():
            r[(table, name)] = known(value)
    for q, row in published["kwartalen"].items():
        r[(q, "binnen")], r[(q, "gematcht")] = known(row["binnen"]), known(row["gematcht"])
        r[(q, "niet")] = (0, INF)  # never shown
    for i, gap in enumerate(published["gevraagd_niets"]):
        r[("gat", i)] = known(gap["vragen"])
    sums, at_most = [], []  # (whole, parts): whole == sum(parts) / sum(parts) <= sum(wholes)
    total = ("totaal",)
    for table in ("uitkomsten", "gemeenten"):
        sums.append(([total], [(table, n) for n in published[table]]))
    sums.append(([total], [(q, "binnen") for q in published["kwartalen"]]))
    sums.append(([("uitkomsten", "gematcht")], [(q, "gematcht") for q in published["kwartalen"]]))
    for q in published["kwartalen"]:
        sums.append(([(q, "binnen")], [(q, "gematcht"), (q, "niet")]))
    impairments = [("beperkingen", b) for b in published["beperkingen"]]
    at_most += [([total], impairments)] + [([b], [total]) for b in impairments]
    at_most.append((impairments, [total] * len(impairments)))
    for gemeente in published["gemeenten"]:
        mine = [
            ("gat", i)
            for i, gap in enumerate(published["gevraagd_niets"])
            if gap["gemeente"] == gemeente
        ]
        if mine:
            at_most.append((mine, [("gemeenten", gemeente)]))
    gaps = [("gat", i) for i in range(len(published["gevraagd_niets"]))]
    if gaps:
        at_most.append((gaps, [("uitkomsten", "open"), ("uitkomsten", "geen-aanbod")]))
    return r, sums, at_most


def settle(r, sums, at_most):
    """Subtract until nothing changes; None when the ranges cannot all hold."""
    r = dict(r)
    for _round in range(1000):
        before = dict(r)
        for wholes, parts in sums:
            narrow_sum(r, wholes, parts)
            narrow_sum(r, parts, wholes)
        for parts, wholes in at_most:
            narrow_at_most(r, parts, wholes)
        if any(low > high for low, high in r.values()):
            return None
        if r == before:
            return r
    raise AssertionError("the attacker did not settle")


def possible(published: dict, cell, value, cap: int = 40) -> bool:
    """Is there any table of whole numbers that the file allows with `cell` = `value`? A full
    search (every count tried, subtracting after each guess), for small registers."""
    ranges, sums, at_most = model(published)
    ranges[cell] = (value, value)
    return _search(settle(ranges, sums, at_most), sums, at_most, cap)


def _search(r, sums, at_most, cap) -> bool:
    if r is None:
        return False
    open_cells = [c for c, (low, high) in r.items() if low < high]
    if not open_cells:
        return True
    cell = min(open_cells, key=lambda c: (min(r[c][1], cap) - r[c][0], repr(c)))
    low, high = r[cell]
    for value in range(int(low), int(min(high, low + cap)) + 1):
        if _search(settle({**r, cell: (value, value)}, sums, at_most), sums, at_most, cap):
            return True
    return False


def narrow_sum(r, wholes, parts):
    """sum(wholes) == sum(parts): each part lies between what the wholes leave for it."""
    narrow_at_most(r, parts, wholes)
    narrow_at_most(r, wholes, parts)


def narrow_at_most(r, parts, wholes):
    """sum(parts) <= sum(wholes): a part is at most the wholes minus the least of the others, and
    the wholes are at least the least of the parts."""
    high = sum(r[w][1] for w in wholes)
    for i, part in enumerate(parts):
        others = sum(r[p][0] for j, p in enumerate(parts) if j != i)
        low, top = r[part]
        r[part] = (low, min(top, high - others))
    least = sum(r[p][0] for p in parts)
    for i, whole in enumerate(wholes):
        others = sum(r[w][1] for j, w in enumerate(wholes) if j != i)
        low, top = r[whole]
        r[whole] = (max(low, least - others), top)


def truth_of(raw: dict) -> dict:
    t = {("totaal",): raw["totaal"]}
    for table in ("uitkomsten", "gemeenten", "beperkingen"):
        t.update({(table, n): v for n, v in raw[table].items()})
    for q, row in raw["kwartalen"].items():
        t[(q, "binnen")], t[(q, "gematcht")] = row["binnen"], row["gematcht"]
        t[(q, "niet")] = row["binnen"] - row["gematcht"]
    for i, gap in enumerate(raw["gevraagd_niets"]):
        t[("gat", i)] = gap["vragen"]
    return t


def check_protected(raw: dict, published: dict) -> None:
    """Nothing shown as 1 or 2; every shown range true; no count of 1 or 2 pinned."""
    ordered = {**raw, "gevraagd_niets": sort_like(raw, published)}
    truth = truth_of(ordered)
    ranges = attack(published)
    for cell, value in truth.items():
        low, high = ranges[cell]
        assert low <= value <= high, (cell, value, ranges[cell])  # the file tells the truth
        if value in (1, 2):
            assert low < high, f"{cell} = {value} is uit te rekenen"


def sort_like(raw, published):
    """The raw gaps in the published order (the file orders them by what it shows)."""
    by_key = {(g["sport"], g["gemeente"]): g for g in raw["gevraagd_niets"]}
    return [by_key[(g["sport"], g["gemeente"])] for g in published["gevraagd_niets"]]


@functools.cache
def written_text(seed: int) -> str:
    """What `make vraag-telling` writes for the generated register `seed`."""
    return telling_text(protected(generated(seed)))


SEEDS = range(80)  # make test-snel; the sweep below (traag) takes 400 more
SMALL_SEEDS = [seed for seed in SEEDS if generated(seed)["totaal"] <= 8]


@pytest.mark.parametrize("seed", SEEDS)
def test_no_small_count_can_be_worked_out_on_generated_tables(seed):
    published = yaml.safe_load(written_text(seed))  # read back as anyone reads it
    check_protected(generated(seed), published)
    assert worked_out(published) == []  # make check agrees


@pytest.mark.parametrize("seed", SMALL_SEEDS)
def test_a_full_search_finds_another_value_for_every_small_count(seed):
    """Beyond subtraction: for a small register, every count of 1 or 2 could as well be the
    other value (or, never shown, another number) in some table the file allows."""
    check_searched(generated(seed), yaml.safe_load(written_text(seed)))


def check_searched(raw: dict, published: dict) -> None:
    truth = truth_of({**raw, "gevraagd_niets": sort_like(raw, published)})
    ranges = model(published)[0]
    for cell, value in truth.items():
        if value in (1, 2):
            low, high = ranges[cell]  # what the file says: '1–2' leaves only the other one
            others = [v for v in range(9) if v != value and low <= v <= high]
            assert any(possible(published, cell, other) for other in others), (cell, value)


@pytest.mark.traag
@pytest.mark.parametrize("block", range(8))
def test_the_sweep_over_400_more_registers(block):
    """The same two checks on seeds 80 to 479, in eight blocks (make test runs them)."""
    for seed in range(80 + 50 * block, 130 + 50 * block):
        raw = generated(seed)
        published = yaml.safe_load(written_text(seed))
        check_protected(raw, published)
        if raw["totaal"] <= 8:
            check_searched(raw, published)


def test_the_generated_tables_do_have_small_cells_and_secondary_suppression():
    """The sweep is not empty: many tables have '1–2', and many needed more than that."""
    shown = [set(labels(yaml.safe_load(written_text(seed)))) for seed in SEEDS]
    assert sum("1–2" in found for found in shown) > 60
    assert sum(bool(found & {"3 of meer", "0–2"}) for found in shown) > 30
    assert sum("niet getoond" in found for found in shown) > 10


def labels(published: dict):
    """Every count of the file as written."""
    yield published["totaal"]
    for table in ("uitkomsten", "gemeenten", "beperkingen"):
        yield from published[table].values()
    for row in published["kwartalen"].values():
        yield from row.values()
    yield from (gap["vragen"] for gap in published["gevraagd_niets"])


def test_the_demo_telling_is_protected():  # what the demo's page shows
    published = yaml.safe_load((REPO / "vragen" / "telling.yml").read_text(encoding="utf-8"))
    attack(published)  # every count is a number or a range, and they agree with each other
    assert worked_out(published) == []
    for cell, (low, high) in attack(published).items():
        assert not (low == high and low in (1, 2)), cell


# --- the attacker catches what it should -------------------------------------------------------


def test_a_row_with_one_hidden_cell_and_its_total_shown_is_caught():
    r = {"totaal": (6, 6), "A": known("1–2"), "B": known(5)}
    narrow_sum(r, ["totaal"], ["A", "B"])
    assert r["A"] == (1, 1)


def test_ranges_that_add_up_too_tightly_are_caught():
    """'1–2' + '1–2' = '1–2': both are 1, and the total is 2."""
    r = {"totaal": known("1–2"), "A": known("1–2"), "B": known("1–2"), "C": known("0–2")}
    narrow_sum(r, ["totaal"], ["A", "B", "C"])
    narrow_sum(r, ["A", "B", "C"], ["totaal"])
    assert (r["A"], r["B"], r["totaal"]) == ((1, 1), (1, 1), (2, 2))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([0, 3, 7], [10, 0, 3, 7]),
        ([1, 4, 9], [14, "1–2", "3 of meer", 9]),  # else 1 = total - 4 - 9
        ([2, 1, 9], [12, "1–2", "1–2", 9]),  # 3 = 1 + 2 or 2 + 1: neither is known
        ([2, 2, 9, 12], [25, "1–2", "1–2", "3 of meer", 12]),  # 4 could only be 2 + 2
        ([1, 1, 1, 0], ["3 of meer", "1–2", "1–2", "1–2", 0]),  # 3 could only be 1 + 1 + 1
        ([2, 2, 2, 2, 3, 4], [15, "1–2", "1–2", "1–2", "1–2", "3 of meer", 4]),
        ([1], ["1–2", "1–2"]),
    ],
)
def test_one_table_with_its_total(counts, expected):
    cells = ["totaal", *(f"c{i}" for i in range(len(counts)))]
    values = dict(zip(cells, [sum(counts), *counts], strict=True))
    relations: list[Relation] = [sum_of("totaal", cells[1:])]
    assert [protect(values, cells, relations)[c] for c in cells] == expected
