"""The fixed labels of the vocabulary: what a venue has, in today's words; the keys stay."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import REPO, TODAY, write
from sportwijzer.base import vocabulary
from sportwijzer.build.jsonld import offer_jsonld
from sportwijzer.check import vocabulary_load
from sportwijzer.site import load_site

# Every venue feature, its key as in the data contract and its name on the site.
VENUE_FEATURES = [
    ("rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ("invalidentoilet", "Toegankelijk toilet"),
    ("aangepaste-kleedruimte", "Aangepaste kleedruimte"),
    ("invalidenparkeerplaats", "Gehandicaptenparkeerplaats"),
    ("tillift", "Tillift"),
    ("hulphond-welkom", "Hulphond welkom"),
    ("prikkelarm", "Prikkelarme ruimte"),
    ("ov-dichtbij", "Openbaar vervoer dichtbij"),
]

# Words for people with a disability that are no longer used in what a person reads.
OUTDATED = re.compile(r"invalide|mindervalide|gebrekkig|zwakzinnig|geestelijk gehandicapt", re.I)


def test_the_keys_are_the_data_contract_and_each_has_its_name():
    assert list(vocabulary.TOEGANKELIJKHEID.items()) == VENUE_FEATURES


@pytest.mark.parametrize(
    "labels",
    [vocabulary.TOEGANKELIJKHEID, vocabulary.ONDERSTEUNING, vocabulary.VORM],
    ids=["toegankelijkheid", "ondersteuning", "vorm"],
)
def test_no_name_uses_an_outdated_word(labels):
    assert [name for name in labels.values() if OUTDATED.search(name)] == []


def test_an_offer_keeps_its_keys_and_shows_todays_names(region):
    offer_file = region / "offers" / "g-judo-zwolle.yml"
    text = offer_file.read_text(encoding="utf-8").replace(
        "toegankelijkheid: [rolstoeltoegankelijk, prikkelarm]",
        "toegankelijkheid: [invalidentoilet, invalidenparkeerplaats]",
    )
    write(region, "offers/g-judo-zwolle.yml", text)
    result = load_site(region, today=TODAY)
    assert result.ok, result.problems
    offer = result.site.aanbod["g-judo-zwolle"]
    assert [(t.slug, t.naam) for t in offer.toegankelijkheid] == [
        ("invalidentoilet", "Toegankelijk toilet"),
        ("invalidenparkeerplaats", "Gehandicaptenparkeerplaats"),
    ]
    assert [t.icoon for t in offer.toegankelijkheid] == ["material/toilet", "material/parking"]
    place = offer_jsonld(offer, "https://example.org/")
    names = [f["name"] for f in place["location"]["amenityFeature"]]
    assert names == ["Toegankelijk toilet", "Gehandicaptenparkeerplaats"]


# --- age groups (lijsten/leeftijden.yml): the words 'kinderen' or 'ouderen' in a search ------


@pytest.mark.parametrize(
    ("low", "high", "groups"),
    [
        (None, None, ["kinderen", "jongeren", "volwassenen", "ouderen"]),  # for every age
        (5, 12, ["kinderen", "jongeren"]),  # some 12-year-old may join
        (6, 11, ["kinderen"]),
        (12, 18, ["jongeren", "volwassenen"]),
        (12, None, ["jongeren", "volwassenen", "ouderen"]),
        (18, None, ["volwassenen", "ouderen"]),
        (55, None, ["ouderen"]),
        (None, 4, ["kinderen"]),
    ],
)
def test_an_offer_fits_every_age_group_that_may_join(low, high, groups):
    vocab, problems = vocabulary_load.load_vocabulary(REPO)
    assert problems == []
    assert vocab.leeftijdsgroepen(low, high) == groups


def test_a_broken_age_list_names_each_problem_with_its_line(region):
    write(
        region,
        "lijsten/leeftijden.yml",
        "kinderen:\n  naam: Kinderen\n  leeftijd: {min: 12, max: 4}\n"
        "ouderen:\n  naam: Ouderen\n  leeftijd: {vanaf: 55}\n"
        "jongeren:\n  naam: Jongeren\n  synoniemen: [tieners]\n",
    )
    vocab, problems = vocabulary_load.load_vocabulary(region)
    assert sorted(p.format() for p in problems) == [
        "lijsten/leeftijden.yml:3: veld 'kinderen.leeftijd': 'min' (12) is groter dan 'max' (4); "
        "draai ze om",
        "lijsten/leeftijden.yml:6: veld 'ouderen.leeftijd.vanaf' is onbekend. Mogelijke velden: "
        "min, max",
        "lijsten/leeftijden.yml:7: veld 'jongeren.leeftijd' ontbreekt",
    ]
    assert vocab.leeftijden == {}


def test_importing_the_model_reads_no_data_or_schema_file():
    """The domain's words (base/vocabulary.py) read nothing; reading lijsten/ and the schemas is
    vocabulary_load's job, done when a site is loaded, not when a module is imported."""
    probe = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and opened.append(str(args[0])))\n"
        "import sportwijzer.model.objects\n"
        "print([p for p in opened if not p.endswith(('.py', '.pyc')) and 'sportwijzer' in p])\n"
    )
    hooks = str(REPO / "hooks")
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=hooks, check=True
    )
    assert done.stdout.strip() == "[]"
