"""A conflict in the events' pipelined insert is an IntegrityError (a 409 up the stack), even
when the server's answer to it arrives while a statement of ours is being sent, not only at
eventsourcing's own sync."""

from __future__ import annotations

import select
from collections.abc import Iterator

import psycopg
import pytest

from dealtrail.infrastructure.postgres_recorder import synced_on_error

pytestmark = pytest.mark.postgres


@pytest.fixture
def conn(postgres_url: str, postgres_schema: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'SET search_path TO "{postgres_schema}"')
        conn.execute("CREATE TABLE taken (id int PRIMARY KEY)")
        conn.execute("INSERT INTO taken VALUES (1)")
        yield conn


def _answered(conn: psycopg.Connection) -> None:
    """Asks the server to answer what was sent (a protocol Flush, as psycopg sends one when it
    needs a result early) and waits until it has (no result is read)."""
    conn.pgconn.send_flush_request()
    conn.pgconn.flush()
    readable, _, _ = select.select([conn.pgconn.socket], [], [], 10)
    assert readable, "the server did not answer within 10 s"


def test_a_conflict_answered_during_our_statement_is_still_the_conflict(
    conn: psycopg.Connection,
) -> None:
    """As eventsourcing's insert_events: its insert, ours, then its sync; the error kept and
    raised once the pipeline block is left."""
    error: Exception | None = None
    with conn.pipeline() as pipeline, conn.transaction(), conn.cursor() as events:
        try:
            events.execute("INSERT INTO taken VALUES (1)")  # the conflict
            _answered(conn)
            with synced_on_error(conn), conn.cursor() as ours:
                ours.execute("INSERT INTO taken VALUES (2)")
            pipeline.sync()
        except Exception as e:
            error = e
    assert isinstance(error, psycopg.errors.UniqueViolation)
    assert conn.execute("SELECT count(*) FROM taken").fetchone() == (1,)
