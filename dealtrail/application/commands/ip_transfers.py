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

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.application.commands.ip_assets import known
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.consideration import Schedule
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.party import Party
from dealtrail.domain.transfer_terms import Term, Territory


@command(
    "ip_transfer.propose",
    arguments={
        "asset_id": "asset",
        "holder_party_id": "holder",
        "recipient_party_id": "recipient",
    },
)
class ProposeTransfer(Create[IpTransfer]):
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


@command("ip_transfer.valuate", acts="valuate", on="valuated_on")
class ValuateTransfer(TransferChange):
    appraiser: str
    method: str
    value: Money
    valuated_on: date

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "method": str(self.method)}


@command("ip_transfer.sign_contract", arguments={"agreement_id": "agreement"})
class SignContract(TransferChange):
    """Links the signed agreement; it must exist (422) and be in effect (409)."""

    agreement_id: str

    def check(self, records: Records) -> None:
        if not known(records, Agreement, self.agreement_id):
            field = "agreement_id"
            raise fail("ip_transfer.unknown_agreement", field, agreement_id=self.agreement_id)

    def act_on(self, transfer: IpTransfer, records: Records) -> None:
        transfer.sign_contract(records.get(Agreement, UUID(self.agreement_id)))


@command(
    "ip_transfer.record_with_office", on="recorded_on", arguments={"recordal_number": "number"}
)
class RecordWithOffice(TransferChange):
    """Records the IP office's recordal; for an assignment, the owner-of-record policy then
    makes the recipient the asset's owner of record."""

    office: str
    recordal_number: str
    recorded_on: date

    def act_on(self, transfer: IpTransfer, records: Records) -> None:
        asset = records.get(IpAsset, UUID(transfer.asset_id))
        transfer.record_with_office(self.office, self.recordal_number, self.recorded_on, asset)


@command("ip_transfer.schedule_consideration", acts="schedule_consideration")
class ScheduleConsideration(TransferChange):
    schedule: Schedule


@command("ip_transfer.record_payment", acts="record_payment", on="paid_on")
class RecordPayment(TransferChange):
    amount: Money
    paid_on: date
    reference: str


@command("ip_transfer.complete", acts="complete", on="completed_on")
class CompleteTransfer(TransferChange):
    completed_on: date


@command("ip_transfer.cancel", acts="cancel", on="cancelled_on")
class CancelTransfer(TransferChange):
    reason: str
    cancelled_on: date
