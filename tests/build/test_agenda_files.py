"""The calendar files and the open data of the agenda.

Every .ics is parsed back with icalendar; the feed is read a second time by a small RFC 5545
reader written here (unfold, split, unescape, TZID through zoneinfo), which shares no code with
the library that wrote it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from jsonschema import Draft7Validator

from conftest import write
from sportwijzer.build.calendar_ics import FEED_PATH, amsterdam_timezone, calendar_files
from sportwijzer.build.export import agenda_json, agenda_schema
from sportwijzer.build.outputs import extra_files
from sportwijzer.site import load_site

BASE = "https://voorbeeld.github.io/sportwijzer/"
HOST = "voorbeeld.github.io"
TODAY = dt.date(2026, 11, 23)
AMS = ZoneInfo("Europe/Amsterdam")

PLACE = """\
locatie:
  naam: Sporthal De Mat
  adres: Matweg 1
  postcode: 8011 AB
  plaats: Zwolle
  gemeente: Zwolle
  coordinaten: [52.5100, 6.0900]
contact: {email: a@example.org}
"""


def event(titel: str, extra: str) -> str:
    head = f"titel: {titel}\nsoort: clinic\norganisator: judoclub-de-mat\n"
    return head + "samenvatting: Een middag sporten om kennis te maken.\n" + extra + PLACE


EVENTS = {
    # in summer time: 13.30 local is 11.30 UTC
    "clinic-april": event(
        "Clinic in april",
        'datum: 2027-04-17\ntijd: {van: "13:30", tot: "16:00"}\nbeperkingen: [rolstoel]\n',
    ),
    # in winter time: 19.30 local is 18.30 UTC; cancelled
    "afgelast-januari": event(
        "Toernooi, met; tekens",
        'datum: 2027-01-09\ntijd: {van: "19:30", tot: "21:00"}\nbeperkingen: [visueel]\n'
        "status: afgelast\n",
    ),
    "weekend-juni": event(
        "Sportweekend", "datum: 2027-06-12\ntot_datum: 2027-06-13\nbeperkingen: [iedereen]\n"
    ),
    "hele-dag": event("Hele dag", "datum: 2026-12-05\nbeperkingen: [iedereen]\nstatus: vol\n"),
    # over for 29 days: still in the feed
    "kort-voorbij": event("Kort voorbij", "datum: 2026-10-25\nbeperkingen: [iedereen]\n"),
    # over for 31 days: out of the feed, its own file stays
    "lang-voorbij": event("Lang voorbij", "datum: 2026-10-23\nbeperkingen: [iedereen]\n"),
}
IN_FEED = ["kort-voorbij", "hele-dag", "afgelast-januari", "clinic-april", "weekend-juni"]


def with_events(root: Path) -> Path:
    for slug, text in EVENTS.items():
        write(root, f"agenda/{slug}.yml", text)
    return root


@pytest.fixture
def site(region):
    result = load_site(with_events(region), today=TODAY)
    assert result.site is not None, [p.format() for p in result.problems]
    return result.site


@pytest.fixture
def files(site) -> dict[str, bytes]:
    return calendar_files(site, BASE)


def vevents(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_one_file_per_event_over_or_not_and_the_feed(files):
    assert sorted(files) == sorted([FEED_PATH, *(f"agenda/{slug}.ics" for slug in EVENTS)])


def test_every_file_parses_back_with_one_event_and_what_a_calendar_needs(files, site):
    for path, data in files.items():
        if path == FEED_PATH:
            continue
        (component,) = vevents(data)
        slug = path.removeprefix("agenda/").removesuffix(".ics")
        assert str(component["UID"]) == f"{slug}@{HOST}"
        assert str(component["URL"]) == f"{BASE}agenda/{slug}/"
        assert str(component["LOCATION"]) == "Sporthal De Mat, Matweg 1, 8011 AB Zwolle"
        assert (component["GEO"].latitude, component["GEO"].longitude) == (52.51, 6.09)
        assert component.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
        assert site.evenementen[slug].samenvatting in str(component["DESCRIPTION"])
        assert str(component["SUMMARY"]).endswith(site.evenementen[slug].titel)


def test_the_feed_holds_coming_events_and_those_over_for_less_than_30_days(files):
    uids = [str(c["UID"]) for c in vevents(files[FEED_PATH])]
    assert uids == [f"{slug}@{HOST}" for slug in IN_FEED]


def test_statuses_in_the_feed(files):
    found = {str(c["UID"]).split("@")[0]: c for c in vevents(files[FEED_PATH])}
    assert str(found["afgelast-januari"]["STATUS"]) == "CANCELLED"
    assert str(found["afgelast-januari"]["SUMMARY"]) == "Afgelast: Toernooi, met; tekens"
    assert [str(found[s]["STATUS"]) for s in ("clinic-april", "hele-dag")] == ["CONFIRMED"] * 2
    assert str(found["hele-dag"]["DESCRIPTION"]).startswith("VOL: er zijn geen plaatsen meer.")


def test_local_times_in_the_amsterdam_zone_and_whole_days_as_dates(files):
    found = {str(c["UID"]).split("@")[0]: c for c in vevents(files[FEED_PATH])}
    april, january = found["clinic-april"], found["afgelast-januari"]
    assert april["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    start, end = april.decoded("DTSTART"), april.decoded("DTEND")
    assert (start.hour, start.minute, end.hour) == (13, 30, 16)
    assert start.astimezone(dt.UTC).replace(tzinfo=None) == dt.datetime(2027, 4, 17, 11, 30)
    start = january.decoded("DTSTART")
    assert start.astimezone(dt.UTC).replace(tzinfo=None) == dt.datetime(2027, 1, 9, 18, 30)
    weekend = found["weekend-juni"]
    assert weekend.decoded("DTSTART") == dt.date(2027, 6, 12)
    assert weekend.decoded("DTEND") == dt.date(2027, 6, 14)  # the day after the last day
    assert found["hele-dag"].decoded("DTEND") == dt.date(2026, 12, 6)


def test_the_feed_carries_one_vtimezone_for_amsterdam(files):
    calendar = icalendar.Calendar.from_ical(files[FEED_PATH])
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]


def test_the_vtimezone_agrees_with_the_time_zone_database():
    zone = icalendar.Calendar.from_ical(amsterdam_timezone().to_ical()).to_tz(lookup_tzid=False)
    moment = dt.datetime(2026, 1, 1, 0, 30)
    while moment < dt.datetime(2031, 1, 1):
        if not _in_gap(moment) and not _ambiguous(moment):
            assert moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=AMS).utcoffset()
        moment += dt.timedelta(hours=7)


def _ambiguous(moment: dt.datetime) -> bool:
    """A wall time that happens twice (the hour repeated in October)."""
    first, second = (moment.replace(tzinfo=AMS, fold=fold).utcoffset() for fold in (0, 1))
    return first != second


def _in_gap(moment: dt.datetime) -> bool:
    """A wall time that does not exist (the hour skipped in March)."""
    there = moment.replace(tzinfo=AMS).astimezone(dt.UTC).astimezone(AMS).replace(tzinfo=None)
    return there != moment


def test_the_same_data_gives_the_same_bytes(site):
    assert calendar_files(site, BASE) == calendar_files(site, BASE)
    assert agenda_json(site, BASE) == agenda_json(site, BASE)


def test_the_build_adds_the_calendar_files_and_the_open_data(site):
    added = extra_files(site, BASE)
    assert {FEED_PATH, "agenda/clinic-april.ics", "data/agenda.json"} <= set(added)
    assert "data/agenda.schema.json" in added


# --- a second, independent reader -------------------------------------------------------------


def read_rfc5545(text: str) -> list[dict]:
    """Every VEVENT as {name: (params, value)}, read by the rules of RFC 5545 section 3.1."""
    assert "\n" not in text.replace("\r\n", ""), "lines end with CRLF"
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")  # unfold
    events: list[dict] = []
    current: dict | None = None
    for line in filter(None, lines):
        name, params, value = _split(line)
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            events.append(current)
            current = None
        elif current is not None:
            current[name] = (params, value)
    return events


def _split(line: str) -> tuple[str, dict[str, str], str]:
    """'DTSTART;TZID=Europe/Amsterdam:20270417T133000' -> name, params, value."""
    head, value = re.match(r'((?:[^:"]|"[^"]*")*):(.*)', line).groups()
    name, *pairs = head.split(";")
    return name.upper(), dict(pair.split("=", 1) for pair in pairs), value


def _text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _moment(params: dict[str, str], value: str) -> dt.datetime | dt.date:
    if params.get("VALUE") == "DATE":
        return dt.datetime.strptime(value, "%Y%m%d").date()
    local = dt.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    zone = dt.UTC if value.endswith("Z") else ZoneInfo(params["TZID"])
    return local.replace(tzinfo=zone)


def test_an_independent_reader_sees_the_same_feed(files, site):
    text = files[FEED_PATH].decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    read = read_rfc5545(text)
    assert [_text(e["UID"][1]) for e in read] == [f"{slug}@{HOST}" for slug in IN_FEED]
    for found in read:
        model = site.evenementen[found["UID"][1].split("@")[0]]
        start, end = _moment(*found["DTSTART"]), _moment(*found["DTEND"])
        if model.van:
            assert start == dt.datetime.combine(model.datum, dt.time.fromisoformat(model.van), AMS)
            assert end == dt.datetime.combine(model.datum, dt.time.fromisoformat(model.tot), AMS)
        else:
            assert (start, end) == (model.datum, model.tot_datum + dt.timedelta(days=1))
        assert _text(found["STATUS"][1]) == ("CANCELLED" if model.afgelast else "CONFIRMED")
        assert _text(found["URL"][1]) == BASE + model.url
        assert found["GEO"][1] == f"{model.locatie.lat};{model.locatie.lon}"
        description = _text(found["DESCRIPTION"][1]).split("\n")
        notice = model.afgelast or model.vol  # a first line says so
        assert description[int(notice)] == model.samenvatting
    cancelled = [e for e in read if e["STATUS"][1] == "CANCELLED"]
    assert [_text(e["SUMMARY"][1]) for e in cancelled] == ["Afgelast: Toernooi, met; tekens"]


# --- open data --------------------------------------------------------------------------------


def test_open_data_lists_every_event_with_slug_url_and_calendar_file(site):
    data = json.loads(agenda_json(site, BASE))
    Draft7Validator(json.loads(agenda_schema())).validate(data)
    assert (data["regio"], data["aantal"]) == ("Regio Testvallei", len(EVENTS))
    first = data["agenda"][0]
    assert (first["slug"], first["url"], first["ics"]) == (
        "lang-voorbij",
        f"{BASE}agenda/lang-voorbij/",
        f"{BASE}agenda/lang-voorbij.ics",
    )
    assert first["datum"] == "2026-10-23" and first["locatie"]["postcode"] == "8011 AB"


def test_the_open_data_schema_refuses_a_record_without_its_slug(site):
    data = json.loads(agenda_json(site, BASE))
    del data["agenda"][0]["slug"]
    assert not Draft7Validator(json.loads(agenda_schema())).is_valid(data)


# --- one real build: the demo's, shared with the other modules -------------------------------


def test_the_built_site_has_every_calendar_file_and_the_open_data(demo_build, demo):
    built = demo_build.site
    slugs = [event.slug for event in demo.site.alle_evenementen]
    assert len(slugs) >= 12 and "WARNING" not in demo_build.log
    ics = sorted(path.name for path in (built / "agenda").glob("*.ics"))
    assert ics == sorted(["agenda.ics", *(f"{slug}.ics" for slug in slugs)])
    for path in (built / "agenda").glob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert list(calendar.walk("VEVENT")), path.name
    data = json.loads((built / "data" / "agenda.json").read_text(encoding="utf-8"))
    schema = json.loads((built / "data" / "agenda.schema.json").read_text(encoding="utf-8"))
    Draft7Validator(schema).validate(data)
    assert sorted(record["slug"] for record in data["agenda"]) == sorted(slugs)


# --- the data check stays light ---------------------------------------------------------------


def test_the_data_check_does_not_load_the_calendar_library():
    code = "import sys, sportwijzer.site, sportwijzer.tools.cli; print('icalendar' in sys.modules)"
    hooks = Path(__file__).parents[2] / "hooks"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=hooks, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
