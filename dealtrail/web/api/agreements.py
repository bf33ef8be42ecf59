"""/api/v1/agreements: draft, open, sign, amend, follow milestones, end; read with history."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from dealtrail.application.commands import agreements as c
from dealtrail.application.ports.views import AgreementQuery
from dealtrail.domain.agreement import Agreement
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import agreement as s
from dealtrail.web.api.schemas.common import EmptyCommandSchema
from dealtrail.web.commands import etag
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("agreements", __name__, url_prefix="/api/v1/agreements", description="Agreements")
agreements = Resource(blp, Agreement, s.AgreementSchema, "Agreement", "agreement_id")
MILESTONE = "/<uuid:agreement_id>/milestones/<string:milestone_id>"

agreements.collection(
    Listing(
        s.AgreementListQuerySchema,
        AgreementQuery,
        s.AgreementPageSchema,
        "agreements",
        "List agreements, filtered by status, kind, party, title, the day they took effect or "
        "the currency of their value.",
    ),
    Step(
        "Agreements",
        "",
        s.AgreementCreateSchema,
        c.DraftAgreement,
        "Draft an agreement between two or more registered parties.",
    ),
)
agreements.by_id(
    "An agreement now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."
)
agreements.steps(
    Step(
        "AgreementDraft",
        "/<uuid:agreement_id>/draft",
        s.DraftRevisionSchema,
        c.ReviseDraft,
        "Revise the terms of a draft (after it opens, only amendments change terms).",
        method="put",
    ),
    Step(
        "AgreementOpening",
        "/<uuid:agreement_id>/opening",
        EmptyCommandSchema,
        c.OpenForSignature,
        "Open the draft for signature: its terms are now fixed.",
    ),
    Step(
        "AgreementCompletion",
        "/<uuid:agreement_id>/completion",
        s.CompletionSchema,
        c.CompleteAgreement,
        "Record that an effective agreement was completed.",
    ),
    Step(
        "AgreementTermination",
        "/<uuid:agreement_id>/termination",
        s.TerminationSchema,
        c.TerminateAgreement,
        "Record that the agreement was terminated, and why.",
    ),
    Step(
        "AgreementExpiry",
        "/<uuid:agreement_id>/expiry",
        EmptyCommandSchema,
        c.ExpireAgreement,
        "Record that the agreement's term has run out.",
    ),
)
agreements.history(
    "Every event of the agreement, oldest first, with who recorded it, when and why."
)
agreements.steps(
    Step(
        "Signatures",
        "/<uuid:agreement_id>/signatures",
        s.SignatureIn,
        c.SignAgreement,
        "Record a party's signature; the last required one makes the agreement effective.",
    ),
    Step(
        "Amendments",
        "/<uuid:agreement_id>/amendments",
        s.AmendmentIn,
        c.ProposeAmendment,
        "Propose new terms; they apply once every required party has signed them.",
    ),
    Step(
        "AmendmentSignatures",
        "/<uuid:agreement_id>/amendments/<string:amendment_id>/signatures",
        s.SignatureIn,
        c.SignAmendment,
        "Record a party's signature of an amendment; the last required one applies it.",
    ),
)


@blp.arguments(s.MilestoneQuerySchema, location="query")
@blp.response(200, s.MilestoneOut(many=True))
def _milestones(_: Any, query: dict[str, Any], agreement_id: UUID) -> tuple[Any, dict[str, str]]:
    """The agreement's milestones; with `overdue_as_of`, only those overdue on that date."""
    agreement = services().ledger.get(Agreement, agreement_id)
    as_of = query.get("overdue_as_of")
    found = agreement.overdue_milestones(as_of) if as_of else agreement.milestones.values()
    return list(found), etag(agreement.version)


ADD_MILESTONE = Step(
    "Milestones",
    "/<uuid:agreement_id>/milestones",
    s.MilestoneIn,
    c.AddMilestone,
    "Add a milestone owned by one of the parties.",
)
agreements.route(
    ADD_MILESTONE.view,
    ADD_MILESTONE.rule,
    get=_milestones,
    post=agreements.command_view(ADD_MILESTONE),
)
agreements.steps(
    Step(
        "MilestoneReschedule",
        f"{MILESTONE}/reschedule",
        s.RescheduleSchema,
        c.RescheduleMilestone,
        "Move a pending milestone's due date, saying why.",
    ),
    Step(
        "MilestoneAchievement",
        f"{MILESTONE}/achievement",
        s.AchievementSchema,
        c.AchieveMilestone,
        "Record that a milestone was achieved, with a reference to the evidence.",
    ),
    Step(
        "MilestoneWaiver",
        f"{MILESTONE}/waiver",
        s.WaiverSchema,
        c.WaiveMilestone,
        "Waive a pending milestone, saying why.",
    ),
)
