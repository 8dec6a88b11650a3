"""`make serve [POORT=8001]`: the site on http://127.0.0.1:8000/, built again on every change.

MkDocs' own `mkdocs serve`, with its live-reload server, and four differences:
- it watches every data folder and regio.yml, the lists and the toolkit (sportwijzer.tools.preview);
- while the site cannot be built it shows, at every address, a Dutch page with the lines of
  `make check`, and loads the real page again by itself once they are fixed;
- a busy or refused port gets one Dutch line, no traceback, and exit code 1;
- after a change it renders only the generated pages whose input changed: a plugin of this
  module, added to the configuration of each build, turns MkDocs' dirty build into that
  (sportwijzer/preview.py explains how). A normal `mkdocs build` never loads this module.

Second of the two files that import mkdocs (the first is sportwijzer_hook.py); run it as
`python -m sportwijzer_serve` with hooks/ on PYTHONPATH.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from sportwijzer.base import git_state, reuse
from sportwijzer.base.dates import today_in_amsterdam
from sportwijzer.base.graph_digest import GraphDigest
from sportwijzer.site import load_site
from sportwijzer.tools import preview

HOST = "127.0.0.1"
log = logging.getLogger("mkdocs.sportwijzer.serve")


class PreviewPlugin(BasePlugin):
    """Added to each build's configuration by the preview: renders only what changed."""

    def __init__(self, session: preview.Preview, root: Path) -> None:
        super().__init__()
        self.session, self.root = session, root

    @event_priority(100)  # before the hook reads the data
    def on_config(self, config: Any) -> Any:
        """What every page may read besides its own data: when it changed, nothing kept holds."""
        inputs = [Path(config.config_file_path), Path(config.docs_dir), *_theme_dirs(config)]
        inputs += preview.shared_inputs(self.root)
        self.stamp = preview.fingerprint(inputs, today_in_amsterdam())
        if self.stamp != self.session.shared:
            reuse.forget()
            self.session.shared = self.stamp
        git_state.forget()  # a commit while the preview runs changes which files are new
        return config

    @event_priority(-100)  # after the hook's on_files, which adds the generated pages
    def on_files(self, files: Files, config: Any) -> Files:
        """Every generated page read from a file of its own, written again only when its input
        changed; the hand-written pages' HTML put aside, so that MkDocs reads them again."""
        state = _hook_state(config)
        if self.session.start(self.stamp, (f.src_uri for f in files)):
            utils.clean_directory(config.site_dir)
        shutil.rmtree(self.session.held, ignore_errors=True)
        digest, kept = GraphDigest(), []
        for file in files:
            page = state["pages"].get(file.src_uri) if file.generated_by else None
            if page is None:
                if file.is_documentation_page() and os.path.isfile(file.abs_dest_path):
                    held = self.session.held / file.src_uri
                    held.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(file.abs_dest_path, held)
                kept.append(file)
                continue
            key = preview.page_key(digest, page, state["site"].regio)
            path = self.session.page_source(file.src_uri, page.markdown(), key)
            kept.append(_from_file(config, file, path))
        return Files(kept)

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Keep what MkDocs read of a generated page, for the builds that do not read it."""
        if page.file.generated_by:
            self.session.read[page.file.src_uri] = (markdown, dict(page.meta))
        return markdown

    @event_priority(-100)  # after the hook's on_env, which gives the templates the site
    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """Templates compiled once per serve process, not once per build; the pages MkDocs did
        not read again get what it read before (the sitemap reads their front matter); the
        hand-written pages get their HTML back, newer than their source so that MkDocs leaves
        it, unless what they may show of the site changed."""
        env.bytecode_cache = _KeptTemplates(self.session.templates)
        for file in files.documentation_pages():
            kept = self.session.read.get(file.src_uri)
            if file.page is not None and file.page.markdown is None and kept is not None:
                file.page.markdown, file.page.meta = kept[0], dict(kept[1])
        site, links = env.globals["sportwijzer"], env.globals["sportwijzer_links"]
        key = preview.hand_written_key(GraphDigest(), site, links)
        same, self.session.hand_key = key == self.session.hand_key, key
        for file in files.documentation_pages():
            held = self.session.held / file.src_uri
            if same and file.generated_by is None and held.is_file():
                os.replace(held, file.abs_dest_path)
                os.utime(file.abs_dest_path)
        return env


def _hook_state(config: Any) -> dict[str, Any]:
    """What sportwijzer_hook.py made in this build (its _state): the site and generated pages."""
    for plugin in config.plugins.values():
        state = getattr(plugin, "_state", None)
        if isinstance(state, dict) and "pages" in state:
            return state
    raise RuntimeError(
        "de preview vindt de gemaakte pagina's niet: staat hooks/sportwijzer_hook.py in "
        "mkdocs.yml (hooks:), en bewaart die ze nog in _state['pages']?"
    )


def _theme_dirs(config: Any) -> list[Path]:
    """The theme folders that belong to the site (overrides/), not to an installed package."""
    custom = config.theme.custom_dir
    return [Path(custom)] if custom else []


def _from_file(config: Any, file: File, path: Path) -> File:
    generated = File.generated(config, file.src_uri, abs_src_path=str(path))
    generated.inclusion, generated.edit_uri = file.inclusion, file.edit_uri
    return generated


class _KeptTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory by template and source checksum."""

    def __init__(self, store: dict[str, tuple[str, object]]) -> None:
        self.store = store

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.store.get(bucket.key, ("", None))
        if checksum == bucket.checksum:
            bucket.code = code  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)


# --- the server ---------------------------------------------------------------------------------


class Preview:
    """One serve process: its folders, its memory between builds, and its builder."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port, self.url = root, port, f"http://{HOST}:{port}/"
        self.site_dir = Path(tempfile.mkdtemp(prefix="sportwijzer-site-"))
        (self.site_dir / preview.RELOAD_FILE).write_text(preview.RELOAD_SCRIPT, encoding="utf-8")
        self.session = preview.Preview(Path(tempfile.mkdtemp(prefix="sportwijzer-bron-")))
        self.config_file = root / "mkdocs.yml"
        self.failing = False  # the error page is up
        reuse.turn_on()

    def config(self) -> Any:
        config = load_config(
            config_file=str(self.config_file), site_dir=str(self.site_dir), site_url=self.url
        )
        config.plugins["sportwijzer-voorbeeld"] = PreviewPlugin(self.session, self.root)
        return config

    def build(self) -> None:
        """Build the site; when that fails, the error page at every address. Never raises."""
        try:
            build(self.config(), serve_url=self.url, dirty=True)
            self.failing = False
            made, total = self.session.rendered, len(self.session.keys)
            log.info(f"Klaar: {made} van de {total} pagina's uit de gegevens opnieuw gemaakt")
        except Exception as error:  # anything: the server must keep running and say why
            self.failing = True
            self.session.forget()
            lines = preview.failure_lines(load_site(self.root), str(error))
            utils.clean_directory(str(self.site_dir))
            page = self.site_dir / preview.ERROR_PAGE
            page.write_text(preview.error_page(lines), encoding="utf-8")
            log.error("De site kan niet worden gebouwd; de browser toont waarom.")

    def error_page(self, code: int) -> bytes | None:
        page = self.site_dir / preview.ERROR_PAGE
        return page.read_bytes() if code == 404 and page.is_file() else None

    def watched(self) -> list[str]:
        """The data (sportwijzer.tools.preview), mkdocs.yml, and what mkdocs.yml names."""
        paths = [str(self.config_file), *(str(p) for p in preview.watched_paths(self.root))]
        try:
            config = self.config()
        except Exception:  # mkdocs.yml is broken: the error page says so; watch the usual
            return sorted({*paths, str(self.root / "content"), str(self.root / "overrides")})
        return sorted({*paths, config.docs_dir, *config.watch, *map(str, _theme_dirs(config))})

    def close(self) -> None:
        reuse.turn_off()
        shutil.rmtree(self.site_dir, ignore_errors=True)
        shutil.rmtree(self.session.folder, ignore_errors=True)


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, whose script is a file of the site instead of inline: the
    site's Content-Security-Policy runs only its own scripts, so MkDocs' inline script never
    ran and the browser waited for ever (issue #24)."""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + preview.reload_tag(epoch).encode() + content[end:]


def port_problem(port: int) -> str | None:
    """The line to say when the port cannot be ours, or None when it is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind((HOST, port))
        except OSError as error:
            busy = error.errno == errno.EADDRINUSE
            return preview.port_busy_line(port) if busy else preview.port_refused_line(port)
    return None


def _stop(*_: object) -> None:
    raise KeyboardInterrupt  # `kill` stops the server as Ctrl+C does: folders cleaned up


def main() -> int:
    port = preview.read_port(os.environ.get("POORT"))
    problem = port_problem(port) if isinstance(port, int) else port
    if problem or not isinstance(port, int):
        print(problem, file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _stop)
    site = Preview(Path.cwd(), port)
    _log_to_terminal(site)
    try:
        return _serve(site)
    except KeyboardInterrupt:
        return 0
    finally:
        site.close()


def _serve(site: Preview) -> int:
    # every watched file looked at four times a second: some 4 % of a processor at 1,000 offers
    server = _Server(
        builder=site.build,
        host=HOST,
        port=site.port,
        root=str(site.site_dir),
        polling_interval=0.25,
    )
    server.build_delay = 0.05  # a save is one event; MkDocs waits 0.1 s for more
    server.error_handler = site.error_page
    site.build()
    for path in site.watched():
        server.watch(path)
    log.info(f"De site staat op {site.url} (stoppen: Ctrl+C)")
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and now
        if error.errno != errno.EADDRINUSE:
            raise
        print(preview.port_busy_line(site.port), file=sys.stderr)
        return 1
    finally:
        server.shutdown()
    return 0


class _Quieter(logging.Filter):
    """What the terminal leaves out: MkDocs' warning at every dirty build (here that is the
    point, not a risk), a data warning ('let op') it showed before in this process, and the
    browser's requests that get the error page while it is up. Errors always show."""

    def __init__(self, site: Preview) -> None:
        super().__init__()
        self.site, self.seen = site, set[str]()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("A 'dirty' build") or (self.site.failing and " code 404" in message):
            return False
        if record.levelno == logging.INFO and record.name.endswith(".sportwijzer"):
            new = message not in self.seen
            self.seen.add(message)
            return new
        return True


def _log_to_terminal(site: Preview) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(_Quieter(site))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
