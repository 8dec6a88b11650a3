"""Plain language (taalniveau B1) in a text people read: a sentence has at most MAX_WORDS words,
and a hard word from lijsten/makkelijke-woorden.yml gets its plain alternative. Warnings only.

Markdown syntax is no part of a sentence: a heading, a list item and a table cell are each a unit
of their own; link targets, images, HTML tags, emphasis marks and code are left out (a code span
counts as one word, and is never a hard word). Lines are the text's own, counted from 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

MAX_WORDS = 20  # B1: a sentence of more words is hard to follow
SHOWN_WORDS = 6  # the first words of a sentence a warning shows
COMPOUND_MIN = 9  # a hard word this long is also found at the end of a compound


@dataclass(frozen=True)
class PlainWord:
    """A hard word (or words), the forms it takes, what to write instead, and the names it may
    stand in (like 'Verklaring Omtrent Gedrag')."""

    woord: str
    schrijf: str
    vormen: tuple[str, ...] = ()
    behalve: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """One sentence: its words as written, each with its line."""

    words: tuple[tuple[str, int], ...]

    @property
    def line(self) -> int:
        return self.words[0][1]

    @property
    def size(self) -> int:
        return sum(1 for word, _ in self.words if _counts(word))

    def opening(self, count: int = SHOWN_WORDS) -> str:
        """The first words, as a warning quotes them."""
        shown = " ".join(word for word, _ in self.words[:count])
        return shown + (" …" if len(self.words) > count else "")

    @property
    def text(self) -> str:
        return " ".join(word for word, _ in self.words)


def _counts(word: str) -> bool:
    """A word has a letter or a digit ('–' and '&' are no words); code counts as one."""
    return any(char.isalnum() for char in word)


# --- Markdown to units of prose -----------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s+|$)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_RULE = re.compile(r"^ {0,3}(?:[-*_=]\s*){3,}$")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # an image: its text is no sentence
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link: its words stay
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(?:https?:|mailto:)[^>\s]*>"), " "),
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),  # an HTML tag
    (re.compile(r"\{:?\s*[.#][^}]*\}"), " "),  # attributes { .klasse }
    (
        re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"),
        "",
    ),
    (re.compile(r"\\([\\`*_{}\[\]()#+.!|-])"), r"\1"),
]
_CODE = re.compile(r"(`+)(.+?)\1")
_CODE_MARK = "\x00"  # a code span, kept whole as one word


def _units(text: str) -> Iterator[list[tuple[int, str]]]:
    """Runs of prose lines (line, text) that belong together: a paragraph, an item, a heading,
    a table cell. Code blocks, rules, dividers and link definitions are left out."""
    text = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), text)
    unit: list[tuple[int, str]] = []
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        opened = _FENCE.match(line)
        if opened or not line.strip() or _RULE.match(line) or _REFERENCE.match(line):
            yield from [unit] if unit else []
            unit, fence = [], opened[1][:3] if opened else ""
            continue
        line = _QUOTE.sub("", line)
        if "|" in line.replace("\\|", ""):
            yield from [unit] if unit else []
            unit = []
            if not _TABLE_DIVIDER.match(line):
                yield from ([(number, cell)] for cell in _cells(line) if cell.strip())
            continue
        heading, item = _HEADING.match(line), _ITEM.match(line)
        if heading or item:
            yield from [unit] if unit else []
            unit = [(number, line[(heading or item).end() :].rstrip("# "))]  # type: ignore[union-attr]
            if heading:
                yield unit
                unit = []
            continue
        unit.append((number, line))
    yield from [unit] if unit else []


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def _clean(line: str) -> tuple[str, list[str]]:
    """The line's words without Markdown; code spans become one mark each, kept aside."""
    codes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        codes.append(match[0])
        return f" {_CODE_MARK} "

    line = _CODE.sub(keep, line)
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line, codes


# --- units to sentences -------------------------------------------------------------------------

# Abbreviations whose full stop ends no sentence (lower case, without their last full stop).
ABBREVIATIONS = frozenset(
    ("bijv", "bv", "o.a", "d.w.z", "enz", "etc", "ca", "nr", "mr", "dr", "mevr", "dhr", "incl")
    + ("excl", "m.b.v", "t.a.v", "i.p.v", "z.o.z", "tel", "vs", "evt", "resp", "e.d", "max", "min")
    + ("a.s", "jl", "st", "n.a.v", "i.v.m", "zgn", "m.n")
)
_END = re.compile(r"[.!?…]+[\"'”’)»]*$")


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a Markdown text, in order."""
    found: list[Sentence] = []
    for unit in _units(text):
        words: list[tuple[str, int]] = []
        for number, line in unit:
            cleaned, codes = _clean(line)
            for token in cleaned.split():
                words.append((codes.pop(0) if token == _CODE_MARK and codes else token, number))
        found += _split(words)
    return found


def _split(words: list[tuple[str, int]]) -> list[Sentence]:
    """Words into sentences: a full stop, ! or ? ends one, unless it ends an abbreviation or a
    lower-case word follows (as in '3 p.m. of later')."""
    found, current = [], []
    for index, (word, line) in enumerate(words):
        current.append((word, line))
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if _ends_sentence(word, following):
            found.append(Sentence(tuple(current)))
            current = []
    if current:
        found.append(Sentence(tuple(current)))
    return [sentence for sentence in found if sentence.size]


def _ends_sentence(word: str, following: str) -> bool:
    if not _END.search(word) or word.startswith("`"):
        return False
    bare = word.rstrip("\"'”’)»").rstrip(".").lower().lstrip("(\"'‘“")
    if word.rstrip("\"'”’)»").endswith(".") and bare in ABBREVIATIONS:
        return False
    return not following or not following.lstrip("(\"'‘“")[:1].islower()


# --- the rules ----------------------------------------------------------------------------------


def long_sentence(sentence: Sentence) -> str | None:
    """A sentence has at most MAX_WORDS words."""
    if sentence.size <= MAX_WORDS:
        return None
    return (
        f'de zin "{sentence.opening()}" heeft {sentence.size} woorden; maak er twee zinnen van '
        f"(hoogstens {MAX_WORDS} woorden)"
    )


def hard_words(sentence: Sentence, words: Mapping[str, PlainWord]) -> list[tuple[int, str]]:
    """(line, message) for each hard word of the list in the sentence (also in a compound)."""
    forms = _forms(words)
    plain = [(_bare(word), line) for word, line in sentence.words]
    whole = " ".join(word for word, _ in plain)
    found = []
    for index, (word, line) in enumerate(plain):
        for form, entry in _candidates(word, forms):
            if any(name in whole for name in entry.behalve):
                continue
            phrase = form.split()
            if [w for w, _ in plain[index : index + len(phrase)]] == phrase or (
                len(phrase) == 1 and _compound(word, form)
            ):
                written = " ".join(w for w, _ in sentence.words[index : index + len(phrase)])
                found.append((line, _hard_message(_bare(written, lower=False), entry)))
                break
    return found


def _hard_message(written: str, entry: PlainWord) -> str:
    return f"'{written}' is een moeilijk woord; schrijf liever '{entry.schrijf}'"


def _forms(words: Mapping[str, PlainWord]) -> dict[str, PlainWord]:
    return {form: entry for entry in words.values() for form in (entry.woord, *entry.vormen)}


def _candidates(word: str, forms: dict[str, PlainWord]) -> list[tuple[str, PlainWord]]:
    """Forms that could start at this word: the same first word, or the end of a compound."""
    return [
        (form, entry)
        for form, entry in forms.items()
        if form.split()[0] == word or (" " not in form and _compound(word, form))
    ]


def _compound(word: str, form: str) -> bool:
    """'sportaccommodatie' holds 'accommodatie'; short forms only stand alone."""
    return len(form) >= COMPOUND_MIN and len(word) > len(form) and word.endswith(form)


def _bare(word: str, lower: bool = True) -> str:
    stripped = word.strip(".,;:!?…\"'“”‘’()«»[]*")
    return stripped.lower() if lower else stripped


def text_warnings(text: str, words: Mapping[str, PlainWord]) -> list[tuple[int, str]]:
    """(line in the text, message) for every long sentence and every hard word."""
    found: list[tuple[int, str]] = []
    for sentence in sentences(text):
        message = long_sentence(sentence)
        if message:
            found.append((sentence.line, message))
        found += hard_words(sentence, words)
    return found


@dataclass(frozen=True)
class Readability:
    """How a text reads: its sentences, their average length, the longest first."""

    sentences: tuple[Sentence, ...]

    @property
    def average(self) -> float:
        return sum(s.size for s in self.sentences) / len(self.sentences) if self.sentences else 0

    @property
    def too_long(self) -> int:
        return sum(1 for s in self.sentences if s.size > MAX_WORDS)

    def hardest(self, count: int = 3) -> list[Sentence]:
        return sorted(self.sentences, key=lambda s: (-s.size, s.line))[:count]


def readability(text: str) -> Readability:
    return Readability(tuple(sentences(text)))
