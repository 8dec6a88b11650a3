"""Load, validate and assemble a whole region: the entry point for the build and `make check`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import assemble
from .invulhulp import settle_placeholders
from .load import (
    OFFER_SUFFIXES,
    PARTNER_SUFFIXES,
    SourceFile,
    discover,
    read_front_matter_file,
    read_page_front_matter,
    read_yaml_file,
)
from .model import Site
from .problems import Problem, errors
from .schema import schema_problems
from .stray import stray_files
from .toolkit_load import load_toolkit
from .validate import (
    OFFER_RULES,
    PARTNER_RULES,
    REGION_RULES,
    Context,
    duplicate_titles,
    region_centres,
    region_places,
    run_rules,
)
from .vocabulary import Vocabulary, load_vocabulary

REGIO_FILE = "regio.yml"
OFFERS_DIR = "offers"
PARTNERS_DIR = "partners"
CONTENT_DIR = "content"  # the hand-written pages (docs_dir in mkdocs.yml)


@dataclass
class LoadResult:
    """The site (None when there are errors), every problem, and how many files were read."""

    site: Site | None
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def load_site(root: Path | str, today: dt.date | None = None) -> LoadResult:
    """Read every data file under `root`; report every problem; build the model if no error."""
    root = Path(root)
    today = today or dt.date.today()
    vocabulary, problems = load_vocabulary(root)
    toolkit, more, toolkit_files = load_toolkit(root)
    problems += more
    regio_source, more = _read_regio(root)
    problems += more
    ctx = Context(vocabulary, today)
    if regio_source.document is not None:
        ctx.gemeenten = region_centres(regio_source.document.data)
        ctx.plaatsen = region_places(regio_source.document.data)
    partner_sources, more = _read_all(root, PARTNERS_DIR, PARTNER_SUFFIXES, "partner", ctx)
    problems += more
    ctx.partners = {source.slug for source in partner_sources}
    offer_sources, more = _read_all(root, OFFERS_DIR, OFFER_SUFFIXES, "offer", ctx)
    problems += more
    problems += _content_problems(root)
    problems += stray_files(root, {OFFERS_DIR, PARTNERS_DIR})
    problems += run_rules(REGION_RULES, regio_source, ctx)
    for source in partner_sources:
        problems += run_rules(PARTNER_RULES, source, ctx)
    for source in offer_sources:
        problems += run_rules(OFFER_RULES, source, ctx)
    problems += duplicate_titles(offer_sources)
    problems = settle_placeholders(problems, [regio_source, *partner_sources, *offer_sources])
    checked = 1 + len(partner_sources) + len(offer_sources) + toolkit_files
    if errors(problems):
        return LoadResult(None, problems, checked)
    site = _assemble(regio_source, partner_sources, offer_sources, vocabulary, today)
    site.toolkit = toolkit
    return LoadResult(site, problems, checked)


def _content_problems(root: Path) -> list[Problem]:
    """Front matter of the hand-written pages that YAML cannot read. MkDocs would publish such a
    page with its front matter as text and say nothing, even with --strict."""
    folder = root / CONTENT_DIR
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        with path.open(encoding="utf-8", errors="replace") as file:
            if file.read(3) != "---":
                continue
        problems += read_page_front_matter(root, path.relative_to(root).as_posix())
    return problems


def _read_regio(root: Path) -> tuple[SourceFile, list[Problem]]:
    document, problems = read_yaml_file(root, REGIO_FILE)
    if document is not None:
        problems += schema_problems("regio", document, REGIO_FILE)
    return SourceFile(REGIO_FILE, "regio", document), problems


def _read_all(
    root: Path, folder: str, suffixes: tuple[str, ...], kind: str, ctx: Context
) -> tuple[list[SourceFile], list[Problem]]:
    """Read and schema-check every file in `folder`; files that could not be read are left out."""
    paths, problems = discover(root, folder, suffixes)
    sources: list[SourceFile] = []
    suggest = ctx.vocabulary.suggest
    for relative in paths:
        if kind == "partner":
            source, more = read_front_matter_file(root, relative)
        else:
            document, more = read_yaml_file(root, relative)
            source = SourceFile(relative, Path(relative).stem, document)
        problems += more
        if source is None:
            continue
        if source.document is not None:
            problems += schema_problems(kind, source.document, relative, suggest)
        sources.append(source)
    return sources, problems


def _assemble(
    regio_source: SourceFile,
    partner_sources: list[SourceFile],
    offer_sources: list[SourceFile],
    vocabulary: Vocabulary,
    today: dt.date,
) -> Site:
    assert regio_source.document is not None
    region = assemble.regio(_data(regio_source))
    partners = {
        s.slug: assemble.partner(s.slug, _data(s), s.body, s.path, region) for s in partner_sources
    }
    offers = {
        s.slug: assemble.aanbod(s.slug, _data(s), s.path, (region, vocabulary, partners), today)
        for s in offer_sources
    }
    for offer in sorted(offers.values(), key=lambda o: o.titel.lower()):
        if offer.gepubliceerd:
            offer.aanbieder.aanbod.append(offer)
    return Site(region, vocabulary, partners, offers, today)


def _data(source: SourceFile) -> dict:
    """The fields as the schema saw them (a date in a text field is text)."""
    assert source.document is not None
    return source.document.fields
