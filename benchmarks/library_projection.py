"""The projection catch-up's second baseline: the library's own projection path, the one a user
would write by hand.

An `eventsourcing.projection.Projection` whose `process_event` upserts one row per event (its
aggregate's id, version, event topic and time) into one SQL table, with its tracking, in one
transaction. On PostgreSQL `ProjectionRunner` runs it (an application of its own subscribed to
the log, events decoded by the library, the vault read as any decode reads it); on SQLite, whose
recorder has no `subscribe`, it is driven by polling `select_notifications` in the follower's
batch size. Each run starts from an empty table and no tracking, and ends when the last event's
row is committed (seen by the projection itself, so no polling wait is timed). On PostgreSQL the
runner's start (its application, pool and subscription) is timed with it, as it is part of
catching up that way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

from eventsourcing.persistence import InfrastructureFactory, Tracking
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresTrackingRecorder
from eventsourcing.projection import Projection, ProjectionRunner
from eventsourcing.sqlite import SQLiteTrackingRecorder
from eventsourcing.utils import Environment, get_topic
from psycopg.sql import SQL, Identifier

from dealtrail.application.ledger import Ledger
from dealtrail.infrastructure.follower import BATCH

NAME = "library_baseline"
TIMEOUT = 600.0  # seconds a run may take before it counts as stuck


def _row(event: Any) -> dict[str, Any]:
    return {
        "id": str(event.originator_id),
        "version": event.originator_version,
        "topic": get_topic(type(event)),
        "at": event.timestamp,
    }


class PostgresRows(PostgresTrackingRecorder):
    """The view: one table of rows, upserted with the tracking in one transaction."""

    def __init__(self, datastore: Any, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        table = (Identifier(self.datastore.schema), Identifier(f"{NAME}_rows"))
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0}.{1} (id text PRIMARY KEY, version bigint NOT NULL,"
                " topic text NOT NULL, at timestamptz NOT NULL)"
            ).format(*table)
        )
        self.upsert_statement = SQL(
            "INSERT INTO {0}.{1} VALUES (%(id)s, %(version)s, %(topic)s, %(at)s) ON CONFLICT (id)"
            " DO UPDATE SET version = excluded.version, topic = excluded.topic, at = excluded.at"
        ).format(*table)
        self.empty_statements = [
            SQL("DELETE FROM {0}.{1}").format(*table),
            SQL("DELETE FROM {0}.{1} WHERE application_name = %(name)s").format(
                table[0], Identifier(self.tracking_table_name)
            ),
        ]

    def upsert(self, event: Any, tracking: Tracking) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(self.upsert_statement, _row(event), prepare=True)
            self._insert_tracking(curs, tracking)

    def empty(self, application_name: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            for statement in self.empty_statements:
                curs.execute(statement, {"name": application_name})


class SQLiteRows(SQLiteTrackingRecorder):
    """The same view on SQLite."""

    UPSERT = (
        "INSERT INTO library_baseline_rows VALUES (:id, :version, :topic, :at) ON CONFLICT (id)"
        " DO UPDATE SET version = excluded.version, topic = excluded.topic, at = excluded.at"
    )

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS library_baseline_rows (id TEXT PRIMARY KEY,"
            " version INTEGER NOT NULL, topic TEXT NOT NULL, at TEXT NOT NULL)",
        ]

    def upsert(self, event: Any, tracking: Tracking) -> None:
        with self.datastore.transaction(commit=True) as curs:
            row = _row(event)
            curs.execute(self.UPSERT, {**row, "at": row["at"].isoformat()})
            self._insert_tracking(curs, tracking)

    def empty(self, application_name: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute("DELETE FROM library_baseline_rows")
            curs.execute("DELETE FROM tracking WHERE application_name = ?", (application_name,))


class Rows(Projection[Any]):
    """Upserts each event's row with its tracking; says when it has tracked `last`."""

    name = NAME
    last = 0
    seen = 0
    done = threading.Event()

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:  # type: ignore[override]
        self.view.upsert(domain_event, tracking)
        Rows.seen += 1
        if tracking.notification_id >= Rows.last:
            Rows.done.set()


def baseline(ledger: Ledger, root: Path) -> tuple[Callable[[], float], Callable[[], None]]:
    """The baseline for `ledger`'s log (events/s of one catch-up from nothing), and what closes
    what it opened."""
    if isinstance(ledger.recorder, PostgresApplicationRecorder):
        return _runner(ledger)
    return _polling(ledger, root)


def _polling(ledger: Ledger, root: Path) -> tuple[Callable[[], float], Callable[[], None]]:
    env = Environment(NAME, {"PERSISTENCE_MODULE": "eventsourcing.sqlite"})
    env["SQLITE_DBNAME"] = str(root / f"{NAME}.sqlite3")
    view = InfrastructureFactory.construct(env=env).tracking_recorder(SQLiteRows)
    projection = Rows(view)

    def run() -> float:
        view.empty(ledger.name)
        start = perf_counter()
        position, seen = view.max_tracking_id(ledger.name) or 0, 0
        while batch := ledger.recorder.select_notifications(
            start=position, limit=BATCH, inclusive_of_start=False
        ):
            for notification in batch:
                event = ledger.mapper.to_domain_event(notification)
                projection.process_event(event, Tracking(ledger.name, notification.id))
            seen += len(batch)
            position = batch[-1].id
        return seen / (perf_counter() - start)

    return run, view.datastore.close


def _runner(ledger: Ledger) -> tuple[Callable[[], float], Callable[[], None]]:
    vault = ledger.vault

    class Followed(Ledger):
        name = Ledger.name  # the same log

        def __init__(self, env: Any = None) -> None:
            super().__init__(env, vault=vault)

    env = {k: v for k, v in ledger.env.items() if isinstance(v, str)}
    factory = InfrastructureFactory.construct(env=ProjectionRunner._construct_env(NAME, env))
    view = factory.tracking_recorder(PostgresRows)  # makes the tables; empties them per run

    def run() -> float:
        view.empty(ledger.name)
        last = ledger.recorder.max_notification_id() or 0
        Rows.last, Rows.seen, Rows.done = last, 0, threading.Event()
        start = perf_counter()
        with ProjectionRunner(
            application_class=Followed, projection_class=Rows, view_class=PostgresRows, env=env
        ) as runner:
            if not Rows.done.wait(TIMEOUT):
                runner.run_forever(timeout=0)  # raises what stopped it, if anything did
                raise TimeoutError(f"the library projection did not reach {last}")
            took = perf_counter() - start
        runner.view.datastore.close()
        return Rows.seen / took

    return run, factory.close
