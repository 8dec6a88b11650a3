"""JSON that stays inert when someone puts it inside a web page."""

from __future__ import annotations

import json
from typing import Any


def inert_json(data: Any, **options: Any) -> str:
    """json.dumps, with < > & written as \\u escapes: the same data, but no '</script>' or
    markup can appear in the text (for <script> data blocks and for open data)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, **options)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
