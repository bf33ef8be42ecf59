"""Money in views: exact text for reading, and whole minor units (cents, fen) for summing in SQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

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


def money_values(prefix: str, money: Money | None) -> dict[str, str | None]:
    """What the columns of `schema.money(prefix)` hold of `money`."""
    return {
        f"{prefix}_amount": str(money.amount) if money else None,
        f"{prefix}_currency": money.currency if money else None,
    }


def money_of(row: Any, prefix: str) -> dict[str, str] | None:
    """The sum the columns of `schema.money(prefix)` hold in `row`, if any."""
    currency = row[f"{prefix}_currency"]
    return {"amount": row[f"{prefix}_amount"], "currency": currency} if currency else None


def amount_values(money: Money) -> dict[str, Any]:
    """What the columns of `schema.amount()` hold of `money`."""
    return {"amount": str(money.amount), "amount_minor": minor_units(money)}
