"""Every file the build adds besides pages: open data, finder data and index, libraries."""

from __future__ import annotations

from .export import export_files
from .finder import DATA_PATH, data_json
from .model import Site
from .search import INDEX_PATH, index_json
from .vendor import vendor_files


def extra_files(site: Site, base_url: str) -> dict[str, str | bytes]:
    """Site path -> content. `base_url` makes the open data's links absolute."""
    return {
        **export_files(site, base_url),
        INDEX_PATH: index_json(site),
        DATA_PATH: data_json(site),
        **vendor_files(),
    }
