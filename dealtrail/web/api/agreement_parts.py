"""Signatures, amendments and milestones of an agreement (sub-resources of /api/v1/agreements)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from dealtrail.web.api.agreements import Response, blp, respond
from dealtrail.web.api.schemas.agreement import (
    AchievementSchema,
    AgreementSchema,
    AmendmentIn,
    MilestoneIn,
    MilestoneOut,
    MilestoneQuerySchema,
    RescheduleSchema,
    SignatureIn,
    WaiverSchema,
)
from dealtrail.web.commands import command, etag
from dealtrail.web.services import services


@blp.route("/<uuid:agreement_id>/signatures")
class Signatures(MethodView):
    @blp.arguments(SignatureIn)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Record a party's signature; the last required one makes the agreement effective."""
        body["party_id"] = str(body["party_id"])
        with command(body) as options:
            return respond(services().agreements.sign(agreement_id, **body, options=options))


@blp.route("/<uuid:agreement_id>/amendments")
class Amendments(MethodView):
    @blp.arguments(AmendmentIn)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Propose new terms; they apply once every required party has signed them."""
        with command(body) as options:
            return respond(
                services().agreements.propose_amendment(agreement_id, **body, options=options)
            )


@blp.route("/<uuid:agreement_id>/amendments/<string:amendment_id>/signatures")
class AmendmentSignatures(MethodView):
    @blp.arguments(SignatureIn)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID, amendment_id: str) -> Response:
        """Record a party's signature of an amendment; the last required one applies it."""
        body["party_id"] = str(body["party_id"])
        with command(body) as options:
            return respond(
                services().agreements.sign_amendment(
                    agreement_id, amendment_id, **body, options=options
                )
            )


@blp.route("/<uuid:agreement_id>/milestones")
class Milestones(MethodView):
    @blp.arguments(MilestoneQuerySchema, location="query")
    @blp.response(200, MilestoneOut(many=True))
    def get(self, query: dict[str, Any], agreement_id: UUID) -> tuple[Any, dict[str, str]]:
        """The agreement's milestones; with `overdue_as_of`, only those overdue on that date."""
        agreement = services().agreements.get(agreement_id)
        as_of = query.get("overdue_as_of")
        found = agreement.overdue_milestones(as_of) if as_of else agreement.milestones.values()
        return list(found), etag(agreement.version)

    @blp.arguments(MilestoneIn)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Add a milestone owned by one of the parties."""
        body["owner_party_id"] = str(body["owner_party_id"])
        with command(body) as options:
            return respond(
                services().agreements.add_milestone(agreement_id, **body, options=options)
            )


@blp.route("/<uuid:agreement_id>/milestones/<string:milestone_id>/reschedule")
class MilestoneReschedule(MethodView):
    @blp.arguments(RescheduleSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID, milestone_id: str) -> Response:
        """Move a pending milestone's due date, saying why."""
        with command(body) as options:
            return respond(
                services().agreements.reschedule_milestone(
                    agreement_id, milestone_id, **body, options=options
                )
            )


@blp.route("/<uuid:agreement_id>/milestones/<string:milestone_id>/achievement")
class MilestoneAchievement(MethodView):
    @blp.arguments(AchievementSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID, milestone_id: str) -> Response:
        """Record that a milestone was achieved, with a reference to the evidence."""
        with command(body) as options:
            return respond(
                services().agreements.achieve_milestone(
                    agreement_id, milestone_id, **body, options=options
                )
            )


@blp.route("/<uuid:agreement_id>/milestones/<string:milestone_id>/waiver")
class MilestoneWaiver(MethodView):
    @blp.arguments(WaiverSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID, milestone_id: str) -> Response:
        """Waive a pending milestone, saying why."""
        with command(body) as options:
            return respond(
                services().agreements.waive_milestone(
                    agreement_id, milestone_id, **body, options=options
                )
            )
