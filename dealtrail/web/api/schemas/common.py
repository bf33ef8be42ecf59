"""Schemas shared by every resource: money, command metadata, problems, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

import marshmallow as ma
from marshmallow import fields, validate
from webargs.multidictproxy import MultiDictProxy

from dealtrail.application.sorting import CREATED, BadCursor, SortKeys
from dealtrail.domain.errors import DomainError
from dealtrail.domain.money import Money
from dealtrail.domain.text import clean_text, required_text
from dealtrail.web.api.schemas.numbers import ExactDecimal, WholeNumber
from dealtrail.web.api.schemas.refusals import refused

MAX_TEXT = 2_000
MAX_NAME = 300
MAX_POSITION = 2**62
MAX_CURSOR = 2_048  # a cursor holds a sort value: up to 300 characters of 4 UTF-8 bytes, in base64


class TextField(fields.String):
    """Text that follows the domain's rules for text (dealtrail.domain.text): one line or many,
    blank or not. A request breaking them is refused at the field, with the code the domain
    would give; the value goes on as given, for the domain to trim."""

    def __init__(
        self,
        *,
        limit: int,
        one_line: bool,
        may_be_blank: bool,
        what: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.one_line = one_line
        self.may_be_blank = may_be_blank
        self.what = what  # as errors name it; the field's name by default
        super().__init__(validate=validate.Length(0 if may_be_blank else 1, limit), **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        check = clean_text if self.may_be_blank else required_text
        what = self.what or (self.data_key or attr or "text").replace("_", " ")
        try:
            check(text, what, one_line=self.one_line)
        except DomainError as error:
            raise refused(error) from None
        return text


def Name(limit: int = MAX_NAME, **kwargs: Any) -> fields.String:
    """One line that says something (a name, title, code, reference): 1 to `limit` characters."""
    return TextField(limit=limit, one_line=True, may_be_blank=False, **kwargs)


def Text(**kwargs: Any) -> fields.String:
    """Free text, possibly empty, tabs and line breaks kept, up to MAX_TEXT characters."""
    return TextField(limit=MAX_TEXT, one_line=False, may_be_blank=True, **kwargs)


def Reason(**kwargs: Any) -> fields.String:
    """Free text that must say something, tabs and line breaks kept, up to MAX_TEXT characters."""
    return TextField(limit=MAX_TEXT, one_line=False, may_be_blank=False, **kwargs)


def Cursor() -> WholeNumber:
    """`after` in a paginated query: the `next_after` of the previous page."""
    return WholeNumber(load_default=0, validate=validate.Range(0, MAX_POSITION))


def PageSize() -> WholeNumber:
    return WholeNumber(load_default=50, validate=validate.Range(1, 500))


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


def Sort(keys: SortKeys) -> fields.String:
    """`sort` of a list: a key, or `-key` for descending."""
    return fields.String(
        load_default=CREATED,
        validate=validate.OneOf(keys.choices),
        metadata={
            "description": "Order of the list: a key, or `-key` for descending (exactly the "
            "reverse). Names and titles sort case- and accent-blind. Ties come in creation "
            "order; rows without a value come last"
            + (f" (only {', '.join(keys.optional)} can lack one)" if keys.optional else "")
            + ". A row recorded during a read shows in its place if it sorts after the page "
            "boundary; a row whose sort value changes during a read can be shown twice or "
            "missed: `created` is the order no change can disturb.",
            "example": keys.choices[-1],
        },
    )


def NextCursor() -> fields.String:
    return fields.String(
        allow_none=True,
        metadata={
            "description": "Pass as `after`, with the same filters and `sort`, for the next "
            "page; null on the last page"
        },
    )


class ListQuery(Strict):
    """What every list takes besides its filters. A list's query schema derives from
    `ListQuery.sorted_by(its sort keys)` and declares its filters."""

    sort_keys: ClassVar[SortKeys]
    limit = PageSize()
    after = fields.String(
        validate=validate.Length(1, MAX_CURSOR),
        metadata={"description": "The `next_after` of the previous page, as it came"},
    )

    @ma.validates_schema
    def _cursor_continues_the_sort(self, data: dict[str, Any], **_: Any) -> None:
        if "after" not in data:
            return
        try:
            self.sort_keys.after(data.get("sort", CREATED), data["after"])
        except BadCursor as error:
            raise ma.ValidationError(str(error), field_name="after") from error

    @classmethod
    def sorted_by(cls, keys: SortKeys) -> type[ListQuery]:
        """ListQuery with `sort` among `keys`: after `limit` and `after`, before the filters."""

        class SortedListQuery(cls):
            sort_keys = keys
            sort = Sort(keys)

        return SortedListQuery


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


class MetadataSchema(ma.Schema):
    actor = fields.String()
    correlation_id = fields.String()
    causation_id = fields.String(allow_none=True)
    effective_at = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    idempotency_key = fields.String(allow_none=True)
    corrects = WholeNumber(allow_none=True)


class HistoryEntrySchema(ma.Schema):
    position = WholeNumber(allow_none=True, metadata={"description": "Log position"})
    aggregate_type = fields.String(metadata={"example": "agreement"})
    aggregate_id = fields.String()
    version = WholeNumber()
    type = fields.String(metadata={"description": "Event name, past tense"})
    recorded_at = fields.DateTime()
    metadata = fields.Nested(MetadataSchema, allow_none=True)
    data = fields.Dict()


class HistoryPageSchema(ma.Schema):
    items = fields.List(fields.Nested(HistoryEntrySchema))
    next_after = WholeNumber(
        allow_none=True, metadata={"description": "Pass as `after` for the next page"}
    )


class HistoryQuerySchema(Strict):
    after = Cursor()
    limit = PageSize()


class VersionQuerySchema(Strict):
    version = WholeNumber(validate=validate.Range(1, MAX_POSITION))
    as_of = fields.AwareDateTime(metadata={"description": "State as recorded by this time"})
    effective_at = fields.AwareDateTime(
        metadata={"description": "State as in effect at this time (back-dated facts count)"}
    )

    @ma.validates_schema
    def _one_of(self, data: dict[str, Any], **_: Any) -> None:
        given = [k for k in ("version", "as_of", "effective_at") if k in data]
        if len(given) > 1:
            raise ma.ValidationError("Give one of version, as_of or effective_at.", given[-1])


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


class MoneyIn(MoneySchema):
    @ma.post_load
    def _money(self, data: dict[str, Any], **_: Any) -> Money:
        return to_domain(lambda: Money.of(data["amount"], data["currency"]))
