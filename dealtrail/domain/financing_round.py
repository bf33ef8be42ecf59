"""Financing round: capital a listed company raised from investors with one instrument."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money


class Instrument(StrEnum):
    COMMON_EQUITY = "common_equity"
    PREFERRED_EQUITY = "preferred_equity"
    CONVERTIBLE_NOTE = "convertible_note"
    BOND = "bond"


def financing_instrument(instrument: str) -> Instrument:
    try:
        return Instrument(instrument)
    except ValueError:
        raise fail("listing.unknown_instrument", "instrument", instrument=instrument) from None


@dataclass(frozen=True)
class FinancingRound:
    round_id: str
    instrument: Instrument
    amount: Money
    investor_ids: tuple[str, ...]
    closed_on: date
    agreement_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "instrument", financing_instrument(self.instrument))
        object.__setattr__(self, "investor_ids", tuple(self.investor_ids))
        if not self.investor_ids:
            raise fail("listing.no_investors", "investor_ids")
        seen: set[str] = set()
        for party_id in self.investor_ids:
            if party_id in seen:
                raise fail("listing.duplicate_investor", "investor_ids", party_id=party_id)
            seen.add(party_id)
        if not self.amount.amount:
            raise fail("listing.nothing_raised", "amount")
