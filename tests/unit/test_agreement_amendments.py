"""Agreement: terms change only by an amendment that every required party signs again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.amendment import AmendmentState
from dealtrail.domain.errors import Conflict, Invalid, Missing
from dealtrail.domain.money import Money

from .conftest import (
    ACADEMY,
    STRANGER,
    TERMS,
    UNIVERSITY,
    AgreementBuilder,
    event_names,
    refused,
)

pytestmark = pytest.mark.usefixtures("staff")

AMENDED = replace(TERMS, value=Money.of("1500000.00", "CNY"), ends_on=date(2028, 2, 29))
PROPOSED_ON = date(2025, 7, 15)
RESIGNED_ON = date(2025, 8, 1)


def sign(agreement: Agreement, amendment_id: str, party_id: str) -> None:
    agreement.sign_amendment(amendment_id, party_id, "Signatory", "Representative", RESIGNED_ON)


def proposed(agreement: Agreement) -> str:
    amendment_id = agreement.propose_amendment(AMENDED, "Extend the term by a year", PROPOSED_ON)
    agreement.collect_events()
    return amendment_id


def test_proposing_an_amendment_leaves_the_terms_in_force_until_it_is_signed(
    effective: Agreement,
) -> None:
    amendment_id = effective.propose_amendment(AMENDED, " Extend the term by a year ")

    assert event_names(effective) == ["Agreement.AmendmentProposed"]
    amendment = effective.amendments[amendment_id]
    assert effective.pending_amendment() == amendment
    assert amendment.state is AmendmentState.PENDING
    assert amendment.rationale == "Extend the term by a year"
    assert (amendment.terms, amendment.previous_terms) == (AMENDED, TERMS)
    assert effective.terms == TERMS


@pytest.mark.parametrize(
    "status",
    [AgreementStatus.DRAFT, AgreementStatus.OPEN_FOR_SIGNATURE, AgreementStatus.TERMINATED],
)
def test_only_an_effective_agreement_can_be_amended(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)

    with refused(agreement, Conflict, "agreement.not_effective"):
        agreement.propose_amendment(AMENDED, "Extend the term by a year")


def test_only_one_amendment_can_await_signatures_at_a_time(effective: Agreement) -> None:
    proposed(effective)

    with refused(effective, Conflict, "agreement.amendment_pending"):
        effective.propose_amendment(replace(TERMS, summary="Exclusive"), "Make it exclusive")


def test_an_amendment_must_change_the_terms(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.amendment_changes_nothing"):
        effective.propose_amendment(replace(TERMS), "Nothing really")


def test_an_amendment_needs_a_rationale(effective: Agreement) -> None:
    with refused(effective, Invalid, "text.blank"):
        effective.propose_amendment(AMENDED, "  ")


def test_an_amendment_signed_by_some_required_parties_changes_nothing_yet(
    effective: Agreement,
) -> None:
    amendment_id = proposed(effective)

    sign(effective, amendment_id, UNIVERSITY)

    assert event_names(effective) == ["Agreement.AmendmentSigned"]
    assert list(effective.amendments[amendment_id].signatures) == [UNIVERSITY]
    assert effective.terms == TERMS
    assert effective.pending_amendment() is not None


def test_every_required_party_signing_again_applies_the_amendment(effective: Agreement) -> None:
    amendment_id = proposed(effective)
    original_signatures = dict(effective.signatures)

    sign(effective, amendment_id, UNIVERSITY)
    sign(effective, amendment_id, ACADEMY)

    assert event_names(effective) == [
        "Agreement.AmendmentSigned",
        "Agreement.AmendmentSigned",
        "Agreement.AmendmentApplied",
    ]
    amendment = effective.amendments[amendment_id]
    assert amendment.state is AmendmentState.APPLIED
    assert effective.terms == AMENDED
    assert amendment.previous_terms == TERMS
    assert effective.signatures == original_signatures
    assert effective.pending_amendment() is None


def test_once_applied_a_further_amendment_can_be_proposed(effective: Agreement) -> None:
    first = proposed(effective)
    sign(effective, first, UNIVERSITY)
    sign(effective, first, ACADEMY)

    second = effective.propose_amendment(replace(AMENDED, summary="Exclusive"), "Exclusivity")

    assert second != first
    assert effective.amendments[second].previous_terms == AMENDED
    assert effective.amendments[first].terms == AMENDED


def test_an_applied_amendment_cannot_be_signed_again(effective: Agreement) -> None:
    amendment_id = proposed(effective)
    sign(effective, amendment_id, UNIVERSITY)
    sign(effective, amendment_id, ACADEMY)
    effective.collect_events()

    with refused(effective, Conflict, "agreement.amendment_not_pending"):
        sign(effective, amendment_id, UNIVERSITY)


def test_a_party_cannot_sign_the_same_amendment_twice(effective: Agreement) -> None:
    amendment_id = proposed(effective)
    sign(effective, amendment_id, UNIVERSITY)
    effective.collect_events()

    with refused(effective, Conflict, "agreement.amendment_already_signed"):
        sign(effective, amendment_id, UNIVERSITY)


def test_signing_an_amendment_that_does_not_exist_is_refused(effective: Agreement) -> None:
    with refused(effective, Missing, "agreement.unknown_amendment"):
        sign(effective, "no-such-amendment", UNIVERSITY)


def test_a_party_not_named_in_the_agreement_cannot_sign_an_amendment(
    effective: Agreement,
) -> None:
    amendment_id = proposed(effective)

    with refused(effective, Invalid, "agreement.unknown_party"):
        sign(effective, amendment_id, STRANGER)


@freeze_time("2025-07-31 09:00:00")
def test_an_amendment_signature_cannot_be_dated_in_the_future(effective: Agreement) -> None:
    amendment_id = proposed(effective)

    with refused(effective, Invalid, "agreement.signed_in_future"):
        sign(effective, amendment_id, UNIVERSITY)


def test_an_amendment_left_pending_cannot_be_signed_once_the_agreement_has_ended(
    effective: Agreement,
) -> None:
    amendment_id = proposed(effective)
    sign(effective, amendment_id, UNIVERSITY)
    effective.terminate("Licensee withdrew", date(2025, 8, 15))
    effective.collect_events()

    with refused(effective, Conflict, "agreement.not_effective"):
        sign(effective, amendment_id, ACADEMY)

    assert effective.terms == TERMS
