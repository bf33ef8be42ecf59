"""Use cases for agreements: drafting, signatures, amendments, milestones and their end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from dealtrail.application.ledger import NO_OPTIONS, Command, CommandResult, Ledger, Options
from dealtrail.application.parties import Parties
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.errors import fail
from dealtrail.domain.metadata import BusinessDate
from dealtrail.domain.terms import AgreementKind, Participant, Terms


class Agreements:
    def __init__(self, ledger: Ledger, parties: Parties) -> None:
        self.ledger = ledger
        self.parties = parties

    def draft(
        self,
        kind: AgreementKind,
        terms: Terms,
        participants: list[Participant],
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        for index, participant in enumerate(participants):
            if not self.parties.exists(UUID(participant.party_id)):
                field = f"parties.{index}.party_id"
                raise fail("party.unknown", field, party_id=participant.party_id)
        args = {"kind": kind, "terms": terms, "parties": participants}
        return self.ledger.create(
            Command("agreement.draft", args, options),
            lambda: Agreement.draft(kind, terms, participants),
        )

    def revise_draft(
        self, agreement_id: UUID, terms: Terms, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            agreement_id, "revise_draft", {"terms": terms}, options, lambda a: a.revise_draft(terms)
        )

    def open_for_signature(
        self, agreement_id: UUID, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(agreement_id, "open", {}, options, lambda a: a.open_for_signature())

    def sign(
        self,
        agreement_id: UUID,
        party_id: str,
        signatory_name: str,
        signatory_title: str,
        signed_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {
            "party_id": party_id,
            "name": signatory_name,
            "title": signatory_title,
            "on": signed_on,
        }
        return self._change(
            agreement_id,
            "sign",
            args,
            options,
            lambda a: a.sign(party_id, signatory_name, signatory_title, signed_on),
            BusinessDate("signed_on", signed_on),
        )

    def complete(
        self, agreement_id: UUID, completed_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            agreement_id,
            "complete",
            {"on": completed_on},
            options,
            lambda a: a.complete(completed_on),
            BusinessDate("completed_on", completed_on),
        )

    def terminate(
        self, agreement_id: UUID, reason: str, terminated_on: date, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"reason": reason, "on": terminated_on}
        return self._change(
            agreement_id,
            "terminate",
            args,
            options,
            lambda a: a.terminate(reason, terminated_on),
            BusinessDate("terminated_on", terminated_on),
        )

    def expire(self, agreement_id: UUID, options: Options = NO_OPTIONS) -> CommandResult:
        return self._change(agreement_id, "expire", {}, options, lambda a: a.expire())

    def propose_amendment(
        self,
        agreement_id: UUID,
        terms: Terms,
        rationale: str,
        options: Options = NO_OPTIONS,
        *,
        proposed_on: date | None = None,
    ) -> CommandResult:
        args: dict[str, object] = {"terms": terms, "rationale": rationale}
        dated = None
        if proposed_on is not None:  # only then: commands recorded before keep their fingerprint
            args["on"] = proposed_on
            dated = BusinessDate("proposed_on", proposed_on)
        return self._change(
            agreement_id,
            "propose_amendment",
            args,
            options,
            lambda a: a.propose_amendment(terms, rationale, proposed_on),
            dated,
        )

    def sign_amendment(
        self,
        agreement_id: UUID,
        amendment_id: str,
        party_id: str,
        signatory_name: str,
        signatory_title: str,
        signed_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {
            "amendment_id": amendment_id,
            "party_id": party_id,
            "name": signatory_name,
            "title": signatory_title,
            "on": signed_on,
        }
        return self._change(
            agreement_id,
            "sign_amendment",
            args,
            options,
            lambda a: a.sign_amendment(
                amendment_id, party_id, signatory_name, signatory_title, signed_on
            ),
            BusinessDate("signed_on", signed_on),
        )

    def add_milestone(
        self,
        agreement_id: UUID,
        title: str,
        due_on: date,
        owner_party_id: str,
        deliverable: str,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {
            "title": title,
            "due_on": due_on,
            "owner": owner_party_id,
            "deliverable": deliverable,
        }
        return self._change(
            agreement_id,
            "add_milestone",
            args,
            options,
            lambda a: a.add_milestone(title, due_on, owner_party_id, deliverable),
        )

    def reschedule_milestone(
        self,
        agreement_id: UUID,
        milestone_id: str,
        due_on: date,
        reason: str,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"milestone_id": milestone_id, "due_on": due_on, "reason": reason}
        return self._change(
            agreement_id,
            "reschedule_milestone",
            args,
            options,
            lambda a: a.reschedule_milestone(milestone_id, due_on, reason),
        )

    def achieve_milestone(
        self,
        agreement_id: UUID,
        milestone_id: str,
        evidence_ref: str,
        achieved_on: date,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        args = {"milestone_id": milestone_id, "evidence_ref": evidence_ref, "on": achieved_on}
        return self._change(
            agreement_id,
            "achieve_milestone",
            args,
            options,
            lambda a: a.achieve_milestone(milestone_id, evidence_ref, achieved_on),
            BusinessDate("achieved_on", achieved_on),
        )

    def waive_milestone(
        self, agreement_id: UUID, milestone_id: str, reason: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        args = {"milestone_id": milestone_id, "reason": reason}
        return self._change(
            agreement_id,
            "waive_milestone",
            args,
            options,
            lambda a: a.waive_milestone(milestone_id, reason),
        )

    def get(self, agreement_id: UUID, version: int | None = None) -> Agreement:
        return self.ledger.get(Agreement, agreement_id, version)

    def _change(
        self,
        agreement_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[Agreement], object],
        dated: BusinessDate | None = None,
    ) -> CommandResult:
        """Runs one command; `dated` is its business date (signed on, completed on, ...)."""
        command = Command(f"agreement.{name}", args, options, dated)
        return self.ledger.change(command, Agreement, agreement_id, act)
