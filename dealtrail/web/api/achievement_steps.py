"""An achievement's lifecycle steps (sub-resources of /api/v1/achievements): listing on the
supermarket, negotiation and its falling through, transaction, withdrawal, exhibition."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from dealtrail.domain.transaction import Transaction
from dealtrail.web.api.achievements import Response, blp, respond
from dealtrail.web.api.schemas.achievement import (
    AchievementDetailSchema,
    ExhibitionIn,
    FallThroughIn,
    NegotiationIn,
    TransactionIn,
    WithdrawalIn,
)
from dealtrail.web.api.schemas.common import EmptyCommandSchema
from dealtrail.web.commands import command
from dealtrail.web.services import services


def _id(value: UUID | None) -> str | None:
    return str(value) if value else None


@blp.route("/<uuid:achievement_id>/listing")
class AchievementListing(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """List a draft on the supermarket."""
        with command(body) as options:
            return respond(
                services().achievements.list_on_supermarket(achievement_id, options=options)
            )


@blp.route("/<uuid:achievement_id>/negotiation")
class AchievementNegotiation(MethodView):
    @blp.arguments(NegotiationIn)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """Record that a listed achievement went into negotiation with a prospective buyer."""
        with command(body) as options:
            return respond(
                services().achievements.start_negotiation(
                    achievement_id, str(body["counterparty_id"]), options=options
                )
            )


@blp.route("/<uuid:achievement_id>/negotiation/fall-through")
class NegotiationFallThrough(MethodView):
    @blp.arguments(FallThroughIn)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """Record that the negotiation ended without a deal: the achievement is listed again."""
        with command(body) as options:
            return respond(
                services().achievements.negotiation_fell_through(
                    achievement_id, body["reason"], options=options
                )
            )


@blp.route("/<uuid:achievement_id>/transaction")
class AchievementTransaction(MethodView):
    @blp.arguments(TransactionIn)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """Record the deal that transferred the achievement: an agreement or an IP transfer."""
        with command(body) as options:
            transaction = Transaction(
                body["transacted_on"], _id(body["agreement_id"]), _id(body["ip_transfer_id"])
            )
            return respond(
                services().achievements.record_transaction(
                    achievement_id, transaction, options=options
                )
            )


@blp.route("/<uuid:achievement_id>/withdrawal")
class AchievementWithdrawal(MethodView):
    @blp.arguments(WithdrawalIn)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """Withdraw the achievement from transfer, saying why."""
        with command(body) as options:
            return respond(
                services().achievements.withdraw(achievement_id, body["reason"], options=options)
            )


@blp.route("/<uuid:achievement_id>/exhibitions")
class AchievementExhibitions(MethodView):
    @blp.arguments(ExhibitionIn)
    @blp.response(200, AchievementDetailSchema)
    def post(self, body: dict[str, Any], achievement_id: UUID) -> Response:
        """Record that the achievement was exhibited at a trading event (counted there too)."""
        with command(body) as options:
            return respond(
                services().achievements.exhibit_at(
                    achievement_id, str(body["event_id"]), options=options
                )
            )
