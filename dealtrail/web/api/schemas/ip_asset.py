"""IP asset request and response bodies."""

from __future__ import annotations

from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import IP_ASSET_SORT_KEYS
from dealtrail.domain.country import COUNTRY_CODES
from dealtrail.domain.ip_asset import AssetStatus
from dealtrail.domain.ip_identifiers import NUMBERS, REGIONAL_OFFICES, AssetKind, IdentifierKind
from dealtrail.web.api.schemas.common import CommandSchema, RecordId, Strict
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.text import Name, QueryText, Reason
from dealtrail.web.spec_fields import ABSENT

MAX_IDENTIFIERS = 20
NUMBER = validate.Length(1, 60)
OFFICE = validate.Length(equal=2)
# The offices the record knows: a country's (ISO 3166-1 alpha-2), or a regional one.
IP_OFFICES = sorted((*COUNTRY_CODES, *REGIONAL_OFFICES))
NATIONAL = {"enum": list(COUNTRY_CODES)}


def _shape(kind: AssetKind) -> dict[str, Any]:
    """What an asset of `kind` is registered with: the numbers it has, the offices it is filed
    with (regional ones for patents only), a filing date unless it is know-how (never filed)."""
    numbers = NUMBERS[kind]
    shape: dict[str, Any] = {
        "kind": {"enum": [str(kind)]},
        "identifiers": (
            {"items": {"properties": {"kind": {"enum": [str(number) for number in numbers]}}}}
            if numbers
            else {"maxItems": 0}
        ),
    }
    if kind != AssetKind.PATENT:
        shape["jurisdiction"] = NATIONAL
    if kind == AssetKind.KNOW_HOW:
        shape["filed_on"] = ABSENT
    return {"properties": shape}


def Office(**metadata: Any) -> fields.String:
    return fields.String(required=True, validate=OFFICE, metadata={"enum": IP_OFFICES, **metadata})


class IdentifierIn(Strict):
    kind = fields.Enum(IdentifierKind, by_value=True, required=True)
    number = fields.String(
        required=True,
        validate=NUMBER,
        metadata={"description": "As written; normalised by the office", "example": "16/123,456"},
    )

    @ma.post_load
    def _pair(self, data: dict[str, Any], **_: Any) -> tuple[str, str]:
        return str(data["kind"]), data["number"]


class AssetCreateSchema(CommandSchema):
    RULES: ClassVar[dict[str, Any]] = {"oneOf": [_shape(kind) for kind in AssetKind]}
    holder_party_id = RecordId(required=True, metadata={"description": "A registered party"})
    kind = fields.Enum(AssetKind, by_value=True, required=True)
    jurisdiction = Office(description="ISO 3166-1 alpha-2, or EP, EA, WO", example="CN")
    title = Name(required=True, metadata={"example": "Graphene membrane for desalination"})
    identifiers = fields.List(
        fields.Nested(IdentifierIn),
        load_default=list,
        validate=validate.Length(max=MAX_IDENTIFIERS),
        metadata={"description": "None for know-how"},
    )
    filed_on = fields.Date(
        load_default=None,
        metadata={"description": "When the application was filed, if known (never for know-how)"},
    )


class GrantSchema(CommandSchema):
    granted_on = fields.Date(required=True)
    grant_number = fields.String(
        load_default=None,
        validate=NUMBER,
        metadata={"description": "Grant (or registration) number", "example": "CN112345678B"},
    )


class LapseSchema(CommandSchema):
    lapsed_on = fields.Date(required=True)
    reason = Reason(required=True, metadata={"example": "Annual fee not paid"})


class ExpirySchema(CommandSchema):
    expired_on = fields.Date(required=True)


class IdentifierOut(ma.Schema):
    kind = fields.String()
    number = fields.String()


class AssetSchema(RecordSchema):
    kind = fields.String()
    jurisdiction = fields.String()
    title = fields.String()
    holder_party_id = fields.String(metadata={"description": "Who registered the asset"})
    owner_party_id = fields.String(
        metadata={"description": "Owner of record: changes only when an assignment is recorded"}
    )
    identifiers = fields.List(fields.Nested(IdentifierOut))
    status = fields.String()
    filed_on = fields.Date(allow_none=True)
    granted_on = fields.Date(allow_none=True)
    ended_on = fields.Date(allow_none=True)
    lapse_reason = fields.String(allow_none=True)
    title_transfers = fields.List(
        fields.String(), metadata={"description": "Recorded assignments that moved the owner"}
    )
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class AssetListQuerySchema(ListQuery.sorted_by(IP_ASSET_SORT_KEYS)):
    kind = fields.Enum(AssetKind, by_value=True)
    jurisdiction = fields.String(validate=OFFICE)
    holder_party_id = fields.UUID()
    owner_party_id = fields.UUID()
    status = fields.Enum(AssetStatus, by_value=True)
    q = QueryText("Title or any number contains")


class AssetSummarySchema(RecordSchema):
    kind = fields.String()
    jurisdiction = fields.String()
    title = fields.String()
    status = fields.String()
    holder_party_id = fields.String()
    owner_party_id = fields.String()
    numbers = fields.List(fields.String())
    modified_at = fields.DateTime()


class AssetPageSchema(ma.Schema):
    items = fields.List(fields.Nested(AssetSummarySchema))
    next_after = NextCursor()
