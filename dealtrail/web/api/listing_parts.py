"""Amendment requests, the shareholder register, financing rounds and share transfers: parts of
/api/v1/listings."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from dealtrail.web.api.listings import Response, blp, respond
from dealtrail.web.api.schemas.listing import (
    AmendmentRequestIn,
    AmendmentResponseIn,
    FinancingRoundIn,
    ListingSchema,
    RegisterIn,
    ShareTransferIn,
)
from dealtrail.web.commands import command
from dealtrail.web.services import services


@blp.route("/<uuid:listing_id>/amendment-requests")
class AmendmentRequests(MethodView):
    @blp.arguments(AmendmentRequestIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Ask the applicant to amend the application by a date; approval waits for the answer."""
        with command(body) as options:
            return respond(
                services().listings.request_amendments(listing_id, **body, options=options)
            )


@blp.route("/<uuid:listing_id>/amendment-requests/<string:request_id>/response")
class AmendmentResponse(MethodView):
    @blp.arguments(AmendmentResponseIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID, request_id: str) -> Response:
        """Record that the applicant provided the amendments asked for, with a reference."""
        with command(body) as options:
            return respond(
                services().listings.provide_amendments(
                    listing_id, request_id, **body, options=options
                )
            )


@blp.route("/<uuid:listing_id>/shareholder-register")
class ShareholderRegister(MethodView):
    @blp.arguments(RegisterIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Record the shareholder register of a company listed before registers were kept (a
        listing records its register when listed): share transfers are recorded from then on."""
        with command(body) as options:
            return respond(services().listings.record_register(listing_id, **body, options=options))


@blp.route("/<uuid:listing_id>/financing-rounds")
class FinancingRounds(MethodView):
    @blp.arguments(FinancingRoundIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Record a financing round the listed company closed: instrument, amount, investors, and
        the shares an equity round issued to each of them (they join the register)."""
        with command(body) as options:
            return respond(
                services().listings.close_financing_round(listing_id, **body, options=options)
            )


@blp.route("/<uuid:listing_id>/share-transfers")
class ShareTransfers(MethodView):
    @blp.arguments(ShareTransferIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Record a transfer of the listed company's shares between two registered parties: the
        seller holds at least the shares it sells."""
        with command(body) as options:
            return respond(services().listings.transfer_shares(listing_id, **body, options=options))
