"""Dutch wording: dates, amounts, times, ages, postcodes, phone links, lists and counts."""

import datetime as dt

import pytest

from sportwijzer.base import dutch
from sportwijzer.twins import finder_rules


@pytest.mark.parametrize(
    ("van", "tot", "expected"),
    [
        ("13:30", "", "13.30 uur"),
        ("09:00", "", "9.00 uur"),
        ("09:05", "", "9.05 uur"),
        ("00:00", "", "0.00 uur"),
        ("23:59", "", "23.59 uur"),
        ("09:00", "10:00", "van 9.00 tot 10.00 uur"),
        ("13:30", "16:00", "van 13.30 tot 16.00 uur"),
        ("09:05", "21:30", "van 9.05 tot 21.30 uur"),
        ("00:30", "01:00", "van 0.30 tot 1.00 uur"),
    ],
)
def test_times_the_dutch_way_a_full_stop_and_no_leading_zero(van, tot, expected):
    assert dutch.tijd(van, tot) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(dt.date(2026, 9, 14), "14 september 2026"), (dt.date(2025, 1, 1), "1 januari 2025")],
)
def test_dates_in_words(value, expected):
    assert dutch.datum(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(42.5, "€ 42,50"), (5, "€ 5"), (0.75, "€ 0,75")])
def test_amounts_in_euro(value, expected):
    assert dutch.bedrag(value) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (6, 18, "6 tot en met 18 jaar"),
        (6, None, "vanaf 6 jaar"),
        (None, 12, "tot en met 12 jaar"),
        (10, 10, "10 jaar"),
        (None, None, "alle leeftijden"),
    ],
)
def test_age_ranges(low, high, expected):
    assert finder_rules.age_text(low, high) == expected


def test_postcode_and_phone_links():
    assert dutch.postcode("8021ab") == "8021 AB"
    assert dutch.postcode("8021  AB") == "8021 AB"
    assert dutch.tel_link("038 123 45 67") == "tel:+31381234567"
    assert dutch.tel_link("+31 6 1234 5678") == "tel:+31612345678"
    assert dutch.tel_link("0031 38 123 4567") == "tel:+31381234567"


def test_lists_in_words():
    assert dutch.opsomming(["a"]) == "a"
    assert dutch.opsomming(["a", "b", "c"]) == "a, b en c"


@pytest.mark.parametrize(
    ("n", "enkelvoud", "meervoud", "expected"),
    [
        (0, "activiteit", "activiteiten", "geen activiteiten"),
        (1, "activiteit", "activiteiten", "1 activiteit"),
        (2, "activiteit", "activiteiten", "2 activiteiten"),
        (999, "activiteit", "activiteiten", "999 activiteiten"),
        (1250, "activiteit", "activiteiten", "1.250 activiteiten"),
        (1, "organisatie", "organisaties", "1 organisatie"),
        (0, "vakje", "vakjes", "geen vakjes"),
        (1234567, "vakje", "vakjes", "1.234.567 vakjes"),
    ],
)
def test_counts_in_words_singular_for_one(n, enkelvoud, meervoud, expected):
    assert dutch.aantal(n, enkelvoud, meervoud) == expected


@pytest.mark.parametrize(
    ("n", "getoond", "expected"),
    [
        (1, "1–2", "1–2 vragen"),
        (2, "1–2", "1–2 vragen"),
        (0, "0", "geen vragen"),
        (7, "7", "7 vragen"),
    ],
)
def test_a_count_shown_as_a_range_is_plural(n, getoond, expected):
    assert dutch.aantal(n, "vraag", "vragen", getoond) == expected
