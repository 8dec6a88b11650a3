import datetime as dt

import pytest

from sportwijzer.base import dutch
from sportwijzer.base.markdown_safe import render
from sportwijzer.twins import finder_rules


def test_markdown_renders_emphasis_and_lists():
    assert render("Een **vette** zin.\n\n- a\n- b\n") == (
        "<p>Een <strong>vette</strong> zin.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    )


def test_raw_html_is_shown_as_text_never_as_markup():
    html = render(
        '<script>alert(1)</script>\n\n<div onclick="x">blok</div>\n\nA <img src=x onerror=y>'
    )
    assert "<script" not in html and "<div" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_only_safe_links_survive():
    html = render("[a](javascript:alert(1)) [b](https://example.org) [c](mailto:x@example.org)")
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html
    assert 'href="mailto:x@example.org"' in html


def test_headings_move_down_so_the_page_keeps_one_h1():
    assert render("# Kop\n\n## Sub") == "<h2>Kop</h2>\n<h3>Sub</h3>"


def test_empty_text_gives_no_html():
    assert render("  \n") == ""


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


def test_the_short_cut_for_plain_text_gives_what_the_converter_gives():
    """plain_paragraphs() against Python-Markdown on thousands of made-up texts."""
    import random

    from sportwijzer.base.markdown_safe import _converter, plain_paragraphs

    rng = random.Random(7)
    pieces = ["zwemmen", "Café", "10", "1.", "3)", " ", "  ", "\n", "\n\n", "\n\n\n", ".", ",",
              "-", "--", "*", "_", "#", "€ 5", "50%", "(ja)", "'t", '"', "e@x.nl", ":", "/",
              "\t", "> ", "+", "[a](b)", "`c`", "&", "<b>", "=", "é"]  # fmt: skip
    calm = [p for p in pieces if p.strip(" \n") and p[0].isalpha()] + [" ", "\n", "\n\n", ". "]
    plain = 0
    for n in range(8000):
        text = "".join(rng.choice(calm if n % 2 else pieces) for _ in range(rng.randint(1, 14)))
        if not text.strip():
            continue
        quick = plain_paragraphs(text)
        if quick is not None:
            plain += 1
            assert quick == _converter().reset().convert(text), repr(text)
    assert plain > 1500  # the short cut was tried often enough to mean something


def test_plain_descriptions_take_the_short_cut_and_markdown_does_not():
    from sportwijzer.base.markdown_safe import plain_paragraphs

    assert plain_paragraphs("Een zin.\nNog een.\n\nTweede alinea.") == (
        "<p>Een zin.\nNog een.</p>\n<p>Tweede alinea.</p>"
    )
    for text in ("- een lijst", "**vet**", "1. eerst", "regel  \nbreuk", "a_b_c", "[link](x)"):
        assert plain_paragraphs(text) is None
