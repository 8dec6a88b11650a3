"""The matching rules shared by the static pages and the finder, and offers nearby."""

import pytest

from sportwijzer.base.geo import distance_km
from sportwijzer.finder.filters import serves
from sportwijzer.finder.nearby import Nearby


@pytest.fixture(scope="module")
def demo_offers(demo):
    return demo.site.gepubliceerd


def test_impairment_rules(demo_offers):
    offers = demo_offers
    for offer in offers:
        slugs = {b.slug for b in offer.beperkingen}
        assert serves(offer, "visueel") == bool(slugs & {"visueel", "iedereen"})
        assert serves(offer, "lichamelijk") == bool(slugs & {"lichamelijk", "rolstoel", "iedereen"})
        assert serves(offer, "rolstoel") == bool(slugs & {"rolstoel", "iedereen"})


def brute_force(offer, offers, limit=4, max_km=25):
    own = {b.slug for b in offer.beperkingen} - {"iedereen"}
    found = []
    for other in offers:
        if other.slug == offer.slug:
            continue
        related = other.sport.slug == offer.sport.slug or any(serves(other, b) for b in own)
        here, there = (offer.locatie.lat, offer.locatie.lon), (other.locatie.lat, other.locatie.lon)
        km = distance_km(here, there)
        if related and km <= max_km:
            found.append((km, other.titel.lower(), other.slug))
    return [slug for *_, slug in sorted(found)[:limit]]


def test_the_grid_finds_exactly_what_a_full_scan_finds(demo_offers):
    offers = demo_offers
    near = Nearby(offers)
    for offer in offers:
        assert [o.slug for o, _ in near.near(offer)] == brute_force(offer, offers), offer.slug


def test_nearby_is_sorted_and_within_reach(demo_offers):
    offers = demo_offers
    near = Nearby(offers)
    for offer in offers:
        distances = [km for _, km in near.near(offer)]
        assert distances == sorted(distances)
        assert all(km <= 25 for km in distances)


def test_small_cells_find_the_same_as_a_full_scan(demo_offers, monkeypatch):
    """Dense regions get small cells and walk more rings: same answers."""
    offers = demo_offers
    monkeypatch.setattr(Nearby, "_cell_km", lambda self, offers, mean_lat: 0.3)
    near = Nearby(offers)
    for offer in offers:
        assert [o.slug for o, _ in near.near(offer)] == brute_force(offer, offers), offer.slug
