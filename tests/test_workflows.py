"""The GitHub workflows, editor settings and templates: parsed, and the steps that matter there."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, VALID_OFFER, write
from sportwijzer.check.datakinds import DATA_FOLDERS
from sportwijzer.check.schema import load_schema
from sportwijzer.tools.freshness import ISSUE_LABEL, ISSUE_TITLE
from sportwijzer.tools.issueform import EVENT_FORM_FIELDS, FORM_FIELDS, MODELINE

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(flow: dict[str, Any]) -> dict[str, Any]:
    """PyYAML (YAML 1.1) reads the key 'on' as True."""
    return flow.get("on", flow.get(True))


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def uses(flow: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in steps(flow) if "uses" in step]


def runs(flow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(flow))


def job_steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def installs_packages(job: dict[str, Any]) -> bool:
    return any("pip install" in step.get("run", "") for step in job_steps(job))


def cron(flow: dict[str, Any]) -> list[str]:
    """The cron fields of the workflow's one schedule, checked to be valid cron."""
    (schedule,) = triggers(flow)["schedule"]
    fields = schedule["cron"].split()
    assert len(fields) == 5, schedule
    for text, (low, high) in zip(fields, CRON_RANGES, strict=True):
        for part in text.split(","):
            value = part.split("/")[0]
            numbers = [] if value == "*" else [int(n) for n in value.split("-")]
            assert all(low <= n <= high for n in numbers), schedule
    return fields


CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 6))  # minute hour day month weekday


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_workflow_parses_names_its_steps_and_only_reads_code(path: Path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow["name"] and triggers(flow) and flow["jobs"]
    assert flow["permissions"] in ({"contents": "read"}, {})  # no write rights at the top
    for step in steps(flow):
        assert step.get("name"), step


# A `uses:` line as written, with its comment (YAML drops comments, so the text is read).
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"\s+# v[0-9]+\.[0-9]+\.[0-9]+")


def action_files() -> list[Path]:
    """The workflows and any composite action under .github/."""
    github = REPO / ".github"
    return sorted(
        {*WORKFLOWS.glob("*.y*ml"), *github.rglob("action.yml"), *github.rglob("action.yaml")}
    )


def uses_lines(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(m[1], m[2]) for line in lines if (m := USES_LINE.match(line))]


def parsed_uses(path: Path) -> list[str]:
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "jobs" in flow:
        return uses(flow)
    return [step["uses"] for step in flow["runs"].get("steps", []) if "uses" in step]


@pytest.mark.parametrize("path", action_files(), ids=lambda p: p.name)
def test_every_third_party_action_is_pinned_by_commit_sha_with_its_version(path: Path):
    """A tag can be moved to other code; a commit cannot. Dependabot updates SHA and comment."""
    found = uses_lines(path)
    assert [action for action, _ in found] == parsed_uses(path)  # no `uses:` the lines miss
    for action, rest in found:
        if action.startswith(("./", "docker://")):
            continue  # an action in this repository or an image, not a third-party action
        assert PINNED.fullmatch(action), action
        assert VERSION_COMMENT.fullmatch(rest), f"{action}{rest}"


def test_each_action_is_pinned_to_one_commit_and_one_version_everywhere():
    versions: dict[str, set[str]] = {}
    for path in action_files():
        for action, rest in uses_lines(path):
            name, _, sha = action.partition("@")
            versions.setdefault(name, set()).add(f"{sha}{rest}")
    assert versions and all(len(pinned) == 1 for pinned in versions.values()), versions


def test_dependabot_proposes_weekly_updates_for_the_actions_and_the_pip_and_npm_packages():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip", "npm"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"
        assert 1 <= update["open-pull-requests-limit"] <= 5
    for name in ("requirements.txt", "requirements-check.txt"):  # what pip at "/" reads
        assert (REPO / name).is_file(), name
    assert (REPO / "package-lock.json").is_file()  # what npm at "/" reads beside package.json


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_job_says_its_rights_and_no_job_that_installs_packages_may_write(path: Path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, job in flow["jobs"].items():
        rights = job["permissions"]
        assert set(rights.values()) <= {"read", "write"}, name
        if installs_packages(job):
            assert rights == {"contents": "read"}, name


def test_write_rights_only_where_they_are_needed():
    writes = {
        (path.name, name, right)
        for path in WORKFLOWS.glob("*.yml")
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items()
        for right, level in job["permissions"].items()
        if level == "write"
    }
    assert writes == {
        ("deploy.yml", "publiceren", "pages"),
        ("deploy.yml", "publiceren", "id-token"),
        ("freshness.yml", "issue", "issues"),
        ("freshness.yml", "aanzetten", "actions"),
        ("verwerken.yml", "indienen", "contents"),
        ("verwerken.yml", "indienen", "pull-requests"),
        ("verwerken.yml", "indienen", "issues"),
    }


def test_check_runs_on_pull_requests_without_secrets_or_write_rights():
    flow = workflow("check.yml")
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    assert "pull_request" in triggers(flow)
    assert "pull_request_target" not in triggers(flow)
    assert flow["permissions"] == {"contents": "read"}
    assert "secrets." not in text


def test_the_fast_data_job_installs_only_what_make_check_needs_and_annotates():
    """The job named 'Gegevens' is the required check on main; the docs name it."""
    job = workflow("check.yml")["jobs"]["gegevens"]
    assert job["name"] == "Gegevens" and job["timeout-minutes"] <= 5
    run = "\n".join(step.get("run", "") for step in job_steps(job))
    assert "pip install --disable-pip-version-check -r requirements-check.txt" in run
    assert "requirements.txt" not in run and ".ci/run" not in run and "mkdocs" not in run
    setup = next(s for s in job_steps(job) if s.get("uses", "").startswith("actions/setup-py"))
    assert setup["with"]["cache-dependency-path"] == "requirements-check.txt"
    (check,) = [step for step in job_steps(job) if step.get("run") == "make check"]
    assert check["env"]["GITHUB_ACTIONS"] == "true"
    for doc in ("README.md", "content/coordinatoren.md"):
        assert "**Gegevens**" in (REPO / doc).read_text(encoding="utf-8"), doc


def test_check_installs_checks_data_with_annotations_tests_builds_and_uploads():
    flow = workflow("check.yml")
    by_use = {step["uses"].split("@")[0]: step for step in steps(flow) if "uses" in step}
    assert by_use["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert by_use["actions/setup-python"]["with"]["cache"] == "pip"
    assert by_use["actions/upload-artifact"]["with"]["path"].rstrip("/") == "site"
    assert flow["jobs"]["controle"]["name"] == "Tests en bouw"
    assert "pip install --disable-pip-version-check -r requirements.txt" in runs(flow)
    assert "bash .ci/run" in runs(flow)
    assert "mkdocs build --strict" in runs(flow)
    env = flow["jobs"]["controle"]["env"]
    assert "github.repository" in env["REPO_URL"] and "github.io" in env["SITE_URL"]


def test_installing_in_venv_leaves_make_nothing_to_install():
    """The workflows touch the Makefile's stamp, so make does not install a second time."""
    stamp = re.search(r"^STAMP\s*:=\s*\$\(VENV\)/(\S+)", (REPO / "Makefile").read_text(), re.M)
    assert stamp is not None
    for name in ("check.yml", "deploy.yml", "freshness.yml"):
        assert f"touch .venv/{stamp[1]}" in runs(workflow(name)), name


def test_deploy_publishes_with_the_pages_actions_one_at_a_time():
    flow = workflow("deploy.yml")
    assert triggers(flow)["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers(flow)
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, publish = flow["jobs"]["bouwen"], flow["jobs"]["publiceren"]
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "bouwen" and not installs_packages(publish)
    built = [s["uses"].split("@")[0] for s in job_steps(build) if "uses" in s]
    published = [s["uses"].split("@")[0] for s in job_steps(publish)]
    assert built[-1] == "actions/upload-pages-artifact"
    assert published == ["actions/configure-pages", "actions/deploy-pages"]
    upload = next(s for s in steps(flow) if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    assert publish["environment"]["name"] == "github-pages"


def test_deploy_runs_every_day_early_in_the_morning_in_amsterdam():
    """Past events and stale notices follow the calendar without a commit."""
    minute, hour, day, month, weekday = cron(workflow("deploy.yml"))
    assert (day, month, weekday) == ("*", "*", "*")
    assert minute.isdigit() and hour.isdigit()
    # Amsterdam is UTC+1 in winter and UTC+2 in summer: both between 01:00 and 07:59.
    assert {int(hour) + 1, int(hour) + 2} <= set(range(1, 8))


def test_deploy_takes_the_site_address_from_the_repository_or_a_variable():
    env = workflow("deploy.yml")["jobs"]["bouwen"]["env"]
    assert env["SITE_URL"].startswith("${{ vars.SITE_URL ||")
    assert "https://{0}.github.io/{1}/" in env["SITE_URL"]
    assert "github.repository_owner" in env["SITE_URL"]
    assert "github.repository" in env["REPO_URL"]


def test_freshness_runs_weekly_and_writes_the_job_summary_without_failing():
    flow = workflow("freshness.yml")
    minute, hour, day, month, weekday = cron(flow)
    assert (day, month) == ("*", "*") and weekday.isdigit()
    assert minute.isdigit() and hour.isdigit()
    assert "workflow_dispatch" in triggers(flow)
    assert 'make verouderd >> "$GITHUB_STEP_SUMMARY"' in runs(flow)
    makefile = (REPO / "Makefile").read_text()
    assert re.search(
        r"^verouderd:.*\n\t@PYTHONPATH=hooks .* -m sportwijzer verouderd$", makefile, re.M
    )
    assert re.search(  # LINK reaches Python in the environment, never in a shell string
        r"^verouderd-issue:.*\n\t@PYTHONPATH=hooks .* -m sportwijzer verouderd --issue$",
        makefile,
        re.M,
    )
    assert "verouderd-issue: override export LINK := $(value LINK)" in makefile


def test_freshness_makes_the_issue_body_with_the_slim_install_and_hands_it_on():
    job = workflow("freshness.yml")["jobs"]["lijst"]
    run = "\n".join(step.get("run", "") for step in job_steps(job))
    assert "-r requirements-check.txt" in run and "requirements.txt" not in run
    assert 'make verouderd-issue LINK="$LINK" > aanbod-nakijken.md' in run
    (make_body,) = [s for s in job_steps(job) if "verouderd-issue" in s.get("run", "")]
    assert make_body["env"]["LINK"] == (
        "${{ github.server_url }}/${{ github.repository }}/blob/${{ github.ref_name }}"
    )
    assert job["outputs"]["verouderd"] == "${{ steps.issue.outputs.verouderd }}"
    (upload,) = [s for s in job_steps(job) if s.get("uses", "").startswith("actions/upload-art")]
    assert upload["with"]["path"] == "aanbod-nakijken.md"


def test_freshness_opens_updates_or_closes_one_issue_with_the_core_title():
    job = workflow("freshness.yml")["jobs"]["issue"]
    assert job["needs"] == "lijst" and not installs_packages(job)
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert job["env"]["TITEL"] == ISSUE_TITLE and job["env"]["LABEL"] == ISSUE_LABEL
    run = "\n".join(step.get("run", "") for step in job_steps(job))
    assert "--search" not in run  # found by its label, never by a title anyone can type
    for command in (
        'gh issue list --state open --label "$LABEL"',
        'gh label create "$LABEL" --force',
        'gh issue create --title "$TITEL" --label "$LABEL"',
        "gh issue edit",
        "gh issue create",
        "gh issue close",
    ):
        assert command in run, command
    assert "--body-file aanbod-nakijken.md" in run and "--comment" in run


def test_freshness_keeps_both_schedules_switched_on():
    """GitHub switches schedules off after 60 days without activity; re-enabling resets that."""
    job = workflow("freshness.yml")["jobs"]["aanzetten"]
    assert "needs" not in job and not installs_packages(job)
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    run = "\n".join(step.get("run", "") for step in job_steps(job))
    scheduled = [
        p.name for p in sorted(WORKFLOWS.glob("*.yml")) if "schedule" in triggers(workflow(p.name))
    ]
    assert scheduled == ["deploy.yml", "freshness.yml"]
    for name in scheduled:
        assert (
            f'gh api --method PUT "repos/$GITHUB_REPOSITORY/actions/workflows/{name}/enable"' in run
        )


def test_vscode_links_the_schemas_to_the_data_files():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert "offers/*.yml" in schemas["./hooks/sportwijzer/schemas/offer.schema.json"]
    assert schemas["./hooks/sportwijzer/schemas/regio.schema.json"] == ["regio.yml"]
    for schema in schemas:
        assert (REPO / schema).is_file()


def test_offer_schema_has_dutch_hover_help_for_every_field():
    for name, rule in load_schema("offer")["properties"].items():
        assert rule.get("title") and rule.get("description"), name


def test_the_template_carries_the_modeline():
    assert (REPO / "offers" / "_voorbeeld.yml").read_text(encoding="utf-8").startswith(MODELINE)


def pins(name: str) -> list[str]:
    lines = (REPO / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith(("#", "-r "))]


def test_requirements_include_the_slim_list_for_the_data_check_once():
    slim, full = pins("requirements-check.txt"), pins("requirements.txt")
    assert "-r requirements-check.txt" in (REPO / "requirements.txt").read_text(encoding="utf-8")
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9a-z.]+", pin) for pin in slim + full)
    names = [pin.split("==")[0].lower() for pin in slim + full]
    assert len(names) == len(set(names))
    stamp = re.search(r"^\$\(STAMP\): (.*)$", (REPO / "Makefile").read_text(), re.M)
    assert stamp is not None and stamp[1].split() == ["requirements.txt", "requirements-check.txt"]


CHECK_IMPORTS = """
import importlib.metadata, runpy, sys
before = set(sys.modules)  # what the interpreter loads at start (.pth files) does not count
sys.argv = ["sportwijzer", "check", sys.argv[1]]
try:
    runpy.run_module("sportwijzer", run_name="__main__")
except SystemExit:
    pass
owners = importlib.metadata.packages_distributions()
names = {d for m in set(sys.modules) - before for d in owners.get(m.split(".")[0], [])}
print(" ".join(sorted(n.lower().replace("_", "-") for n in names)), file=sys.stderr)
"""


@pytest.mark.parametrize("root", [REPO, REPO / "tests" / "fixtures" / "regio-b"], ids=["demo", "b"])
def test_the_slim_list_holds_every_package_that_make_check_imports(root: Path):
    """Measured, not guessed: run the check and list the distributions of what it imported."""
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS, str(root)],
        env={**os.environ, "PYTHONPATH": str(REPO / "hooks")},
        capture_output=True,
        text=True,
        check=True,
    )
    imported = set(done.stderr.split())
    slim = {pin.split("==")[0].lower().replace("_", "-") for pin in pins("requirements-check.txt")}
    assert imported and imported <= slim, imported - slim


def test_pre_commit_runs_the_dutch_check_with_only_the_slim_packages():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (local,) = config["repos"]
    (hook,) = [h for h in local["hooks"] if h["id"] == "sportwijzer-gegevens"]  # the rest: lint
    assert local["repo"] == "local" and hook["language"] == "python"
    assert hook["name"] == "gegevens controleren (zoals make check)"
    assert hook["description"].startswith("Controleert regio.yml, partners/, offers/")
    assert hook["entry"] == "python .ci/precommit_check.py" and hook["pass_filenames"] is False
    assert hook["additional_dependencies"] == pins("requirements-check.txt")
    data_files = [f"{folder}/a.yml" for folder in DATA_FOLDERS]  # every kind of data
    for path in (*data_files, "regio.yml", "lijsten/sporten.yml", "content/privacy.md"):
        assert re.match(hook["files"], path), path


def test_pre_commit_hook_says_in_dutch_why_the_commit_stops(region, capsys):
    spec = importlib.util.spec_from_file_location(
        "precommit_check", REPO / ".ci/precommit_check.py"
    )
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    assert hook.run(region) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Geen fouten gevonden in ")
    write(region, "offers/kapot.yml", VALID_OFFER.replace("sport: zwemmen", "sport: zwemen"))
    assert hook.run(region) == 1
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "Gevonden: 1 probleem in 1 bestand. 2 waarschuwingen.",
        "De commit is tegengehouden. Los de problemen hierboven op, sla de bestanden op en "
        "probeer het opnieuw.",
    ]


# Each issue form, the questions its converter reads, and the schema of the file it becomes.
FORMS = {
    "nieuw-aanbod.yml": (FORM_FIELDS, "offer"),
    "nieuw-evenement.yml": (EVENT_FORM_FIELDS, "agenda"),
}


def issue_form(name: str = "nieuw-aanbod.yml") -> dict[str, Any]:
    path = REPO / ".github" / "ISSUE_TEMPLATE" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FORMS)
def test_issue_form_asks_exactly_the_questions_the_converter_reads(name):
    questions = [item for item in issue_form(name)["body"] if item["type"] != "markdown"]
    assert [q["attributes"]["label"] for q in questions] == [f.label for f in FORMS[name][0]]
    assert len({q["id"] for q in questions}) == len(questions)


@pytest.mark.parametrize("name", FORMS)
def test_issue_form_offers_exactly_the_schema_values(name):
    """Every checkbox list and dropdown holds the schema's enum, in the schema's order."""
    fields, schema = FORMS[name]
    properties = load_schema(schema)["properties"]
    by_label = {item["attributes"]["label"]: item for item in issue_form(name)["body"][1:]}
    for form_field in fields:
        if form_field.kind not in ("checkboxes", "choice"):
            continue
        rule = properties[form_field.path[0]]
        for part in form_field.path[1:]:
            rule = rule["properties"][part]
        allowed = rule.get("items", rule)["enum"]
        options = by_label[form_field.label]["attributes"]["options"]
        texts = [o["label"] if isinstance(o, dict) else o for o in options]
        assert [text.split(" (")[0] for text in texts] == allowed, form_field.label


@pytest.mark.parametrize("name", FORMS)
def test_issue_form_requires_what_the_schema_requires(name):
    fields, schema_name = FORMS[name]
    required = {q["attributes"]["label"] for q in issue_form(name)["body"][1:] if _required(q)}
    schema = load_schema(schema_name)
    needed = {f.label for f in fields if f.path[0] in schema["required"] and len(f.path) == 1}
    needed |= {f.label for f in fields if f.path[0] == "locatie" and f.path[1] != "coordinaten"}
    assert needed - {"Voor wie is het?"} <= required


def _required(question: dict[str, Any]) -> bool:
    return bool(question.get("validations", {}).get("required"))


def test_pull_request_template_is_a_dutch_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 3 and "laatst_gecontroleerd" in text


@pytest.mark.parametrize("name", FORMS)
def test_issue_form_warns_first_that_everything_in_an_issue_is_public(name):
    first = issue_form(name)["body"][0]
    assert first["type"] == "markdown"
    assert first["attributes"]["value"].startswith(
        "> [!WARNING]\n> **Alles wat je hier schrijft, is openbaar.** Iedereen op internet kan het "
        "lezen. Schrijf\n> geen namen van deelnemers en niets over de gezondheid of de beperking "
        "van een persoon.\n"
    )


# A stand-in for gh: it logs each call, and 'issue list' answers from OPEN_ISSUES
# ("number:label,label number:..."), filtered by --label as GitHub does, first number only (--jq).
FAKE_GH = """\
import os, sys
args = sys.argv[1:]
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(" ".join(args) + "\\n")
if args[:2] == ["issue", "list"]:
    label = args[args.index("--label") + 1] if "--label" in args else None
    for issue in os.environ["OPEN_ISSUES"].split():
        number, _, labels = issue.partition(":")
        if label is None or label in labels.split(","):
            print(number)
            break
"""
CREATE = [
    "label create sportwijzer-nakijken --force --color FBCA04 --description Het wekelijkse issue",
    "issue create --title Aanbod nakijken --label sportwijzer-nakijken --body-file aanbod-nakij",
]


@pytest.mark.parametrize(
    ("stale", "open_issues", "expected"),
    [
        ("ja", "", CREATE),
        ("ja", "12:sportwijzer-nakijken", ["issue edit 12 --body-file aanbod-nakijken.md"]),
        ("nee", "12:sportwijzer-nakijken", ["issue close 12 --comment Al het aanbod is in de"]),
        ("nee", "", []),
        # Someone else's open issue with the same title (no label, or another one) is left alone.
        ("ja", "5: 6:bug", CREATE),
        ("nee", "5: 6:bug", []),
        ("ja", "5: 12:bug,sportwijzer-nakijken", ["issue edit 12 --body-file aanbod-nakijken.md"]),
    ],
)
def test_the_issue_step_opens_updates_or_closes_only_its_own_issue(
    tmp_path, stale, open_issues, expected
):
    """The step's own shell script, run as GitHub runs it, with a stand-in for gh."""
    job = workflow("freshness.yml")["jobs"]["issue"]
    (step,) = [s for s in job_steps(job) if "run" in s]
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh.log"
    env = {**os.environ, **{k: v for k, v in job["env"].items() if "${{" not in v}}
    env.update(
        PATH=f"{gh.parent}:{os.environ['PATH']}",
        GH_LOG=str(log),
        OPEN_ISSUES=open_issues,
        VEROUDERD=stale,
    )
    shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
    subprocess.run(shell, env=env, cwd=tmp_path, check=True)
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == (
        "issue list --state open --label sportwijzer-nakijken --json number "
        "--jq .[0].number // empty"
    )
    assert [call[: len(want)] for call, want in zip(calls[1:], expected, strict=True)] == expected


def test_ci_checks_the_code_before_it_runs_the_tests():
    """CI (.ci/run) runs make lint, and before make test: a lint error fails fast."""
    lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert "make lint" in lines and "make test" in lines
    assert lines.index("make lint") < lines.index("make test")
