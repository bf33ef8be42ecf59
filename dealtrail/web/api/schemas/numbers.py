"""Number fields of every schema: exact decimals and whole numbers, read by the domain's rule.

marshmallow's own `fields.Decimal` and `fields.Integer` read numbers as Python does ("1_000",
" 5", digits of any script and, for Integer, 5.5 as 5); these take only what `domain.numbers`
takes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import fields

from dealtrail.domain import numbers
from dealtrail.domain.errors import DomainError
from dealtrail.web.api.schemas.refusals import refused


class ExactDecimal(fields.Decimal):
    """A decimal as ASCII text ("1500.00") or a JSON number, kept exactly; served as text.

    The OpenAPI document (web/spec_fields.py) shows it as it is served, a string of
    `numbers.DECIMAL_TEXT`; a field of a request body, `in_request=True`, as it is read: that
    string or a JSON number."""

    def __init__(self, *, in_request: bool = False, **kwargs: Any) -> None:
        self.in_request = in_request
        super().__init__(as_string=True, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Decimal:
        try:
            return numbers.decimal(value, attr or "")
        except DomainError as error:
            raise refused(error) from None


class WholeNumber(fields.Integer):
    """A whole number: a JSON integer or, unless `strict`, ASCII digits (query parameters)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if self.strict and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.make_error("invalid", input=value)
        try:
            return numbers.whole(value, attr or "")
        except DomainError as error:
            raise refused(error) from None
