"""Milestone: a dated step of a deal, the reporting unit of deal progress."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class MilestoneState(StrEnum):
    PENDING = "pending"
    ACHIEVED = "achieved"
    WAIVED = "waived"


@dataclass(frozen=True)
class Milestone:
    milestone_id: str
    title: str
    due_on: date
    owner_party_id: str
    deliverable: str
    state: MilestoneState = MilestoneState.PENDING
    evidence_ref: str | None = None
    achieved_on: date | None = None
    waived_reason: str | None = None

    def is_overdue(self, as_of: date) -> bool:
        """Due before `as_of`, and neither achieved nor waived."""
        return self.state == MilestoneState.PENDING and self.due_on < as_of

    def rescheduled(self, due_on: date) -> Milestone:
        return replace(self, due_on=due_on)

    def achieved(self, evidence_ref: str, achieved_on: date) -> Milestone:
        return replace(
            self, state=MilestoneState.ACHIEVED, evidence_ref=evidence_ref, achieved_on=achieved_on
        )

    def waived(self, reason: str) -> Milestone:
        return replace(self, state=MilestoneState.WAIVED, waived_reason=reason)
