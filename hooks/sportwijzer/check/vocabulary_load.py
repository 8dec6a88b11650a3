"""Read and check lijsten/: sporten.yml, beperkingen.yml and leeftijden.yml, each against its
schema, into the domain's words (base/vocabulary.py). The impairments' keys are the data contract's
(the offer schema's enum): the list must name each of them, and no other. A sport has an icon
and a short 'uitleg'; without them make check warns and the site shows a neutral icon.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

from ..base.problems import WARNING, Problem, field_problem
from ..base.vocabulary import ICONEN, NEUTRAL_SPORT_ICON, Leeftijdsgroep, Term, Vocabulary
from .load import read_yaml_file
from .plain_language import PlainWord
from .schema import load_schema, schema_problems
from .validate import age_order_problem
from .yamlread import Document

SPORTEN_FILE = "lijsten/sporten.yml"
BEPERKINGEN_FILE = "lijsten/beperkingen.yml"
LEEFTIJDEN_FILE = "lijsten/leeftijden.yml"

BEPERKINGEN: tuple[str, ...] = tuple(
    load_schema("offer")["properties"]["beperkingen"]["items"]["enum"]
)


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read lijsten/sporten.yml, lijsten/beperkingen.yml and lijsten/leeftijden.yml."""
    sporten, problems = _load_terms(root, SPORTEN_FILE, "zoekwoorden", sport=True)
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


def _load_terms(
    root: Path, relative: str, words: str, *, sport: bool = False
) -> tuple[dict[str, Term], list[Problem]]:
    document, problems = read_yaml_file(root, relative)
    if document is None:
        return {}, problems
    problems += schema_problems("lijst", document, relative)
    if not problems and isinstance(document.data, dict):
        problems += _unknown_icons(document, relative)
    if problems or not isinstance(document.data, dict):
        return {}, problems
    fallback = NEUTRAL_SPORT_ICON if sport else ""
    terms = {
        key: Term(
            key,
            entry["naam"],
            entry.get("kort", entry["naam"]),
            tuple(entry.get(words, [])),
            entry.get("icoon") or ICONEN.get(key, fallback),
            entry.get("doelgroep", ""),
            tuple(entry.get("omgeving", ())),
            entry.get("samen", ""),
            entry.get("uitleg", ""),
        )
        for key, entry in document.data.items()
    }
    return terms, _sport_warnings(document, relative) if sport else []


def _sport_warnings(document: Document, relative: str) -> list[Problem]:
    """Every sport has an 'icoon' of its own and an 'uitleg' (warnings: without them the site
    shows a neutral icon, or no 'Wat is ...?')."""
    found = []
    first_with: dict[str, str] = {}  # an icon -> the first sport that has it
    for key, entry in document.data.items():
        line = document.line((key,))
        icon = entry.get("icoon")
        if not icon:
            found.append(
                Problem(relative, line, f"veld '{key}.icoon' ontbreekt; {NO_ICON}", WARNING)
            )
        elif icon in first_with:
            text = f"'{icon}' is ook het icoon van '{first_with[icon]}'; {OWN_ICON}"
            where = document.line((key, "icoon"))
            found.append(Problem(relative, where, f"veld '{key}.icoon': {text}", WARNING))
        else:
            first_with[icon] = key
        if not entry.get("uitleg"):
            found.append(
                Problem(relative, line, f"veld '{key}.uitleg' ontbreekt; {NO_UITLEG}", WARNING)
            )
    return found


NO_ICON = (
    "de site toont nu een algemeen icoon. Kies een icoon dat bij de sport past op "
    "https://pictogrammers.com/library/mdi/ en schrijf het met material/ ervoor, "
    "zoals 'icoon: material/swim'"
)
OWN_ICON = "kies voor elke sport een eigen icoon, zodat het plaatje helpt bij het kiezen"
NO_UITLEG = (
    "schrijf in een of twee korte zinnen wat je doet, waarmee, en of je het alleen of in een "
    "team doet. De site toont het onder 'Wat is ...?'"
)


def _unknown_icons(document: Document, relative: str) -> list[Problem]:
    """An 'icoon' is one the theme ships; checked only where the theme is installed (the build
    and a full make check), since the fast data check installs no theme."""
    folder = theme_icon_folder()
    if folder is None:
        return []
    found = []
    for key, entry in document.data.items():
        name = entry.get("icoon") if isinstance(entry, dict) else None
        if name and not (folder / f"{name}.svg").is_file():
            written = document.text((key, "icoon"), name)
            known = sorted(f"material/{p.stem}" for p in (folder / "material").glob("*.svg"))
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
            hint = f" Bedoel je '{close[0]}'?" if close else ""
            text = (
                f"'{written}' is geen icoon van het thema.{hint} Kies er een op "
                "https://pictogrammers.com/library/mdi/, zoals 'material/swim'"
            )
            found.append(
                field_problem(relative, document.line((key, "icoon")), f"{key}.icoon", text)
            )
    return found


def theme_icon_folder() -> Path | None:
    """The theme's icons (material/templates/.icons), found without importing the theme; None
    where it is not installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


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
        key: PlainWord(
            key, entry["schrijf"], tuple(entry.get("vormen", ())), tuple(entry.get("behalve", ()))
        )
        for key, entry in document.data.items()
    }
    return words, []
