"""MkDocs hooks: the only file that imports mkdocs. It calls the `sportwijzer` core, no more.

The package must be imported at the top: MkDocs puts this folder on sys.path only while it
imports this file.
"""

from __future__ import annotations

import gc
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from sportwijzer.base.problems import summary
from sportwijzer.build.csp import SitePolicy, site_policy
from sportwijzer.build.front_matter import escape_front_matter
from sportwijzer.build.outputs import extra_files, write_late_files
from sportwijzer.build.pages import all_pages, block_cache_hits, overview_links
from sportwijzer.finder.page_text import searchable_page
from sportwijzer.site import load_site

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("sportwijzer")

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate the region; stop the build with every problem listed."""
    result = load_site(Path(config.config_file_path).parent)
    for problem in sorted(result.problems):
        (log.error if problem.is_error else log.info)(problem.format())
    if result.site is None:
        raise PluginError(summary(result.problems, result.files_checked))
    _state["site"] = result.site
    _state["csp"] = site_policy(config.theme.dirs, config.extra["kaart"]["tegels"], config.repo_url)
    _state["base_url"] = base_url = config.site_url or ""
    _state["pages"] = {page.src_uri: page for page in all_pages(result.site, base_url)}
    _state["content"] = []
    config.site_name = html.escape(f"Sportwijzer {result.site.regio.naam}")
    gc.freeze()  # the loaded site lives as long as the build: cycle collection leaves it alone
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, the open data and the browser libraries."""
    for page in _state["pages"].values():
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
        file.edit_uri = page.edit_uri
        files.append(file)
    for path, content in extra_files(_state["site"], _state["base_url"]).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Templates read the site (region, desk, sample-data flag) and the overview links."""
    env.globals["sportwijzer"] = _state["site"]
    env.globals["sportwijzer_links"] = overview_links(_state["site"])
    escape_front_matter(files.documentation_pages())
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give a generated page the objects its template shows."""
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        context.update(generated.template_context())
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep each hand-written page's rendered text for the site's search."""
    if page.file.generated_by is None:
        found = searchable_page(page.url, page.meta, page.title, html)
        _state["content"].extend([found] if found else [])
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """The text index (with the pages' text) and the finder's files, written to the site."""
    write_late_files(Path(config.site_dir), _state["site"], _state["content"])
    log.info(f"blokcache: {block_cache_hits(_state['pages'].values())} keer hergebruikt")
    gc.unfreeze()  # make serve builds again in this process: the old site may then go


def on_post_page(output: str, page: Page | None, config: MkDocsConfig) -> str:
    """Every page, and the 404 page below, gets its Content-Security-Policy."""
    return cast(SitePolicy, _state["csp"]).apply(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    html = template_name.endswith(".html")
    return on_post_page(output, None, config) if html else output
