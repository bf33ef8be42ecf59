"""Consideration schedules: each kind has its own shape, in one currency, and a total."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dealtrail.domain.consideration import Schedule
from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Instalment

from .ip_builders import EQUITY, INSTALMENTS, LUMP_SUM, PRICE, ROYALTY, K, cny, due


@pytest.mark.parametrize(
    ("schedule", "total"),
    [
        (LUMP_SUM, PRICE),
        (INSTALMENTS, cny("500000.50")),
        (EQUITY, cny("2000000.00")),
        (ROYALTY, None),
    ],
)
def test_a_schedule_totals_what_is_owed(schedule: Schedule, total: Money | None) -> None:
    assert schedule.total() == total
    assert schedule.currency == "CNY"


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        (
            {"kind": K.LUMP_SUM, "instalments": due("1", "2")},
            "consideration.wrong_amounts",
            "instalments",
        ),
        (
            {"kind": K.INSTALMENTS, "instalments": due("1")},
            "consideration.wrong_amounts",
            "instalments",
        ),
        (
            {"kind": K.EQUITY, "instalments": (), "equity_percent": Decimal(5)},
            "consideration.wrong_amounts",
            "instalments",
        ),
        (
            {"kind": K.RUNNING_ROYALTY, "instalments": due("1"), "royalty_rate": Decimal(3)},
            "consideration.wrong_amounts",
            "instalments",
        ),
        (
            {"kind": K.EQUITY, "instalments": due("1")},
            "consideration.percentage_required",
            "equity_percent",
        ),
        ({"kind": K.RUNNING_ROYALTY}, "consideration.percentage_required", "royalty_rate"),
        (
            {"kind": K.LUMP_SUM, "instalments": due("1"), "royalty_rate": Decimal(3)},
            "consideration.percentage_not_applicable",
            "royalty_rate",
        ),
        (
            {"kind": K.RUNNING_ROYALTY, "royalty_rate": Decimal(0)},
            "consideration.percentage_out_of_range",
            "royalty_rate",
        ),
        (
            {"kind": K.EQUITY, "instalments": due("1"), "equity_percent": Decimal("100.01")},
            "consideration.percentage_out_of_range",
            "equity_percent",
        ),
        (
            {"kind": K.RUNNING_ROYALTY, "royalty_rate": Decimal("NaN")},
            "consideration.percentage_out_of_range",
            "royalty_rate",
        ),
        (
            {"kind": K.LUMP_SUM, "currency": "XYZ", "instalments": due("1")},
            "money.unknown_currency",
            "currency",
        ),
        (
            {
                "kind": K.INSTALMENTS,
                "instalments": (*due("1"), Instalment(date(2026, 1, 1), Money.of(1, "USD"))),
            },
            "consideration.currency_mismatch",
            "instalments.1.amount.currency",
        ),
    ],
)
def test_a_schedule_has_the_shape_its_kind_needs(
    args: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises(DomainError) as error:
        Schedule(**{"currency": "CNY"} | args)

    assert (type(error.value), error.value.code, error.value.field) == (Invalid, code, field)
