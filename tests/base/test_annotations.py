"""`make check` on a pull request (issue #24, item 9): annotations only on the files it changes,
the full list in the log, errors elsewhere still fail the check (tools/cli.py, base/problems.py and
git_state.changed_files), in a git repository each test makes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY, VALID_OFFER, commit, copy_region, git, write
from sportwijzer.base.git_state import changed_files
from sportwijzer.base.problems import WARNING, Problem, github_annotations, step_summary
from sportwijzer.tools.cli import main

TYPO = VALID_OFFER.replace("sport: zwemmen", "sport: zwemen").replace("iedereen", "de typfout")
TYPO_ERROR = (
    "veld 'sport': 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je 'zwemmen'? "
    "Een nieuwe sport voeg je daar eerst toe"
)
# the fixture region's offer that nobody checked for 22 months: a warning on every run
STALE = "offers/wandelen-kampen.yml"
STALE_LINE = (
    f"{STALE}:17: let op: veld 'laatst_gecontroleerd': 2025-01-15 is meer dan 12 maanden "
    "geleden; vraag de aanbieder of alles nog klopt en zet dan de datum van vandaag"
)


pytestmark = pytest.mark.usefixtures("fresh_git_state")


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch) -> Path:
    """The region in a subfolder of a repository checked out as GitHub checks a pull request:
    the base branch ('live') only as origin/live, the pull request's own commit on top."""
    repo = tmp_path / "repo"
    region = copy_region(repo / "regio")
    git(repo, "init", "-q", "-b", "live")
    commit(repo, "De regio")
    git(repo, "update-ref", "refs/remotes/origin/live", "live")
    git(repo, "switch", "-q", "--detach")
    git(repo, "branch", "-q", "-D", "live")
    monkeypatch.setenv("GITHUB_BASE_REF", "live")
    return region


def check_on_github(region: Path, monkeypatch, summary: Path) -> tuple[int, list[str]]:
    """Run `make check` as the workflow does; the exit code and every line printed."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    code = main(["check", str(region), "--vandaag", TODAY.isoformat()], out)
    return code, out.getvalue().splitlines()


def annotations(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("::")]


def test_annotations_only_for_the_files_the_pull_request_changes(
    pull_request, monkeypatch, tmp_path
):
    write(pull_request, "offers/typfout.yml", TYPO)
    commit(pull_request.parent, "Nieuw aanbod")  # committed in the pull request
    old = VALID_OFFER.replace("2026-09-14", "2025-06-01").replace("iedereen", "ouderen")
    write(pull_request, "offers/oud.yml", old)  # not committed yet: changed too
    summary = tmp_path / "samenvatting.md"
    code, lines = check_on_github(pull_request, monkeypatch, summary)
    assert code == 1
    assert annotations(lines) == [
        f"::error file=offers/typfout.yml,line=2::{TYPO_ERROR}",
        "::warning file=offers/oud.yml,line=14::veld 'laatst_gecontroleerd': 2025-06-01 is meer "
        "dan 12 maanden geleden; vraag de aanbieder of alles nog klopt en zet dan de datum van "
        "vandaag",
    ]
    assert STALE_LINE in lines  # the log keeps every line
    assert lines[len(lines) - 3] == "Gevonden: 1 probleem in 1 bestand. 3 waarschuwingen."
    text = summary.read_text(encoding="utf-8")
    assert f"- `offers/typfout.yml:2: {TYPO_ERROR}`" in text
    assert STALE not in text
    assert text.endswith(
        "\n\n2 waarschuwingen over bestanden die je niet hebt veranderd staan alleen in het log. "
        "Aanbod dat lang niet is nagekeken, staat ook in het issue 'Aanbod nakijken'.\n"
    )


def test_a_pull_request_without_problems_of_its_own_has_no_annotations(
    pull_request, monkeypatch, tmp_path
):
    write(pull_request, "offers/nieuw.yml", VALID_OFFER.replace("iedereen", "kinderen"))
    commit(pull_request.parent, "Nieuw aanbod")
    code, lines = check_on_github(pull_request, monkeypatch, tmp_path / "samenvatting.md")
    assert code == 0
    assert annotations(lines) == []
    assert STALE_LINE in lines


def test_an_error_in_an_untouched_file_still_fails_the_check(pull_request, monkeypatch, tmp_path):
    """Say a rule changed: a file the pull request leaves alone now has an error. It fails the
    check, named in one annotation without a file, and on its own line in the log and summary."""
    repo = pull_request.parent
    git(repo, "switch", "-q", "-c", "live-met-fout", "origin/live")
    write(pull_request, "offers/typfout.yml", TYPO)
    commit(repo, "Een aanbod dat na een nieuwe regel een fout heeft")
    git(repo, "update-ref", "refs/remotes/origin/live", "HEAD")
    write(pull_request, "offers/nieuw.yml", VALID_OFFER.replace("iedereen", "kinderen"))
    commit(repo, "Nieuw aanbod, zonder fouten")
    summary = tmp_path / "samenvatting.md"
    code, lines = check_on_github(pull_request, monkeypatch, summary)
    assert code == 1
    assert annotations(lines) == [
        "::error::1 fout in 1 bestand dat je niet hebt veranderd: offers/typfout.yml. Ook die "
        "moeten opgelost zijn voordat je kunt samenvoegen; elke fout staat op een eigen regel in "
        "het log"
    ]
    assert f"offers/typfout.yml:2: {TYPO_ERROR}" in lines
    text = summary.read_text(encoding="utf-8")
    assert (
        "Fouten in bestanden die je niet hebt veranderd:\n\n"
        f"- `offers/typfout.yml:2: {TYPO_ERROR}`\n"
    ) in text


def test_outside_a_git_checkout_every_file_is_annotated(region, monkeypatch, tmp_path):
    code, lines = check_on_github(region, monkeypatch, tmp_path / "samenvatting.md")
    assert code == 0
    assert f"::warning file={STALE},line=17::" in "\n".join(annotations(lines))


def test_no_annotations_outside_github_actions(pull_request):
    write(pull_request, "offers/typfout.yml", TYPO)
    out = io.StringIO()
    assert main(["check", str(pull_request), "--vandaag", TODAY.isoformat()], out) == 1
    assert annotations(out.getvalue().splitlines()) == []


# --- which files a pull request changes ---------------------------------------------------------


def test_changed_files_are_committed_uncommitted_untracked_and_deleted(pull_request):
    repo = pull_request.parent
    write(pull_request, "offers/op de tak.yml", VALID_OFFER)
    commit(repo, "Op de tak")
    write(pull_request, STALE, VALID_OFFER)  # changed, not committed
    write(pull_request, "agenda/nog-niet-toegevoegd.yml", "titel: x\n")
    (pull_request / "offers" / "zwemmen-gestopt.yml").unlink()
    write(repo, "README.md", "buiten de regio\n")
    assert changed_files(pull_request) == {
        "offers/op de tak.yml",
        STALE,
        "agenda/nog-niet-toegevoegd.yml",
        "offers/zwemmen-gestopt.yml",
    }


def test_on_main_only_what_is_not_committed_is_changed(tmp_path):
    repo = tmp_path / "repo"
    region = copy_region(repo)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "De regio")
    assert changed_files(region) == frozenset()
    write(region, "offers/nieuw.yml", VALID_OFFER)
    assert changed_files(region) == {"offers/nieuw.yml"}


def test_without_git_nothing_can_be_compared(region):
    assert changed_files(region) is None


# --- the annotations themselves -----------------------------------------------------------------


def test_a_clean_pull_request_has_a_short_summary():
    stale = Problem(STALE, 17, "oud", WARNING)
    assert step_summary([stale], 7, frozenset()) == [
        "## Controle van de gegevens",
        "",
        "**Geen fouten gevonden in 7 bestanden. 1 waarschuwing.**",
        "",
        "1 waarschuwing over bestanden die je niet hebt veranderd staat alleen in het log. "
        "Aanbod dat lang niet is nagekeken, staat ook in het issue 'Aanbod nakijken'.",
    ]
    assert step_summary([], 7, frozenset()) == [
        "## Controle van de gegevens",
        "",
        "**Geen fouten gevonden in 7 bestanden.**",
    ]


def test_errors_in_many_untouched_files_name_five_of_them():
    problems = [Problem(f"offers/{name}.yml", 2, "fout") for name in "abcdefg"]
    problems.append(Problem("offers/h.yml", 3, "oud", WARNING))
    assert github_annotations(problems, frozenset({"offers/g.yml"})) == [
        "::error file=offers/g.yml,line=2::fout",
        "::error::6 fouten in 6 bestanden die je niet hebt veranderd: offers/a.yml, offers/b.yml, "
        "offers/c.yml, offers/d.yml, offers/e.yml en 1 ander. Ook die moeten opgelost zijn "
        "voordat je kunt samenvoegen; elke fout staat op een eigen regel in het log",
    ]


def test_the_step_summary_lists_the_changed_files_first():
    problems = [
        Problem("offers/a.yml", 2, "fout"),
        Problem("offers/b.yml", 4, "fout in b"),
        Problem("offers/c.yml", 3, "oud", WARNING),
    ]
    assert step_summary(problems, 3, frozenset({"offers/b.yml"})) == [
        "## Controle van de gegevens",
        "",
        "**Gevonden: 2 problemen in 2 bestanden. 1 waarschuwing.**",
        "",
        "- `offers/b.yml:4: fout in b`",
        "",
        "Fouten in bestanden die je niet hebt veranderd:",
        "",
        "- `offers/a.yml:2: fout`",
        "",
        "1 waarschuwing over bestanden die je niet hebt veranderd staat alleen in het log. "
        "Aanbod dat lang niet is nagekeken, staat ook in het issue 'Aanbod nakijken'.",
    ]


def test_the_data_job_fetches_the_branch_it_compares_with():
    """On GitHub the job 'Gegevens' needs the base branch's history to know what changed."""
    flow = yaml.safe_load((REPO / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["gegevens"]["steps"]
    (checkout,) = [step for step in steps if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"] == {"persist-credentials": False, "fetch-depth": 0}
    (check,) = [step for step in steps if step.get("run") == "make check"]
    assert "GITHUB_BASE_REF" not in check.get("env", {})  # GitHub sets it on a pull request
