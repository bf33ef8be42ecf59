"""Agreement request and response bodies."""

from __future__ import annotations

from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import AGREEMENT_SORT_KEYS
from dealtrail.domain.agreement import AgreementStatus
from dealtrail.domain.calendar import check_on_record
from dealtrail.domain.errors import fail
from dealtrail.domain.money import CURRENCY_CODES
from dealtrail.domain.terms import AgreementKind, Instalment, Participant, PartyRole, Terms
from dealtrail.web.api.schemas.common import CommandSchema, RecordId, Strict, domain_rule, to_domain
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.money import MoneyIn, MoneySchema
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.refusals import refused
from dealtrail.web.api.schemas.text import Name, QueryText, Reason, Text

MAX_PARTIES = 50
MAX_INSTALMENTS = 500


class InstalmentIn(Strict):
    due_on = fields.Date(required=True)
    amount = fields.Nested(MoneyIn, required=True)
    description = Text(load_default="")

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Instalment:
        return Instalment(**data)


class TermsIn(Strict):
    RULES: ClassVar[dict[str, Any]] = {
        "oneOf": [  # a payment schedule needs a contract value
            {"properties": {"payment_schedule": {"maxItems": 0}}},
            {
                "required": ["value", "payment_schedule"],
                "properties": {"value": {"type": "object"}, "payment_schedule": {"minItems": 1}},
            },
        ]
    }
    title = Name(required=True, metadata={"example": "International cooperation agreement"})
    summary = Text(load_default="")
    value = fields.Nested(MoneyIn, load_default=None, allow_none=True)
    starts_on = fields.Date(load_default=None, allow_none=True)
    ends_on = fields.Date(load_default=None, allow_none=True)
    payment_schedule = fields.List(
        fields.Nested(InstalmentIn),
        load_default=list,
        validate=validate.Length(max=MAX_INSTALMENTS),
    )

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Terms:
        return to_domain(lambda: Terms(**data))


class ParticipantIn(Strict):
    party_id = fields.UUID(required=True)
    role = fields.Enum(PartyRole, by_value=True, required=True)
    must_sign = fields.Boolean(
        load_default=True, metadata={"description": "Required to sign before it takes effect"}
    )

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Participant:
        return Participant(str(data["party_id"]), data["role"], data["must_sign"])


class AgreementCreateSchema(CommandSchema):
    kind = fields.Enum(AgreementKind, by_value=True, required=True)
    terms = fields.Nested(TermsIn, required=True)
    parties = fields.List(
        fields.Nested(ParticipantIn), required=True, validate=validate.Length(2, MAX_PARTIES)
    )


class DraftRevisionSchema(CommandSchema):
    terms = fields.Nested(TermsIn, required=True)


class SignatureIn(CommandSchema):
    party_id = RecordId(required=True)
    signatory_name = Name(required=True)
    signatory_title = Name(required=True)
    signed_on = fields.Date(required=True, metadata={"description": "May be back-dated"})


class CompletionSchema(CommandSchema):
    completed_on = fields.Date(required=True)


class TerminationSchema(CommandSchema):
    reason = Reason(required=True)
    terminated_on = fields.Date(required=True)


class AmendmentIn(CommandSchema):
    terms = fields.Nested(TermsIn, required=True)
    rationale = Reason(required=True)
    proposed_on = fields.Date(
        load_default=None,
        metadata={
            "description": "When the amendment was proposed; defaults to the day `effective_at` "
            "names, else today (UTC)"
        },
    )


class MilestoneIn(CommandSchema):
    title = Name(required=True)
    due_on = fields.Date(required=True)
    owner_party_id = RecordId(required=True)
    deliverable = Text(load_default="")


class RescheduleSchema(CommandSchema):
    due_on = fields.Date(required=True)
    reason = Reason(required=True)


class AchievementSchema(CommandSchema):
    evidence_ref = Name(required=True, metadata={"description": "Where the evidence is kept"})
    achieved_on = fields.Date(required=True)


class WaiverSchema(CommandSchema):
    reason = Reason(required=True)


# ---- responses ------------------------------------------------------------------------------


class InstalmentOut(ma.Schema):
    due_on = fields.Date()
    amount = fields.Nested(MoneySchema)
    description = fields.String()


class TermsOut(ma.Schema):
    title = fields.String()
    summary = fields.String()
    value = fields.Nested(MoneySchema, allow_none=True)
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)
    payment_schedule = fields.List(fields.Nested(InstalmentOut))


class ParticipantOut(ma.Schema):
    party_id = fields.String()
    role = fields.String()
    must_sign = fields.Boolean()


class SignatureOut(ma.Schema):
    party_id = fields.String()
    signatory_name = fields.String()
    signatory_title = fields.String()
    signed_on = fields.Date()


_SIGNATURES = SignatureOut(many=True)  # built once: the records' dumps reuse it


class AmendmentOut(ma.Schema):
    amendment_id = fields.String()
    rationale = fields.String()
    state = fields.String()
    proposed_on = fields.Date(allow_none=True, metadata={"description": "Null if undated"})
    terms = fields.Nested(TermsOut)
    previous_terms = fields.Nested(TermsOut)
    signatures = fields.Function(lambda a: _SIGNATURES.dump(a.signatures.values()))


class MilestoneOut(ma.Schema):
    milestone_id = fields.String()
    title = fields.String()
    due_on = fields.Date()
    owner_party_id = fields.String()
    deliverable = fields.String()
    state = fields.String()
    evidence_ref = fields.String(allow_none=True)
    achieved_on = fields.Date(allow_none=True)
    waived_reason = fields.String(allow_none=True)


class AgreementSchema(RecordSchema):
    kind = fields.String()
    status = fields.String()
    terms = fields.Nested(TermsOut)
    parties = fields.List(fields.Nested(ParticipantOut))
    signatures = fields.List(fields.Nested(SignatureOut))
    awaiting_signatures = fields.List(fields.String())
    effective_on = fields.Date(allow_none=True)
    ended_on = fields.Date(allow_none=True)
    end_reason = fields.String(allow_none=True)
    amendments = fields.List(fields.Nested(AmendmentOut))
    milestones = fields.List(fields.Nested(MilestoneOut))
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class AgreementListQuerySchema(ListQuery.sorted_by(AGREEMENT_SORT_KEYS)):
    status = fields.Enum(AgreementStatus, by_value=True)
    kind = fields.Enum(AgreementKind, by_value=True)
    party_id = fields.UUID()
    q = QueryText("Title contains")
    effective_from = fields.Date(metadata={"description": "Took effect on or after this day"})
    effective_to = fields.Date(metadata={"description": "Took effect on or before this day"})
    currency = fields.String(
        validate=validate.OneOf(CURRENCY_CODES),
        metadata={
            "description": "Valued in this currency (ISO 4217): agreements without a value are "
            "left out, so a deal-value bar lists exactly its agreements",
            "example": "CNY",
            "enum": CURRENCY_CODES,
        },
    )

    @ma.validates_schema
    def _range(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("effective_from"), data.get("effective_to")
        if start and end and start > end:
            error = fail(
                "agreement.effective_range_reversed", effective_from=start, effective_to=end
            )
            raise refused(error, "effective_to")


class AgreementSummarySchema(RecordSchema):
    kind = fields.String()
    status = fields.String()
    title = fields.String()
    value = fields.Nested(MoneySchema, allow_none=True)
    party_ids = fields.List(fields.String())
    party_names = fields.List(
        fields.String(allow_none=True),
        metadata={"description": "The parties' names, in the order of party_ids"},
    )
    awaiting_signatures = fields.List(fields.String())
    effective_on = fields.Date(allow_none=True, metadata={"description": "Day it took effect"})
    modified_at = fields.DateTime()


class AgreementPageSchema(ma.Schema):
    items = fields.List(fields.Nested(AgreementSummarySchema))
    next_after = NextCursor()


class MilestoneQuerySchema(Strict):
    overdue_as_of = fields.Date(
        validate=domain_rule(check_on_record, "overdue_as_of"),
        metadata={"description": "Only milestones overdue on this date"},
    )
