"""Dates of events that have passed (check/event_checks.py, issue #24 item 6), in a git repository
made by the test: a new event that is over is most likely a typo in the year; one already on the
main branch is simply over. A passed registration deadline gets a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHORT_EVENT, TODAY, commit, copy_region, git, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.site import load_site

F = "agenda/clinic.yml"

EVENT = SHORT_EVENT


pytestmark = pytest.mark.usefixtures("fresh_git_state")


@pytest.fixture
def repo_region(tmp_path: Path) -> Path:
    """The fixture region in a subfolder of a git repository, all of it committed on main."""
    repo = tmp_path / "repo"
    region = copy_region(repo / "regio")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "De regio")
    return region


def event_lines(region: Path) -> list[str]:
    """Every line make check gives about the agenda, errors first."""
    problems = load_site(region, today=TODAY).problems
    return [p.format() for p in sorted_problems(problems) if p.path.startswith("agenda/")]


def edit(old: str, new: str, base: str = EVENT) -> str:
    assert old in base, old
    return base.replace(old, new)


# (name, what replaces 'datum: 2027-04-17', the lines make check gives for a new event)
NEW_EVENT_CASES = [
    (
        "2025-typed-for-2026",
        "datum: 2025-12-10",
        [
            f"{F}:3: veld 'datum': 2025-12-10 is meer dan 30 dagen geleden; kijk het jaartal na. "
            "Bedoel je 2026-12-10?"
        ],
    ),
    (
        "2025-typed-for-2027",
        "datum: 2025-04-17",
        [
            f"{F}:3: veld 'datum': 2025-04-17 is meer dan 30 dagen geleden; kijk het jaartal na. "
            "Bedoel je 2027-04-17?"
        ],
    ),
    (
        "31-days-ago",
        "datum: 2026-10-23",
        [
            f"{F}:3: veld 'datum': 2026-10-23 is meer dan 30 dagen geleden; kijk het jaartal na. "
            "Bedoel je 2027-10-23?"
        ],
    ),
    (
        "no-year-close-by",
        "datum: 1926-12-01",
        [f"{F}:3: veld 'datum': 1926-12-01 is meer dan 30 dagen geleden; kijk het jaartal na."],
    ),
    (
        "30-days-ago",
        "datum: 2026-10-24",
        [
            f"{F}:3: let op: veld 'datum': 2026-10-24 is al voorbij, dus de activiteit staat "
            "niet in de agenda; kijk de datum na"
        ],
    ),
    (
        "10-days-ago",
        "datum: 2026-11-13",
        [
            f"{F}:3: let op: veld 'datum': 2026-11-13 is al voorbij, dus de activiteit staat "
            "niet in de agenda; kijk de datum na"
        ],
    ),
    (
        "yesterday-the-last-of-three-days",
        "datum: 2026-11-20\ntot_datum: 2026-11-22",
        [
            f"{F}:3: let op: veld 'datum': 2026-11-20 is al voorbij, dus de activiteit staat "
            "niet in de agenda; kijk de datum na"
        ],
    ),
    ("today", "datum: 2026-11-23", []),
    ("started-and-still-on", "datum: 2026-11-20\ntot_datum: 2026-11-24", []),
    ("to-come", "datum: 2027-04-17", []),
]


@pytest.mark.parametrize(
    ("name", "datum", "expected"), NEW_EVENT_CASES, ids=[c[0] for c in NEW_EVENT_CASES]
)
def test_a_new_event_that_is_over(repo_region, name, datum, expected):
    write(repo_region, F, edit("datum: 2027-04-17", datum))
    assert event_lines(repo_region) == expected


def test_a_new_event_over_long_ago_fails_the_check(repo_region):
    write(repo_region, F, edit("datum: 2027-04-17", "datum: 2025-12-10"))
    assert not load_site(repo_region, today=TODAY).ok


def test_an_event_ten_days_ago_only_warns(repo_region):
    write(repo_region, F, edit("datum: 2027-04-17", "datum: 2026-11-13"))
    assert load_site(repo_region, today=TODAY).ok


def test_the_same_events_on_main_are_simply_over(repo_region):
    write(repo_region, "agenda/lang-geleden.yml", edit("datum: 2027-04-17", "datum: 2025-12-10"))
    write(repo_region, "agenda/net-geweest.yml", edit("datum: 2027-04-17", "datum: 2026-11-13"))
    commit(repo_region.parent, "Twee activiteiten")
    assert event_lines(repo_region) == []


def test_an_event_added_on_a_branch_is_new_until_it_is_on_main(repo_region):
    """A pull request's own commits are not on main yet: its event is still new."""
    repo = repo_region.parent
    git(repo, "switch", "-q", "-c", "nieuwe-activiteit")
    write(repo_region, F, edit("datum: 2027-04-17", "datum: 2025-12-10"))
    commit(repo, "Nieuwe activiteit")
    assert [line.split(": ")[0] for line in event_lines(repo_region)] == [f"{F}:3"]
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "nieuwe-activiteit")
    assert event_lines(repo_region) == []


def test_a_name_that_is_not_plain_ascii_is_found_on_main(repo_region):
    """git quotes such a name unless asked not to; the file name itself gets its own line."""
    write(repo_region, "agenda/café.yml", edit("datum: 2027-04-17", "datum: 2025-12-10"))
    commit(repo_region.parent, "Activiteit")
    assert [line for line in event_lines(repo_region) if "datum" in line] == []


def test_an_event_changed_on_main_is_not_new(repo_region):
    """A date changed in a file already on main is checked like any date: over is over."""
    write(repo_region, F, EVENT)
    commit(repo_region.parent, "Activiteit")
    write(repo_region, F, edit("datum: 2027-04-17", "datum: 2025-12-10"))
    assert event_lines(repo_region) == []


def test_without_git_a_past_event_is_simply_over(region):
    write(region, F, edit("datum: 2027-04-17", "datum: 2025-12-10"))
    write(region, "agenda/net-geweest.yml", edit("datum: 2027-04-17", "datum: 2026-11-13"))
    assert event_lines(region) == []


def test_without_a_main_branch_a_past_event_is_simply_over(tmp_path):
    repo = tmp_path / "repo"
    region = copy_region(repo / "regio")
    git(repo, "init", "-q", "-b", "eigen-tak")
    commit(repo, "De regio")
    write(region, F, edit("datum: 2027-04-17", "datum: 2025-12-10"))
    assert event_lines(region) == []


# --- the registration deadline -----------------------------------------------------------------

DEADLINE_LINE = 9  # 'aanmelden' is written below the event's eight lines


def with_deadline(uiterlijk: str, datum: str = "datum: 2027-04-17", extra: str = "") -> str:
    text = edit("datum: 2027-04-17", datum)
    return text + f"aanmelden: {{email: a@example.org, uiterlijk: {uiterlijk}}}\n" + extra


DEADLINE_WARNING = (
    f"{F}:{DEADLINE_LINE}: let op: veld 'aanmelden.uiterlijk': 2026-11-20 is al voorbij, dus op "
    "de site staat dat aanmelden niet meer kan; kan het nog wel, zet dan een latere datum "
    "(uiterlijk de dag van de activiteit)"
)

# (name, event text, the lines make check gives); TODAY is 2026-11-23
DEADLINE_CASES = [
    ("passed", with_deadline("2026-11-20", "datum: 2026-12-05"), [DEADLINE_WARNING]),
    (
        "passed-during-a-long-event",
        with_deadline("2026-11-20", "datum: 2026-11-21\ntot_datum: 2026-11-24"),
        [DEADLINE_WARNING.replace(f":{DEADLINE_LINE}:", f":{DEADLINE_LINE + 1}:")],
    ),
    ("today", with_deadline("2026-11-23", "datum: 2026-12-05"), []),
    ("to-come", with_deadline("2026-11-30", "datum: 2026-12-05"), []),
    ("full", with_deadline("2026-11-20", "datum: 2026-12-05", "status: vol\n"), []),
    ("cancelled", with_deadline("2026-11-20", "datum: 2026-12-05", "status: afgelast\n"), []),
    ("event-over", with_deadline("2026-11-10", "datum: 2026-11-20"), []),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), DEADLINE_CASES, ids=[c[0] for c in DEADLINE_CASES]
)
def test_a_registration_deadline_that_has_passed(region, name, text, expected):
    write(region, F, text)
    assert event_lines(region) == expected


def test_a_passed_deadline_warns_for_an_event_on_main_too(repo_region):
    write(repo_region, F, with_deadline("2026-11-20", "datum: 2026-12-05"))
    commit(repo_region.parent, "Activiteit")
    assert event_lines(repo_region) == [DEADLINE_WARNING]
    assert load_site(repo_region, today=TODAY).ok
