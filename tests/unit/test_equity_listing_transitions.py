"""Equity listing: every command in every status — the legal transitions and every refusal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import Conflict, DomainError, Missing

from .conftest import event_names, refused
from .listing_builders import DUE_ON, HOLDERS, LISTED_ON, close_round, listing_in, transfer

pytestmark = pytest.mark.usefixtures("staff")

S = ListingStatus

COMMANDS: dict[str, Callable[[EquityListing], object]] = {
    "start_review": lambda x: x.start_review(),
    "request_amendments": lambda x: x.request_amendments("Audited accounts for 2024", DUE_ON),
    "provide_amendments": lambda x: x.provide_amendments("no-such-request", "DOC-2025-017"),
    "approve": lambda x: x.approve(),
    "reject": lambda x: x.reject("Not a technology company"),
    "admit": lambda x: x.admit("800123", LISTED_ON, HOLDERS),
    "suspend": lambda x: x.suspend("Annual report overdue"),
    "resume": lambda x: x.resume(),
    "delist": lambda x: x.delist("Acquired by a listed group"),
    "close_financing_round": close_round,
    "transfer_shares": transfer,
}

# (status before, status after, event) of each legal use of a command.
LEGAL: dict[str, list[tuple[ListingStatus, ListingStatus, str]]] = {
    "start_review": [(S.APPLIED, S.UNDER_REVIEW, "ReviewStarted")],
    "request_amendments": [(S.UNDER_REVIEW, S.UNDER_REVIEW, "AmendmentsRequested")],
    "approve": [(S.UNDER_REVIEW, S.APPROVED, "Approved")],
    "reject": [(S.UNDER_REVIEW, S.REJECTED, "Rejected")],
    "admit": [(S.APPROVED, S.LISTED, "Listed")],
    "suspend": [(S.LISTED, S.SUSPENDED, "Suspended")],
    "resume": [(S.SUSPENDED, S.LISTED, "Resumed")],
    "delist": [(S.LISTED, S.DELISTED, "Delisted"), (S.SUSPENDED, S.DELISTED, "Delisted")],
    "close_financing_round": [(S.LISTED, S.LISTED, "FinancingRoundClosed")],
    "transfer_shares": [(S.LISTED, S.LISTED, "SharesTransferred")],
}

WHILE_TRADING = {S.SUSPENDED: "listing.suspended", S.DELISTED: "listing.already_delisted"}

# The code a command is refused with in a status where it is not legal: a default, and overrides.
REFUSALS: dict[str, tuple[str, dict[ListingStatus, str]]] = {
    "start_review": ("listing.not_applied", {}),
    "request_amendments": ("listing.not_under_review", {}),
    "provide_amendments": (
        "listing.not_under_review",
        {S.UNDER_REVIEW: "listing.unknown_amendment_request"},
    ),
    "approve": ("listing.not_under_review", {}),
    "reject": ("listing.not_under_review", {}),
    "admit": ("listing.not_approved", {}),
    "suspend": ("listing.not_listed", WHILE_TRADING),
    "resume": ("listing.not_suspended", {S.DELISTED: "listing.already_delisted"}),
    "delist": ("listing.not_listed", {S.DELISTED: "listing.already_delisted"}),
    "close_financing_round": ("listing.not_listed", WHILE_TRADING),
    "transfer_shares": ("listing.not_listed", WHILE_TRADING),
}


def _legal_cases() -> list[tuple[str, ListingStatus, ListingStatus, str]]:
    return [(c, *case) for c, cases in LEGAL.items() for case in cases]


def _illegal_cases() -> list[tuple[str, ListingStatus, type[DomainError], str]]:
    cases = []
    for command, (default, overrides) in REFUSALS.items():
        legal = {before for before, _, _ in LEGAL.get(command, [])}
        for status in ListingStatus:
            if status not in legal:
                code = overrides.get(status, default)
                kind = Missing if code == "listing.unknown_amendment_request" else Conflict
                cases.append((command, status, kind, code))
    return cases


@pytest.mark.parametrize(("command", "before", "after", "event"), _legal_cases())
def test_each_legal_command_moves_the_listing_on_with_one_event(
    command: str, before: ListingStatus, after: ListingStatus, event: str
) -> None:
    listing = listing_in(before)

    COMMANDS[command](listing)

    assert listing.status is after
    assert event_names(listing) == [f"EquityListing.{event}"]


@pytest.mark.parametrize(("command", "status", "kind", "code"), _illegal_cases())
def test_each_illegal_command_is_refused_with_its_code_and_records_nothing(
    command: str, status: ListingStatus, kind: type[DomainError], code: str
) -> None:
    listing = listing_in(status)

    with refused(listing, kind, code):
        COMMANDS[command](listing)

    assert listing.status is status


def test_every_command_is_tried_in_every_status() -> None:
    legal = [(c, s) for c, s, _, _ in _legal_cases()]
    illegal = [(c, s) for c, s, _, _ in _illegal_cases()]

    assert sorted(legal + illegal) == sorted((c, s) for c in COMMANDS for s in ListingStatus)
