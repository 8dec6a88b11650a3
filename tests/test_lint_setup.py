"""make lint and what runs it: ruff, mypy and ESLint, the same in CI and in pre-commit, and
ESLint pinned, installed by npm from the lock and never committed."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import yaml

from conftest import REPO

LINT_COMMANDS = [
    "$(BIN)/ruff check hooks tests bench .ci",
    "$(BIN)/ruff format --check hooks tests bench .ci",
    "$(BIN)/mypy hooks",
    "npx --no-install eslint content/javascripts",
]


def makefile() -> str:
    return (REPO / "Makefile").read_text(encoding="utf-8")


def target(name: str) -> tuple[list[str], list[str]]:
    """A Makefile target's prerequisites and the commands of its recipe."""
    found = re.search(rf"^{re.escape(name)}:([^\n]*)\n((?:\t[^\n]*\n)*)", makefile(), re.M)
    assert found is not None, name
    return found[1].split(), [line.strip() for line in found[2].splitlines()]


def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def package() -> dict[str, Any]:
    return json.loads((REPO / "package.json").read_text(encoding="utf-8"))


def test_make_lint_runs_ruff_mypy_and_eslint_after_installing_both():
    needs, commands = target("lint")
    assert commands == LINT_COMMANDS
    assert needs == ["$(STAMP)", "$(NODE_STAMP)"]


def test_npm_ci_runs_once_and_again_only_when_the_lock_changes():
    stamp = re.search(r"^NODE_STAMP\s*:=\s*(\S+)$", makefile(), re.M)
    assert stamp is not None and stamp[1] == "node_modules/.installed"
    needs, commands = target("$(NODE_STAMP)")
    assert needs == ["package.json", "package-lock.json"]
    assert commands == ["npm ci --ignore-scripts --no-audit --no-fund", "touch $(NODE_STAMP)"]


def test_ci_installs_npm_when_it_is_missing():
    """(test_workflows: CI runs make lint before make test.)"""
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)" in run


def test_pre_commit_runs_the_commands_of_make_lint_from_what_make_installed():
    (local,) = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))[
        "repos"
    ]
    code = [hook for hook in local["hooks"] if hook["language"] == "system"]
    assert [hook["entry"] for hook in code] == [
        command.replace("$(BIN)/", ".venv/bin/") for command in LINT_COMMANDS
    ]
    assert all(hook["pass_filenames"] is False for hook in code)
    # a change to the code runs them; a change to the data alone does not
    for path, ids in [
        ("hooks/sportwijzer/site.py", {"ruff", "ruff-format", "mypy"}),
        ("tests/test_lint_setup.py", {"ruff", "ruff-format"}),
        ("content/javascripts/ready.js", {"eslint"}),
        ("offers/zwemmen.yml", set()),
    ]:
        assert {hook["id"] for hook in code if re.search(hook["files"], path)} == ids, path


def test_every_javascript_package_is_pinned_exactly_and_locked():
    found = package()
    assert found["private"] is True
    wanted = {**found.get("dependencies", {}), **found.get("devDependencies", {})}
    assert {"eslint", "@eslint/js", "globals"} <= set(wanted)
    assert all(re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version) for version in wanted.values())
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["lockfileVersion"] == 3
    assert lock["packages"][""]["devDependencies"] == found["devDependencies"]
    for name, version in wanted.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert all(entry.get("integrity") for key, entry in lock["packages"].items() if key)


def test_installed_javascript_packages_stay_out_of_git():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "node_modules/" in ignored


def test_eslint_reads_every_script_as_a_browser_module_without_globals_of_its_own():
    config = (REPO / "eslint.config.js").read_text(encoding="utf-8")
    assert 'files: ["content/javascripts/**/*.js"]' in config
    assert 'sourceType: "module"' in config and "...globals.browser" in config
    assert "js.configs.recommended" in config
    assert '"no-implicit-globals": "error"' in config and '"no-undef": "error"' in config


def test_ruff_lets_only_the_command_line_print_and_reads_dates_with_a_zone():
    lint = pyproject()["tool"]["ruff"]["lint"]
    assert {"DTZ", "T20"} <= set(lint["select"])
    printing = {glob for glob, rules in lint["per-file-ignores"].items() if "T20" in rules}
    assert printing == {
        "hooks/sportwijzer/tools/**",
        "hooks/sportwijzer_serve.py",
        "bench/**",
        ".ci/**",
        "tests/**",
    }
    # tests read the clock as the code does: today in Amsterdam
    assert not {"DTZ005", "DTZ011"} & set(lint["per-file-ignores"]["tests/**"])


def test_mypy_is_strict_on_everything_but_the_serve_shim():
    mypy = pyproject()["tool"]["mypy"]
    assert mypy["strict"] is True and mypy["files"] == ["hooks"]
    let_off = [
        module
        for override in mypy.get("overrides", [])
        if any(value is False for value in override.values())
        for module in override["module"]
    ]
    assert let_off == ["sportwijzer_serve"]  # MkDocs' plugin class and its server are untyped


def test_mypy_and_the_stubs_are_pinned_in_the_venv_requirements():
    pins = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    for name in ("mypy", "types-PyYAML", "types-jsonschema", "types-Markdown", "pre-commit"):
        assert any(re.fullmatch(rf"{re.escape(name)}==[0-9.]+", pin) for pin in pins), name
