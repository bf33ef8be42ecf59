"""/api/v1/events: the global log in order of position, filtered; NDJSON streams all of it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask import Response, request, stream_with_context
from flask.views import MethodView
from marshmallow import fields, validate

from dealtrail.application.event_feed import EventFilter, follow, read_page
from dealtrail.web.api.history import entry, jsonable
from dealtrail.web.api.schemas.common import Strict
from dealtrail.web.api.schemas.history import HistoryPageSchema
from dealtrail.web.api.schemas.lists import Cursor, PageSize
from dealtrail.web.api.schemas.text import Name
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("events", __name__, url_prefix="/api/v1/events", description="The global log")

NDJSON = "application/x-ndjson"


class EventQuerySchema(Strict):
    aggregate_type = fields.String(
        validate=validate.Length(1, 50), metadata={"example": "agreement"}
    )
    aggregate_id = fields.UUID()
    event_type = fields.String(validate=validate.Length(1, 100), metadata={"example": "Signed"})
    actor = Name(metadata={"example": "staff:Li Na"})
    recorded_from = fields.AwareDateTime(metadata={"description": "Inclusive"})
    recorded_to = fields.AwareDateTime(metadata={"description": "Exclusive"})
    after = Cursor()
    limit = PageSize()


@blp.route("")
class Events(MethodView):
    @blp.arguments(EventQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    @blp.alt_response(200, description="One event per line", content_type=NDJSON, success=True)
    def get(self, query: dict[str, Any]) -> Any:
        """Every recorded event after position `after`, oldest first. Send
        `Accept: application/x-ndjson` to stream every match to the end of the log instead."""
        after, limit = query.pop("after"), query.pop("limit")
        where = EventFilter(**query)
        ledger = services().ledger
        if request.accept_mimetypes.best_match(["application/json", NDJSON]) == NDJSON:
            return Response(stream_with_context(_stream(ledger, after, where)), mimetype=NDJSON)
        facts, next_after = read_page(ledger, after, limit, where)
        return {"items": [entry(f.event, f.position) for f in facts], "next_after": next_after}


def _stream(ledger: Any, after: int, where: EventFilter) -> Iterator[str]:
    for _, fact in follow(ledger, after, where):
        if fact is not None:
            yield json.dumps(jsonable(entry(fact.event, fact.position)), default=str) + "\n"
