"""A domain refusal as a marshmallow field error that keeps the refusal's stable code."""

from __future__ import annotations

import marshmallow as ma

from dealtrail.domain.errors import DomainError


class CodedMessage(str):
    """A field error's message, carrying the code of the domain rule the value broke: the
    problem's `errors` list shows it beside the message (`problems._flatten`)."""

    code: str

    def __new__(cls, message: str, code: str) -> CodedMessage:
        text = super().__new__(cls, message)
        text.code = code
        return text


def refused(error: DomainError, field: str | None = None) -> ma.ValidationError:
    """The error to raise for `error`: at `field` of the schema, or at the field being loaded."""
    message = CodedMessage(error.message, error.code)
    return ma.ValidationError(message) if field is None else ma.ValidationError(message, field)
