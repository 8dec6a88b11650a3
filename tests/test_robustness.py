"""Whatever a coordinator types, the check answers in Dutch lines and never crashes.

Every field of an offer, a partner and the region gets values of every YAML type; loading must
end in a result, never in an exception: the site when no problem is an error, else no site, and
every problem a line with a file and a message in words (no Python repr).
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.site import LoadResult, load_site

pytestmark = pytest.mark.traag  # about 450 loads of a region: make test runs it, test-snel not

ODD_VALUES = [
    "tekst",
    "",
    0,
    -1,
    4.5,
    True,
    None,
    [],
    ["a", 1],
    {},
    {"x": 1},
    dt.date(2026, 1, 1),
    "2026-01-01",
]

OFFER = yaml.safe_load(VALID_OFFER)
OFFER_PATHS = [
    *[(key,) for key in OFFER],
    *[("locatie", key) for key in OFFER["locatie"]],
    ("contact", "email"),
    ("leeftijd",),
    ("leeftijd", "min"),
    ("niveau",),
    ("vorm",),
    ("tijden",),
    ("tijden", 0),
    ("tijden", 0, "van"),
    ("op_afspraak",),
    ("kosten",),
    ("kosten", "bedrag"),
    ("kosten", "per"),
    ("proefles",),
    ("proefles", "gratis"),
    ("toegankelijkheid",),
    ("ondersteuning",),
    ("status",),
    ("beschrijving",),
    ("beperkingen", 0),
    ("locatie", "coordinaten", 0),
]


def assert_lines_not_a_crash(result: LoadResult, changed: str | None = None) -> None:
    """Published exactly when there is no error; errors only in the `changed` file, if given."""
    assert (result.site is None) == (not result.ok), [p.format() for p in result.problems]
    for problem in result.problems:
        assert problem.path and problem.message, problem
        assert "<class" not in problem.message and "Traceback" not in problem.message
    if changed is not None:
        assert {p.path for p in result.problems if p.is_error} <= {changed}


def _set(data, path, value):
    for key in path[:-1]:
        if isinstance(key, int):
            while len(data) <= key:
                data.append({"dag": "maandag", "van": "10:00", "tot": "11:00"})
            data = data[key]
        else:
            if key not in data or not isinstance(data[key], (dict, list)):
                data[key] = [] if key in ("tijden", "beperkingen") else {}
            data = data[key]
    last = path[-1]
    if isinstance(last, int):
        while len(data) <= last:
            data.append(None)
    data[last] = value


@pytest.mark.parametrize("path", OFFER_PATHS, ids=lambda p: ".".join(map(str, p)))
def test_any_value_in_any_offer_field_gives_lines_not_a_crash(region, path):
    for value in ODD_VALUES:
        data = yaml.safe_load(VALID_OFFER)
        _set(data, path, value)
        write(region, "offers/raar.yml", yaml.safe_dump(data, allow_unicode=True))
        assert_lines_not_a_crash(load_site(region, today=TODAY), "offers/raar.yml")


@pytest.mark.parametrize("key", ["naam", "soort", "rollen", "gemeente", "website", "contact"])
def test_any_value_in_any_partner_field(region, key):
    for value in ODD_VALUES:
        data = {"naam": "Club", "soort": "sportaanbieder", key: value}
        write(region, "partners/raar.md", "---\n" + yaml.safe_dump(data) + "---\nTekst\n")
        assert_lines_not_a_crash(load_site(region, today=TODAY), "partners/raar.md")


@pytest.mark.parametrize("key", ["naam", "loket", "gemeenten", "plaatsen", "voorbeeld", "licentie"])
def test_any_value_in_any_region_field(region, key):
    original = yaml.safe_load((region / "regio.yml").read_text(encoding="utf-8"))
    for value in ODD_VALUES:
        data = dict(original, **{key: value})
        write(region, "regio.yml", yaml.safe_dump(data, allow_unicode=True))
        # a changed region can make offers wrong too (a gemeente no longer in the list)
        assert_lines_not_a_crash(load_site(region, today=TODAY))


@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
def test_a_whole_file_of_any_value(region, value):
    write(region, "offers/raar.yml", yaml.safe_dump(value))
    write(region, "partners/raar.md", "---\n" + yaml.safe_dump(value) + "---\n")
    result = load_site(region, today=TODAY)
    assert result.problems and result.site is None
