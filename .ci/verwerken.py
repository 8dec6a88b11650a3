"""The workflow 'Issue verwerken' (.github/workflows/verwerken.yml): a labelled issue form becomes
a pull request with one data file, or one comment on the issue with the exact lines.

Two steps, one in each job of the workflow:

- ``convert`` (a read-only job with the packages of requirements-check.txt): the issue body, read
  from the event file GitHub writes (never from a command line), goes through
  ``make aanbod-uit-issue`` or ``make evenement-uit-issue`` and then ``make check``; the outcome
  (the file and every line) goes to a folder that the next job receives.
- ``submit`` (the only job that may write; it installs nothing and runs nothing from the issue):
  when the person who set the label may write to the repository, a branch with one commit and a
  pull request that closes the issue, or else one comment with the lines; then the label comes off.

Standard library only. Every outside command gets a list of arguments, never a shell string.
Everything a person reads is Dutch.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

TRIGGER_LABEL = "verwerken"
# role_name, or the legacy 'permission', which reads maintain as write and triage as read.
MAY_WRITE = {"admin", "maintain", "write"}
BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
BOT = ("-c", f"user.name={BOT_NAME}", "-c", f"user.email={BOT_EMAIL}")
MAX_LINES = 100  # lines shown in a comment or a pull request, so a body stays well under 65,536
MAX_FILE_CHARS = 20_000


@dataclass(frozen=True)
class Kind:
    """One issue form: its template's label, the make target that converts it, its folder."""

    label: str
    target: str
    folder: str
    name: str


KINDS = (
    Kind("nieuw aanbod", "aanbod-uit-issue", "offers", "Nieuw aanbod"),
    Kind("agenda", "evenement-uit-issue", "agenda", "Nieuwe activiteit"),
)


@dataclass
class Outcome:
    """What the read-only job hands on: the file it made and every line it saw."""

    number: int
    label: str = ""
    path: str = ""
    converted: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    ok: bool = False


# Reading the event ---------------------------------------------------------------------------


def read_event() -> dict:
    """The event GitHub wrote for this run (GITHUB_EVENT_PATH): issue, label, sender, repository."""
    return json.loads(Path(os.environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))


def kinds_of(event: dict) -> list[Kind]:
    """The forms whose label the issue carries (one, normally)."""
    labels = {label.get("name") for label in event["issue"].get("labels") or []}
    return [kind for kind in KINDS if kind.label in labels]


# Step 1: convert and check (read-only job) -----------------------------------------------------


def convert(event: dict, out: Path) -> Outcome:
    """Convert the issue body with make, check all data with make check, save the outcome."""
    number = int(event["issue"]["number"])
    kinds = kinds_of(event)
    if len(kinds) != 1:
        outcome = Outcome(number, converted=[WRONG_LABELS])
    else:
        outcome = _convert_body(number, kinds[0], event["issue"].get("body") or "")
    _save(outcome, out)
    return outcome


def _convert_body(number: int, kind: Kind, body: str) -> Outcome:
    """The body goes into a file outside the checkout; make reads its name from ISSUE."""
    outcome = Outcome(number, kind.label)
    folder = Path(tempfile.mkdtemp(dir=os.environ.get("RUNNER_TEMP")))
    issue = folder / f"issue-{number}.md"
    issue.write_text(body, encoding="utf-8")
    code, outcome.converted = _make(kind.target, ISSUE=str(issue))
    outcome.path = next(
        (line.removeprefix(WRITTEN) for line in outcome.converted if line.startswith(WRITTEN)), ""
    )
    if code == 0 and outcome.path:
        code, outcome.checked = _make("check")
        outcome.ok = code == 0
    return outcome


def _make(target: str, **values: str) -> tuple[int, list[str]]:
    """Run one make target quietly; its lines without make's own ('make: *** ... Error 1')."""
    env = {k: v for k, v in os.environ.items() if k not in QUIET_ENV}
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", target],
        env={**env, **values},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if not MAKE_LINE.match(line)]
    return done.returncode, lines


# Not inherited by make: annotations and the step summary are for 'Controle', and a SLUG or ISSUE
# from the runner's environment must never choose the file.
QUIET_ENV = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "SLUG", "ISSUE"}
MAKE_LINE = re.compile(r"^make(\[\d+\])?: ")
WRITTEN = "Geschreven: "


def _save(outcome: Outcome, out: Path) -> None:
    """outcome.json and, when the converter wrote one, a copy of the file (bestand.yml)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "outcome.json").write_text(json.dumps(asdict(outcome), indent=2), encoding="utf-8")
    if outcome.path and Path(outcome.path).is_file():
        (out / "bestand.yml").write_bytes(Path(outcome.path).read_bytes())
    print("\n".join([*outcome.converted, *outcome.checked]))


def load(out: Path) -> tuple[Outcome, str]:
    """The outcome and the file's text ('' when there is none)."""
    outcome = Outcome(**json.loads((out / "outcome.json").read_text(encoding="utf-8")))
    copy = out / "bestand.yml"
    return outcome, copy.read_text(encoding="utf-8") if copy.is_file() else ""


# Step 2: pull request or comment (the job that may write) --------------------------------------


def submit(event: dict, out: Path) -> int:
    """A pull request for a good outcome, one comment for a bad one; nothing for a non-writer."""
    actor = event["sender"]["login"]
    if not may_write(actor):
        print(f"{actor} mag niet schrijven in deze repository; er gebeurt niets.")
        _summary(f"{actor} mag niet schrijven in deze repository; er gebeurt niets.")
        return 0
    outcome, text = load(out)
    number = int(event["issue"]["number"])
    if outcome.number != number:
        raise SystemExit(f"uitkomst van issue #{outcome.number}, maar dit is issue #{number}")
    if outcome.ok:
        code = _open_pull_request(event, outcome, text)
    else:
        _comment(number, failure_comment(outcome, text))
        code = 0
    _gh("issue", "edit", str(number), "--remove-label", TRIGGER_LABEL, check=False)
    return code


def may_write(actor: str) -> bool:
    """Only admin, maintain and write may: triage can set a label too, but not this one."""
    repo = os.environ["GH_REPO"]
    done = _gh("api", f"repos/{repo}/collaborators/{urllib.parse.quote(actor)}/permission")
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        return False
    return bool({answer.get("role_name"), answer.get("permission")} & MAY_WRITE)


def _open_pull_request(event: dict, outcome: Outcome, text: str) -> int:
    """One branch per issue, one commit with the file, one pull request that closes the issue."""
    number, base = int(event["issue"]["number"]), event["repository"]["default_branch"]
    branch = f"{TRIGGER_LABEL}/issue-{number}"
    kind = next(kind for kind in KINDS if kind.label == outcome.label)
    if not re.fullmatch(rf"{kind.folder}/[a-z0-9]+(-[a-z0-9]+)*\.yml", outcome.path):
        raise SystemExit(f"onverwacht bestand: {outcome.path!r}")
    existing = _gh(*OPEN_PR, branch, check=True).stdout.strip()
    if existing:
        _comment(number, ALREADY_OPEN.format(url=existing, label=TRIGGER_LABEL))
        return 0
    title = f"{kind.name} uit issue #{number}: {outcome.path}"
    _commit(branch, outcome.path, text, title)
    body = pull_request_body(number, kind, outcome, text)
    created = _gh(*CREATE_PR, base, "--head", branch, "--title", title, "--body-file", _temp(body))
    if created.returncode != 0:
        _comment(number, NO_PULL_REQUEST.format(reason=_last_line(created.stderr)))
        return 1
    _summary(body)
    return 0


OPEN_PR = ("pr", "list", "--state", "open", "--json", "url", "--jq", ".[0].url // empty", "--head")
CREATE_PR = ("pr", "create", "--base")


def _commit(branch: str, path: str, text: str, message: str) -> None:
    """The file on a fresh branch from the checked-out main branch, pushed (replacing a leftover
    branch of an earlier run whose pull request is closed)."""
    _git("checkout", "--quiet", "-B", branch)
    Path(path).parent.mkdir(exist_ok=True)  # a region may have no agenda/ yet
    with open(path, "x", encoding="utf-8") as handle:  # never over a file main already has
        handle.write(text)
    _git("add", "--", path)
    _git(*BOT, "commit", "-q", "-m", message)
    _git("push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}")


def _comment(number: int, body: str) -> None:
    _gh("issue", "comment", str(number), "--body-file", _temp(body), check=True)
    _summary(body)


def _gh(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["gh", *args], capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise SystemExit(done.stderr)
    return done


def _git(*args: str) -> None:
    subprocess.run(["git", *args], check=True)


def _temp(text: str) -> str:
    """A body for gh's --body-file: the text never becomes an argument."""
    folder = Path(tempfile.mkdtemp(dir=os.environ.get("RUNNER_TEMP")))
    path = folder / "tekst.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _summary(body: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(body + "\n")


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "geen reden gegeven"


# What people read ------------------------------------------------------------------------------


def pull_request_body(number: int, kind: Kind, outcome: Outcome, text: str) -> str:
    """Closes the issue; shows the check's result, the file and what the coordinator does next."""
    return "\n".join(
        [
            f"Closes #{number}",
            "",
            f"**{kind.name}** uit issue #{number}, gemaakt met `make {kind.target}`: "
            f"`{outcome.path}`.",
            "",
            "### Controle",
            "",
            f"`make check`: **{_summary_line(outcome.checked)}**",
            "",
            f"Meldingen bij `{outcome.path}`:",
            "",
            *_block(shown_lines(outcome.converted, outcome.path) or ["(geen)"], "text"),
            "",
            "### Het bestand",
            "",
            *_block(_shortened(text), "yaml"),
            "",
            NEXT_STEPS,
        ]
    )


def failure_comment(outcome: Outcome, text: str) -> str:
    """The exact lines, what to do, and the file the lines' numbers point into."""
    shown = shown_lines(outcome.checked or outcome.converted, outcome.path)
    parts = [FAILED, "", *_block(shown, "text"), "", HOW_TO_FIX.format(label=TRIGGER_LABEL)]
    if text:
        parts += [
            "",
            "Een regelnummer hoort bij het bestand dat van het issue gemaakt is:",
            "",
            f"<details><summary>{outcome.path}</summary>",
            "",
            *_block(_shortened(text), "yaml"),
            "",
            "</details>",
        ]
    return "\n".join(parts)


def shown_lines(lines: list[str], path: str) -> list[str]:
    """Every line but 'Geschreven: ...' and warnings ('let op') about other files; at most 100."""
    kept = [
        line
        for line in lines
        if not line.startswith(WRITTEN)
        and (": let op: " not in line or (path and line.startswith(f"{path}:")))
    ]
    if len(kept) > MAX_LINES:
        rest = len(kept) - MAX_LINES + 1
        kept = [*kept[: MAX_LINES - 2], f"… en nog {rest} regels", kept[-1]]
    return kept


def _summary_line(lines: list[str]) -> str:
    return lines[-1] if lines else "geen uitkomst"


def _shortened(text: str) -> list[str]:
    if len(text) <= MAX_FILE_CHARS:
        return text.splitlines()
    return [*text[:MAX_FILE_CHARS].splitlines(), "# … (ingekort; het hele bestand staat in git)"]


def _block(lines: list[str], language: str) -> list[str]:
    """A fenced block longer than any run of backticks inside, so nothing inside renders:
    no Markdown, no @mention, no #123."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *lines, fence]


WRONG_LABELS = (
    "Dit issue heeft niet precies één van de labels 'nieuw aanbod' en 'agenda'. Laat alleen het "
    "label van het formulier staan en zet daarna opnieuw het label 'verwerken'."
)
FAILED = (
    "Dit issue kon nog niet worden omgezet in een voorstel (pull request). Er is niets gemaakt. "
    "Dit zegt de controle:"
)
HOW_TO_FIX = (
    "**Zo los je het op.** Klik rechtsboven in het issue op **...** en dan op **Edit**. "
    "Verbeter wat hierboven staat en klik op **Update comment**. Daarna zet de coördinator "
    "opnieuw het label `{label}`."
)
ALREADY_OPEN = (
    "Er staat al een voorstel voor dit issue klaar: {url}. Pas dat voorstel aan. Of sluit het en "
    "zet daarna opnieuw het label `{label}`."
)
NO_PULL_REQUEST = (
    "Het voorstel (pull request) kon niet worden gemaakt: {reason}. Vraag de beheerder van de "
    "repository om bij **Settings**, **Actions**, **General** het vakje **Allow GitHub Actions to "
    "create and approve pull requests** aan te zetten."
)
NEXT_STEPS = """\
### Zo ga je verder

1. Kijk het bestand na op het tabblad **Files changed**. Klopt iets niet? Pas het aan met het \
potlood (**Edit file**).
2. De controle start niet vanzelf bij een voorstel dat GitHub zelf maakt. Klik onderaan op **Close \
pull request** en meteen daarna op **Reopen pull request**. Dan start de controle.
3. Is de controle groen? Klik dan op **Merge pull request**. Het issue gaat vanzelf dicht."""


def main(argv: list[str]) -> int:
    """python3 .ci/verwerken.py convert|submit <folder of the outcome>"""
    if len(argv) != 2 or argv[0] not in ("convert", "submit"):
        print("gebruik: python3 .ci/verwerken.py convert|submit <map>", file=sys.stderr)
        return 2
    event, out = read_event(), Path(argv[1])
    if argv[0] == "convert":
        convert(event, out)
        return 0
    return submit(event, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
