"""The number rule: ASCII digits or exact numbers only, exactness decided without a context."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealtrail.domain.errors import DomainError
from dealtrail.domain.numbers import (
    decimal,
    decimal_places,
    exact_decimal,
    whole,
    whole_number,
    with_places,
)

NOT_ASCII_NUMBERS = {
    "underscores": "1_000",
    "arabic-indic digits": "\u0661\u0660\u0660",
    "extended arabic-indic digits": "\u06f1\u06f0\u06f0",
    "devanagari digits": "\u0967\u0966\u0966",
    "full-width digits": "\uff11\uff10\uff10",
    "superscript two": "\u00b2",
    "leading space": " 5",
    "trailing space": "5 ",
    "trailing newline": "5\n",
    "plus sign": "+5",
    "exponent": "1e3",
    "capital exponent": "1.5E+2",
    "no digits before the point": ".5",
    "no digits after the point": "5.",
    "thousands separator": "1,000",
    "decimal comma": "1,5",
    "infinity": "Infinity",
    "nan": "NaN",
    "empty": "",
    "minus alone": "-",
}


@pytest.mark.parametrize("text", NOT_ASCII_NUMBERS.values(), ids=NOT_ASCII_NUMBERS.keys())
def test_only_plain_ascii_text_is_a_decimal(text: str) -> None:
    assert exact_decimal(text) is None
    with pytest.raises(DomainError) as refusal:
        decimal(text, "amount")
    assert (refusal.value.code, refusal.value.field) == ("number.not_decimal", "amount")


@pytest.mark.parametrize("text", [*NOT_ASCII_NUMBERS.values(), "5.0", "0x10", "1" * 31])
def test_only_up_to_thirty_ascii_digits_are_a_whole_number(text: str) -> None:
    assert whole_number(text) is None
    with pytest.raises(DomainError) as refusal:
        whole(text, "limit")
    assert (refusal.value.code, refusal.value.field) == ("number.not_whole", "limit")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", Decimal(0)),
        ("-12", Decimal(-12)),
        ("0012.50", Decimal("12.50")),
        ("1.000", Decimal(1)),
    ],
)
def test_ascii_decimal_text_is_read_exactly(text: str, value: Decimal) -> None:
    assert exact_decimal(text) == value
    assert str(exact_decimal(text)) == str(Decimal(text))


def test_ascii_digits_make_whole_numbers() -> None:
    assert [whole_number(t) for t in ("0", "007", "-3", "9" * 30)] == [0, 7, -3, int("9" * 30)]


@pytest.mark.parametrize("value", [True, False, 1.5, 0.0, None, [1], {"amount": 1}])
def test_booleans_floats_and_other_values_are_not_numbers(value: object) -> None:
    assert exact_decimal(value) is None
    assert whole_number(value) is None


def test_json_numbers_are_taken_at_their_exact_value_whatever_their_spelling() -> None:
    assert exact_decimal(Decimal("1E+3")) == 1000
    assert exact_decimal(10**40) == Decimal(10) ** 40
    assert exact_decimal(Decimal("NaN")) is None
    assert exact_decimal(Decimal("-Infinity")) is None
    assert whole_number(Decimal("5")) is None  # a whole number is written as one


def test_places_are_counted_on_the_digits_not_rounded_to_the_context() -> None:
    beyond_the_context = Decimal("5.0000000000000000000000000001")
    assert decimal_places(beyond_the_context) == 28
    assert decimal_places(Decimal("999999999999999.999999999999999")) == 15
    assert decimal_places(Decimal("1.50000000000000000000000000000000000")) == 1
    assert decimal_places(Decimal("1E+3")) == 0
    assert decimal_places(Decimal("0E-50")) == 0
    assert decimal_places(Decimal("1E-999999")) == 999999


def test_places_are_written_out_without_rounding_even_in_a_narrow_context() -> None:
    with localcontext() as context:
        context.prec = 3
        assert str(with_places(Decimal("123456789.5"), 2)) == "123456789.50"
        assert str(with_places(Decimal("1E+3"), 2)) == "1000.00"
        assert str(with_places(Decimal("7.500000"), 1)) == "7.5"
        assert str(with_places(Decimal("-0.000"), 2)) == "0.00"


@given(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=6),
)
def test_writing_a_value_with_its_places_or_more_keeps_it_exactly(
    coefficient: int, scale: int, extra: int
) -> None:
    value = Decimal(f"{coefficient}E-{scale}")  # exact, unlike scaleb()
    places = decimal_places(value)
    written = with_places(value, places + extra)
    assert Fraction(written) == Fraction(coefficient, 10**scale)
    assert written.as_tuple().exponent == -(places + extra)
    assert Fraction(value) * 10**places == int(Fraction(value) * 10**places)
    if places:
        assert Fraction(value) * 10 ** (places - 1) != int(Fraction(value) * 10 ** (places - 1))
