"""Commands on agreements: drafting, signatures, amendments, milestones and their end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import fail
from dealtrail.domain.party import Party
from dealtrail.domain.terms import AgreementKind, Participant, Terms


@dataclass(frozen=True, kw_only=True)
class DraftAgreement(Create[Agreement]):
    NAME = "agreement.draft"
    kind: AgreementKind
    terms: Terms
    parties: list[Participant]

    def check(self, records: Records) -> None:
        for index, participant in enumerate(self.parties):
            if not records.exists(Party, UUID(participant.party_id)):
                field = f"parties.{index}.party_id"
                raise fail("party.unknown", field, party_id=participant.party_id)

    def build(self) -> Agreement:
        return Agreement.draft(self.kind, self.terms, self.parties)


@dataclass(frozen=True, kw_only=True)
class AgreementChange(Change[Agreement]):
    AGGREGATE = Agreement
    TARGET = "agreement_id"
    agreement_id: UUID


@dataclass(frozen=True, kw_only=True)
class ReviseDraft(AgreementChange):
    NAME = "agreement.revise_draft"
    terms: Terms

    def act(self, agreement: Agreement) -> None:
        agreement.revise_draft(self.terms)


@dataclass(frozen=True, kw_only=True)
class OpenForSignature(AgreementChange):
    NAME = "agreement.open"

    def act(self, agreement: Agreement) -> None:
        agreement.open_for_signature()


@dataclass(frozen=True, kw_only=True)
class SignAgreement(AgreementChange):
    NAME = "agreement.sign"
    DATED = "signed_on"
    ARGUMENTS = {"signatory_name": "name", "signatory_title": "title", "signed_on": "on"}
    party_id: str
    signatory_name: str
    signatory_title: str
    signed_on: date

    def act(self, agreement: Agreement) -> None:
        agreement.sign(self.party_id, self.signatory_name, self.signatory_title, self.signed_on)


@dataclass(frozen=True, kw_only=True)
class CompleteAgreement(AgreementChange):
    NAME = "agreement.complete"
    DATED = "completed_on"
    ARGUMENTS = {"completed_on": "on"}
    completed_on: date

    def act(self, agreement: Agreement) -> None:
        agreement.complete(self.completed_on)


@dataclass(frozen=True, kw_only=True)
class TerminateAgreement(AgreementChange):
    NAME = "agreement.terminate"
    DATED = "terminated_on"
    ARGUMENTS = {"terminated_on": "on"}
    reason: str
    terminated_on: date

    def act(self, agreement: Agreement) -> None:
        agreement.terminate(self.reason, self.terminated_on)


@dataclass(frozen=True, kw_only=True)
class ExpireAgreement(AgreementChange):
    NAME = "agreement.expire"

    def act(self, agreement: Agreement) -> None:
        agreement.expire()


@dataclass(frozen=True, kw_only=True)
class ProposeAmendment(AgreementChange):
    NAME = "agreement.propose_amendment"
    DATED = "proposed_on"
    ARGUMENTS = {"proposed_on": "on"}
    terms: Terms
    rationale: str
    proposed_on: date | None = None

    def arguments(self) -> dict[str, Any]:
        arguments = super().arguments()
        if self.proposed_on is None:  # commands recorded before it was dated keep their key
            del arguments["on"]
        return arguments

    def act(self, agreement: Agreement) -> None:
        agreement.propose_amendment(self.terms, self.rationale, self.proposed_on)


@dataclass(frozen=True, kw_only=True)
class SignAmendment(AgreementChange):
    NAME = "agreement.sign_amendment"
    DATED = "signed_on"
    ARGUMENTS = SignAgreement.ARGUMENTS
    amendment_id: str
    party_id: str
    signatory_name: str
    signatory_title: str
    signed_on: date

    def act(self, agreement: Agreement) -> None:
        agreement.sign_amendment(
            self.amendment_id,
            self.party_id,
            self.signatory_name,
            self.signatory_title,
            self.signed_on,
        )


@dataclass(frozen=True, kw_only=True)
class AddMilestone(AgreementChange):
    NAME = "agreement.add_milestone"
    ARGUMENTS = {"owner_party_id": "owner"}
    title: str
    due_on: date
    owner_party_id: str
    deliverable: str = ""

    def act(self, agreement: Agreement) -> None:
        agreement.add_milestone(self.title, self.due_on, self.owner_party_id, self.deliverable)


@dataclass(frozen=True, kw_only=True)
class RescheduleMilestone(AgreementChange):
    NAME = "agreement.reschedule_milestone"
    milestone_id: str
    due_on: date
    reason: str

    def act(self, agreement: Agreement) -> None:
        agreement.reschedule_milestone(self.milestone_id, self.due_on, self.reason)


@dataclass(frozen=True, kw_only=True)
class AchieveMilestone(AgreementChange):
    NAME = "agreement.achieve_milestone"
    DATED = "achieved_on"
    ARGUMENTS = {"achieved_on": "on"}
    milestone_id: str
    evidence_ref: str
    achieved_on: date

    def act(self, agreement: Agreement) -> None:
        agreement.achieve_milestone(self.milestone_id, self.evidence_ref, self.achieved_on)


@dataclass(frozen=True, kw_only=True)
class WaiveMilestone(AgreementChange):
    NAME = "agreement.waive_milestone"
    milestone_id: str
    reason: str

    def act(self, agreement: Agreement) -> None:
        agreement.waive_milestone(self.milestone_id, self.reason)
