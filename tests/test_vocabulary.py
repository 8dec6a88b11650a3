"""The fixed labels of the vocabulary: what a venue has, in today's words; the keys stay."""

from __future__ import annotations

import re

import pytest

from conftest import TODAY, write
from sportwijzer import vocabulary
from sportwijzer.jsonld import offer_jsonld
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
