"""Money in request and response bodies: an exact amount and its currency."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.domain.money import CURRENCY_CODES, LIMIT, Money
from dealtrail.web.api.schemas.common import Strict, to_domain
from dealtrail.web.api.schemas.numbers import ExactDecimal


class MoneySchema(Strict):
    amount = ExactDecimal(
        required=True,
        metadata={
            "description": "Exact decimal in the currency's minor units",
            "example": "1000.00",
        },
    )
    currency = fields.String(
        required=True,
        validate=validate.Length(equal=3),
        metadata={"description": "ISO 4217 code", "example": "CNY", "enum": CURRENCY_CODES},
    )


# What an amount may be, as the document says it: 0 up to (not including) LIMIT, as text or a
# JSON number. That it is refused if finer than its currency's minor unit depends on the other
# field: OpenAPI 3.0 cannot say it, the description does.
AMOUNT_IN = {
    "oneOf": [
        {"type": "string", "pattern": f"^0*[0-9]{{1,{len(str(LIMIT)) - 1}}}(\\.[0-9]+)?$"},
        {"type": "number", "minimum": 0, "maximum": int(LIMIT), "exclusiveMaximum": True},
    ]
}


class MoneyIn(MoneySchema):
    amount = ExactDecimal(
        in_request=True,
        required=True,
        metadata={
            "description": 'Exact decimal: ASCII digits as a string ("1500.00"), or a JSON '
            "number taken at its exact value; never rounded (refused if finer than the "
            "currency's minor unit); not negative, below 10^15",
            "example": "1000.00",
            **AMOUNT_IN,
        },
    )

    @ma.post_load
    def _money(self, data: dict[str, Any], **_: Any) -> Money:
        return to_domain(lambda: Money.of(data["amount"], data["currency"]))
