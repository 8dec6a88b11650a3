"""A table of cases for reading a query: [function, arguments], run through the Python rules
(hooks/sportwijzer/twins/query_reading.py) and the browser's (content/javascripts/query_reading.js).

The lexicon is the demo region's (query_lexicon over the repository's lijsten/ and regio.yml);
the queries are the words people type, with their typos, and malformed input, which is where
two implementations drift.
"""

from __future__ import annotations

import functools
import itertools

from finder_rule_cases import OFFERS, RULES
from sportwijzer.twins import query_reading as qr

QUERIES = [
    "sport voor mijn zoon met autisme", "zoon autisme", "autisme 9 jaar", "parkinsons",
    "parkinson", "Parkinson's", "judo voor mijn dochter van 10", "in Kampen", "rolstoel",
    "rolstoelgebruiker", "rolstoeltennis in Kampen", "zwemmen 65+", "65+", "55 plus",
    "gratis proefles zwemmen", "in een team", "binnen 10 km", "hardlopen binnen 10 km van Dalfsen",
    "14-jarige met adhd", "14 jarige", "van 14", "9jaar", "judoles", "zwemen", "zwemmmen",
    "autistische", "autistisch", "down", "downsyndroom", "syndroom van down", "zwembad",
    "Café yoga", "CAFÉ", "ms", "cva", "beroerte", "hersenbloeding", "hersenletsel", "dwarslaesie",
    "amputatie", "spierziekte", "reuma", "copd", "slechtziend", "blind", "doof", "slechthorend",
    "prikkelgevoelig", "add", "adhd", "oma", "opa", "kleinkind", "tiener", "puber", "jongere",
    "ouder", "senior", "volwassene", "kind", "kinderen", "iets voor mijn opa in Zwolle",
    "mijn moeder heeft ms en wil graag zwemmen",
    "voetbal voor blinde kinderen in de buurt van zwolle",
    "ik zoek een sport voor mijn zoon van 12 met autisme in de buurt van Dalfsen",
    "dansen", "dans", "danslessen", "fietsen", "tandem", "handbike", "boccia", "showdown",
    "goalball", "rolstoelbasketbal", "basketbal", "rolstoelbasket", "balsport", "teamsport",
    "alleen", "buiten", "binnen", "water", "in het water", "gratis", "proefles", "toegankelijk",
    "begeleider gratis", "sport", "sporten", "iets", "voor", "mijn", "met", "een", "wil graag",
    "zoek", "", "   ", "—", "!!!", "0", "120", "121", "999", "12345", "-5", "5 km", "0 km",
    "binnen", "binnen 5", "binnen km", "km", "jaar", "10 jaar oud", "van 6 tot 12",
    "6-12 jaar", "zwemmen zwemmen", "autisme autisme", "autisme adhd", "blind doof",
    "doofblind", "rolstoel lichamelijk", "ss", "s", "a", "ab", "abc", "abcd", "abcde",
    "zwolle kampen", "kampen zwolle", "ijsselmuiden", "IJsselmuiden", "ijssel muiden",
    "nieuwleusen", "Olst-Wijhe", "olst wijhe", "olst", "steenwijkerland", "hattem", "hatem",
    "kampen.", "Kampen, zwemmen!", "zwemmen;autisme", "zwemmen\tautisme\nkind",
    "ZWEMMEN VOOR OUDEREN", "ouderen", "senioren", "65-plussers", "bejaarden",
    "jeugd", "peuters", "kleuters", "basisschool", "middelbare school", "kids",
    "ß", "ü", "ø", "😀", "😀 judo", "judo😀", "naïef", "ĳssel", "ﬁetsen", "İ",
    "a" * 40, "zwemmen " * 30, "judo " + "voor " * 20 + "kind",
    "paardrijden", "paard", "paarden", "huifbed", "klimmen", "kano", "kanoën", "kanovaren",
    "wandelen", "wandelgroep", "ommetje", "walking football", "walkingfootball", "yoga",
    "stoelyoga", "aquafit", "fitness", "sportschool", "krachttraining", "tafeltennis",
    "pingpong", "tennis", "atletiek", "racerunning", "bowlen", "zeilen", "schaatsen",
    "turnen", "gym", "voetbal", "g-voetbal", "g voetbal", "g-sport", "zml", "lvb",
    "motorisch", "cp", "cerebrale parese", "spastisch", "mindervalide", "rollator",
    "zien", "horen", "gebarentaal", "psychisch", "depressie", "burn-out", "angst",
    "diabetes", "overgewicht", "hartpatient", "longziekte", "kanker", "chronisch ziek",
    "voor mijn kind van 7 met down", "dochter 15 autisme zwemmen zwolle",
    "zoon 8 jaar adhd voetbal kampen", "opa parkinson tafeltennis", "oma rollator bewegen",
    "moeder na beroerte", "vader dwarslaesie rolstoelbasketbal", "sport na hersenbloeding",
    "blinde man judo", "slechtziende vrouw fitness", "dove jongeren voetbal",
    "doof kind dansen", "rolstoel tennis", "rolstoelhockey", "zitvolleybal",
    "gratis zwemmen voor kinderen", "proefles judo", "buiten sporten met autisme",
    "binnen sporten ouderen", "teamsport voor jongeren met adhd", "alleen sporten",
    "in mijn eentje", "met anderen", "samen sporten", "kosteloos", "geen kosten",
    "sport voor iedereen", "voor iedereen", "alle beperkingen", "klimmen prikkelarm",
    "prikkelarm", "rustig", "kleine groep", "ervaren trainer", "begeleiding",
    "zwemles", "zwemlessen", "judoclub", "voetbalclub", "voetbalvereniging",
    "tenniss", "judi", "voetbl", "fietsn", "atletiek kampen 10 km", "zwolle 5 km",
    "in de buurt van wezep", "bij hasselt", "rond genemuiden", "uit ommen",
]  # fmt: skip

WISH_OFFERS = OFFERS + [
    {"sport": "tafeltennis", "gemeente": "zwolle", "beperkingen": ["chronisch"], "min": 50,
     "max": None, "omgeving": ["binnen"], "samen": "beide", "kenmerken": []},
]  # fmt: skip
LABELS = {"autisme": "Autisme", "visueel": "Visuele beperking", "judo": "Judo",
          "zwemmen": "Zwemmen", "gratis": "Gratis", "team": "In een team"}  # fmt: skip
WISH_QUERIES = [
    "zoon autisme", "judo voor mijn dochter van 10", "zwemmen 65+", "rolstoel", "lichamelijk",
    "autisme judo zwolle", "gratis in een team", "buiten", "water", "blind zwemmen 8",
    "rolstoelbasketbal 16 jaar", "kanovaren 17", "parkinson", "iedereen", "begeleiding",
    "zwemmen kampen 5 km", "oma", "jongere", "kind", "18", "alleen",
]  # fmt: skip
DISTANCES = [None, 0.0, 3.4, 14.99, 15.0, 15.01, 40.0]


@functools.cache
def demo_lexicon() -> dict:
    """The lexicon of the repository's own lists and region."""
    import datetime as dt
    from pathlib import Path

    from sportwijzer.finder.query_lexicon import query_lexicon
    from sportwijzer.site import load_site

    root = Path(__file__).resolve().parents[1]
    return query_lexicon(load_site(root, today=dt.date(2026, 12, 1)).site)


def cases() -> list[tuple[str, list]]:
    lexicon = demo_lexicon()
    table: list[tuple[str, list]] = []
    for query in QUERIES:
        table.append(("tokens", [query]))
        table.append(("read_query", [query, lexicon]))
        reading = qr.read_query(query, lexicon)
        table.append(("asked", [reading]))
        table.append(("chips", [reading]))
        for _label, where in qr.chips(reading)[:2]:
            table.append(("without", [reading, where]))
    for query, (n, offer), distance in itertools.product(
        WISH_QUERIES, enumerate(WISH_OFFERS), DISTANCES[:4]
    ):
        wish = qr.asked(qr.read_query(query, lexicon))
        text_hit = n % 2 == 0
        table.append(("fit", [offer, wish, distance, text_hit, "Zwolle", LABELS, RULES]))
        table.append(("score", [offer, wish, distance, text_hit, RULES]))
        fitted = qr.fit(offer, wish, distance, text_hit, "Zwolle", LABELS, RULES)
        table.append(("why_text", [fitted]))
    for query in WISH_QUERIES:
        wish = qr.asked(qr.read_query(query, lexicon))
        table.append(("named", [wish]))
        table.append(("partial_text", [qr.read_query(query, lexicon)]))
    for n in range(12):
        results = [
            {"ref": str(i), "order": i, "distance": DISTANCES[(i * 3 + n) % len(DISTANCES)],
             "punten": (i * 7 + n) % 5 * 2 if n % 4 else 0,
             "alles": (i + n) % 3 == 0 and n % 4 != 1,
             "eigen": (i + n) % 2, "tekst": ((i * 13 + n) % 7) / 3}
            for i in range(n * 2)
        ]  # fmt: skip
        table.append(("answer", [results]))
    for low, high in itertools.product([None, 0, 8, 17, 55], [None, 0, 8, 17, 120]):
        table.append(("age_span", [low, high]))
    for n in (0, 1, 2, 1234):
        table.append(("partial_count", [n]))
    for words, filters in itertools.product([True, False], [True, False]):
        table.append(("none_text", [words, filters]))
    return table
