"""What the schemas of every resource share: strict requests, record ids, command metadata,
domain refusals, and the problem body."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

import marshmallow as ma
from marshmallow import fields, validate
from webargs.multidictproxy import MultiDictProxy

from dealtrail.domain.errors import DomainError
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.refusals import refused
from dealtrail.web.api.schemas.text import Text

MAX_POSITION = 2**62


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    @ma.pre_load
    def _each_parameter_once(self, data: Any, **_: Any) -> Any:
        """A query parameter that takes one value, given twice, is refused rather than quietly
        read as its first value."""
        if isinstance(data, MultiDictProxy) and hasattr(data.data, "getlist"):
            repeated = [
                key
                for key in data.data
                if key not in data.multiple_keys and len(data.data.getlist(key)) > 1
            ]
            if repeated:
                raise ma.ValidationError({key: ["Given more than once."] for key in repeated})
        return data


class RecordId(fields.UUID):
    """Another record's id: checked as a UUID, passed on as its canonical string (the way
    records refer to each other)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return str(super()._deserialize(value, attr, data, **kwargs))


class CommandSchema(Strict):
    """Fields every command body may carry: they go into the events' metadata."""

    METADATA: ClassVar[tuple[str, ...]] = ("comment", "effective_at", "corrects")

    comment = Text(load_default=None, metadata={"description": "Why"})
    effective_at = fields.AwareDateTime(
        load_default=None,
        metadata={"description": "When this took effect in the real world (ISO 8601 with offset)"},
    )
    corrects = WholeNumber(
        load_default=None,
        validate=validate.Range(1, MAX_POSITION),
        metadata={"description": "Log position of the earlier event of this record it corrects"},
    )


class EmptyCommandSchema(CommandSchema):
    pass


class ProblemSchema(ma.Schema):
    type = fields.String()
    title = fields.String()
    status = WholeNumber()
    detail = fields.String()
    code = fields.String(metadata={"description": "Stable error code"})
    instance = fields.String()
    errors = fields.List(fields.Dict(), metadata={"description": "Field-level errors"})
    existing_id = fields.String(
        metadata={
            "description": "The record that already holds a unique value "
            "(listing.code_taken, ip_asset.already_registered)"
        }
    )


T = TypeVar("T")


def to_domain(build: Callable[[], T], within: str = "") -> T:
    """Builds a domain value; its refusal becomes a field error at the right place in the body
    (in a nested body, `within` its name: "contact." makes "contact.email" its "email")."""
    try:
        return build()
    except DomainError as error:
        raise refused(error, (error.field or "_schema").removeprefix(within)) from None


def domain_rule(check: Callable[[Any, str], None], field: str) -> Callable[[Any], None]:
    """A field validator that runs the domain's `check(value, field)`, keeping its code."""

    def validate_value(value: Any) -> None:
        try:
            check(value, field)
        except DomainError as error:
            raise refused(error) from None

    return validate_value
