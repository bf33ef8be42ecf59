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

from dealtrail.application.command import Change, Create, Records
from dealtrail.application.errors import AggregateNotFound
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.errors import fail
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.money import Money
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.share_register import Holding


@dataclass(frozen=True, kw_only=True)
class ApplyForListing(Create[EquityListing]):
    NAME = "listing.apply"
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


@dataclass(frozen=True, kw_only=True)
class StartReview(ListingChange):
    NAME = "listing.start_review"

    def act(self, listing: EquityListing) -> None:
        listing.start_review()


@dataclass(frozen=True, kw_only=True)
class RequestAmendments(ListingChange):
    NAME = "listing.request_amendments"
    what: str
    due_on: date

    def act(self, listing: EquityListing) -> None:
        listing.request_amendments(self.what, self.due_on)


@dataclass(frozen=True, kw_only=True)
class ProvideAmendments(ListingChange):
    NAME = "listing.provide_amendments"
    request_id: str
    reference: str

    def act(self, listing: EquityListing) -> None:
        listing.provide_amendments(self.request_id, self.reference)


@dataclass(frozen=True, kw_only=True)
class ApproveListing(ListingChange):
    NAME = "listing.approve"

    def act(self, listing: EquityListing) -> None:
        listing.approve()


@dataclass(frozen=True, kw_only=True)
class RejectListing(ListingChange):
    NAME = "listing.reject"
    reason: str

    def act(self, listing: EquityListing) -> None:
        listing.reject(self.reason)


@dataclass(frozen=True, kw_only=True)
class AdmitListing(ListingChange):
    """Lists the company with its shareholder register, each holder a registered party."""

    NAME = "listing.admit"
    DATED = "listed_on"
    ARGUMENTS = {"listing_code": "code", "listed_on": "on"}
    listing_code: str
    listed_on: date
    holders: Sequence[Holding]

    def check(self, records: Records) -> None:
        _check_holders(records, self.holders, "holders")

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "holders": _entries(self.holders)}

    def act(self, listing: EquityListing) -> None:
        listing.admit(self.listing_code, self.listed_on, self.holders)


@dataclass(frozen=True, kw_only=True)
class RecordRegister(ListingChange):
    """Takes up the register of a company listed before registers were kept."""

    NAME = "listing.record_register"
    holders: Sequence[Holding]
    as_of: date

    def check(self, records: Records) -> None:
        _check_holders(records, self.holders, "holders")

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), "holders": _entries(self.holders)}

    def act(self, listing: EquityListing) -> None:
        listing.record_register(self.holders, self.as_of)


@dataclass(frozen=True, kw_only=True)
class SuspendListing(ListingChange):
    NAME = "listing.suspend"
    reason: str

    def act(self, listing: EquityListing) -> None:
        listing.suspend(self.reason)


@dataclass(frozen=True, kw_only=True)
class ResumeListing(ListingChange):
    NAME = "listing.resume"

    def act(self, listing: EquityListing) -> None:
        listing.resume()


@dataclass(frozen=True, kw_only=True)
class DelistListing(ListingChange):
    NAME = "listing.delist"
    reason: str

    def act(self, listing: EquityListing) -> None:
        listing.delist(self.reason)


@dataclass(frozen=True, kw_only=True)
class CloseFinancingRound(ListingChange):
    NAME = "listing.close_financing_round"
    DATED = "closed_on"
    ARGUMENTS = {"investor_ids": "investors", "closed_on": "on"}
    instrument: Instrument
    amount: Money
    investor_ids: Sequence[str]
    closed_on: date
    agreement_id: str | None = None
    shares_issued: Sequence[Holding] = ()

    def check(self, records: Records) -> None:
        for index, investor_id in enumerate(self.investor_ids):
            _check_registered(records, investor_id, f"investor_ids.{index}")
        agreement_id = self.agreement_id
        if agreement_id is not None and not records.exists(Agreement, UUID(agreement_id)):
            raise fail("listing.unknown_agreement", "agreement_id", agreement_id=agreement_id)

    def arguments(self) -> dict[str, Any]:
        return {
            **super().arguments(),
            "investors": list(self.investor_ids),
            "shares_issued": _entries(self.shares_issued),
        }

    def act(self, listing: EquityListing) -> None:
        listing.close_financing_round(
            self.instrument,
            self.amount,
            self.investor_ids,
            self.closed_on,
            self.agreement_id,
            self.shares_issued,
        )


@dataclass(frozen=True, kw_only=True)
class TransferShares(ListingChange):
    NAME = "listing.transfer_shares"
    DATED = "transferred_on"
    ARGUMENTS = {
        "from_party_id": "from",
        "to_party_id": "to",
        "price_per_share": "price",
        "transferred_on": "on",
    }
    from_party_id: str
    to_party_id: str
    shares: int
    price_per_share: Money
    transferred_on: date

    def check(self, records: Records) -> None:
        _check_registered(records, self.from_party_id, "from_party_id")
        _check_registered(records, self.to_party_id, "to_party_id")

    def act(self, listing: EquityListing) -> None:
        listing.transfer_shares(
            self.from_party_id,
            self.to_party_id,
            self.shares,
            self.price_per_share,
            self.transferred_on,
        )


def _check_holders(records: Records, holders: Sequence[Holding], field: str) -> None:
    for index, holder in enumerate(holders):
        _check_registered(records, holder.party_id, f"{field}.{index}.party_id")


def _check_registered(records: Records, party_id: str, field: str) -> None:
    if not records.exists(Party, UUID(party_id)):
        raise fail("party.unknown", field, party_id=party_id)


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
