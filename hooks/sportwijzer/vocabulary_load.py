"""Read and check lijsten/: sporten.yml, beperkingen.yml and leeftijden.yml, each against its
schema, into the domain's words (vocabulary.py). The impairments' keys are the data contract's
(the offer schema's enum): the list must name each of them, and no other.
"""

from __future__ import annotations

from pathlib import Path

from .load import read_yaml_file
from .plain_language import PlainWord
from .problems import Problem
from .schema import load_schema, schema_problems
from .validate import age_order_problem
from .vocabulary import ICONEN, Leeftijdsgroep, Term, Vocabulary
from .yamlread import Document

SPORTEN_FILE = "lijsten/sporten.yml"
BEPERKINGEN_FILE = "lijsten/beperkingen.yml"
LEEFTIJDEN_FILE = "lijsten/leeftijden.yml"

BEPERKINGEN: tuple[str, ...] = tuple(
    load_schema("offer")["properties"]["beperkingen"]["items"]["enum"]
)


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read lijsten/sporten.yml, lijsten/beperkingen.yml and lijsten/leeftijden.yml."""
    sporten, problems = _load_terms(root, SPORTEN_FILE, "zoekwoorden")
    beperkingen, more = _load_terms(root, BEPERKINGEN_FILE, "synoniemen")
    leeftijden, most = _load_ages(root)
    problems += more + most
    missing = [key for key in BEPERKINGEN if key not in beperkingen]
    extra = [key for key in beperkingen if key not in BEPERKINGEN]
    if beperkingen and missing:
        problems.append(Problem(BEPERKINGEN_FILE, 1, f"ontbreekt: {', '.join(missing)}"))
    for key in extra:
        problems.append(
            Problem(
                BEPERKINGEN_FILE, 1, f"'{key}' is geen beperking uit het datamodel; haal hem weg"
            )
        )
    return Vocabulary(sporten, beperkingen, leeftijden), problems


def _load_terms(root: Path, relative: str, words: str) -> tuple[dict[str, Term], list[Problem]]:
    document, problems = read_yaml_file(root, relative)
    if document is None:
        return {}, problems
    problems += schema_problems("lijst", document, relative)
    if problems or not isinstance(document.data, dict):
        return {}, problems
    terms = {
        key: Term(
            key,
            entry["naam"],
            entry.get("kort", entry["naam"]),
            tuple(entry.get(words, [])),
            ICONEN.get(key, ""),
            entry.get("doelgroep", ""),
            tuple(entry.get("omgeving", ())),
            entry.get("samen", ""),
        )
        for key, entry in document.data.items()
    }
    return terms, []


def _load_ages(root: Path) -> tuple[dict[str, Leeftijdsgroep], list[Problem]]:
    document, problems = read_yaml_file(root, LEEFTIJDEN_FILE)
    if document is None:
        return {}, problems
    problems += schema_problems("leeftijden", document, LEEFTIJDEN_FILE)
    if not isinstance(document.data, dict):
        return {}, problems
    problems += _age_order_problems(document)
    if problems:
        return {}, problems
    groups = {
        key: Leeftijdsgroep(
            key,
            entry["naam"],
            entry["leeftijd"].get("min"),
            entry["leeftijd"].get("max"),
            tuple(entry.get("synoniemen", [])),
        )
        for key, entry in document.data.items()
    }
    return groups, []


def _age_order_problems(document: Document) -> list[Problem]:
    """In a group's 'leeftijd', 'min' is not above 'max'."""
    found = (
        age_order_problem(
            LEEFTIJDEN_FILE,
            document.line((key, "leeftijd")),
            f"{key}.leeftijd",
            entry.get("leeftijd") if isinstance(entry, dict) else None,
        )
        for key, entry in document.data.items()
    )
    return [problem for problem in found if problem]


PLAIN_WORDS_FILE = "lijsten/makkelijke-woorden.yml"


def load_plain_words(root: Path) -> tuple[dict[str, PlainWord], list[Problem]]:
    """Read lijsten/makkelijke-woorden.yml: hard words and what to write instead. A region
    without the list gets no warnings about words (a sentence's length is still checked)."""
    if not (root / PLAIN_WORDS_FILE).exists():
        return {}, []
    document, problems = read_yaml_file(root, PLAIN_WORDS_FILE)
    if document is None:
        return {}, problems
    problems += schema_problems("makkelijke-woorden", document, PLAIN_WORDS_FILE)
    if problems or not isinstance(document.data, dict):
        return {}, problems
    words = {
        key: PlainWord(key, entry["schrijf"], tuple(entry.get("vormen", ())))
        for key, entry in document.data.items()
    }
    return words, []
