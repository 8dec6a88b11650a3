"""`make nieuw-…` on a terminal asks again for an answer it cannot use, stops cleanly on Ctrl-D or
Ctrl-C, and after writing its file make says no 'Error'."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO, TODAY, copy_region, stand_in_venv
from sportwijzer.tools.asking import Question, Stopped, ask
from sportwijzer.tools.nieuw import offer_checker

QUESTIONS = (Question("slug", "Naam"), Question("sport", "Sport"))
GIVEN = {"slug": "", "sport": ""}


def asked(answers: list[str | BaseException], questions=QUESTIONS, given=GIVEN, check=None):
    """Ask with a stand-in keyboard: each answer in turn (an exception is a key like Ctrl-D)."""
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        answer = answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    out = io.StringIO()
    check = check or (
        lambda name, value: [] if value != "fout" else [f"{name}: '{value}' kan niet"]
    )
    result = ask(questions, given, check, out, read)
    return result, prompts, out.getvalue().splitlines()


def test_a_wrong_answer_is_asked_again_and_the_other_answers_stay():
    result, prompts, lines = asked(["boccia", "fout", "zwemmen"])
    assert result == {"slug": "boccia", "sport": "zwemmen"}
    assert prompts == ["Naam: ", "Sport: ", "Sport: "]
    assert lines == ["sport: 'fout' kan niet"]


def test_an_empty_answer_to_a_required_question_is_asked_again():
    result, prompts, lines = asked(["", "  boccia  ", "zwemmen"])
    assert result == {"slug": "boccia", "sport": "zwemmen"}
    assert prompts == ["Naam: ", "Naam: ", "Sport: "]
    assert lines == ["slug: dit moet je invullen; typ een antwoord, of stop met Ctrl-C"]


def test_a_wrong_value_from_the_command_line_is_asked_again_on_a_terminal():
    result, prompts, lines = asked(["zwemmen"], given={"slug": "boccia", "sport": "fout"})
    assert (result, prompts, lines) == (
        {"slug": "boccia", "sport": "zwemmen"},
        ["Sport: "],
        ["sport: 'fout' kan niet"],
    )


def test_an_optional_question_is_asked_only_in_a_session_and_may_stay_empty():
    questions = (*QUESTIONS, Question("gemeente", "Gemeente", optional=True))
    result, prompts, _ = asked(["boccia", "zwemmen", ""], questions, {**GIVEN, "gemeente": ""})
    assert (result["gemeente"], prompts[-1]) == ("", "Gemeente: ")
    all_given = {"slug": "boccia", "sport": "zwemmen", "gemeente": ""}
    assert asked([], questions, all_given)[:2] == (all_given, [])  # given: nothing is asked


@pytest.mark.parametrize("key", [EOFError(), KeyboardInterrupt()], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_d_or_ctrl_c_stops(key):
    with pytest.raises(Stopped):
        asked(["boccia", key])


def test_each_answer_is_judged_on_its_own_in_the_words_of_make_check(region):
    check = offer_checker(region, TODAY)
    assert check("sport", "zwemen") == [
        "sport: 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je 'zwemmen'? "
        "Een nieuwe sport voeg je daar eerst toe"
    ]
    assert check("gemeente", "Kampen") == check("titel", "Zomaar wat") == []
    assert check("slug", "g-judo-zwolle") == [
        "offers/g-judo-zwolle.yml bestaat al; kies een andere naam"
    ]


# --- through make, as a coordinator types it -------------------------------------------------


def make_region(tmp_path: Path) -> Path:
    """A region with the real Makefile and the real package; .venv/bin/python is this Python."""
    region = copy_region(tmp_path / "regio")
    for name in ("Makefile", "requirements.txt", "requirements-check.txt"):
        (region / name).write_bytes((REPO / name).read_bytes())
    stand_in_venv(region)
    (region / "hooks").symlink_to(REPO / "hooks")
    return region


VALUES = ("SLUG", "TITEL", "SPORT", "AANBIEDER", "GEMEENTE", "NAAM", "SOORT")


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in VALUES and not k.startswith("MAKE")}


def test_make_nieuw_aanbod_that_writes_its_file_ends_without_error(tmp_path):
    region = make_region(tmp_path)
    values = ["SLUG=boccia-kampen", "TITEL=Boccia in Kampen", "SPORT=boccia"]
    values += ["AANBIEDER=welzijn-kampen", "GEMEENTE=Kampen"]
    done = subprocess.run(
        ["make", "nieuw-aanbod", *values],
        cwd=region,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (region / "offers" / "boccia-kampen.yml").exists()
    assert "Error" not in done.stdout + done.stderr
    assert "NAKIJKEN" in done.stdout and "Zo ga je verder:" in done.stdout


def test_make_nieuw_partner_with_values_writes_without_asking(tmp_path):
    region = make_region(tmp_path)
    values = ["SLUG=zwemclub-de-vliet", "NAAM=Zwemclub De Vliet", "SOORT=sportaanbieder"]
    done = subprocess.run(
        ["make", "-s", "nieuw-partner", *values],
        cwd=region,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.splitlines()[0]) == (
        0,
        "Geschreven: partners/zwemclub-de-vliet.md",
    )


class Terminal:
    """`make …` on a pseudo-terminal: read what it shows, type answers, as a person would."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: make on the terminal
            try:
                os.chdir(cwd)
                # as on a person's terminal: Ctrl-C interrupts. A test run started in the
                # background of a script inherits SIGINT ignored, and make and Python keep that
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.execvpe("make", ["make", "--no-print-directory", *args], clean_env())
            finally:
                os._exit(127)
        self.shown, self.seen, self.status = "", 0, None

    def shows(self, text: str, timeout: float = 60) -> bool:
        """Read until `text` is on the screen after what was already seen (the program's own
        signal that it waits for an answer); False when it is not there in time."""
        deadline = time.monotonic() + timeout
        while text not in self.shown[self.seen :]:
            ready, _, _ = select.select([self.fd], [], [], max(0, deadline - time.monotonic()))
            if not ready or not self._read():
                return False
        self.seen = self.shown.index(text, self.seen) + len(text)
        return True

    def wait_for(self, text: str) -> None:
        assert self.shows(text), f"not shown: {text!r}; the screen: {self.shown!r}"

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode("utf-8"))

    def _read(self) -> bool:
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # the terminal closes when make ends
            data = b""
        self.shown += data.decode("utf-8", "replace")
        return bool(data)

    def finish(self, timeout: float = 60) -> int | None:
        """Everything still to be shown; make's exit code (negative: ended by that signal), or
        None when it has not ended in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready and self._read():
                continue
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return os.waitstatus_to_exitcode(status)
        return None

    def close(self) -> None:
        """Whatever happened in the test: make and what it started end, the terminal closes."""
        if self.status is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGKILL)  # make leads its own session and group
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal():
    """Start make on a terminal; every one started is ended when the test is over."""
    started: list[Terminal] = []

    def start(cwd: Path, *args: str) -> Terminal:
        started.append(Terminal(cwd, *args))
        return started[-1]

    yield start
    for screen in started:
        screen.close()


def test_a_typo_on_the_terminal_is_asked_again_and_the_file_is_written(tmp_path, terminal):
    region = make_region(tmp_path)
    screen = terminal(region, "nieuw-partner")
    for shown, answer in [
        (["Naam van het bestand"], "zwemclub-de-vliet"),
        (["Naam van de organisatie"], "Zwemclub De Vliet"),
        (["Soort ("], "vereniging"),  # a typo
        (
            ["soort: 'vereniging' kennen we niet. Kies uit: sportaanbieder", "Soort ("],
            "sportaanbieder",
        ),
        (["Gemeente ("], "Zwole"),  # another
        (
            ["gemeente: 'Zwole' staat niet in regio.yml. Bedoel je 'Zwolle'?", "Gemeente ("],
            "Zwolle",
        ),
    ]:
        for text in shown:  # what is wrong, then the same question again
            screen.wait_for(text)
        screen.type(answer + "\n")
    assert screen.finish() == 0
    assert "Geschreven: partners/zwemclub-de-vliet.md" in screen.shown
    assert "Error" not in screen.shown
    text = (region / "partners" / "zwemclub-de-vliet.md").read_text(encoding="utf-8")
    assert 'naam: "Zwemclub De Vliet"' in text and 'gemeente: "Zwolle"' in text


@pytest.mark.parametrize(("key", "ended_by"), [("\x04", 0), ("\x03", -signal.SIGINT)])
def test_ctrl_d_or_ctrl_c_on_the_terminal_stops_with_one_dutch_line(
    tmp_path, terminal, key, ended_by
):
    region = make_region(tmp_path)
    screen = terminal(region, "nieuw-aanbod")
    screen.wait_for("Naam van het bestand")
    screen.type("boccia-kampen\n")
    screen.wait_for("Titel van het aanbod")
    for _press in range(3):
        # CPython's readline can miss a SIGINT that comes just before it waits for a key (the
        # terminal shows ^C, nothing happens); a person then presses again, and so do we
        screen.type(key)
        if screen.shows("Gestopt: er is niets geschreven.", timeout=10):
            break
    # Ctrl-C reaches make too, which then ends by that signal, quietly after a clean exit
    assert screen.finish() == ended_by, screen.shown
    assert "Gestopt: er is niets geschreven." in screen.shown
    assert "Error" not in screen.shown and "Traceback" not in screen.shown
    assert "make: ***" not in screen.shown
    assert not (region / "offers" / "boccia-kampen.yml").exists()
