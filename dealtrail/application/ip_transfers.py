"""Use cases for IP transfers: propose, valuate, sign, record, settle and end them.

References to other aggregates are checked here: unknown parties, assets or agreements are
refused naming the field (422). Facts that can change (who owns the asset of record, whether
the agreement is in effect) are read inside the command, so a replayed command is never judged
against a later state, and the transfer checks them after its own state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ip_assets import known
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.consideration import Schedule
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.metadata import BusinessDate
from dealtrail.domain.money import Money
from dealtrail.domain.party import Party
from dealtrail.domain.transfer_terms import Term, Territory


class IpTransfers:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def propose(
        self,
        asset_id: str,
        holder_party_id: str,
        recipient_party_id: str,
        mode: str,
        territory: Territory,
        term: Term,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        if not known(self.ledger, IpAsset, asset_id):
            raise fail("ip_asset.unknown", "asset_id", asset_id=asset_id)
        for field, party_id in (
            ("holder_party_id", holder_party_id),
            ("recipient_party_id", recipient_party_id),
        ):
            if not known(self.ledger, Party, party_id):
                raise fail("party.unknown", field, party_id=party_id)
        args = {
            "asset": asset_id,
            "holder": holder_party_id,
            "recipient": recipient_party_id,
            "mode": str(mode),
            "territory": territory,
            "term": term,
        }
        return self.ledger.create(
            Command("ip_transfer.propose", args, options),
            lambda: IpTransfer.propose(
                self._asset(asset_id), holder_party_id, recipient_party_id, mode, territory, term
            ),
        )

    def valuate(
        self,
        transfer_id: UUID,
        appraiser: str,
        method: str,
        value: Money,
        valuated_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"appraiser": appraiser, "method": str(method), "value": value, "on": valuated_on}
        return self._change(
            transfer_id,
            "valuate",
            args,
            options,
            lambda t: t.valuate(appraiser, method, value, valuated_on),
            BusinessDate("valuated_on", valuated_on),
        )

    def sign_contract(
        self, transfer_id: UUID, agreement_id: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        """Links the signed agreement; it must exist (422) and be in effect (409)."""
        if not known(self.ledger, Agreement, agreement_id):
            raise fail("ip_transfer.unknown_agreement", "agreement_id", agreement_id=agreement_id)
        return self._change(
            transfer_id,
            "sign_contract",
            {"agreement": agreement_id},
            options,
            lambda t: t.sign_contract(self.ledger.get(Agreement, UUID(agreement_id))),
        )

    def record_with_office(
        self,
        transfer_id: UUID,
        office: str,
        recordal_number: str,
        recorded_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        """Records the IP office's recordal; for an assignment, the owner-of-record policy then
        makes the recipient the asset's owner of record."""
        args = {"office": office, "number": recordal_number, "on": recorded_on}
        return self._change(
            transfer_id,
            "record_with_office",
            args,
            options,
            lambda t: t.record_with_office(
                office, recordal_number, recorded_on, self._asset(t.asset_id)
            ),
            BusinessDate("recorded_on", recorded_on),
        )

    def schedule_consideration(
        self, transfer_id: UUID, schedule: Schedule, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            transfer_id,
            "schedule_consideration",
            {"schedule": schedule},
            options,
            lambda t: t.schedule_consideration(schedule),
        )

    def record_payment(
        self,
        transfer_id: UUID,
        amount: Money,
        paid_on: date,
        reference: str,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"amount": amount, "on": paid_on, "reference": reference}
        return self._change(
            transfer_id,
            "record_payment",
            args,
            options,
            lambda t: t.record_payment(amount, paid_on, reference),
            BusinessDate("paid_on", paid_on),
        )

    def complete(
        self, transfer_id: UUID, completed_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            transfer_id,
            "complete",
            {"on": completed_on},
            options,
            lambda t: t.complete(completed_on),
            BusinessDate("completed_on", completed_on),
        )

    def cancel(
        self, transfer_id: UUID, reason: str, cancelled_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"reason": reason, "on": cancelled_on}
        return self._change(
            transfer_id,
            "cancel",
            args,
            options,
            lambda t: t.cancel(reason, cancelled_on),
            BusinessDate("cancelled_on", cancelled_on),
        )

    def get(self, transfer_id: UUID, version: int | None = None) -> IpTransfer:
        return self.ledger.get(IpTransfer, transfer_id, version)

    def _asset(self, asset_id: str) -> IpAsset:
        return self.ledger.get(IpAsset, UUID(asset_id))

    def _change(
        self,
        transfer_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[IpTransfer], object],
        dated: BusinessDate | None = None,
    ) -> CommandResult:
        command = Command(f"ip_transfer.{name}", args, options, dated)
        return self.ledger.change(command, IpTransfer, transfer_id, act)
