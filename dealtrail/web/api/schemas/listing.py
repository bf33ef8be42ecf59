"""Equity listing request and response bodies."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, post_load, validate

from dealtrail.application.ports.views import LISTING_SORT_KEYS
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import EquityListing, ListingStatus
from dealtrail.domain.financing_round import Instrument
from dealtrail.domain.share_register import Holding, listed_holders
from dealtrail.web.api.schemas.common import CommandSchema, RecordId
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.money import MoneyIn, MoneySchema
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.record import AttributesSchema, RecordSchema, command_position
from dealtrail.web.api.schemas.text import Name, QueryText, Reason, TextField

MAX_INVESTORS = 200
MAX_HOLDERS = 1000


class ListingCreateSchema(CommandSchema):
    company_id = RecordId(required=True, metadata={"description": "A registered company"})
    centre_id = RecordId(required=True, metadata={"description": "A registered trading centre"})
    board = fields.Enum(Board, by_value=True, required=True)


class AmendmentRequestIn(CommandSchema):
    what = Reason(required=True, metadata={"description": "What the applicant must amend"})
    due_on = fields.Date(required=True, metadata={"description": "Answer due by"})


class AmendmentResponseIn(CommandSchema):
    reference = Name(required=True, metadata={"description": "Where the amendments are kept"})


class ListingReasonSchema(CommandSchema):
    reason = Reason(required=True)


class HoldingIn(ma.Schema):
    party_id = RecordId(required=True, metadata={"description": "A registered party"})
    shares = WholeNumber(
        strict=True, required=True, metadata={"description": "A whole number, 1 to 10^15"}
    )

    @post_load
    def holding(self, data: dict[str, Any], **_: Any) -> Holding:
        return Holding(**data)


def holdings_field(description: str, **kwargs: Any) -> fields.List:
    return fields.List(
        fields.Nested(HoldingIn),
        validate=validate.Length(max=MAX_HOLDERS),
        metadata={"description": description},
        **kwargs,
    )


class AdmissionIn(CommandSchema):
    listing_code = TextField(
        limit=40,
        one_line=True,
        may_be_blank=True,  # the domain says what a code is
        required=True,
        metadata={"description": "4 to 12 letters or digits", "example": "800123"},
    )
    listed_on = fields.Date(required=True)
    holders = holdings_field("The shareholder register on the listing date", required=True)


class RegisterIn(CommandSchema):
    holders = holdings_field("Every holder and the shares it holds", required=True)
    as_of = fields.Date(
        required=True,
        metadata={"description": "The register's date: on or after every round and transfer"},
    )


class FinancingRoundIn(CommandSchema):
    instrument = fields.Enum(Instrument, by_value=True, required=True)
    amount = fields.Nested(MoneyIn, required=True)
    investor_ids = fields.List(
        RecordId(), required=True, validate=validate.Length(max=MAX_INVESTORS)
    )
    agreement_id = RecordId(
        load_default=None, allow_none=True, metadata={"description": "The investment agreement"}
    )
    closed_on = fields.Date(required=True)
    shares_issued = holdings_field(
        "Shares the round issued to each investor: one entry per investor in an equity round, "
        "none for a convertible note or a bond",
        load_default=list,
    )


class ShareTransferIn(CommandSchema):
    from_party_id = RecordId(required=True)
    to_party_id = RecordId(required=True)
    shares = WholeNumber(
        strict=True, required=True, metadata={"description": "At most what the seller holds"}
    )
    price_per_share = fields.Nested(MoneyIn, required=True)
    transferred_on = fields.Date(required=True)


# ---- responses ------------------------------------------------------------------------------


class AmendmentRequestOut(ma.Schema):
    request_id = fields.String()
    what = fields.String()
    due_on = fields.Date()
    reference = fields.String(allow_none=True)
    outstanding = fields.Boolean(attribute="is_outstanding")


class HoldingOut(ma.Schema):
    party_id = fields.String()
    shares = WholeNumber()


class RegisterOut(AttributesSchema):
    """A listing's shareholder register, read from the listing."""

    RENAMED = {"as_of": "register_as_of"}
    COMPUTED = {"holders": lambda listing: listed_holders(listing.share_register)}

    holders = fields.List(fields.Nested(HoldingOut), metadata={"description": "Largest first"})
    total_shares = WholeNumber()
    as_of = fields.Date(metadata={"description": "Kept from: the listing date, mostly"})


class FinancingRoundOut(ma.Schema):
    round_id = fields.String()
    instrument = fields.String()
    amount = fields.Nested(MoneySchema)
    investor_ids = fields.List(fields.String())
    agreement_id = fields.String(allow_none=True)
    closed_on = fields.Date()
    shares_issued = fields.List(fields.Nested(HoldingOut))


class ShareTransferOut(ma.Schema):
    transfer_id = fields.String()
    from_party_id = fields.String()
    to_party_id = fields.String()
    shares = WholeNumber()
    price_per_share = fields.Nested(MoneySchema)
    consideration = fields.Nested(MoneySchema, metadata={"description": "Shares x price"})
    transferred_on = fields.Date()


def _register(listing: EquityListing) -> EquityListing | None:
    """The listing, for its register's fields; none while no register is kept."""
    return None if listing.share_register is None else listing


class ListingSummarySchema(RecordSchema):
    COMPUTED = {"rounds": lambda listing: len(listing.financing_rounds), "register": _register}

    status = fields.String()
    board = fields.String()
    company_id = fields.String()
    centre_id = fields.String()
    listing_code = fields.String(allow_none=True)
    listed_on = fields.Date(allow_none=True)
    rounds = WholeNumber(metadata={"description": "Financing rounds closed"})
    funds_raised = fields.List(
        fields.Nested(MoneySchema), metadata={"description": "Sum of the rounds, per currency"}
    )
    register = fields.Nested(
        RegisterOut,
        allow_none=True,
        metadata={
            "description": "The shareholder register: none before listing, nor for a company "
            "listed before registers were kept until it is recorded"
        },
    )
    modified_at = fields.DateTime()


class ListingSchema(ListingSummarySchema):
    status_reason = fields.String(
        allow_none=True, metadata={"description": "Why it was rejected, suspended or delisted"}
    )
    amendment_requests = fields.List(fields.Nested(AmendmentRequestOut))
    financing_rounds = fields.List(fields.Nested(FinancingRoundOut))
    share_transfers = fields.List(fields.Nested(ShareTransferOut))
    created_at = fields.DateTime()
    position = command_position()


class ListingListQuerySchema(ListQuery.sorted_by(LISTING_SORT_KEYS)):
    status = fields.Enum(ListingStatus, by_value=True)
    board = fields.Enum(Board, by_value=True)
    centre = fields.UUID(metadata={"description": "Trading centre id"})
    company = fields.UUID(metadata={"description": "Company id"})
    q = QueryText("Listing code or company name contains")


class ListingItemSchema(ListingSummarySchema):
    """A listing in a list: named, for readers who may not read the parties by id."""

    company_name = fields.String(allow_none=True)
    centre_name = fields.String(allow_none=True)


class ListingPageSchema(ma.Schema):
    items = fields.List(fields.Nested(ListingItemSchema))
    next_after = NextCursor()
