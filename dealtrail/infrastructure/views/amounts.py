"""Money in views: exact text for reading, and whole minor units (cents, fen) for summing in SQL."""

from __future__ import annotations

from decimal import Decimal

from iso4217 import Currency

from dealtrail.domain.money import Money


def _places(currency: str) -> int:
    return Currency(currency).exponent or 0


def minor_units(money: Money) -> int:
    """The amount in the currency's minor unit (Money is always exact to that unit)."""
    return int(money.amount.scaleb(_places(money.currency)))


def from_minor(minor: int, currency: str) -> Decimal:
    """The exact amount that `minor` minor units of `currency` make: 150000 CNY -> 1500.00."""
    return Decimal(int(minor)).scaleb(-_places(currency))
