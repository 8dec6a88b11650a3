"""Load, validate and assemble a whole region: the entry point for the build and `make check`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base.dates import today_in_amsterdam
from .base.gc_pause import collector_paused
from .base.problems import Problem, errors
from .base.vocabulary import Vocabulary
from .check.datakinds import (
    DATA_FOLDERS,
    DEMAND,
    EVENTS,
    OFFERS,
    PARTNERS,
    check_all_kinds,
    read_all_kinds,
)
from .check.example_values import example_value_problems, settle_example_values
from .check.invulhulp import settle_placeholders
from .check.link_checks import link_problems
from .check.load import SourceFile, read_page_front_matter, read_yaml_file
from .check.markup_checks import content_markup_problems, data_markup_problems
from .check.place_agreement import region_geography
from .check.prose import prose_problems
from .check.schema import schema_problems
from .check.stray import stray_files
from .check.symlinks import symlink_problems
from .check.toolkit_load import load_toolkit
from .check.validate import (
    REGION_CHECKS,
    Context,
    duplicate_titles,
    region_centres,
    region_places,
    run_checks,
)
from .check.vocabulary_load import load_plain_words, load_vocabulary
from .model import assemble
from .model.objects import Site, event_order

REGIO_FILE = "regio.yml"
OFFERS_DIR = OFFERS.folder
PARTNERS_DIR = PARTNERS.folder
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


@collector_paused
def load_site(root: Path | str, today: dt.date | None = None) -> LoadResult:
    """Read every data file under `root`; report every problem; build the model if no error."""
    root = Path(root)
    today = today or today_in_amsterdam()
    vocabulary, problems = load_vocabulary(root)
    toolkit, more, toolkit_files = load_toolkit(root)
    problems += more
    regio_source, more = _read_regio(root)
    problems += more
    ctx = Context(vocabulary, today, root=root)
    if regio_source.document is not None:
        ctx.gemeenten = region_centres(regio_source.document.data)
        ctx.plaatsen = region_places(regio_source.document.data)
        ctx.geography = region_geography(regio_source.document.data)
    found, more = read_all_kinds(root, vocabulary.suggest)
    problems += more
    partner_sources, offer_sources = found[PARTNERS.name], found[OFFERS.name]
    ctx.partners = {source.slug for source in partner_sources}
    problems += _content_problems(root) + content_markup_problems(root)
    problems += data_markup_problems(root, found)
    plain_words, more = load_plain_words(root)
    problems += more + prose_problems(root, found, plain_words)
    problems += stray_files(root, DATA_FOLDERS)
    problems += [p for p in symlink_problems(root, DATA_FOLDERS) if p not in problems]
    problems += run_checks(REGION_CHECKS, regio_source, ctx)
    problems += check_all_kinds(found, ctx)
    problems += duplicate_titles(offer_sources)
    problems += link_problems(root, found)
    data_sources = [source for sources in found.values() for source in sources]
    problems = settle_placeholders(problems, [regio_source, *data_sources])
    problems = settle_example_values(problems, example_value_problems(root, found))
    checked = 1 + len(data_sources) + toolkit_files
    if errors(problems):
        return LoadResult(None, problems, checked)
    site = _assemble(regio_source, found, vocabulary, today)
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


def _assemble(
    regio_source: SourceFile,
    found: dict[str, list[SourceFile]],
    vocabulary: Vocabulary,
    today: dt.date,
) -> Site:
    assert regio_source.document is not None
    region = assemble.regio(_data(regio_source))
    partners = {
        s.slug: assemble.partner(s.slug, _data(s), s.body, s.path, region)
        for s in found[PARTNERS.name]
    }
    context = (region, vocabulary, partners)
    offers = {
        s.slug: assemble.aanbod(s.slug, _data(s), s.path, context, today)
        for s in found[OFFERS.name]
    }
    for offer in sorted(offers.values(), key=lambda o: o.titel.lower()):
        if offer.is_published:
            offer.aanbieder.aanbod.append(offer)
    events = {
        s.slug: assemble.evenement(s.slug, _data(s), s.path, context, today)
        for s in found[EVENTS.name]
    }
    for event in sorted(events.values(), key=event_order):
        if not event.voorbij:
            event.organisator.evenementen.append(event)
    telling = next((_data(s) for s in found[DEMAND.name]), None)
    return Site(region, vocabulary, partners, offers, today, evenementen=events, telling=telling)


def _data(source: SourceFile) -> dict[str, Any]:
    """The fields as the schema saw them (a date in a text field is text)."""
    assert source.document is not None
    fields: dict[str, Any] = source.document.fields  # the schema passed: an object
    return fields
