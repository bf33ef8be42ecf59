"""Builders for the IP asset and IP transfer unit tests.

The university's technology transfer centre holds the assets and transfers them to the foreign
academy; the contract is the effective agreement between the two (the `effective` fixture).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.consideration import ConsiderationKind, Schedule
from dealtrail.domain.ip_asset import AssetStatus, IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Instalment
from dealtrail.domain.transfer_terms import Term, Territory, TransferMode, TransferStatus

from .conftest import ACADEMY, UNIVERSITY

HOLDER, RECIPIENT = UNIVERSITY, ACADEMY

CN_APPLICATION = "CN202010566088.9"
VALUATED_ON = date(2025, 2, 1)
RECORDED_ON = date(2025, 4, 1)
PAID_ON = date(2025, 5, 1)
PRICE = Money.of("500000.00", "CNY")
LUMP_SUM = Schedule(ConsiderationKind.LUMP_SUM, "CNY", (Instalment(date(2025, 6, 30), PRICE),))
K = ConsiderationKind


def cny(amount: str) -> Money:
    return Money.of(amount, "CNY")


def due(*amounts: str) -> tuple[Instalment, ...]:
    return tuple(Instalment(date(2025, 6 + i, 1), cny(a)) for i, a in enumerate(amounts))


ROYALTY = Schedule(K.RUNNING_ROYALTY, "cny", royalty_rate=Decimal("3.5"))
EQUITY = Schedule(K.EQUITY, "CNY", due("2000000.00"), equity_percent=Decimal(5))
INSTALMENTS = Schedule(K.INSTALMENTS, "CNY", due("100000.00", "150000.50", "250000.00"))

TERM = Term(date(2025, 3, 1))
LICENCE_TERM = Term(date(2025, 3, 1), date(2030, 12, 31))


def asset_in(
    status: AssetStatus = AssetStatus.PENDING, kind: str = "patent", **registration: Any
) -> IpAsset:
    """An asset held by the university, in `status`, with its events already collected."""
    registration = {"jurisdiction": "CN", "identifiers": [("application", CN_APPLICATION)]} | (
        registration
    )
    if kind == "know_how":
        registration["identifiers"] = []
    asset = IpAsset.register(
        HOLDER, kind, title="Graphene membrane for seawater desalination", **registration
    )
    if status in (AssetStatus.GRANTED, AssetStatus.EXPIRED):
        asset.record_grant(date(2021, 6, 1))
    if status is AssetStatus.EXPIRED:
        asset.record_expiry(date(2024, 6, 1))
    if status is AssetStatus.LAPSED:
        asset.record_lapse(date(2024, 1, 15), "Annual fee not paid")
    assert asset.status is status
    asset.collect_events()
    return asset


def proposed(asset: IpAsset | None = None, **changes: Any) -> IpTransfer:
    """A proposed worldwide assignment of `asset`, its events collected."""
    args: dict[str, Any] = {
        "holder_party_id": HOLDER,
        "recipient_party_id": RECIPIENT,
        "mode": TransferMode.ASSIGNMENT,
        "territory": Territory.world(),
        "term": TERM,
    } | changes
    transfer = IpTransfer.propose(asset or asset_in(), **args)
    transfer.collect_events()
    return transfer


def transfer_in(
    status: TransferStatus,
    agreement: Agreement,
    *,
    kind: str = "patent",
    mode: TransferMode = TransferMode.ASSIGNMENT,
    schedule: Schedule | None = None,
) -> IpTransfer:
    """A transfer in `status`, under `agreement` (effective), events collected. From
    contract_signed on it has `schedule` (a lump sum by default)."""
    asset = asset_in(kind=kind)
    transfer = proposed(asset, mode=mode, term=TERM if mode == "assignment" else LICENCE_TERM)
    if status is TransferStatus.CANCELLED:
        transfer.cancel("The academy withdrew", date(2025, 2, 15))
    if status not in (TransferStatus.PROPOSED, TransferStatus.CANCELLED):
        transfer.valuate("Shaanxi Zhongxin Appraisal", "income", PRICE, VALUATED_ON)
    if status not in (TransferStatus.PROPOSED, TransferStatus.VALUATED, TransferStatus.CANCELLED):
        transfer.sign_contract(agreement)
        transfer.schedule_consideration(schedule or LUMP_SUM)
    if status in (TransferStatus.RECORDED, TransferStatus.COMPLETED) and kind != "know_how":
        transfer.record_with_office("CN", "2025990000123", RECORDED_ON, asset)
    if status is TransferStatus.COMPLETED:
        outstanding = transfer.outstanding()
        if outstanding is not None:
            transfer.record_payment(outstanding, PAID_ON, "Bank transfer #0042")
        transfer.complete(date(2025, 7, 1))
    assert transfer.status is status
    transfer.collect_events()
    return transfer
