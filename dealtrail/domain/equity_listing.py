"""Equity listing: a company's listing on a regional equity trading centre, from its application
through review to listing, suspension and delisting, with the financing and share transfers
recorded while it is listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import Any

from eventsourcing.domain import event

from dealtrail.domain.amendment_request import AmendmentRequest
from dealtrail.domain.base import Lifecycle, Recorded, effective_now, effective_time
from dealtrail.domain.board import Board, listing_board
from dealtrail.domain.calendar import Moment, precedes, shown
from dealtrail.domain.errors import fail
from dealtrail.domain.financing_round import (
    FinancingRound,
    Instrument,
    financing_instrument,
    shares_issued,
)
from dealtrail.domain.listing_code import listing_code, listing_code_key
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import (
    Holding,
    Register,
    check_total,
    issued,
    moved,
    opening_register,
    register_of,
    share_count,
)
from dealtrail.domain.share_transfer import ShareTransfer, check_consideration
from dealtrail.domain.text import reason_text, required_text
from dealtrail.domain.unique_key import UniqueKey


class ListingStatus(StrEnum):
    APPLIED = "applied"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    LISTED = "listed"
    SUSPENDED = "suspended"
    DELISTED = "delisted"


class EquityListing(Lifecycle):
    """The dates of its lifecycle follow each other: each step is on or after the step before it
    (applied, review started, approved or rejected, listed, suspended, resumed, delisted). The
    listing is dated by its business date; the steps that carry none by when they took effect (the
    command's `effective_at`, else when it was recorded), so a step recorded after the fact is
    back-dated with `effective_at`. Rounds and transfers are dated on or after the listing.

    The shareholder register is taken at listing and follows from the listing's own events (see
    share_register.py). A listing recorded before registers were kept has none (`share_register` is
    None) until staff record it: until then no share transfer is recorded on it.
    """

    class_version = 2  # snapshots: v2 keeps the shareholder register and the last step's date
    date_in_future = "listing.date_in_future"

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["share_register"] = None
        state["register_as_of"] = None
        state["last_step"] = None
        state["last_step_at"] = None  # unknown: the next step is not checked against it

    company_id: str
    centre_id: str
    board: Board
    status: ListingStatus
    status_reason: str | None
    listing_code: str | None
    listed_on: date | None
    amendment_requests: dict[str, AmendmentRequest]
    financing_rounds: dict[str, FinancingRound]
    share_transfers: dict[str, ShareTransfer]
    share_register: Register | None  # None: not listed yet, or listed before registers were kept
    register_as_of: date | None  # the date the register was taken up (the listing date, mostly)
    last_step: str | None  # the last step of the lifecycle, as the error codes name it
    last_step_at: Moment | None

    @classmethod
    def apply(cls, company_id: str, centre_id: str, board: Board) -> EquityListing:
        return cls(company_id=company_id, centre_id=centre_id, board=listing_board(board))

    class Applied(Recorded.Created):
        company_id: str
        centre_id: str
        board: str

        def apply(self, aggregate: EquityListing) -> None:
            _stepped(aggregate, "application", effective_time(self))

    @event(Applied)
    def __init__(self, company_id: str, centre_id: str, board: str) -> None:
        self.company_id = company_id
        self.centre_id = centre_id
        self.board = Board(board)
        self.status = ListingStatus.APPLIED
        self.status_reason = None
        self.listing_code = None
        self.listed_on = None
        self.amendment_requests = {}
        self.financing_rounds = {}
        self.share_transfers = {}
        self.share_register = None
        self.register_as_of = None
        self.last_step = None
        self.last_step_at = None

    # ---- review ------------------------------------------------------------------------------

    def start_review(self) -> None:
        self._check_status(ListingStatus.APPLIED, "listing.not_applied")
        self._check_follows("review_started")
        self.trigger_event(self.ReviewStarted)

    class ReviewStarted(Recorded.Event):
        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.UNDER_REVIEW
            _stepped(aggregate, "review", effective_time(self))

    def request_amendments(self, what: str, due_on: date) -> str:
        self._check_status(ListingStatus.UNDER_REVIEW, "listing.not_under_review")
        request = AmendmentRequest(self._next_child_id(), reason_text(what, "what"), due_on)
        self._amendments_requested(request=request)
        return request.request_id

    @event("AmendmentsRequested")
    def _amendments_requested(self, request: AmendmentRequest) -> None:
        self.amendment_requests = {**self.amendment_requests, request.request_id: request}

    def provide_amendments(self, request_id: str, reference: str) -> None:
        self._check_status(ListingStatus.UNDER_REVIEW, "listing.not_under_review")
        try:
            request = self.amendment_requests[request_id]
        except KeyError:
            raise fail("listing.unknown_amendment_request", request_id=request_id) from None
        if not request.is_outstanding:
            raise fail("listing.amendment_already_provided", request_id=request_id)
        self._amendments_provided(
            request_id=request_id, reference=required_text(reference, "reference")
        )

    @event("AmendmentsProvided")
    def _amendments_provided(self, request_id: str, reference: str) -> None:
        provided = self.amendment_requests[request_id].provided(reference)
        self.amendment_requests = {**self.amendment_requests, request_id: provided}

    def approve(self) -> None:
        self._check_status(ListingStatus.UNDER_REVIEW, "listing.not_under_review")
        outstanding = next((r for r in self.amendment_requests.values() if r.is_outstanding), None)
        if outstanding is not None:
            raise fail("listing.amendments_outstanding", request_id=outstanding.request_id)
        self._check_follows("approved")
        self.trigger_event(self.Approved)

    class Approved(Recorded.Event):
        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.APPROVED
            _stepped(aggregate, "approval", effective_time(self))

    def reject(self, reason: str) -> None:
        self._check_status(ListingStatus.UNDER_REVIEW, "listing.not_under_review")
        reason = reason_text(reason)
        self._check_follows("rejected")
        self.trigger_event(self.Rejected, reason=reason)

    class Rejected(Recorded.Event):
        reason: str

        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.REJECTED
            aggregate.status_reason = self.reason
            _stepped(aggregate, "rejection", effective_time(self))

    # ---- listed, suspended, delisted ---------------------------------------------------------

    def admit(self, code: str, listed_on: date, holders: Sequence[Holding]) -> None:
        """Lists the approved company on its board under `code`, from `listed_on`, with the
        register of its shareholders on that day."""
        self._check_status(ListingStatus.APPROVED, "listing.not_approved")
        code = listing_code(code)
        self._check_dated(listed_on, "listed_on")
        self._check_follows("listed", listed_on, "listed_on")
        register = opening_register(holders, "holders")
        self._listed(listing_code=code, listed_on=listed_on, register=register)

    class Listed(Recorded.Event):
        """v2: carries the shareholder register taken at listing (v1: none was kept)."""

        class_version = 2
        listing_code: str
        listed_on: date
        register: tuple[Holding, ...] | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["register"] = None

    @event(Listed)
    def _listed(
        self, listing_code: str, listed_on: date, register: tuple[Holding, ...] | None
    ) -> None:
        self.status = ListingStatus.LISTED
        self.listing_code = listing_code
        self.listed_on = listed_on
        if register is not None:
            self.share_register = register_of(register)
            self.register_as_of = listed_on
        _stepped(self, "listing", listed_on)

    def suspend(self, reason: str) -> None:
        self._check_trading()
        reason = reason_text(reason)
        self._check_follows("suspended")
        self.trigger_event(self.Suspended, reason=reason)

    class Suspended(Recorded.Event):
        reason: str

        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.SUSPENDED
            aggregate.status_reason = self.reason
            _stepped(aggregate, "suspension", effective_time(self))

    def resume(self) -> None:
        self._check_not_delisted()
        self._check_status(ListingStatus.SUSPENDED, "listing.not_suspended")
        self._check_follows("resumed")
        self.trigger_event(self.Resumed)

    class Resumed(Recorded.Event):
        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.LISTED
            aggregate.status_reason = None
            _stepped(aggregate, "resumption", effective_time(self))

    def delist(self, reason: str) -> None:
        self._check_not_delisted()
        if self.status not in (ListingStatus.LISTED, ListingStatus.SUSPENDED):
            raise fail("listing.not_listed", status=self.status)
        reason = reason_text(reason)
        self._check_follows("delisted")
        self.trigger_event(self.Delisted, reason=reason)

    class Delisted(Recorded.Event):
        reason: str

        def apply(self, aggregate: EquityListing) -> None:
            aggregate.status = ListingStatus.DELISTED
            aggregate.status_reason = self.reason
            _stepped(aggregate, "delisting", effective_time(self))

    # ---- the shareholder register ------------------------------------------------------------

    def record_register(self, holders: Sequence[Holding], as_of: date) -> None:
        """Takes up the register of a company listed before registers were kept, as it stands
        on `as_of`: on or after every round and transfer already recorded, which it counts."""
        self._check_not_delisted()
        if self.status not in (ListingStatus.LISTED, ListingStatus.SUSPENDED):
            raise fail("listing.not_listed", status=self.status)
        if self.share_register is not None:
            raise fail("listing.register_kept", as_of=self.register_as_of)
        self._check_dated(as_of, "as_of")
        dated = [("financing round", r.closed_on) for r in self.financing_rounds.values()]
        dated += [("share transfer", t.transferred_on) for t in self.share_transfers.values()]
        what, latest = max(dated, key=lambda item: item[1], default=(None, None))
        if latest is not None and as_of < latest:
            raise fail(
                "listing.register_before_trading", "as_of", on=as_of, what=what, latest=latest
            )
        register = opening_register(holders, "holders")
        self._register_recorded(register=register, as_of=as_of)

    @event("RegisterRecorded")
    def _register_recorded(self, register: tuple[Holding, ...], as_of: date) -> None:
        self.share_register = register_of(register)
        self.register_as_of = as_of

    def total_shares(self) -> int | None:
        """The shares the register counts (None: no register is kept)."""
        return None if self.share_register is None else sum(self.share_register.values())

    # ---- while listed ------------------------------------------------------------------------

    def close_financing_round(
        self,
        instrument: Instrument,
        amount: Money,
        investor_ids: Sequence[str],
        closed_on: date,
        agreement_id: str | None = None,
        shares: Sequence[Holding] = (),
    ) -> str:
        """Records a round; an equity round issues `shares` (one entry per investor), which join
        the register."""
        self._check_trading()
        self._check_dated(closed_on, "closed_on")
        financing_round = FinancingRound(
            self._next_child_id(),
            financing_instrument(instrument),
            amount,
            tuple(investor_ids),
            closed_on,
            agreement_id,
        )
        allotted = shares_issued(financing_round.instrument, financing_round.investor_ids, shares)
        financing_round = replace(financing_round, shares_issued=allotted)
        held = self.total_shares()
        if held is not None:
            check_total(held + sum(entry.shares for entry in allotted), "shares_issued")
        self._financing_round_closed(financing_round=financing_round)
        return financing_round.round_id

    @event("FinancingRoundClosed")
    def _financing_round_closed(self, financing_round: FinancingRound) -> None:
        self.financing_rounds = {
            **self.financing_rounds,
            financing_round.round_id: financing_round,
        }
        if self.share_register is not None:
            self.share_register = issued(self.share_register, financing_round.shares_issued)

    def transfer_shares(
        self,
        from_party_id: str,
        to_party_id: str,
        shares: int,
        price_per_share: Money,
        transferred_on: date,
    ) -> str:
        """Records `from_party_id` selling `shares` to `to_party_id`: no more than it holds."""
        self._check_trading()
        self._check_dated(transferred_on, "transferred_on")
        transfer = ShareTransfer(
            self._next_child_id(),
            from_party_id,
            to_party_id,
            shares,
            price_per_share,
            transferred_on,
        )
        share_count(shares, "shares")
        check_consideration(transfer)
        if self.share_register is None:
            raise fail("listing.register_unknown")
        held = self.share_register.get(from_party_id, 0)
        if shares > held:
            raise fail(
                "listing.exceeds_holding",
                "shares",
                party_id=from_party_id,
                held=held,
                shares=shares,
            )
        self._shares_transferred(transfer=transfer)
        return transfer.transfer_id

    @event("SharesTransferred")
    def _shares_transferred(self, transfer: ShareTransfer) -> None:
        self.share_transfers = {**self.share_transfers, transfer.transfer_id: transfer}
        if self.share_register is not None:
            self.share_register = moved(
                self.share_register, transfer.from_party_id, transfer.to_party_id, transfer.shares
            )

    def funds_raised(self) -> list[Money]:
        """The rounds' amounts summed per currency, in currency order."""
        totals: dict[str, Money] = {}
        for financing_round in self.financing_rounds.values():
            amount = financing_round.amount
            previous = totals.get(amount.currency)
            totals[amount.currency] = previous + amount if previous else amount
        return [totals[currency] for currency in sorted(totals)]

    def unique_keys(self) -> list[UniqueKey]:
        """Its listing code, once listed: unique at its trading centre."""
        if self.listing_code is None:
            return []
        return [listing_code_key(self.centre_id, self.listing_code)]

    # ---- checks ------------------------------------------------------------------------------

    def _check_not_delisted(self) -> None:
        if self.status == ListingStatus.DELISTED:
            raise fail("listing.already_delisted")

    def _check_trading(self) -> None:
        """Listed, and neither suspended nor delisted."""
        self._check_not_delisted()
        if self.status == ListingStatus.SUSPENDED:
            raise fail("listing.suspended")
        self._check_status(ListingStatus.LISTED, "listing.not_listed")

    def _check_dated(self, day: date, field: str) -> None:
        self._check_not_future(day, field)
        if self.listed_on is not None and day < self.listed_on:
            raise fail(
                "listing.dated_before_listing", field, what=field, on=day, listed_on=self.listed_on
            )
        if self.register_as_of is not None and day < self.register_as_of:
            raise fail(
                "listing.dated_before_register",
                field,
                what=field,
                on=day,
                as_of=self.register_as_of,
            )

    def _check_follows(
        self, step: str, at: Moment | None = None, field: str = "effective_at"
    ) -> None:
        """Refuses a step dated before the step it follows. `at` is its business date; a step
        without one is dated by when it takes effect."""
        at = effective_now() if at is None else at
        if self.last_step_at is not None and precedes(at, self.last_step_at):
            raise fail(
                f"listing.{step}_before_{self.last_step}",
                field,
                on=shown(at),
                since=shown(self.last_step_at),
            )


def _stepped(listing: EquityListing, step: str, at: Moment) -> None:
    listing.last_step = step
    listing.last_step_at = at
