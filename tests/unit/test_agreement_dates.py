"""Agreement: its business dates keep the lifecycle's order.

The agreement of these tests took effect on SIGNED_ON (2025-03-01), both parties signing that
day; its term runs to 2027-02-28.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.metadata import recording

from .conftest import ACADEMY, SIGNED_ON, TERMS, UNIVERSITY, AgreementBuilder, refused

pytestmark = pytest.mark.usefixtures("staff")

BEFORE = SIGNED_ON - timedelta(days=1)
AMENDED = replace(TERMS, ends_on=date(2028, 2, 29))
XIAN = timezone(timedelta(hours=8))


def sign(agreement: Agreement, party_id: str, signed_on: date) -> None:
    agreement.sign(party_id, "Signatory", "Representative", signed_on)


def test_an_agreement_completed_or_terminated_on_the_day_it_took_effect_is_accepted(
    effective: Agreement, agreement_in: AgreementBuilder
) -> None:
    effective.complete(SIGNED_ON)
    agreement_in(AgreementStatus.EFFECTIVE).terminate("Withdrawn", SIGNED_ON)

    assert effective.ended_on == SIGNED_ON


def test_an_agreement_cannot_be_completed_before_it_took_effect(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.completed_before_effective"):
        effective.complete(BEFORE)


def test_an_agreement_cannot_be_terminated_before_it_took_effect(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.terminated_before_effective"):
        effective.terminate("Funding withdrawn", date(1901, 1, 1))


def test_an_agreement_never_in_effect_is_terminated_after_every_signature_it_collected(
    open_agreement: Agreement,
) -> None:
    sign(open_agreement, UNIVERSITY, date(2025, 3, 10))
    open_agreement.collect_events()

    with refused(open_agreement, Invalid, "agreement.terminated_before_signed"):
        open_agreement.terminate("The academy withdrew", date(2025, 3, 9))
    open_agreement.terminate("The academy withdrew", date(2025, 3, 10))

    assert open_agreement.status is AgreementStatus.TERMINATED


def test_a_draft_without_signatures_may_be_terminated_on_any_past_day(draft: Agreement) -> None:
    draft.terminate("Talks broke down", date(2020, 1, 1))

    assert draft.ended_on == date(2020, 1, 1)


def test_a_signature_dated_after_the_term_ends_is_refused(agreement_in: AgreementBuilder) -> None:
    agreement = agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE, ends_on=date(2025, 12, 31))

    with refused(agreement, Invalid, "agreement.signed_after_term_end"):
        sign(agreement, UNIVERSITY, date(2026, 1, 1))
    sign(agreement, UNIVERSITY, date(2025, 12, 31))


def test_a_back_dated_signature_before_the_term_starts_is_normal(open_agreement: Agreement) -> None:
    sign(open_agreement, UNIVERSITY, date(2025, 1, 15))

    assert open_agreement.signatures[UNIVERSITY].signed_on == date(2025, 1, 15)


def test_a_milestone_is_achieved_on_or_after_the_agreement_took_effect(
    effective: Agreement,
) -> None:
    milestone_id = effective.add_milestone("Pilot line running", date(2025, 6, 30), ACADEMY, "")
    effective.collect_events()

    with refused(effective, Invalid, "agreement.milestone_achieved_before_effective"):
        effective.achieve_milestone(milestone_id, "doc:report", BEFORE)
    effective.achieve_milestone(milestone_id, "doc:report", SIGNED_ON)


@pytest.mark.parametrize("status", [AgreementStatus.DRAFT, AgreementStatus.OPEN_FOR_SIGNATURE])
def test_a_milestone_of_an_agreement_not_yet_in_effect_is_not_achieved(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)
    milestone_id = agreement.add_milestone("Pilot line running", date(2025, 6, 30), ACADEMY, "")
    agreement.collect_events()

    with refused(agreement, Conflict, "agreement.not_effective"):
        agreement.achieve_milestone(milestone_id, "doc:report", SIGNED_ON)


def test_an_amendment_is_proposed_on_or_after_the_agreement_took_effect(
    effective: Agreement,
) -> None:
    with refused(effective, Invalid, "agreement.amendment_proposed_before_effective"):
        effective.propose_amendment(AMENDED, "Extend the term", BEFORE)

    amendment_id = effective.propose_amendment(AMENDED, "Extend the term", SIGNED_ON)

    assert effective.amendments[amendment_id].proposed_on == SIGNED_ON


def test_an_amendment_is_signed_on_or_after_it_was_proposed(effective: Agreement) -> None:
    amendment_id = effective.propose_amendment(AMENDED, "Extend the term", date(2025, 7, 1))
    effective.collect_events()

    with refused(effective, Invalid, "agreement.amendment_signed_before_proposed"):
        effective.sign_amendment(amendment_id, UNIVERSITY, "Li Wei", "Director", date(2025, 6, 30))
    effective.sign_amendment(amendment_id, UNIVERSITY, "Li Wei", "Director", date(2025, 7, 1))


def test_an_amendment_cannot_end_the_term_before_the_agreement_was_signed(
    effective: Agreement,
) -> None:
    shortened = replace(TERMS, starts_on=None, ends_on=BEFORE)

    with refused(effective, Invalid, "agreement.signed_after_term_end"):
        effective.propose_amendment(shortened, "Undo it", SIGNED_ON)


@freeze_time("2025-06-01 23:30:00")
def test_an_amendment_given_no_date_is_proposed_on_the_day_of_its_effective_at_else_today(
    agreement_in: AgreementBuilder,
) -> None:
    today = agreement_in(AgreementStatus.EFFECTIVE)
    at_xian = agreement_in(AgreementStatus.EFFECTIVE)
    undated = today.propose_amendment(AMENDED, "Extend the term")
    with recording("staff:test", effective_at=datetime(2025, 5, 2, 7, tzinfo=XIAN)):
        named = at_xian.propose_amendment(AMENDED, "Extend the term")

    assert today.amendments[undated].proposed_on == date(2025, 6, 1)
    assert at_xian.amendments[named].proposed_on == date(2025, 5, 2)


def test_a_proposal_cannot_be_dated_in_the_future(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.date_in_future"):
        effective.propose_amendment(AMENDED, "Extend the term", date(2099, 1, 1))


def test_the_signature_dates_of_the_two_parties_may_come_in_any_order(
    open_agreement: Agreement,
) -> None:
    sign(open_agreement, ACADEMY, date(2025, 3, 5))
    sign(open_agreement, UNIVERSITY, date(2025, 3, 1))

    assert open_agreement.effective_on == date(2025, 3, 5)
