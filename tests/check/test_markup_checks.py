"""Only our own scripts run: `make check` refuses scripts, event attributes and javascript: or data:
links in the content pages and in every Markdown text of the data, with the exact line."""

from __future__ import annotations

import pytest

from check.test_event_checks import VALID_EVENT
from conftest import TODAY, VALID_OFFER, write
from sportwijzer.base.problems import sorted_problems
from sportwijzer.check.markup_checks import unsafe_markup
from sportwijzer.site import load_site

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
def test_100_kb_of_what_slows_a_naive_reader_is_read_to_the_end(piece):
    """Read once, start to end: the one unsafe link per line is found on every line, up to the
    last. How long it takes (about 0.1 s; quadratic would be minutes) is in bench/guards.py."""
    text = piece * (100_000 // len(piece))
    found = unsafe_markup(text)
    if "javascript:" in piece:
        assert [line for line, _ in found] == list(range(1, text.count("\n") + 1))
    else:
        assert found == []


def test_odd_markup_never_stops_the_check():
    for text in ("<![foo[ x ]]><script>", "<![if !supportLists]>", "<!", "<?x", "<a b='", "<"):
        unsafe_markup(text)
    assert unsafe_markup("<![foo[ x ]]><script>x</script>") == [(1, SCRIPT)]


def test_a_comment_is_read_through_markdown_may_turn_its_opening_into_text():
    assert unsafe_markup("`<!--` en dan\n<script>x()</script> -->") == [(2, SCRIPT)]
    assert unsafe_markup("<img src=x\n onerror=x()") == [(1, handler("onerror", "img"))]


# --- Pasted HTML and images (issue #24, item 8) --------------------------------------------------
# A description shows no raw HTML (the page shows it as text) and no image (the page drops it):
# each such tag or image gets a warning naming it and saying what to do, on its own line.

IFRAME = (
    "een <iframe> (een video, kaart of andere pagina) wordt niet getoond: de pagina laat de code "
    "als tekst zien; zet er een link naar, zoals [Bekijk {words}]({link})"
)
HTML_TABLE = (
    "een HTML-tabel (<table>) wordt als tekst getoond; schrijf een Markdown-tabel: een lege regel "
    "erboven, dan | dag | tijd |, daaronder | --- | --- | en dan per rij | maandag | 10:00 |"
)
AS_TEXT = (
    "HTML ({tags}) wordt als tekst getoond; schrijf Markdown: **vet**, een lijstje met -, of een "
    "link als [tekst](https://…)"
)
ELSEWHERE = (
    "een beschrijving toont geen plaatjes, en de site laadt alleen plaatjes van de site zelf; "
    "maak er een link van: [{alt}]({src})"
)
GONE = "het plaatje '{src}' wordt niet getoond (het verdwijnt van de pagina): "
SHOWN = "het plaatje '{src}' wordt niet getoond (de pagina laat de code als tekst zien): "
YT = "https://www.youtube.com/embed/abc123"
PIC = "https://example.org/zaal.jpg"
N = "offers/nieuw.yml"


def described(*lines: str) -> str:
    """The valid offer with a multi-line description; its first line is line 16 of the file."""
    return VALID_OFFER + "beschrijving: |\n" + "".join(f"  {x}\n" if x else "\n" for x in lines)


# (id, description lines from line 16, the warnings make check gives for the offer)
PASTED = [
    ("iframe-youtube", described("Kijk:", "", f'<iframe width="560" src="{YT}"></iframe>'), [
        f"{N}:18: let op: veld 'beschrijving': "
        + IFRAME.format(words="de video", link="https://www.youtube.com/watch?v=abc123")]),
    ("iframe-map", described('<iframe src="https://www.google.com/maps/embed?pb=x"></iframe>'), [
        f"{N}:16: let op: veld 'beschrijving': "
        + IFRAME.format(words="de kaart", link="https://www.google.com/maps/embed?pb=x")]),
    ("html-table-once", described("Rooster:", "", "<table>", "<tr><th>dag</th><th>tijd</th></tr>",
                                  "<tr><td>maandag</td><td>10:00</td></tr>", "</table>"), [
        f"{N}:18: let op: veld 'beschrijving': {HTML_TABLE}"]),
    ("html-table-rows-only", described("Rooster:", "", "<tr><td>maandag</td></tr>"), [
        f"{N}:18: let op: veld 'beschrijving': {HTML_TABLE}"]),
    ("markdown-image-elsewhere", described("Het bad:", "", f"![het bad]({PIC})"), [
        f"{N}:18: let op: veld 'beschrijving': {GONE.format(src=PIC)}"
        + ELSEWHERE.format(alt="het bad", src=PIC)]),
    ("markdown-image-own-site", described("Het bad: ![](../plaatjes/bad.jpg)"), [
        f"{N}:16: let op: veld 'beschrijving': {GONE.format(src='../plaatjes/bad.jpg')}"
        "een beschrijving toont geen plaatjes; haal het weg"]),
    ("img-tag", described(f'<img src="{PIC}" alt="zaal">'), [
        f"{N}:16: let op: veld 'beschrijving': {SHOWN.format(src=PIC)}"
        + ELSEWHERE.format(alt="zaal", src=PIC)]),
    ("tags-named-per-line", described("Dit <b>vet</b> en<br>dit <span>ook</span>.", "<p>Hoi</p>"), [
        f"{N}:16: let op: veld 'beschrijving': {AS_TEXT.format(tags='<b>, <br>, <span>')}",
        f"{N}:17: let op: veld 'beschrijving': {AS_TEXT.format(tags='<p>')}"]),
    ("comment", described("<!-- oude tekst -->", "Nieuwe tekst."), [
        f"{N}:16: let op: veld 'beschrijving': een opmerking (<!-- … -->) wordt als tekst "
        "getoond; haal hem weg"]),
    ("rule", described("Eerste deel.", "", "---", "", "Tweede deel."), [
        f"{N}:18: let op: veld 'beschrijving': een lijn (---) wordt niet getoond; haal hem weg "
        "(een lege regel begint een nieuwe alinea)"]),
    ("indented-paragraph-shows-as-code", described("Eerste deel.", "", "    Tweede deel."), [
        f"{N}:18: let op: veld 'beschrijving': deze regel staat verder ingesprongen dan de rest "
        "van de tekst en wordt als code getoond; zet hem recht onder de andere regels"]),
    ("a-list-items-next-paragraph-passes", described("- Neem mee:", "", "    een handdoek"), []),
    ("a-long-address-is-cut", described(f'<iframe src="https://example.org/{"x" * 80}">'), [
        f"{N}:16: let op: veld 'beschrijving': "
        + IFRAME.format(words="het hier", link=f"https://example.org/{'x' * 40}…")]),
    ("bare-links-and-comparisons-pass", described("Zie <https://example.org> of mail "
                                                  "<info@example.org>.", "Voor 8 < 12 jaar."), []),
    ("markdown-table-and-link-pass", described("Zie [de film](https://example.org/film).", "",
                                                "| dag | tijd |", "| --- | --- |",
                                                "| maandag | 10:00 |"), []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PASTED], ids=[c[0] for c in PASTED])
def test_pasted_html_and_images_in_a_description_get_a_line_saying_what_to_do(
    region, text, expected
):
    write(region, N, text)
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    assert [p.format() for p in problems if p.path == N] == expected


def test_html_in_code_is_left_to_the_code_line(region):
    write(region, N, described("Typ `<b>` niet.", "", "```", "<iframe src='x'>", "```"))
    lines = [p.format() for p in load_site(region, today=TODAY).problems if p.path == N]
    assert lines and all("code (`)" in line for line in lines)


def test_an_event_and_a_partner_text_get_the_same_lines(region):
    write(region, "agenda/clinic.yml", VALID_EVENT + f"beschrijving: |\n  ![x]({PIC})\n")
    path = region / "partners" / "judoclub-de-mat.md"
    text = path.read_text(encoding="utf-8") + "\n<table><tr><td>a</td></tr></table>\n"
    path.write_text(text, encoding="utf-8")
    event_line = (VALID_EVENT + "x\n").count("\n") + 1
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    mine = ("agenda/clinic.yml", "partners/judoclub-de-mat.md")
    assert [p.format() for p in problems if p.path in mine] == [
        f"agenda/clinic.yml:{event_line}: let op: veld 'beschrijving': {GONE.format(src=PIC)}"
        + ELSEWHERE.format(alt="x", src=PIC),
        f"partners/judoclub-de-mat.md:{text.count(chr(10))}: let op: veld 'tekst': {HTML_TABLE}",
    ]


# A hand-written page (content/) shows HTML and images, but the site's policy loads images,
# frames and media only from the site itself: one from elsewhere leaves an empty spot.
PAGE_IMAGE = (
    "het plaatje '{src}' komt van een andere site en wordt niet getoond: de site laadt alleen "
    "plaatjes van de site zelf; zet het plaatje in content/ en verwijs ernaar, zoals "
    "![{alt}](plaatje.png)"
)
PAGE_FRAME = (
    "een <iframe> van een andere site ({src}) wordt niet getoond: de site laadt geen video's, "
    "kaarten of pagina's van andere sites; zet er een link naar, zoals [Bekijk de video]({link})"
)
PAGE_CASES = [
    (f"![De zaal]({PIC})", [PAGE_IMAGE.format(src=PIC, alt="De zaal")]),
    (f"<img src='{PIC}'>", [PAGE_IMAGE.format(src=PIC, alt="uitleg")]),
    (f'<iframe src="{YT}"></iframe>',
     [PAGE_FRAME.format(src=YT, link="https://www.youtube.com/watch?v=abc123")]),
    ("![De zaal](zaal.jpg) en <img src='../plaatjes/zaal.jpg'>", []),
    (f"`![De zaal]({PIC})`", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "messages"), PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_a_content_page_names_what_the_sites_policy_will_not_load(region, text, messages):
    write(region, "content/over-ons.md", PAGE.format(text))
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    assert [p.format() for p in problems if p.path == "content/over-ons.md"] == [
        f"content/over-ons.md:8: let op: veld 'tekst': {m}" for m in messages
    ]
