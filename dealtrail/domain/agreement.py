"""Agreement: a contract between parties, from draft through signatures to its end."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from eventsourcing.domain import event

from dealtrail.domain.amendment import Amendment, AmendmentState
from dealtrail.domain.base import Lifecycle, Recorded
from dealtrail.domain.calendar import check_on_record, is_future
from dealtrail.domain.errors import fail
from dealtrail.domain.lifecycle_dates import AGREEMENT_DATES, Dates, on
from dealtrail.domain.metadata import day_of_effect
from dealtrail.domain.milestone import Milestone, MilestoneState
from dealtrail.domain.personal import Personal
from dealtrail.domain.terms import (
    AgreementKind,
    Participant,
    Signature,
    Terms,
    check_participants,
    check_terms_on_record,
    with_personal_name,
)
from dealtrail.domain.text import reason_text, required_text


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    OPEN_FOR_SIGNATURE = "open_for_signature"
    EFFECTIVE = "effective"
    COMPLETED = "completed"
    TERMINATED = "terminated"
    EXPIRED = "expired"


ENDED = frozenset({AgreementStatus.COMPLETED, AgreementStatus.TERMINATED, AgreementStatus.EXPIRED})


class Agreement(Lifecycle):
    class_version = 2  # snapshots: v2 seals signatory names (v1 held them as plain text)
    date_in_future = "agreement.date_in_future"

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["signatures"] = {p: with_personal_name(s) for p, s in state["signatures"].items()}
        state["amendments"] = {
            i: replace(a, signatures={p: with_personal_name(s) for p, s in a.signatures.items()})
            for i, a in state["amendments"].items()
        }

    kind: AgreementKind
    terms: Terms
    parties: dict[str, Participant]
    status: AgreementStatus
    signatures: dict[str, Signature]
    effective_on: date | None
    ended_on: date | None
    end_reason: str | None
    amendments: dict[str, Amendment]
    milestones: dict[str, Milestone]

    @classmethod
    def draft(cls, kind: AgreementKind, terms: Terms, parties: list[Participant]) -> Agreement:
        check_participants(parties)
        check_terms_on_record(terms)
        return cls(kind=AgreementKind(kind), terms=terms, parties=list(parties))

    class Drafted(Recorded.Created):
        kind: AgreementKind
        terms: Terms
        parties: list[Participant]

    @event(Drafted)
    def __init__(self, kind: AgreementKind, terms: Terms, parties: list[Participant]) -> None:
        self.kind = AgreementKind(kind)
        self.terms = terms
        self.parties = {p.party_id: p for p in parties}
        self.status = AgreementStatus.DRAFT
        self.signatures = {}
        self.effective_on = None
        self.ended_on = None
        self.end_reason = None
        self.amendments = {}
        self.milestones = {}

    # ---- drafting and signing -------------------------------------------------------------

    def revise_draft(self, terms: Terms) -> None:
        self._check_status(AgreementStatus.DRAFT, "agreement.not_draft")
        check_terms_on_record(terms)
        self._draft_revised(terms=terms)

    @event("DraftRevised")
    def _draft_revised(self, terms: Terms) -> None:
        self.terms = terms

    def open_for_signature(self) -> None:
        self._check_status(AgreementStatus.DRAFT, "agreement.not_draft")
        self._opened_for_signature()

    @event("OpenedForSignature")
    def _opened_for_signature(self) -> None:
        self.status = AgreementStatus.OPEN_FOR_SIGNATURE

    def sign(
        self, party_id: str, signatory_name: str, signatory_title: str, signed_on: date
    ) -> None:
        """Records one party's signature; the last required one makes the agreement effective."""
        self._check_status(AgreementStatus.OPEN_FOR_SIGNATURE, "agreement.not_open_for_signature")
        self._check_party(party_id)
        if party_id in self.signatures:
            raise fail("agreement.party_already_signed", "party_id", party_id=party_id)
        signature = self._signature(party_id, signatory_name, signatory_title, signed_on)
        self._check_dated("signed", signed_on, "signed_on")
        self._signed(signature=signature)
        if self._all_required_signed(self.signatures):
            self._became_effective(effective_on=self._last_required_signature(self.signatures))

    class Signed(Recorded.Event):
        """v2: the signatory's name is personal data, sealed per data subject (v1: plain text)."""

        class_version = 2
        signature: Signature

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["signature"] = with_personal_name(state["signature"])

    @event(Signed)
    def _signed(self, signature: Signature) -> None:
        self.signatures = {**self.signatures, signature.party_id: signature}

    @event("BecameEffective")
    def _became_effective(self, effective_on: date) -> None:
        self.status = AgreementStatus.EFFECTIVE
        self.effective_on = effective_on

    def awaiting_signatures(self) -> list[str]:
        """Parties required to sign who have not signed yet."""
        return [p for p, x in self.parties.items() if x.must_sign and p not in self.signatures]

    # ---- ending ------------------------------------------------------------------------------

    def complete(self, completed_on: date) -> None:
        self._check_status(AgreementStatus.EFFECTIVE, "agreement.not_effective")
        self._check_not_future(completed_on, "completed_on")
        self._check_dated("completed", completed_on, "completed_on")
        self._completed(completed_on=completed_on)

    @event("Completed")
    def _completed(self, completed_on: date) -> None:
        self.status = AgreementStatus.COMPLETED
        self.ended_on = completed_on

    def terminate(self, reason: str, terminated_on: date) -> None:
        """Ends the agreement, in effect or not: on or after it took effect, or, if it never
        did, after every signature it collected."""
        self._check_not_in(ENDED, "agreement.already_ended")
        self._check_not_future(terminated_on, "terminated_on")
        self._check_dated("terminated", terminated_on, "terminated_on")
        self._terminated(reason=reason_text(reason), terminated_on=terminated_on)

    @event("Terminated")
    def _terminated(self, reason: str, terminated_on: date) -> None:
        self.status = AgreementStatus.TERMINATED
        self.ended_on = terminated_on
        self.end_reason = reason

    def expire(self) -> None:
        self._check_status(AgreementStatus.EFFECTIVE, "agreement.not_effective")
        ends_on = self.terms.ends_on
        if ends_on is None:
            raise fail("agreement.no_end_date")
        if ends_on >= datetime.now(UTC).date():
            raise fail("agreement.not_yet_expired", ends_on=ends_on)
        self._expired(expired_on=ends_on)

    @event("Expired")
    def _expired(self, expired_on: date) -> None:
        self.status = AgreementStatus.EXPIRED
        self.ended_on = expired_on

    # ---- amendments --------------------------------------------------------------------------

    def propose_amendment(
        self, terms: Terms, rationale: str, proposed_on: date | None = None
    ) -> str:
        """Proposes new terms, on `proposed_on`: by default the day the command took effect
        (the day its `effective_at` names, else today in UTC)."""
        proposed_on = proposed_on or day_of_effect()
        self._check_status(AgreementStatus.EFFECTIVE, "agreement.not_effective")
        pending = self.pending_amendment()
        if pending is not None:
            raise fail("agreement.amendment_pending", amendment_id=pending.amendment_id)
        if terms == self.terms:
            raise fail("agreement.amendment_changes_nothing", "terms")
        check_terms_on_record(terms)
        self._check_not_future(proposed_on, "proposed_on")
        self._check_dated("amendment_proposed", proposed_on, "proposed_on")
        if terms.ends_on is not None:
            self._check_dated("term_ends", terms.ends_on, "terms.ends_on")
        amendment_id = self._next_child_id()
        self._amendment_proposed(
            amendment_id=amendment_id,
            terms=terms,
            rationale=reason_text(rationale, "rationale"),
            proposed_on=proposed_on,
        )
        return amendment_id

    class AmendmentProposed(Recorded.Event):
        """v2: the proposal is dated (v1 had no date: it reads as undated)."""

        class_version = 2
        amendment_id: str
        terms: Terms
        rationale: str
        proposed_on: date | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["proposed_on"] = None

    @event(AmendmentProposed)
    def _amendment_proposed(
        self, amendment_id: str, terms: Terms, rationale: str, proposed_on: date | None
    ) -> None:
        amendment = Amendment(
            amendment_id, rationale, terms, previous_terms=self.terms, proposed_on=proposed_on
        )
        self.amendments = {**self.amendments, amendment_id: amendment}

    def sign_amendment(
        self,
        amendment_id: str,
        party_id: str,
        signatory_name: str,
        signatory_title: str,
        signed_on: date,
    ) -> None:
        self._check_status(AgreementStatus.EFFECTIVE, "agreement.not_effective")
        amendment = self._amendment(amendment_id)
        if amendment.state != AmendmentState.PENDING:
            raise fail("agreement.amendment_not_pending", amendment_id=amendment_id)
        self._check_party(party_id)
        if party_id in amendment.signatures:
            raise fail(
                "agreement.amendment_already_signed",
                "party_id",
                party_id=party_id,
                amendment_id=amendment_id,
            )
        signature = self._signature(party_id, signatory_name, signatory_title, signed_on)
        self._check_dated("amendment_signed", signed_on, "signed_on")
        self._amendment_signed(amendment_id=amendment_id, signature=signature)
        if self._all_required_signed(self.amendments[amendment_id].signatures):
            self._amendment_applied(amendment_id=amendment_id)

    class AmendmentSigned(Recorded.Event):
        """v2: the signatory's name is personal data, sealed per data subject (v1: plain text)."""

        class_version = 2
        amendment_id: str
        signature: Signature

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["signature"] = with_personal_name(state["signature"])

    @event(AmendmentSigned)
    def _amendment_signed(self, amendment_id: str, signature: Signature) -> None:
        signed = self.amendments[amendment_id].signed(signature)
        self.amendments = {**self.amendments, amendment_id: signed}

    @event("AmendmentApplied")
    def _amendment_applied(self, amendment_id: str) -> None:
        applied = self.amendments[amendment_id].applied()
        self.amendments = {**self.amendments, amendment_id: applied}
        self.terms = applied.terms

    def pending_amendment(self) -> Amendment | None:
        return next(
            (a for a in self.amendments.values() if a.state == AmendmentState.PENDING), None
        )

    # ---- milestones --------------------------------------------------------------------------

    def add_milestone(self, title: str, due_on: date, owner_party_id: str, deliverable: str) -> str:
        self._check_not_in(ENDED, "agreement.already_ended")
        self._check_party(owner_party_id, "owner_party_id")
        check_on_record(due_on, "due_on")
        milestone = Milestone(
            milestone_id=self._next_child_id(),
            title=required_text(title, "title"),
            due_on=due_on,
            owner_party_id=owner_party_id,
            deliverable=deliverable.strip(),
        )
        self._milestone_added(milestone=milestone)
        return milestone.milestone_id

    @event("MilestoneAdded")
    def _milestone_added(self, milestone: Milestone) -> None:
        self.milestones = {**self.milestones, milestone.milestone_id: milestone}

    def reschedule_milestone(self, milestone_id: str, due_on: date, reason: str) -> None:
        milestone = self._pending_milestone(milestone_id)
        if milestone.due_on == due_on:
            raise fail("agreement.milestone_due_unchanged", "due_on", milestone_id=milestone_id)
        check_on_record(due_on, "due_on")
        self._milestone_rescheduled(
            milestone_id=milestone_id, due_on=due_on, reason=reason_text(reason)
        )

    @event("MilestoneRescheduled")
    def _milestone_rescheduled(self, milestone_id: str, due_on: date, reason: str) -> None:
        self._replace_milestone(self.milestones[milestone_id].rescheduled(due_on))

    def achieve_milestone(self, milestone_id: str, evidence_ref: str, achieved_on: date) -> None:
        """A milestone is planned from the draft on, but achieved only under an agreement in
        effect: what is achieved before the parties are bound is not a step of this deal."""
        self._pending_milestone(milestone_id)
        self._check_status(AgreementStatus.EFFECTIVE, "agreement.not_effective")
        self._check_not_future(achieved_on, "achieved_on")
        self._check_dated("milestone_achieved", achieved_on, "achieved_on")
        self._milestone_achieved(
            milestone_id=milestone_id,
            evidence_ref=required_text(evidence_ref, "evidence reference", "evidence_ref"),
            achieved_on=achieved_on,
        )

    @event("MilestoneAchieved")
    def _milestone_achieved(self, milestone_id: str, evidence_ref: str, achieved_on: date) -> None:
        self._replace_milestone(self.milestones[milestone_id].achieved(evidence_ref, achieved_on))

    def waive_milestone(self, milestone_id: str, reason: str) -> None:
        self._pending_milestone(milestone_id)
        self._milestone_waived(milestone_id=milestone_id, reason=reason_text(reason))

    @event("MilestoneWaived")
    def _milestone_waived(self, milestone_id: str, reason: str) -> None:
        self._replace_milestone(self.milestones[milestone_id].waived(reason))

    def overdue_milestones(self, as_of: date) -> list[Milestone]:
        return [m for m in self.milestones.values() if m.is_overdue(as_of)]

    # ---- checks ------------------------------------------------------------------------------

    def _check_dated(self, step: str, day: date, field: str) -> None:
        AGREEMENT_DATES.check(step, day, field, self._dates())

    def _dates(self) -> Dates:
        """Every business date the agreement holds, by step (see lifecycle_dates)."""
        pending = self.pending_amendment()
        return {
            "signed": on(*(s.signed_on for s in self.signatures.values())),
            "effective": on(self.effective_on),
            "term_ends": on(self.terms.ends_on),
            "amendment_proposed": on(pending.proposed_on if pending else None),
        }

    def _check_party(self, party_id: str, field: str = "party_id") -> None:
        if party_id not in self.parties:
            raise fail("agreement.unknown_party", field, party_id=party_id)

    @staticmethod
    def _signature(party_id: str, name: str, title: str, signed_on: date) -> Signature:
        if is_future(signed_on):
            raise fail("agreement.signed_in_future", "signed_on", signed_on=signed_on)
        check_on_record(signed_on, "signed_on")
        return Signature(
            party_id=party_id,
            signatory_name=Personal(
                required_text(name, "signatory name", "signatory_name"), scope=party_id
            ),
            signatory_title=required_text(title, "signatory title", "signatory_title"),
            signed_on=signed_on,
        )

    def _last_required_signature(self, signatures: dict[str, Signature]) -> date:
        return max(signatures[p].signed_on for p, x in self.parties.items() if x.must_sign)

    def _all_required_signed(self, signatures: dict[str, Signature]) -> bool:
        return all(p in signatures for p, x in self.parties.items() if x.must_sign)

    def _amendment(self, amendment_id: str) -> Amendment:
        try:
            return self.amendments[amendment_id]
        except KeyError:
            raise fail("agreement.unknown_amendment", amendment_id=amendment_id) from None

    def _pending_milestone(self, milestone_id: str) -> Milestone:
        self._check_not_in(ENDED, "agreement.already_ended")
        try:
            milestone = self.milestones[milestone_id]
        except KeyError:
            raise fail("agreement.unknown_milestone", milestone_id=milestone_id) from None
        if milestone.state != MilestoneState.PENDING:
            raise fail(
                "agreement.milestone_closed", milestone_id=milestone_id, state=milestone.state
            )
        return milestone

    def _replace_milestone(self, milestone: Milestone) -> None:
        self.milestones = {**self.milestones, milestone.milestone_id: milestone}
