"""/api/v1/agreements: draft, open, end, and read agreements with their history."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.ledger import CommandResult
from dealtrail.domain.agreement import Agreement
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.agreement import (
    AgreementCreateSchema,
    AgreementListQuerySchema,
    AgreementPageSchema,
    AgreementSchema,
    CompletionSchema,
    DraftRevisionSchema,
    TerminationSchema,
    present_agreement,
)
from dealtrail.web.api.schemas.common import (
    EmptyCommandSchema,
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("agreements", __name__, url_prefix="/api/v1/agreements", description="Agreements")

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    agreement = services().agreements.get(result.aggregate_id, result.version)
    return present_agreement(agreement, result.position), result_headers(result)


@blp.route("")
class Agreements(MethodView):
    @blp.arguments(AgreementListQuerySchema, location="query")
    @blp.response(200, AgreementPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List agreements, filtered by status, kind, party or title."""
        return services().views.agreements.search(**query)

    @blp.arguments(AgreementCreateSchema)
    @blp.response(201, AgreementSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Draft an agreement between two or more registered parties."""
        with command(body) as options:
            result = services().agreements.draft(
                body["kind"], body["terms"], body["parties"], options=options
            )
        data, headers = respond(result)
        headers["Location"] = url_for("agreements.AgreementById", agreement_id=result.aggregate_id)
        return data, headers


@blp.route("/<uuid:agreement_id>")
class AgreementById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, AgreementSchema)
    def get(self, query: dict[str, Any], agreement_id: UUID) -> Response:
        """An agreement now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        agreement = load_version(Agreement, agreement_id, query)
        return present_agreement(agreement), etag(agreement.version)


@blp.route("/<uuid:agreement_id>/draft")
class AgreementDraft(MethodView):
    @blp.arguments(DraftRevisionSchema)
    @blp.response(200, AgreementSchema)
    def put(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Revise the terms of a draft (after it opens, only amendments change terms)."""
        with command(body) as options:
            return respond(
                services().agreements.revise_draft(agreement_id, body["terms"], options=options)
            )


@blp.route("/<uuid:agreement_id>/opening")
class AgreementOpening(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Open the draft for signature: its terms are now fixed."""
        with command(body) as options:
            return respond(services().agreements.open_for_signature(agreement_id, options=options))


@blp.route("/<uuid:agreement_id>/completion")
class AgreementCompletion(MethodView):
    @blp.arguments(CompletionSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Record that an effective agreement was completed."""
        with command(body) as options:
            return respond(services().agreements.complete(agreement_id, **body, options=options))


@blp.route("/<uuid:agreement_id>/termination")
class AgreementTermination(MethodView):
    @blp.arguments(TerminationSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Record that the agreement was terminated, and why."""
        with command(body) as options:
            return respond(services().agreements.terminate(agreement_id, **body, options=options))


@blp.route("/<uuid:agreement_id>/expiry")
class AgreementExpiry(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, AgreementSchema)
    def post(self, body: dict[str, Any], agreement_id: UUID) -> Response:
        """Record that the agreement's term has run out."""
        with command(body) as options:
            return respond(services().agreements.expire(agreement_id, options=options))


@blp.route("/<uuid:agreement_id>/history")
class AgreementHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], agreement_id: UUID) -> dict[str, Any]:
        """Every event of the agreement, oldest first, with who recorded it, when and why."""
        return history_page(
            services().ledger, Agreement, agreement_id, query["after"], query["limit"]
        )
