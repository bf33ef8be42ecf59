"""Commands on equity listings: application, review, listing, and what is recorded while listed.

Who takes part must be registered, and be of the right kind: each command checks that before it
is recorded, because the listing only keeps the ids of other records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.application.commands.parties import check_registered
from dealtrail.application.errors import AggregateNotFound
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.errors import fail
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.money import Money
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.share_register import Holding


@command("listing.apply")
class ApplyForListing(Create[EquityListing]):
    company_id: str
    centre_id: str
    board: Board

    def check(self, records: Records) -> None:
        _check_kind(
            records, self.company_id, "company_id", PartyKind.COMPANY, "listing.not_a_company"
        )
        _check_kind(
            records,
            self.centre_id,
            "centre_id",
            PartyKind.TRADING_CENTRE,
            "listing.not_a_trading_centre",
        )

    def build(self) -> EquityListing:
        return EquityListing.apply(self.company_id, self.centre_id, self.board)


@dataclass(frozen=True, kw_only=True)
class ListingChange(Change[EquityListing]):
    AGGREGATE = EquityListing
    TARGET = "listing_id"
    listing_id: UUID


@command("listing.start_review", acts="start_review")
class StartReview(ListingChange):
    pass


@command("listing.request_amendments", acts="request_amendments")
class RequestAmendments(ListingChange):
    what: str
    due_on: date


@command("listing.provide_amendments", acts="provide_amendments")
class ProvideAmendments(ListingChange):
    request_id: str
    reference: str


@command("listing.approve", acts="approve")
class ApproveListing(ListingChange):
    pass


@command("listing.reject", acts="reject")
class RejectListing(ListingChange):
    reason: str


@command("listing.admit", acts="admit", on="listed_on", arguments={"listing_code": "code"})
class AdmitListing(ListingChange):
    """Lists the company with its shareholder register, each holder a registered party."""

    listing_code: str
    listed_on: date
    holders: Sequence[Holding]

    def check(self, records: Records) -> None:
        _check_holders(records, self.holders, "holders")

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "holders": _entries(self.holders)}


@command("listing.record_register", acts="record_register")
class RecordRegister(ListingChange):
    """Takes up the register of a company listed before registers were kept."""

    holders: Sequence[Holding]
    as_of: date

    def check(self, records: Records) -> None:
        _check_holders(records, self.holders, "holders")

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "holders": _entries(self.holders)}


@command("listing.suspend", acts="suspend")
class SuspendListing(ListingChange):
    reason: str


@command("listing.resume", acts="resume")
class ResumeListing(ListingChange):
    pass


@command("listing.delist", acts="delist")
class DelistListing(ListingChange):
    reason: str


@command(
    "listing.close_financing_round",
    acts="close_financing_round",
    on="closed_on",
    arguments={"investor_ids": "investors"},
)
class CloseFinancingRound(ListingChange):
    instrument: Instrument
    amount: Money
    investor_ids: Sequence[str]
    closed_on: date
    agreement_id: str | None = None
    shares_issued: Sequence[Holding] = ()

    def check(self, records: Records) -> None:
        for index, investor_id in enumerate(self.investor_ids):
            check_registered(records, investor_id, f"investor_ids.{index}")
        agreement_id = self.agreement_id
        if agreement_id is not None and not records.exists(Agreement, UUID(agreement_id)):
            raise fail("listing.unknown_agreement", "agreement_id", agreement_id=agreement_id)

    def arguments(self) -> dict[str, Any]:
        return {
            **super().arguments(),
            "investors": list(self.investor_ids),
            "shares_issued": _entries(self.shares_issued),
        }


@command(
    "listing.transfer_shares",
    acts="transfer_shares",
    on="transferred_on",
    arguments={"from_party_id": "from", "to_party_id": "to", "price_per_share": "price"},
)
class TransferShares(ListingChange):
    from_party_id: str
    to_party_id: str
    shares: int
    price_per_share: Money
    transferred_on: date

    def check(self, records: Records) -> None:
        check_registered(records, self.from_party_id, "from_party_id")
        check_registered(records, self.to_party_id, "to_party_id")


def _check_holders(records: Records, holders: Sequence[Holding], field: str) -> None:
    for index, holder in enumerate(holders):
        check_registered(records, holder.party_id, f"{field}.{index}.party_id")


def _check_kind(records: Records, party_id: str, field: str, kind: PartyKind, code: str) -> None:
    try:
        party = records.get(Party, UUID(party_id), version=1)
    except AggregateNotFound:
        raise fail("party.unknown", field, party_id=party_id) from None
    if party.kind != kind:
        raise fail(code, field, party_id=party_id, kind=party.kind)


def _entries(holdings: Sequence[Holding]) -> list[list[object]]:
    """Holdings as a command's arguments (for its idempotency key)."""
    return [[h.party_id, h.shares] for h in holdings]
