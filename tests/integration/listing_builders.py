"""Builders for listing integration tests: the parties of a listing, and a listed company."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from dealtrail.domain.board import Board
from dealtrail.web.services import Services

LISTED_ON = date(2026, 3, 2)


@dataclass(frozen=True)
class Cast:
    company: str
    centre: str
    fund: str
    angel: str


def register(services: Services, name: str, kind: str, country: str = "CN") -> str:
    return str(services.parties.register(name, kind, country).aggregate_id)


def cast(services: Services, company: str = "Qinchuan Robotics Co., Ltd.") -> Cast:
    return Cast(
        company=register(services, company, "company"),
        centre=register(services, "Shaanxi Equity Trading Centre", "trading_centre"),
        fund=register(services, "Silk Road Fund", "investor"),
        angel=register(services, "Astana Angels", "investor", "KZ"),
    )


def listed(services: Services, who: Cast, board: Board = Board.SCI_TECH_INNOVATION) -> UUID:
    listing_id = services.listings.apply(who.company, who.centre, board).aggregate_id
    services.listings.start_review(listing_id)
    services.listings.approve(listing_id)
    services.listings.admit(listing_id, "800123", LISTED_ON)
    return listing_id
