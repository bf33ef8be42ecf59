"""The log read in bulk with the leaf stored at each event's position, one query a page: what
`audit verify`'s quick pass checks (audit_trail.py), and the number of leaves stored."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, Engine, text

from dealtrail.domain.audit.verification import EventWithLeaf
from dealtrail.infrastructure.leaves import POSTGRES_TABLE, SQLITE_TABLE

PAGE = 1000

# The library's events table and log position on each store (as store_format.EVENTS), and the
# id as text: PostgreSQL writes a uuid as `str` of its UUID does.
_SQLITE = ("stored_events", "rowid", "e.originator_id", SQLITE_TABLE)
_POSTGRES = ("dealtrail_events", "notification_id", "e.originator_id::text", POSTGRES_TABLE)


class LogWithLeaves:
    def __init__(self, events_engine: Engine) -> None:
        self.engine = events_engine
        events, position, originator_id, leaves = (
            _SQLITE if events_engine.dialect.name == "sqlite" else _POSTGRES
        )
        select = (
            f"SELECT e.{position}, {originator_id}, e.originator_version, e.topic, e.state, "  # noqa: S608 (constants)
            f"l.leaf_index, l.leaf_hash FROM {events} AS e "
            f"LEFT JOIN {leaves} AS l ON l.position = e.{position} "
        )
        order = f"ORDER BY e.{position} LIMIT :limit"
        self.first = text(select + order)  # from the very first row, whatever its position
        self.after = text(f"{select}WHERE e.{position} > :after {order}")
        self.count = text(f"SELECT COUNT(*) FROM {leaves}")  # noqa: S608 (constants)

    def reading(self, conn: Connection) -> Reading:
        """`conn`: a connection to the events' database, kept open while the reading lasts."""
        return Reading(self, conn)


class Reading:
    """One reading of the log: its pages, then (once the last is read) the number of leaves
    stored."""

    def __init__(self, log: LogWithLeaves, conn: Connection) -> None:
        self.log = log
        self.conn = conn
        self.leaves: int | None = None  # known once every page is read

    def pages(self) -> Iterator[Sequence[EventWithLeaf]]:
        """Every stored event in log order, a page at a time, each with its leaf."""
        log, conn, after = self.log, self.conn, None
        while True:
            if after is None:
                rows = conn.execute(log.first, {"limit": PAGE}).all()
            else:
                rows = conn.execute(log.after, {"after": after, "limit": PAGE}).all()
            if len(rows) < PAGE:
                self.leaves = int(conn.execute(log.count).scalar_one())
            yield rows  # type: ignore[misc]
            if len(rows) < PAGE:
                return
            after = rows[-1][0]
