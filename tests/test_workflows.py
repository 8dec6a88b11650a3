"""The GitHub workflows, editor settings and templates: parsed, and the steps that matter there."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from sportwijzer.issueform import FORM_FIELDS, MODELINE
from sportwijzer.schema import load_schema

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


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_workflow_parses_pins_major_versions_and_only_reads_code(path: Path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow["name"] and triggers(flow) and flow["jobs"]
    assert flow["permissions"]["contents"] == "read"
    for action in uses(flow):
        assert re.fullmatch(r"actions/[a-z-]+@v[0-9]+", action), action
    for step in steps(flow):
        assert step.get("name"), step


def test_check_runs_on_pull_requests_without_secrets_or_write_rights():
    flow = workflow("check.yml")
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    assert "pull_request" in triggers(flow)
    assert "pull_request_target" not in triggers(flow)
    assert flow["permissions"] == {"contents": "read"}
    assert "secrets." not in text


def test_check_installs_checks_data_with_annotations_tests_builds_and_uploads():
    flow = workflow("check.yml")
    by_use = {step["uses"].split("@")[0]: step for step in steps(flow) if "uses" in step}
    assert by_use["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert by_use["actions/setup-python"]["with"]["cache"] == "pip"
    assert by_use["actions/upload-artifact"]["with"]["path"].rstrip("/") == "site"
    check = next(step for step in steps(flow) if step.get("run") == "make check")
    assert check["env"]["GITHUB_ACTIONS"] == "true"
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
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    names = [action.split("@")[0] for action in uses(flow)]
    pages = ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert [name for name in names if name in pages] == pages
    upload = next(s for s in steps(flow) if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    assert flow["jobs"]["publiceren"]["environment"]["name"] == "github-pages"


def test_deploy_takes_the_site_address_from_the_repository_or_a_variable():
    env = workflow("deploy.yml")["jobs"]["bouwen"]["env"]
    assert env["SITE_URL"].startswith("${{ vars.SITE_URL ||")
    assert "https://{0}.github.io/{1}/" in env["SITE_URL"]
    assert "github.repository_owner" in env["SITE_URL"]
    assert "github.repository" in env["REPO_URL"]


def test_freshness_runs_weekly_and_writes_the_job_summary_without_failing():
    flow = workflow("freshness.yml")
    (schedule,) = triggers(flow)["schedule"]
    _minute, _hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()
    assert "workflow_dispatch" in triggers(flow)
    assert 'make verouderd >> "$GITHUB_STEP_SUMMARY"' in runs(flow)
    makefile = (REPO / "Makefile").read_text()
    assert re.search(
        r"^verouderd:.*\n\t@PYTHONPATH=hooks .* -m sportwijzer verouderd$", makefile, re.M
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


def test_pre_commit_checks_the_schemas_and_runs_make_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    remote, local = config["repos"]
    assert remote["repo"].endswith("/check-jsonschema") and re.fullmatch(r"[0-9.]+", remote["rev"])
    schemas = {hook["args"][-1]: hook["files"] for hook in remote["hooks"]}
    assert re.match(schemas["hooks/sportwijzer/schemas/offer.schema.json"], "offers/a.yml")
    assert re.match(schemas["hooks/sportwijzer/schemas/regio.schema.json"], "regio.yml")
    (hook,) = local["hooks"]
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False


def issue_form() -> dict[str, Any]:
    path = REPO / ".github" / "ISSUE_TEMPLATE" / "nieuw-aanbod.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_issue_form_asks_exactly_the_questions_the_converter_reads():
    questions = [item for item in issue_form()["body"] if item["type"] != "markdown"]
    assert [q["attributes"]["label"] for q in questions] == [f.label for f in FORM_FIELDS]
    assert len({q["id"] for q in questions}) == len(questions)


def test_issue_form_offers_exactly_the_schema_values():
    """Every checkbox list and dropdown holds the schema's enum, in the schema's order."""
    properties = load_schema("offer")["properties"]
    by_label = {item["attributes"]["label"]: item for item in issue_form()["body"][1:]}
    for form_field in FORM_FIELDS:
        if form_field.kind not in ("checkboxes", "choice"):
            continue
        rule = properties[form_field.path[0]]
        for part in form_field.path[1:]:
            rule = rule["properties"][part]
        allowed = rule.get("items", rule)["enum"]
        options = by_label[form_field.label]["attributes"]["options"]
        texts = [o["label"] if isinstance(o, dict) else o for o in options]
        assert [text.split(" (")[0] for text in texts] == allowed, form_field.label


def test_issue_form_requires_what_the_schema_requires():
    required = {q["attributes"]["label"] for q in issue_form()["body"][1:] if _required(q)}
    schema = load_schema("offer")
    needed = {f.label for f in FORM_FIELDS if f.path[0] in schema["required"] and len(f.path) == 1}
    needed |= {
        f.label for f in FORM_FIELDS if f.path[0] == "locatie" and f.path[1] != "coordinaten"
    }
    assert needed - {"Voor wie is het?"} <= required


def _required(question: dict[str, Any]) -> bool:
    return bool(question.get("validations", {}).get("required"))


def test_pull_request_template_is_a_dutch_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 3 and "laatst_gecontroleerd" in text
