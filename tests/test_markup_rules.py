"""Only our own scripts run: `make check` refuses scripts, event attributes and javascript: or data:
links in the content pages and in every Markdown text of the data, with the exact line."""

from __future__ import annotations

import time

import pytest

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.markup_rules import unsafe_markup
from sportwijzer.site import load_site
from test_agenda_rules import VALID_EVENT

SCRIPT = "een <script> mag niet in de tekst: alleen de site zelf voert scripts uit; haal het weg"


def handler(name: str, tag: str) -> str:
    return f"het attribuut '{name}=' in <{tag}> mag niet: het voert code uit; haal het weg"


def link(target: str, scheme: str) -> str:
    return (
        f"de link '{target}' mag niet: een link die begint met {scheme}: kan code uitvoeren; "
        "gebruik een gewone link (https://…) of haal hem weg"
    )


PAGE = "---\ntitle: Over ons\n---\n# Over ons\n\nWe zijn er voor iedereen.\n\n{}\n"  # text: line 8

# (what the page holds on line 8, the lines make check prints, the field 'tekst' implied)
CONTENT_CASES = [
    ("<script>window.pwned=1</script>", [SCRIPT]),
    ("<SCRIPT src=https://example.org/x.js></SCRIPT>", [SCRIPT]),
    ('<img src=x onerror="window.pwned=1">', [handler("onerror", "img")]),
    ("<svg/onload=alert(1)>", [handler("onload", "svg")]),
    ('<a href="#" ONCLICK="alert(1)">klik</a>', [handler("onclick", "a")]),
    ("[klik](javascript:alert(1))", [link("javascript:alert(1", "javascript")]),
    ("[klik]( JaVaScRiPt:void)", [link("JaVaScRiPt:void", "javascript")]),
    ("[klik](java&#115;cript:void)", [link("java&#115;cript:void", "javascript")]),
    (
        "![plaatje](data:image/svg+xml;base64,PHN2Zz4=)",
        [link("data:image/svg+xml;base64,PHN2Zz4=", "data")],
    ),
    ("[x]: data:text/html,hallo", [link("data:text/html,hallo", "data")]),
    ('[x]: <javascript:alert(1)> "met een titel"', [link("javascript:alert(1)", "javascript")]),
    ("[x]:\n    javascript:alert(1)", [link("javascript:alert(1)", "javascript")]),
    ('<a href="javascript:alert(1)">x</a>', [link("javascript:alert(1)", "javascript")]),
    ("<a href='\tjavascript:alert(1)'>x</a>", [link("\tjavascript:alert(1)", "javascript")]),
    ('<iframe src="data:text/html,&lt;b&gt;">', [link("data:text/html,<b>", "data")]),
    (
        '<form action="javascript:alert(1)"><button>x</button></form>',
        [link("javascript:alert(1)", "javascript")],
    ),
    ("<script>a()</script> en <img src=x onerror=b()>", [SCRIPT, handler("onerror", "img")]),
]
SAFE_TEXTS = [
    "[privacy](../privacy/) en [mail ons](mailto:loket@example.org)",
    "<https://example.org> en [bel](tel:0381234567)",
    "De data: 12 mei en 3 juni. Javascript: daar doen we niet aan.",
    '<abbr title="onze data: 12 mei">data</abbr>',
    "Een formule als a<b en b>c, of <br> en <span class=x>tekst</span>.",
]


def check(root) -> list[str]:
    return [p.format() for p in load_site(root, today=TODAY).problems if p.is_error]


@pytest.mark.parametrize(("text", "messages"), CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES])
def test_a_content_page_with_code_gives_exactly_these_lines(region, text, messages):
    write(region, "content/over-ons.md", PAGE.format(text))
    assert check(region) == [f"content/over-ons.md:8: veld 'tekst': {m}" for m in messages]


@pytest.mark.parametrize("text", SAFE_TEXTS)
def test_ordinary_links_and_markup_pass(region, text):
    write(region, "content/over-ons.md", PAGE.format(text))
    assert check(region) == []


@pytest.mark.parametrize("name", ["hulp/vervoer.md", "hulp/vervoer.markdown", "vervoer.mkd"])
def test_a_content_page_deeper_down_and_without_front_matter_counts_from_its_first_line(
    region, name
):
    write(region, f"content/{name}", "# Vervoer\n\n\n<script>x()</script>\n")
    assert check(region) == [f"content/{name}:4: veld 'tekst': {SCRIPT}"]


def test_the_front_matter_is_not_checked_here_the_build_escapes_it(region):
    write(region, "content/over-ons.md", "---\ntitle: <script>x()</script>\n---\n# Over ons\n")
    assert check(region) == []


def offer(beschrijving: str) -> str:
    return VALID_OFFER.replace("laatst_gecontroleerd", beschrijving + "laatst_gecontroleerd")


# (the description as written at line 14 of the offer, the lines make check prints)
OFFER_CASES = [
    (
        "beschrijving: |\n  Welkom.\n\n  <script>x()</script>\n",
        [f"offers/zwemmen.yml:17: veld 'beschrijving': {SCRIPT}"],
    ),
    (
        "beschrijving: >-\n  <img src=x\n  onerror=x()>\n",
        [f"offers/zwemmen.yml:15: veld 'beschrijving': {handler('onerror', 'img')}"],
    ),
    (
        "beschrijving: 'Kom <a href=\"data:text/html,x\">hier</a>'\n",
        [f"offers/zwemmen.yml:14: veld 'beschrijving': {link('data:text/html,x', 'data')}"],
    ),
    # Markdown links: the older rule for descriptions names them (it allows only http, mailto, tel)
    (
        "beschrijving: '[x](javascript:alert(1))'\n",
        [
            "offers/zwemmen.yml:14: veld 'beschrijving': de link 'javascript:alert(1' mag niet; "
            "alleen links die beginnen met https://, http://, mailto: of tel:"
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFER_CASES, ids=[c[0] for c in OFFER_CASES])
def test_an_offer_description_with_code_gives_exactly_these_lines(region, text, expected):
    write(region, "offers/zwemmen.yml", offer(text))
    assert check(region) == expected


def test_an_event_description_with_code_is_refused_on_its_line(region):
    text = VALID_EVENT + "beschrijving: |\n  Kom langs!\n  <svg onload=x()>\n"
    write(region, "agenda/clinic.yml", text)
    line = text.count("\n")  # the last line
    assert check(region) == [
        f"agenda/clinic.yml:{line}: veld 'beschrijving': {handler('onload', 'svg')}"
    ]


def test_a_partners_text_with_code_is_refused_on_its_line_in_the_file(region):
    path = region / "partners" / "judoclub-de-mat.md"
    text = path.read_text(encoding="utf-8") + "\nMeer: <script>x()</script> [a](javascript:x)\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n")
    assert check(region) == [
        f"partners/judoclub-de-mat.md:{line}: veld 'tekst': {link('javascript:x', 'javascript')}",
        f"partners/judoclub-de-mat.md:{line}: veld 'tekst': {SCRIPT}",
    ]


def test_unsafe_markup_names_lines_within_the_text():
    text = "Regel een.\n<p\n  onclick=x()>twee</p>\n[drie](data:x)\n"
    assert unsafe_markup(text) == [(2, handler("onclick", "p")), (4, link("data:x", "data"))]
    assert unsafe_markup(text, markdown_links=False) == [(2, handler("onclick", "p"))]


def test_an_html_file_in_content_is_refused_it_would_be_published_without_the_policy(region):
    write(region, "content/hulp/formulier.html", "<p>Hallo</p>\n")
    assert check(region) == [
        "content/hulp/formulier.html: een HTML-bestand in content/ wordt gepubliceerd zoals het "
        "is, zonder de beveiliging van de site; schrijf de pagina in Markdown "
        "(content/hulp/formulier.md)"
    ]


def test_an_svg_in_content_may_hold_no_script(region):
    write(region, "content/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n')
    assert check(region) == []
    write(region, "content/logo.svg", '<?xml version="1.0"?>\n<svg onload="x()">\n</svg>\n')
    assert check(region) == [f"content/logo.svg:2: {handler('onload', 'svg')}"]


# Texts that make a naive reader slow: the standard library's HTMLParser takes minutes on each.
SLOW_FOR_A_NAIVE_READER = [
    "<a ",
    '<a b="',
    "<!--",
    "</a",
    "<b>x</b>\n",
    "[x](javascript:y)\n",
    "[\n",
]


@pytest.mark.parametrize("piece", SLOW_FOR_A_NAIVE_READER)
def test_reading_takes_time_in_proportion_to_the_text(piece):
    text = piece * (100_000 // len(piece))  # 100 KB
    started = time.perf_counter()
    unsafe_markup(text)
    assert time.perf_counter() - started < 3  # about 0.1 s; quadratic would be minutes


def test_odd_markup_never_stops_the_check():
    for text in ("<![foo[ x ]]><script>", "<![if !supportLists]>", "<!", "<?x", "<a b='", "<"):
        unsafe_markup(text)
    assert unsafe_markup("<![foo[ x ]]><script>x</script>") == [(1, SCRIPT)]


def test_a_comment_is_read_through_markdown_may_turn_its_opening_into_text():
    assert unsafe_markup("`<!--` en dan\n<script>x()</script> -->") == [(2, SCRIPT)]
    assert unsafe_markup("<img src=x\n onerror=x()") == [(1, handler("onerror", "img"))]
