"""The finder page's view (finder/page.py): where its map looks when it has no result to show."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sportwijzer.finder.page import finder_view, region_middle
from sportwijzer.model.objects import Gemeente


@pytest.fixture(scope="module")
def site(demo):
    """The site of the shared demo load (conftest)."""
    return demo.site


def gemeente(lat: float, lon: float) -> Gemeente:
    return Gemeente(naam="X", slug="x", lat=lat, lon=lon)


@pytest.mark.parametrize(
    ("points", "middle"),
    [
        ([(52.5126, 6.0917)], (52.5126, 6.0917)),  # one gemeente: its own centre
        ([(52.0, 6.0), (53.0, 7.0)], (52.5, 6.5)),
        # halfway between the outermost, not the average: a cluster does not pull it aside
        ([(52.0, 6.0), (52.1, 6.1), (52.1, 6.1), (53.0, 7.0)], (52.5, 6.5)),
        ([(52.12345, 5.55555), (52.12346, 5.55556)], (52.1235, 5.5556)),  # about 10 metres
    ],
)
def test_the_middle_of_the_region_is_halfway_between_its_outermost_gemeenten(points, middle):
    assert region_middle([gemeente(lat, lon) for lat, lon in points]) == middle


def test_the_map_looks_at_the_middle_of_the_demo_region(site):
    """regio.yml of the demo: from Olst-Wijhe (52.36) to Steenwijkerland (52.787) north to south,
    from Oldebroek (5.901) to Hardenberg (6.6194) west to east."""
    assert finder_view(site).map_centre == "52.5735,6.2602"


def test_the_map_centre_follows_the_region_s_own_gemeenten(site):
    region = replace(site.regio, gemeenten=[gemeente(51.4416, 5.4697), gemeente(51.5, 5.6)])
    assert finder_view(replace(site, regio=region)).map_centre == "51.4708,5.5348"
