"""Trading event: its programme, roadshows and pitched projects, deals, and the counts reported."""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.errors import Conflict, Invalid, Missing
from dealtrail.domain.metadata import EventMetadata
from dealtrail.domain.trading_event import EventCounts, TradingEvent

from .conftest import event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

HOST = "party:host-university"
DAY = date(2026, 11, 20)
NEXT_DAY = date(2026, 11, 21)


@pytest.fixture
def conference(staff: EventMetadata) -> TradingEvent:
    event = TradingEvent.schedule(
        HOST, "cn", "Hard Sci-Tech Achievements Trading Conference", " Xi'an ", "CN", DAY, NEXT_DAY
    )
    event.collect_events()
    return event


def roadshow(event: TradingEvent, theme: str = "International") -> str:
    roadshow_id = event.add_roadshow(theme, DAY)
    event.collect_events()
    return roadshow_id


def test_scheduling_records_the_host_country_place_and_dates(conference: TradingEvent) -> None:
    assert (conference.host_country, conference.city, conference.country) == ("CN", "Xi'an", "CN")
    assert (conference.starts_on, conference.ends_on) == (DAY, NEXT_DAY)
    assert conference.counts() == EventCounts(0, 0, 0, 0, 0, 0)


def test_an_event_cannot_end_before_it_starts() -> None:
    with pytest.raises(Invalid) as error:
        TradingEvent.schedule(HOST, "CN", "Conference", "Xi'an", "CN", NEXT_DAY, DAY)

    assert (error.value.code, error.value.field) == ("trading_event.dates_reversed", "ends_on")


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "field"),
    [(date(1899, 12, 31), DAY, "starts_on"), (DAY, date(2200, 1, 1), "ends_on")],
)
def test_an_event_is_dated_within_the_dates_on_record(
    starts_on: date, ends_on: date, field: str
) -> None:
    with pytest.raises(Invalid) as error:
        TradingEvent.schedule(HOST, "CN", "Conference", "Xi'an", "CN", starts_on, ends_on)

    assert (error.value.code, error.value.field) == ("date.out_of_range", field)


def test_the_programme_records_forums_exhibitions_unveilings_and_launches(
    conference: TradingEvent,
) -> None:
    forum_id = conference.add_forum("Belt and Road technology transfer forum", DAY)
    exhibition_id = conference.open_exhibition("Achievements exhibition")
    unveiling_id = conference.record_unveiling("IP cooperation and exchange centre", DAY, None)
    launch_id = conference.record_launch("Online sci-tech achievements supermarket", NEXT_DAY)

    assert event_names(conference) == [
        "TradingEvent.ForumAdded",
        "TradingEvent.ExhibitionOpened",
        "TradingEvent.InstitutionUnveiled",
        "TradingEvent.Launched",
    ]
    assert conference.forums[forum_id].held_on == DAY
    assert conference.exhibitions[exhibition_id].title == "Achievements exhibition"
    assert conference.unveilings[unveiling_id].party_id is None
    assert conference.launches[launch_id].launched_on == NEXT_DAY


def test_a_part_of_the_programme_is_named_by_the_version_that_added_it(
    conference: TradingEvent,
) -> None:
    forum_id = conference.add_forum("Forum", DAY)

    assert forum_id == TradingEvent.child_id(conference.id, conference.version)


@pytest.mark.parametrize("day", [date(2026, 11, 19), date(2026, 11, 22)])
def test_nothing_is_dated_outside_the_event(conference: TradingEvent, day: date) -> None:
    with refused(conference, Invalid, "trading_event.outside_dates"):
        conference.add_forum("Forum", day)
    with refused(conference, Invalid, "trading_event.outside_dates"):
        conference.add_roadshow("AI and big data", day)
    with refused(conference, Invalid, "trading_event.outside_dates"):
        conference.record_unveiling("Service centre", day, None)
    with refused(conference, Invalid, "trading_event.outside_dates"):
        conference.record_launch("Supermarket", day)


def test_blank_titles_are_refused(conference: TradingEvent) -> None:
    with refused(conference, Invalid, "text.blank"):
        conference.open_exhibition(" ")
    with refused(conference, Invalid, "text.blank"):
        conference.add_roadshow("", DAY)


def test_pitched_projects_fill_the_roadshow_slots_in_order(conference: TradingEvent) -> None:
    roadshow_id = roadshow(conference)

    conference.pitch(roadshow_id, "party:almaty", "KZ", achievement_id="achievement:1")
    conference.pitch(roadshow_id, "party:photonics", "CN", company_id="party:photonics")

    assert event_names(conference) == ["TradingEvent.ProjectPitched"] * 2
    slots = conference.roadshows[roadshow_id].slots
    assert [s.project_id for s in slots] == ["achievement:1", "party:photonics"]
    assert [conference.is_international(s) for s in slots] == [True, False]


def test_a_project_is_pitched_once_per_roadshow(conference: TradingEvent) -> None:
    first, second = roadshow(conference), roadshow(conference, "AI and big data")
    conference.pitch(first, "party:almaty", "KZ", achievement_id="achievement:1")
    conference.pitch(second, "party:almaty", "KZ", achievement_id="achievement:1")
    conference.collect_events()

    with refused(conference, Conflict, "trading_event.already_pitched"):
        conference.pitch(first, "party:tashkent", "UZ", achievement_id="achievement:1")


@pytest.mark.parametrize(
    ("achievement_id", "company_id"), [(None, None), ("achievement:1", "party:photonics")]
)
def test_a_pitched_project_is_an_achievement_or_a_company(
    conference: TradingEvent, achievement_id: str | None, company_id: str | None
) -> None:
    roadshow_id = roadshow(conference)

    with refused(conference, Invalid, "trading_event.pitch_needs_one_project"):
        conference.pitch(roadshow_id, "party:almaty", "KZ", achievement_id, company_id)


def test_pitching_in_an_unknown_roadshow_is_refused(conference: TradingEvent) -> None:
    with refused(conference, Missing, "trading_event.unknown_roadshow"):
        conference.pitch("no-such-roadshow", "party:almaty", "KZ", achievement_id="a:1")


def test_agreements_signed_and_achievements_exhibited_are_recorded_once(
    conference: TradingEvent,
) -> None:
    conference.record_agreement_signed("agreement:1")
    conference.record_exhibit("achievement:1")
    assert event_names(conference) == [
        "TradingEvent.AgreementSigned",
        "TradingEvent.AchievementExhibited",
    ]

    with refused(conference, Conflict, "trading_event.agreement_already_recorded"):
        conference.record_agreement_signed("agreement:1")
    with refused(conference, Conflict, "trading_event.already_exhibited"):
        conference.record_exhibit("achievement:1")


def test_the_counts_are_what_dashboards_report(conference: TradingEvent) -> None:
    international, ai = roadshow(conference), roadshow(conference, "AI and big data")
    for n, country in enumerate(["KZ", "UZ", "KZ", "CN"]):
        conference.pitch(international, f"party:{n}", country, achievement_id=f"achievement:{n}")
    conference.pitch(ai, "party:hk", "HK", company_id="party:hk-ai")
    conference.pitch(ai, "party:photonics", "CN", company_id="party:photonics")
    conference.record_agreement_signed("agreement:1")
    conference.record_exhibit("achievement:0")
    conference.record_exhibit("achievement:9")

    assert conference.counts() == EventCounts(
        achievements_exhibited=2,
        roadshows=2,
        projects_pitched=6,
        international_projects=4,
        international_countries=3,
        agreements_signed=1,
    )
