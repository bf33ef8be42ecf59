"""/api/v1/trading-events: conferences where achievements are exhibited, projects pitched at
roadshows and agreements signed; each with the counts dashboards report."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.command import CommandResult
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.infrastructure.views.trading_events import TradingEventsView
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.common import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.schemas.trading_event import (
    TradingEventCreateSchema,
    TradingEventListQuerySchema,
    TradingEventPageSchema,
    TradingEventSchema,
    present_trading_event,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint(
    "trading_events",
    __name__,
    url_prefix="/api/v1/trading-events",
    description="Trading events: conferences, their roadshows and the deals signed there",
)

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    event = services().trading_events.get(result.aggregate_id, result.version)
    return present_trading_event(event, result.position), result_headers(result)


@blp.route("")
class TradingEvents(MethodView):
    @blp.arguments(TradingEventListQuerySchema, location="query")
    @blp.response(200, TradingEventPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List trading events with their counts, filtered by name, country or host."""
        return services().catalogue.view(TradingEventsView).search(**query)

    @blp.arguments(TradingEventCreateSchema)
    @blp.response(201, TradingEventSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Schedule a trading event hosted by a registered party."""
        body["host_party_id"] = str(body["host_party_id"])
        with command(body) as options:
            result = services().trading_events.schedule(**body, options=options)
        data, headers = respond(result)
        headers["Location"] = url_for(
            "trading_events.TradingEventById", event_id=result.aggregate_id
        )
        return data, headers


@blp.route("/<uuid:event_id>")
class TradingEventById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, TradingEventSchema)
    def get(self, query: dict[str, Any], event_id: UUID) -> Response:
        """A trading event with its counts now, at a version (`?version=`) or as recorded at a
        time (`?as_of=`)."""
        event = load_version(TradingEvent, event_id, query)
        return present_trading_event(event), etag(event.version)


@blp.route("/<uuid:event_id>/history")
class TradingEventHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], event_id: UUID) -> dict[str, Any]:
        """Every event of the trading event, oldest first, with who recorded it, when and why."""
        return history_page(
            services().ledger, TradingEvent, event_id, query["after"], query["limit"]
        )
