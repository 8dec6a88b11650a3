"""Markdown from the data as safe HTML, and the short cut for plain paragraphs."""

from sportwijzer.base.markdown_safe import render


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
