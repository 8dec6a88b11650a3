"""The site's lunr index and query: deterministic, Dutch, with synonyms and compound sports.

`search()` (tests/finder_oracle.py) is the Python twin of the query in zoeken.js; the browser
tests run the real one.
"""

from __future__ import annotations

import json

import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from conftest import REPO, TODAY, VALID_OFFER, copy_region, write
from finder_oracle import _STEMMER, python_index, query_groups, search
from sportwijzer.finder.filters import kenmerken
from sportwijzer.finder.page_text import ContentPage, content_page
from sportwijzer.finder.search import (
    AANBOD,
    FIELDS,
    HEAD_PATH,
    NAMES,
    PAGINA,
    PARTNER,
    build,
    expansions,
    fold,
    offer_document,
    search_files,
    site_documents,
    synonym_key,
    term,
)
from sportwijzer.site import load_site


def load_index(site):
    return python_index(site)


@pytest.fixture
def searchable(region):
    offers = {
        "nieuw": ("Zwemmen voor iedereen", "zwemmen", "visueel"),
        "yoga": ("Stoelyoga in het buurthuis", "yoga", "chronisch"),
        "cafe": ("Bewegen in het café", "fitness", "psychisch"),
        "quad": ("Quad rijden op zaterdagen", "fietsen", "lichamelijk"),
        "relax": ("Relax en beweeg", "dansen", "autisme"),
        "rbb": ("Jeugdtraining", "rolstoelbasketbal", "rolstoel"),
        "doof": ("Voetbal met tolk", "voetbal", "auditief"),
        "boccia": ("Boccia op dinsdag", "boccia", "verstandelijk"),
    }
    for slug, (titel, sport, beperking) in offers.items():
        text = (
            VALID_OFFER.replace("titel: Zwemmen voor iedereen", f"titel: {titel}")
            .replace("sport: zwemmen", f"sport: {sport}")
            .replace("beperkingen: [visueel]", f"beperkingen: [{beperking}]")
            .replace("Zwemmen in een kleine groep", f"{titel}, in een kleine groep")
        )
        write(region, f"offers/{slug}.yml", text)
    site = load_site(region, today=TODAY).site
    index, synonyms, stop = load_index(site)
    refs = {str(i): offer.slug for i, offer in enumerate(site.gepubliceerd)}

    def find(query: str) -> list[str] | None:
        scores = search(index, query, synonyms, stop)
        if scores is None:
            return None
        return [refs[r] for r in sorted(scores, key=lambda r: -scores[r]) if r in refs]

    return find


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yoga", "yoga"),  # lunr.py's own Dutch trimmer strips the y
        ("café", "cafe"),  # and accents
        ("cafe", "cafe"),  # accents are folded on both sides
        ("quad", "quad"),  # and the q
        ("relax", "relax"),  # and the x
    ],
)
def test_words_with_y_q_x_and_accents_are_found(searchable, query, expected):
    assert expected in searchable(query)


@pytest.mark.parametrize(
    ("query", "expected", "not_expected"),
    [
        ("basketbal", "rbb", "doof"),  # a compound sport is found by its part
        ("rolstoel", "rbb", "yoga"),
        ("blind", "nieuw", "doof"),  # synonym -> visueel
        ("slechtziend", "nieuw", "doof"),
        ("doof", "doof", "nieuw"),  # synonym -> auditief
        ("ASS", "relax", "nieuw"),  # synonym -> autisme
        ("rolstoelgebruiker", "rbb", "nieuw"),
        ("jeu de boules", "boccia", "nieuw"),  # a phrase from the sports list
        ("zwemen", "nieuw", "yoga"),  # one typo
        ("zwem", "nieuw", "yoga"),  # the start of a word
        ("zaterdag", "quad", "yoga"),  # Dutch stem: zaterdagen -> zaterdag
        ("tolken", "doof", "yoga"),  # tolken -> tolk
    ],
)
def test_synonyms_stems_prefixes_and_typos(searchable, query, expected, not_expected):
    found = searchable(query)
    assert expected in found
    assert not_expected not in found


def test_every_word_must_match(searchable):
    assert searchable("voetbal tolk") == ["doof"]
    assert searchable("voetbal yoga") == []
    assert searchable("de en het") is None  # only stop words: no text filter at all


def test_the_title_weighs_more_than_the_summary(searchable):
    assert searchable("boccia")[0] == "boccia"


def test_query_groups():
    synonyms = {"blind": ["visueel"], "jeu de boules": ["boccia"]}
    assert query_groups("Blind en jeu de boules!", synonyms, ["en"]) == [
        ["", "boccia"],
        ["blind", "visueel"],
    ]


def test_expansions_come_from_the_lists(region):
    site = load_site(region, today=TODAY).site
    synonyms = expansions(site)
    assert synonyms["blind"] == ["visueel"]
    assert synonyms["ass"] == ["autisme"]
    assert "rolstoelbasketbal" in synonyms["basketbal"]
    assert "rolstoeltennis" in synonyms["tennis"]  # derived: 'tennis' is part of the name
    assert "zwemmen" not in synonyms  # a word that only means itself is left out
    assert synonyms["cp"] == ["lichamelijk", "rolstoel"]  # rolstoel is narrower: found too
    assert synonyms["lichamelijk"] == ["rolstoel"]
    assert synonyms["kanoen"] == ["kanovaren"]  # 'kanoën', folded as a query is
    assert synonyms["g sport"] == ["verstandelijk"]  # 'g-sport', read as a query is
    assert synonyms["65"] == synonyms["65 plus"] == synonyms["senioren"] == ["ouderen"]
    assert synonyms["jeugd"] == ["jongeren", "kinderen"]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("G-sport", "g sport"),
        ("65+", "65"),
        ("Kanoën", "kanoen"),
        (" jeu de  boules ", "jeu de boules"),
    ],
)
def test_a_synonym_is_keyed_as_a_query_is_read(written, key):
    assert synonym_key(written) == key
    assert query_groups(written, {key: ["x"]}, []) == [["", "x"] if " " in key else [key, "x"]]


def _lunr_weights(docs):
    """lunr.py's own Builder over the same documents: term -> field -> ref -> weight."""

    def index_word(token, i=None, tokens=None):
        found = term(str(token))
        return None if found is None else token.update(lambda text, metadata=None: found)

    Pipeline.register_function(index_word, "test-sportwijzer-nl")
    builder = Builder()
    builder.pipeline.add(index_word)
    builder.search_pipeline.add(_STEMMER)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref), **{name: doc.velden.get(name, "") for name in NAMES}})
    index = builder.build()
    weights = {}
    for word, posting in index.inverted_index.items():
        for name, refs in posting.items():
            if name == "_index":
                continue
            for ref in refs:
                vector = index.field_vectors[f"{name}/{ref}"]
                at = vector.elements[::2].index(posting["_index"])
                weights.setdefault(word, {}).setdefault(name, {})[int(ref)] = vector.elements[
                    2 * at + 1
                ]
    return weights


PAGES = [
    ContentPage("hulp/vervoer/", "Vervoer", "Taxi en regiotaxi", "Met de bus, met subsidie."),
    ContentPage("toolkit/geld/", "Geld", "Subsidie", "Een taxi kost geld; vraag subsidie."),
]


@pytest.mark.parametrize("which", ["fixture", "demo"])
def test_the_weights_are_lunr_py_s_own_and_the_files_deterministic(region, which):
    site = load_site(region if which == "fixture" else REPO, today=TODAY).site
    docs = site_documents(site, PAGES)
    index = build(docs)
    expected = _lunr_weights(docs)
    got = {
        word: {name: {ref: w / 1000 for ref, w in pairs} for name, pairs in fields.items()}
        for word, fields in index.postings.items()
    }
    assert got == expected
    first, second = search_files(site, PAGES), search_files(site, PAGES)
    assert first == second
    assert all("<" not in text for text in first.values())


def test_the_part_files_together_hold_every_term_once(region):
    site = load_site(REPO, today=TODAY).site
    files = search_files(site, PAGES)
    head = json.loads(files[HEAD_PATH])
    assert head["termen"] == sorted(set(head["termen"]))
    parts = [json.loads(files[f"zoeken/deel-{n}.json"]) for n in range(len(head["delen"]))]
    assert len(files) == len(parts) + 1 > 2
    assert sum(len(part) for part in parts) == len(head["termen"])
    assert head["delen"] == [sum(len(p) for p in parts[:n]) for n in range(len(parts))]
    index = build(site_documents(site, PAGES))
    names = [name for name, _boost in head["velden"]]
    rows = [row for part in parts for row in part]
    for word, row in zip(head["termen"], rows, strict=True):
        for name, flat in zip(names, row, strict=False):
            refs, ref = [], 0
            for gap in flat[::2]:
                ref += gap
                refs.append(ref)
            assert list(zip(refs, flat[1::2], strict=True)) == index.postings[word].get(name, [])


def test_the_index_holds_every_published_offer_partner_and_page_once(region):
    site = load_site(region, today=TODAY).site
    docs = site_documents(site, PAGES)
    offers = [d.pad for d in docs if d.soort == AANBOD]
    assert offers == [o.url for o in site.gepubliceerd]
    assert "aanbod/zwemmen-gestopt/" not in offers  # a stopped offer is not found
    assert sorted(d.pad for d in docs if d.soort == PARTNER) == sorted(
        p.url for p in site.partners.values()
    )
    assert [d.pad for d in docs if d.soort == PAGINA] == ["hulp/vervoer/", "toolkit/geld/"]
    paths = [d.pad for d in docs]
    assert len(paths) == len(set(paths))


def test_a_heading_weighs_more_than_the_text(region):
    site = load_site(region, today=TODAY).site
    index, synonyms, stop = python_index(site, PAGES)
    docs = site_documents(site, PAGES)
    for word, first in (("subsidie", "toolkit/geld/"), ("taxi", "hulp/vervoer/")):
        scores = search(index, word, synonyms, stop)
        ranked = [docs[int(r)].pad for r in sorted(scores, key=lambda r: -scores[r])]
        assert ranked[:2] == [first, ({*(p.pad for p in PAGES)} - {first}).pop()]


def test_a_rendered_page_gives_its_headings_and_its_text():
    html = (
        '<h1 id="vervoer">Vervoer<a class="headerlink" href="#vervoer">¶</a></h1>'
        "<p>Met de <strong>bus</strong> naar de sporthal.</p><h2>Taxi</h2><ul><li>Regiotaxi</li>"
        "</ul><script>var x = 1;</script>"
    )
    page = content_page("hulp/vervoer/", "Vervoer", html)
    assert (page.koppen, page.tekst) == ("Taxi", "Met de bus naar de sporthal. Regiotaxi")


def test_index_words_are_trimmed_folded_and_stemmed():
    assert term("Yoga,") == "yoga"  # lunr.py's own Dutch trimmer would have made this 'og'
    assert term("Café") == term("cafe") == "caf"
    assert term("zwemmen") == term("Zwemmen") == "zwemm"
    assert term("de") is None and term("...") is None


def test_only_short_fields_are_indexed(region):
    site = load_site(region, today=TODAY).site
    doc = offer_document(site.aanbod["g-judo-zwolle"]).velden
    assert set(doc) == {
        "titel",
        "sport",
        "beperkingen",
        "plaats",
        "aanbieder",
        "kenmerken",
        "leeftijd",
        "samenvatting",
    }
    assert "houdgrepen" not in json.dumps(doc)  # from the description: not indexed
    assert fold("café") == "cafe"


def test_the_quick_toggles_are_words_the_search_finds():
    """'gratis', 'proefles' and 'rolstoeltoegankelijk' find what the finder's checkboxes find."""
    site = load_site(REPO, today=TODAY).site
    index, synonyms, stop = python_index(site)
    offers = site.gepubliceerd
    for word, toggle in (
        ("gratis", "gratis"),
        ("proefles", "proefles-gratis"),
        ("rolstoeltoegankelijk", "rolstoeltoegankelijk"),
    ):
        found = {int(r) for r in search(index, word, synonyms, stop) if int(r) < len(offers)}
        wanted = {i for i, offer in enumerate(offers) if toggle in kenmerken(offer)}
        assert wanted and wanted <= found, word


# --- words people type, over a region of 27 offers of our own (tests/fixtures/regio-zoeken) ---


@pytest.fixture(scope="module")
def zoekdal(tmp_path_factory):
    """find(query) -> the offers' slugs, best first, as the finder lists a text search."""
    root = copy_region(tmp_path_factory.mktemp("zoekdal"), "regio-zoeken")
    site = load_site(root, today=TODAY).site
    index, synonyms, stop = python_index(site)
    slugs = [offer.slug for offer in site.gepubliceerd]

    def find(query: str) -> list[str]:
        scores = search(index, query, synonyms, stop) or {}
        ranked = sorted((r for r in scores if int(r) < len(slugs)), key=lambda r: -scores[r])
        return [slugs[int(r)] for r in ranked]

    find.site = site
    return find


KIDS = {"judo-kinderen-zwolle", "dansen-dove-kinderen-kampen", "zwemles-kinderen-autisme-zwolle"}
BLIND = {"showdown-zwolle", "tandemfietsen-dalfsen", "voetbal-rinkelbal-zwolle"}
DEAF = {"dansen-dove-kinderen-kampen", "voetbal-dove-jongeren-kampen"}
WHEELS = {"boccia-inloop-zwolle", "racerunning-zwolle", "zeilen-ketelmeer-kampen"}
ONLY_OLDER = {"aquafit-warm-water-zwolle", "stoelyoga-nieuwleusen", "walking-football-kampen"}
LVB = {"fitness-vaste-coach-zwolle", "g-judo-volwassenen-kampen"}
AUTISME = "zwemles-kinderen-autisme-zwolle"
FREE = {"ommetje-ijsselmuiden", "walking-football-kampen", "wandelgroep-stap-voor-stap-dalfsen"}

# (what someone types, the best result): a slug, or a set when the first few are equally good
# (the set's size is how many first results must be exactly those)
QUERIES = [
    # sports by the words people use
    ("kanoën", "kanovaren-vecht-dalfsen"),
    ("kanoen", "kanovaren-vecht-dalfsen"),  # without the diaeresis
    ("Kano", "kanovaren-vecht-dalfsen"),
    ("kanovaren dalfsen", "kanovaren-vecht-dalfsen"),
    ("zwemles", AUTISME),
    ("zwemmen zwolle", {AUTISME, "aquafit-warm-water-zwolle"}),
    ("Zwemmen Kampen", "aangepast-zwemmen-kampen"),
    ("fitness", "fitness-vaste-coach-zwolle"),
    ("sportschool", "fitness-vaste-coach-zwolle"),
    ("wandelen", {"ommetje-ijsselmuiden", "wandelgroep-stap-voor-stap-dalfsen"}),
    ("wandeling", {"ommetje-ijsselmuiden", "wandelgroep-stap-voor-stap-dalfsen"}),
    ("walking football", "walking-football-kampen"),
    ("pingpong", "tafeltennis-parkinson-zwolle"),
    ("paard", "paardrijden-de-hoefslag"),
    ("tandem", "tandemfietsen-dalfsen"),
    ("basketbal", "rolstoelbasketbal-kampen"),
    ("racerunning", "racerunning-zwolle"),
    ("stoelyoga", "stoelyoga-nieuwleusen"),
    # impairments by the words people use
    ("cp", WHEELS),  # lichamelijk, and rolstoel as the finder's filter counts it
    ("CP", WHEELS),
    ("spasticiteit", WHEELS),
    ("cerebrale parese", WHEELS),
    ("hersenletsel", "herstart-hersenletsel-kampen"),
    ("beroerte", "herstart-hersenletsel-kampen"),
    ("niet-aangeboren hersenletsel", "herstart-hersenletsel-kampen"),
    ("blind", BLIND),
    ("blinden", BLIND),
    ("slechtziend", BLIND),
    ("visueel beperkt", BLIND),
    ("blind voetbal", "voetbal-rinkelbal-zwolle"),
    ("doof", DEAF),
    ("doven", "dansen-dove-kinderen-kampen"),
    ("slechthorende", "voetbal-dove-jongeren-kampen"),
    ("SH", DEAF),  # a whole word: not the start of 'showdown'
    ("doof voetbal", "voetbal-dove-jongeren-kampen"),
    ("dove kinderen", "dansen-dove-kinderen-kampen"),
    ("autisme", AUTISME),
    ("ASS", AUTISME),
    ("autisten", AUTISME),
    ("LVB", LVB),
    ("licht verstandelijk beperkt", LVB),
    ("g-sport", LVB),
    ("syndroom van down", LVB),
    ("rolstoel", "rolstoelbasketbal-kampen"),
    ("rolstoelers", "rolstoelbasketbal-kampen"),
    ("rolstoelgebruiker basketbal", "rolstoelbasketbal-kampen"),
    ("parkinson", "tafeltennis-parkinson-zwolle"),
    ("reuma", "aquafit-warm-water-zwolle"),
    ("somberheid", "yoga-somberheid-kampen"),
    ("prikkelarm", "prikkelarm-klimmen-zwolle"),
    # the finder's quick toggles
    ("gratis", FREE),
    ("proefles", {AUTISME, "judo-kinderen-zwolle", "racerunning-zwolle"}),
    ("gratis proefles", {AUTISME, "judo-kinderen-zwolle", "racerunning-zwolle"}),
    ("rolstoeltoegankelijk", {"aangepast-zwemmen-kampen", "rolstoelbasketbal-kampen"}),
    # ages
    ("ouderen", ONLY_OLDER),  # only for 55 and up: first
    ("senioren", ONLY_OLDER),
    ("65-plus", ONLY_OLDER),
    ("65+", ONLY_OLDER),
    ("kinderen", KIDS),
    ("kind", KIDS),
    ("jeugd", KIDS),
    ("jongeren", "voetbal-dove-jongeren-kampen"),
    ("tieners", "voetbal-dove-jongeren-kampen"),
    ("volwassenen", "g-judo-volwassenen-kampen"),
    ("cp kind", "judo-kinderen-zwolle"),
    ("judo kinderen", "judo-kinderen-zwolle"),
    ("voetbal jongeren", "voetbal-dove-jongeren-kampen"),
    ("zwemmen ouderen", {"aangepast-zwemmen-kampen", "aquafit-warm-water-zwolle"}),
    ("wandelen senioren", {"ommetje-ijsselmuiden", "wandelgroep-stap-voor-stap-dalfsen"}),
    ("kind autisme zwemmen", AUTISME),
]


@pytest.mark.parametrize(("query", "best"), QUERIES, ids=[q for q, _ in QUERIES])
def test_words_people_type_find_the_best_offer_first(zoekdal, query, best):
    found = zoekdal(query)
    if isinstance(best, str):
        assert found[:1] == [best]
    else:
        assert set(found[: len(best)]) == best


def test_the_query_table_is_long_enough_and_its_offers_exist(zoekdal):
    assert len(QUERIES) >= 40
    slugs = {offer.slug for offer in zoekdal.site.gepubliceerd}
    for _query, best in QUERIES:
        assert ({best} if isinstance(best, str) else best) <= slugs


@pytest.mark.parametrize(
    ("query", "low", "high"),
    [
        ("kinderen", 0, 11),
        ("kind", 0, 11),
        ("jongeren", 12, 17),
        ("jeugd", 0, 17),
        ("volwassenen", 18, 54),
        ("ouderen", 55, 120),
        ("senioren", 55, 120),
        ("65-plus", 55, 120),
    ],
)
def test_an_age_word_finds_the_offers_whose_age_range_fits_first(zoekdal, query, low, high):
    """An offer fits when some age of the group may join; an offer without ages fits all.
    (A word may find more: 'kinderen' is one typo from 'minder' in a summary.)"""
    fits = {
        offer.slug
        for offer in zoekdal.site.gepubliceerd
        if (offer.leeftijd_min or 0) <= high and (offer.leeftijd_max or 120) >= low
    }
    assert "ommetje-ijsselmuiden" in fits  # no age range: for every age
    assert set(zoekdal(query)[: len(fits)]) == fits


def test_a_word_for_the_broader_impairment_also_finds_the_narrower_one(zoekdal):
    """As the finder's filter: 'lichamelijk' also finds offers for rolstoel only."""
    assert "rolstoelbasketbal-kampen" in zoekdal("lichamelijk")  # beperkingen: [rolstoel]
    assert "rolstoelbasketbal-kampen" in zoekdal("cp")
    assert "kanovaren-vecht-dalfsen" not in zoekdal("rolstoel")  # lichamelijk is not rolstoel
