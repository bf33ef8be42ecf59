"""Builders for listing integration tests: the parties of a listing, and a listed company."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from dealtrail.application.commands.listings import (
    AdmitListing,
    ApplyForListing,
    ApproveListing,
    StartReview,
)
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.board import Board
from dealtrail.domain.metadata import EventMetadata, recording
from dealtrail.domain.share_register import Holding

APPROVED_AT = datetime(2026, 2, 16, 9, tzinfo=UTC)  # applied, reviewed and approved: back-dated
LISTED_ON = date(2026, 3, 2)
FUND_SHARES = 2_000_000  # the fund's holding at listing


@dataclass(frozen=True)
class Cast:
    company: str
    centre: str
    fund: str
    angel: str


def register(services: Services, name: str, kind: str, country: str = "CN") -> str:
    register = RegisterParty(name=name, kind=kind, country=country)
    return str(services.ledger.handle(register).aggregate_id)


def cast(services: Services, company: str = "Qinchuan Robotics Co., Ltd.") -> Cast:
    return Cast(
        company=register(services, company, "company"),
        centre=register(services, "Shaanxi Equity Trading Centre", "trading_centre"),
        fund=register(services, "Silk Road Fund", "investor"),
        angel=register(services, "Astana Angels", "investor", "KZ"),
    )


def holders(who: Cast) -> list[Holding]:
    """The register at listing: the company's own founder shares aside, the fund holds shares."""
    return [Holding(who.company, 8_000_000), Holding(who.fund, FUND_SHARES)]


@contextmanager
def back_dated(at: datetime = APPROVED_AT) -> Iterator[EventMetadata]:
    """Commands inside took effect at `at` (the steps before a listing dated LISTED_ON)."""
    with recording("staff:test", comment="integration test", effective_at=at) as meta:
        yield meta


def listed(services: Services, who: Cast, board: Board = Board.SCI_TECH_INNOVATION) -> UUID:
    handle = services.ledger.handle
    with back_dated():
        apply = ApplyForListing(company_id=who.company, centre_id=who.centre, board=board)
        listing_id = handle(apply).aggregate_id
        handle(StartReview(listing_id=listing_id))
        handle(ApproveListing(listing_id=listing_id))
    handle(
        AdmitListing(
            listing_id=listing_id,
            listing_code="800123",
            listed_on=LISTED_ON,
            holders=holders(who),
        )
    )
    return listing_id
