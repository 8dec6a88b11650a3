"""`make check`: every problem on its own line, a summary, the right exit code, no traceback."""

import io
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import REPO, VALID_OFFER, stand_in_venv, write
from sportwijzer.tools.cli import main


def run_check(root, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update(PYTHONPATH=str(REPO / "hooks"), **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "sportwijzer", "check", str(root), "--vandaag", "2026-11-23"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_clean_region_exits_zero_with_a_summary(region):
    (region / "offers" / "wandelen-kampen.yml").unlink()  # the stale one
    (region / "offers" / "g-judo-zwolle.yml").unlink()  # HTML in its description: a warning
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", "2026-11-23"], out) == 0
    assert out.getvalue() == "Geen fouten gevonden in 5 bestanden.\n"


def test_warnings_alone_do_not_fail(region):
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", "2026-11-23"], out) == 0
    last = out.getvalue().splitlines()[-1]
    assert last == "Geen fouten gevonden in 7 bestanden. 2 waarschuwingen."


def test_every_problem_then_summary_and_exit_one_without_traceback(region):
    write(region, "offers/a.yml", VALID_OFFER.replace("[visueel]", "[blind]"))
    write(region, "offers/b.yml", "titel: [kapot\n")
    write(region, "offers/C D.yml", VALID_OFFER.replace("iedereen", "C en D"))  # own title
    result = run_check(region)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("offers/C D.yml: bestandsnaam mag alleen")
    assert lines[1].startswith("offers/a.yml:4: veld 'beperkingen': 'blind' is geen bekende waarde")
    assert lines[2].startswith("offers/b.yml:1: de YAML klopt hier niet")
    assert lines[3].startswith("offers/g-judo-zwolle.yml:9: let op: veld 'beschrijving': HTML")
    assert lines[4].startswith("offers/wandelen-kampen.yml:17: let op:")
    assert lines[5] == "Gevonden: 3 problemen in 3 bestanden. 2 waarschuwingen."
    assert len(lines) == 6
    assert "Traceback" not in result.stdout


def test_github_actions_adds_annotations_and_a_step_summary(region, tmp_path):
    write(region, "offers/a.yml", VALID_OFFER.replace("sport: zwemmen", "sport: zwemen"))
    summary = tmp_path / "summary.md"
    result = run_check(region, {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    assert (
        "::error file=offers/a.yml,line=2::veld 'sport': 'zwemen' staat niet in "
        "lijsten/sporten.yml. Bedoel je 'zwemmen'? Een nieuwe sport voeg je daar eerst toe"
    ) in result.stdout.splitlines()
    assert "::warning file=offers/wandelen-kampen.yml,line=17::" in result.stdout
    text = summary.read_text(encoding="utf-8")
    assert "**Gevonden: 1 probleem in 1 bestand. 2 waarschuwingen.**" in text
    assert "- `offers/a.yml:2: veld 'sport'" in text


def test_a_folder_without_data_reports_the_missing_files(tmp_path):
    out = io.StringIO()
    assert main(["check", str(tmp_path)], out) == 1
    assert out.getvalue().splitlines() == [
        "lijsten/beperkingen.yml: bestand ontbreekt",
        "lijsten/leeftijden.yml: bestand ontbreekt",
        "lijsten/sporten.yml: bestand ontbreekt",
        "regio.yml: bestand ontbreekt",
        "Gevonden: 4 problemen in 4 bestanden.",
    ]


def test_the_commented_templates_stay_valid(region):
    write(region, "offers/voorbeeld.yml", (REPO / "offers" / "_voorbeeld.yml").read_text("utf-8"))
    partner = (REPO / "partners" / "_voorbeeld.md").read_text("utf-8")
    write(region, "partners/voorbeeld-zwemclub.md", partner)
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", "2026-11-23"], out) == 0, out.getvalue()


# --- make passes values through the environment: the shell never reads them ---------------------

# A value with everything a shell or make would act on: backticks, $(...), $VAR, quotes, ; and |.
TRICKY = "a`touch geraakt`b $(touch geraakt) $$HOME ${HOME} 'q' \"d\" \\ ; touch geraakt | x"
SEEN = """\
import json, os, sys
names = ("ISSUE", "SLUG", "TITEL", "SPORT", "AANBIEDER", "GEMEENTE", "SOORT", "ORGANISATOR",
         "DATUM", "LINK", "BRON")
seen = {"argv": sys.argv[1:], "env": {n: os.environ[n] for n in names if n in os.environ}}
open("seen.json", "w", encoding="utf-8").write(json.dumps(seen))
"""
MAKE_VALUES = [
    ("aanbod-uit-issue", ["aanbod-uit-issue"], ("ISSUE", "SLUG")),
    ("evenement-uit-issue", ["evenement-uit-issue"], ("ISSUE", "SLUG")),
    ("nieuw-aanbod", ["nieuw-aanbod"], ("SLUG", "TITEL", "SPORT", "AANBIEDER", "GEMEENTE")),
    (
        "nieuw-evenement",
        ["nieuw-evenement"],
        ("SLUG", "TITEL", "SOORT", "ORGANISATOR", "DATUM", "GEMEENTE"),
    ),
    ("verouderd-issue", ["verouderd", "--issue"], ("LINK",)),
    ("vraag-telling", ["vraag-telling"], ("BRON",)),
]


def make_copy(tmp_path):
    """The real Makefile; a stand-in for `python -m sportwijzer` writes down what it got."""
    for name in ("Makefile", "requirements.txt", "requirements-check.txt"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    stand_in_venv(tmp_path)
    (tmp_path / "hooks" / "sportwijzer").mkdir(parents=True)
    (tmp_path / "hooks" / "sportwijzer" / "__main__.py").write_text(SEEN, encoding="utf-8")


@pytest.mark.parametrize(("target", "argv", "names"), MAKE_VALUES, ids=[v[0] for v in MAKE_VALUES])
def test_make_passes_each_value_unchanged_and_the_shell_runs_nothing(tmp_path, target, argv, names):
    make_copy(tmp_path)
    values = {name: f"{name}:{TRICKY}" for name in names}
    env = {k: v for k, v in os.environ.items() if k not in names}
    args = ["make", "--no-print-directory", target, *(f"{k}={v}" for k, v in values.items())]
    done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads((tmp_path / "seen.json").read_text(encoding="utf-8"))
    assert seen == {"argv": argv, "env": values}
    assert not (tmp_path / "geraakt").exists()


def test_make_without_values_passes_empty_ones_so_the_questions_are_asked(tmp_path):
    """`make nieuw-aanbod` with no values: each is empty, and Python asks for it on a terminal."""
    make_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("SLUG", "TITEL")}
    subprocess.run(["make", "-s", "nieuw-aanbod"], cwd=tmp_path, env=env, check=True)
    seen = json.loads((tmp_path / "seen.json").read_text(encoding="utf-8"))
    assert seen["env"]["SLUG"] == "" and seen["env"]["TITEL"] == ""


def test_no_recipe_puts_a_value_in_a_shell_string():
    """Only make's own variables appear in the recipes; every value travels in the environment."""
    recipes = re.findall(r"^\t(.*)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    used = {name for line in recipes for name in re.findall(r"\$\(([A-Z_]+)\)", line)}
    assert used <= {"BIN", "VENV", "PYTHON", "STAMP", "NODE_STAMP"}, used


def test_a_value_from_the_environment_fills_a_missing_option(region, monkeypatch):
    monkeypatch.setenv("ISSUE", str(region / "weg.md"))
    out = io.StringIO()
    assert main(["aanbod-uit-issue", "--root", str(region)], out) == 2
    assert out.getvalue() == "weg.md: bestand ontbreekt\n"
