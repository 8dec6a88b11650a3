"""The demo region's agenda feed, read by a calendar library that did not write it.

vobject (the parser behind Radicale and other CalDAV servers) reads `agenda/agenda.ics` the way a
calendar client does: it builds the time zone from the feed's own VTIMEZONE, not from the time zone
database, so a wrong summer-time rule in our VTIMEZONE shows up here as a wrong UTC moment.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import vobject

from conftest import TODAY
from sportwijzer.build.calendar_ics import FEED_PATH, calendar_files

BASE = "https://voorbeeld.github.io/sportwijzer/"
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def demo(demo):
    """The site of the shared demo load (conftest)."""
    return demo.site


@pytest.fixture(scope="module")
def feed(demo):
    return vobject.readOne(calendar_files(demo, BASE)[FEED_PATH].decode("utf-8"))


def test_the_feed_holds_what_is_coming_and_what_ended_less_than_30_days_ago(demo, feed):
    expected = [
        event.slug
        for event in demo.alle_evenementen
        if event.tot_datum >= TODAY - dt.timedelta(days=29)
    ]
    assert [item.uid.value for item in feed.vevent_list] == [
        f"{slug}@voorbeeld.github.io" for slug in expected
    ]
    assert len(expected) >= 12


def test_every_start_and_end_is_the_same_moment_a_dutch_clock_shows(demo, feed):
    seen_summer = seen_winter = False
    for item in feed.vevent_list:
        event = demo.evenementen[item.uid.value.split("@")[0]]
        start, end = item.dtstart.value, item.dtend.value
        if event.van:
            local = dt.datetime.combine(event.datum, dt.time.fromisoformat(event.van), AMS)
            until = dt.datetime.combine(event.datum, dt.time.fromisoformat(event.tot), AMS)
            assert start.astimezone(dt.UTC) == local.astimezone(dt.UTC), event.slug
            assert end.astimezone(dt.UTC) == until.astimezone(dt.UTC), event.slug
            seen_summer |= local.utcoffset() == dt.timedelta(hours=2)
            seen_winter |= local.utcoffset() == dt.timedelta(hours=1)
        else:  # whole days: dates, the end the day after the last day
            assert (start, end) == (event.datum, event.tot_datum + dt.timedelta(days=1))
    assert seen_summer and seen_winter  # the demo tests both sides of the clock change


def test_status_title_place_and_link_as_a_calendar_shows_them(demo, feed):
    for item in feed.vevent_list:
        event = demo.evenementen[item.uid.value.split("@")[0]]
        assert item.status.value == ("CANCELLED" if event.afgelast else "CONFIRMED")
        title = f"Afgelast: {event.titel}" if event.afgelast else event.titel
        assert item.summary.value == title
        assert item.url.value == BASE + event.url
        assert event.locatie.naam in item.location.value
        assert event.samenvatting in item.description.value
    assert any(item.status.value == "CANCELLED" for item in feed.vevent_list)
