"""The workflow 'Issue verwerken' (.github/workflows/verwerken.yml): parsed, and its two steps run
as GitHub runs them (each step's own `run:` in bash) in git checkouts of a small region, with a
stand-in for gh and a bare repository as origin."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from conftest import REPO, copy_region, stand_in_venv
from sportwijzer.base.dates import today_in_amsterdam
from sportwijzer.tools.cli import main
from tools.test_issueform import body as form_body

FLOW_PATH = REPO / ".github" / "workflows" / "verwerken.yml"
SCRIPT = REPO / ".ci" / "verwerken.py"
NUMBER = 7
BRANCH = f"verwerken/issue-{NUMBER}"
CHECKOUT_REF = "${{ github.event.repository.default_branch }}"


def flow() -> dict[str, Any]:
    return yaml.safe_load(FLOW_PATH.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict[str, Any]]:
    return flow()["jobs"][job]["steps"]


def run_of(job: str) -> str:
    """The one step of a job that runs the script."""
    (step,) = [s for s in steps(job) if "verwerken.py" in s.get("run", "")]
    return step["run"]


# The workflow file ------------------------------------------------------------------------------


def test_runs_when_the_label_verwerken_is_added_to_an_open_form_issue():
    parsed = flow()
    assert parsed.get("on", parsed.get(True)) == {"issues": {"types": ["labeled"]}}
    condition = " ".join(parsed["jobs"]["omzetten"]["if"].split())
    assert condition == (
        "github.event.label.name == 'verwerken' && github.event.issue.state == 'open' && "
        "(contains(github.event.issue.labels.*.name, 'nieuw aanbod') || "
        "contains(github.event.issue.labels.*.name, 'agenda'))"
    )
    assert parsed["jobs"]["indienen"]["needs"] == "omzetten"
    # The labels are the issue forms' own.
    for form, label in (("nieuw-aanbod.yml", "nieuw aanbod"), ("nieuw-evenement.yml", "agenda")):
        template = REPO / ".github" / "ISSUE_TEMPLATE" / form
        assert yaml.safe_load(template.read_text(encoding="utf-8"))["labels"] == [label]


def test_nothing_may_write_but_the_job_that_installs_nothing():
    parsed = flow()
    assert parsed["permissions"] == {}
    convert, submit = parsed["jobs"]["omzetten"], parsed["jobs"]["indienen"]
    assert convert["permissions"] == {"contents": "read"}
    assert submit["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    submit_text = json.dumps(submit)
    for installer in ("pip install", "setup-python", "make ", "npm"):
        assert installer not in submit_text, installer
    assert [s["uses"].split("@")[0] for s in submit["steps"] if "uses" in s] == [
        "actions/checkout",
        "actions/download-artifact",
    ]


def test_no_text_from_the_event_reaches_a_run_line():
    """The script reads the issue from GITHUB_EVENT_PATH; no `${{ }}` is ever pasted into bash."""
    for name, job in flow()["jobs"].items():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), (name, step["name"])
        env = json.dumps([job.get("env", {}), *(s.get("env", {}) for s in job["steps"])])
        assert "github.event" not in env, name
    text = FLOW_PATH.read_text(encoding="utf-8")
    for field in ("issue.body", "issue.title", "comment.body", "label.description", "head_ref"):
        assert field not in text, field


def test_both_jobs_check_out_the_default_branch_and_only_the_writer_keeps_its_token():
    for job, keeps in (("omzetten", False), ("indienen", True)):
        (checkout,) = [s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@")]
        assert checkout["with"] == {"ref": CHECKOUT_REF, "persist-credentials": keeps}, job


def test_every_action_is_pinned_by_a_full_commit_sha_with_its_version():
    lines = FLOW_PATH.read_text(encoding="utf-8").splitlines()
    used = [line.split("uses:", 1)[1].strip() for line in lines if "uses:" in line]
    assert len(used) == 5
    for action in used:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", action), action


def test_one_run_per_issue_at_a_time_and_the_outcome_passes_from_job_to_job():
    parsed = flow()
    assert parsed["concurrency"] == {
        "group": "verwerken-${{ github.event.issue.number }}",
        "cancel-in-progress": False,
    }
    (upload,) = [s for s in steps("omzetten") if "upload-artifact" in s.get("uses", "")]
    (download,) = [s for s in steps("indienen") if "download-artifact" in s.get("uses", "")]
    assert upload["with"]["name"] == download["with"]["name"]
    assert upload["with"]["path"].rstrip("/") == download["with"]["path"]
    assert download["with"]["path"] == "${{ runner.temp }}/uitkomst"
    assert run_of("omzetten") == 'python3 .ci/verwerken.py convert "$RUNNER_TEMP/uitkomst"'
    assert run_of("indienen") == 'python3 .ci/verwerken.py submit "$RUNNER_TEMP/uitkomst"'
    assert parsed["jobs"]["indienen"]["env"] == {
        "GH_TOKEN": "${{ github.token }}",
        "GH_REPO": "${{ github.repository }}",
    }


# The steps, run ---------------------------------------------------------------------------------

# A stand-in for gh: it logs each call (with the text of a --body-file) as one JSON line, answers
# the permission question with ROLE, 'pr list' with OPEN_PR and 'pr create' with an address (or
# fails when PR_FAILS is set).
FAKE_GH = """\
import json, os, sys
args = sys.argv[1:]
body = None
if "--body-file" in args:
    body = open(args[args.index("--body-file") + 1], encoding="utf-8").read()
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({"args": args, "body": body}) + "\\n")
if args[0] == "api" and args[1].endswith("/permission"):
    role = os.environ["ROLE"]
    if role == "geen":
        print('{"message": "Not Found"}')
        sys.exit(1)
    legacy = {"maintain": "write", "triage": "read"}.get(role, role)
    print(json.dumps({"permission": legacy, "role_name": role}))
elif args[:2] == ["pr", "list"]:
    print(os.environ.get("OPEN_PR", ""))
elif args[:2] == ["pr", "create"]:
    if os.environ.get("PR_FAILS"):
        print("GitHub Actions is not permitted to create or approve pull requests", file=sys.stderr)
        sys.exit(1)
    print("https://github.com/voorbeeld/sportwijzer/pull/8")
"""

OFFER_ANSWERS = {
    "Naam van het aanbod": "Zwemmen op zaterdag",
    "Sport": "zwemmen",
    "Aanbieder": "Judoclub De Mat",
    "Voor wie is het?": "- [X] visueel (blind of slechtziend)",
    "Samenvatting": "Zwemmen in een kleine groep: warm water.",
    "Naam van de plek": "Zwembad De Vliet",
    "Adres": "Vlietweg 4",
    "Postcode": "8021 AB",
    "Plaats": "Zwolle",
    "Gemeente": "Zwolle",
    "Coördinaten": "52.5230, 6.0790",
    "E-mail": "info@example.org",
}
EVENT_ANSWERS = {
    "Naam van de activiteit": "Clinic judo",
    "Soort": "clinic (een sport uitproberen, met uitleg)",
    "Organisator": "Judoclub De Mat",
    "Samenvatting": "Een middag judo proberen, met ervaren trainers.",
    # Some weeks ahead: an event that is new and over, or years ahead, gets its own line.
    "Datum": (today_in_amsterdam() + dt.timedelta(days=60)).strftime("%d-%m-%Y"),
    "Voor wie is het?": "- [X] autisme",
    "Naam van de plek": "Sporthal De Reeve",
    "Adres": "Reeveweg 8",
    "Postcode": "8262 AB",
    "Plaats": "Kampen",
    "Gemeente": "Kampen",
    "Coördinaten": "52.5500, 5.9200",
    "E-mail": "info@example.org",
}


def git(cwd: Path, *args: str) -> str:
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    done = subprocess.run(["git", *identity, *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A bare repository whose main branch holds a region, the code and the script."""
    work = copy_region(tmp_path / "start")
    shutil.copytree(REPO / "hooks", work / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.txt", "requirements-check.txt", ".ci/verwerken.py"):
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, work / name)
    (work / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "start")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


class Runner:
    """Both jobs of one workflow run, each in its own checkout and its own RUNNER_TEMP."""

    def __init__(self, tmp_path: Path, origin: Path, event: dict[str, Any], role: str, **env: str):
        self.tmp, self.origin = tmp_path, origin
        fake = tmp_path / "bin" / "gh"
        fake.parent.mkdir(exist_ok=True)
        fake.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
        fake.chmod(0o755)
        (tmp_path / "event.json").write_text(json.dumps(event), encoding="utf-8")
        self.log = tmp_path / "gh.log"
        self.env = {
            **os.environ,
            "PATH": f"{fake.parent}:{os.environ['PATH']}",
            "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
            "GITHUB_ACTIONS": "true",  # as on GitHub: the script keeps annotations out
            "GH_LOG": str(self.log),
            "GH_REPO": "voorbeeld/sportwijzer",
            "GH_TOKEN": "geheim",
            "ROLE": role,
            **env,
        }

    def job(self, name: str, venv: bool) -> subprocess.CompletedProcess[str]:
        checkout, temp = self.tmp / f"job-{name}", self.tmp / f"temp-{name}"
        git(self.tmp, "clone", "-q", "--branch", "main", str(self.origin), str(checkout))
        if venv:
            stand_in_venv(checkout)
        temp.mkdir()
        if name == "indienen":  # the artifact of the first job
            shutil.copytree(self.tmp / "temp-omzetten" / "uitkomst", temp / "uitkomst")
        env = {**self.env, "RUNNER_TEMP": str(temp)}
        shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run_of(name)]
        return subprocess.run(shell, cwd=checkout, env=env, capture_output=True, text=True)

    def both(self) -> int:
        converted = self.job("omzetten", venv=True)
        assert converted.returncode == 0, converted.stdout + converted.stderr
        submitted = self.job("indienen", venv=False)
        print(submitted.stdout, submitted.stderr)  # shown when a test fails
        return submitted.returncode

    def calls(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def branches(self) -> list[str]:
        refs = git(self.origin, "for-each-ref", "--format=%(refname:short)", "refs/heads")
        return refs.split()


def event_for(body: str, *labels: str, login: str = "coordinator") -> dict[str, Any]:
    return {
        "action": "labeled",
        "label": {"name": "verwerken"},
        "issue": {
            "number": NUMBER,
            "state": "open",
            "title": "Nieuw aanbod: iets",
            "body": body,
            "labels": [{"name": name} for name in (*labels, "verwerken")],
        },
        "sender": {"login": login},
        "repository": {"default_branch": "main"},
    }


PERMISSION_CALL = ["api", "repos/voorbeeld/sportwijzer/collaborators/coordinator/permission"]
REMOVE_LABEL = ["issue", "edit", str(NUMBER), "--remove-label", "verwerken"]


def expected_lines(tmp_path: Path, command: str, body: str) -> list[str]:
    """What the converter itself prints for this body in a fresh copy of the region."""
    region = copy_region(tmp_path / "apart")
    (region / f"issue-{NUMBER}.md").write_text(body, encoding="utf-8")
    out = io.StringIO()
    main([command, str(region / f"issue-{NUMBER}.md"), "--root", str(region)], out)
    return out.getvalue().splitlines()


OFFER = (OFFER_ANSWERS, "nieuw aanbod", "offers/zwemmen-op-zaterdag.yml", "Nieuw aanbod")
EVENT = (EVENT_ANSWERS, "agenda", "agenda/clinic-judo.yml", "Nieuwe activiteit")


@pytest.mark.parametrize(
    ("answers", "label", "path", "name", "role"),
    [(*OFFER, "write"), (*EVENT, "write"), (*OFFER, "maintain"), (*EVENT, "admin")],
    ids=["aanbod-write", "agenda-write", "aanbod-maintain", "agenda-admin"],
)
def test_a_good_issue_becomes_one_commit_on_a_branch_and_a_pull_request_that_closes_it(
    tmp_path, origin, answers, label, path, name, role
):
    runner = Runner(tmp_path, origin, event_for(form_body(answers), label), role)
    assert runner.both() == 0
    assert runner.branches() == ["main", BRANCH]
    log = git(origin, "log", "--format=%s", "--name-status", f"main..{BRANCH}").split()
    title = f"{name} uit issue #{NUMBER}: {path}"
    assert log == [*title.split(), "A", path]  # one commit, one new file
    text = git(origin, "show", f"{BRANCH}:{path}")
    assert text.splitlines()[1].startswith("# Gemaakt uit issue-7.md met 'make ")
    calls = runner.calls()
    assert calls[2]["args"][:-1] == [
        *("pr", "create", "--base", "main", "--head", BRANCH, "--title", title, "--body-file")
    ]
    body = calls[2]["body"]
    assert body.splitlines()[0] == f"Closes #{NUMBER}"
    assert re.search(r"`make check`: \*\*Geen fouten gevonden in \d+ bestanden\.", body)
    assert "```text\nGeen fouten gevonden in 1 bestand.\n```" in body
    assert f"```yaml\n{text}```" in body  # the file, as committed
    assert [call["args"] for call in calls][3] == REMOVE_LABEL
    assert [call["args"][:2] for call in calls].count(["issue", "comment"]) == 0


def test_the_calls_of_a_good_issue_in_order(tmp_path, origin):
    runner = Runner(tmp_path, origin, event_for(form_body(OFFER_ANSWERS), "nieuw aanbod"), "write")
    assert runner.both() == 0
    args = [call["args"] for call in runner.calls()]
    assert [a[:2] for a in args] == [
        ["api", PERMISSION_CALL[1]],
        ["pr", "list"],
        ["pr", "create"],
        ["issue", "edit"],
    ]
    assert args[2][:-1] == [
        *("pr", "create", "--base", "main", "--head", BRANCH, "--title"),
        f"Nieuw aanbod uit issue #{NUMBER}: offers/zwemmen-op-zaterdag.yml",
        "--body-file",
    ]
    assert args[3] == REMOVE_LABEL


def test_a_bad_issue_gets_one_comment_with_the_exact_lines_and_nothing_else(tmp_path, origin):
    body = form_body({**OFFER_ANSWERS, "Postcode": "80211"})
    runner = Runner(tmp_path, origin, event_for(body, "nieuw aanbod"), "write")
    assert runner.both() == 0
    assert runner.branches() == ["main"]  # no branch, no commit
    calls = runner.calls()
    assert [call["args"][:2] for call in calls] == [
        ["api", PERMISSION_CALL[1]],
        ["issue", "comment"],
        ["issue", "edit"],
    ]
    comment = calls[1]["body"]
    lines = expected_lines(tmp_path, "aanbod-uit-issue", body)
    assert lines[0] == "Geschreven: offers/zwemmen-op-zaterdag.yml"
    assert any("veld 'locatie.postcode': '80211' is geen Nederlandse postcode" in x for x in lines)
    assert "```text\n" + "\n".join(lines[1:]) + "\n```" in comment
    assert "::error" not in comment and "make: ***" not in comment
    assert "<summary>offers/zwemmen-op-zaterdag.yml</summary>" in comment
    assert "postcode: '80211'" in comment or 'postcode: "80211"' in comment


def test_an_issue_that_is_no_form_gets_the_converters_one_line(tmp_path, origin):
    runner = Runner(tmp_path, origin, event_for("Hallo, ik wil zwemmen.", "nieuw aanbod"), "write")
    assert runner.both() == 0
    (comment,) = [c["body"] for c in runner.calls() if c["args"][:2] == ["issue", "comment"]]
    assert comment.split("```text\n")[1].split("\n```")[0] == (
        f"issue-{NUMBER}.md: geen vraag van het formulier gevonden (een kop als '### Naam van het "
        "aanbod'); kopieer de hele tekst van het issue, met de koppen"
    )
    assert "<details>" not in comment and runner.branches() == ["main"]


@pytest.mark.parametrize("role", ["triage", "read", "geen"])
def test_someone_who_may_not_write_gets_nothing(tmp_path, origin, role):
    body = form_body(OFFER_ANSWERS)
    runner = Runner(tmp_path, origin, event_for(body, "nieuw aanbod"), role)
    assert runner.both() == 0
    assert [call["args"] for call in runner.calls()] == [PERMISSION_CALL]
    assert runner.branches() == ["main"]


def test_an_open_pull_request_for_the_issue_is_left_alone(tmp_path, origin):
    url = "https://github.com/voorbeeld/sportwijzer/pull/3"
    event = event_for(form_body(OFFER_ANSWERS), "nieuw aanbod")
    runner = Runner(tmp_path, origin, event, "write", OPEN_PR=url)
    assert runner.both() == 0
    assert runner.branches() == ["main"]
    calls = runner.calls()
    assert [call["args"][:2] for call in calls][-2:] == [["issue", "comment"], ["issue", "edit"]]
    assert calls[-2]["body"].startswith(f"Er staat al een voorstel voor dit issue klaar: {url}.")


def test_both_form_labels_get_a_comment_and_nothing_is_converted(tmp_path, origin):
    event = event_for(form_body(OFFER_ANSWERS), "nieuw aanbod", "agenda")
    runner = Runner(tmp_path, origin, event, "write")
    assert runner.both() == 0
    (comment,) = [c["body"] for c in runner.calls() if c["args"][:2] == ["issue", "comment"]]
    assert "niet precies één van de labels 'nieuw aanbod' en 'agenda'" in comment
    assert not (tmp_path / "job-omzetten" / "offers" / "zwemmen-op-zaterdag.yml").exists()


def test_when_github_refuses_the_pull_request_the_issue_says_which_setting(tmp_path, origin):
    event = event_for(form_body(OFFER_ANSWERS), "nieuw aanbod")
    runner = Runner(tmp_path, origin, event, "write", PR_FAILS="1")
    assert runner.both() == 1
    (comment,) = [c["body"] for c in runner.calls() if c["args"][:2] == ["issue", "comment"]]
    assert comment.startswith(
        "Het voorstel (pull request) kon niet worden gemaakt: GitHub Actions is not permitted to "
        "create or approve pull requests."
    )
    assert "**Allow GitHub Actions to create and approve pull requests**" in comment


def test_the_issue_text_never_runs_and_stays_as_typed(tmp_path, origin):
    """Backticks, $(...), quotes and ; in the issue reach the file unchanged; nothing runs."""
    title = 'Zwemmen ```touch geraakt1``` $(touch geraakt2) "; touch geraakt3'
    body = form_body({**OFFER_ANSWERS, "Naam van het aanbod": title})
    runner = Runner(tmp_path, origin, event_for(body, "nieuw aanbod"), "write")
    assert runner.both() == 0
    (path,) = git(origin, "diff", "--name-only", "main", BRANCH).split()
    assert yaml.safe_load(git(origin, "show", f"{BRANCH}:{path}"))["titel"] == title
    assert not list(tmp_path.rglob("geraakt*"))
    create = next(c for c in runner.calls() if c["args"][:2] == ["pr", "create"])
    assert "````yaml" in create["body"]  # a fence longer than the backticks in the title


# The script's pieces, and the page that explains the route -------------------------------------


@functools.cache
def script() -> ModuleType:
    """.ci/verwerken.py as a module (registered first: its dataclasses look themselves up)."""
    spec = importlib.util.spec_from_file_location("verwerken_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_first_job_installs_only_what_make_check_needs_and_leaves_make_nothing_to_install():
    run = "\n".join(step.get("run", "") for step in steps("omzetten"))
    assert "pip install --disable-pip-version-check -r requirements-check.txt" in run
    assert "touch .venv/.installed-requirements" in run and "requirements.txt" not in run


def test_shown_lines_leave_out_other_files_warnings_and_stop_at_a_hundred():
    shown_lines = script().shown_lines
    lines = [
        "Geschreven: offers/nieuw.yml",
        "offers/nieuw.yml:3: let op: veld 'samenvatting': te kort",
        "offers/oud.yml:17: let op: veld 'laatst_gecontroleerd': oud",
        "offers/oud.yml:2: veld 'sport': 'zwemen' staat niet in lijsten/sporten.yml",
        "Gevonden: 1 probleem in 2 bestanden. 2 waarschuwingen.",
    ]
    assert shown_lines(lines, "offers/nieuw.yml") == [lines[1], lines[3], lines[4]]
    many = [f"offers/nieuw.yml:{n}: veld 'x': fout" for n in range(1, 151)] + ["Gevonden: …"]
    shown = shown_lines(many, "offers/nieuw.yml")
    assert len(shown) == 100 and shown[-2:] == ["… en nog 52 regels", "Gevonden: …"]


@pytest.mark.parametrize(
    ("text", "fence"),
    [("titel: zwemmen", "```"), ("titel: `code`", "```"), ("a ```` b", "`````")],
)
def test_a_block_is_fenced_longer_than_any_backticks_inside(text, fence):
    assert script()._block([text], "yaml") == [f"{fence}yaml", text, fence]


def test_the_coordinators_page_names_the_label_the_roles_and_the_setting():
    page = (REPO / "content" / "coordinatoren.md").read_text(encoding="utf-8")
    section = page.split("## Een aanmelding verwerken in de browser")[1].split("\n## ")[0]
    assert f"het label `{script().TRIGGER_LABEL}`" in section
    for words in (
        "**Write**,\n**Maintain** of **Admin**",
        "gh label create verwerken",
        "**Allow GitHub Actions to create and approve pull requests**",
        "**Close pull request**",
        "**Reopen pull request**",
        "**Ging het mis?**",
    ):
        assert words in section, words
