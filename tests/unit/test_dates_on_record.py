"""Business dates a record can hold: from 1900 to 2199, checked on commands only."""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.calendar import EARLIEST_ON_RECORD, LATEST_ON_RECORD, check_on_record
from dealtrail.domain.errors import Invalid
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms


def test_the_first_and_last_days_on_record_and_no_date_at_all_are_accepted() -> None:
    for day in (EARLIEST_ON_RECORD, LATEST_ON_RECORD, date(2026, 11, 20), None):
        check_on_record(day, "signed_on")


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2200, 1, 1), date.max])
def test_a_day_outside_the_dates_on_record_is_invalid_at_its_field(day: date) -> None:
    with pytest.raises(Invalid) as refused:
        check_on_record(day, "signed_on")
    assert (refused.value.code, refused.value.field) == ("date.out_of_range", "signed_on")


def test_terms_may_hold_any_date_but_a_draft_refuses_one_off_the_record() -> None:
    # The value object itself accepts it: recorded events holding such terms stay readable.
    terms = Terms("Joint laboratory", "", None, date(1, 1, 1), None)
    parties = [Participant(p, PartyRole.COOPERATION_PARTNER, True) for p in ("a", "b")]
    with pytest.raises(Invalid) as refused:
        Agreement.draft(AgreementKind.COOPERATION, terms, parties)
    assert (refused.value.code, refused.value.field) == ("date.out_of_range", "terms.starts_on")
