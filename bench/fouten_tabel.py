"""`python bench/fouten_tabel.py`: everyday mistakes and the exact lines `make check` gives.

Each mistake is made alone in a temporary copy of the demo region and undone before the next. The
copy is a git checkout whose branch main holds the demo, so the checks that compare with the main
branch see a new event file or a deleted offer as a pull request would. Only the lines a mistake
adds are shown (the demo's own warnings, such as offers not checked for a year, are left out).
Prints a Markdown table, for the closing note of issue #24; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sportwijzer.base.dates import today_in_amsterdam  # noqa: E402
from sportwijzer.base.git_state import forget  # noqa: E402
from sportwijzer.base.problems import sorted_problems  # noqa: E402
from sportwijzer.site import load_site  # noqa: E402

# What load_site reads; the rest of the site is not needed to check the data.
REGION = ("regio.yml", "mkdocs.yml", "lijsten", "toolkit", "content")
REGION += ("offers", "partners", "agenda", "vragen")

# The demo's files the mistakes are made in (chosen for what they hold; see each mistake).
OFFER = "offers/zwemmen-de-spetters-zwolle.yml"  # Zwolle, a block description, tijden, contact
PARTNER = "partners/de-spetters.md"  # named by four offers
EVENT = "agenda/clinic-judo-kampen.yml"  # flow-style tijd, no aanmelden


class Copy:
    """The demo region in a temporary git checkout; every change is written down to undo it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.journal: list[tuple[str, bytes | None]] = []

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str | bytes) -> None:
        path = self.root / relative
        self.journal.append((relative, path.read_bytes() if path.exists() else None))
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        path.write_bytes(data)

    def delete(self, relative: str) -> None:
        self.journal.append((relative, (self.root / relative).read_bytes()))
        (self.root / relative).unlink()

    def replace(self, relative: str, old: str, new: str) -> None:
        """Replace the first `old` (a regular expression at the start of a line) with `new` (which
        may name what it matched: \\g<0>)."""
        text = self.read(relative)
        changed = re.sub(rf"(?m)^{old}", new, text, count=1)
        if changed == text:
            raise SystemExit(f"{relative}: '{old}' staat er niet in; pas bench/fouten_tabel.py aan")
        self.write(relative, changed)

    def undo(self) -> None:
        for relative, data in reversed(self.journal):
            path = self.root / relative
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        self.journal.clear()


@dataclass(frozen=True)
class Mistake:
    """A mistake as a coordinator would describe it, and how to make it in the copy."""

    name: str
    make: Callable[[Copy, dt.date], None]
    from_issue: bool = False
    fine: str = ""  # why no line is right here (the file is read as meant)


def in_description(copy: Copy, relative: str, *lines: str) -> None:
    """Add lines (and a blank line before them) at the end of the file's block description."""
    text = copy.read(relative).splitlines(keepends=True)
    start = next(i for i, line in enumerate(text) if line.startswith("beschrijving: |"))
    end = next(
        (i for i in range(start + 1, len(text)) if text[i].strip() and text[i][:1] != " "),
        len(text),
    )
    added = ["\n"] + [f"  {line}\n" for line in lines]
    copy.write(relative, "".join(text[:end] + added + text[end:]))


def lost_indentation(copy: Copy, _: dt.date) -> None:
    """The description's lines after its first one lose their two spaces."""
    text = copy.read(OFFER).splitlines(keepends=True)
    start = next(i for i, line in enumerate(text) if line.startswith("beschrijving: |"))
    end = next(i for i in range(start + 1, len(text)) if text[i].strip() and text[i][:1] != " ")
    lost = [line.removeprefix("  ") for line in text[start + 2 : end]]
    copy.write(OFFER, "".join(text[: start + 2] + lost + text[end:]))


def copied_example(copy: Copy, _: dt.date) -> None:
    text = copy.read("offers/_voorbeeld.yml")
    text = re.sub(r"(?m)^titel: .*$", "titel: Zwemmen op zaterdag", text, count=1)
    text = re.sub(r"(?m)^aanbieder: .*$", "aanbieder: de-spetters", text, count=1)
    copy.write("offers/zwemmen-op-zaterdag.yml", text)


def event_last_year(copy: Copy, today: dt.date) -> None:
    """A new event file whose date was typed with last year's number."""
    meant = today + dt.timedelta(days=75)
    typed = meant.replace(year=meant.year - 1)
    text = re.sub(r"(?m)^datum: .*$", f"datum: {typed.isoformat()}", copy.read(EVENT), count=1)
    text = re.sub(r"(?m)^titel: .*$", "titel: Judoclinic in het voorjaar", text, count=1)
    copy.write("agenda/judoclinic-voorjaar-kampen.yml", text)


def deadline_passed(copy: Copy, today: dt.date) -> None:
    """An event still to come whose registration closed three days ago."""
    copy.replace(EVENT, r"datum: .*", f"datum: {(today + dt.timedelta(days=20)).isoformat()}")
    past = (today - dt.timedelta(days=3)).isoformat()
    copy.write(
        EVENT, copy.read(EVENT) + f"aanmelden: {{email: judo@example.org, uiterlijk: {past}}}\n"
    )


def missing_closing_line(copy: Copy, _: dt.date) -> None:
    lines = copy.read(PARTNER).splitlines(keepends=True)
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    copy.write(PARTNER, "".join(lines[:closing] + lines[closing + 1 :]))


def same_slug_twice(copy: Copy, _: dt.date) -> None:
    copy.write(OFFER.replace(".yml", ".yaml"), copy.read(OFFER))


def field(old: str, new: str, relative: str = OFFER) -> Callable[[Copy, dt.date], None]:
    """A mistake made by replacing the line that starts with `old` (a regular expression)."""
    return lambda copy, _: copy.replace(relative, old, new)


def pasted(*lines: str) -> Callable[[Copy, dt.date], None]:
    return lambda copy, _: in_description(copy, OFFER, *lines)


def whole_file(change: Callable[[str], str]) -> Callable[[Copy, dt.date], None]:
    return lambda copy, _: copy.write(OFFER, change(copy.read(OFFER)))


ISSUE = [
    Mistake(name, make, from_issue=True)
    for name, make in [
        ("het voorbeeld gekopieerd, alleen titel en aanbieder veranderd", copied_example),
        (
            "coördinaten in Duitsland",
            field(r"  coordinaten: .*", "  coordinaten: [52.2833, 7.4400]"),
        ),
        (
            "coördinaten in een andere gemeente (Kampen, bij gemeente Zwolle)",
            field(r"  coordinaten: .*", "  coordinaten: [52.5550, 5.9114]"),
        ),
        (
            "coördinaten omgedraaid (lengtegraad eerst)",
            field(r"  coordinaten: .*", "  coordinaten: [6.1008, 52.5062]"),
        ),
        (
            "plaats van een andere gemeente (Wezep bij Zwolle)",
            field(r"  plaats: .*", "  plaats: Wezep"),
        ),
        (
            "postcode van de andere kant van het land",
            field(r"  postcode: .*", "  postcode: 5611 AB"),
        ),
        ("activiteit met het jaartal van vorig jaar (nieuw bestand)", event_last_year),
        ("aanmelden kan niet meer (uiterlijk is voorbij)", deadline_passed),
        (
            "geplakte iframe (video)",
            pasted('<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'),
        ),
        (
            "geplakte HTML-tabel",
            pasted("<table>", "<tr><td>zaterdag</td><td>09.00 uur</td></tr>", "</table>"),
        ),
        ("plaatje van een andere site", pasted("![Het bad](https://example.org/bad.jpg)")),
        ("partnerpagina zonder afsluitende ---", missing_closing_line),
        ("sport die niet in de lijst staat", field("sport: .*", "sport: rolstoeltafeltennis")),
        ("inspringing kwijt in de beschrijving", lost_indentation),
        ("gepubliceerd aanbod verwijderd", lambda copy, _: copy.delete(OFFER)),
        (
            "oude naam die een ander bestand al heeft",
            field("titel: .*", "vorige_namen: [boccia-heino]\n\\g<0>"),
        ),
    ]
]

EVERYDAY = [
    Mistake(
        "een regel van de beschrijving verder ingesprongen",
        pasted("", "    Neem een handdoek mee."),
    ),
    Mistake("HTML voor vet en een nieuwe regel", pasted("Neem <b>een handdoek</b> mee.<br>")),
    Mistake("dag als 'zaterdags'", field(r"  - dag: .*", "  - dag: zaterdags")),
    Mistake("tijd als '9u'", field(r"    van: .*", "    van: 9u")),
    Mistake("tijd met een punt: 9.30", field(r"    van: .*", "    van: 9.30")),
    Mistake("e-mailadres zonder @", field(r"  email: .*", "  email: spetters.example.org")),
    Mistake("prijs als 'gratis!'", field(r"  bedrag: .*", "  bedrag: gratis!")),
    Mistake(
        "website zonder https://", field(r"  website: .*", "  website: www.example.org/spetters")
    ),
    Mistake("leeftijd als '8 tot 12'", field("leeftijd: .*", "leeftijd: 8 tot 12")),
    Mistake("twee bestanden met dezelfde naam (.yml en .yaml)", same_slug_twice),
    Mistake(
        "Windows-regeleinden (CRLF)",
        whole_file(lambda text: text.replace("\n", "\r\n")),
        fine="wordt gelezen zoals bedoeld",
    ),
    Mistake(
        "een BOM aan het begin (Kladblok)",
        whole_file(lambda text: "\ufeff" + text),
        fine="wordt gelezen zoals bedoeld",
    ),
    Mistake("krullende aanhalingstekens uit Word", field("titel: (.*)", "titel: “\\1”")),
    Mistake(
        "telefoonnummer zonder aanhalingstekens",
        field(r"  telefoon: .*", "  telefoon: 0387654321", PARTNER),
    ),
    Mistake("veld 'beperking' in plaats van 'beperkingen'", field("beperkingen:", "beperking:")),
    Mistake("beperking 'blind'", field("beperkingen: .*", "beperkingen: [blind]")),
    Mistake("gemeente met een tikfout (Zwole)", field(r"  gemeente: .*", "  gemeente: Zwole")),
    Mistake(
        "datum als 14-09-2026",
        field("laatst_gecontroleerd: .*", "laatst_gecontroleerd: 14-09-2026"),
    ),
    Mistake("tab als inspringing", field(r"  naam: ", "\tnaam: ")),
    Mistake("# in een adres (Vlietweg #4)", field(r"  adres: .*", "  adres: Hortensiastraat #40")),
    Mistake("dubbele punt in een tekst", field("titel: .*", "titel: Zwemmen: voor iedereen")),
    Mistake("aanbieder met een tikfout", field("aanbieder: .*", "aanbieder: de-speters")),
    Mistake("status 'gestopped'", field("titel: .*", "\\g<0>\nstatus: gestopped")),
    Mistake("naam die met 't begint", field(r"  naam: .*", "  naam: 't Zwembad")),
    Mistake("bedrag als '€ 5,-'", field(r"  bedrag: .*", "  bedrag: € 5,-")),
    Mistake(
        "activiteit eindigt voor ze begint",
        field("tijd: .*", 'tijd: {van: "16:00", tot: "14:00"}', EVENT),
    ),
]


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def demo_copy(target: Path) -> Copy:
    """The demo region in `target`, committed on branch main."""
    for name in REGION:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "demo")
    return Copy(target)


def check_lines(root: Path, today: dt.date) -> list[str]:
    forget()  # the files on main are read again for every mistake
    return [problem.format() for problem in sorted_problems(load_site(root, today=today).problems)]


SHOWN_LINES = 3  # a mistake with more lines (the copied example) shows its first three


def cell(mistake: Mistake, lines: list[str]) -> str:
    """Lines in one table cell: Markdown and HTML in them shown as text."""
    if not lines:
        return f"*geen regel* ({mistake.fine})" if mistake.fine else "*geen regel*"
    more = len(lines) - SHOWN_LINES
    lines = lines[:SHOWN_LINES] + ([f"… en nog {more} regels zoals deze"] if more > 0 else [])
    escaped = [
        line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in lines
    ]
    return "<br>".join(re.sub(r"([\\`*_\[\]|])", r"\\\1", line) for line in escaped)


def main() -> None:
    today = today_in_amsterdam()
    rows = []
    with tempfile.TemporaryDirectory(prefix="fouten-tabel-") as folder:
        copy = demo_copy(Path(folder))
        baseline = set(check_lines(copy.root, today))
        for mistake in ISSUE + EVERYDAY:
            mistake.make(copy, today)
            rows.append((mistake, [x for x in check_lines(copy.root, today) if x not in baseline]))
            copy.undo()
    print(f"Fouten en de regel die `make check` geeft (demo-regio, {today.isoformat()})\n")
    print("| # | fout | uit issue #24 | regel(s) van make check |")
    print("| ---: | --- | --- | --- |")
    for number, (mistake, lines) in enumerate(rows, start=1):
        issue = "ja" if mistake.from_issue else ""
        print(f"| {number} | {mistake.name} | {issue} | {cell(mistake, lines)} |")
    errors = sum(1 for _, lines in rows if any(": let op: " not in line for line in lines))
    silent = sum(1 for mistake, lines in rows if not lines and not mistake.fine)
    fine = sum(1 for mistake, lines in rows if not lines and mistake.fine)
    print(
        f"\n{len(rows)} fouten: {errors} met een fout (de pull request kan niet samengevoegd "
        f"worden), {len(rows) - errors - silent - fine} alleen met een waarschuwing, "
        f"{fine} terecht zonder regel, {silent} zonder regel."
    )


if __name__ == "__main__":
    main()
