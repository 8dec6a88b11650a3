"""`make zoekkwaliteit`: how well the finder answers the words people type, measured over a table
of queries (bench/zoekvragen.py) on our own fixture regions (tests/fixtures/) and the demo.

Each case says what a good answer is, as a predicate over an offer's facts (sport, impairment,
age, place, wishes), not as the list the finder happens to give. Three figures, before (the
query as plain text, every word must match: zoeken.js's search, best score first) and after
(the query read by query_reading, as finder.js answers it; tests/finder_oracle.py is its Python
twin):

- the share of queries whose first results all fit: the first min(3, F) results fit the case,
  where F is how many offers in the region fit it (so with one fitting offer in the region, that
  one must come first; with three or more, the first three must all fit); the case's `include`
  offers are among the first three, its `never` offers are not;
- dead ends: nothing shown while an offer in the region fits at least one thing the query names
  (one clause of the case);
- the slowest parse: the time to read one query (read_query; before: query_groups, the old
  split into words), the minimum of several runs, its maximum and p95 over the table.

Targets: at least 95 % of queries with all first results fitting, and no dead ends. Prints
Markdown: the figures, per region, and every query that does not fit with what was shown, so
that the reading can be fixed. Measured, not asserted here
(tests/finder/test_zoekkwaliteit.py asserts).

    python bench/zoekkwaliteit.py            # the report
    python bench/zoekkwaliteit.py --alle     # and every query's first three
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT / "hooks", ROOT / "tests", ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from zoekvragen import CASES  # noqa: E402

from finder_oracle import answer, offer_facts, python_index, query_groups, search  # noqa: E402
from sportwijzer.finder.data import position  # noqa: E402
from sportwijzer.finder.filters import IMPAIRMENT_RULES  # noqa: E402
from sportwijzer.finder.query_lexicon import query_lexicon  # noqa: E402
from sportwijzer.model.objects import Aanbod, Site  # noqa: E402
from sportwijzer.site import load_site  # noqa: E402
from sportwijzer.twins import finder_rules as rules  # noqa: E402
from sportwijzer.twins import query_reading as qr  # noqa: E402

TODAY = dt.date(2026, 11, 23)  # the tests' day (tests/conftest.py): the same offers published
FIXTURES = ROOT / "tests" / "fixtures"
REGIONS = {"zoeken": "regio-zoeken", "a": "regio-a", "b": "regio-b", "demo": None}
TARGET_FIT = 0.95
TARGET_DEAD = 0
PARSE_RUNS = 7
NEAR_KM = 10  # 'bij': a place with no km fits offers this close (the town and its villages)
CLAUSES = ("aanbod", "sport", "beperking", "leeftijd", "wie", "bij", "kenmerk", "omgeving", "samen")
KEYS = {*CLAUSES, "eigen", "km", "include", "never", "deels"}


# --- the regions ---


@dataclass
class Region:
    name: str
    site: Site
    index: tuple
    lexicon: dict
    places: dict[str, tuple[float, float]]  # folded name -> (lat, lon)

    @property
    def offers(self) -> list[Aanbod]:
        return self.site.gepubliceerd


@functools.cache
def _workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="zoekkwaliteit-"))


@functools.cache
def region(name: str) -> Region:
    """A region loaded as the tests load it: a fixture region copied with the project's lists
    beside it (tests/conftest.py copy_region), or the demo (the repository itself)."""
    folder = REGIONS[name]
    if folder is None:
        root = ROOT
    else:
        root = _workdir() / folder
        if not root.exists():
            shutil.copytree(FIXTURES / folder, root)
            shutil.copytree(ROOT / "lijsten", root / "lijsten")
    loaded = load_site(root, today=TODAY)
    assert loaded.ok, [p.format() for p in loaded.problems if p.is_error]
    site = loaded.site
    places = {qr.fold(g.naam): (g.lat, g.lon) for g in site.regio.gemeenten}
    places.update({qr.fold(p.naam): (p.lat, p.lon) for p in site.regio.plaatsen})
    return Region(name, site, python_index(site), query_lexicon(site), places)


def cleanup() -> None:
    if _workdir.cache_info().currsize:
        shutil.rmtree(_workdir(), ignore_errors=True)
        _workdir.cache_clear()
        region.cache_clear()


# --- what a good answer is: a case's clauses over an offer's facts ---


def _set(value) -> set:
    return {value} if isinstance(value, str) else set(value)


def _serves(beperkingen: list[str], wanted: str, everyone: bool) -> bool:
    """As the finder's filter: the impairment itself, a wider one (rolstoel -> lichamelijk), or
    'iedereen' (unless the case asks for offers that name the impairment: eigen)."""
    broader = IMPAIRMENT_RULES["breder"]
    return any(
        b == wanted or broader.get(b) == wanted or (everyone and b == IMPAIRMENT_RULES["iedereen"])
        for b in beperkingen
    )


def clause_fits(reg: Region, offer: Aanbod, key: str, value, expect: dict) -> bool:
    facts = offer_facts(offer)
    low, high = facts["min"], facts["max"]
    if key == "aanbod":
        return offer.slug in _set(value)
    if key == "sport":
        return facts["sport"] in _set(value)
    if key == "beperking":
        everyone = not expect.get("eigen")
        return any(_serves(facts["beperkingen"], b, everyone) for b in _set(value))
    if key == "leeftijd":
        return (low is None or value >= low) and (high is None or value <= high)
    if key == "wie":
        a, b = value
        return (low is None or b is None or low <= b) and (high is None or a is None or high >= a)
    if key == "bij":
        origin = reg.places[qr.fold(value)]
        return rules.distance_km(origin, position(offer)) <= expect.get("km", NEAR_KM)
    if key == "kenmerk":
        return all(k in facts["kenmerken"] for k in _set(value))
    if key == "omgeving":
        return any(o in facts["omgeving"] for o in _set(value))
    if key == "samen":
        return facts["samen"] in ("beide", value)
    raise KeyError(key)


def fits(reg: Region, offer: Aanbod, expect: dict) -> bool:
    """Does `offer` fit everything the case names?"""
    return all(clause_fits(reg, offer, k, v, expect) for k, v in expect.items() if k in CLAUSES)


def fits_something(reg: Region, offer: Aanbod, expect: dict) -> bool:
    """Does `offer` fit at least one thing the case names (for a dead end)?"""
    named = [(k, v) for k, v in expect.items() if k in CLAUSES]
    return offer.slug in expect.get("include", ()) or any(
        clause_fits(reg, offer, k, v, expect) for k, v in named
    )


# --- the two answers ---


def after(reg: Region, query: str) -> tuple[str, list[Aanbod]]:
    """The finder now: the query read (query_reading), as finder.js answers it: its mode
    ('alles', 'deels', 'geen') and the offers in order."""
    mode, refs, _fits = answer(reg.site, {"q": [query]}, reg.index)
    return mode, [reg.offers[int(ref)] for ref in refs]


def before(reg: Region, query: str) -> tuple[str, list[Aanbod]]:
    """The finder before the reading: the query as plain text, every word must match (zoeken.js),
    best score first; finder_oracle.answer's path without a reading."""
    index, synonyms, stop = reg.index
    scores = search(index, query, synonyms, stop)
    shown = [
        {"ref": str(number), "order": number, "distance": None}
        for number, _offer in enumerate(reg.offers)
        if scores is None or str(number) in scores
    ]
    ordered = rules.order(shown, rules.sort_mode(rules.empty_state(), False), scores)
    return ("alles" if ordered else "geen"), [reg.offers[int(r["ref"])] for r in ordered]


def parse_ms(reg: Region, query: str, old: bool) -> float:
    """The time to read `query` once, in ms: the best of PARSE_RUNS."""
    _index, synonyms, stop = reg.index
    best = math.inf
    for _ in range(PARSE_RUNS):
        start = time.perf_counter()
        if old:
            query_groups(query, synonyms, stop)
        else:
            qr.read_query(query, reg.lexicon)
        best = min(best, time.perf_counter() - start)
    return best * 1000


# --- judging one answer ---


@dataclass
class Verdict:
    case: tuple
    shown: list[Aanbod]
    ok: bool
    dead_end: bool
    wanted: int  # how many of the first results must fit: min(3, F)
    fitting: int  # F: offers in the region that fit the case (or its 'deels' when none does)
    partial: bool  # no offer fits everything: judged by the case's 'deels'
    why: list[str] = field(default_factory=list)
    parse_ms: float = 0.0
    mode: str = "alles"

    @property
    def says_partial(self) -> bool:
        """The finder says nothing fits everything ('deels', 'geen') while an offer does."""
        return self.mode != "alles" and not self.partial and self.fitting > 0


def judge(case: tuple, shown: list[Aanbod], mode: str = "alles") -> Verdict:
    name, _query, expect = case
    reg = region(name)
    wanted_fit = expect
    fitting = [o for o in reg.offers if fits(reg, o, expect)]
    partial = not fitting
    if partial:
        wanted_fit = {**expect.get("deels", {})}
        for key in ("eigen", "km"):
            if key in expect and key not in wanted_fit:
                wanted_fit[key] = expect[key]
        fitting = [o for o in reg.offers if fits(reg, o, wanted_fit)]
    n = min(3, len(fitting))
    why = []
    if len(shown) < n:
        why.append(f"{len(shown)} getoond, {len(fitting)} passen")
    for place, offer in enumerate(shown[:n], 1):
        if not fits(reg, offer, wanted_fit):
            why.append(f"nr. {place} past niet")
    first = {o.slug for o in shown[:3]}
    why += [
        f"{slug} niet in de eerste drie" for slug in expect.get("include", ()) if slug not in first
    ]
    why += [f"{slug} in de eerste drie" for slug in expect.get("never", ()) if slug in first]
    dead = not shown and any(fits_something(reg, o, expect) for o in reg.offers)
    if dead:
        why.append("doodlopend: niets getoond, terwijl iets past")
    return Verdict(case, shown, not why, dead, n, len(fitting), partial, why, mode=mode)


def check_table(cases: list[tuple] = CASES) -> list[str]:
    """The table's own mistakes: an unknown key or region, a case nothing fits (not even its
    'deels'), an `include` offer that does not fit the case."""
    problems = []
    for case in cases:
        name, query, expect = case
        if name not in REGIONS:
            problems.append(f"{query!r}: onbekende regio {name!r}")
            continue
        reg = region(name)
        unknown = set(expect) - KEYS
        if unknown:
            problems.append(f"{query!r}: onbekende sleutel {sorted(unknown)}")
            continue
        if not any(fits(reg, o, expect) for o in reg.offers):
            if not expect.get("deels"):
                problems.append(f"{query!r}: niets past; geef 'deels'")
            elif not any(fits(reg, o, expect["deels"] | {"eigen": expect.get("eigen")})
                         for o in reg.offers):  # fmt: skip
                problems.append(f"{query!r}: ook bij 'deels' past niets")
        slugs = {o.slug: o for o in reg.offers}
        for slug in (*expect.get("include", ()), *expect.get("never", ())):
            if slug not in slugs:
                problems.append(f"{query!r}: geen aanbod {slug!r} in {name}")
        for slug in expect.get("include", ()):
            offer = slugs.get(slug)
            if (
                offer
                and not fits(reg, offer, expect)
                and not fits(reg, offer, expect.get("deels", {}))
            ):
                problems.append(f"{query!r}: {slug} in 'include' past niet bij de zaak")
    return problems


# --- the figures ---


@dataclass
class Figures:
    verdicts: list[Verdict]

    @property
    def share(self) -> float:
        return sum(v.ok for v in self.verdicts) / len(self.verdicts)

    @property
    def dead_ends(self) -> int:
        return sum(v.dead_end for v in self.verdicts)

    @property
    def parse_max(self) -> float:
        return max(v.parse_ms for v in self.verdicts)

    @property
    def parse_p95(self) -> float:
        times = sorted(v.parse_ms for v in self.verdicts)
        return times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]

    @property
    def slowest(self) -> Verdict:
        return max(self.verdicts, key=lambda v: v.parse_ms)

    @property
    def failing(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.ok]

    @property
    def partial_wrongly(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.says_partial]


def run(cases: list[tuple] = CASES, old: bool = False, timing: bool = True) -> Figures:
    verdicts = []
    for case in cases:
        name, query, _expect = case
        reg = region(name)
        mode, shown = (before if old else after)(reg, query)
        verdict = judge(case, shown, mode)
        verdict.parse_ms = parse_ms(reg, query, old) if timing else 0.0
        verdicts.append(verdict)
    return Figures(verdicts)


# --- the report ---


def describe(offer: Aanbod) -> str:
    facts = offer_facts(offer)
    return (
        f"{offer.titel} ({facts['sport']}, {qr.age_span(facts['min'], facts['max'])}, "
        f"{'/'.join(facts['beperkingen'])}, {offer.locatie.plaats})"
    )


def expectation(expect: dict) -> str:
    parts = []
    for key, value in expect.items():
        if key == "deels":
            parts.append(f"anders deels: {expectation(value)}")
        elif key in ("include", "never"):
            parts.append(f"{key}: {', '.join(value)}")
        elif isinstance(value, (set, list, tuple)) and key != "wie":
            parts.append(f"{key} ∈ {{{', '.join(sorted(value))}}}")
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def reading_text(case: tuple) -> str:
    name, query, _expect = case
    reading = qr.read_query(query, region(name).lexicon)
    return " · ".join(chip[0] for chip in qr.chips(reading)) or "(niets)"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(new: Figures, old: Figures, every: bool = False) -> str:
    n = len(new.verdicts)
    lines = [
        "# Zoekkwaliteit van de zoekpagina",
        "",
        f"{n} zoekvragen (bench/zoekvragen.py) over "
        + ", ".join(
            f"{REGIONS[r] or 'de demoregio'} ({sum(c[0] == r for c in CASES)})"
            for r in REGIONS
            if any(c[0] == r for c in CASES)
        )
        + ". Voor: de vraag als platte tekst (elk woord moet passen). Na: de vraag gelezen"
        " (query_reading).",
        "",
        "| | voor | na | doel |",
        "|---|---:|---:|---:|",
        f"| eerste drie passen allemaal | {old.share:.1%} | {new.share:.1%} | ≥ {TARGET_FIT:.0%} |",
        f"| doodlopend (niets getoond, iets past) | {old.dead_ends} | {new.dead_ends} "
        f"| {TARGET_DEAD} |",
        f"| traagste ontleding (ms) | {old.parse_max:.3f} | {new.parse_max:.3f} | |",
        f"| ontleding p95 (ms) | {old.parse_p95:.3f} | {new.parse_p95:.3f} | |",
        f"| ‘niets past bij alles’ terwijl iets past | – | {len(new.partial_wrongly)} | |",
        "",
        f"Traagste ontleding na: ‘{new.slowest.case[1]}’ ({new.slowest.case[0]}). "
        "Voor is de ontleding query_groups (de woorden en hun synoniemen).",
        "",
        "## Per regio",
        "",
        "| regio | vragen | passen voor | passen na | doodlopend voor | doodlopend na |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in REGIONS:
        pairs = [(o, v) for o, v in zip(old.verdicts, new.verdicts, strict=True)
                 if v.case[0] == name]  # fmt: skip
        if pairs:
            lines.append(
                f"| {REGIONS[name] or 'demo'} | {len(pairs)} | {sum(o.ok for o, _ in pairs)} "
                f"| {sum(v.ok for _, v in pairs)} | {sum(o.dead_end for o, _ in pairs)} "
                f"| {sum(v.dead_end for _, v in pairs)} |"
            )
    lines += ["", f"## Vragen die na niet goed gaan ({len(new.failing)})", ""]
    if not new.failing:
        lines.append("Geen.")
    for verdict in new.failing:
        lines += _verdict_lines(verdict)
    lines += [
        "",
        f"## ‘Niets past bij alles’, terwijl iets past ({len(new.partial_wrongly)})",
        "",
        "Geen doel, wel een aanwijzing: de zoekpagina zegt dat niets bij alles past (en toont"
        " gedeeltelijke treffers), terwijl een aanbod past bij alles wat de vraag noemt. Meestal"
        " blijft er een woord als tekst over dat nergens in staat.",
        "",
    ]
    if not new.partial_wrongly:
        lines.append("Geen.")
    for verdict in new.partial_wrongly:
        name, query, _expect = verdict.case
        lines.append(
            f"- ‘{_cell(query)}’ ({name}): gelezen {_cell(reading_text(verdict.case))};"
            f" {verdict.fitting} passen, {'goed' if verdict.ok else 'mis'} in de eerste drie"
        )
    if every:
        lines += ["", "## Alle vragen (na)", ""]
        for verdict in new.verdicts:
            lines += _verdict_lines(verdict)
    return "\n".join(lines) + "\n"


def _verdict_lines(verdict: Verdict) -> list[str]:
    name, query, expect = verdict.case
    mark = "✓" if verdict.ok else "✗"
    lines = [
        f"- {mark} **‘{_cell(query)}’** ({name}) — goed: {_cell(expectation(expect))}. "
        f"Gelezen: {_cell(reading_text(verdict.case))}. "
        f"{len(verdict.shown)} getoond, {verdict.fitting} passen"
        + (" (deels)" if verdict.partial else "")
        + (f". Mis: {'; '.join(verdict.why)}" if verdict.why else ""),
    ]
    reg = region(name)
    wanted = expect if not verdict.partial else expect.get("deels", {})
    for place, offer in enumerate(verdict.shown[:3], 1):
        ok = "past" if fits(reg, offer, wanted) else "past niet"
        lines.append(f"  {place}. {_cell(describe(offer))} — {ok}")
    return lines


def main(argv: list[str]) -> int:
    problems = check_table()
    if problems:
        print("De tabel zelf klopt niet:", *problems, sep="\n- ")
        return 2
    try:
        new = run()
        old = run(old=True)
        print(report(new, old, every="--alle" in argv), end="")
    finally:
        cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
