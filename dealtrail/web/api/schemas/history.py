"""A record's history: its events, page by page, and the query for one of its past versions."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.web.api.schemas.common import MAX_POSITION, Strict
from dealtrail.web.api.schemas.lists import Cursor, PageSize
from dealtrail.web.api.schemas.numbers import WholeNumber


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


ONE_OF = " (give at most one of version, as_of and effective_at)"


class VersionQuerySchema(Strict):
    version = WholeNumber(
        validate=validate.Range(1, MAX_POSITION),
        metadata={"description": "The record at this version" + ONE_OF},
    )
    as_of = fields.AwareDateTime(
        metadata={"description": "State as recorded by this time" + ONE_OF}
    )
    effective_at = fields.AwareDateTime(
        metadata={
            "description": "State as in effect at this time (back-dated facts count)" + ONE_OF
        }
    )

    @ma.validates_schema
    def _one_of(self, data: dict[str, Any], **_: Any) -> None:
        given = [k for k in ("version", "as_of", "effective_at") if k in data]
        if len(given) > 1:
            raise ma.ValidationError("Give one of version, as_of or effective_at.", given[-1])
