"""The bulk import of achievements: its request (CSV text in JSON) and its report."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.domain.external_ref import DEFAULT_SCOPE
from dealtrail.web.api.schemas.common import CommandSchema
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.text import Name

MAX_CSV = 1_000_000


class ImportIn(CommandSchema):
    csv = fields.String(
        required=True,
        validate=validate.Length(1, MAX_CSV),
        metadata={
            "description": "The CSV text, header row first. Required columns: external_ref, "
            "title, field, trl, transfer_modes (a;b), asking_price_currency ('negotiable' for no "
            "price), owner_name, owner_kind, owner_country, contact_name, contact_email. "
            "Optional: asking_price_amount, contact_phone, ip_asset_ids (a;b). A missing owner "
            "party (by exact name and country) is registered."
        },
    )
    scope = Name(
        load_default=DEFAULT_SCOPE,
        metadata={"description": "The source the external_refs are unique in"},
    )


class RowProblemSchema(ma.Schema):
    column = fields.String(metadata={"description": 'The CSV column ("" for the whole row)'})
    code = fields.String()
    message = fields.String()


class RejectedRowSchema(ma.Schema):
    line = WholeNumber(metadata={"description": "Line of the file where the row starts"})
    reference = fields.String(allow_none=True)
    problems = fields.List(fields.Nested(RowProblemSchema))


class ImportedRowSchema(ma.Schema):
    line = WholeNumber()
    reference = fields.String()
    achievement_id = fields.String()


class ImportReportSchema(ma.Schema):
    scope = fields.String()
    imported = fields.List(fields.Nested(ImportedRowSchema))
    already_present = fields.List(fields.Nested(ImportedRowSchema))
    rejected = fields.List(fields.Nested(RejectedRowSchema))
    parties_registered = WholeNumber()
