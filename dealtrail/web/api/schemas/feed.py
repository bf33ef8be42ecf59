"""The global log's items: an event as auditors read it, the leaf hash stored with it and, on
request, the stored row's canonical fields, enough to recompute that leaf (README, audit)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from dealtrail.web.api.schemas.common import Strict
from dealtrail.web.api.schemas.history import HistoryEntrySchema
from dealtrail.web.api.schemas.lists import Cursor, PageSize
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.text import Name

CANONICAL = "Only with `canonical=true`: "


class FeedQuerySchema(Strict):
    aggregate_type = fields.String(
        validate=ma.validate.Length(1, 50), metadata={"example": "agreement"}
    )
    aggregate_id = fields.UUID()
    event_type = fields.String(validate=ma.validate.Length(1, 100), metadata={"example": "Signed"})
    actor = Name(metadata={"example": "staff:token:3f2a9c01d4e5b6a7:Li Na"})
    recorded_from = fields.AwareDateTime(metadata={"description": "Inclusive"})
    recorded_to = fields.AwareDateTime(metadata={"description": "Exclusive"})
    after = Cursor()
    limit = PageSize()
    canonical = fields.Boolean(
        load_default=False,
        metadata={
            "description": "Add each stored row's `originator_id`, `originator_version`, "
            "`topic` and base64 `state`: with `position`, the canonical bytes its leaf hashes"
        },
    )


class FeedEntrySchema(HistoryEntrySchema):
    unreadable = fields.Boolean(
        metadata={
            "description": "true (and no type, time, metadata or data) for a stored row that "
            "does not decode, such as one altered around dealtrail: ask ?canonical=true for "
            "what it holds"
        }
    )
    leaf_hash = fields.String(
        allow_none=True,
        metadata={
            "description": "hex: the audit leaf stored with the event when it was recorded (not "
            "recomputed from what is served); null if none was (an event written around "
            "dealtrail)"
        },
    )
    originator_id = fields.String(
        metadata={"description": f"{CANONICAL}the stored row's aggregate id"}
    )
    originator_version = WholeNumber(
        metadata={"description": f"{CANONICAL}the stored row's aggregate version"}
    )
    topic = fields.String(metadata={"description": f"{CANONICAL}the stored row's event topic"})
    state = fields.String(
        metadata={
            "description": f"{CANONICAL}base64 of the stored state bytes, exactly as stored "
            "(compressed or encrypted if the store is)"
        }
    )


class FeedPageSchema(ma.Schema):
    items = fields.List(fields.Nested(FeedEntrySchema))
    next_after = WholeNumber(
        allow_none=True, metadata={"description": "Pass as `after` for the next page"}
    )
