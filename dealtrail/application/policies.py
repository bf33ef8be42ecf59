"""Policies: reactions to recorded events that record further events, each exactly once.

A policy follows the ledger's log from its own tracking position. For each event it reacts to,
it decides what other aggregates must change; those changes and the new tracking position are
saved in one transaction, so a crash, a retry or a second process running the same policy never
applies an event twice. A policy declares the event classes it reacts to, so its follower reads
only those from the log; the events in between still advance its position: a catch-up that
found nothing more to react to up to the head records the head, so after it the position is
the head and the lag 0. Inline, a command that records nothing the policies react to does not
run them, until the log has grown by LAG_ALLOWED events (followers.Group.every).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Any, ClassVar, Protocol, cast

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import IntegrityError, Tracking, TrackingRecorder
from eventsourcing.utils import get_topic

from dealtrail.application.ledger import Ledger
from dealtrail.domain.base import Recorded, metadata_of
from dealtrail.domain.metadata import recording

BATCH = 100
LAG_ALLOWED = 100


class Policy(Protocol):
    name: str
    reacts_to: ClassVar[tuple[type[DomainEventProtocol[Any]], ...]]

    def react(self, ledger: Ledger, event: Any) -> Sequence[Recorded]:
        """The aggregates this event changes (their new events still pending), if any."""
        ...


class PolicyFollower:
    """One policy following the log: the registry's follower `policy:<name>`, its position
    recorded in the event store under the policy's name."""

    def __init__(self, ledger: Ledger, policy: Policy) -> None:
        self.ledger = ledger
        self.policy = policy
        self.name = f"policy:{policy.name}"
        self.tracking_name = policy.name
        self.tracking = cast(TrackingRecorder, ledger.recorder)  # the ledger's is a ProcessRecorder
        self.topics = [get_topic(cls) for cls in policy.reacts_to]

    def position(self) -> int:
        return self.tracking.max_tracking_id(self.tracking_name) or 0

    def lag(self, head: int) -> int:
        """How far behind `head` the policy is: the events from the first one it has yet to react
        to, or 0 when none is left (those it skips hold nothing up, though its position moves
        past them only when it next runs). Reads from its position to that event at most: a
        few events once the policy has run (its position is then the head it found)."""
        pending = self.ledger.recorder.select_notifications(
            start=self.position(),
            limit=1,
            stop=head,
            topics=self.topics,
            inclusive_of_start=False,
        )
        return head - pending[0].id + 1 if pending else 0

    def catch_up(self) -> None:
        """Reacts to every event recorded up to now that the policy has not processed yet."""
        head = self.ledger.recorder.max_notification_id() or 0
        while self._run_batch(head):
            pass

    def _run_batch(self, head: int) -> bool:
        """Processes the policy's next batch up to `head`; True while there may be more."""
        start = self.position()
        if start >= head:
            return False
        notifications = self.ledger.recorder.select_notifications(
            start=start,
            limit=BATCH,
            stop=head,
            topics=self.topics,
            inclusive_of_start=False,
        )
        for notification in notifications:
            event = self.ledger.mapper.to_domain_event(notification)
            meta = metadata_of(event)
            with recording(
                self.name,
                correlation_id=meta.correlation_id if meta else None,
                causation_id=f"log:{notification.id}",
                effective_at=meta.effective_at if meta else None,
            ):
                changed = self.policy.react(self.ledger, event)
            try:
                self.ledger.save_reaction(Tracking(self.tracking_name, notification.id), *changed)
            except IntegrityError:
                return True  # another process got there first: re-read from its position
        if len(notifications) == BATCH:
            return True
        reached = notifications[-1].id if notifications else start
        if reached < head:  # nothing more to react to up to head: move past it
            with suppress(IntegrityError):  # unless another process moved it on already
                self.tracking.insert_tracking(Tracking(self.tracking_name, head))
        return False
