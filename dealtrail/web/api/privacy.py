"""/api/v1/privacy/erasures: forget a data subject (admin)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from marshmallow import fields

from dealtrail.application.commands.privacy import forget
from dealtrail.web.api.schemas.common import CommandSchema
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.text import Name, Reason
from dealtrail.web.commands import command, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("privacy", __name__, url_prefix="/api/v1/privacy", description="Data protection")


class ErasureIn(CommandSchema):
    name = Name(required=True, metadata={"description": "The personal value to forget"})
    reason = Reason(required=True, metadata={"example": "Erasure request under GDPR art. 17"})


class InClearOut(ma.Schema):
    party_id = fields.String()
    versions = fields.List(WholeNumber())


class ErasureOut(ma.Schema):
    id = fields.UUID()
    subjects_forgotten = WholeNumber()
    position = WholeNumber()
    in_clear = fields.List(
        fields.Nested(InClearOut),
        metadata={
            "description": "Individuals so named whose events an older build recorded with "
            "their name or identifiers in plain text: those events (by version) keep them, in "
            "the party's history, the global log and audit bundles. Empty once nothing stays."
        },
    )


@blp.route("/erasures")
class Erasures(MethodView):
    @blp.arguments(ErasureIn)
    @blp.response(201, ErasureOut)
    def post(self, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """Destroy the keys of a data subject: their personal data reads as erased everywhere,
        while the log and its proofs stay intact. Recorded as an event (without the value)."""
        svc = services()
        with command(body) as options:
            forgotten = forget(svc.ledger, body["name"], body["reason"], svc.views.parties, options)
        result = forgotten.result
        erasure = result.aggregate
        return (
            {
                "id": erasure.id,
                "subjects_forgotten": len(erasure.subjects),
                "position": result.position,
                "in_clear": [{"party_id": p, "versions": v} for p, v in forgotten.in_clear.items()],
            },
            result_headers(result),
        )
