"""Equity listing: a company's listing on a regional equity trading centre, from its application
through review to listing, suspension and delisting, with the financing and share transfers
recorded while it is listed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from eventsourcing.domain import event

from dealtrail.domain.amendment_request import AmendmentRequest
from dealtrail.domain.base import Recorded
from dealtrail.domain.board import Board, listing_board
from dealtrail.domain.calendar import check_on_record, is_future
from dealtrail.domain.errors import fail
from dealtrail.domain.financing_round import FinancingRound, Instrument
from dealtrail.domain.listing_code import listing_code, listing_code_key
from dealtrail.domain.money import Money
from dealtrail.domain.share_transfer import ShareTransfer
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


class EquityListing(Recorded):
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

    @classmethod
    def apply(cls, company_id: str, centre_id: str, board: Board) -> EquityListing:
        return cls(company_id=company_id, centre_id=centre_id, board=listing_board(board))

    class Applied(Recorded.Created):
        company_id: str
        centre_id: str
        board: str

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

    # ---- review ------------------------------------------------------------------------------

    def start_review(self) -> None:
        self._check_status(ListingStatus.APPLIED, "listing.not_applied")
        self._review_started()

    @event("ReviewStarted")
    def _review_started(self) -> None:
        self.status = ListingStatus.UNDER_REVIEW

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
        self._approved()

    @event("Approved")
    def _approved(self) -> None:
        self.status = ListingStatus.APPROVED

    def reject(self, reason: str) -> None:
        self._check_status(ListingStatus.UNDER_REVIEW, "listing.not_under_review")
        self._rejected(reason=reason_text(reason))

    @event("Rejected")
    def _rejected(self, reason: str) -> None:
        self.status = ListingStatus.REJECTED
        self.status_reason = reason

    # ---- listed, suspended, delisted ---------------------------------------------------------

    def admit(self, code: str, listed_on: date) -> None:
        """Lists the approved company on its board under `code`, from `listed_on`."""
        self._check_status(ListingStatus.APPROVED, "listing.not_approved")
        self._check_dated(listed_on, "listed_on")
        self._listed(listing_code=listing_code(code), listed_on=listed_on)

    @event("Listed")
    def _listed(self, listing_code: str, listed_on: date) -> None:
        self.status = ListingStatus.LISTED
        self.listing_code = listing_code
        self.listed_on = listed_on

    def suspend(self, reason: str) -> None:
        self._check_trading()
        self._suspended(reason=reason_text(reason))

    @event("Suspended")
    def _suspended(self, reason: str) -> None:
        self.status = ListingStatus.SUSPENDED
        self.status_reason = reason

    def resume(self) -> None:
        self._check_not_delisted()
        self._check_status(ListingStatus.SUSPENDED, "listing.not_suspended")
        self._resumed()

    @event("Resumed")
    def _resumed(self) -> None:
        self.status = ListingStatus.LISTED
        self.status_reason = None

    def delist(self, reason: str) -> None:
        self._check_not_delisted()
        if self.status not in (ListingStatus.LISTED, ListingStatus.SUSPENDED):
            raise fail("listing.not_listed", status=self.status)
        self._delisted(reason=reason_text(reason))

    @event("Delisted")
    def _delisted(self, reason: str) -> None:
        self.status = ListingStatus.DELISTED
        self.status_reason = reason

    # ---- while listed ------------------------------------------------------------------------

    def close_financing_round(
        self,
        instrument: Instrument,
        amount: Money,
        investor_ids: Sequence[str],
        closed_on: date,
        agreement_id: str | None = None,
    ) -> str:
        self._check_trading()
        self._check_dated(closed_on, "closed_on")
        financing_round = FinancingRound(
            self._next_child_id(), instrument, amount, tuple(investor_ids), closed_on, agreement_id
        )
        self._financing_round_closed(financing_round=financing_round)
        return financing_round.round_id

    @event("FinancingRoundClosed")
    def _financing_round_closed(self, financing_round: FinancingRound) -> None:
        self.financing_rounds = {
            **self.financing_rounds,
            financing_round.round_id: financing_round,
        }

    def transfer_shares(
        self,
        from_party_id: str,
        to_party_id: str,
        shares: int,
        price_per_share: Money,
        transferred_on: date,
    ) -> str:
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
        self._shares_transferred(transfer=transfer)
        return transfer.transfer_id

    @event("SharesTransferred")
    def _shares_transferred(self, transfer: ShareTransfer) -> None:
        self.share_transfers = {**self.share_transfers, transfer.transfer_id: transfer}

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


    def _check_status(self, expected: ListingStatus, code: str) -> None:
        if self.status != expected:
            raise fail(code, status=self.status)

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
        if is_future(day):
            raise fail("listing.date_in_future", field, what=field, on=day)
        check_on_record(day, field)
        if self.listed_on is not None and day < self.listed_on:
            raise fail(
                "listing.dated_before_listing", field, what=field, on=day, listed_on=self.listed_on
            )
