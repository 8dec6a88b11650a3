"""The lexicon query_reading reads a query with: which word or phrase means which sport,
impairment, age, place or wish. Made from the region's own lists (lijsten/sporten.yml,
lijsten/beperkingen.yml, lijsten/leeftijden.yml, regio.yml), which coordinators extend, plus the
words people use for who it is for (zoon, oma) and for the finder's quick wishes.

The browser gets it in the text index's head (zoeken/index.json, field 'lezen'), which the
finder and the header's box fetch when someone starts to search: one file, and the words it
shares with the index's synonyms compress together.

When two lists give a word, the first kind in PRIORITY wins: a sport's own name, an impairment
and its words, who, an age group, a place, a wish, and last a sport's search words ('balsport'
means every sport that lists it).
"""

from __future__ import annotations

from typing import Any

from ..base.dutch import hoofdletter
from ..model.objects import Site
from ..twins.query_reading import read_query, tokens
from .filters import KENMERKEN
from .search import stop_words

# Who it is for: words for a person, and the ages they mean ([min, max], None for no limit).
WHO = (
    ("Kind", (0, 17), (
        "kind", "kindje", "kinderen", "kids", "zoon", "zoontje", "dochter", "dochtertje",
        "kleinkind", "kleinkinderen", "kleinzoon", "kleindochter", "jongen", "jongetje",
        "meisje", "meisjes", "jongens", "pleegkind", "pleegzoon", "pleegdochter", "jeugd",
        "jeugdleden", "neefje", "nichtje", "leerling", "leerlingen",
    )),
    ("Jongere", (12, 17), (
        "jongere", "jongeren", "tiener", "tieners", "puber", "pubers", "tienerzoon",
        "tienerdochter", "middelbare school", "junior", "junioren", "scholier", "scholieren",
    )),
    ("Volwassene", (18, None), (
        "volwassene", "volwassenen", "volwassen", "man", "mannen", "vrouw", "vrouwen", "vader",
        "moeder", "partner", "echtgenoot", "echtgenote", "broer", "zus",
    )),
    ("Oudere", (55, None), (
        "oudere", "ouderen", "ouder", "oma", "opa", "senior", "senioren", "bejaard", "bejaarde",
        "bejaarden", "gepensioneerd", "gepensioneerde", "gepensioneerden", "grootouder",
        "grootvader", "grootmoeder", "55 plus", "55 plussers", "65 plus", "65 plussers",
    )),
)  # fmt: skip

# The finder's quick wishes and how people say them.
WISHES = (
    ("kenmerk", "gratis", ("gratis", "kosteloos", "geen kosten", "niks kosten", "niets kosten")),
    ("kenmerk", "proefles-gratis", (
        "gratis proefles", "gratis proeflessen", "proefles", "proeflessen", "proefles gratis",
        "eerst proberen", "uitproberen", "kennismaken", "kennismakingsles",
    )),
    ("kenmerk", "rolstoeltoegankelijk", ("rolstoeltoegankelijk", "toegankelijk", "drempelvrij")),
    ("kenmerk", "begeleider-gratis", (
        "begeleider gratis", "begeleider mag gratis mee", "begeleider gaat gratis mee",
    )),
    ("omgeving", "binnen", ("binnen", "binnensport", "overdekt", "indoor", "binnenshuis")),
    ("omgeving", "buiten", ("buiten", "buitensport", "buitenlucht", "natuur", "outdoor")),
    ("omgeving", "water", ("in het water", "water", "watersport", "watersporten")),
    ("samen", "team", (
        "in een team", "team", "teamsport", "teamsporten", "samen", "met anderen",
        "in teamverband",
    )),
    ("samen", "alleen", ("alleen", "individueel", "in mijn eentje", "op mezelf")),
)  # fmt: skip
WISH_NAMES = {
    "binnen": "Binnen", "buiten": "Buiten", "water": "In het water", "team": "In een team",
    "alleen": "Alleen",
}  # fmt: skip

# Words that say nothing to search on, besides the stop words: a query full of them finds all.
FILLER = (
    "sport", "sporten", "sportief", "sportieve", "sportles", "sportlessen", "iets", "wil",
    "willen", "wilt", "graag", "zoek", "zoeken", "zoekt", "gezocht", "les", "lessen",
    "activiteit", "activiteiten", "aanbod", "beweegaanbod", "sportaanbod", "club", "clubje",
    "clubs", "vereniging", "groep", "groepje", "groepen", "mogelijkheid", "mogelijkheden",
    "plek", "plekje", "waar", "kunnen", "kan", "dichtbij", "buurt", "omgeving", "nabij", "rond",
    "rondom", "regio", "heeft", "hebben", "doen", "beetje", "leuk", "leuke", "ergens", "welke",
    "oud", "oude", "mag", "mogen", "meedoen", "mee", "aangepast", "aangepaste", "jaar", "jaren",
    "jarig", "jarige", "jr", "km", "kilometer", "hallo", "hoi", "beste", "vraag", "vragen",
    "hulp", "bewegen", "beweging", "gaan", "ga", "gaat", "lid", "worden", "plaats", "gemeente",
    "iemand", "persoon", "mensen", "met", "een", "sportclub", "sportvereniging", "zou", "willen",
    "geschikt", "passend", "passende", "past", "goed", "goede", "nieuw", "nieuwe", "weer",
    "tips", "tip", "advies", "info", "informatie", "s", "en", "of", "zelf", "mezelf", "zit",
    "zitten", "leren", "gehad", "heb", "hebt", "had", "krijgen", "gekregen", "syndroom",
    "plus", "plusser", "plussers", "ook", "daar", "hier", "soort", "vorm",
)  # fmt: skip

PRIORITY = ("sportnaam", "beperking", "wie", "leeftijdsgroep", "bij", "wens", "sportwoord")


def _beperking_label(key: str, naam: str, kort: str, slug: str) -> str:
    if key in (" ".join(tokens(naam)), " ".join(tokens(kort)), slug):
        return kort
    return f"{hoofdletter(key)} ({kort.lower()})"


def query_lexicon(site: Site) -> dict[str, Any]:
    """{"woorden": {key: [soort, waarden, label]}, "vul": [...], "namen": {value: name}}."""
    vocabulary = site.vocabulary
    entries: dict[str, tuple[int, str, list[Any], str]] = {}

    # value: a slug, or an age range [low, high], as the lexicon's JSON holds it
    def add(
        source: str, word: str, soort: str, value: Any, label: str, union: bool = False
    ) -> None:
        key = " ".join(tokens(word))
        if not key:
            return
        rank = PRIORITY.index(source)
        old = entries.get(key)
        if old is None or rank < old[0]:
            entries[key] = (rank, soort, [value], label)
        elif rank == old[0] and old[1] == soort and union and value not in old[2]:
            entries[key] = (rank, soort, sorted([*old[2], value]), hoofdletter(key))

    for sport in vocabulary.sporten.values():
        add("sportnaam", sport.naam, "sport", sport.slug, sport.naam)
        add("sportnaam", sport.slug.replace("-", " "), "sport", sport.slug, sport.naam)
    for sport in vocabulary.sporten.values():
        for word in sport.woorden:
            add("sportwoord", word, "sport", sport.slug, sport.naam, union=True)
    for item in vocabulary.beperkingen.values():
        for word in (item.naam, item.kort, item.slug, *item.woorden):
            label = _beperking_label(" ".join(tokens(word)), item.naam, item.kort, item.slug)
            add("beperking", word, "beperking", item.slug, label, union=True)
    for label, (low, high), said in WHO:
        for word in said:
            add("wie", word, "wie", [low, high], label)
    for group in vocabulary.leeftijden.values():
        for word in (group.naam, *group.woorden):
            add("leeftijdsgroep", word, "wie", [group.min, group.max], group.naam)
    for gemeente in site.regio.gemeenten:
        add("bij", gemeente.naam, "bij", gemeente.slug, f"Bij {gemeente.naam}")
    for plaats in site.regio.plaatsen:
        add("bij", plaats.naam, "bij", plaats.slug, f"Bij {plaats.naam}")
    kenmerk_names = dict(KENMERKEN)
    for soort, value, wished in WISHES:
        name = kenmerk_names.get(value) or WISH_NAMES[value]
        for word in wished:
            add("wens", word, soort, value, name)

    # A sport's search word that is an impairment and a sport joined ('blindenvoetbal') is read
    # as both: left out here, query_reading splits it.
    others = {k: [v[1], v[2], v[3]] for k, v in entries.items()}
    for key, (rank, _soort, _values, _label) in list(entries.items()):
        if PRIORITY[rank] == "sportwoord" and " " not in key:
            meaning = others.pop(key)  # read the word as if it were not a key itself
            split = read_query(key, {"woorden": others, "vul": []})["delen"]
            if sorted(part[0] for part in split) == ["beperking", "sport"]:
                del entries[key]
            else:
                others[key] = meaning
    # 'G-' before a sport is sport for people with an intellectual disability ('G-hockey'): the
    # 'g' is read as that impairment and the rest as the sport, not as the sport alone.
    g_sport = entries.get("g sport")
    if g_sport and g_sport[1] == "beperking":
        entries["g"] = (g_sport[0], "beperking", g_sport[2], "G-sport")
        for key in [k for k in entries if k.startswith("g ")]:
            if entries.get(key[2:], (0, ""))[1] == "sport":
                del entries[key]
    # A sport's name also means the sports that list it as a search word ('basketbal' finds
    # rolstoelbasketbal too), as the text search does.
    for sport in vocabulary.sporten.values():
        for word in sport.woorden:
            key = " ".join(tokens(word))
            entry = entries.get(key)
            if entry and PRIORITY[entry[0]] == "sportnaam" and sport.slug not in entry[2]:
                entries[key] = (entry[0], entry[1], sorted([*entry[2], sport.slug]), entry[3])

    words = {}
    for key, (_rank, soort, values, label) in sorted(entries.items()):
        if soort == "wie":
            values = values[0]
        words[key] = [soort, values, label]
    filler = sorted(set(stop_words()) | set(FILLER))
    names = {b.slug: b.naam for b in vocabulary.beperkingen.values()}
    names |= {s.slug: s.naam for s in vocabulary.sporten.values()}
    names |= kenmerk_names | WISH_NAMES
    return {"woorden": words, "vul": filler, "namen": dict(sorted(names.items()))}
