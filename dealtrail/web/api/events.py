"""/api/v1/events: the global log in order of position, filtered; NDJSON streams all of it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask import Response, request, stream_with_context
from flask.views import MethodView

from dealtrail.application.event_feed import EventFeed, EventFilter, LoggedFact
from dealtrail.web.api.history import entry, jsonable
from dealtrail.web.api.schemas.feed import FeedPageSchema, FeedQuerySchema
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("events", __name__, url_prefix="/api/v1/events", description="The global log")

NDJSON = "application/x-ndjson"


@blp.route("")
class Events(MethodView):
    @blp.arguments(FeedQuerySchema, location="query")
    @blp.response(200, FeedPageSchema)
    @blp.alt_response(200, description="One event per line", content_type=NDJSON, success=True)
    def get(self, query: dict[str, Any]) -> Any:
        """Every recorded event after position `after`, oldest first, each with the audit leaf
        hash stored with it. Send `Accept: application/x-ndjson` to stream every match to the
        end of the log instead."""
        after, limit, canonical = query.pop("after"), query.pop("limit"), query.pop("canonical")
        where = EventFilter(**query)
        feed = services().feed
        if request.accept_mimetypes.best_match(["application/json", NDJSON]) == NDJSON:
            lines = _stream(feed, after, where, canonical)
            return Response(stream_with_context(lines), mimetype=NDJSON)
        facts, next_after = feed.page(after, limit, where)
        return {"items": [_item(f, canonical) for f in facts], "next_after": next_after}


def _item(fact: LoggedFact, canonical: bool) -> dict[str, Any]:
    """The event as auditors read it, its stored leaf and, if asked, the stored row's canonical
    fields (position is already the item's)."""
    item = entry(fact.event, fact.position) if fact.event is not None else _unreadable(fact)
    item["leaf_hash"] = fact.leaf_hash.hex() if fact.leaf_hash is not None else None
    if canonical:
        item.update(fact.stored.as_json())
    return item


def _unreadable(fact: LoggedFact) -> dict[str, Any]:
    """A stored row that does not decode: what the log's columns say, and that it is unreadable
    (its canonical fields, with ?canonical=true, say what it holds)."""
    return {
        "position": fact.position,
        "aggregate_id": str(fact.stored.originator_id),
        "version": fact.stored.originator_version,
        "unreadable": True,
    }


def _stream(feed: EventFeed, after: int, where: EventFilter, canonical: bool) -> Iterator[str]:
    for _, fact in feed.follow(after, where):
        if fact is not None:
            yield json.dumps(jsonable(_item(fact, canonical)), default=str) + "\n"
