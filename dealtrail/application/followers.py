"""The registry of the log's followers: each group of views, the audit trail and each policy.

Inline mode (after each command, before a read), the `dealtrail projections` workers, /readyz
and read-your-writes all go through this one registry, so they agree on which followers exist,
what they are called, how far behind each one is and how to bring it up to date.

Positions are kept in two tracking tables, each written in the transaction it tracks: a policy
records its position in the event store, with the events it records; views and the audit trail
in their own database, with the rows they write. Both are eventsourcing TrackingRecorders, which
is all the registry needs from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from eventsourcing.application import Recording
from eventsourcing.persistence import TrackingRecorder

# The names of the groups `dealtrail projections run` takes; users and scripts rely on them.
VIEWS = "catalogue"
AUDIT = "audit"
POLICIES = "policies"
GROUPS = (VIEWS, AUDIT, POLICIES)


class Follower(Protocol):
    """Something kept in step with the log from a position of its own, exactly once."""

    @property
    def name(self) -> str:
        """As /readyz and `projections status` report it."""
        ...

    @property
    def tracking(self) -> TrackingRecorder:
        """Where its position is recorded..."""
        ...

    @property
    def tracking_name(self) -> str:
        """...and under which name (stored: it never changes)."""
        ...

    def position(self) -> int: ...

    def lag(self, head: int) -> int:
        """How many events up to `head` it has yet to take into account."""
        ...

    def catch_up(self) -> object:
        """Takes every event recorded since it last did into account."""
        ...


@dataclass(frozen=True)
class Group:
    """Followers run together: by one `dealtrail projections run NAME` worker, or inline, either
    after commands (followers that record events, so a command's consequences are recorded
    when it returns) or before a read (followers that only write read models).

    A group run after commands may name the event classes it reacts to (`woken_by`): it then
    catches up only after a command that recorded one of them, and otherwise once the log has
    grown by `every` positions, so the followers' positions move on past the events they skip
    (and a follower that failed is retried) at no per-command cost."""

    name: str
    followers: tuple[Follower, ...]
    after_commands: bool = False
    woken_by: tuple[type, ...] | None = None  # None: after every command
    every: int = 100

    def catch_up(self) -> None:
        for follower in self.followers:
            follower.catch_up()

    def woken(self, recordings: Sequence[Recording[Any]]) -> bool:
        """Whether a command that recorded `recordings` wakes the group."""
        if self.woken_by is None or not recordings:
            return True
        if any(type(r.domain_event) in self.woken_by for r in recordings):
            return True
        first, last = recordings[0].notification.id, recordings[-1].notification.id
        return (first - 1) // self.every != last // self.every  # a multiple of `every` passed


class Followers:
    """The registry: every follower, in its group."""

    def __init__(self, head: Callable[[], int], groups: Sequence[Group], *, inline: bool) -> None:
        """`head` gives the log's last position; `inline`: the followers run in this process
        (else `dealtrail projections run` workers run them)."""
        self.head = head
        self.groups = {group.name: group for group in groups}
        self.inline = inline

    def __iter__(self) -> Iterator[Follower]:
        for group in self.groups.values():
            yield from group.followers

    def named(self, name: str) -> Follower:
        [follower] = [follower for follower in self if follower.name == name]
        return follower

    def lags(self, head: int) -> dict[str, int]:
        return {follower.name: follower.lag(head) for follower in self}

    def after_command(self, recordings: Sequence[Recording[Any]] = ()) -> None:
        """Inline: the followers that record events catch up once a command that wakes them
        (`Group.woken`) is saved."""
        if self.inline:
            for group in self.groups.values():
                if group.after_commands and group.woken(recordings):
                    group.catch_up()

    def before_read(self) -> None:
        """Inline: the followers that only write read models catch up before they are read."""
        if self.inline:
            for group in self.groups.values():
                if not group.after_commands:
                    group.catch_up()

    def reach(self, name: str, position: int, timeout: float) -> None:
        """Returns once the follower has taken `position` into account (caught up first when
        inline), or raises TimeoutError: read-your-writes."""
        follower = self.named(name)
        if self.inline:
            follower.catch_up()
        follower.tracking.wait(follower.tracking_name, position, timeout=timeout)

    def run(self, names: Sequence[str]) -> None:
        """Catches up the named groups, in the registry's order, as a worker does."""
        for group in self.groups.values():
            if group.name in names:
                group.catch_up()
