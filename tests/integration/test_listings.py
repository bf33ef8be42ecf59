"""Equity listings on real stores: who may take part, and what reloads exactly as saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dealtrail.application.commands.listings import (
    AdmitListing,
    ApplyForListing,
    ApproveListing,
    CloseFinancingRound,
    ProvideAmendments,
    RequestAmendments,
    StartReview,
    SuspendListing,
    TransferShares,
)
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
        command = ApplyForListing(company_id=company, centre_id=centre, board=Board.GROWTH)
        return lambda: services.ledger.handle(command)

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
        command = CloseFinancingRound(
            listing_id=listing_id,
            instrument=Instrument.PREFERRED_EQUITY,
            amount=SERIES_A,
            investor_ids=investors,
            closed_on=CLOSED_ON,
            agreement_id=agreement,
            shares_issued=[Holding(investor, 100_000) for investor in investors],
        )
        return lambda: services.ledger.handle(command)

    refused("party.unknown", "investor_ids.1", close([who.fund, STRANGER], None))
    refused("listing.unknown_agreement", "agreement_id", close([who.fund], STRANGER))
    close([who.fund, who.angel], str(agreement_id))()

    rounds = list(services.ledger.get(EquityListing, listing_id).financing_rounds.values())
    assert [(r.investor_ids, r.agreement_id) for r in rounds] == [
        ((who.fund, who.angel), str(agreement_id))
    ]


def test_shares_move_only_between_registered_parties(services: Services) -> None:
    who = cast(services)
    listing_id = listed(services, who)

    def transfer(seller: str, buyer: str) -> Callable[[], object]:
        command = TransferShares(
            listing_id=listing_id,
            from_party_id=seller,
            to_party_id=buyer,
            shares=40_000,
            price_per_share=PRICE,
            transferred_on=CLOSED_ON,
        )
        return lambda: services.ledger.handle(command)

    refused("party.unknown", "from_party_id", transfer(STRANGER, who.angel))
    refused("party.unknown", "to_party_id", transfer(who.fund, STRANGER))
    transfer(who.fund, who.angel)()

    transfers = services.ledger.get(EquityListing, listing_id).share_transfers.values()
    assert [(t.from_party_id, t.to_party_id, t.shares) for t in transfers] == [
        (who.fund, who.angel, 40_000)
    ]


def test_a_listing_reloads_in_a_new_process_exactly_as_saved_snapshots_included(
    services: Services, settings: Settings
) -> None:
    who = cast(services)
    handle, get = services.ledger.handle, services.ledger.get
    with back_dated():
        apply = ApplyForListing(
            company_id=who.company, centre_id=who.centre, board=Board.SCI_TECH_INNOVATION
        )
        listing_id = handle(apply).aggregate_id
        handle(StartReview(listing_id=listing_id))
        request = RequestAmendments(
            listing_id=listing_id, what="Audited accounts", due_on=date(2026, 2, 1)
        )
        handle(request)
        request_id = next(iter(get(EquityListing, listing_id).amendment_requests))
        handle(ProvideAmendments(listing_id=listing_id, request_id=request_id, reference="DOC-1"))
        handle(ApproveListing(listing_id=listing_id))
    admit = AdmitListing(
        listing_id=listing_id, listing_code="800123", listed_on=LISTED_ON, holders=holders(who)
    )
    handle(admit)
    equity = CloseFinancingRound(
        listing_id=listing_id,
        instrument=Instrument.COMMON_EQUITY,
        amount=SERIES_A,
        investor_ids=[who.fund],
        closed_on=CLOSED_ON,
        shares_issued=[Holding(who.fund, 400_000)],
    )
    handle(equity)
    bond = CloseFinancingRound(
        listing_id=listing_id,
        instrument=Instrument.BOND,
        amount=Money.of("250000", "USD"),
        investor_ids=[who.angel],
        closed_on=CLOSED_ON,
    )
    handle(bond)
    transfer = TransferShares(
        listing_id=listing_id,
        from_party_id=who.fund,
        to_party_id=who.angel,
        shares=1_000,
        price_per_share=PRICE,
        transferred_on=CLOSED_ON,
    )
    handle(transfer)
    handle(SuspendListing(listing_id=listing_id, reason="Annual report overdue"))
    saved = get(EquityListing, listing_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(EquityListing, listing_id)
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
