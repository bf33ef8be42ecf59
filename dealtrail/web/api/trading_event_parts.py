"""A trading event's programme (sub-resources of /api/v1/trading-events): forums, exhibitions,
unveilings, launches, roadshows and their pitched projects, agreements signed there.

Each answers with the whole trading event; the part just added is the last of its list."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from dealtrail.web.api.schemas.trading_event import (
    ExhibitionOpeningIn,
    ForumIn,
    LaunchIn,
    RoadshowIn,
    SignedAgreementIn,
    SlotIn,
    TradingEventSchema,
    UnveilingIn,
)
from dealtrail.web.api.trading_events import Response, blp, respond
from dealtrail.web.commands import command
from dealtrail.web.services import services


def _ids(body: dict[str, Any], *names: str) -> dict[str, Any]:
    return {**body, **{n: str(body[n]) if body[n] else None for n in names}}


@blp.route("/<uuid:event_id>/forums")
class Forums(MethodView):
    @blp.arguments(ForumIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Add a forum held during the event."""
        with command(body) as options:
            return respond(services().trading_events.add_forum(event_id, **body, options=options))


@blp.route("/<uuid:event_id>/exhibitions")
class Exhibitions(MethodView):
    @blp.arguments(ExhibitionOpeningIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Record an exhibition opened at the event."""
        with command(body) as options:
            return respond(
                services().trading_events.open_exhibition(event_id, **body, options=options)
            )


@blp.route("/<uuid:event_id>/unveilings")
class Unveilings(MethodView):
    @blp.arguments(UnveilingIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Record an institution unveiled at the event (a registered party or not)."""
        with command(body) as options:
            return respond(
                services().trading_events.record_unveiling(
                    event_id, **_ids(body, "party_id"), options=options
                )
            )


@blp.route("/<uuid:event_id>/launches")
class Launches(MethodView):
    @blp.arguments(LaunchIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Record something launched at the event, e.g. the online achievements supermarket."""
        with command(body) as options:
            return respond(
                services().trading_events.record_launch(event_id, **body, options=options)
            )


@blp.route("/<uuid:event_id>/roadshows")
class Roadshows(MethodView):
    @blp.arguments(RoadshowIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Add a themed roadshow; its id is the `roadshow_id` of the last roadshow returned."""
        with command(body) as options:
            return respond(
                services().trading_events.add_roadshow(event_id, **body, options=options)
            )


@blp.route("/<uuid:event_id>/roadshows/<string:roadshow_id>/slots")
class RoadshowSlots(MethodView):
    @blp.arguments(SlotIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID, roadshow_id: str) -> Response:
        """Add a pitched project (an achievement or a company) to the roadshow's slot list; a
        transacted or withdrawn achievement is no longer offered and cannot be pitched (409)."""
        args = _ids(body, "presenter_party_id", "achievement_id", "company_id")
        with command(args) as options:
            return respond(
                services().trading_events.pitch(event_id, roadshow_id, **args, options=options)
            )


@blp.route("/<uuid:event_id>/agreements")
class SignedAgreements(MethodView):
    @blp.arguments(SignedAgreementIn)
    @blp.response(200, TradingEventSchema)
    def post(self, body: dict[str, Any], event_id: UUID) -> Response:
        """Record that an agreement was signed at the event: it must have taken effect (every
        required party signed) on one of the event's days, or the answer is 409."""
        with command(body) as options:
            return respond(
                services().trading_events.record_agreement_signed(
                    event_id, str(body["agreement_id"]), options=options
                )
            )
