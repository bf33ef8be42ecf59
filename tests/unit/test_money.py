"""Money: exact amounts in ISO 4217 currencies, to each currency's minor unit."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.money import Money


def refusal(amount: object, currency: str) -> DomainError:
    with pytest.raises(DomainError) as error:
        Money.of(amount, currency)  # type: ignore[arg-type]
    assert type(error.value) is Invalid
    return error.value


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("1500", "JPY", Decimal("1500")),
        ("12.345", "KWD", Decimal("12.345")),
        ("12.3", "KWD", Decimal("12.300")),
        ("99.9", "CNY", Decimal("99.90")),
        (7, "EUR", Decimal("7.00")),
        (Decimal("0"), "USD", Decimal("0.00")),
    ],
)
def test_an_amount_is_quantised_to_the_minor_unit_of_its_currency(
    amount: object, currency: str, expected: Decimal
) -> None:
    money = Money.of(amount, currency)  # type: ignore[arg-type]

    assert money.amount == expected
    assert money.amount.as_tuple().exponent == expected.as_tuple().exponent


def test_trailing_zeros_beyond_the_minor_unit_are_not_too_precise() -> None:
    assert Money.of("1500.000", "JPY") == Money.of(1500, "JPY")


def test_the_currency_code_is_trimmed_and_upper_cased() -> None:
    assert Money.of("10", " cny ").currency == "CNY"


def test_money_reads_as_amount_then_currency() -> None:
    assert str(Money.of("1200000", "CNY")) == "1200000.00 CNY"


@pytest.mark.parametrize(
    ("amount", "currency", "places"),
    [("1.5", "JPY", 0), ("0.001", "EUR", 2), ("12.3456", "KWD", 3)],
)
def test_an_amount_more_precise_than_the_currency_allows_is_refused(
    amount: str, currency: str, places: int
) -> None:
    error = refusal(amount, currency)

    assert error.code == "money.too_precise"
    assert error.field == "amount"
    assert f"({places})" in error.message


@pytest.mark.parametrize(
    "amount", [1.5, 0.0, True, "NaN", "Infinity", "-Infinity", Decimal("NaN"), "twelve", None]
)
def test_floats_booleans_and_non_finite_amounts_are_refused(amount: object) -> None:
    assert refusal(amount, "EUR").code == "money.invalid_amount"


@pytest.mark.parametrize(
    "amount",
    ["999999999999999.999999999999999", "5.0000000000000000000000000001", Decimal("1E-999999")],
)
def test_an_amount_finer_than_the_decimal_context_is_refused_not_rounded(amount: object) -> None:
    assert refusal(amount, "CNY").code == "money.too_precise"


@pytest.mark.parametrize(
    "amount",
    [
        "1_000",
        "\u0661\u0660\u0660",  # Arabic-Indic 100
        "\uff11\uff10\uff10",  # full-width 100
        "1e3",
        "1.5E+2",
        " 5",
        "5\n",
        "+5",
        ".5",
    ],
)
def test_an_amount_given_as_text_is_plain_ascii_decimal_digits(amount: str) -> None:
    assert refusal(amount, "CNY").code == "money.invalid_amount"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1E+3"), "1000.00"),
        ("5.000000000000000000000000000000000", "5.00"),
        ("999999999999999.990000000000000000000", "999999999999999.99"),
        (10**14, "100000000000000.00"),
    ],
)
def test_an_exact_amount_is_kept_whatever_the_decimal_context(
    amount: object, expected: str
) -> None:
    with localcontext() as context:
        context.prec = 5
        assert str(Money.of(amount, "CNY").amount) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["-0.01", -1, Decimal("-1000")])
def test_a_negative_amount_is_refused(amount: object) -> None:
    assert refusal(amount, "EUR").code == "money.negative_amount"


def test_negative_zero_is_plain_zero() -> None:
    money = Money.of("-0", "EUR")

    assert money == Money.of("0", "EUR")
    assert str(money) == "0.00 EUR"


@pytest.mark.parametrize("currency", ["ABC", "EURO", "", "RMB"])
def test_an_unknown_currency_is_refused(currency: str) -> None:
    error = refusal("1", currency)

    assert error.code == "money.unknown_currency"
    assert error.field == "currency"


@pytest.mark.parametrize("currency", ["XAU", "XXX"])
def test_a_code_without_a_minor_unit_is_not_a_currency(currency: str) -> None:
    assert refusal("1", currency).code == "money.not_a_currency"


def test_amounts_in_one_currency_add_up_exactly() -> None:
    total = Money.of("0.10", "EUR") + Money.of("0.20", "EUR")

    assert total == Money.of("0.30", "EUR")


def test_amounts_in_different_currencies_cannot_be_added() -> None:
    with pytest.raises(Invalid) as error:
        Money.of("1", "EUR") + Money.of("1", "CNY")

    assert error.value.code == "money.currency_mismatch"


def test_an_amount_beyond_any_real_deal_is_refused_rather_than_rounded() -> None:
    error = refusal(Decimal("1E+30"), "EUR")

    assert (type(error), error.code) == (Invalid, "money.too_large")
    assert Money.of(Decimal("999999999999999.99"), "EUR").amount == Decimal("999999999999999.99")


@given(
    st.decimals(
        min_value=0,
        max_value=Decimal("999999999999999.99"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_any_non_negative_amount_with_at_most_two_places_round_trips_in_euros(
    amount: Decimal,
) -> None:
    money = Money.of(amount, "EUR")

    assert money.amount == amount
    assert money.currency == "EUR"
    assert money.amount.as_tuple().exponent == -2
    assert Money.of(str(money.amount), "EUR") == money
