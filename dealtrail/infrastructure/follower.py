"""Following the ledger's log into our own tables, exactly once.

Each batch of notifications and the follower's new position commit in one transaction (the
position recorded by the tracking recorder), and the batch starts by locking the follower's
position row, so concurrent followers (several web workers, a worker process) never apply an
event twice and a crash at any instant loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventsourcing.persistence import Notification, Tracking
from sqlalchemy import Connection, Engine, insert

from dealtrail.application.ledger import Ledger
from dealtrail.infrastructure.tracking import SqlTrackingRecorder, positions
from dealtrail.infrastructure.views.base import metadata

BATCH = 500


class TrackedFollower:
    """A follower in the registry (dealtrail/application/followers.py) whose position is
    recorded under its own name, in `engine`'s database."""

    name: str  # reported by /readyz and `projections status`, and its stored tracking name

    def __init__(self, engine: Engine, ledger: Ledger) -> None:
        self.engine = engine
        self.ledger = ledger
        self.tracking = SqlTrackingRecorder(engine)

    def create_tables(self) -> None:
        with self.engine.begin() as conn:
            if self.tracking.position_in(conn, self.name) is None:
                conn.execute(insert(positions).values(name=self.name, position=0))

    @property
    def tracking_name(self) -> str:
        return self.name

    def position(self) -> int:
        return self.tracking.max_tracking_id(self.name) or 0


class LogFollower(TrackedFollower):
    """A tracked follower that applies each event to rows of its own, in the database of the
    rows it writes, with its position."""

    def create_tables(self) -> None:
        metadata.create_all(self.engine)
        super().create_tables()

    def lag(self, head: int) -> int:
        """Every event after its position counts, whatever it holds."""
        return head - self.position()

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Applies every event recorded since the last catch-up, up to the log's head when it
        starts (every position up to it is committed: commits follow positions); returns the
        new position. The batch that reaches the head ends it, with no further transaction."""
        head = self.ledger.recorder.max_notification_id() or 0
        current = self.position()
        if current >= head:
            return current
        while True:
            with self.engine.begin() as conn:
                self.tracking.lock(conn, self.name)  # one catch-up at a time
                start = self.tracking.position_in(conn, self.name) or 0
                notifications = self.ledger.recorder.select_notifications(
                    start=start, limit=BATCH, inclusive_of_start=False
                )
                if not notifications:
                    return start
                self.apply(conn, notifications)
                position = notifications[-1].id
                self.tracking.record(conn, Tracking(self.name, position))
            if progress:
                progress(len(notifications))
            if position >= head:
                return position

    def reset(self, conn: Connection) -> None:
        self.tracking.reset(conn, self.name)

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        raise NotImplementedError
