"""Read and check toolkit/*.yml: each file against its schema, and every page it links to.

Like lijsten/, the toolkit is product data beside the region's own data. A repository without a
toolkit/ folder has no toolkit lists; with the folder, every file must be there.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..base.problems import Problem, field_problem
from ..base.toolkit import Geldbron, Indicator, Onderdeel, Pagina, Succesfactor, Toolkit
from .load import read_front_matter_file, read_yaml_file
from .schema import schema_problems
from .yamlread import Document

TOOLKIT_DIR = "toolkit"
CONTENT_DIR = "content"  # the site's pages (docs_dir in mkdocs.yml)
KINDS = ("checklists", "succesfactoren", "meerkamp", "indicatoren", "financiering")


def toolkit_file(kind: str) -> str:
    return f"{TOOLKIT_DIR}/{kind}.yml"


def load_toolkit(root: Path) -> tuple[Toolkit, list[Problem], int]:
    """The toolkit, every problem in it, and how many files were read."""
    if not (root / TOOLKIT_DIR).is_dir():
        return Toolkit(), [], 0
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    for kind in KINDS:
        document, more = read_yaml_file(root, toolkit_file(kind))
        if document is not None:
            more += schema_problems(kind, document, toolkit_file(kind))
        if document is not None and not more:  # a link is only checked once it is well written
            more += _page_problems(root, document, toolkit_file(kind))
        problems += more
        data[kind] = None if more or document is None else document.data
    if problems:
        return Toolkit(), problems, len(KINDS)
    return _assemble(root, data), [], len(KINDS)


def _page_problems(root: Path, document: Document, path: str) -> list[Problem]:
    """Every 'pagina' must be a page in content/."""
    if not isinstance(document.data, dict):
        return []
    problems = []
    for key, entry in document.data.items():
        pad = entry.get("pagina") if isinstance(entry, dict) else None
        if isinstance(pad, str) and not _is_page(root, pad):
            line = document.line((key, "pagina"))
            problems.append(field_problem(path, line, f"{key}.pagina", _no_page(root, pad)))
    return problems


def _is_page(root: Path, pad: str) -> bool:
    full = root / CONTENT_DIR / pad
    return ".." not in Path(pad).parts and full.is_file() and not full.is_symlink()


def _no_page(root: Path, pad: str) -> str:
    pages = sorted(
        str(p.relative_to(root / CONTENT_DIR)) for p in (root / CONTENT_DIR).rglob("*.md")
    )
    close = difflib.get_close_matches(pad, pages, n=1, cutoff=0.6)
    guess = f" Bedoel je '{close[0]}'?" if close else ""
    return (
        f"de pagina '{pad}' bestaat niet.{guess} "
        f"Schrijf het pad van een pagina in {CONTENT_DIR}/, zoals 'toolkit/financiering.md'"
    )


def _pagina(root: Path, pad: str) -> Pagina:
    """The linked page with its title (from its front matter) and its address on the site."""
    source, _ = read_front_matter_file(root, f"{CONTENT_DIR}/{pad}")
    fields = source.document.data if source and source.document else {}
    titel = fields.get("title") if isinstance(fields, dict) else None
    return Pagina(pad, str(titel or Path(pad).stem), page_url(pad))


def page_url(pad: str) -> str:
    """'toolkit/financiering.md' -> 'toolkit/financiering/'; 'toolkit/index.md' -> 'toolkit/'."""
    stem = pad.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _assemble(root: Path, data: dict[str, Any]) -> Toolkit:
    factoren = [
        Succesfactor(key, n, e["naam"], tuple(e["tips"]), e["bespreek"], _optional(root, e))
        for n, (key, e) in enumerate(data["succesfactoren"].items(), start=1)
    ]
    onderdelen = [
        Onderdeel(key, n, e["naam"], e["uitleg"], tuple(e["vragen"]), _pagina(root, e["pagina"]))
        for n, (key, e) in enumerate(data["meerkamp"].items(), start=1)
    ]
    indicatoren = [Indicator(k, e["naam"], e["voorbeeld"]) for k, e in data["indicatoren"].items()]
    geld = [
        Geldbron(k, e["naam"], e["toelichting"], e["vast"]) for k, e in data["financiering"].items()
    ]
    checklists = {key: tuple(punten) for key, punten in data["checklists"].items()}
    return Toolkit(checklists, factoren, onderdelen, indicatoren, geld)


def _optional(root: Path, entry: dict[str, Any]) -> Pagina | None:
    return _pagina(root, entry["pagina"]) if "pagina" in entry else None
