"""Every writer takes every kind of value `make check` lets through (issue #23, item 4 and 5).

A region whose every text field holds a tricky but accepted value (quotes, `</script>`, `<`, `&`,
emoji, a long word, a leading = + - @ for a spreadsheet, letters from other scripts, a tab, the
separators of CSV and iCalendar): `make check` accepts it, and the open data (JSON, CSV), the
calendar files, the JSON-LD, the finder's and the search's files, and (in one full build) the
pages are valid and hold the text as written. Every JSON file is read with a parser that refuses
NaN and Infinity, for this region and for the demo.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
import vobject

from conftest import TODAY, copy_region, edit_below_example, shared_build, write
from sportwijzer.base import dutch
from sportwijzer.base.problems import errors
from sportwijzer.build.jsonld import offer_jsonld, partner_jsonld, script_json
from sportwijzer.build.outputs import extra_files, search_and_finder_files
from sportwijzer.site import load_site
from sportwijzer.twins.desk import address, empty_form, mail

BASE = "https://voorbeeld.github.io/sportwijzer/"

TRICKY = {
    "quotes": 'Zwemmen "samen" in \'t Bad',
    "script": "</script><script>alert(1)</script>",
    "markup": "a < b & c > d <b>vet</b> &amp; &lt;",
    "emoji": "Zwemmen 🏊 met 👪 en 🇳🇱 ❤️",  # joined emoji (U+200D): descriptions only
    "long-word": "Rolstoel" + "basketbal" * 7,
    "formula-equals": '=HYPERLINK("http://x")',
    "formula-plus": "+31 38 123 45 67",
    "formula-minus": "-5 graden buiten",
    "formula-at": "@SUM(1+1)",
    "letters": "Ærø façade Łódź ĳsbaan Ωmega 東京 עברית",
    "tab": "met\ttab ertussen",
    "separators": 'a;b,c|d "e" \\f',
    "template": "{{ config }} {% raw %} ${x} %s",
    "calendar": "a;b,c\\d: BEGIN:VEVENT END:VCALENDAR",
    "percent": "100% %0A %ZZ",
}
REGION_NAME = 'Regio "</script>" & <b> =+@ 🏊 Ærø'
SPORT_NAME = 'Zwem & "spel" </script> 🏊'
TOOLKIT = 'We hebben "een" </script> & <b>groep</b> =+@ 🏊 Ærø'


def md(text: str) -> str:
    """The value in a Markdown field, where a <script> is refused (item 3): written as text."""
    return text.replace("<script>", "&lt;script&gt;")


def q(text: str) -> str:
    """A YAML scalar holding `text` exactly (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def offer(value: str, number: int) -> str:
    v = q(value)
    return f"""\
titel: {q(f"{number} {value}")}
sport: {"trickysport" if number == 0 else "zwemmen"}
aanbieder: club-{number}
beperkingen: [visueel]
samenvatting: {q("Samenvatting " + value)}
beschrijving: {q(md(value) + chr(10) * 2 + "- " + md(value) + chr(10) + "- 👨‍👩‍👧 [a](https://a.nl)")}
locatie: {{naam: {v}, adres: {v}, postcode: 8021 AB, plaats: {v}, gemeente: Zwolle,
  coordinaten: [52.5230, 6.0790]}}
tijden: [{{dag: maandag, van: "10:00", tot: "11:00", toelichting: {v}}}]
kosten: {{bedrag: 12.5, per: keer, toelichting: {v}}}
proefles: {{gratis: true, toelichting: {v}}}
toegankelijkheid_toelichting: {v}
vervoer: {v}
contact: {{naam: {v}, email: info@example.org}}
laatst_gecontroleerd: 2026-09-14
"""


def partner(value: str) -> str:
    return f"""\
---
naam: {q("Club " + value)}
soort: sportaanbieder
contact: {{naam: {q(value)}, email: club@example.org}}
---
{md(value)}

**{md(value)}**
"""


def event(value: str, number: int) -> str:
    v = q(value)
    return f"""\
titel: {q(f"{number} {value}")}
soort: clinic
organisator: club-{number}
samenvatting: {q("Samenvatting " + value)}
beschrijving: {q(md(value) + chr(10) + chr(10) + "*" + md(value) + "*")}
datum: 2027-04-{10 + number % 15:02d}
tijd: {{van: "13:30", tot: "16:00"}}
sport: zwemmen
beperkingen: [rolstoel]
locatie: {{naam: {v}, adres: {v}, postcode: 8024 AB, plaats: {v}, gemeente: Zwolle,
  coordinaten: [52.5290, 6.1010]}}
aanmelden: {{email: clinic@example.org, toelichting: {v}}}
kosten: {{bedrag: 7.5, toelichting: {v}}}
contact: {{naam: {v}, telefoon: "038 765 43 21"}}
"""


def with_tricky_values(root: Path) -> Path:
    for number, value in enumerate(TRICKY.values()):
        write(root, f"offers/tricky-{number}.yml", offer(value, number))
        write(root, f"partners/club-{number}.md", partner(value))
        write(root, f"agenda/tricky-{number}.yml", event(value, number))
    regio = (root / "regio.yml").read_text(encoding="utf-8")
    write(root, "regio.yml", regio.replace("naam: Regio Testvallei", f"naam: {q(REGION_NAME)}"))
    sporten = (root / "lijsten" / "sporten.yml").read_text(encoding="utf-8")
    write(root, "lijsten/sporten.yml", sporten + f"\ntrickysport:\n  naam: {q(SPORT_NAME)}\n")
    if (root / "toolkit").is_dir():  # the full build's copy has the toolkit
        edit_below_example(
            root, "toolkit/checklists.yml", "We hebben een informele initiatiefgroep.", q(TOOLKIT)
        )
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = with_tricky_values(copy_region(tmp_path_factory.mktemp("tricky") / "regio"))
    result = load_site(root, today=TODAY)
    assert not errors(result.problems), [p.format() for p in result.problems]
    return result.site


@pytest.fixture(scope="module")
def files(site) -> dict[str, str | bytes]:
    return {**extra_files(site, BASE), **search_and_finder_files(site, [])}


def _refuse(constant: str):
    raise ValueError(f"not JSON: {constant}")


def strict_json(text: str | bytes):
    """JSON as every parser reads it: NaN, Infinity and -Infinity are refused."""
    return json.loads(text, parse_constant=_refuse)


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def test_make_check_accepts_every_tricky_value(site):
    assert len(site.aanbod) >= len(TRICKY)


def test_every_json_file_the_demo_writes_is_valid_json(demo):
    written = {**extra_files(demo.site, BASE), **search_and_finder_files(demo.site, [])}
    json_files = [path for path in written if path.endswith(".json")]
    assert "data/aanbod.json" in json_files and "data/agenda.json" in json_files
    for path in json_files:
        strict_json(_text(written[path]))


def test_every_json_file_is_valid_json_and_inert(files):
    json_files = [path for path in files if path.endswith(".json")]
    assert "data/aanbod.json" in json_files and "data/agenda.json" in json_files
    for path in json_files:
        text = _text(files[path])
        strict_json(text)
        if not path.endswith(".schema.json"):  # the schemas are ours, not the data
            assert "<" not in text, path  # a consumer may paste it into a page


def test_the_open_data_holds_every_value_as_written(files):
    aanbod = strict_json(files["data/aanbod.json"])["aanbod"]
    agenda = strict_json(files["data/agenda.json"])["agenda"]
    for number, value in enumerate(TRICKY.values()):
        for records in (aanbod, agenda):
            record = next(r for r in records if r["slug"] == f"tricky-{number}")
            assert record["titel"] == f"{number} {value}"
            assert record["locatie"]["plaats"] == value
    assert strict_json(files["data/aanbod.json"])["regio"] == REGION_NAME


def test_the_csv_holds_every_value_and_never_starts_a_formula(files):
    text = _text(files["data/aanbod.csv"]).removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    by_slug = {row["slug"]: row for row in rows}
    for number, value in enumerate(TRICKY.values()):
        row = by_slug[f"tricky-{number}"]
        assert row["titel"] == f"{number} {value}"
        shown = row["plaats"]
        assert shown == (f"'{value}" if value[0] in "=+-@" else value)
    for row in rows:
        for cell in row.values():
            assert not cell or cell[0] not in "=+-@\t\r" or re.fullmatch(r"-?[\d.]+", cell)


def test_every_calendar_file_parses_and_holds_the_titles(files, site):
    calendars = {path: content for path, content in files.items() if path.endswith(".ics")}
    assert len(calendars) > len(TRICKY)
    for path, content in calendars.items():
        icalendar.Calendar.from_ical(content)
        parsed = vobject.readOne(_text(content))
        for line in _text(content).split("\r\n"):
            assert len(line.encode("utf-8")) <= 75, (path, line)
        assert REGION_NAME in parsed.x_wr_calname.value
    for number, value in enumerate(TRICKY.values()):
        event = site.evenementen[f"tricky-{number}"]
        ics = vobject.readOne(_text(files[event.ics_url]))
        assert ics.vevent.summary.value == f"{number} {value}"
        assert value in ics.vevent.location.value


def test_the_json_ld_of_every_offer_and_partner_is_valid_and_inert(site):
    blocks = [offer_jsonld(o, BASE + o.url) for o in site.aanbod.values()]
    blocks += [partner_jsonld(p, BASE + p.url) for p in site.partners.values()]
    for data in blocks:
        text = script_json(data)
        assert "</" not in text and "<!--" not in text
        assert strict_json(text) == data


@pytest.mark.parametrize("value", [*TRICKY.values(), "a@b.nl?bcc=c@d.nl", "a b@c.nl"])
def test_a_mail_link_carries_one_address_whatever_it_is_given(value):
    """The schema refuses such addresses; the links encode them anyway, so that no value can
    add a header (bcc, subject) to a mail."""
    for link in (
        dutch.mail_link(value),
        dutch.mailto(value, "Onderwerp", "Tekst"),
        mail(
            empty_form(),
            {"sport": {}, "gemeente": {}, "beperking": {}},
            {"naam": "L", "email": value},
        )["href"],
    ):
        target = link.removeprefix("mailto:").split("?")[0]
        assert not set(target) & set(" ?&#,;<>\"'\t\n"), link
    assert address("loket@example.org") == "loket@example.org"


# --- the pages, in one full build -----------------------------------------------------------


class PageCheck(HTMLParser):
    """Scripts hold only what the templates write; JSON-LD blocks are valid JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.script: str | None = None
        self.data = ""

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.script, self.data = dict(attrs).get("type") or "", ""
        for name, _ in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")

    def handle_data(self, data):
        if self.script is not None:
            self.data += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            if self.script == "application/ld+json":
                try:
                    strict_json(self.data)
                except ValueError as error:
                    self.problems.append(f"JSON-LD: {error}")
            elif "alert(1)" in self.data:
                self.problems.append(f"<script>{self.data[:60]}")
            self.script = None


@pytest.mark.traag  # a full build of its own
def test_every_page_is_built_and_holds_the_values_as_text(tmp_path_factory):
    built = shared_build(tmp_path_factory, name="lastige-waarden", prepare=with_tricky_values)
    pages = list(built.site.rglob("*.html"))
    for path in pages:
        checker = PageCheck()
        checker.feed(path.read_text(encoding="utf-8"))
        assert checker.problems == [], path
    html = built.page("aanbod/tricky-1/")
    assert "1 &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    toolkit = "".join(p.read_text(encoding="utf-8") for p in built.site.glob("toolkit/**/*.html"))
    assert "&lt;/script&gt; &amp; &lt;b&gt;groep&lt;/b&gt;" in toolkit
    for path in built.site.rglob("*.json"):
        strict_json(path.read_text(encoding="utf-8"))
