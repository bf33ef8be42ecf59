"""IP assets and transfers: their business dates keep the lifecycle's order, a right is recorded
at its own office, and a recorded transfer is never cancelled.

The contract of these tests is the agreement both parties signed on SIGNED_ON (2025-03-01); the
transfer was valuated on VALUATED_ON (2025-02-01) and recorded on RECORDED_ON (2025-04-01).
"""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.ip_asset import AssetStatus
from dealtrail.domain.money import Money
from dealtrail.domain.transfer_terms import TransferStatus

from .conftest import (
    ACADEMY,
    NOTARY,
    SIGNED_ON,
    UNIVERSITY,
    AgreementBuilder,
    refused,
)
from .ip_builders import PRICE, RECORDED_ON, asset_in, proposed, transfer_in

pytestmark = pytest.mark.usefixtures("staff")

S = TransferStatus
FILED_ON = date(2020, 6, 19)


# ---- IP assets ----------------------------------------------------------------------------------


def test_an_asset_is_granted_on_or_after_it_was_filed() -> None:
    asset = asset_in(filed_on=FILED_ON)

    with refused(asset, Invalid, "ip_asset.granted_before_filed"):
        asset.record_grant(date(2020, 6, 18))
    asset.record_grant(FILED_ON)

    assert (asset.filed_on, asset.granted_on) == (FILED_ON, FILED_ON)


def test_an_application_lapses_on_or_after_it_was_filed() -> None:
    asset = asset_in(filed_on=FILED_ON)

    with refused(asset, Invalid, "ip_asset.lapsed_before_filed"):
        asset.record_lapse(date(2019, 12, 31), "Withdrawn")


def test_a_granted_right_lapses_on_or_after_its_grant() -> None:
    asset = asset_in(AssetStatus.GRANTED)  # granted on 2021-06-01

    with refused(asset, Invalid, "ip_asset.lapsed_before_granted"):
        asset.record_lapse(date(2021, 5, 31), "Annual fee not paid")
    asset.record_lapse(date(2021, 6, 1), "Annual fee not paid")


def test_an_asset_without_a_filing_date_is_granted_on_any_past_day() -> None:
    asset = asset_in()

    asset.record_grant(date(1990, 1, 1))

    assert asset.filed_on is None


@pytest.mark.parametrize(
    ("kind", "filed_on", "error", "code"),
    [
        ("know_how", FILED_ON, Invalid, "ip_asset.know_how_not_filed"),
        ("patent", date(2099, 1, 1), Invalid, "ip_asset.date_in_future"),
        ("patent", date(1800, 1, 1), Invalid, "date.out_of_range"),
    ],
)
def test_a_filing_date_is_a_plausible_past_day_of_a_right_that_is_filed(
    kind: str, filed_on: date, error: type, code: str
) -> None:
    with pytest.raises(error) as refused_registration:
        asset_in(kind=kind, filed_on=filed_on)

    assert (refused_registration.value.code, refused_registration.value.field) == (
        code,
        "filed_on",
    )


# ---- IP transfers: the contract -----------------------------------------------------------------


def test_the_contract_is_signed_when_both_holder_and_recipient_have_signed_it(
    agreement_in: AgreementBuilder,
) -> None:
    """The agreement took effect when the university and the academy signed; the transfer's
    recipient here is the notary, who was not required to sign and signed later."""
    agreement = agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE, witness=True)
    agreement.sign(NOTARY, "Notary", "Notary public", date(2025, 3, 8))
    agreement.sign(UNIVERSITY, "Li Wei", "Director", SIGNED_ON)
    agreement.sign(ACADEMY, "Aziz Karimov", "President", SIGNED_ON)
    transfer = proposed(recipient_party_id=NOTARY)
    transfer.valuate("Zhongxin", "income", PRICE, date(2025, 2, 1))
    transfer.collect_events()

    transfer.sign_contract(agreement)

    assert (agreement.effective_on, transfer.contract_signed_on) == (SIGNED_ON, date(2025, 3, 8))
    transfer.collect_events()
    with refused(transfer, Invalid, "ip_transfer.recorded_before_contract"):
        transfer.record_with_office("CN", "2025990000123", date(2025, 3, 7), asset_in())


def test_a_contract_the_recipient_never_signed_is_not_theirs(
    agreement_in: AgreementBuilder,
) -> None:
    agreement = agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE, witness=True)
    agreement.sign(UNIVERSITY, "Li Wei", "Director", SIGNED_ON)
    agreement.sign(ACADEMY, "Aziz Karimov", "President", SIGNED_ON)
    transfer = proposed(recipient_party_id=NOTARY)
    transfer.valuate("Zhongxin", "income", PRICE, date(2025, 2, 1))
    transfer.collect_events()

    with refused(transfer, Invalid, "ip_transfer.party_not_signed"):
        transfer.sign_contract(agreement)


def test_the_contract_is_signed_on_or_after_the_valuation(effective: Agreement) -> None:
    transfer = proposed()
    transfer.valuate("Zhongxin", "income", PRICE, date(2025, 3, 2))
    transfer.collect_events()

    with refused(transfer, Invalid, "ip_transfer.contract_signed_before_valuated"):
        transfer.sign_contract(effective)


# ---- IP transfers: recordal ---------------------------------------------------------------------


def test_a_recordal_is_dated_on_or_after_the_contract(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)

    with refused(transfer, Invalid, "ip_transfer.recorded_before_contract"):
        transfer.record_with_office("CN", "2025990000123", date(2025, 2, 28), asset_in())
    transfer.record_with_office("CN", "2025990000123", SIGNED_ON, asset_in())


def test_a_right_is_recorded_at_its_own_office(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)

    with refused(transfer, Invalid, "ip_transfer.recordal_office_mismatch"):
        transfer.record_with_office("US", "2025990000123", RECORDED_ON, asset_in())


def test_a_recorded_transfer_is_not_recorded_again(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective)

    with refused(transfer, Conflict, "ip_transfer.already_recorded"):
        transfer.record_with_office("CN", "2025990000124", RECORDED_ON, asset_in())


def test_a_recorded_transfer_cannot_be_cancelled(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective)

    with refused(transfer, Conflict, "ip_transfer.recorded_not_cancellable"):
        transfer.cancel("The academy changed its mind", date(2025, 8, 1))


# ---- IP transfers: payments and endings ---------------------------------------------------------


def test_a_payment_is_dated_on_or_after_the_contract(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)

    with refused(transfer, Invalid, "ip_transfer.paid_before_contract"):
        transfer.record_payment(PRICE, date(2025, 2, 28), "Wire")
    transfer.record_payment(PRICE, SIGNED_ON, "Wire")


@pytest.mark.parametrize(
    ("completed_on", "code"),
    [
        (date(2025, 2, 28), "ip_transfer.completed_before_contract"),
        (date(2025, 3, 31), "ip_transfer.completed_before_recorded"),
        (date(2025, 4, 9), "ip_transfer.completed_before_paid"),
    ],
)
def test_a_completion_follows_the_contract_the_recordal_and_every_payment(
    effective: Agreement, completed_on: date, code: str
) -> None:
    transfer = transfer_in(S.RECORDED, effective)  # recorded on 2025-04-01
    transfer.record_payment(PRICE, date(2025, 4, 10), "Wire")
    transfer.collect_events()

    with refused(transfer, Invalid, code):
        transfer.complete(completed_on)
    transfer.complete(date(2025, 4, 10))


@pytest.mark.parametrize(
    ("status", "cancelled_on", "code"),
    [
        (S.VALUATED, date(2025, 1, 31), "ip_transfer.cancelled_before_valuated"),
        (S.CONTRACT_SIGNED, date(2025, 2, 28), "ip_transfer.cancelled_before_contract"),
    ],
)
def test_a_cancellation_follows_the_steps_taken(
    effective: Agreement, status: TransferStatus, cancelled_on: date, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Invalid, code):
        transfer.cancel("Withdrawn", cancelled_on)


def test_a_cancellation_follows_every_payment(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective)
    transfer.record_payment(Money.of("1000.00", "CNY"), date(2025, 3, 20), "Deposit")
    transfer.collect_events()

    with refused(transfer, Invalid, "ip_transfer.cancelled_before_paid"):
        transfer.cancel("Withdrawn", date(2025, 3, 19))
