"""Trading event: its programme, roadshows and pitched projects, deals, and the counts reported."""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid, Missing
from dealtrail.domain.metadata import EventMetadata
from dealtrail.domain.terms import AgreementKind
from dealtrail.domain.trading_event import EventCounts, TradingEvent

from .achievement_builders import S, achievement_in
from .conftest import ACADEMY, TERMS, UNIVERSITY, event_names, participants, refused

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


def listed() -> Achievement:
    return achievement_in(S.LISTED)


def signed_on(*days: date) -> Agreement:
    """An agreement the university and the academy signed on these days, in turn."""
    agreement = Agreement.draft(AgreementKind.TECHNOLOGY_LICENCE, TERMS, participants())
    agreement.open_for_signature()
    for party_id, day in zip((UNIVERSITY, ACADEMY), days, strict=False):
        agreement.sign(party_id, "Prof. Li Wei", "Director", day)
    agreement.collect_events()
    return agreement


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
    roadshow_id, achievement = roadshow(conference), listed()

    conference.pitch(roadshow_id, "party:almaty", "KZ", achievement)
    conference.pitch(roadshow_id, "party:photonics", "CN", company_id="party:photonics")

    assert event_names(conference) == ["TradingEvent.ProjectPitched"] * 2
    slots = conference.roadshows[roadshow_id].slots
    assert [s.project_id for s in slots] == [str(achievement.id), "party:photonics"]
    assert [conference.is_international(s) for s in slots] == [True, False]


def test_a_pitch_is_international_by_the_event_country_not_the_host_country(
    staff: EventMetadata,
) -> None:
    held_in_china = TradingEvent.schedule(
        "party:astana-host", "KZ", "Silk Road Expo", "Xi'an", "CN", DAY, DAY
    )
    roadshow_id = roadshow(held_in_china)

    held_in_china.pitch(roadshow_id, "party:photonics", "CN", company_id="party:photonics")
    held_in_china.pitch(roadshow_id, "party:almaty", "KZ", company_id="party:almaty")

    slots = held_in_china.roadshows[roadshow_id].slots
    assert [held_in_china.is_international(s) for s in slots] == [False, True]
    counts = held_in_china.counts()
    assert (counts.international_projects, counts.international_countries) == (1, 1)


@pytest.mark.parametrize("status", [S.DRAFT, S.LISTED, S.UNDER_NEGOTIATION])
def test_an_achievement_still_offered_can_be_pitched(conference: TradingEvent, status: S) -> None:
    roadshow_id = roadshow(conference)

    conference.pitch(roadshow_id, "party:almaty", "KZ", achievement_in(status))

    assert event_names(conference) == ["TradingEvent.ProjectPitched"]


@pytest.mark.parametrize("status", [S.TRANSACTED, S.WITHDRAWN])
def test_a_transacted_or_withdrawn_achievement_cannot_be_pitched(
    conference: TradingEvent, status: S
) -> None:
    roadshow_id = roadshow(conference)

    with refused(conference, Conflict, "trading_event.achievement_closed"):
        conference.pitch(roadshow_id, "party:almaty", "KZ", achievement_in(status))


def test_a_project_is_pitched_once_per_roadshow(conference: TradingEvent) -> None:
    first, second = roadshow(conference), roadshow(conference, "AI and big data")
    achievement = listed()
    conference.pitch(first, "party:almaty", "KZ", achievement)
    conference.pitch(second, "party:almaty", "KZ", achievement)
    conference.collect_events()

    with refused(conference, Conflict, "trading_event.already_pitched"):
        conference.pitch(first, "party:tashkent", "UZ", achievement)


@pytest.mark.parametrize("both", [False, True])
def test_a_pitched_project_is_an_achievement_or_a_company(
    conference: TradingEvent, both: bool
) -> None:
    roadshow_id = roadshow(conference)
    achievement, company_id = (listed(), "party:photonics") if both else (None, None)

    with refused(conference, Invalid, "trading_event.pitch_needs_one_project"):
        conference.pitch(roadshow_id, "party:almaty", "KZ", achievement, company_id)


def test_pitching_in_an_unknown_roadshow_is_refused(conference: TradingEvent) -> None:
    with refused(conference, Missing, "trading_event.unknown_roadshow"):
        conference.pitch("no-such-roadshow", "party:almaty", "KZ", listed())


def test_agreements_signed_and_achievements_exhibited_are_recorded_once(
    conference: TradingEvent,
) -> None:
    agreement = signed_on(DAY, DAY)
    conference.record_agreement_signed(agreement)
    conference.record_exhibit("achievement:1")
    assert event_names(conference) == [
        "TradingEvent.AgreementSigned",
        "TradingEvent.AchievementExhibited",
    ]

    with refused(conference, Conflict, "trading_event.agreement_already_recorded"):
        conference.record_agreement_signed(agreement)
    with refused(conference, Conflict, "trading_event.already_exhibited"):
        conference.record_exhibit("achievement:1")


@pytest.mark.parametrize(
    "days", [(DAY, DAY), (date(2026, 11, 2), NEXT_DAY), (NEXT_DAY, date(2026, 11, 18))]
)
def test_an_agreement_is_signed_at_the_event_when_it_took_effect_on_an_event_day(
    conference: TradingEvent, days: tuple[date, date]
) -> None:
    conference.record_agreement_signed(signed_on(*days))

    assert event_names(conference) == ["TradingEvent.AgreementSigned"]


@pytest.mark.parametrize("days", [(), (DAY,)])
def test_an_agreement_not_every_required_party_signed_is_not_signed_at_the_event(
    conference: TradingEvent, days: tuple[date, ...]
) -> None:
    agreement = signed_on(*days)

    with refused(conference, Conflict, "trading_event.agreement_not_signed"):
        conference.record_agreement_signed(agreement)


def test_an_agreement_terminated_before_it_took_effect_is_not_signed_at_the_event(
    conference: TradingEvent,
) -> None:
    agreement = signed_on(DAY)
    agreement.terminate("The academy declined to sign", DAY)

    with refused(conference, Conflict, "trading_event.agreement_not_signed"):
        conference.record_agreement_signed(agreement)


def test_an_agreement_that_ended_since_it_took_effect_at_the_event_still_counts(
    conference: TradingEvent,
) -> None:
    agreement = signed_on(DAY, NEXT_DAY)
    agreement.complete(date(2026, 11, 30))
    assert agreement.status is AgreementStatus.COMPLETED

    conference.record_agreement_signed(agreement)

    assert conference.agreements_signed == [str(agreement.id)]


@pytest.mark.parametrize("last_signed", [date(2026, 11, 19), date(2026, 11, 22)])
def test_an_agreement_that_took_effect_before_or_after_the_event_is_refused(
    conference: TradingEvent, last_signed: date
) -> None:
    agreement = signed_on(date(2026, 11, 19), last_signed)

    with pytest.raises(Conflict) as error:
        conference.record_agreement_signed(agreement)

    assert (error.value.code, error.value.field) == (
        "trading_event.agreement_signed_outside_event",
        "agreement_id",
    )
    assert f"took effect on {last_signed}" in error.value.message
    assert "from 2026-11-20 to 2026-11-21" in error.value.message
    assert conference.collect_events() == []


def test_the_counts_are_what_dashboards_report(conference: TradingEvent) -> None:
    international, ai = roadshow(conference), roadshow(conference, "AI and big data")
    for n, country in enumerate(["KZ", "UZ", "KZ", "CN"]):
        conference.pitch(international, f"party:{n}", country, listed())
    conference.pitch(ai, "party:hk", "HK", company_id="party:hk-ai")
    conference.pitch(ai, "party:photonics", "CN", company_id="party:photonics")
    conference.record_agreement_signed(signed_on(DAY, DAY))
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
