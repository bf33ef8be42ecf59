"""Financing round: capital a listed company raised from investors with one instrument.

An equity round (common or preferred) issues new shares to its investors, and names how many each
received: they join the shareholder register. A convertible note or a bond issues no shares (until
converted, which is recorded as a round of its own), so it leaves the register as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dealtrail.domain.choice import one_of
from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money
from dealtrail.domain.share_register import Holding, holdings


class Instrument(StrEnum):
    COMMON_EQUITY = "common_equity"
    PREFERRED_EQUITY = "preferred_equity"
    CONVERTIBLE_NOTE = "convertible_note"
    BOND = "bond"

    @property
    def issues_shares(self) -> bool:
        return self in (Instrument.COMMON_EQUITY, Instrument.PREFERRED_EQUITY)


def financing_instrument(instrument: str) -> Instrument:
    return one_of(Instrument, instrument, "listing.unknown_instrument", "instrument")


@dataclass(frozen=True)
class FinancingRound:
    round_id: str
    instrument: Instrument
    amount: Money
    investor_ids: tuple[str, ...]
    closed_on: date
    agreement_id: str | None = None
    shares_issued: tuple[Holding, ...] = ()  # rounds recorded before registers were kept: none

    def __post_init__(self) -> None:
        object.__setattr__(self, "instrument", financing_instrument(self.instrument))
        object.__setattr__(self, "investor_ids", tuple(self.investor_ids))
        object.__setattr__(self, "shares_issued", tuple(self.shares_issued))
        if not self.investor_ids:
            raise fail("listing.no_investors", "investor_ids")
        seen: set[str] = set()
        for party_id in self.investor_ids:
            if party_id in seen:
                raise fail("listing.duplicate_investor", "investor_ids", party_id=party_id)
            seen.add(party_id)
        if not self.amount.amount:
            raise fail("listing.nothing_raised", "amount")


def shares_issued(
    instrument: Instrument, investor_ids: Sequence[str], entries: Sequence[Holding]
) -> tuple[Holding, ...]:
    """The shares a round issues, one entry per investor in the investors' order: every investor
    of an equity round, and nobody in a round whose instrument issues no shares."""
    field = "shares_issued"
    if not instrument.issues_shares:
        if entries:
            raise fail("listing.instrument_issues_no_shares", field, instrument=instrument)
        return ()
    entries = holdings(entries, field)
    for index, entry in enumerate(entries):
        if entry.party_id not in investor_ids:
            raise fail(
                "listing.shares_to_non_investor",
                f"{field}.{index}.party_id",
                party_id=entry.party_id,
            )
    allotted = {entry.party_id: entry for entry in entries}
    for party_id in investor_ids:
        if party_id not in allotted:
            raise fail("listing.investor_without_shares", field, party_id=party_id)
    return tuple(allotted[party_id] for party_id in investor_ids)
