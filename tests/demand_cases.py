"""Helpers for the demand tests: a register written next to a fixture region (never inside it),
and `make vraag-telling` run on it through the command line's own entry point."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

from conftest import TODAY
from sportwijzer.tools.cli import main

HEADER = "datum;gemeente;beperkingen;leeftijdsgroep;sport;uitkomst;aanbod;toelichting"
# A valid row for tests/fixtures/regio-a (Zwolle, Kampen, Olst-Wijhe; offer g-judo-zwolle).
VALID_ROW = "20-11-2026;Kampen;autisme;kind;judo;gematcht;g-judo-zwolle;Zoekt een kleine groep"
BEPERKINGEN = (
    "lichamelijk, rolstoel, visueel, auditief, verstandelijk, chronisch, psychisch, autisme, nah"
)
NOTHING_WRITTEN = "Er is niets geschreven: verbeter het register en probeer het opnieuw."


def csv_bytes(rows: list[str], header: str = HEADER, bom: bool = False, encoding="utf-8") -> bytes:
    """A register as Excel saves it: CRLF line ends, optionally a BOM."""
    text = "\r\n".join([header, *rows]) + "\r\n"
    return (codecs.BOM_UTF8 if bom else b"") + text.encode(encoding)


def register(tmp_path: Path, content: bytes, name: str = "vragen.csv") -> Path:
    """The register in a folder of its own beside the region, as on the desk's computer."""
    path = tmp_path / "loket" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def telling(region: Path, bron: Path | str, *extra: str) -> tuple[int, list[str]]:
    """`make vraag-telling BRON=...` on `region`: the exit code and the lines printed."""
    out = io.StringIO()
    args = ["vraag-telling", "--root", str(region), "--vandaag", TODAY.isoformat(), *extra]
    code = main([*args, "--bron", str(bron)], out)
    return code, out.getvalue().splitlines()


def problems_for(region: Path, tmp_path: Path, rows: list[str], **kwargs) -> list[str]:
    """The problem lines for a CSV register with `rows` (the summary lines left out)."""
    code, lines = telling(region, register(tmp_path, csv_bytes(rows, **kwargs)))
    assert code == 1 and lines[-1] == NOTHING_WRITTEN, lines
    assert not (region / "vragen").exists()
    return lines[:-2]
