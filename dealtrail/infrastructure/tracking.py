"""A tracking recorder on SQLAlchemy: the position each follower of the log has reached.

One row per follower; a position only ever moves forward, and recording a position that is not
beyond the current one is an IntegrityError, so a view change and its tracking row committed in
one transaction apply each event exactly once. Passes eventsourcing's TrackingRecorderTestCase.
"""

from __future__ import annotations

from eventsourcing.persistence import IntegrityError, Tracking, TrackingRecorder
from sqlalchemy import BigInteger, Column, Connection, Engine, String, Table, insert, select, update
from sqlalchemy.exc import IntegrityError as SqlIntegrityError

from dealtrail.infrastructure.records import metadata

positions = Table(
    "projection_positions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
)


class SqlTrackingRecorder(TrackingRecorder):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create_table(self) -> None:
        metadata.create_all(self.engine, tables=[positions])

    def insert_tracking(self, tracking: Tracking) -> None:
        try:
            with self.engine.begin() as conn:
                self.record(conn, tracking)
        except SqlIntegrityError as error:
            raise IntegrityError(str(error)) from error

    def record(self, conn: Connection, tracking: Tracking) -> None:
        """Records `tracking` in the caller's transaction (with the view change it tracks)."""
        moved = conn.execute(
            update(positions)
            .where(
                positions.c.name == tracking.application_name,
                positions.c.position < tracking.notification_id,
            )
            .values(position=tracking.notification_id)
        )
        if moved.rowcount == 1:
            return
        if self.position_in(conn, tracking.application_name) is not None:
            raise IntegrityError(
                f"{tracking.application_name} is already at or beyond {tracking.notification_id}"
            )
        conn.execute(
            insert(positions).values(
                name=tracking.application_name, position=tracking.notification_id
            )
        )

    def max_tracking_id(self, application_name: str) -> int | None:
        with self.engine.connect() as conn:
            return self.position_in(conn, application_name)

    @staticmethod
    def position_in(conn: Connection, application_name: str) -> int | None:
        return conn.execute(
            select(positions.c.position).where(positions.c.name == application_name)
        ).scalar_one_or_none()

    @staticmethod
    def lock(conn: Connection, application_name: str) -> None:
        """Takes the follower's row lock (the database's write lock on SQLite) for this
        transaction, so one catch-up runs at a time."""
        conn.execute(
            update(positions)
            .where(positions.c.name == application_name)
            .values(position=positions.c.position)
        )

    @staticmethod
    def reset(conn: Connection, application_name: str) -> None:
        conn.execute(
            update(positions).where(positions.c.name == application_name).values(position=0)
        )
