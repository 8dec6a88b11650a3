"""Where a build's processor time goes, by phase: `python bench/phases.py <site root> <out dir>`.

Runs one `mkdocs build` in this process with a stopwatch (processor time, not the wall clock)
around MkDocs' events and steps, and prints one JSON object: phase -> seconds. `make bench`
runs it for our synthetic region and for the bare Material site of as many pages, and prints
the two side by side. The phases overlap in one way only: Python's cycle collection ("gc") runs
inside the others and is counted in them too.
"""

from __future__ import annotations

import collections
import gc
import json
import logging
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
_START = time.process_time()

from mkdocs import plugins, utils  # noqa: E402
from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

mkdocs_build.load_config = load_config  # one name to put the stopwatch on
from mkdocs.structure import pages  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

# The phases, in the order a build meets them, as `make bench` prints them.
PHASES = (
    "start (Python, MkDocs, the theme)",
    "read mkdocs.yml, import the hook",
    "read the data, check it, plan the pages (on_config)",
    "add generated files (on_files)",
    "clear the output folder",
    "read pages (front matter)",
    "Markdown to HTML",
    "templates (Jinja)",
    "page events (search text, CSP, ...)",
    "write pages",
    "copy the theme's and other static files, open data",
    "sitemap.xml and 404 page",
    "late files: index, finder, minify (on_post_build)",
    "other",
    "total",
    "of which cycle collection (gc)",
)
_EVENTS = {
    "config": PHASES[2],
    "files": PHASES[3],
    "post_build": PHASES[12],
}
_PAGE_EVENTS = {"page_markdown", "page_content", "page_context", "post_page", "pre_page"}


def measure(root: Path, site_dir: Path) -> dict[str, float]:
    """Processor time per phase of one build of the site in `root`, written to `site_dir`."""
    spent: collections.Counter[str] = collections.Counter()
    started_gc = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started_gc[0] = time.process_time()
        else:
            spent[PHASES[-1]] += time.process_time() - started_gc[0]

    def timed(owner: object, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[phase] += time.process_time() - start

        setattr(owner, name, wrapper)

    run_event = plugins.PluginCollection.run_event

    def run_timed_event(self, name, item=None, **kwargs):
        start = time.process_time()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            phase = _EVENTS.get(name) or (PHASES[8] if name in _PAGE_EVENTS else None)
            if phase:
                spent[phase] += time.process_time() - start

    plugins.PluginCollection.run_event = run_timed_event
    timed(pages.Page, "read_source", PHASES[5])
    timed(pages.Page, "render", PHASES[6])
    timed(utils, "clean_directory", PHASES[4])
    timed(utils, "write_file", PHASES[9])
    timed(Files, "copy_static_files", PHASES[10])
    timed(mkdocs_build, "_build_theme_template", PHASES[11])
    timed(mkdocs_build, "load_config", PHASES[1])
    timed(mkdocs_build, "get_context", PHASES[7])  # the page's template context: a template step
    import jinja2

    page_template = [False]  # only the pages' templates: the sitemap's is counted apart
    render = jinja2.Template.render

    def render_timed(self, *args, **kwargs):
        if not page_template[0]:
            return render(self, *args, **kwargs)
        start = time.process_time()
        try:
            return render(self, *args, **kwargs)
        finally:
            spent[PHASES[7]] += time.process_time() - start

    jinja2.Template.render = render_timed
    build_page = mkdocs_build._build_page

    def build_page_flagged(*args, **kwargs):
        page_template[0] = True
        try:
            return build_page(*args, **kwargs)
        finally:
            page_template[0] = False

    mkdocs_build._build_page = build_page_flagged
    gc.callbacks.append(on_gc)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # thousands of data warnings
    os.chdir(root)
    begin = time.process_time()
    spent[PHASES[0]] = begin - _START
    config = mkdocs_build.load_config(site_dir=str(site_dir))
    mkdocs_build.build(config)
    total = time.process_time() - _START
    spent["total"] = total
    spent["other"] = total - sum(spent[phase] for phase in PHASES[:13])
    return {phase: spent[phase] for phase in PHASES}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())))
