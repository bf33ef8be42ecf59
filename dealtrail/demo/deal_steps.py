"""Records the demo's deals: IP assets, IP transfers through their stages, the supermarket's
negotiations and withdrawals, and the equity listings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, date, datetime, time
from decimal import Decimal
from functools import partial

from dealtrail.application.commands.achievements import (
    RecordTransaction,
    StartNegotiation,
    WithdrawAchievement,
)
from dealtrail.application.commands.ip_assets import RecordGrant, RegisterAsset
from dealtrail.application.commands.ip_transfers import (
    CompleteTransfer,
    ProposeTransfer,
    RecordPayment,
    RecordWithOffice,
    ScheduleConsideration,
    SignContract,
    ValuateTransfer,
)
from dealtrail.application.commands.listings import (
    AdmitListing,
    ApplyForListing,
    ApproveListing,
    CloseFinancingRound,
    ProvideAmendments,
    RequestAmendments,
    StartReview,
    SuspendListing,
    TransferShares,
)
from dealtrail.demo.achievements import WITHDRAWALS
from dealtrail.demo.deals import (
    ASSETS,
    CENTRE,
    LISTINGS,
    NEGOTIATIONS,
    TRANSFERS,
    DemoAsset,
    DemoListing,
    DemoNegotiation,
    DemoSchedule,
    DemoTransfer,
)
from dealtrail.demo.steps import Loader, Step
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.board import Board
from dealtrail.domain.consideration import ConsiderationKind, Schedule
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.metadata import current_metadata, recording
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import Holding
from dealtrail.domain.terms import Instalment
from dealtrail.domain.transfer_terms import Term, Territory


def cny(amount: str) -> Money:
    return Money.of(amount, "CNY")


class DealSteps(Loader):
    def assets(self) -> Iterator[Step]:
        for asset in ASSETS:
            yield partial(self._asset, asset)

    def transfers(self) -> Iterator[Step]:
        for transfer in TRANSFERS:
            yield partial(self._transfer, transfer)

    def supermarket(self) -> Iterator[Step]:
        for negotiation in NEGOTIATIONS:
            yield partial(self._negotiation, negotiation)
        for ref, reason in WITHDRAWALS:
            yield partial(self._withdrawal, ref, reason)

    def listings(self) -> Iterator[Step]:
        for listing in LISTINGS:
            yield partial(self._listing, listing)

    def _party(self, key: str) -> str:
        return self.ids("party", key)

    def _asset(self, demo: DemoAsset) -> None:
        key = f"asset:{demo.key}"
        register = RegisterAsset(
            holder_party_id=self._party(demo.holder),
            kind=demo.kind,
            jurisdiction=demo.jurisdiction,
            title=demo.title,
            identifiers=demo.identifiers,
        )
        asset_id = self.ids.remember("asset", demo.key, self.record(register, key))
        if demo.granted_on:
            grant = RecordGrant(
                asset_id=asset_id, granted_on=demo.granted_on, grant_number=demo.grant_number
            )
            self.record(grant, f"{key}:granted")

    def _transfer(self, demo: DemoTransfer) -> None:
        """Proposes the transfer and takes it as far as the demo says."""
        key = f"transfer:{demo.key}"
        territory = Territory(countries=demo.territory) if demo.territory else Territory.world()
        propose = ProposeTransfer(
            asset_id=self.ids("asset", demo.asset),
            holder_party_id=self._party(demo.holder),
            recipient_party_id=self._party(demo.recipient),
            mode=demo.mode,
            territory=territory,
            term=Term(*demo.term),
        )
        transfer_id = self.ids.remember("transfer", demo.key, self.record(propose, key))
        if demo.valuation:
            appraiser, method, value, valuated_on = demo.valuation
            valuate = ValuateTransfer(
                transfer_id=transfer_id,
                appraiser=appraiser,
                method=method,
                value=cny(value),
                valuated_on=valuated_on,
            )
            self.record(valuate, f"{key}:valuated")
        if demo.contract:
            agreement_id = self.ids("agreement", demo.contract)
            sign = SignContract(transfer_id=transfer_id, agreement_id=agreement_id)
            self.record(sign, f"{key}:contract")
        if demo.schedule:
            schedule = ScheduleConsideration(
                transfer_id=transfer_id, schedule=_schedule(demo.schedule)
            )
            self.record(schedule, f"{key}:schedule")
        if demo.recordal:
            office, number, recorded_on = demo.recordal
            recordal = RecordWithOffice(
                transfer_id=transfer_id,
                office=office,
                recordal_number=number,
                recorded_on=recorded_on,
            )
            self.record(recordal, f"{key}:recorded")
        for index, (amount, paid_on, reference) in enumerate(demo.payments):
            payment = RecordPayment(
                transfer_id=transfer_id, amount=cny(amount), paid_on=paid_on, reference=reference
            )
            self.record(payment, f"{key}:paid:{index}")
        if demo.completed_on:
            complete = CompleteTransfer(transfer_id=transfer_id, completed_on=demo.completed_on)
            self.record(complete, f"{key}:completed")

    def _negotiation(self, demo: DemoNegotiation) -> None:
        key = f"achievement:{demo.achievement}"
        achievement_id = self.ids.uuid("achievement", demo.achievement)
        negotiation = StartNegotiation(
            achievement_id=achievement_id, counterparty_id=self._party(demo.counterparty)
        )
        self.record(negotiation, f"{key}:negotiation")
        if demo.transacted_on:
            transaction = RecordTransaction(
                achievement_id=achievement_id,
                transacted_on=demo.transacted_on,
                agreement_id=self.ids.optional("agreement", demo.agreement),
                ip_transfer_id=self.ids.optional("transfer", demo.transfer),
            )
            self.record(transaction, f"{key}:transacted")

    def _withdrawal(self, ref: str, reason: str) -> None:
        withdraw = WithdrawAchievement(
            achievement_id=self.ids.uuid("achievement", ref), reason=reason
        )
        self.record(withdraw, f"achievement:{ref}:withdrawn")

    def _listing(self, demo: DemoListing) -> None:
        """Applies to list the company and takes the application as far as the demo says."""
        key = f"listing:{demo.company}"
        with _effective_on(demo.applied_on):
            apply = ApplyForListing(
                company_id=self._party(demo.company),
                centre_id=self._party(CENTRE),
                board=Board(demo.board),
            )
            listing_id = self.record(apply, key).aggregate_id
            if demo.reviewed:
                self.record(StartReview(listing_id=listing_id), f"{key}:review")
        for index, (what, due_on, provided) in enumerate(demo.amendments):
            request = RequestAmendments(listing_id=listing_id, what=what, due_on=due_on)
            requested = self.record(request, f"{key}:amendments:{index}")
            if provided:
                response = ProvideAmendments(
                    listing_id=listing_id,
                    request_id=Agreement.child_id(listing_id, requested.version),
                    reference=provided,
                )
                self.record(response, f"{key}:amendments:{index}:provided")
        if demo.approved:
            with _effective_on(demo.approved_on):
                self.record(ApproveListing(listing_id=listing_id), f"{key}:approved")
        if demo.code and demo.listed_on:
            admit = AdmitListing(
                listing_id=listing_id,
                listing_code=demo.code,
                listed_on=demo.listed_on,
                holders=self._holdings(demo.holders),
            )
            self.record(admit, f"{key}:listed")
        for index, (instrument, amount, investors, closed_on, agreement) in enumerate(demo.rounds):
            issues_shares = Instrument(instrument).issues_shares
            close = CloseFinancingRound(
                listing_id=listing_id,
                instrument=Instrument(instrument),
                amount=cny(amount),
                investor_ids=[self._party(investor) for investor, _ in investors],
                closed_on=closed_on,
                agreement_id=self.ids.optional("agreement", agreement),
                shares_issued=self._holdings(investors) if issues_shares else [],
            )
            self.record(close, f"{key}:round:{index}")
        for index, (seller, buyer, shares, price, on) in enumerate(demo.transfers):
            transfer = TransferShares(
                listing_id=listing_id,
                from_party_id=self._party(seller),
                to_party_id=self._party(buyer),
                shares=shares,
                price_per_share=cny(price),
                transferred_on=on,
            )
            self.record(transfer, f"{key}:transfer:{index}")
        if demo.suspended:
            suspend = SuspendListing(listing_id=listing_id, reason=demo.suspended)
            self.record(suspend, f"{key}:suspended")

    def _holdings(self, holdings: tuple[tuple[str, int], ...]) -> list[Holding]:
        return [Holding(self._party(key), shares) for key, shares in holdings]


def _effective_on(day: date | None) -> AbstractContextManager[object]:
    """Records the steps inside as taking effect at 09:00 UTC on `day` (None: as the rest of the
    demo, at the conference): a listing of last year was approved before it was listed."""
    if day is None:
        return nullcontext()
    meta = current_metadata()
    return recording(
        meta.actor,
        correlation_id=meta.correlation_id,
        effective_at=datetime.combine(day, time(9), tzinfo=UTC),
        comment=meta.comment,
    )


def _schedule(demo: DemoSchedule) -> Schedule:
    instalments = tuple(Instalment(due_on, cny(amount)) for due_on, amount in demo.instalments)
    rate = Decimal(demo.royalty_rate) if demo.royalty_rate else None
    return Schedule(ConsiderationKind(demo.kind), "CNY", instalments, royalty_rate=rate)
