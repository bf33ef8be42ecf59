"""Agreement: open for signature, signed by every required party, effective."""

from __future__ import annotations

from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.personal import Personal
from dealtrail.domain.terms import Signature

from .conftest import (
    ACADEMY,
    NOTARY,
    SIGNED_ON,
    STRANGER,
    UNIVERSITY,
    AgreementBuilder,
    event_names,
    refused,
)

pytestmark = pytest.mark.usefixtures("staff")


def sign(agreement: Agreement, party_id: str, signed_on: date = SIGNED_ON) -> None:
    agreement.sign(party_id, "Signatory", "Authorised representative", signed_on)


def test_a_signature_is_recorded_without_making_the_agreement_effective(
    open_agreement: Agreement,
) -> None:
    open_agreement.sign(UNIVERSITY, " Prof. Li Wei ", " Director ", SIGNED_ON)

    assert event_names(open_agreement) == ["Agreement.Signed"]
    assert open_agreement.signatures == {
        UNIVERSITY: Signature(
            UNIVERSITY, Personal("Prof. Li Wei", scope=UNIVERSITY), "Director", SIGNED_ON
        )
    }
    assert open_agreement.status is AgreementStatus.OPEN_FOR_SIGNATURE
    assert open_agreement.awaiting_signatures() == [ACADEMY]


def test_last_required_signature_makes_the_agreement_effective(open_agreement: Agreement) -> None:
    sign(open_agreement, UNIVERSITY, date(2025, 2, 20))
    sign(open_agreement, ACADEMY, date(2025, 3, 1))

    assert event_names(open_agreement) == [
        "Agreement.Signed",
        "Agreement.Signed",
        "Agreement.BecameEffective",
    ]
    assert open_agreement.status is AgreementStatus.EFFECTIVE
    assert open_agreement.effective_on == date(2025, 3, 1)
    assert open_agreement.awaiting_signatures() == []


def test_back_dated_signatures_make_it_effective_on_the_latest_signature_date(
    open_agreement: Agreement,
) -> None:
    sign(open_agreement, UNIVERSITY, date(2025, 3, 1))
    sign(open_agreement, ACADEMY, date(2025, 1, 15))

    assert open_agreement.effective_on == date(2025, 3, 1)


def test_a_witness_need_not_sign_for_the_agreement_to_become_effective(
    agreement_in: AgreementBuilder,
) -> None:
    agreement = agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE, witness=True)

    sign(agreement, UNIVERSITY)
    sign(agreement, ACADEMY)

    assert agreement.status is AgreementStatus.EFFECTIVE
    assert NOTARY not in agreement.signatures


def test_a_witness_signing_later_does_not_move_the_effective_date(
    agreement_in: AgreementBuilder,
) -> None:
    agreement = agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE, witness=True)

    sign(agreement, UNIVERSITY, date(2025, 2, 1))
    sign(agreement, NOTARY, date(2025, 3, 10))
    sign(agreement, ACADEMY, date(2025, 3, 1))

    assert agreement.status is AgreementStatus.EFFECTIVE
    assert agreement.effective_on == date(2025, 3, 1)


def test_a_party_that_already_signed_cannot_sign_again(open_agreement: Agreement) -> None:
    sign(open_agreement, UNIVERSITY)
    open_agreement.collect_events()

    with refused(open_agreement, Conflict, "agreement.party_already_signed"):
        sign(open_agreement, UNIVERSITY)


def test_a_party_not_named_in_the_agreement_cannot_sign(open_agreement: Agreement) -> None:
    with refused(open_agreement, Invalid, "agreement.unknown_party"):
        sign(open_agreement, STRANGER)


@pytest.mark.parametrize(
    "status", [AgreementStatus.DRAFT, AgreementStatus.EFFECTIVE, AgreementStatus.TERMINATED]
)
def test_an_agreement_not_open_for_signature_refuses_signatures(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)

    with refused(agreement, Conflict, "agreement.not_open_for_signature"):
        sign(agreement, UNIVERSITY)


def test_a_signature_needs_the_signatory_name_and_title(open_agreement: Agreement) -> None:
    with refused(open_agreement, Invalid, "text.blank"):
        open_agreement.sign(UNIVERSITY, " ", "Director", SIGNED_ON)
    with refused(open_agreement, Invalid, "text.blank"):
        open_agreement.sign(UNIVERSITY, "Prof. Li Wei", "", SIGNED_ON)


@freeze_time("2025-03-01 12:00:00")
def test_a_signature_dated_after_today_everywhere_on_earth_is_refused(
    open_agreement: Agreement,
) -> None:
    with refused(open_agreement, Invalid, "agreement.signed_in_future"):
        sign(open_agreement, UNIVERSITY, date(2025, 3, 3))


@freeze_time("2025-03-01 10:00:00")
def test_a_signature_dated_tomorrow_in_utc_is_allowed_once_it_is_tomorrow_in_utc_plus_14(
    open_agreement: Agreement,
) -> None:
    sign(open_agreement, UNIVERSITY, date(2025, 3, 2))

    assert event_names(open_agreement) == ["Agreement.Signed"]


@freeze_time("2025-03-01 09:59:59")
def test_a_signature_dated_tomorrow_in_utc_is_refused_while_it_is_today_in_utc_plus_14(
    open_agreement: Agreement,
) -> None:
    with refused(open_agreement, Invalid, "agreement.signed_in_future"):
        sign(open_agreement, UNIVERSITY, date(2025, 3, 2))
