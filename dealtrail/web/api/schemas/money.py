"""Money in request and response bodies: an exact amount and its currency."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.domain.money import Money
from dealtrail.web.api.schemas.common import Strict, to_domain
from dealtrail.web.api.schemas.numbers import ExactDecimal


class MoneySchema(Strict):
    amount = ExactDecimal(
        required=True,
        metadata={
            "description": 'Exact decimal: ASCII digits as a string ("1500.00"), or a JSON '
            "number taken at its exact value; never rounded (refused if finer than the "
            "currency's minor unit)",
            "example": "1000.00",
        },
    )
    currency = fields.String(
        required=True,
        validate=validate.Length(equal=3),
        metadata={"description": "ISO 4217 code", "example": "CNY"},
    )


class MoneyIn(MoneySchema):
    @ma.post_load
    def _money(self, data: dict[str, Any], **_: Any) -> Money:
        return to_domain(lambda: Money.of(data["amount"], data["currency"]))
