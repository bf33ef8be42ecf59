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
from dealtrail.application.ledger import Ledger
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
from dealtrail.demo.steps import ConferenceServices, DemoIds, Step, dated, demo_key
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


class DealSteps:
    def __init__(self, ledger: Ledger, services: ConferenceServices, ids: DemoIds) -> None:
        self.handle = ledger.handle
        self.services = services
        self.ids = ids

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
        assets, key = self.services.ip_assets, f"asset:{demo.key}"
        result = assets.register(
            self._party(demo.holder),
            demo.kind,
            demo.jurisdiction,
            demo.title,
            demo.identifiers,
            demo_key(key),
        )
        asset_id = self.ids.remember("asset", demo.key, result)
        if demo.granted_on:
            with dated():
                assets.record_grant(
                    asset_id, demo.granted_on, demo.grant_number, demo_key(f"{key}:granted")
                )

    def _transfer(self, demo: DemoTransfer) -> None:
        """Proposes the transfer and takes it as far as the demo says."""
        transfers, key = self.services.ip_transfers, f"transfer:{demo.key}"
        territory = Territory(countries=demo.territory) if demo.territory else Territory.world()
        result = transfers.propose(
            self.ids("asset", demo.asset),
            self._party(demo.holder),
            self._party(demo.recipient),
            demo.mode,
            territory,
            Term(*demo.term),
            demo_key(key),
        )
        transfer_id = self.ids.remember("transfer", demo.key, result)
        if demo.valuation:
            appraiser, method, value, valuated_on = demo.valuation
            with dated():
                transfers.valuate(
                    transfer_id,
                    appraiser,
                    method,
                    cny(value),
                    valuated_on,
                    demo_key(f"{key}:valuated"),
                )
        if demo.contract:
            transfers.sign_contract(
                transfer_id, self.ids("agreement", demo.contract), demo_key(f"{key}:contract")
            )
        if demo.schedule:
            transfers.schedule_consideration(
                transfer_id, _schedule(demo.schedule), demo_key(f"{key}:schedule")
            )
        if demo.recordal:
            office, number, recorded_on = demo.recordal
            with dated():
                transfers.record_with_office(
                    transfer_id, office, number, recorded_on, demo_key(f"{key}:recorded")
                )
        for index, (amount, paid_on, reference) in enumerate(demo.payments):
            with dated():
                transfers.record_payment(
                    transfer_id, cny(amount), paid_on, reference, demo_key(f"{key}:paid:{index}")
                )
        if demo.completed_on:
            with dated():
                transfers.complete(transfer_id, demo.completed_on, demo_key(f"{key}:completed"))

    def _negotiation(self, demo: DemoNegotiation) -> None:
        key = f"achievement:{demo.achievement}"
        achievement_id = self.ids.uuid("achievement", demo.achievement)
        negotiation = StartNegotiation(
            achievement_id=achievement_id, counterparty_id=self._party(demo.counterparty)
        )
        self.handle(negotiation, demo_key(f"{key}:negotiation"))
        if demo.transacted_on:
            transaction = RecordTransaction(
                achievement_id=achievement_id,
                transacted_on=demo.transacted_on,
                agreement_id=self.ids.optional("agreement", demo.agreement),
                ip_transfer_id=self.ids.optional("transfer", demo.transfer),
            )
            with dated():
                self.handle(transaction, demo_key(f"{key}:transacted"))

    def _withdrawal(self, ref: str, reason: str) -> None:
        withdraw = WithdrawAchievement(
            achievement_id=self.ids.uuid("achievement", ref), reason=reason
        )
        self.handle(withdraw, demo_key(f"achievement:{ref}:withdrawn"))

    def _listing(self, demo: DemoListing) -> None:
        """Applies to list the company and takes the application as far as the demo says."""
        listings, key = self.services.listings, f"listing:{demo.company}"
        with _effective_on(demo.applied_on):
            result = listings.apply(
                self._party(demo.company), self._party(CENTRE), Board(demo.board), demo_key(key)
            )
            listing_id = result.aggregate_id
            if demo.reviewed:
                listings.start_review(listing_id, demo_key(f"{key}:review"))
        for index, (what, due_on, provided) in enumerate(demo.amendments):
            requested = listings.request_amendments(
                listing_id, what, due_on, demo_key(f"{key}:amendments:{index}")
            )
            if provided:
                listings.provide_amendments(
                    listing_id,
                    Agreement.child_id(listing_id, requested.version),
                    provided,
                    demo_key(f"{key}:amendments:{index}:provided"),
                )
        if demo.approved:
            with _effective_on(demo.approved_on):
                listings.approve(listing_id, demo_key(f"{key}:approved"))
        if demo.code and demo.listed_on:
            holders = self._holdings(demo.holders)
            with dated():
                listings.admit(
                    listing_id, demo.code, demo.listed_on, holders, demo_key(f"{key}:listed")
                )
        for index, (instrument, amount, investors, closed_on, agreement) in enumerate(demo.rounds):
            with dated():
                listings.close_financing_round(
                    listing_id,
                    Instrument(instrument),
                    cny(amount),
                    [self._party(investor) for investor, _ in investors],
                    closed_on,
                    self.ids.optional("agreement", agreement),
                    self._holdings(investors) if Instrument(instrument).issues_shares else [],
                    demo_key(f"{key}:round:{index}"),
                )
        for index, (seller, buyer, shares, price, on) in enumerate(demo.transfers):
            with dated():
                listings.transfer_shares(
                    listing_id,
                    self._party(seller),
                    self._party(buyer),
                    shares,
                    cny(price),
                    on,
                    demo_key(f"{key}:transfer:{index}"),
                )
        if demo.suspended:
            listings.suspend(listing_id, demo.suspended, demo_key(f"{key}:suspended"))

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
