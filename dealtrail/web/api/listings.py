"""/api/v1/listings: a company's equity listing from application through review to delisting."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.command import CommandResult
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.common import (
    EmptyCommandSchema,
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.schemas.listing import (
    AdmissionIn,
    ListingCreateSchema,
    ListingListQuerySchema,
    ListingPageSchema,
    ListingReasonSchema,
    ListingSchema,
    present_listing,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("listings", __name__, url_prefix="/api/v1/listings", description="Equity listings")

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    listing = services().listings.get(result.aggregate_id, result.version)
    return present_listing(listing, result.position), result_headers(result)


@blp.route("")
class Listings(MethodView):
    @blp.arguments(ListingListQuerySchema, location="query")
    @blp.response(200, ListingPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List listings, filtered by state, board, centre, company, or code or company name."""
        return services().catalogue.view(ListingsView).search(**query)

    @blp.arguments(ListingCreateSchema)
    @blp.response(201, ListingSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Record a company's application to list on a board of a trading centre."""
        with command(body) as options:
            result = services().listings.apply(**body, options=options)
        data, headers = respond(result)
        headers["Location"] = url_for("listings.ListingById", listing_id=result.aggregate_id)
        return data, headers


@blp.route("/<uuid:listing_id>")
class ListingById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, ListingSchema)
    def get(self, query: dict[str, Any], listing_id: UUID) -> Response:
        """A listing now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        listing = load_version(EquityListing, listing_id, query)
        return present_listing(listing), etag(listing.version)


@blp.route("/<uuid:listing_id>/review")
class ListingReview(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Start reviewing the application."""
        with command(body) as options:
            return respond(services().listings.start_review(listing_id, options=options))


@blp.route("/<uuid:listing_id>/approval")
class ListingApproval(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Approve the application once every amendment request has been answered."""
        with command(body) as options:
            return respond(services().listings.approve(listing_id, options=options))


@blp.route("/<uuid:listing_id>/rejection")
class ListingRejection(MethodView):
    @blp.arguments(ListingReasonSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Reject the application under review, saying why."""
        with command(body) as options:
            return respond(services().listings.reject(listing_id, **body, options=options))


@blp.route("/<uuid:listing_id>/listing")
class ListingAdmission(MethodView):
    @blp.arguments(AdmissionIn)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Record that the approved company is listed, under a listing code, from a date, with
        its shareholder register on that date."""
        with command(body) as options:
            return respond(services().listings.admit(listing_id, **body, options=options))


@blp.route("/<uuid:listing_id>/suspension")
class ListingSuspension(MethodView):
    @blp.arguments(ListingReasonSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Suspend a listed company, saying why."""
        with command(body) as options:
            return respond(services().listings.suspend(listing_id, **body, options=options))


@blp.route("/<uuid:listing_id>/resumption")
class ListingResumption(MethodView):
    @blp.arguments(EmptyCommandSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Lift a suspension: the company is listed again."""
        with command(body) as options:
            return respond(services().listings.resume(listing_id, options=options))


@blp.route("/<uuid:listing_id>/delisting")
class ListingDelisting(MethodView):
    @blp.arguments(ListingReasonSchema)
    @blp.response(200, ListingSchema)
    def post(self, body: dict[str, Any], listing_id: UUID) -> Response:
        """Delist a listed or suspended company, saying why: nothing more is recorded after."""
        with command(body) as options:
            return respond(services().listings.delist(listing_id, **body, options=options))


@blp.route("/<uuid:listing_id>/history")
class ListingHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], listing_id: UUID) -> dict[str, Any]:
        """Every event of the listing, oldest first, with who recorded it, when and why."""
        return history_page(
            services().ledger, EquityListing, listing_id, query["after"], query["limit"]
        )
