"""Use cases for equity listings: application, review, listing, and what is recorded while listed.

Who takes part must be registered, and be of the right kind: that is checked here, before the
command, because the listing only keeps the ids of other aggregates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.errors import AggregateNotFound
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.application.parties import Parties
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.errors import fail
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.metadata import BusinessDate
from dealtrail.domain.money import Money
from dealtrail.domain.party import PartyKind
from dealtrail.domain.share_register import Holding


class Listings:
    def __init__(self, ledger: Ledger, parties: Parties) -> None:
        self.ledger = ledger
        self.parties = parties

    def apply(
        self, company_id: str, centre_id: str, board: Board, options: Options = NO_OPTIONS
    ) -> CommandResult:
        self._check_kind(company_id, "company_id", PartyKind.COMPANY, "listing.not_a_company")
        self._check_kind(
            centre_id, "centre_id", PartyKind.TRADING_CENTRE, "listing.not_a_trading_centre"
        )
        args = {"company_id": company_id, "centre_id": centre_id, "board": board}
        return self.ledger.create(
            Command("listing.apply", args, options),
            lambda: EquityListing.apply(company_id, centre_id, board),
        )

    def start_review(self, listing_id: UUID, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(listing_id, "start_review", {}, options, lambda x: x.start_review())

    def request_amendments(
        self, listing_id: UUID, what: str, due_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            listing_id,
            "request_amendments",
            {"what": what, "due_on": due_on},
            options,
            lambda x: x.request_amendments(what, due_on),
        )

    def provide_amendments(
        self, listing_id: UUID, request_id: str, reference: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            listing_id,
            "provide_amendments",
            {"request_id": request_id, "reference": reference},
            options,
            lambda x: x.provide_amendments(request_id, reference),
        )

    def approve(self, listing_id: UUID, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(listing_id, "approve", {}, options, lambda x: x.approve())

    def reject(self, listing_id: UUID, reason: str, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(
            listing_id, "reject", {"reason": reason}, options, lambda x: x.reject(reason)
        )

    def admit(
        self,
        listing_id: UUID,
        listing_code: str,
        listed_on: date,
        holders: Sequence[Holding],
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        """Lists the company with its shareholder register, each holder a registered party."""
        self._check_holders(holders, "holders")
        args = {"code": listing_code, "on": listed_on, "holders": _entries(holders)}
        return self._change(
            listing_id,
            "admit",
            args,
            options,
            lambda x: x.admit(listing_code, listed_on, holders),
            BusinessDate("listed_on", listed_on),
        )

    def record_register(
        self,
        listing_id: UUID,
        holders: Sequence[Holding],
        as_of: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        """Takes up the register of a company listed before registers were kept."""
        self._check_holders(holders, "holders")
        args = {"holders": _entries(holders), "as_of": as_of}
        return self._change(
            listing_id,
            "record_register",
            args,
            options,
            lambda x: x.record_register(holders, as_of),
        )

    def suspend(
        self, listing_id: UUID, reason: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            listing_id, "suspend", {"reason": reason}, options, lambda x: x.suspend(reason)
        )

    def resume(self, listing_id: UUID, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(listing_id, "resume", {}, options, lambda x: x.resume())

    def delist(self, listing_id: UUID, reason: str, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(
            listing_id, "delist", {"reason": reason}, options, lambda x: x.delist(reason)
        )

    def close_financing_round(
        self,
        listing_id: UUID,
        instrument: Instrument,
        amount: Money,
        investor_ids: Sequence[str],
        closed_on: date,
        agreement_id: str | None = None,
        shares_issued: Sequence[Holding] = (),
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        for index, investor_id in enumerate(investor_ids):
            self._check_registered(investor_id, f"investor_ids.{index}")
        if agreement_id is not None and not self.ledger.exists(Agreement, UUID(agreement_id)):
            raise fail("listing.unknown_agreement", "agreement_id", agreement_id=agreement_id)
        args = {
            "instrument": instrument,
            "amount": amount,
            "investors": list(investor_ids),
            "on": closed_on,
            "agreement_id": agreement_id,
            "shares_issued": _entries(shares_issued),
        }
        return self._change(
            listing_id,
            "close_financing_round",
            args,
            options,
            lambda x: x.close_financing_round(
                instrument, amount, investor_ids, closed_on, agreement_id, shares_issued
            ),
            BusinessDate("closed_on", closed_on),
        )

    def transfer_shares(
        self,
        listing_id: UUID,
        from_party_id: str,
        to_party_id: str,
        shares: int,
        price_per_share: Money,
        transferred_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        self._check_registered(from_party_id, "from_party_id")
        self._check_registered(to_party_id, "to_party_id")
        args = {
            "from": from_party_id,
            "to": to_party_id,
            "shares": shares,
            "price": price_per_share,
            "on": transferred_on,
        }
        return self._change(
            listing_id,
            "transfer_shares",
            args,
            options,
            lambda x: x.transfer_shares(
                from_party_id, to_party_id, shares, price_per_share, transferred_on
            ),
            BusinessDate("transferred_on", transferred_on),
        )

    def get(self, listing_id: UUID, version: int | None = None) -> EquityListing:
        return self.ledger.get(EquityListing, listing_id, version)

    def _check_holders(self, holders: Sequence[Holding], field: str) -> None:
        for index, holder in enumerate(holders):
            self._check_registered(holder.party_id, f"{field}.{index}.party_id")

    def _check_registered(self, party_id: str, field: str) -> None:
        if not self.parties.exists(UUID(party_id)):
            raise fail("party.unknown", field, party_id=party_id)

    def _check_kind(self, party_id: str, field: str, kind: PartyKind, code: str) -> None:
        try:
            party = self.parties.get(UUID(party_id), version=1)
        except AggregateNotFound:
            raise fail("party.unknown", field, party_id=party_id) from None
        if party.kind != kind:
            raise fail(code, field, party_id=party_id, kind=party.kind)

    def _change(
        self,
        listing_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[EquityListing], object],
        dated: BusinessDate | None = None,
    ) -> CommandResult:
        command = Command(f"listing.{name}", args, options, dated)
        return self.ledger.change(command, EquityListing, listing_id, act)


def _entries(holdings: Sequence[Holding]) -> list[list[object]]:
    """Holdings as a command's arguments (for its idempotency key)."""
    return [[h.party_id, h.shares] for h in holdings]
