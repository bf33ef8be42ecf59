"""Party request and response bodies."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import PARTY_SORT_KEYS
from dealtrail.domain.country import COUNTRY_CODES
from dealtrail.domain.party import PartyKind
from dealtrail.domain.party_identifiers import SCHEMES
from dealtrail.web.api.schemas.common import CommandSchema
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.text import Name, QueryText

MAX_IDENTIFIERS = 20


class PartyCreateSchema(CommandSchema):
    name = Name(required=True, metadata={"example": "Xi'an Jiaotong University"})
    kind = fields.Enum(PartyKind, by_value=True, required=True)
    country = fields.String(
        required=True,
        validate=validate.Length(equal=2),
        metadata={"description": "ISO 3166-1 alpha-2", "example": "CN", "enum": COUNTRY_CODES},
    )
    identifiers = fields.Dict(
        keys=Name(50, what="identifier scheme"),
        values=Name(what="identifier"),
        load_default=dict,
        validate=validate.Length(max=MAX_IDENTIFIERS),
        metadata={
            "description": "Scheme → number, each checked (check digits too) and stored compact. "
            "Schemes: " + "; ".join(f"`{k}` {v.name}" for k, v in SCHEMES.items()) + ".",
            "example": {"uscc": "91110000600037341L", "ror": "03vek6s52"},
        },
    )


class PartyRenameSchema(CommandSchema):
    name = Name(required=True)


class AllianceSchema(CommandSchema):
    alliance = Name(required=True, metadata={"example": "Silk Road University Alliance"})


class PartySchema(RecordSchema):
    name = fields.String()
    kind = fields.String()
    country = fields.String()
    identifiers = fields.Dict(keys=fields.String(), values=fields.String())
    alliances = fields.List(fields.String())
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class PartyListQuerySchema(ListQuery.sorted_by(PARTY_SORT_KEYS)):
    country = fields.String(validate=validate.Length(equal=2))
    kind = fields.Enum(PartyKind, by_value=True)
    alliance = Name()
    q = QueryText("Name contains")
    event_id = fields.UUID(
        metadata={
            "description": "Presented a project at this trading event or is party to an "
            "agreement signed there (with `country`: the parties behind a country of the "
            "event's map); an unknown event lists none"
        }
    )


class PartyPageSchema(ma.Schema):
    items = fields.List(fields.Nested(PartySchema))
    next_after = NextCursor()
