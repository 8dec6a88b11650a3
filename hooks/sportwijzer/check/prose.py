"""The texts people read, found where they are written, each with the line it starts on: an
offer's and an event's samenvatting and beschrijving, a partner's text, and the hand-written pages
in content/. make check warns about their plain language (plain_language) and about Markdown a
description may not hold (markdown_contract); make leesbaarheid lists how they read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..base.problems import WARNING, Problem
from ..base.reuse import kept
from .datakinds import EVENTS, OFFERS, PARTNERS
from .load import SourceFile, read_text
from .markdown_contract import contract_warnings, summary_warnings
from .plain_language import MAX_WORDS, PlainWord, Readability, readability, text_warnings

CONTENT_FOLDER = "content"
PAGES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs reads as Markdown
TEXT_FIELDS = {
    OFFERS.name: ("samenvatting", "beschrijving"),
    EVENTS.name: ("samenvatting", "beschrijving"),
}
DESCRIPTIONS = ("beschrijving", "tekst")  # the texts in Markdown that markdown_contract checks
SUMMARY = "samenvatting"  # plain text: shown as written
BODY_FIELD = "tekst"  # a partner's text below its fields, as markup_rules calls it


@dataclass(frozen=True)
class Prose:
    """One text: its file, its field ('' for a page), the text, and where its lines are."""

    path: str
    field: str
    text: str
    first_line: int  # the file's line of the text's first line
    exact: bool = True  # False: a YAML value whose lines the file folds; found by searching
    source_lines: tuple[str, ...] = ()

    def file_line(self, line: int, word: str) -> int:
        """The file's line of the text's `line` (where `word` stands)."""
        if self.exact:
            return self.first_line + line - 1
        for index in range(self.first_line - 1, len(self.source_lines)):
            if word and word in self.source_lines[index]:
                return index + 1
        return self.first_line

    def problem(self, line: int, word: str, message: str) -> Problem:
        field = f"veld '{self.field}': " if self.field else ""
        return Problem(self.path, self.file_line(line, word), field + message, WARNING)


def prose_of(root: Path, found: Mapping[str, list[SourceFile]]) -> list[Prose]:
    """Every text people read in the data and in content/, in a fixed order."""
    texts = [
        prose
        for kind, fields in TEXT_FIELDS.items()
        for source in found.get(kind, [])
        for prose in _field_prose(root, source, fields)
    ]
    texts += [
        Prose(source.path, BODY_FIELD, source.body, source.body_line)
        for source in found.get(PARTNERS.name, [])
        if source.body.strip()
    ]
    return texts + list(_page_prose(root))


def _field_prose(root: Path, source: SourceFile, fields: tuple[str, ...]) -> Iterator[Prose]:
    data = source.document.fields if source.document else None
    if not isinstance(data, dict) or source.document is None:
        return
    text, _ = read_text(root, source.path)
    lines = tuple((text or "").splitlines())
    for name in fields:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        key_line = source.document.line((name,))
        header = lines[key_line - 1] if 0 < key_line <= len(lines) else ""
        literal = bool(_LITERAL.search(header))  # otherwise YAML may fold the lines: search them
        first = key_line + 1 if literal else key_line
        yield Prose(source.path, name, value, first, literal, lines)


_LITERAL = re.compile(r":\s*\|[-+0-9]*\s*(#.*)?$")  # a block whose lines are the text's lines
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)


def _page_prose(root: Path) -> Iterator[Prose]:
    """The hand-written pages below their front matter (symlinks left out: check/symlinks.py)."""
    for current, folders, files in os.walk(root / CONTENT_FOLDER):
        folders[:] = sorted(f for f in folders if not Path(current, f).is_symlink())
        for name in sorted(files):
            path = Path(current, name)
            if path.suffix.lower() not in PAGES or path.is_symlink():
                continue
            relative = path.relative_to(root).as_posix()
            text, _ = read_text(root, relative)
            if text is None:
                continue
            match = _FRONT_MATTER.match(text)
            before = text[: match.end()].count("\n") if match else 0
            yield Prose(relative, "", text[match.end() :] if match else text, before + 1)


def prose_problems(
    root: Path, found: Mapping[str, list[SourceFile]], words: Mapping[str, PlainWord]
) -> list[Problem]:
    """Warnings about plain language in every text, and about Markdown a description may not
    hold (offers' and events' beschrijving, partners' text)."""
    problems = []
    for prose in prose_of(root, found):
        warned = kept(("text_warnings", prose.text), partial(text_warnings, prose.text, words))
        for line, message in warned:  # the preview keeps them by the text (base/reuse.py)
            problems.append(prose.problem(line, _first_word(message), message))
        if prose.field in DESCRIPTIONS:
            lines = prose.text.splitlines()
            for line, message in contract_warnings(prose.text):
                word = lines[line - 1].strip()[:20] if line <= len(lines) else ""
                problems.append(prose.problem(line, word, message))
        elif prose.field == SUMMARY:
            problems += [
                prose.problem(1, "", message) for _, message in summary_warnings(prose.text)
            ]
    return problems


def _first_word(message: str) -> str:
    """The quoted first word of a warning, to find its line in a folded YAML value."""
    match = re.search(r"\"([^\"\s]+)|'([^'\s]+)", message)
    return (match[1] or match[2]) if match else ""


# --- make leesbaarheid ---------------------------------------------------------------------------

SHOWN_SENTENCES = 3  # the hardest sentences listed per text


def readability_lines(texts: list[Prose], words: Mapping[str, PlainWord]) -> list[str]:
    """Every text with its average sentence length and its hardest sentences, worst first."""
    rows = []
    for prose in texts:
        read = readability(prose.text)
        if read.sentences:
            hard = sum(
                1 for _, message in text_warnings(prose.text, words) if "moeilijk" in message
            )
            rows.append((prose, read, hard))
    rows.sort(key=lambda row: (-row[1].too_long, -row[2], -row[1].average, row[0].path))
    count = sum(len(read.sentences) for _, read, _ in rows)
    total = sum(s.size for _, read, _ in rows for s in read.sentences)
    too_long = sum(read.too_long for _, read, _ in rows)
    hard = sum(hard for _, _, hard in rows)
    lines = [
        f"Leesbaarheid: {len(rows)} teksten, {count} zinnen, gemiddeld "
        f"{_number(total / count if count else 0)} woorden per zin; {too_long} zinnen van meer "
        f"dan {MAX_WORDS} woorden, {hard} moeilijke woorden. De moeilijkste teksten eerst.",
    ]
    for prose, read, hard in rows:
        lines.append(_text_line(prose, read, hard))
        for sentence in read.hardest(SHOWN_SENTENCES):
            line = prose.file_line(sentence.line, sentence.words[0][0])
            lines.append(f'    {sentence.size:>3} woorden, regel {line}: "{sentence.opening(10)}"')
    return lines


def _text_line(prose: Prose, read: Readability, hard: int) -> str:
    name = f"{prose.path} ({prose.field})" if prose.field else prose.path
    flags = []
    if read.too_long:
        flags.append(f"{read.too_long} te lang")
    if hard:
        flags.append(f"{hard} moeilijk{'e' if hard > 1 else ''} woord{'en' if hard > 1 else ''}")
    extra = f"; {', '.join(flags)}" if flags else ""
    return (
        f"{name}: gemiddeld {_number(read.average)} woorden per zin, "
        f"{len(read.sentences)} {'zin' if len(read.sentences) == 1 else 'zinnen'}{extra}"
    )


def _number(value: float) -> str:
    """One decimal, Dutch style: 11,3."""
    return f"{value:.1f}".replace(".", ",")
