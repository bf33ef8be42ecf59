"""Money: a Decimal amount in an ISO 4217 currency, exact to the currency's minor unit.

An amount is kept exactly as given or refused: never rounded, never read from anything but
ASCII digits or an exact number (see `numbers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iso4217 import Currency

from dealtrail.domain.errors import fail
from dealtrail.domain.numbers import decimal_places, exact_decimal, with_places

# The codes an amount may be in: ISO 4217's currencies (not its funds and metals, which have no
# minor unit).
CURRENCY_CODES = tuple(sorted(c.code for c in Currency if c.exponent is not None))

# Far above any real deal (a quadrillion units), far below what breaks exact arithmetic.
LIMIT = Decimal(10) ** 15


def _currency(code: str) -> Currency:
    try:
        currency = Currency(code)
    except ValueError:
        raise fail("money.unknown_currency", "currency", currency=code) from None
    if currency.exponent is None:
        raise fail("money.not_a_currency", "currency", currency=code)
    return currency


def _decimal(amount: object) -> Decimal:
    value = exact_decimal(amount)
    if value is None:
        raise fail("money.invalid_amount", "amount", amount=amount)
    return value


@dataclass(frozen=True)
class Money:
    """An exact, non-negative amount of one currency. Never built from a float."""

    currency: str
    amount: Decimal

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        code = currency.strip().upper()
        places = _currency(code).exponent
        value = _decimal(amount)
        if value < 0:
            raise fail("money.negative_amount", "amount", amount=value)
        if value >= LIMIT:
            raise fail("money.too_large", "amount", amount=value)
        if decimal_places(value) > places:
            raise fail("money.too_precise", "amount", amount=value, currency=code, places=places)
        return cls(code, with_places(value, places))

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise fail("money.currency_mismatch", left=self.currency, right=other.currency)
        return Money(self.currency, self.amount + other.amount)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
