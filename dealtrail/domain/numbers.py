"""Numbers as the record takes them: written in ASCII digits, kept exactly, never rounded.

Python reads far more as a number than a person writes as one: `Decimal()` and `int()` take
"1_000", " 5", "1e3", "Infinity", and Arabic-Indic or full-width digits. A number given as
text is on record only in the plain ASCII spelling: a decimal is `-?[0-9]+(\\.[0-9]+)?`, a whole
number `-?[0-9]+`. A JSON number arrives already parsed, exactly (the web layer reads JSON
fractions as Decimal, never as float), and is taken at its exact value whatever its spelling:
`1e3` is exactly 1000. Booleans are not numbers, floats are never exact.

Nothing here uses a decimal context: `normalize()`, `quantize()` and arithmetic round to the
context's precision (28 digits), so exactness is decided on the digits themselves.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dealtrail.domain.errors import fail

DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
WHOLE_TEXT = re.compile(r"-?[0-9]{1,30}")  # far beyond any count or position on record


def exact_decimal(value: object) -> Decimal | None:
    """The exact decimal `value` is (ASCII decimal text, an int, a finite Decimal), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)  # exact, whatever the context's precision
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and DECIMAL_TEXT.fullmatch(value):
        return Decimal(value)
    return None


def whole_number(value: object) -> int | None:
    """The whole number `value` is (ASCII digits, or an int), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and WHOLE_TEXT.fullmatch(value):
        return int(value)
    return None


def decimal(value: object, field: str) -> Decimal:
    """`exact_decimal`, refusing anything else as `number.not_decimal` at `field`."""
    number = exact_decimal(value)
    if number is None:
        raise fail("number.not_decimal", field, value=value)
    return number


def whole(value: object, field: str) -> int:
    """`whole_number`, refusing anything else as `number.not_whole` at `field`."""
    number = whole_number(value)
    if number is None:
        shown = str(value) if isinstance(value, Decimal) else value  # 5.5, not Decimal('5.5')
        raise fail("number.not_whole", field, value=shown)
    return number


def decimal_places(value: Decimal) -> int:
    """How many decimal places `value` needs, trailing zeros aside: 1.50 needs 1, 1E+3 none."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "a finite Decimal"
    if exponent >= 0 or not any(digits):
        return 0
    return max(-exponent - _trailing_zeros(digits), 0)


def _trailing_zeros(digits: tuple[int, ...]) -> int:
    count = 0
    for digit in reversed(digits):
        if digit:
            break
        count += 1
    return count


def with_places(value: Decimal, places: int) -> Decimal:
    """`value` written with exactly `places` decimal places (1.5 -> 1.50), built from its digits
    so that no context can round it. `value` must need no more than `places`, and be bounded
    (its zeros are written out: 1E+15 is sixteen digits)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "a finite Decimal"
    if not any(digits):
        return Decimal((0, (0,), -places))
    shift = exponent + places
    if shift >= 0:
        return Decimal((sign, (*digits, *(0,) * shift), -places))
    assert not any(digits[shift:]), "more places than asked for"
    return Decimal((sign, digits[:shift], -places))
