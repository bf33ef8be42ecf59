"""Dates follow each other: the rule tables, and effective_at agreeing with a business date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from freezegun import freeze_time

from dealtrail.domain.calendar import falls_on
from dealtrail.domain.errors import CATALOGUE, Invalid
from dealtrail.domain.lifecycle_dates import (
    AGREEMENT_DATES,
    IP_ASSET_DATES,
    IP_TRANSFER_DATES,
    DateOrder,
    Follows,
    on,
)
from dealtrail.domain.metadata import (
    BusinessDate,
    current_metadata,
    day_of_effect,
    effective_from,
    recording,
)

ORDER = DateOrder(
    Follows("completed", "signed", "agreement.completed_before_effective"),
    Follows("completed", "paid", "ip_transfer.completed_before_paid"),
)
NOV_20 = date(2026, 11, 20)


@pytest.mark.parametrize("table", [AGREEMENT_DATES, IP_ASSET_DATES, IP_TRANSFER_DATES])
def test_every_rule_names_a_catalogued_invalid_code_whose_message_names_both_dates(
    table: DateOrder,
) -> None:
    for rule in table.rules:
        kind, message = CATALOGUE[rule.code]
        assert kind is Invalid, rule.code
        assert "{earlier}" in message and "{later}" in message, rule.code


def test_a_step_on_or_after_what_it_follows_passes() -> None:
    dates = {"signed": on(date(2026, 11, 18), NOV_20), "paid": on(None)}

    ORDER.check("completed", NOV_20, "completed_on", dates)
    ORDER.check("completed", NOV_20, "completed_on", {})


def test_a_step_before_the_latest_date_it_follows_is_refused_naming_both() -> None:
    dates = {"signed": on(date(2026, 11, 18), NOV_20)}

    with pytest.raises(Invalid) as refused:
        ORDER.check("completed", date(2026, 11, 19), "completed_on", dates)

    assert (refused.value.code, refused.value.field) == (
        "agreement.completed_before_effective",
        "completed_on",
    )
    assert "2026-11-19" in refused.value.message and "2026-11-20" in refused.value.message


def test_a_step_after_the_earliest_date_that_must_follow_it_is_refused() -> None:
    with pytest.raises(Invalid) as refused:
        ORDER.check("paid", date(2026, 11, 25), "paid_on", {"completed": on(date(2026, 11, 24))})

    assert (refused.value.code, refused.value.field) == (
        "ip_transfer.completed_before_paid",
        "paid_on",
    )


def test_the_first_rule_broken_names_the_error() -> None:
    dates = {"signed": on(NOV_20), "paid": on(NOV_20)}

    with pytest.raises(Invalid) as refused:
        ORDER.check("completed", date(2026, 11, 1), "completed_on", dates)

    assert refused.value.code == "agreement.completed_before_effective"


@pytest.mark.parametrize(
    ("moment", "day", "on_it"),
    [
        (datetime(2026, 11, 20, 9, tzinfo=UTC), NOV_20, True),
        (datetime(2026, 11, 20, 9, tzinfo=UTC), date(2026, 11, 19), True),  # 21:00 at UTC-12
        (datetime(2026, 11, 19, 10, tzinfo=UTC), NOV_20, True),  # midnight at UTC+14
        (datetime(2026, 11, 19, 9, 59, tzinfo=UTC), NOV_20, False),
        (datetime(2026, 11, 21, 12, tzinfo=UTC), NOV_20, False),  # midnight at UTC-12
        (datetime(2026, 11, 21, 11, 59, tzinfo=UTC), NOV_20, True),
        (datetime(2026, 1, 1, tzinfo=UTC), date(2026, 11, 30), False),
        (datetime(2026, 11, 20, 23, tzinfo=timezone(timedelta(hours=8))), NOV_20, True),
    ],
)
def test_a_moment_falls_on_a_day_if_it_is_that_day_somewhere_from_utc_minus_12_to_plus_14(
    moment: datetime, day: date, on_it: bool
) -> None:
    assert falls_on(moment, day) is on_it


def test_a_command_with_a_business_date_takes_effect_at_the_start_of_that_day() -> None:
    with recording("staff:test"), effective_from(BusinessDate("signed_on", NOV_20)):
        assert current_metadata().effective_at == datetime(2026, 11, 20, tzinfo=UTC)


def test_an_effective_at_given_on_the_business_date_is_kept() -> None:
    moment = datetime(2026, 11, 20, 15, 30, tzinfo=timezone(timedelta(hours=8)))
    with recording("staff:test", effective_at=moment), effective_from(
        BusinessDate("signed_on", NOV_20)
    ):
        assert current_metadata().effective_at == moment


def test_an_effective_at_that_contradicts_the_business_date_is_refused_at_effective_at() -> None:
    entered = False
    contradicting = BusinessDate("signed_on", date(2026, 11, 30))
    with (
        recording("staff:test", effective_at=datetime(2026, 1, 1, tzinfo=UTC)),
        pytest.raises(Invalid) as refused,
        effective_from(contradicting),
    ):
        entered = True

    assert not entered
    assert (refused.value.code, refused.value.field) == (
        "effective_at.not_on_business_date",
        "effective_at",
    )
    assert "signed_on (2026-11-30)" in refused.value.message


def test_a_command_without_a_business_date_keeps_whatever_effective_at_it_was_given() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    with recording("staff:test", effective_at=moment), effective_from(None):
        assert current_metadata().effective_at == moment


@freeze_time("2026-11-25 23:30:00")
def test_the_day_of_effect_is_the_day_effective_at_names_as_written_else_today_in_utc() -> None:
    in_xian = datetime(2026, 11, 20, 1, 0, tzinfo=timezone(timedelta(hours=8)))
    with recording("staff:test", effective_at=in_xian):
        assert day_of_effect() == NOV_20
    with recording("staff:test"):
        assert day_of_effect() == date(2026, 11, 25)
