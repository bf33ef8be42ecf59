"""Code that runs in child processes for tests/integration/test_unique_races.py: two processes
taking the same unique value (a listing code, an IP number) at once.

As in tests/integration/workers.py, each worker builds its own services from the Settings it is
given, records as its own actor and reports plain tuples through a queue.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.commands.ip_assets import RegisterAsset
from dealtrail.application.commands.listings import AdmitListing
from dealtrail.application.errors import ApplicationError
from dealtrail.application.ledger import CommandResult
from dealtrail.bootstrap import Services
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.domain.errors import DomainError, Taken
from dealtrail.domain.share_register import Holding
from dealtrail.infrastructure.settings import Settings
from tests.integration.workers import Outcome, run_rounds

LISTED_ON = date(2026, 3, 2)


@dataclass(frozen=True)
class ListingRound:
    """One race: admit `listing_id` (this worker's own approved application) under `code`."""

    listing_id: UUID
    code: str
    gated: bool


@dataclass(frozen=True)
class AssetRound:
    """One race: register a new patent of `holder_id` with the CN application `number`, spelt
    as this worker types it."""

    holder_id: str
    number: str
    gated: bool


Round = ListingRound | AssetRound


def _command(services: Services, job: Round) -> CommandResult:
    if isinstance(job, ListingRound):
        company = services.ledger.get(EquityListing, job.listing_id).company_id
        holders = [Holding(company, 1_000_000)]
        admit = AdmitListing(
            listing_id=job.listing_id, listing_code=job.code, listed_on=LISTED_ON, holders=holders
        )
        return services.ledger.handle(admit)
    register = RegisterAsset(
        holder_party_id=job.holder_id,
        kind="patent",
        jurisdiction="CN",
        title="Graphene membrane",
        identifiers=[("application", job.number)],
    )
    return services.ledger.handle(register)


def _outcome(command: Callable[[], CommandResult]) -> Outcome:
    """("won", result), ("taken", code, existing id), ("refused", error name, message) or
    ("crashed", traceback)."""
    try:
        return ("won", command())
    except Taken as error:
        return ("taken", error.code, error.existing_id)
    except (ApplicationError, DomainError) as error:
        return ("refused", type(error).__name__, str(error))
    except Exception:
        return ("crashed", traceback.format_exc())


def take_in_rounds(
    settings: Settings,
    worker: str,
    rounds: list[Round],
    opening: Any,
    start: Any,
    gate: Any,
    results: Any,
) -> None:
    """Runs one command per round, each round starting at the same instant in both workers;
    in a gated round both have checked the claims before either saves."""
    barriers = (opening, start, gate, results)
    run_rounds(settings, worker, worker, rounds, _command, barriers, outcome_of=_outcome)
