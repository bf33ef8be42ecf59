"""What the demo's loaders share: the services they record through and the ids recorded so far.

A step is one call that records one thing (a party, an achievement, a transfer through its
stages) with one or more idempotent commands; steps are made without running anything, so they
can be counted before they run.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime, time
from uuid import UUID

from dealtrail.application.command import Command, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.demo.core import CONFERENCE_DAY
from dealtrail.domain.metadata import EventMetadata, recording

Step = Callable[[], object]

ACTOR = "system:demo"
OPENING = datetime.combine(CONFERENCE_DAY, time(9), tzinfo=UTC)


def recording_demo(
    effective_at: datetime | None = OPENING,
) -> AbstractContextManager[EventMetadata]:
    """The metadata every demo command runs in: what it records took effect at the conference's
    opening, unless it is dated (see `dated`)."""
    return recording(
        ACTOR,
        correlation_id="demo-conference",
        effective_at=effective_at,
        comment="Demo data: the Belt and Road sci-tech achievements trading conference",
    )


def dated() -> AbstractContextManager[EventMetadata]:
    """For a dated fact (a signature, a grant, a payment): it takes effect on its own date,
    which is seldom the conference's opening."""
    return recording_demo(effective_at=None)


def demo_key(name: str) -> Options:
    """The options of a demo command: its idempotency key, so a second run records nothing."""
    return Options(idempotency_key=f"demo:{name}")


class DemoIds:
    """The ids of what the demo recorded, by kind ("party", "agreement", ...) and demo key."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}

    def remember(self, kind: str, key: str, result: CommandResult) -> UUID:
        """Remembers the aggregate a command recorded (or replayed)."""
        self.put(kind, key, str(result.aggregate_id))
        return result.aggregate_id

    def put(self, kind: str, key: str, value: str) -> None:
        self._ids[kind, key] = value

    def __call__(self, kind: str, key: str) -> str:
        return self._ids[kind, key]

    def optional(self, kind: str, key: str | None) -> str | None:
        return None if key is None else self(kind, key)

    def uuid(self, kind: str, key: str) -> UUID:
        return UUID(self(kind, key))


class Loader:
    """Records a part of the demo through the ledger, remembering the ids it records."""

    def __init__(self, ledger: Ledger, ids: DemoIds) -> None:
        self.ledger = ledger
        self.ids = ids

    def record(self, command: Command, name: str) -> CommandResult:
        """Handles `command` with the demo key `name`; a dated fact (its command names its date)
        takes effect on that date."""
        with dated() if command.dated is not None else nullcontext():
            return self.ledger.handle(command, demo_key(name))
