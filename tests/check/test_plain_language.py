"""Plain language (issue #26, item 3): make check warns, never fails, about a sentence over 20
words and a hard word from lijsten/makkelijke-woorden.yml, in every text people read, with the
line; Markdown is no part of a sentence. Our own pages and the demo pass."""

from __future__ import annotations

import io

import pytest

from conftest import REPO, TODAY, VALID_OFFER, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check import plain_language
from sportwijzer.check.markdown_contract import contract_warnings
from sportwijzer.check.plain_language import PlainWord, sentences, text_warnings
from sportwijzer.check.vocabulary_load import PLAIN_WORDS_FILE, load_plain_words
from sportwijzer.site import load_site
from sportwijzer.tools.cli import main

WORDS = {
    "faciliteiten": PlainWord("faciliteiten", "wat er is", ("faciliteit",)),
    "accommodatie": PlainWord("accommodatie", "sporthal of gebouw", ("accommodaties",)),
    "middels": PlainWord("middels", "met"),
    "inclusief": PlainWord("inclusief", "samen met mensen zonder beperking"),
    "in het kader van": PlainWord("in het kader van", "bij of voor"),
    "omtrent": PlainWord("omtrent", "over", behalve=("verklaring omtrent gedrag",)),
}


def long(words: int, opening: str = "Een twee drie vier vijf zes") -> str:
    tail = "maak er twee zinnen van (hoogstens 20 woorden)"
    return f'de zin "{opening} …" heeft {words} woorden; {tail}'


def hard(word: str, plain: str) -> str:
    return f"'{word}' is een moeilijk woord; schrijf liever '{plain}'"


def numbered(count: int, start: int = 1) -> str:
    """A sentence's words without its full stop: 'Een twee drie …'."""
    names = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
    return " ".join((names * 3)[start - 1 : start - 1 + count]).capitalize()


TWENTY = numbered(20) + "."  # exactly the limit
TWENTY_ONE = numbered(21) + "."

# (id, text, every (line, message) make check gives for it)
CASES = [
    ("twenty-words-pass", TWENTY, []),
    ("twenty-one-words-warn", TWENTY_ONE, [(1, long(21))]),
    ("a-sentence-starts-on-its-own-line", f"Kort.\n\nOok kort. {TWENTY_ONE}", [(3, long(21))]),
    ("over-two-lines", f"Kort.\n{numbered(10)}\n{numbered(11, 1)}.", [(2, long(21))]),
    ("abbreviations-end-no-sentence", f"{numbered(10)}, bijv. {numbered(10)}.", [(1, long(21))]),
    ("lower-case-after-a-stop-goes-on", f"{numbered(10)} om 3 p.m. of {numbered(8).lower()}.",
     [(1, long(22))]),
    ("a-digit-after-an-abbreviation", f"{numbered(10)} nr. 3 en o.a. {numbered(7)}.",
     [(1, long(21))]),
    ("two-sentences-of-twenty", f"{TWENTY} {TWENTY.capitalize()}", []),
    ("question-and-exclamation-end", f"{numbered(12)}? {numbered(12).capitalize()}!", []),
    ("a-link-counts-its-words-not-its-target",
     f"{numbered(18)} [hier](https://example.org/een/twee/drie.html?a=b&c=d).", []),
    ("an-image-is-no-word", f"{numbered(20)} ![een foto van de zaal met veel woorden](x.png).", []),
    ("code-is-one-word-and-its-stop-ends-nothing",
     f"Draai `make check BRON=a.b c` en dan {numbered(17).lower()}.",
     [(1, long(21, "Draai `make check BRON=a.b c` en dan een twee"))]),
    ("a-heading-is-its-own-unit", f"# {numbered(10)}\n{numbered(15)}.", []),
    ("list-items-are-their-own-units", f"Kies:\n\n- {numbered(15)}\n- {numbered(15)}", []),
    ("a-numbered-item-too", f"1. {numbered(15)}\n2. {numbered(15)}", []),
    ("table-cells-are-no-sentence",
     f"| {numbered(12)} | {numbered(12)} |\n|---|---|\n| a | b |", []),
    ("fenced-code-is-left-out", f"```\n{TWENTY_ONE}\n```\nKort.", []),
    ("an-html-comment-is-left-out", f"<!-- {TWENTY_ONE} -->\nKort.", []),
    ("bold-marks-are-no-words", f"**{numbered(10)}** *{numbered(10)}*.", []),
    ("a-dash-is-no-word", f"{numbered(10)} – {numbered(10)}.", []),
    ("hard-word", "Er zijn goede faciliteiten.", [(1, hard("faciliteiten", "wat er is"))]),
    ("hard-word-as-written", "Faciliteiten: een lift.", [(1, hard("Faciliteiten", "wat er is"))]),
    ("another-form", "Elke faciliteit is er.", [(1, hard("faciliteit", "wat er is"))]),
    ("at-the-end-of-a-compound", "De sportaccommodatie is open.",
     [(1, hard("sportaccommodatie", "sporthal of gebouw"))]),
    ("a-short-word-only-alone", "Het is inmiddels open.", []),
    ("on-its-own-line", "Kort.\nEr is\nmiddels een lift.", [(3, hard("middels", "met"))]),
    ("words-together", "Dit doen we in het kader van de week.",
     [(1, hard("in het kader van", "bij of voor"))]),
    ("words-together-only-together", "In het kader staat van alles.", []),
    ("in-a-name-it-may", "Vraag een Verklaring Omtrent Gedrag.", []),
    ("elsewhere-not", "We praten omtrent de les.", [(1, hard("omtrent", "over"))]),
    ("inclusief-in-prose", "Een inclusief aanbod.",
     [(1, hard("inclusief", "samen met mensen zonder beperking"))]),
    ("never-in-code-or-a-link-target",
     "Zie `faciliteiten` en [de les](https://x.nl/faciliteiten).", []),
    ("both-in-one-sentence", f"{numbered(20)} middels {numbered(3)}.",
     [(1, long(24)), (1, hard("middels", "met"))]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_text_gets_its_warnings_with_the_line(text, expected):
    assert text_warnings(text, WORDS) == expected


def test_the_sentences_read_without_markdown():
    text = "# Kop\n\nWij bieden **veel**: zie [de site](https://a.nl). Bel `038 1234`!\n\n- Item"
    assert [(s.line, s.text) for s in sentences(text)] == [
        (1, "Kop"),
        (3, "Wij bieden veel: zie de site."),
        (3, "Bel `038 1234`!"),
        (5, "Item"),
    ]


# --- in make check, with the file's own lines -------------------------------------------------

LONG_TEXT = (
    "Wij bieden in onze zaal elke week een les aan voor kinderen en volwassenen die graag "
    "samen willen sporten en bewegen."
)
LONG = long(21, "Wij bieden in onze zaal elke")


def warnings_for(region, path: str) -> list[str]:
    """The lines make check prints for one file, in its order."""
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    return [p.format() for p in problems if p.path == path]


def test_an_offer_description_in_a_block(region):
    offer = VALID_OFFER + f"beschrijving: |\n  Kort.\n\n  {LONG_TEXT}\n  Er zijn faciliteiten.\n"
    write(region, "offers/a.yml", offer)
    assert warnings_for(region, "offers/a.yml") == [
        f"offers/a.yml:18: let op: veld 'beschrijving': {LONG}",
        "offers/a.yml:19: let op: veld 'beschrijving': 'faciliteiten' is een moeilijk woord; "
        "schrijf liever 'wat er is'",
    ]


def test_a_summary_and_a_folded_description(region):
    offer = VALID_OFFER.replace(
        "samenvatting: Zwemmen in een kleine groep met extra begeleiding.",
        f"samenvatting: {LONG_TEXT}",
    )
    offer += "beschrijving: >\n  Kort.\n  Goed bereikbaar\n  middels de bus.\n"
    write(region, "offers/a.yml", offer)
    assert warnings_for(region, "offers/a.yml") == [
        f"offers/a.yml:5: let op: veld 'samenvatting': {LONG}",
        "offers/a.yml:18: let op: veld 'beschrijving': 'middels' is een moeilijk woord; "
        "schrijf liever 'met'",
    ]


def test_a_partner_text_and_an_event(region):
    partner = (region / "partners" / "judoclub-de-mat.md").read_text(encoding="utf-8")
    write(region, "partners/judoclub-de-mat.md", partner + f"\n{LONG_TEXT}\n")
    assert warnings_for(region, "partners/judoclub-de-mat.md") == [
        f"partners/judoclub-de-mat.md:14: let op: veld 'tekst': {LONG}"
    ]


def test_a_hand_written_page_counts_lines_below_its_front_matter(region):
    write(region, "content/over.md", f"---\ntitle: Over\n---\n# Over ons\n\n{LONG_TEXT}\n")
    assert warnings_for(region, "content/over.md") == [f"content/over.md:6: let op: {LONG}"]


def test_a_data_value_is_no_prose(region):
    offer = VALID_OFFER + "vorm: inclusief\n"
    write(region, "offers/a.yml", offer)
    assert warnings_for(region, "offers/a.yml") == []


def test_warnings_never_fail_the_check(region):
    write(region, "content/over.md", f"{LONG_TEXT}\n")
    out = io.StringIO()
    assert main(["check", str(region), "--vandaag", TODAY.isoformat()], out) == 0
    assert f"content/over.md:1: let op: {LONG}" in out.getvalue().splitlines()


# --- our own texts --------------------------------------------------------------------------


def test_our_pages_and_the_demo_pass_the_check(demo):
    plain = [
        p.format()
        for p in demo.problems
        if "moeilijk woord" in p.message or "woorden; maak er twee zinnen van" in p.message
    ]
    assert plain == []


def test_the_list_of_hard_words_loads():
    words, problems = load_plain_words(REPO)
    assert problems == []
    assert len(words) >= 30
    assert words["faciliteiten"].schrijf == "wat er is"
    assert words["doelgroep"].schrijf == "voor wie"


def test_a_broken_entry_in_the_list_gets_its_line(region):
    write(region, PLAIN_WORDS_FILE, "middels:\n  schrijf: met\nteneinde:\n  zeg: om\n")
    assert warnings_for(region, PLAIN_WORDS_FILE) == [
        f"{PLAIN_WORDS_FILE}:3: veld 'teneinde.schrijf' ontbreekt",
        f"{PLAIN_WORDS_FILE}:4: veld 'teneinde.zeg' is onbekend. Mogelijke velden: schrijf, "
        "behalve, vormen",
    ]


def test_a_region_without_the_list_checks_sentences_only(region):
    (region / PLAIN_WORDS_FILE).unlink()
    write(region, "content/over.md", "Er zijn faciliteiten.\n")
    assert warnings_for(region, "content/over.md") == []


def test_make_leesbaarheid_lists_the_hardest_text_first(region):
    write(region, "content/over.md", f"Kort.\n\n{LONG_TEXT}\n")
    out = io.StringIO()
    assert main(["leesbaarheid", str(region)], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Leesbaarheid: ")
    assert "1 zinnen van meer dan 20 woorden" in lines[0]
    assert lines[1] == "content/over.md: gemiddeld 11,0 woorden per zin, 2 zinnen; 1 te lang"
    assert lines[2] == '     21 woorden, regel 3: "Wij bieden in onze zaal elke week een les aan …"'


# --- odd text never makes the check slow --------------------------------------------------------

# piece: (warnings on plain language, warnings on the Markdown contract) for 100 KB of it
SLOW_PIECES = {
    "<a ": (1, 0),  # one sentence of 33,333 words
    "<https:": (0, 0),
    "![a": (0, 0),
    "[a](": (0, 0),
    "<!--": (0, 1),
    "{.": (0, 0),
    "``x ": (1, 1),
    "|-": (0, 1),
    "**a\n": (1, 1),
    "# a\n": (0, 25_000),  # a heading on every line, to the last
    "a. ": (1, 0),
}


@pytest.mark.parametrize(("piece", "counts"), SLOW_PIECES.items())
def test_odd_text_is_read_to_the_end(piece, counts):
    """100 KB of a piece that a careless pattern reads again and again (each '<a ' up to the end
    of the text, looking for its '>'): both readers finish with the warnings the text deserves.
    How long they take is measured by `make bench` (bench/guards.py), never asserted here."""
    text = piece * (100_000 // len(piece))
    assert (len(text_warnings(text, WORDS)), len(contract_warnings(text))) == counts


def test_a_region_without_the_list_of_hard_words_gets_the_long_sentence_lines_alone():
    """The first call of a process with no hard words (a region without lijsten/) must not crash."""
    plain_language._last = ((), None)
    long = " ".join(["woord"] * 25) + "."
    assert [line for line, _ in plain_language.text_warnings(long, {})] == [1]
