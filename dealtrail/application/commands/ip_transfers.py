"""Commands on IP transfers: propose, valuate, sign, record, settle and end them.

References to other records are checked first: unknown parties, assets or agreements are refused
naming the field (422). Facts that can change (who owns the asset of record, whether the
agreement is in effect) are read when the command acts (`build_from`, `act_on`), so a replayed
command is never judged against a later state, and the transfer checks them after its own state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records
from dealtrail.application.commands.ip_assets import known
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.consideration import Schedule
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.party import Party
from dealtrail.domain.transfer_terms import Term, Territory


@dataclass(frozen=True, kw_only=True)
class ProposeTransfer(Create[IpTransfer]):
    NAME = "ip_transfer.propose"
    ARGUMENTS = {
        "asset_id": "asset",
        "holder_party_id": "holder",
        "recipient_party_id": "recipient",
    }
    asset_id: str
    holder_party_id: str
    recipient_party_id: str
    mode: str
    territory: Territory
    term: Term

    def check(self, records: Records) -> None:
        if not known(records, IpAsset, self.asset_id):
            raise fail("ip_asset.unknown", "asset_id", asset_id=self.asset_id)
        for field in ("holder_party_id", "recipient_party_id"):
            party_id = getattr(self, field)
            if not known(records, Party, party_id):
                raise fail("party.unknown", field, party_id=party_id)

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "mode": str(self.mode)}

    def build_from(self, records: Records) -> IpTransfer:
        asset = records.get(IpAsset, UUID(self.asset_id))
        return IpTransfer.propose(
            asset,
            self.holder_party_id,
            self.recipient_party_id,
            self.mode,
            self.territory,
            self.term,
        )


@dataclass(frozen=True, kw_only=True)
class TransferChange(Change[IpTransfer]):
    AGGREGATE = IpTransfer
    TARGET = "transfer_id"
    transfer_id: UUID


@dataclass(frozen=True, kw_only=True)
class ValuateTransfer(TransferChange):
    NAME = "ip_transfer.valuate"
    DATED = "valuated_on"
    ARGUMENTS = {"valuated_on": "on"}
    appraiser: str
    method: str
    value: Money
    valuated_on: date

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "method": str(self.method)}

    def act(self, transfer: IpTransfer) -> None:
        transfer.valuate(self.appraiser, self.method, self.value, self.valuated_on)


@dataclass(frozen=True, kw_only=True)
class SignContract(TransferChange):
    """Links the signed agreement; it must exist (422) and be in effect (409)."""

    NAME = "ip_transfer.sign_contract"
    ARGUMENTS = {"agreement_id": "agreement"}
    agreement_id: str

    def check(self, records: Records) -> None:
        if not known(records, Agreement, self.agreement_id):
            field = "agreement_id"
            raise fail("ip_transfer.unknown_agreement", field, agreement_id=self.agreement_id)

    def act_on(self, transfer: IpTransfer, records: Records) -> None:
        transfer.sign_contract(records.get(Agreement, UUID(self.agreement_id)))


@dataclass(frozen=True, kw_only=True)
class RecordWithOffice(TransferChange):
    """Records the IP office's recordal; for an assignment, the owner-of-record policy then
    makes the recipient the asset's owner of record."""

    NAME = "ip_transfer.record_with_office"
    DATED = "recorded_on"
    ARGUMENTS = {"recordal_number": "number", "recorded_on": "on"}
    office: str
    recordal_number: str
    recorded_on: date

    def act_on(self, transfer: IpTransfer, records: Records) -> None:
        asset = records.get(IpAsset, UUID(transfer.asset_id))
        transfer.record_with_office(self.office, self.recordal_number, self.recorded_on, asset)


@dataclass(frozen=True, kw_only=True)
class ScheduleConsideration(TransferChange):
    NAME = "ip_transfer.schedule_consideration"
    schedule: Schedule

    def act(self, transfer: IpTransfer) -> None:
        transfer.schedule_consideration(self.schedule)


@dataclass(frozen=True, kw_only=True)
class RecordPayment(TransferChange):
    NAME = "ip_transfer.record_payment"
    DATED = "paid_on"
    ARGUMENTS = {"paid_on": "on"}
    amount: Money
    paid_on: date
    reference: str

    def act(self, transfer: IpTransfer) -> None:
        transfer.record_payment(self.amount, self.paid_on, self.reference)


@dataclass(frozen=True, kw_only=True)
class CompleteTransfer(TransferChange):
    NAME = "ip_transfer.complete"
    DATED = "completed_on"
    ARGUMENTS = {"completed_on": "on"}
    completed_on: date

    def act(self, transfer: IpTransfer) -> None:
        transfer.complete(self.completed_on)


@dataclass(frozen=True, kw_only=True)
class CancelTransfer(TransferChange):
    NAME = "ip_transfer.cancel"
    DATED = "cancelled_on"
    ARGUMENTS = {"cancelled_on": "on"}
    reason: str
    cancelled_on: date

    def act(self, transfer: IpTransfer) -> None:
        transfer.cancel(self.reason, self.cancelled_on)
