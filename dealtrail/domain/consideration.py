"""Consideration for an IP transfer: what is owed (a schedule) and what was paid against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money
from dealtrail.domain.numbers import decimal_places
from dealtrail.domain.terms import Instalment

HUNDRED = Decimal(100)
PERCENT_PLACES = 4  # a hundredth of a basis point: finer is a slip, not a negotiated rate


class ConsiderationKind(StrEnum):
    LUMP_SUM = "lump_sum"
    INSTALMENTS = "instalments"
    RUNNING_ROYALTY = "running_royalty"
    EQUITY = "equity"


# How many amounts each kind of schedule lists: (fewest, most, as said in errors).
AMOUNTS: dict[ConsiderationKind, tuple[int, int | None, str]] = {
    ConsiderationKind.LUMP_SUM: (1, 1, "exactly one amount"),
    ConsiderationKind.INSTALMENTS: (2, None, "at least two amounts"),
    ConsiderationKind.RUNNING_ROYALTY: (0, 0, "no amounts (royalties accrue on sales)"),
    ConsiderationKind.EQUITY: (1, 1, "exactly one amount (the value of the equity)"),
}

# The percentage each kind needs: a royalty rate on net sales, or a share of equity.
PERCENTAGES = {
    "royalty_rate": ConsiderationKind.RUNNING_ROYALTY,
    "equity_percent": ConsiderationKind.EQUITY,
}


@dataclass(frozen=True)
class Schedule:
    """What the recipient owes: a lump sum, instalments, a running royalty, or equity.

    Every amount is in `currency`; a running royalty has a rate and no amounts, so nothing is
    ever "outstanding" on it.
    """

    kind: ConsiderationKind
    currency: str
    instalments: tuple[Instalment, ...] = ()
    royalty_rate: Decimal | None = None
    equity_percent: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ConsiderationKind(self.kind))
        object.__setattr__(self, "instalments", tuple(self.instalments))
        object.__setattr__(self, "currency", Money.of(0, self.currency).currency)
        fewest, most, expected = AMOUNTS[self.kind]
        count = len(self.instalments)
        if count < fewest or (most is not None and count > most):
            raise fail(
                "consideration.wrong_amounts", "instalments", kind=self.kind, expected=expected
            )
        for index, instalment in enumerate(self.instalments):
            if instalment.amount.currency != self.currency:
                raise fail(
                    "consideration.currency_mismatch",
                    f"instalments.{index}.amount.currency",
                    amount=instalment.amount,
                    currency=self.currency,
                )
        for name, kind in PERCENTAGES.items():
            self._check_percentage(name, getattr(self, name), required=self.kind == kind)

    def _check_percentage(self, name: str, value: Decimal | None, *, required: bool) -> None:
        if value is None and required:
            raise fail("consideration.percentage_required", name, kind=self.kind, what=name)
        if value is not None and not required:
            raise fail("consideration.percentage_not_applicable", name, kind=self.kind, what=name)
        if value is not None and not (
            isinstance(value, Decimal) and value.is_finite() and 0 < value <= HUNDRED
        ):
            raise fail("consideration.percentage_out_of_range", name, what=name, value=value)

    def total(self) -> Money | None:
        """The sum of every amount owed; None for a running royalty (open-ended)."""
        if self.kind == ConsiderationKind.RUNNING_ROYALTY:
            return None
        total = Money.of(0, self.currency)
        for instalment in self.instalments:
            total = total + instalment.amount
        return total


def check_percentages(schedule: Schedule) -> None:
    """A schedule's percentage has at most PERCENT_PLACES decimal places, kept as given.

    Checked when a schedule is given, not in `Schedule` itself, so that a schedule recorded
    before the rule still loads."""
    for name in PERCENTAGES:
        value = getattr(schedule, name)
        if value is not None and decimal_places(value) > PERCENT_PLACES:
            raise fail(
                "consideration.percentage_too_precise",
                name,
                what=name,
                value=value,
                places=PERCENT_PLACES,
            )


@dataclass(frozen=True)
class Payment:
    payment_id: str
    amount: Money
    paid_on: date
    reference: str


def paid(schedule: Schedule, payments: Iterable[Payment]) -> Money:
    """The sum of the payments, in the schedule's currency."""
    total = Money.of(0, schedule.currency)
    for payment in payments:
        total = total + payment.amount
    return total


def outstanding(schedule: Schedule, payments: Iterable[Payment]) -> Money | None:
    """What is still owed; None for a running royalty, where nothing is ever due in advance."""
    due = schedule.total()
    if due is None:
        return None
    return Money.of(due.amount - paid(schedule, payments).amount, due.currency)


def check_payment(schedule: Schedule, payments: Iterable[Payment], amount: Money) -> None:
    """A payment is in the schedule's currency, more than zero and, unless the schedule is a
    running royalty, no more than is outstanding."""
    if amount.currency != schedule.currency:
        raise fail(
            "ip_transfer.payment_currency_mismatch",
            "amount.currency",
            currency=amount.currency,
            expected=schedule.currency,
        )
    if amount.amount == 0:
        raise fail("ip_transfer.payment_zero", "amount.amount")
    owed = outstanding(schedule, payments)
    if owed is not None and amount.amount > owed.amount:
        raise fail(
            "ip_transfer.payment_exceeds_outstanding",
            "amount.amount",
            amount=amount,
            outstanding=owed,
        )
