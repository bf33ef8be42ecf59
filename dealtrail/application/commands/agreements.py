"""Commands on agreements: drafting, signatures, amendments, milestones and their end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.application.commands.parties import check_registered
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.terms import AgreementKind, Participant, Terms

# The names a signatory's fields have always had in a signature's fingerprint.
SIGNATORY = {"signatory_name": "name", "signatory_title": "title"}


@command("agreement.draft")
class DraftAgreement(Create[Agreement]):
    kind: AgreementKind
    terms: Terms
    parties: list[Participant]

    def check(self, records: Records) -> None:
        for index, participant in enumerate(self.parties):
            check_registered(records, participant.party_id, f"parties.{index}.party_id")

    def build(self) -> Agreement:
        return Agreement.draft(self.kind, self.terms, self.parties)


@dataclass(frozen=True, kw_only=True)
class AgreementChange(Change[Agreement]):
    AGGREGATE = Agreement
    TARGET = "agreement_id"
    agreement_id: UUID


@command("agreement.revise_draft", acts="revise_draft")
class ReviseDraft(AgreementChange):
    terms: Terms


@command("agreement.open", acts="open_for_signature")
class OpenForSignature(AgreementChange):
    pass


@command("agreement.sign", acts="sign", on="signed_on", arguments=SIGNATORY)
class SignAgreement(AgreementChange):
    party_id: str
    signatory_name: str
    signatory_title: str
    signed_on: date


@command("agreement.complete", acts="complete", on="completed_on")
class CompleteAgreement(AgreementChange):
    completed_on: date


@command("agreement.terminate", acts="terminate", on="terminated_on")
class TerminateAgreement(AgreementChange):
    reason: str
    terminated_on: date


@command("agreement.expire", acts="expire")
class ExpireAgreement(AgreementChange):
    pass


@command("agreement.propose_amendment", acts="propose_amendment", on="proposed_on")
class ProposeAmendment(AgreementChange):
    terms: Terms
    rationale: str
    proposed_on: date | None = None

    def arguments(self) -> dict[str, Any]:
        arguments = super().arguments()
        if self.proposed_on is None:  # commands recorded before it was dated keep their key
            del arguments["on"]
        return arguments


@command("agreement.sign_amendment", acts="sign_amendment", on="signed_on", arguments=SIGNATORY)
class SignAmendment(AgreementChange):
    amendment_id: str
    party_id: str
    signatory_name: str
    signatory_title: str
    signed_on: date


@command("agreement.add_milestone", acts="add_milestone", arguments={"owner_party_id": "owner"})
class AddMilestone(AgreementChange):
    title: str
    due_on: date
    owner_party_id: str
    deliverable: str = ""


@command("agreement.reschedule_milestone", acts="reschedule_milestone")
class RescheduleMilestone(AgreementChange):
    milestone_id: str
    due_on: date
    reason: str


@command("agreement.achieve_milestone", acts="achieve_milestone", on="achieved_on")
class AchieveMilestone(AgreementChange):
    milestone_id: str
    evidence_ref: str
    achieved_on: date


@command("agreement.waive_milestone", acts="waive_milestone")
class WaiveMilestone(AgreementChange):
    milestone_id: str
    reason: str
