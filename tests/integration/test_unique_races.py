"""Two server processes taking the same unique value at once: exactly one wins, the other is
refused with the catalogued conflict naming the winner, and nothing of the loser is recorded.

Each test runs two spawned processes (see tests/integration/unique_workers.py) on one store.
In the gated rounds both workers have checked the claims, found the value free and decided
before either saves, so the loser is refused by its claim's insert conflicting, not by the check.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from dealtrail.application.commands.listings import ApplyForListing, ApproveListing, StartReview
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.board import Board
from dealtrail.domain.claim import Claim
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import PartyKind
from dealtrail.infrastructure.settings import Settings
from tests.integration.test_concurrent_writers import WORKERS, describe, opened, race
from tests.integration.unique_workers import AssetRound, ListingRound, take_in_rounds

FREE_ROUNDS = 3
GATED_ROUNDS = 3
GATED = [False] * FREE_ROUNDS + [True] * GATED_ROUNDS
APPROVED_AT = datetime(2026, 2, 16, 9, tzinfo=UTC)


def approved_listing(services: Services, centre_id: str, company: str) -> UUID:
    company_id = services.ledger.handle(
        RegisterParty(name=company, kind=PartyKind.COMPANY, country="CN")
    ).aggregate_id
    with recording("staff:test", effective_at=APPROVED_AT):  # before the listing's own date
        apply = ApplyForListing(
            company_id=str(company_id), centre_id=centre_id, board=Board.SCI_TECH_INNOVATION
        )
        listing_id = services.ledger.handle(apply).aggregate_id
        services.ledger.handle(StartReview(listing_id=listing_id))
        services.ledger.handle(ApproveListing(listing_id=listing_id))
    return listing_id


def one_winner(
    outcomes: dict[tuple[str, int], tuple[Any, ...]], rounds: int, code: str
) -> list[tuple[str, UUID]]:
    """Per round: the winner and the aggregate it recorded; the loser refused with `code`,
    naming that aggregate."""
    report = [
        f"round {i} {'gated' if GATED[i] else 'free '}: "
        + "; ".join(f"{w} {describe(outcomes[w, i])}" for w in WORKERS)
        for i in range(rounds)
    ]
    print("\n".join(["", *report]))
    winners = []
    for i in range(rounds):
        by_worker = {w: outcomes[w, i] for w in WORKERS}
        won = [w for w, o in by_worker.items() if o[0] == "won"]
        assert len(won) == 1, report[i]
        (winner,) = won
        (lost,) = (o for w, o in by_worker.items() if w != winner)
        recorded = by_worker[winner][1].aggregate_id
        assert lost == ("taken", code, str(recorded)), report[i]
        winners.append((winner, recorded))
    return winners


def claims(services: Services) -> dict[str, str]:
    """Every claim on the log: key -> holder id."""
    found = {}
    for notification in services.ledger.recorder.select_notifications(start=None, limit=10_000):
        event = services.ledger.mapper.to_domain_event(notification)
        if isinstance(event, Claim.Claimed):
            assert event.key not in found, f"{event.key} claimed twice"
            found[event.key] = event.holder_id
    return found


def test_two_processes_listing_two_companies_under_one_code_at_one_centre_list_one(
    settings: Settings,
) -> None:
    with opened(settings) as services:
        with recording("staff:test", comment="unique race test setup"):
            centre = str(
                services.ledger.handle(
                    RegisterParty(
                        name="Shaanxi Equity Trading Centre",
                        kind=PartyKind.TRADING_CENTRE,
                        country="CN",
                    )
                ).aggregate_id
            )
            listings = {
                worker: [
                    approved_listing(services, centre, f"Company {i} of {worker}")
                    for i in range(len(GATED))
                ]
                for worker in WORKERS
            }
        jobs = {
            worker: [
                ListingRound(listing_id, f"SXKC{i:04d}" if n else f"sxkc{i:04d} ", gated)
                for i, (listing_id, gated) in enumerate(zip(listings[worker], GATED, strict=True))
            ]
            for n, worker in enumerate(WORKERS)
        }

        outcomes = race(
            take_in_rounds,
            [(settings, worker, jobs[worker]) for worker in WORKERS],
            messages=2 * len(GATED),
        )

        winners = one_winner(outcomes, len(GATED), "listing.code_taken")
        for i, (winner, listing_id) in enumerate(winners):
            assert listing_id == listings[winner][i]
            loser = next(w for w in WORKERS if w != winner)
            refused = services.ledger.get(EquityListing, listings[loser][i])
            assert (refused.status, refused.version, refused.listing_code) == ("approved", 3, None)
            winning = services.ledger.get(EquityListing, listing_id)
            assert winning.listing_code == f"SXKC{i:04d}"
        assert claims(services) == {
            f"listing-code:{centre}:SXKC{i:04d}": str(listing_id)
            for i, (_, listing_id) in enumerate(winners)
        }


def registered_numbers(services: Services) -> Sequence[tuple[str, UUID]]:
    """(number, asset id) of every number an asset was registered with, from the whole log."""
    found = []
    for notification in services.ledger.recorder.select_notifications(start=None, limit=10_000):
        event = services.ledger.mapper.to_domain_event(notification)
        if type(event).__qualname__ == "IpAsset.Registered":
            found += [(i.number, event.originator_id) for i in event.identifiers]
    return found


def test_two_processes_registering_one_ip_number_spelt_two_ways_register_one_asset(
    settings: Settings,
) -> None:
    with opened(settings) as services:
        with recording("staff:test", comment="unique race test setup"):
            holder = str(
                services.ledger.handle(
                    RegisterParty(name="XJTU", kind=PartyKind.UNIVERSITY, country="CN")
                ).aggregate_id
            )
        spellings = (lambda i: f"CN 2022 1000 {i:04d}", lambda i: f"20221000{i:04d}")
        jobs = {
            worker: [AssetRound(holder, spelt(i), gated) for i, gated in enumerate(GATED)]
            for worker, spelt in zip(WORKERS, spellings, strict=True)
        }

        outcomes = race(
            take_in_rounds,
            [(settings, worker, jobs[worker]) for worker in WORKERS],
            messages=2 * len(GATED),
        )

        winners = one_winner(outcomes, len(GATED), "ip_asset.already_registered")
        assets = [services.ledger.get(IpAsset, asset) for _, asset in winners]
        numbers = [asset.identifiers[0].number for asset in assets]
        assert registered_numbers(services) == [
            (number, asset) for number, (_, asset) in zip(numbers, winners, strict=True)
        ]
        assert len(set(numbers)) == len(GATED)
        assert claims(services) == {
            f"ip-number:CN:application:{number}": str(asset)
            for number, (_, asset) in zip(numbers, winners, strict=True)
        }
