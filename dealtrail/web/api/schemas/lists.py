"""What lists and pages share: page size, cursors, sort order and the query every list takes."""

from __future__ import annotations

from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.sorting import CREATED, BadCursor, SortKeys
from dealtrail.web.api.schemas.common import MAX_POSITION, Strict
from dealtrail.web.api.schemas.numbers import WholeNumber

MAX_CURSOR = 2_048  # a cursor holds a sort value: up to 300 characters of 4 UTF-8 bytes, in base64


def Cursor() -> WholeNumber:
    """`after` in a paginated query: the `next_after` of the previous page."""
    return WholeNumber(load_default=0, validate=validate.Range(0, MAX_POSITION))


def PageSize() -> WholeNumber:
    return WholeNumber(load_default=50, validate=validate.Range(1, 500))


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
