"""The Meedoen Meerkamp self-test in a real browser: keyboard, result, storage, print, no JS.

The answer sets are checked against the Python twin of the rule (sportwijzer.twins.zelftest) too, so
the page and the core cannot drift apart.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from urllib.parse import urljoin

import pytest

from sportwijzer.twins.zelftest import samenvatting

from .harness import (
    WIDTHS,
    assert_in_sight,
    assert_no_axe_violations,
    demo_site,
    focused,
    set_width,
    visit,
    wait_ready,
)

PATH = "toolkit/zelftest/"
KEY = "sportwijzer-zelftest-meerkamp"


@functools.cache
def onderdelen():
    return demo_site().toolkit.meerkamp


def all_parts(score: int) -> dict[str, int]:
    return {o.id: score for o in onderdelen()}


# (answers, the weakest parts named in order, with the page each links to, words in the text)
CASES = [
    pytest.param(
        all_parts(4) | {"rollen": 2, "communicatie": 2, "proces": 1, "effecten": 3},
        [("Proces", "toolkit/evalueren/"), ("Rollen en verantwoordelijkheden",
          "toolkit/partners-en-rollen/"), ("Effectieve communicatie", "toolkit/communicatie/")],
        "Je hebt 12 van de 12 onderdelen een score gegeven. Je gemiddelde score is 3,3.",
        id="all-answered-with-a-tie",
    ),
    pytest.param(
        {"randvoorwaarden": 3, "leiderschap": 5, "vaardigheden": 3},
        [("Randvoorwaarden", "toolkit/financiering/"),
         ("Vaardigheden en attitudes professionals", "toolkit/vrijwilligers/")],
        "Je hebt 3 van de 12 onderdelen een score gegeven. Je gemiddelde score is 3,7. "
        "Geef de andere onderdelen ook een score",
        id="partly-answered",
    ),
    pytest.param(
        all_parts(5) | {"visie-en-doelen": 4},
        [],
        "Je gemiddelde score is 4,9. Geen enkel onderdeel scoort 3 of lager.",
        id="all-strong",
    ),
    pytest.param(
        {}, [], "Je hebt nog geen enkel onderdeel een score gegeven.", id="nothing-answered"
    ),
]  # fmt: skip


def open_self_test(page) -> None:
    """The self-test, once zelftest.js has brought back the saved answers and the buttons."""
    visit(page, PATH)
    wait_ready(page, "zelftest")


def reload(page) -> None:
    page.reload()
    wait_ready(page, "zelftest")


def answer_by_keyboard(page, answers: dict[str, int]) -> None:
    """Into each group with the focus, then the arrow keys: as a keyboard user does it."""
    for part, score in answers.items():
        page.focus(f"#zt-{part}-1")
        page.keyboard.press("Space")
        for _ in range(score - 1):
            page.keyboard.press("ArrowRight")
        assert page.is_checked(f"#zt-{part}-{score}"), part


def answer_by_clicks(page, answers: dict[str, int]) -> None:
    for part, score in answers.items():
        page.click(f"label[for=zt-{part}-{score}]")


def show_result(page) -> None:
    page.focus("#zt-uitslag-knop")
    page.keyboard.press("Enter")
    wait_ready(page, "zelftest")
    assert page.is_visible("#zt-uitslag")


def weakest(page) -> list[tuple[str, str]]:
    items = page.locator("#zt-zwakste li")
    return [
        (item.locator("strong").inner_text(), item.locator("a").evaluate("a => a.href"))
        for item in items.all()
    ]


def requests_of(page) -> Callable[[], list[str]]:
    """A function that lists every request the page started from now on, by the browser's clock.

    Playwright may report a request of the page's own load (a script) only after visit() has
    returned; by its start time it is not one of ours, whatever its kind. The browser fetches the
    page's icon (its <link rel="icon">) when it likes, sometimes later: that one GET is not ours
    either.
    """
    since = page.evaluate("() => Date.now()")
    icon = "GET " + page.evaluate("() => document.querySelector('link[rel~=icon]').href")
    seen = []
    page.on("request", lambda request: seen.append(request))

    def started(request) -> float:
        answered = request.response()  # the start time is known once the answer is in
        return request.timing["startTime"] if answered else math.inf

    def sent() -> list[str]:
        made = [f"{r.method} {r.url}" for r in seen if started(r) >= since]
        return [request for request in made if request != icon]

    return sent


@pytest.mark.parametrize(("answers", "expected", "text"), CASES)
@pytest.mark.parametrize("how", ["keyboard", "clicks"])
def test_the_result_names_the_weakest_parts_with_their_pages(
    page, server, answers, expected, text, how
):
    volgorde = [o.id for o in onderdelen()]
    names = {o.id: o.naam for o in onderdelen()}
    twin = samenvatting(answers, volgorde)
    assert [names[part] for part in twin.zwakste] == [name for name, _ in expected]
    assert f"score is {twin.gemiddelde}." in text or not twin.beantwoord

    open_self_test(page)
    sent = requests_of(page)
    (answer_by_keyboard if how == "keyboard" else answer_by_clicks)(page, answers)
    show_result(page)

    heading = page.locator("#zt-uitslag-kop")
    assert focused(page).evaluate("el => el.id") == "zt-uitslag-kop"
    assert_in_sight(page, heading.element_handle(), "the result's heading")
    assert text in page.inner_text("#zt-uitslag-tekst")
    assert weakest(page) == [(name, urljoin(server, url)) for name, url in expected]
    assert page.is_visible("#zt-zwakste") == bool(expected)
    assert sent() == [], "the self-test sent something"


def test_answers_stay_in_this_browser_and_can_be_wiped(page):
    open_self_test(page)
    sent = requests_of(page)
    answer_by_clicks(page, {"randvoorwaarden": 2, "effecten": 5})
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}'))")
    assert stored == {"randvoorwaarden": "2", "effecten": "5"}
    assert sent() == []

    reload(page)
    assert page.is_checked("#zt-randvoorwaarden-2") and page.is_checked("#zt-effecten-5")
    show_result(page)
    assert [name for name, _ in weakest(page)] == ["Randvoorwaarden"]

    page.click("#zt-wis")
    assert page.locator("#sw-zelftest input[type=radio]:checked").count() == 0
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") is None
    assert page.is_hidden("#zt-uitslag")
    assert page.inner_text("#zt-status") == "Je antwoorden zijn gewist."
    reload(page)
    assert page.locator("#sw-zelftest input[type=radio]:checked").count() == 0


def test_print_button_prints_and_the_buttons_do_not_print(page):
    open_self_test(page)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.click("#zt-print")
    assert page.evaluate("() => window.printed") == 1
    page.emulate_media(media="print")
    assert page.is_hidden(".sw-zelftest__knoppen")
    assert page.locator("#sw-zelftest fieldset").first.is_visible()


def test_focus_is_visible_on_a_score(page):
    open_self_test(page)
    page.focus("#zt-randvoorwaarden-1")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = focused(page).evaluate("el => [el.id, getComputedStyle(el).outlineStyle]")
    assert outline == ["zt-randvoorwaarden-1", "solid"]


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
def test_the_page_with_a_result_is_accessible(page, width):
    set_width(page, width)
    open_self_test(page)
    answer_by_clicks(page, {"randvoorwaarden": 1, "proces": 2})
    show_result(page)
    assert_no_axe_violations(page, f"{PATH} with a result at {width}px")


def test_without_javascript_it_is_a_printable_form_without_buttons(page_without_js):
    page = page_without_js
    visit(page, PATH)  # no script: nothing to wait for
    fieldsets = page.locator("#sw-zelftest fieldset")
    assert fieldsets.count() == 12
    for index, onderdeel in enumerate(onderdelen()):
        fieldset = fieldsets.nth(index)
        assert onderdeel.naam in fieldset.locator("legend").inner_text()
        radios = fieldset.locator("input[type=radio]")
        assert radios.count() == 5
        for score in range(1, 6):
            label = page.locator(f"label[for=zt-{onderdeel.id}-{score}]")
            assert label.is_visible() and label.inner_text().startswith(str(score))
        for vraag in onderdeel.vragen:
            assert vraag in fieldset.inner_text()
    for button in ("#zt-uitslag-knop", "#zt-wis", "#zt-print"):
        assert page.is_hidden(button), button
    assert page.is_hidden("#zt-uitslag")
    assert page.get_attribute("#sw-zelftest", "action") is None


def test_stored_answers_are_read_by_the_same_rule_as_the_python_twin(page):
    """Odd values in storage (someone's old or edited answers): the page restores exactly the
    ones sportwijzer.twins.zelftest.score() accepts."""
    from sportwijzer.twins.zelftest import score

    ids = [o.id for o in onderdelen()]
    odd = ["3", " 3", "03", 4, 4.5, "٣", 5.0, True, None, "", 0, "2"]
    stored = dict(zip(ids, odd, strict=True))
    open_self_test(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [KEY, stored])
    reload(page)
    restored = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            '#sw-zelftest input[type=radio]:checked')].map(r => [r.name.replace(/^zt-/, ''),
            Number(r.value)]))"""
    )
    expected = {part: score(value) for part, value in stored.items() if score(value) is not None}
    assert restored == expected and len(expected) == 4


def test_the_result_follows_a_changed_score(page):
    open_self_test(page)
    answer_by_clicks(page, {"randvoorwaarden": 2})
    show_result(page)
    assert [name for name, _ in weakest(page)] == ["Randvoorwaarden"]
    answer_by_clicks(page, {"randvoorwaarden": 5})
    assert page.locator("#zt-zwakste li").count() == 0
    assert "Goed bezig" in page.inner_text("#zt-uitslag-tekst")
