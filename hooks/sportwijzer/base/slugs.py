"""Slugs: file names, URL parts and municipality keys."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def slugify(text: str) -> str:
    """Lower case, no accents, other characters to '-': 'Súdwest-Fryslân' -> 'sudwest-fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
