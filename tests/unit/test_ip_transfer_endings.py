"""IP transfer: completed once recorded and paid, or cancelled from any state before that."""

from __future__ import annotations

from datetime import date

import pytest

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.transfer_terms import TransferStatus

from .conftest import event_names, refused
from .ip_builders import INSTALMENTS, PAID_ON, PRICE, ROYALTY, asset_in, cny, proposed, transfer_in

pytestmark = pytest.mark.usefixtures("staff")

S = TransferStatus
FINAL = [S.COMPLETED, S.CANCELLED]
COMPLETED_ON = date(2025, 7, 1)


def test_a_recorded_transfer_paid_in_full_is_completed(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective)
    transfer.record_payment(PRICE, PAID_ON, "Bank transfer #0042")
    transfer.collect_events()

    transfer.complete(COMPLETED_ON)

    assert event_names(transfer) == ["IpTransfer.Completed"]
    assert (transfer.status, transfer.ended_on) == (S.COMPLETED, COMPLETED_ON)


def test_a_transfer_with_consideration_outstanding_is_not_completed(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective, schedule=INSTALMENTS)
    transfer.record_payment(cny("500000.00"), PAID_ON, "All but fifty fen")
    transfer.collect_events()

    with refused(transfer, Conflict, "ip_transfer.consideration_outstanding"):
        transfer.complete(COMPLETED_ON)


def test_a_transfer_without_consideration_is_not_completed(effective: Agreement) -> None:
    transfer = transfer_in(S.VALUATED, effective)
    transfer.sign_contract(effective)
    transfer.record_with_office("CN", "2025990000123", date(2025, 4, 1), asset_in())
    transfer.collect_events()

    with refused(transfer, Conflict, "ip_transfer.no_consideration"):
        transfer.complete(COMPLETED_ON)


def test_a_running_royalty_never_holds_completion_back(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective, schedule=ROYALTY)

    transfer.complete(COMPLETED_ON)

    assert transfer.status is S.COMPLETED


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (S.PROPOSED, "ip_transfer.not_recorded"),
        (S.VALUATED, "ip_transfer.not_recorded"),
        (S.CONTRACT_SIGNED, "ip_transfer.not_recorded"),
        (S.COMPLETED, "ip_transfer.already_ended"),
        (S.CANCELLED, "ip_transfer.already_ended"),
    ],
)
def test_only_a_recorded_transfer_is_completed(
    effective: Agreement, status: TransferStatus, code: str
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, code):
        transfer.complete(COMPLETED_ON)


def test_know_how_is_completed_without_a_recordal(effective: Agreement) -> None:
    transfer = transfer_in(S.CONTRACT_SIGNED, effective, kind="know_how")
    transfer.record_payment(PRICE, PAID_ON, "Bank transfer #0042")

    transfer.complete(COMPLETED_ON)

    assert transfer.status is S.COMPLETED
    assert transfer.recordal is None


def test_completion_cannot_be_dated_in_the_future(effective: Agreement) -> None:
    transfer = transfer_in(S.RECORDED, effective, schedule=ROYALTY)

    with refused(transfer, Invalid, "ip_transfer.date_in_future"):
        transfer.complete(date(2099, 1, 1))


@pytest.mark.parametrize("status", [S.PROPOSED, S.VALUATED, S.CONTRACT_SIGNED])
def test_a_transfer_that_has_not_been_recorded_can_be_cancelled(
    effective: Agreement, status: TransferStatus
) -> None:
    transfer = transfer_in(status, effective)

    transfer.cancel("  The academy withdrew ", date(2025, 8, 1))

    assert event_names(transfer) == ["IpTransfer.Cancelled"]
    assert (transfer.status, transfer.ended_on) == (S.CANCELLED, date(2025, 8, 1))
    assert transfer.cancel_reason == "The academy withdrew"


@pytest.mark.parametrize("status", FINAL)
def test_an_ended_transfer_cannot_be_cancelled(
    effective: Agreement, status: TransferStatus
) -> None:
    transfer = transfer_in(status, effective)

    with refused(transfer, Conflict, "ip_transfer.already_ended"):
        transfer.cancel("Too late", date(2025, 8, 1))


@pytest.mark.parametrize(
    ("reason", "on", "code"),
    [
        (" ", date(2025, 8, 1), "text.blank"),
        ("Why", date(2099, 1, 1), "ip_transfer.date_in_future"),
    ],
)
def test_a_cancellation_needs_a_reason_and_a_past_date(reason: str, on: date, code: str) -> None:
    transfer = proposed()

    with refused(transfer, Invalid, code):
        transfer.cancel(reason, on)
