"""/api/v1/listings: a company's equity listing from application through review to delisting,
with its amendment requests, shareholder register, financing rounds and share transfers."""

from __future__ import annotations

from dealtrail.application.commands import listings as c
from dealtrail.application.ports.views import ListingQuery
from dealtrail.domain.equity_listing import EquityListing
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import listing as s
from dealtrail.web.api.schemas.common import EmptyCommandSchema
from dealtrail.web.json import Blueprint

blp = Blueprint("listings", __name__, url_prefix="/api/v1/listings", description="Equity listings")
listings = Resource(blp, EquityListing, s.ListingSchema, "Listing", "listing_id")

listings.collection(
    Listing(
        s.ListingListQuerySchema,
        ListingQuery,
        s.ListingPageSchema,
        "listings",
        "List listings, filtered by state, board, centre, company, or code or company name.",
    ),
    Step(
        "Listings",
        "",
        s.ListingCreateSchema,
        c.ApplyForListing,
        "Record a company's application to list on a board of a trading centre.",
    ),
)
listings.by_id("A listing now, at a version (`?version=`) or as recorded at a time (`?as_of=`).")
listings.steps(
    Step(
        "ListingReview",
        "/<uuid:listing_id>/review",
        EmptyCommandSchema,
        c.StartReview,
        "Start reviewing the application.",
    ),
    Step(
        "ListingApproval",
        "/<uuid:listing_id>/approval",
        EmptyCommandSchema,
        c.ApproveListing,
        "Approve the application once every amendment request has been answered.",
    ),
    Step(
        "ListingRejection",
        "/<uuid:listing_id>/rejection",
        s.ListingReasonSchema,
        c.RejectListing,
        "Reject the application under review, saying why.",
    ),
    Step(
        "ListingAdmission",
        "/<uuid:listing_id>/listing",
        s.AdmissionIn,
        c.AdmitListing,
        "Record that the approved company is listed, under a listing code, from a date, with\n"
        "its shareholder register on that date.",
    ),
    Step(
        "ListingSuspension",
        "/<uuid:listing_id>/suspension",
        s.ListingReasonSchema,
        c.SuspendListing,
        "Suspend a listed company, saying why.",
    ),
    Step(
        "ListingResumption",
        "/<uuid:listing_id>/resumption",
        EmptyCommandSchema,
        c.ResumeListing,
        "Lift a suspension: the company is listed again.",
    ),
    Step(
        "ListingDelisting",
        "/<uuid:listing_id>/delisting",
        s.ListingReasonSchema,
        c.DelistListing,
        "Delist a listed or suspended company, saying why: nothing more is recorded after.",
    ),
)
listings.history("Every event of the listing, oldest first, with who recorded it, when and why.")
listings.steps(
    Step(
        "AmendmentRequests",
        "/<uuid:listing_id>/amendment-requests",
        s.AmendmentRequestIn,
        c.RequestAmendments,
        "Ask the applicant to amend the application by a date; approval waits for the answer.",
    ),
    Step(
        "AmendmentResponse",
        "/<uuid:listing_id>/amendment-requests/<string:request_id>/response",
        s.AmendmentResponseIn,
        c.ProvideAmendments,
        "Record that the applicant provided the amendments asked for, with a reference.",
    ),
    Step(
        "ShareholderRegister",
        "/<uuid:listing_id>/shareholder-register",
        s.RegisterIn,
        c.RecordRegister,
        "Record the shareholder register of a company listed before registers were kept (a\n"
        "listing records its register when listed): share transfers are recorded from then on.",
    ),
    Step(
        "FinancingRounds",
        "/<uuid:listing_id>/financing-rounds",
        s.FinancingRoundIn,
        c.CloseFinancingRound,
        "Record a financing round the listed company closed: instrument, amount, investors, and\n"
        "the shares an equity round issued to each of them (they join the register).",
    ),
    Step(
        "ShareTransfers",
        "/<uuid:listing_id>/share-transfers",
        s.ShareTransferIn,
        c.TransferShares,
        "Record a transfer of the listed company's shares between two registered parties: the\n"
        "seller holds at least the shares it sells.",
    ),
)
