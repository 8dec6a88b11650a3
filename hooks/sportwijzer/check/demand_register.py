"""The desk's register of questions (outside git), read and checked row by row.

The register is an Excel file (.xlsx), a CSV as Excel saves it (separator ';' or ',', UTF-8 with
or without BOM, or Windows-1252), or a folder of YAML records (vragen/<naam>.yml as they used to
be in git). Columns are found by their header, in any order and any case. Only the columns of
the contract are read (datum, gemeente, beperkingen, leeftijdsgroep, sport, uitkomst, aanbod);
'toelichting' and every other column are the desk's own notes: never read, never copied.

Each row is checked with the rules of a question (demand_rules, the schema vragen.schema.json),
and a problem names the register, the row as Excel numbers it (the header is row 1) and the
column: "vragen.csv:14: kolom 'gemeente': 'Zwole' staat niet in regio.yml. Bedoel je ...".
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.problems import Problem
from .demand_checks import DEMAND_CHECKS, demand_offer_problems, screen
from .load import SourceFile, discover, read_yaml_file
from .schema import schema_problems
from .validate import Context, run_checks
from .yamlread import Document

COLUMNS = ("datum", "gemeente", "beperkingen", "leeftijdsgroep", "sport", "uitkomst", "aanbod")
REQUIRED = ("datum", "gemeente", "beperkingen", "leeftijdsgroep")
LOWERCASE = ("beperkingen", "leeftijdsgroep", "sport", "uitkomst", "aanbod")
MAX_BYTES = 50_000_000
MAX_ROWS = 200_000
_DUTCH_DATE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
_KINDS = "een Excel-bestand (.xlsx), een CSV-bestand (.csv) of een map met vragen in YAML"


@dataclass
class Register:
    """The rows of a register that could be read, and every problem found in it."""

    rows: list[SourceFile]
    problems: list[Problem]


def read_register(path: Path, ctx: Context, offers: set[str]) -> Register:
    """Every row of the register at `path`, checked; problems name the register by its name."""
    name = path.name or str(path)
    if path.is_dir():
        rows, problems = _read_folder(path, ctx)
    else:
        table, problems = _read_table(path, name)
        rows, more = _check_table(table, name, ctx) if table is not None else ([], [])
        problems += more
    more = demand_offer_problems(rows, offers)
    if not path.is_dir():
        more = [_in_table(problem, problem.line or 1) for problem in more]
    return Register(rows, problems + more)


# --- a folder of YAML records -----------------------------------------------------------------


def _read_folder(folder: Path, ctx: Context) -> tuple[list[SourceFile], list[Problem]]:
    """Records in today's YAML form, one file a question; only the contract's fields are read."""
    paths, problems = discover(folder.parent, folder.name, (".yml", ".yaml"))
    rows = []
    for relative in paths:
        document, more = read_yaml_file(folder.parent, relative)
        problems += more
        if document is None:
            continue
        if isinstance(document.data, dict):
            document.data = {k: v for k, v in document.data.items() if k in COLUMNS}
        row, more = _check_row(document, relative, ctx)
        rows.append(row)
        problems += more
    return rows, problems


# --- a table: .xlsx or .csv -------------------------------------------------------------------

Table = list[tuple[int, list[str]]]  # (row number as Excel shows it, the cells as text)


def _read_table(path: Path, name: str) -> tuple[Table | None, list[Problem]]:
    """The rows of the first sheet, or of the CSV file, as text; or why it cannot be read."""
    if not path.is_file():
        return None, [Problem(name, None, f"register niet gevonden; geef {_KINDS}")]
    if path.stat().st_size > MAX_BYTES:
        return None, [Problem(name, None, "het register is groter dan 50 MB; is dit het goede?")]
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, name)
    if suffix == ".csv":
        return _read_csv(path.read_bytes(), name)
    if suffix in (".xls", ".ods", ".numbers"):
        return None, [Problem(name, None, _RESAVE.format(suffix=suffix))]
    return None, [Problem(name, None, f"dit soort bestand wordt niet gelezen; geef {_KINDS}")]


_RESAVE = (
    "bestanden van het type {suffix} worden niet gelezen; sla het register op als "
    "Excel-werkmap (.xlsx) of als CSV (gescheiden door puntkomma's)"
)


def _read_csv(raw: bytes, name: str) -> tuple[Table | None, list[Problem]]:
    """CSV as Excel saves it: UTF-8 (with or without BOM) or Windows-1252, ';' or ','."""
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(number, row) for number, row in enumerate(reader, start=1)], []
    except csv.Error as error:
        return None, [Problem(name, reader.line_num, f"het CSV-bestand klopt niet: {error}")]


def _read_xlsx(path: Path, name: str) -> tuple[Table | None, list[Problem]]:
    """The first sheet of an Excel workbook, its dates as days (openpyxl, imported here only)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None, [Problem(name, None, _NOT_XLSX)]
    try:
        sheet = book.worksheets[0]
        table = [
            (number, [_cell_text(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except Exception:  # a damaged sheet: the desk reads a line, never a traceback
        return None, [Problem(name, None, _NOT_XLSX)]
    finally:
        book.close()
    return table, []


_NOT_XLSX = (
    "dit is geen Excel-werkmap die gelezen kan worden; open het in Excel en sla het opnieuw op"
)


def _cell_text(value: Any) -> str:
    """A cell as the desk sees it: a date as 2026-11-20, 12.0 as 12, empty as ''."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_table(table: Table, name: str, ctx: Context) -> tuple[list[SourceFile], list[Problem]]:
    """Find the columns by the header row, then check every row that is not empty."""
    rows = [(number, cells) for number, cells in table if any(c.strip() for c in cells)]
    if not rows:
        return [], [Problem(name, 1, _EMPTY)]
    (header_number, header), body = rows[0], rows[1:]
    columns, problems = _columns(header, name, header_number)
    if problems:
        return [], problems
    if len(body) > MAX_ROWS:
        return [], [Problem(name, None, f"het register heeft meer dan {MAX_ROWS} rijen")]
    checked: list[SourceFile] = []
    for number, cells in body:
        row, more = _check_row(_row_document(cells, columns, number), name, ctx, number)
        checked.append(row)
        problems += more
    return checked, problems


_EMPTY = (
    "het register is leeg; zet in de eerste rij de kolommen datum, gemeente, beperkingen, "
    "leeftijdsgroep, sport, uitkomst en aanbod, en daaronder één vraag per rij"
)


def _columns(header: list[str], name: str, line: int) -> tuple[dict[str, int], list[Problem]]:
    """Column name -> position, from the header row (any order, any case)."""
    names = [cell.strip().lower() for cell in header]
    columns: dict[str, int] = {}
    problems = []
    for index, column in enumerate(names):
        if column in COLUMNS and column in columns:
            problems.append(
                Problem(name, line, f"kolom '{column}' staat er twee keer; houd er één")
            )
        elif column in COLUMNS:
            columns[column] = index
    for column in REQUIRED:
        if column not in columns:
            close = difflib.get_close_matches(column, [n for n in names if n], n=1, cutoff=0.6)
            hint = f" Bedoel je '{header[names.index(close[0])].strip()}'?" if close else ""
            problems.append(Problem(name, line, _MISSING.format(column=column, hint=hint)))
    return columns, problems


_MISSING = (
    "kolom '{column}' ontbreekt.{hint} De eerste rij noemt de kolommen: datum, gemeente, "
    "beperkingen, leeftijdsgroep, en als je ze gebruikt sport, uitkomst, aanbod"
)


def _row_document(cells: list[str], columns: dict[str, int], number: int) -> Document:
    """One row as a record: the contract's columns that are filled in, each on the row's line."""
    document = Document({}, lines={(): number})
    for column, index in columns.items():
        text = cells[index].strip() if index < len(cells) else ""
        if not text:
            continue
        value: Any = text.lower() if column in LOWERCASE else text
        if column == "datum":
            value = _iso_day(text)
        elif column == "beperkingen":
            value = [part.strip().lower() for part in text.split(",") if part.strip()]
            for item, part in enumerate(p.strip() for p in text.split(",") if p.strip()):
                document.lines[(column, item)] = number
                document.written[(column, item)] = part
        elif column == "leeftijdsgroep" and text.isdigit():
            value = int(text)
        document.data[column] = value
        document.lines[(column,)] = number
        document.written[(column,)] = text
    return document


def _iso_day(text: str) -> str:
    """20-11-2026 (as Dutch Excel writes a day) becomes 2026-11-20; anything else stays."""
    match = _DUTCH_DATE.fullmatch(text)
    if match is None:
        return text
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


# --- one row ----------------------------------------------------------------------------------


def _check_row(
    document: Document, path: str, ctx: Context, row: int | None = None
) -> tuple[SourceFile, list[Problem]]:
    """The rules of a question on one row; in a table, 'veld' becomes 'kolom' and a missing
    value an empty cell on the row's line."""
    if not isinstance(document.data, dict):  # a YAML record that is a list or text
        source = SourceFile(path, Path(path).stem, document)
        return source, schema_problems("vragen", document, path)
    document, problems = screen(document, path)
    problems += schema_problems("vragen", document, path, ctx.vocabulary.suggest)
    source = SourceFile(path, f"{path}:{row}" if row else Path(path).stem, document)
    problems += run_checks(DEMAND_CHECKS, source, ctx)
    if row is not None:
        problems = [_in_table(problem, row) for problem in problems]
    return source, problems


def _in_table(problem: Problem, row: int) -> Problem:
    message = re.sub(r"^veld '([^']+)' ontbreekt", r"kolom '\1' is leeg", problem.message)
    message = re.sub(r"^veld '", "kolom '", message)
    return Problem(problem.path, row, message, problem.severity)
