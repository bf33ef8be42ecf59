"""Policies: reactions to recorded events that record further events, each exactly once.

A policy follows the ledger's log from its own tracking position. For each event it decides what
other aggregates must change; those changes and the new tracking position are saved in one
transaction, so a crash, a retry or a second process running the same policy never applies an
event twice. Events a policy does not react to still advance its position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from eventsourcing.persistence import IntegrityError, Tracking

from dealtrail.application.ledger import Ledger
from dealtrail.domain.base import Recorded, metadata_of
from dealtrail.domain.metadata import recording

BATCH = 100


class Policy(Protocol):
    name: str

    def react(self, ledger: Ledger, event: Any) -> Sequence[Recorded]:
        """The aggregates this event changes (their new events still pending), if any."""
        ...


class PolicyRunner:
    def __init__(self, ledger: Ledger, policies: Sequence[Policy]) -> None:
        self.ledger = ledger
        self.policies = policies

    def position(self, policy: Policy) -> int:
        return self.ledger.recorder.max_tracking_id(policy.name) or 0  # type: ignore[attr-defined]

    def catch_up(self) -> None:
        """Runs every policy over the events it has not processed yet."""
        for policy in self.policies:
            while self._run_batch(policy):
                pass

    def _run_batch(self, policy: Policy) -> bool:
        notifications = self.ledger.recorder.select_notifications(
            start=self.position(policy), limit=BATCH, inclusive_of_start=False
        )
        for notification in notifications:
            event = self.ledger.mapper.to_domain_event(notification)
            meta = metadata_of(event)
            with recording(
                f"policy:{policy.name}",
                correlation_id=meta.correlation_id if meta else None,
                causation_id=f"log:{notification.id}",
                effective_at=meta.effective_at if meta else None,
            ):
                changed = policy.react(self.ledger, event)
            try:
                self.ledger.save_reaction(Tracking(policy.name, notification.id), *changed)
            except IntegrityError:
                return True  # another process got there first: re-read from its position
        return bool(notifications)
