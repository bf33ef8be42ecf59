"""IP transfer: rights in one asset moving from its holder to a recipient, from proposal through
valuation, contract and recordal with the IP office to paid consideration and completion.

Facts about other aggregates (the asset's owner of record, the agreement's state) are passed in
by the application and checked here, after the transfer's own state.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

from eventsourcing.domain import event

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.base import Lifecycle, Recorded
from dealtrail.domain.calendar import check_on_record
from dealtrail.domain.consideration import (
    Payment,
    Schedule,
    check_payment,
    check_percentages,
    outstanding,
    paid,
)
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_asset import ENDED as ASSET_ENDED
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_identifiers import AssetKind, ip_office
from dealtrail.domain.lifecycle_dates import IP_TRANSFER_DATES, Dates, on
from dealtrail.domain.money import Money
from dealtrail.domain.text import reason_text, required_text
from dealtrail.domain.transfer_terms import (
    FINAL,
    Recordal,
    Term,
    Territory,
    TransferMode,
    TransferStatus,
    Valuation,
    transfer_mode,
    valuation_method,
)


class IpTransfer(Lifecycle):
    date_in_future = "ip_transfer.date_in_future"

    asset_id: str
    asset_kind: AssetKind
    holder_party_id: str
    recipient_party_id: str
    mode: TransferMode
    territory: Territory
    term: Term
    status: TransferStatus
    valuation: Valuation | None
    agreement_id: str | None
    contract_signed_on: date | None
    recordal: Recordal | None
    schedule: Schedule | None
    payments: dict[str, Payment]
    ended_on: date | None
    cancel_reason: str | None

    @classmethod
    def propose(
        cls,
        asset: IpAsset,
        holder_party_id: str,
        recipient_party_id: str,
        mode: str,
        territory: Territory,
        term: Term,
    ) -> IpTransfer:
        """Proposes moving rights in `asset`, which `holder_party_id` must own of record now."""
        checked_mode = transfer_mode(mode)
        if recipient_party_id == holder_party_id:
            raise fail("ip_transfer.self_transfer", "recipient_party_id")
        if checked_mode == TransferMode.ASSIGNMENT and term.ends_on is not None:
            raise fail("ip_transfer.assignment_has_no_end", "term.ends_on")
        check_on_record(term.starts_on, "term.starts_on")
        check_on_record(term.ends_on, "term.ends_on")
        if asset.status in ASSET_ENDED:
            raise fail("ip_transfer.asset_ended", "asset_id", status=asset.status)
        cls._check_owner_of_record(asset, holder_party_id)
        return cls(
            asset_id=str(asset.id),
            asset_kind=asset.kind,
            holder_party_id=holder_party_id,
            recipient_party_id=recipient_party_id,
            mode=checked_mode,
            territory=territory,
            term=term,
        )

    class Proposed(Recorded.Created):
        asset_id: str
        asset_kind: str
        holder_party_id: str
        recipient_party_id: str
        mode: str
        territory: Territory
        term: Term

    @event(Proposed)
    def __init__(
        self,
        asset_id: str,
        asset_kind: str,
        holder_party_id: str,
        recipient_party_id: str,
        mode: str,
        territory: Territory,
        term: Term,
    ) -> None:
        self.asset_id = asset_id
        self.asset_kind = AssetKind(asset_kind)
        self.holder_party_id = holder_party_id
        self.recipient_party_id = recipient_party_id
        self.mode = TransferMode(mode)
        self.territory = territory
        self.term = term
        self.status = TransferStatus.PROPOSED
        self.valuation = None
        self.agreement_id = None
        self.contract_signed_on = None
        self.recordal = None
        self.schedule = None
        self.payments = {}
        self.ended_on = None
        self.cancel_reason = None

    # ---- valuation, contract, recordal -------------------------------------------------------

    def valuate(self, appraiser: str, method: str, value: Money, valuated_on: date) -> None:
        self._check_open()
        self._check_status(TransferStatus.PROPOSED, "ip_transfer.already_valuated")
        self._check_not_future(valuated_on, "valuated_on")
        valuation = Valuation(
            required_text(appraiser, "appraiser"), valuation_method(method), value, valuated_on
        )
        self._valuated(valuation=valuation)

    @event("Valuated")
    def _valuated(self, valuation: Valuation) -> None:
        self.status = TransferStatus.VALUATED
        self.valuation = valuation

    def sign_contract(self, agreement: Agreement) -> None:
        """Links the agreement the parties signed: it must be in effect and both holder and
        recipient must have signed it. The contract is signed on the later of the day it took
        effect and their own signatures (either may sign without being required to)."""
        self._check_open()
        if self.status == TransferStatus.PROPOSED:
            raise fail("ip_transfer.not_valuated", status=self.status)
        self._check_status(TransferStatus.VALUATED, "ip_transfer.contract_already_signed")
        if agreement.status != AgreementStatus.EFFECTIVE or agreement.effective_on is None:
            raise fail(
                "ip_transfer.agreement_not_effective", "agreement_id", status=agreement.status
            )
        signed_on = agreement.effective_on
        for party_id in (self.holder_party_id, self.recipient_party_id):
            if party_id not in agreement.parties:
                raise fail("ip_transfer.agreement_lacks_party", "agreement_id", party_id=party_id)
            signature = agreement.signatures.get(party_id)
            if signature is None:
                raise fail("ip_transfer.party_not_signed", "agreement_id", party_id=party_id)
            signed_on = max(signed_on, signature.signed_on)
        self._check_dated("contract_signed", signed_on, "agreement_id")
        self._contract_signed(agreement_id=str(agreement.id), signed_on=signed_on)

    @event("ContractSigned")
    def _contract_signed(self, agreement_id: str, signed_on: date) -> None:
        self.status = TransferStatus.CONTRACT_SIGNED
        self.agreement_id = agreement_id
        self.contract_signed_on = signed_on

    def record_with_office(
        self, office: str, recordal_number: str, recorded_on: date, asset: IpAsset
    ) -> None:
        """The IP office recorded the transfer; `asset` is the asset as it is now. A right is
        recorded at the office that granted it (or holds its application)."""
        self._check_open()
        if self.status == TransferStatus.RECORDED:
            raise fail("ip_transfer.already_recorded")
        self._check_status(TransferStatus.CONTRACT_SIGNED, "ip_transfer.not_contract_signed")
        if self.asset_kind == AssetKind.KNOW_HOW:
            raise fail("ip_transfer.know_how_not_recorded")
        self._check_not_future(recorded_on, "recorded_on")
        self._check_dated("recorded", recorded_on, "recorded_on")
        recordal = Recordal(
            ip_office(office, "office"),
            required_text(recordal_number, "recordal number", "recordal_number"),
            recorded_on,
        )
        if recordal.office != asset.jurisdiction:
            raise fail(
                "ip_transfer.recordal_office_mismatch",
                "office",
                office=recordal.office,
                jurisdiction=asset.jurisdiction,
            )
        self._check_owner_of_record(asset, self.holder_party_id)
        self._recorded_with_office(recordal=recordal)

    @event("RecordedWithOffice")
    def _recorded_with_office(self, recordal: Recordal) -> None:
        self.status = TransferStatus.RECORDED
        self.recordal = recordal

    # ---- consideration -----------------------------------------------------------------------

    def schedule_consideration(self, schedule: Schedule) -> None:
        """Sets what the recipient owes; it may be corrected until a payment is recorded."""
        check_percentages(schedule)
        self._check_consideration_open()
        if self.payments:
            raise fail("ip_transfer.schedule_has_payments")
        self._consideration_scheduled(schedule=schedule)

    @event("ConsiderationScheduled")
    def _consideration_scheduled(self, schedule: Schedule) -> None:
        self.schedule = schedule

    def record_payment(self, amount: Money, paid_on: date, reference: str) -> str:
        """Records a payment against the schedule; returns its id."""
        self._check_consideration_open()
        schedule = self.schedule
        if schedule is None:
            raise fail("ip_transfer.no_consideration")
        check_payment(schedule, self.payments.values(), amount)
        self._check_not_future(paid_on, "paid_on")
        self._check_dated("paid", paid_on, "paid_on")
        payment = Payment(
            payment_id=self.child_id(self.id, self.version + 1),
            amount=amount,
            paid_on=paid_on,
            reference=required_text(reference, "reference"),
        )
        self._payment_recorded(payment=payment)
        return payment.payment_id

    @event("PaymentRecorded")
    def _payment_recorded(self, payment: Payment) -> None:
        self.payments = {**self.payments, payment.payment_id: payment}

    def paid(self) -> Money | None:
        """The sum of the payments (None without a schedule)."""
        return paid(self.schedule, self.payments.values()) if self.schedule else None

    def outstanding(self) -> Money | None:
        """What is still owed; None without a schedule, or for a running royalty."""
        return outstanding(self.schedule, self.payments.values()) if self.schedule else None

    @staticmethod
    def child_id(transfer_id: UUID, version: int) -> str:
        """The id of the payment recorded by the event at `version` (derived, so replays agree)."""
        return str(uuid5(transfer_id, f"payment-{version}"))

    # ---- ending ------------------------------------------------------------------------------

    def complete(self, completed_on: date) -> None:
        """Closes a recorded transfer (know-how: a signed one) whose consideration is settled."""
        ready = TransferStatus.RECORDED
        if self.asset_kind == AssetKind.KNOW_HOW:
            ready = TransferStatus.CONTRACT_SIGNED
        self._check_open()
        self._check_status(ready, "ip_transfer.not_recorded")
        if self.schedule is None:
            raise fail("ip_transfer.no_consideration")
        owed = self.outstanding()
        if owed is not None and owed.amount > 0:
            raise fail("ip_transfer.consideration_outstanding", outstanding=owed)
        self._check_not_future(completed_on, "completed_on")
        self._check_dated("completed", completed_on, "completed_on")
        self._completed(completed_on=completed_on)

    @event("Completed")
    def _completed(self, completed_on: date) -> None:
        self.status = TransferStatus.COMPLETED
        self.ended_on = completed_on

    def cancel(self, reason: str, cancelled_on: date) -> None:
        """Abandons a transfer before its recordal. A recorded transfer is on the office's
        register (an assignment has moved the owner of record): only a new transfer back
        undoes it."""
        self._check_open()
        if self.status == TransferStatus.RECORDED:
            raise fail("ip_transfer.recorded_not_cancellable")
        self._check_not_future(cancelled_on, "cancelled_on")
        self._check_dated("cancelled", cancelled_on, "cancelled_on")
        self._cancelled(reason=reason_text(reason), cancelled_on=cancelled_on)

    @event("Cancelled")
    def _cancelled(self, reason: str, cancelled_on: date) -> None:
        self.status = TransferStatus.CANCELLED
        self.ended_on = cancelled_on
        self.cancel_reason = reason

    # ---- checks ------------------------------------------------------------------------------

    def _check_open(self) -> None:
        self._check_not_in(FINAL, "ip_transfer.already_ended")

    def _check_dated(self, step: str, day: date, field: str) -> None:
        IP_TRANSFER_DATES.check(step, day, field, self._dates())

    def _dates(self) -> Dates:
        """Every business date the transfer holds, by step (see lifecycle_dates)."""
        return {
            "valuated": on(self.valuation.valuated_on if self.valuation else None),
            "contract_signed": on(self.contract_signed_on),
            "recorded": on(self.recordal.recorded_on if self.recordal else None),
            "paid": on(*(p.paid_on for p in self.payments.values())),
        }

    def _check_consideration_open(self) -> None:
        self._check_open()
        if self.status not in (TransferStatus.CONTRACT_SIGNED, TransferStatus.RECORDED):
            raise fail("ip_transfer.contract_not_signed", status=self.status)

    @staticmethod
    def _check_owner_of_record(asset: IpAsset, holder_party_id: str) -> None:
        if asset.owner_party_id != holder_party_id:
            raise fail(
                "ip_transfer.holder_not_owner_of_record",
                "holder_party_id",
                party_id=holder_party_id,
            )
