"""Links that keep working (issue #24, item 4), the lines `make check` gives: an old name
(`vorige_namen`) that is a file's name or is used by two files, and a published file that was
deleted, in a git repository the test makes (check/link_checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHORT_EVENT, TODAY, VALID_OFFER, commit, copy_region, git, write
from demand_cases import VALID_ROW, csv_bytes, register, telling
from sportwijzer.base.problems import sorted_problems
from sportwijzer.site import load_site

F = "offers/nieuw.yml"
G = "offers/nieuw-twee.yml"
H = "offers/nieuw-drie.yml"
E = "agenda/clinic.yml"
OLD = 15  # the line VALID_OFFER + 'vorige_namen: ...' puts the field on

EVENT = SHORT_EVENT

pytestmark = pytest.mark.usefixtures("fresh_git_state")


def renamed(*names: str, base: str = VALID_OFFER, titel: str = "") -> str:
    """The offer (or `base`) with old names; a title of its own keeps other lines away."""
    text = base.replace("Zwemmen voor iedereen", titel) if titel else base
    return text + f"vorige_namen: [{', '.join(names)}]\n"


def lines_for(region: Path, files: dict[str, str]) -> list[str]:
    """Every line about the files the case wrote, errors first."""
    for relative, text in files.items():
        write(region, relative, text)
    problems = load_site(region, today=TODAY).problems
    return [p.format() for p in sorted_problems(problems) if p.path in files]


def taken(path: str, line: int, name: str, holder: str) -> str:
    return (
        f"{path}:{line}: veld 'vorige_namen': '{name}' is nog de naam van een ander bestand "
        f"({holder}). Vervangt dit bestand dat? Haal {holder} dan weg. Anders hoort '{name}' "
        "hier niet"
    )


def twice(path: str, line: int, name: str, others: str) -> str:
    return (
        f"{path}:{line}: veld 'vorige_namen': '{name}' staat ook bij vorige_namen in {others}; "
        "een oud adres kan maar naar één pagina leiden: laat de naam alleen staan bij het "
        "bestand dat het oude vervangt"
    )


# (id, files, expected lines)
CASES = [
    ("a-renamed-offer-is-fine", {F: renamed("zwemmen-oud", "zwemmen-vliet")}, []),
    ("a-renamed-event-is-fine", {E: renamed("clinic-oud", base=EVENT)}, []),
    (
        "old-name-is-another-offer",
        {F: renamed("g-judo-zwolle")},
        [taken(F, OLD, "g-judo-zwolle", "offers/g-judo-zwolle.yml")],
    ),
    (
        "old-name-is-a-stopped-offer-which-keeps-its-own-page",
        {F: renamed("zwemmen-gestopt")},
        [taken(F, OLD, "zwemmen-gestopt", "offers/zwemmen-gestopt.yml")],
    ),
    (
        "old-name-is-its-own-name",
        {F: renamed("zwemmen-oud", "nieuw")},
        [
            f"{F}:{OLD}: veld 'vorige_namen': 'nieuw' is de naam van dit bestand zelf; "
            "haal hem weg uit de lijst"
        ],
    ),
    (
        "old-name-in-two-offers",
        {F: renamed("zwemmen-oud"), G: renamed("zwemmen-oud", titel="Zwemmen in de Vliet")},
        [twice(G, OLD, "zwemmen-oud", F), twice(F, OLD, "zwemmen-oud", G)],
    ),
    (
        "old-name-in-three-offers",
        {
            F: renamed("zwemmen-oud"),
            G: renamed("zwemmen-oud", titel="Zwemmen in de Vliet"),
            H: renamed("zwemmen-vliet", "zwemmen-oud", titel="Zwemmen op zaterdag"),
        },
        [
            twice(H, OLD, "zwemmen-oud", f"{G} en {F}"),
            twice(G, OLD, "zwemmen-oud", f"{H} en {F}"),
            twice(F, OLD, "zwemmen-oud", f"{H} en {G}"),
        ],
    ),
    (
        "old-name-is-another-offers-file-and-in-two-offers",
        {F: renamed("wandelen-kampen"), G: renamed("wandelen-kampen", titel="Zwemmen in de Vliet")},
        [
            taken(G, OLD, "wandelen-kampen", "offers/wandelen-kampen.yml"),
            twice(G, OLD, "wandelen-kampen", F),
            taken(F, OLD, "wandelen-kampen", "offers/wandelen-kampen.yml"),
            twice(F, OLD, "wandelen-kampen", G),
        ],
    ),
    (
        "old-name-in-an-offer-and-an-event-is-fine-their-addresses-differ",
        {F: renamed("sportdag"), E: renamed("sportdag", base=EVENT)},
        [],
    ),
    (
        "old-event-name-is-another-event",
        {E: renamed("clinic-twee", base=EVENT), "agenda/clinic-twee.yml": EVENT},
        [taken(E, 9, "clinic-twee", "agenda/clinic-twee.yml")],
    ),
    (
        "old-event-name-in-two-events",
        {
            E: renamed("clinic-oud", base=EVENT),
            "agenda/clinic-b.yml": renamed("clinic-oud", base=EVENT),
        },
        [
            twice("agenda/clinic-b.yml", 9, "clinic-oud", E),
            twice(E, 9, "clinic-oud", "agenda/clinic-b.yml"),
        ],
    ),
    (
        "old-name-with-its-suffix",
        {F: renamed("zwemmen-oud.yml")},
        [
            f"{F}:{OLD}: veld 'vorige_namen': 'zwemmen-oud.yml' is geen oude bestandsnaam; "
            "schrijf de naam zonder .yml, met alleen kleine letters, cijfers en streepjes, zoals "
            "'zwemmen-de-vliet'"
        ],
    ),
    (
        "old-name-not-in-a-list",
        {F: VALID_OFFER + "vorige_namen: zwemmen-oud\n"},
        [
            f"{F}:{OLD}: veld 'vorige_namen': schrijf de oude namen als lijst tussen [ ], zoals "
            "[zwemmen-de-vliet]"
        ],
    ),
    (
        "old-name-twice-in-one-list",
        {F: renamed("zwemmen-oud", "zwemmen-oud")},
        [
            f"{F}:{OLD}: veld 'vorige_namen': [zwemmen-oud, zwemmen-oud]: een waarde staat er "
            "twee keer in; haal er één weg"
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_old_names(region, files, expected):
    assert lines_for(region, files) == expected


# --- a published file deleted: in a git repository made by the test ---------------------------


@pytest.fixture
def repo_region(tmp_path: Path) -> Path:
    """The fixture region in a subfolder of a git repository, with an event and the offers'
    commented template, all of it committed on main."""
    repo = tmp_path / "repo"
    region = copy_region(repo / "regio")
    write(region, E, EVENT)
    write(region, "offers/_voorbeeld.yml", VALID_OFFER)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "De regio")
    return region


def deleted(path: str, url: str, keep: str, wat: str, slug: str) -> str:
    return (
        f"{path}: dit bestand is weggehaald, maar zijn pagina {url} staat op de site en links "
        f"ernaar werken dan niet meer; {keep}. Heeft {wat} een nieuwe bestandsnaam? Zet dan "
        f"'vorige_namen: [{slug}]' in dat nieuwe bestand"
    )


KEEP_OFFER = (
    "zet het bestand terug met 'status: gestopt', dan blijft de pagina bestaan en zegt ze dat "
    "het aanbod gestopt is"
)
KEEP_EVENT = (
    "zet het bestand terug, dan blijft de pagina bestaan (een voorbije activiteit zegt vanzelf "
    "dat ze voorbij is; gaat ze niet door, zet dan 'status: afgelast')"
)
WANDELEN = deleted(
    "offers/wandelen-kampen.yml",
    "aanbod/wandelen-kampen/",
    KEEP_OFFER,
    "het aanbod",
    "wandelen-kampen",
)


def deletion_lines(region: Path) -> list[str]:
    """The lines about files that are gone (no line number: the file is not there)."""
    problems = load_site(region, today=TODAY).problems
    return [p.format() for p in sorted_problems(problems) if p.line is None]


def test_deleting_a_published_offer_says_to_stop_it_instead(repo_region):
    (repo_region / "offers" / "wandelen-kampen.yml").unlink()
    assert deletion_lines(repo_region) == [WANDELEN]
    result = load_site(repo_region, today=TODAY)
    assert not result.ok  # an error: the pull request stays red


def test_deleting_a_stopped_offer_too_as_its_page_stays(repo_region):
    (repo_region / "offers" / "zwemmen-gestopt.yml").unlink()
    assert deletion_lines(repo_region) == [
        deleted(
            "offers/zwemmen-gestopt.yml",
            "aanbod/zwemmen-gestopt/",
            KEEP_OFFER,
            "het aanbod",
            "zwemmen-gestopt",
        )
    ]


def test_deleting_an_event_says_to_keep_it(repo_region):
    (repo_region / E).unlink()
    assert deletion_lines(repo_region) == [
        deleted(E, "agenda/clinic/", KEEP_EVENT, "de activiteit", "clinic")
    ]


def test_deleting_a_file_committed_on_a_branch_is_still_a_deletion_from_main(repo_region):
    repo = repo_region.parent
    git(repo, "switch", "-q", "-c", "opruimen")
    git(repo, "rm", "-q", "regio/offers/wandelen-kampen.yml")
    commit(repo, "Wandelen weg")
    assert deletion_lines(repo_region) == [WANDELEN]


def test_a_renamed_offer_with_its_old_name_is_no_deletion(repo_region):
    repo = repo_region.parent
    git(repo, "mv", "regio/offers/wandelen-kampen.yml", "regio/offers/wandelen-in-kampen.yml")
    new = repo_region / "offers" / "wandelen-in-kampen.yml"
    new.write_text(new.read_text(encoding="utf-8") + "vorige_namen: [wandelen-kampen]\n")
    result = load_site(repo_region, today=TODAY)
    assert [p.format() for p in result.problems if p.is_error] == []
    assert result.site.aanbod["wandelen-in-kampen"].vorige_namen == ("wandelen-kampen",)


def test_a_renamed_event_with_its_old_name_is_no_deletion(repo_region):
    (repo_region / E).rename(repo_region / "agenda" / "clinic-rolstoeltennis.yml")
    write(repo_region, "agenda/clinic-rolstoeltennis.yml", renamed("clinic", base=EVENT))
    assert deletion_lines(repo_region) == []


@pytest.mark.parametrize(
    "path",
    ["offers/_voorbeeld.yml", "regio.yml", "partners/welzijn-kampen.md"],
    ids=["template", "not-an-offer-or-event", "partner"],
)
def test_files_without_a_page_of_their_own_may_go(repo_region, path):
    (repo_region / path).unlink()
    assert [line for line in deletion_lines(repo_region) if "weggehaald" in line] == []


def test_a_new_file_that_never_reached_main_may_go(repo_region):
    write(repo_region, F, VALID_OFFER)
    assert deletion_lines(repo_region) == []
    (repo_region / F).unlink()
    assert deletion_lines(repo_region) == []


def test_once_the_deletion_is_on_main_nothing_is_said(repo_region):
    (repo_region / "offers" / "wandelen-kampen.yml").unlink()
    commit(repo_region.parent, "Wandelen weg, op main")
    assert deletion_lines(repo_region) == []


def test_outside_git_a_missing_file_is_not_known(region):
    (region / "offers" / "wandelen-kampen.yml").unlink()
    assert deletion_lines(region) == []


# --- the desk's register: a row may name an offer by its old name ------------------------------


def test_the_desks_register_finds_a_renamed_offer_by_its_old_name(region, tmp_path):
    """The register lives outside git and keeps the names it was written with (demand_cases)."""
    old = region / "offers" / "g-judo-zwolle.yml"
    write(region, "offers/g-judo-de-mat-zwolle.yml", renamed("g-judo-zwolle", base=old.read_text()))
    old.unlink()
    assert "g-judo-zwolle" in VALID_ROW
    code, lines = telling(region, register(tmp_path, csv_bytes([VALID_ROW])))
    assert code == 0, lines
    bad = VALID_ROW.replace("g-judo-zwolle", "g-judo-kampen")
    code, lines = telling(region, register(tmp_path, csv_bytes([bad])))
    assert code == 1 and "er is geen aanbod 'g-judo-kampen'" in "\n".join(lines)
