"""Equity listings on real stores: who may take part, and what reloads exactly as saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import Holding
from dealtrail.infrastructure.settings import Settings
from tests.integration.builders import open_agreement
from tests.integration.listing_builders import (
    LISTED_ON,
    back_dated,
    cast,
    holders,
    listed,
    register,
)

pytestmark = pytest.mark.usefixtures("staff")

CLOSED_ON = date(2026, 6, 30)
SERIES_A = Money.of("5000000.00", "CNY")
PRICE = Money.of("12.50", "CNY")
STRANGER = "00000000-0000-4000-8000-000000000000"


def refused(code: str, field: str, command: Callable[[], object]) -> None:
    with pytest.raises(DomainError) as error:
        command()
    assert (type(error.value), error.value.code, error.value.field) == (Invalid, code, field)


def test_only_a_registered_company_applies_to_a_registered_trading_centre(
    services: Services,
) -> None:
    who = cast(services)
    university = register(services, "Xi'an Jiaotong University", "university")

    def apply(company: str, centre: str) -> Callable[[], object]:
        return lambda: services.listings.apply(company, centre, Board.GROWTH)

    refused("party.unknown", "company_id", apply(STRANGER, who.centre))
    refused("listing.not_a_company", "company_id", apply(university, who.centre))
    refused("party.unknown", "centre_id", apply(who.company, STRANGER))
    refused("listing.not_a_trading_centre", "centre_id", apply(who.company, who.fund))
    assert services.ledger.recorder.max_notification_id() == 5


def test_rounds_name_registered_investors_and_an_existing_agreement(services: Services) -> None:
    who = cast(services)
    listing_id = listed(services, who)
    agreement_id, _, _ = open_agreement(services)

    def close(investors: list[str], agreement: str | None) -> Callable[[], object]:
        return lambda: services.listings.close_financing_round(
            listing_id,
            Instrument.PREFERRED_EQUITY,
            SERIES_A,
            investors,
            CLOSED_ON,
            agreement,
            [Holding(investor, 100_000) for investor in investors],
        )

    refused("party.unknown", "investor_ids.1", close([who.fund, STRANGER], None))
    refused("listing.unknown_agreement", "agreement_id", close([who.fund], STRANGER))
    close([who.fund, who.angel], str(agreement_id))()

    rounds = list(services.listings.get(listing_id).financing_rounds.values())
    assert [(r.investor_ids, r.agreement_id) for r in rounds] == [
        ((who.fund, who.angel), str(agreement_id))
    ]


def test_shares_move_only_between_registered_parties(services: Services) -> None:
    who = cast(services)
    listing_id = listed(services, who)

    def transfer(seller: str, buyer: str) -> Callable[[], object]:
        return lambda: services.listings.transfer_shares(
            listing_id, seller, buyer, 40_000, PRICE, CLOSED_ON
        )

    refused("party.unknown", "from_party_id", transfer(STRANGER, who.angel))
    refused("party.unknown", "to_party_id", transfer(who.fund, STRANGER))
    transfer(who.fund, who.angel)()

    transfers = services.listings.get(listing_id).share_transfers.values()
    assert [(t.from_party_id, t.to_party_id, t.shares) for t in transfers] == [
        (who.fund, who.angel, 40_000)
    ]


def test_a_listing_reloads_in_a_new_process_exactly_as_saved_snapshots_included(
    services: Services, settings: Settings
) -> None:
    who = cast(services)
    listings = services.listings
    with back_dated():
        applied = listings.apply(who.company, who.centre, Board.SCI_TECH_INNOVATION)
        listing_id = applied.aggregate_id
        listings.start_review(listing_id)
        listings.request_amendments(listing_id, "Audited accounts", date(2026, 2, 1))
        request_id = next(iter(listings.get(listing_id).amendment_requests))
        listings.provide_amendments(listing_id, request_id, "DOC-1")
        listings.approve(listing_id)
    listings.admit(listing_id, "800123", LISTED_ON, holders(who))
    listings.close_financing_round(
        listing_id,
        Instrument.COMMON_EQUITY,
        SERIES_A,
        [who.fund],
        CLOSED_ON,
        shares_issued=[Holding(who.fund, 400_000)],
    )
    listings.close_financing_round(
        listing_id, Instrument.BOND, Money.of("250000", "USD"), [who.angel], CLOSED_ON
    )
    listings.transfer_shares(listing_id, who.fund, who.angel, 1_000, PRICE, CLOSED_ON)
    listings.suspend(listing_id, "Annual report overdue")
    saved = listings.get(listing_id)

    other = bootstrap(settings)
    try:
        reloaded = other.listings.get(listing_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == ListingStatus.SUSPENDED
    assert reloaded.funds_raised() == [SERIES_A, Money.of("250000", "USD")]
    assert services.ledger.snapshots is not None
    assert [s.originator_version for s in services.ledger.snapshots.get(listing_id)] == [5, 10]
    replayed = None
    for event in services.ledger.events.get(listing_id):
        replayed = event.mutate(replayed)
    assert isinstance(replayed, EquityListing)
    assert replayed == reloaded
