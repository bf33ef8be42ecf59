"""Achievement request and response bodies (the supermarket and its bulk import)."""

from __future__ import annotations

from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import ACHIEVEMENT_SORT_KEYS
from dealtrail.domain.achievement import AchievementStatus
from dealtrail.domain.errors import fail
from dealtrail.domain.external_ref import DEFAULT_SCOPE, ExternalRef
from dealtrail.domain.offer import AchievementField, Offer, TransferMode
from dealtrail.web.api.schemas.common import CommandSchema, RecordId, Strict, to_domain
from dealtrail.web.api.schemas.contact import ContactIn
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.money import MoneyIn, MoneySchema
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.refusals import refused
from dealtrail.web.api.schemas.text import Name, QueryText, Reason
from dealtrail.web.spec_fields import NULL_ONLY

_MONEY = MoneySchema()  # one per process: a schema is cheap to reuse, not to build

NEGOTIABLE = "negotiable"
MAX_IP_ASSETS = 100


def money_or_negotiable(money: str) -> dict[str, Any]:
    """The document's asking price: the `money` component (MoneyIn in requests, Money in
    answers), or "negotiable"."""
    return {
        "oneOf": [
            {"$ref": f"#/components/schemas/{money}"},
            {"type": "string", "enum": [NEGOTIABLE]},
        ],
        "description": 'Money, or "negotiable"',
        "example": {"amount": "3500000.00", "currency": "CNY"},
    }


class AskingPrice(fields.Field):
    """Money ({"amount", "currency"}), or the string "negotiable" (loaded as None)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if value == NEGOTIABLE:
            return None
        if isinstance(value, dict):
            return MoneyIn().load(value)
        raise ma.ValidationError('Give {"amount": ..., "currency": ...} or "negotiable".')

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return NEGOTIABLE if value is None else _MONEY.dump(value)


class OfferIn(Strict):
    title = Name(required=True, metadata={"example": "High-power laser welding process"})
    field = fields.Enum(AchievementField, by_value=True, required=True)
    trl = WholeNumber(
        required=True,
        strict=True,
        validate=validate.Range(1, 9),
        metadata={"description": "Technology readiness level, 1 to 9"},
    )
    transfer_modes = fields.List(
        fields.Enum(TransferMode, by_value=True),
        required=True,
        validate=validate.Length(1, len(TransferMode)),
        metadata={"uniqueItems": True},
    )
    asking_price = AskingPrice(required=True, metadata=money_or_negotiable("MoneyIn"))
    ip_asset_ids = fields.List(
        fields.UUID(), load_default=list, validate=validate.Length(max=MAX_IP_ASSETS)
    )

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Offer:
        data["ip_asset_ids"] = [str(i) for i in data["ip_asset_ids"]]
        return to_domain(lambda: Offer(**data))


class ExternalRefIn(Strict):
    scope = Name(load_default=DEFAULT_SCOPE, metadata={"description": "The source system"})
    reference = Name(required=True, metadata={"description": "Unique within the scope"})

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> ExternalRef:
        return to_domain(lambda: ExternalRef(**data), within="external_ref.")


class AchievementCreateSchema(CommandSchema):
    owner_party_id = RecordId(required=True)
    offer = fields.Nested(OfferIn, required=True)
    contact = fields.Nested(ContactIn, required=True, metadata={"description": "Personal data"})
    external_ref = fields.Nested(ExternalRefIn, load_default=None, allow_none=True)


class NegotiationIn(CommandSchema):
    counterparty_id = RecordId(required=True, metadata={"description": "The prospective buyer"})


class FallThroughIn(CommandSchema):
    reason = Reason(required=True)


class TransactionIn(CommandSchema):
    RULES: ClassVar[dict[str, Any]] = {
        "oneOf": [
            {
                "required": ["agreement_id"],
                "properties": {"agreement_id": {"type": "string"}, "ip_transfer_id": NULL_ONLY},
            },
            {
                "required": ["ip_transfer_id"],
                "properties": {"agreement_id": NULL_ONLY, "ip_transfer_id": {"type": "string"}},
            },
        ]
    }
    transacted_on = fields.Date(required=True)
    agreement_id = RecordId(load_default=None, metadata={"description": "Either this..."})
    ip_transfer_id = RecordId(load_default=None, metadata={"description": "...or this"})


class WithdrawalIn(CommandSchema):
    reason = Reason(required=True)


class ExhibitionIn(CommandSchema):
    event_id = RecordId(required=True, metadata={"description": "The trading event"})


# ---- responses ------------------------------------------------------------------------------


class OfferOut(ma.Schema):
    title = fields.String()
    field = fields.String()
    trl = WholeNumber()
    transfer_modes = fields.List(fields.String())
    asking_price = AskingPrice(metadata=money_or_negotiable("Money"))
    ip_asset_ids = fields.List(fields.String())


class ContactOut(ma.Schema):
    name = fields.String()
    email = fields.String()
    phone = fields.String(allow_none=True)


class ExternalRefOut(ma.Schema):
    scope = fields.String()
    reference = fields.String()


class TransactionOut(ma.Schema):
    transacted_on = fields.Date()
    agreement_id = fields.String(allow_none=True)
    ip_transfer_id = fields.String(allow_none=True)


class AchievementDetailSchema(RecordSchema):
    status = fields.String()
    owner_party_id = fields.String()
    offer = fields.Nested(OfferOut)
    contact = fields.Nested(ContactOut)
    external_ref = fields.Nested(ExternalRefOut, allow_none=True)
    counterparty_id = fields.String(allow_none=True)
    transaction = fields.Nested(TransactionOut, allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)
    exhibited_at = fields.List(fields.String(), metadata={"description": "Trading event ids"})
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class AchievementListQuerySchema(ListQuery.sorted_by(ACHIEVEMENT_SORT_KEYS)):
    q = QueryText("Title contains")
    field = fields.Enum(AchievementField, by_value=True)
    trl_min = WholeNumber(validate=validate.Range(1, 9))
    trl_max = WholeNumber(validate=validate.Range(1, 9))
    transfer_mode = fields.Enum(TransferMode, by_value=True)
    owner_country = fields.String(validate=validate.Length(equal=2))
    alliance = Name(metadata={"description": "The owner is a member of this alliance"})
    status = fields.Enum(AchievementStatus, by_value=True)

    @ma.validates_schema
    def _range(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("trl_min", 1) > data.get("trl_max", 9):
            raise refused(fail("achievement.trl_range_reversed"), "trl_max")


class AchievementSummarySchema(RecordSchema):
    title = fields.String()
    field = fields.String()
    trl = WholeNumber()
    status = fields.String()
    transfer_modes = fields.List(fields.String())
    asking_price = fields.Raw(metadata=money_or_negotiable("Money"))
    owner_party_id = fields.String()
    owner_name = fields.String(allow_none=True)
    owner_country = fields.String(allow_none=True)
    external_ref = fields.Nested(ExternalRefOut, allow_none=True)
    modified_at = fields.DateTime()


class AchievementPageSchema(ma.Schema):
    items = fields.List(fields.Nested(AchievementSummarySchema))
    next_after = NextCursor()
