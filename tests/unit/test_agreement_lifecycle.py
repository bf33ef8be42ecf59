"""Agreement: how an effective agreement ends — completed, terminated or expired."""

from __future__ import annotations

from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid

from .conftest import AgreementBuilder, event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

ENDED = [AgreementStatus.COMPLETED, AgreementStatus.TERMINATED, AgreementStatus.EXPIRED]
NOT_YET_EFFECTIVE = [AgreementStatus.DRAFT, AgreementStatus.OPEN_FOR_SIGNATURE]


def test_completing_an_effective_agreement_ends_it_on_the_completion_date(
    effective: Agreement,
) -> None:
    effective.complete(date(2025, 9, 30))

    assert event_names(effective) == ["Agreement.Completed"]
    assert effective.status is AgreementStatus.COMPLETED
    assert effective.ended_on == date(2025, 9, 30)


@pytest.mark.parametrize("status", NOT_YET_EFFECTIVE + ENDED)
def test_only_an_effective_agreement_can_be_completed(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)

    with refused(agreement, Conflict, "agreement.not_effective"):
        agreement.complete(date(2025, 9, 30))


@freeze_time("2025-09-30 09:00:00")
def test_completion_cannot_be_dated_in_the_future(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.date_in_future"):
        effective.complete(date(2025, 10, 1))


def test_terminating_an_agreement_records_why_and_when(effective: Agreement) -> None:
    effective.terminate("  Licensee failed to pay the first instalment ", date(2025, 7, 15))

    assert event_names(effective) == ["Agreement.Terminated"]
    assert effective.status is AgreementStatus.TERMINATED
    assert effective.ended_on == date(2025, 7, 15)
    assert effective.end_reason == "Licensee failed to pay the first instalment"


def test_terminating_needs_a_reason(effective: Agreement) -> None:
    with refused(effective, Invalid, "text.blank"):
        effective.terminate("   ", date(2025, 7, 15))


@freeze_time("2025-07-15 09:00:00")
def test_termination_cannot_be_dated_in_the_future(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.date_in_future"):
        effective.terminate("Breach of contract", date(2025, 7, 16))


@pytest.mark.parametrize("status", ENDED)
def test_an_agreement_that_already_ended_cannot_be_terminated(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)
    ended_on = agreement.ended_on

    with refused(agreement, Conflict, "agreement.already_ended"):
        agreement.terminate("Changed our minds", date(2025, 7, 15))

    assert agreement.status is status
    assert agreement.ended_on == ended_on


@freeze_time("2027-03-01 00:00:01")
def test_an_agreement_expires_on_the_last_day_of_its_term(effective: Agreement) -> None:
    effective.expire()

    assert event_names(effective) == ["Agreement.Expired"]
    assert effective.status is AgreementStatus.EXPIRED
    assert effective.ended_on == date(2027, 2, 28)


@pytest.mark.parametrize("now", ["2026-01-01 12:00:00", "2027-02-28 23:59:59"])
def test_an_agreement_does_not_expire_while_its_term_runs(effective: Agreement, now: str) -> None:
    with freeze_time(now), refused(effective, Conflict, "agreement.not_yet_expired"):
        effective.expire()

    assert effective.status is AgreementStatus.EFFECTIVE


def test_an_agreement_without_an_end_date_cannot_expire(agreement_in: AgreementBuilder) -> None:
    agreement = agreement_in(AgreementStatus.EFFECTIVE, ends_on=None)

    with freeze_time("2040-01-01"), refused(agreement, Conflict, "agreement.no_end_date"):
        agreement.expire()


@pytest.mark.parametrize("status", NOT_YET_EFFECTIVE + ENDED)
def test_only_an_effective_agreement_can_expire(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)

    with freeze_time("2040-01-01"), refused(agreement, Conflict, "agreement.not_effective"):
        agreement.expire()
