"""Plain language (taalniveau B1) in a text people read: a sentence has at most MAX_WORDS words,
and a hard word from lijsten/makkelijke-woorden.yml gets its plain alternative. Warnings only.

Markdown syntax is no part of a sentence: a heading, a list item and a table cell are each a unit
of their own; link targets, images, HTML tags, emphasis marks and code are left out (a code span
counts as one word, and is never a hard word). Lines are the text's own, counted from 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property

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

    @cached_property
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
    # [^\W_] is what str.isalnum() says of one character: most words answer at once
    return word[:1].isalnum() or _WORDLIKE.search(word) is not None


_WORDLIKE = re.compile(r"[^\W_]")


# --- Markdown to units of prose -----------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s+|$)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_RULE = re.compile(r"^ {0,3}(?:[-*_=]\s*){3,}$")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s")

_INLINE = [
    # No part may run over the character that opens the next one: each stays linear in time.
    (re.compile(r"!\[[^\[\]]*\]\([^()]*\)"), " "),  # an image: its text is no sentence
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # a link: its words stay
    (re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<(?:https?:|mailto:)[^<>\s]*>"), " "),
    (re.compile(r"</?[A-Za-z][^<>]*>"), " "),  # an HTML tag
    (re.compile(r"\{:?\s*[.#][^{}]*\}"), " "),  # attributes { .klasse }
    (
        re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"),
        "",
    ),
    (re.compile(r"\\([\\`*_{}\[\]()#+.!|-])"), r"\1"),
]
_CODE = re.compile(r"(`+)([^`]+)\1")
_CODE_MARK = "\x00"  # a code span, kept whole as one word
_MARKUP = re.compile(r"[`!\[<{*_\\]")  # what _CODE and _INLINE need, one of these at least


def _units(text: str) -> Iterator[list[tuple[int, str]]]:
    """Runs of prose lines (line, text) that belong together: a paragraph, an item, a heading,
    a table cell. Code blocks, rules, dividers and link definitions are left out."""
    text = _without_comments(text)
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
        start = heading or item
        if start:
            yield from [unit] if unit else []
            unit = [(number, line[start.end() :].rstrip("# "))]
            if heading:
                yield unit
                unit = []
            continue
        unit.append((number, line))
    yield from [unit] if unit else []


def _without_comments(text: str) -> str:
    """HTML comments left out, their lines kept (an unclosed one runs to the end, as in HTML)."""
    parts, start = [], 0
    while (opened := text.find("<!--", start)) >= 0:
        closed = text.find("-->", opened + 4)
        end = len(text) if closed < 0 else closed + 3
        parts += [text[start:opened], "\n" * text.count("\n", opened, end)]
        start = end
    return "".join(parts) + text[start:]


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def _clean(line: str) -> tuple[str, list[str]]:
    """The line's words without Markdown; code spans become one mark each, kept aside."""
    codes: list[str] = []
    if not _MARKUP.search(line):
        return line, codes  # no character that opens code, a link, a tag or emphasis

    def keep(match: re.Match[str]) -> str:
        codes.append(match[0])
        return _CODE_MARK

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
_END_CHARS = frozenset(".!?…\"'”’)»")  # the last character of a word that _END matches


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a Markdown text, in order."""
    found: list[Sentence] = []
    for unit in _units(text):
        words: list[tuple[str, int]] = []
        for number, line in unit:
            cleaned, codes = _clean(line)
            for token in cleaned.split():
                while _CODE_MARK in token and codes:
                    token = token.replace(_CODE_MARK, codes.pop(0), 1)
                words.append((token, number))
        found += _split(words)
    return found


def _split(words: list[tuple[str, int]]) -> list[Sentence]:
    """Words into sentences: a full stop, ! or ? ends one, unless it ends an abbreviation or a
    lower-case word follows (as in '3 p.m. of later')."""
    found, current = [], []
    for index, (word, line) in enumerate(words):
        current.append((word, line))
        if word[-1:] not in _END_CHARS:  # most words end no sentence (_ends_sentence's test)
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if _ends_sentence(word, following):
            found.append(Sentence(tuple(current)))
            current = []
    if current:
        found.append(Sentence(tuple(current)))
    return [sentence for sentence in found if sentence.size]


def _ends_sentence(word: str, following: str) -> bool:
    """A full stop inside code ends nothing; one after it may."""
    if word[-1:] not in _END_CHARS:  # the quick answer for most words
        return False
    if not _END.search(word.rsplit("`", 1)[-1]):
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
    return _hard_words(sentence, _lexicon_of(words))


def _hard_words(sentence: Sentence, lexicon: _Lexicon) -> list[tuple[int, str]]:
    plain = [_bare(word) for word, _ in sentence.words]
    whole = " ".join(plain)
    found = []
    for index in range(len(plain)):
        match = lexicon.find(plain, index)
        if match is None or any(name in whole for name in match[1].behalve):
            continue
        written = " ".join(w for w, _ in sentence.words[index : index + match[0]])
        found.append(
            (sentence.words[index][1], _hard_message(_bare(written, lower=False), match[1]))
        )
    return found


def _hard_message(written: str, entry: PlainWord) -> str:
    return f"'{written}' is een moeilijk woord; schrijf liever '{entry.schrijf}'"


@dataclass(frozen=True)
class _Lexicon:
    """The list's forms, by their first word, and its long one-word forms as one pattern."""

    phrases: dict[str, tuple[tuple[tuple[str, ...], PlainWord], ...]]
    single: dict[str, PlainWord]
    sizes: tuple[int, ...]  # the lengths of the single forms, longest first
    endings: dict[str, tuple[int, PlainWord] | None] = field(default_factory=dict, compare=False)

    def find(self, plain: list[str], index: int) -> tuple[int, PlainWord] | None:
        """(how many words, entry) of the form that starts at plain[index], if any."""
        word = plain[index]
        for phrase, entry in self.phrases.get(word, ()):
            if tuple(plain[index : index + len(phrase)]) == phrase:
                return len(phrase), entry
        if word in self.endings:
            return self.endings[word]
        found = self.endings[word] = self._ending(word)
        return found

    def _ending(self, word: str) -> tuple[int, PlainWord] | None:
        """The longest form the word ends with: 'sportaccommodatie' holds 'accommodatie'."""
        for size in self.sizes:
            if size <= len(word) and word[-size:] in self.single:
                return (1, self.single[word[-size:]]) if len(word) > size else None
        return None


_last: tuple[tuple[PlainWord, ...], _Lexicon | None] = ((), None)  # the last call's words, lexicon


def _lexicon_of(words: Mapping[str, PlainWord]) -> _Lexicon:
    """The lexicon of `words`; a build asks for the same list thousands of times in a row."""
    global _last
    values = tuple(words.values())
    before, lexicon = _last
    if lexicon is None or values != before:  # identity first: quick for the same list
        lexicon = _lexicon(frozenset(values))
        _last = (values, lexicon)
    return lexicon


@cache
def _lexicon(entries: frozenset[PlainWord]) -> _Lexicon:
    phrases: dict[str, list[tuple[tuple[str, ...], PlainWord]]] = {}
    single: dict[str, PlainWord] = {}
    for entry in sorted(entries, key=lambda e: e.woord):
        for form in (entry.woord, *entry.vormen):
            words = tuple(form.split())
            phrases.setdefault(words[0], []).append((words, entry))
            if len(words) == 1 and len(form) >= COMPOUND_MIN:
                single[form] = entry
    sizes = tuple(sorted({len(form) for form in single}, reverse=True))
    return _Lexicon({k: tuple(v) for k, v in phrases.items()}, single, sizes)


def _bare(word: str, lower: bool = True) -> str:
    stripped = word.strip(".,;:!?…\"'“”‘’()«»[]*")
    return stripped.lower() if lower else stripped


def text_warnings(text: str, words: Mapping[str, PlainWord]) -> list[tuple[int, str]]:
    """(line in the text, message) for every long sentence and every hard word."""
    found: list[tuple[int, str]] = []
    lexicon = _lexicon_of(words)
    for sentence in sentences(text):
        message = long_sentence(sentence)
        if message:
            found.append((sentence.line, message))
        found += _hard_words(sentence, lexicon)
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
