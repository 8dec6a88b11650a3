"""A picture and 'Wat is ...?' per sport (issue #26, items 1 and 2): every sport in
lijsten/sporten.yml has an icon of its own and an uitleg, the built demo shows them beside the
sport's name, and make check names the line of a sport without them."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from conftest import REPO, TODAY
from sportwijzer.base.problems import sorted_problems
from sportwijzer.base.vocabulary import NEUTRAL_SPORT_ICON
from sportwijzer.check.vocabulary_load import NO_ICON, NO_UITLEG, OWN_ICON, theme_icon_folder
from sportwijzer.site import load_site

S = "lijsten/sporten.yml"
SPORTEN: dict[str, dict] = yaml.safe_load((REPO / S).read_text(encoding="utf-8"))


def shape(icon: str) -> str:
    """The icon's path as the theme draws it: what a page holds when it shows the icon."""
    svg = (theme_icon_folder() / f"{icon}.svg").read_text(encoding="utf-8")
    return re.search(r' d="([^"]+)"', svg).group(1)


def symbol(icon: str) -> str:
    """The id of the icon's symbol in a page's sprite (sw-macros.html)."""
    return "sw-i-" + icon.removeprefix("material/")


def test_every_sport_has_an_icon_of_its_own_from_the_theme_and_an_uitleg():
    icons = [entry.get("icoon") for entry in SPORTEN.values()]
    assert all(icons)
    assert len(set(icons)) == len(icons)
    assert NEUTRAL_SPORT_ICON not in icons  # a sport without an icon is told apart
    for key, entry in SPORTEN.items():
        assert (theme_icon_folder() / f"{entry['icoon']}.svg").is_file(), key
        assert 10 <= len(entry.get("uitleg", "")) <= 300, key


# --- the built demo: every sport has offers there, so every sport has its page ------------------


@pytest.mark.parametrize("slug", sorted(SPORTEN))
def test_a_sport_page_shows_its_icon_and_what_the_sport_is(demo_build, slug):
    entry = SPORTEN[slug]
    page = demo_build.page(f"sport/{slug}/")
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert h1.startswith('<span class="sw-icon" aria-hidden="true"><svg')
    assert shape(entry["icoon"]) in h1
    wat_is = re.search(r'<h2 id="wat-is">(.*?)</h2>\s*<p class="sw-uitleg">(.*?)</p>', page, re.S)
    assert wat_is, f"sport/{slug}/ zegt niet wat {entry['naam']} is"
    kop, uitleg = (html.unescape(part) for part in wat_is.groups())
    assert (kop, uitleg) == (f"Wat is {entry['naam'].lower()}?", entry["uitleg"])
    # its cards point to the sport's symbol, and the page's sprite has it
    assert f'<use href="#{symbol(entry["icoon"])}">' in page
    assert f'<symbol id="{symbol(entry["icoon"])}" viewBox="0 0 24 24">' in page


def test_the_sport_list_shows_every_sport_with_its_own_icon(demo_build):
    page = demo_build.page("sport/")
    for slug, entry in SPORTEN.items():
        link = re.search(rf'<a href="{slug}/">(.*?)</a>', page, re.S)
        assert link, slug
        assert shape(entry["icoon"]) in link.group(1), slug
        assert link.group(1).endswith(f"</span>{entry['naam']}")


def test_an_offer_page_shows_its_sports_icon_and_says_what_the_sport_is(demo_build):
    sport = SPORTEN["goalball"]
    offers = [p for p in (demo_build.site / "aanbod").glob("*/index.html") if "goalball" in str(p)]
    assert offers
    page = offers[0].read_text(encoding="utf-8")
    kop = re.search(r'<p class="sw-kop">(.*?)</p>', page, re.S).group(1)
    assert shape(sport["icoon"]) in kop and "Goalball bij" in kop
    summary = page.index('<p class="sw-samenvatting">')
    uitleg = re.search(r'<p class="sw-uitleg"><strong>(.*?)</strong> (.*?)</p>', page, re.S)
    assert uitleg and uitleg.start() > summary
    assert uitleg.start() < page.index('<h2 id="in-het-kort"')
    assert [html.unescape(part) for part in uitleg.groups()] == [
        "Wat is goalball?",
        sport["uitleg"],
    ]


# --- make check: the exact line for a sport without its icon or its uitleg ----------------------

GOALBALL = SPORTEN["goalball"]
ICOON = f"  icoon: {GOALBALL['icoon']}\n"
UITLEG = f"  uitleg: {GOALBALL['uitleg']}\n"


def line_of(text: str, start: str) -> int:
    return text.splitlines().index(start) + 1


def check_lines(region, old: str, new: str) -> tuple[list[str], int, int]:
    """What make check says about lijsten/sporten.yml with `old` replaced once by `new`, and the
    lines of goalball's key and of its icoon."""
    text = (region / S).read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (region / S).write_text(text, encoding="utf-8")
    problems = sorted_problems(load_site(region, today=TODAY).problems)
    key = line_of(text, "goalball:")
    return [p.format() for p in problems if p.path == S], key, key + 5


def test_a_sport_without_an_icon_gets_a_warning_on_its_line_and_a_neutral_icon(region):
    lines, key, _ = check_lines(region, ICOON, "")
    assert lines == [f"{S}:{key}: let op: veld 'goalball.icoon' ontbreekt; {NO_ICON}"]
    assert lines == [
        f"{S}:{key}: let op: veld 'goalball.icoon' ontbreekt; de site toont nu een algemeen "
        "icoon. Kies een icoon dat bij de sport past op https://pictogrammers.com/library/mdi/ "
        "en schrijf het met material/ ervoor, zoals 'icoon: material/swim'"
    ]
    site = load_site(region, today=TODAY).site
    assert site is not None  # a warning never stops the check or the build
    assert site.vocabulary.sporten["goalball"].icoon == NEUTRAL_SPORT_ICON


def test_a_sport_without_an_uitleg_gets_a_warning_on_its_line(region):
    lines, key, _ = check_lines(region, UITLEG, "")
    assert lines == [f"{S}:{key}: let op: veld 'goalball.uitleg' ontbreekt; {NO_UITLEG}"]
    assert lines == [
        f"{S}:{key}: let op: veld 'goalball.uitleg' ontbreekt; schrijf in een of twee korte "
        "zinnen wat je doet, waarmee, en of je het alleen of in een team doet. De site toont het "
        "onder 'Wat is ...?'"
    ]
    assert load_site(region, today=TODAY).site.vocabulary.sporten["goalball"].uitleg == ""


def test_a_sport_without_both_gets_both_warnings(region):
    lines, key, _ = check_lines(region, ICOON + UITLEG, "")
    assert lines == [
        f"{S}:{key}: let op: veld 'goalball.icoon' ontbreekt; {NO_ICON}",
        f"{S}:{key}: let op: veld 'goalball.uitleg' ontbreekt; {NO_UITLEG}",
    ]


def test_an_icon_that_another_sport_has_gets_a_warning_at_the_later_sport(region):
    lines, _, _ = check_lines(region, ICOON, "  icoon: material/soccer\n")
    later = line_of((region / S).read_text(encoding="utf-8"), "voetbal:") + 5
    assert lines == [
        f"{S}:{later}: let op: veld 'voetbal.icoon': 'material/soccer' is ook het icoon van "
        f"'goalball'; {OWN_ICON}"
    ]
    assert OWN_ICON == (
        "kies voor elke sport een eigen icoon, zodat het plaatje helpt bij het kiezen"
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "material/bel-ring",
            "'material/bel-ring' is geen icoon van het thema. Bedoel je 'material/bell-ring'? "
            "Kies er een op https://pictogrammers.com/library/mdi/, zoals 'material/swim'",
        ),
        (
            "bell-ring",
            "'bell-ring' is geen naam van een icoon; schrijf material/ en dan de naam in kleine "
            "letters, cijfers en streepjes, zoals 'material/swim'",
        ),
        (
            "material/Bell Ring",
            "'material/Bell Ring' is geen naam van een icoon; schrijf material/ en dan de naam in "
            "kleine letters, cijfers en streepjes, zoals 'material/swim'",
        ),
    ],
)
def test_an_icon_the_theme_does_not_ship_is_an_error_on_its_line(region, written, message):
    """The build would stop at the missing file; make check says which line and what to write."""
    lines, _, icoon = check_lines(region, ICOON, f"  icoon: {written}\n")
    assert lines == [f"{S}:{icoon}: veld 'goalball.icoon': {message}"]
    assert load_site(region, today=TODAY).site is None


def test_without_the_theme_the_data_check_leaves_the_icons_to_the_build(region, monkeypatch):
    """The fast data job installs only requirements-check.txt (no theme): it cannot know the
    icons, so it says nothing about them; the build, with the theme, refuses an unknown one."""
    from sportwijzer.check import vocabulary_load

    monkeypatch.setattr(vocabulary_load, "theme_icon_folder", lambda: None)
    lines, _, _ = check_lines(region, ICOON, "  icoon: material/bel-ring\n")
    assert lines == []
