"""IP transfer request and response bodies."""

from __future__ import annotations

from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import IP_TRANSFER_SORT_KEYS
from dealtrail.domain.consideration import AMOUNTS, PERCENTAGES, ConsiderationKind, Schedule
from dealtrail.domain.country import COUNTRY_CODES
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_identifiers import AssetKind
from dealtrail.domain.money import CURRENCY_CODES
from dealtrail.domain.transfer_terms import (
    Term,
    Territory,
    TransferMode,
    TransferStatus,
    ValuationMethod,
)
from dealtrail.web.api.schemas.agreement import InstalmentIn, InstalmentOut
from dealtrail.web.api.schemas.common import CommandSchema, RecordId, Strict, to_domain
from dealtrail.web.api.schemas.ip_asset import Office
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.money import MoneyIn, MoneySchema
from dealtrail.web.api.schemas.numbers import ExactDecimal
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.refusals import refused
from dealtrail.web.api.schemas.text import Name, Reason
from dealtrail.web.spec_fields import ABSENT, NULL_ONLY

_MONEY = MoneySchema()  # one per process: a schema is cheap to reuse, not to build

MAX_COUNTRIES = 250
MAX_INSTALMENTS = 500


# More than 0, at most 100, at most 4 decimal places (the domain's rules), as the exact decimal
# text the API reads (web/json.py): 100; 1 to 99 with a fraction; 0 with a fraction not all zeros.
PERCENT_TEXT = (
    r"^(?:0*100(?:\.0{1,4})?|0*[1-9][0-9]?(?:\.[0-9]{1,4})?"
    r"|0+\.(?:[1-9][0-9]{0,3}|0[1-9][0-9]{0,2}|00[1-9][0-9]?|000[1-9]))$"
)
PERCENT = [
    {"type": "string", "pattern": PERCENT_TEXT},
    {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 100},
]


def Percent(metadata: dict[str, Any]) -> ExactDecimal:
    """A percentage as an exact decimal: more than 0, at most 100."""
    return ExactDecimal(in_request=True, metadata={"oneOf": PERCENT, **metadata})


class TerritoryIn(Strict):
    RULES: ClassVar[dict[str, Any]] = {
        "oneOf": [
            {
                "required": ["worldwide"],
                "properties": {"worldwide": {"enum": [True]}, "countries": {"maxItems": 0}},
            },
            {
                "required": ["countries"],
                "properties": {"worldwide": {"enum": [False]}, "countries": {"minItems": 1}},
            },
        ],
        "description": "Worldwide, or the countries named",
    }
    worldwide = fields.Boolean(load_default=False)
    countries = fields.List(
        fields.String(validate=validate.Length(equal=2), metadata={"enum": COUNTRY_CODES}),
        load_default=list,
        validate=validate.Length(max=MAX_COUNTRIES),
        metadata={"description": "ISO 3166-1 alpha-2 codes, unless worldwide"},
    )

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Territory:
        return to_domain(lambda: Territory(**data))


class TermIn(Strict):
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(load_default=None, allow_none=True, metadata={"description": "Licences"})

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Term:
        return to_domain(lambda: Term(**data))


ASSIGNMENT = {"enum": [str(TransferMode.ASSIGNMENT)]}
LICENCES = {"enum": [str(mode) for mode in TransferMode if mode != TransferMode.ASSIGNMENT]}


class TransferCreateSchema(CommandSchema):
    RULES: ClassVar[dict[str, Any]] = {
        "oneOf": [  # an assignment is for good: its term has no end
            {"properties": {"mode": ASSIGNMENT, "term": {"properties": {"ends_on": NULL_ONLY}}}},
            {"properties": {"mode": LICENCES}},
        ]
    }
    asset_id = RecordId(required=True)
    holder_party_id = RecordId(required=True, metadata={"description": "Owner of record"})
    recipient_party_id = RecordId(required=True)
    mode = fields.Enum(TransferMode, by_value=True, required=True)
    territory = fields.Nested(TerritoryIn, required=True)
    term = fields.Nested(TermIn, required=True)


class ValuationIn(CommandSchema):
    appraiser = Name(required=True, metadata={"example": "Shaanxi Zhongxin Asset Appraisal"})
    method = fields.Enum(ValuationMethod, by_value=True, required=True)
    value = fields.Nested(MoneyIn, required=True)
    valuated_on = fields.Date(required=True)


class ContractIn(CommandSchema):
    agreement_id = RecordId(required=True, metadata={"description": "An effective agreement"})


class RecordalIn(CommandSchema):
    office = Office(example="CN")
    recordal_number = Name(required=True, metadata={"example": "2026990000123"})
    recorded_on = fields.Date(required=True)


def _shape(kind: ConsiderationKind) -> dict[str, Any]:
    """What a schedule of `kind` gives: as many amounts as it lists, the percentage it needs
    and no other, and the currency if it lists no amount."""
    fewest, most, _ = AMOUNTS[kind]
    amounts = {"minItems": fewest, **({} if most is None else {"maxItems": most})}
    needed = [name for name, needs in PERCENTAGES.items() if needs == kind]
    return {
        "required": needed + (["currency"] if most == 0 else ["instalments"]),
        "properties": {
            "kind": {"enum": [str(kind)]},
            "instalments": amounts,
            **{name: ABSENT for name in PERCENTAGES if name not in needed},
        },
    }


class ScheduleIn(CommandSchema):
    RULES: ClassVar[dict[str, Any]] = {"oneOf": [_shape(kind) for kind in ConsiderationKind]}
    kind = fields.Enum(ConsiderationKind, by_value=True, required=True)
    currency = fields.String(
        validate=validate.Length(equal=3),
        metadata={
            "description": "Defaults to the amounts' currency; needed for royalties",
            "enum": CURRENCY_CODES,
        },
    )
    instalments = fields.List(
        fields.Nested(InstalmentIn),
        load_default=list,
        validate=validate.Length(max=MAX_INSTALMENTS),
        metadata={"description": "One for a lump sum or equity, two or more for instalments"},
    )
    royalty_rate = Percent(metadata={"description": "Per cent of net sales", "example": "3.5"})
    equity_percent = Percent(metadata={"description": "Per cent of the company", "example": "5"})

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        metadata = {k: data.pop(k) for k in CommandSchema.METADATA if k in data}
        instalments = data["instalments"]
        currency = data.pop("currency", None) or (
            instalments[0].amount.currency if instalments else None
        )
        if currency is None:
            raise refused(fail("consideration.currency_missing"), "currency")
        schedule = to_domain(lambda: Schedule(currency=currency, **data))
        return {"schedule": schedule, **metadata}


class PaymentIn(CommandSchema):
    amount = fields.Nested(MoneyIn, required=True)
    paid_on = fields.Date(required=True)
    reference = Name(required=True, metadata={"example": "Bank transfer 2026-11-30 #0042"})


class CompletionIn(CommandSchema):
    completed_on = fields.Date(required=True)


class CancellationIn(CommandSchema):
    reason = Reason(required=True)
    cancelled_on = fields.Date(required=True)


# ---- responses ------------------------------------------------------------------------------


class TerritoryOut(ma.Schema):
    worldwide = fields.Boolean()
    countries = fields.List(fields.String())


class TermOut(ma.Schema):
    starts_on = fields.Date()
    ends_on = fields.Date(allow_none=True)


class ValuationOut(ma.Schema):
    appraiser = fields.String()
    method = fields.String()
    value = fields.Nested(MoneySchema)
    valuated_on = fields.Date()


class RecordalOut(ma.Schema):
    office = fields.String()
    recordal_number = fields.String()
    recorded_on = fields.Date()


class ScheduleOut(ma.Schema):
    kind = fields.String()
    currency = fields.String()
    instalments = fields.List(fields.Nested(InstalmentOut))
    royalty_rate = ExactDecimal(allow_none=True)
    equity_percent = ExactDecimal(allow_none=True)
    total = fields.Function(
        lambda s: _MONEY.dump(s.total()) if s.total() else None,
        metadata={"description": "Everything owed; null for a running royalty"},
    )


class PaymentOut(ma.Schema):
    payment_id = fields.String()
    amount = fields.Nested(MoneySchema)
    paid_on = fields.Date()
    reference = fields.String()


class TransferSchema(RecordSchema):
    RENAMED = {**RecordSchema.RENAMED, "consideration": "schedule"}

    asset_id = fields.String()
    asset_kind = fields.String()
    holder_party_id = fields.String()
    recipient_party_id = fields.String()
    mode = fields.String()
    territory = fields.Nested(TerritoryOut)
    term = fields.Nested(TermOut)
    status = fields.String()
    valuation = fields.Nested(ValuationOut, allow_none=True)
    agreement_id = fields.String(allow_none=True)
    contract_signed_on = fields.Date(allow_none=True)
    recordal = fields.Nested(RecordalOut, allow_none=True)
    consideration = fields.Nested(ScheduleOut, allow_none=True)
    payments = fields.List(fields.Nested(PaymentOut))
    paid = fields.Nested(MoneySchema, allow_none=True)
    outstanding = fields.Nested(
        MoneySchema,
        allow_none=True,
        metadata={"description": "Still owed; null without a schedule or for royalties"},
    )
    ended_on = fields.Date(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class TransferListQuerySchema(ListQuery.sorted_by(IP_TRANSFER_SORT_KEYS)):
    asset_id = fields.UUID()
    asset_kind = fields.Enum(AssetKind, by_value=True)
    mode = fields.Enum(TransferMode, by_value=True)
    status = fields.Enum(TransferStatus, by_value=True)
    party_id = fields.UUID(metadata={"description": "Holder or recipient"})


class TransferSummarySchema(RecordSchema):
    asset_id = fields.String()
    asset_title = fields.String(allow_none=True, metadata={"description": "The IP asset's title"})
    asset_kind = fields.String()
    mode = fields.String()
    status = fields.String()
    holder_party_id = fields.String()
    holder_name = fields.String(allow_none=True)
    recipient_party_id = fields.String()
    recipient_name = fields.String(allow_none=True)
    value = fields.Nested(MoneySchema, allow_none=True)
    outstanding = fields.Nested(MoneySchema, allow_none=True)
    contract_signed_on = fields.Date(allow_none=True)
    modified_at = fields.DateTime()


class TransferPageSchema(ma.Schema):
    items = fields.List(fields.Nested(TransferSummarySchema))
    next_after = NextCursor()
