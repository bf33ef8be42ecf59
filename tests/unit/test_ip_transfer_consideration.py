"""IP transfer consideration: scheduling what is owed, payments, the outstanding balance."""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.transfer_terms import TransferStatus

from .conftest import event_names, refused
from .ip_builders import EQUITY, INSTALMENTS, LUMP_SUM, PAID_ON, PRICE, ROYALTY, cny, transfer_in

pytestmark = pytest.mark.usefixtures("staff")

S = TransferStatus


@pytest.mark.parametrize("status", [S.CONTRACT_SIGNED, S.RECORDED])
def test_consideration_is_scheduled_once_the_contract_is_signed(
    effective: Agreement, status: TransferStatus
) -> None:
    transfer = transfer_in(status, effective)

    transfer.schedule_consideration(INSTALMENTS)

    assert event_names(transfer) == ["IpTransfer.ConsiderationScheduled"]
    assert transfer.schedule == INSTALMENTS
    assert transfer.outstanding() == cny("500000.50")
    assert transfer.paid() == cny("0.00")


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (S.PROPOSED, "ip_transfer.contract_not_signed"),
        (S.VALUATED, "ip_transfer.contract_not_signed"),
        (S.COMPLETED, "ip_transfer.already_ended"),
        (S.CANCELLED, "ip_transfer.already_ended"),
    ],
)
def test_consideration_needs_a_signed_contract_and_an_open_transfer(
    effective: Agreement, status: TransferStatus, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, code):
        transfer.schedule_consideration(LUMP_SUM)
    with refused(transfer, Conflict, code):
        transfer.record_payment(PRICE, PAID_ON, "Bank transfer")


def paid_in_part(agreement: Agreement) -> IpTransfer:
    transfer = transfer_in(S.RECORDED, agreement, schedule=INSTALMENTS)
    transfer.record_payment(cny("100000.00"), PAID_ON, "  First instalment ")
    transfer.collect_events()
    return transfer


def test_payments_reduce_the_outstanding_balance(effective: Agreement) -> None:
    transfer = paid_in_part(effective)

    payment_id = transfer.record_payment(cny("150000.50"), date(2025, 7, 1), "Second instalment")

    assert event_names(transfer) == ["IpTransfer.PaymentRecorded"]
    assert payment_id == IpTransfer.child_id(transfer.id, transfer.version)
    assert [p.reference for p in transfer.payments.values()] == [
        "First instalment",
        "Second instalment",
    ]
    assert (transfer.paid(), transfer.outstanding()) == (cny("250000.50"), cny("250000.00"))
    transfer.record_payment(cny("250000.00"), date(2025, 8, 1), "Last instalment")
    assert transfer.outstanding() == cny("0.00")


def test_a_payment_cannot_exceed_what_is_outstanding(effective: Agreement) -> None:
    transfer = paid_in_part(effective)

    with refused(transfer, Conflict, "ip_transfer.payment_exceeds_outstanding"):
        transfer.record_payment(cny("400000.51"), PAID_ON, "Too much")


@pytest.mark.parametrize(
    ("amount", "paid_on", "reference", "code"),
    [
        (Money.of(100, "USD"), PAID_ON, "Wire", "ip_transfer.payment_currency_mismatch"),
        (cny("0"), PAID_ON, "Nothing", "ip_transfer.payment_zero"),
        (cny("1"), date(2099, 1, 1), "Later", "ip_transfer.date_in_future"),
        (cny("1"), PAID_ON, "  ", "text.blank"),
    ],
)
def test_a_payment_is_a_real_amount_in_the_right_currency(
    effective: Agreement, amount: Money, paid_on: date, reference: str, code: str
) -> None:
    transfer = paid_in_part(effective)

    with refused(transfer, Invalid, code):
        transfer.record_payment(amount, paid_on, reference)


def test_royalties_are_paid_as_they_accrue_with_nothing_outstanding(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective, schedule=ROYALTY)

    transfer.record_payment(cny("9000000.00"), PAID_ON, "Royalties for 2025 Q1")

    assert (transfer.paid(), transfer.outstanding()) == (cny("9000000.00"), None)


def test_no_payment_without_a_schedule(effective: Agreement) -> None:
    transfer = transfer_in(S.VALUATED, effective)
    transfer.sign_contract(effective)
    transfer.collect_events()

    with refused(transfer, Conflict, "ip_transfer.no_consideration"):
        transfer.record_payment(PRICE, PAID_ON, "Bank transfer")


def test_a_schedule_is_corrected_until_the_first_payment(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective)
    transfer.schedule_consideration(EQUITY)
    transfer.record_payment(cny("2000000.00"), PAID_ON, "Shares issued")
    transfer.collect_events()

    with refused(transfer, Conflict, "ip_transfer.schedule_has_payments"):
        transfer.schedule_consideration(LUMP_SUM)
    assert transfer.schedule == EQUITY
