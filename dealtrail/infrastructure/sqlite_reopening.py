"""SQLite connections re-opened after the files could not be written, so the store recovers
once they can be again, without a restart.

A connection SQLite opens while its database file cannot be opened for writing (a read-only
directory or file, an immutable file) is read-only for good: each write is refused
(SQLITE_READONLY) after the file is writable again. A connection whose write failed (I/O error,
can't open) may have been opened so too. So after such an error the connection is closed,
and every other connection its pool opened before it, and the next ones are opened anew: the
first command after the files are writable again may still be refused (503, Retry-After), the
next one runs. Both pools are covered: eventsourcing's (the events, their leaves, idempotency)
and SQLAlchemy's (views, tokens, audit heads, secrets, anything else dealtrail keeps in SQLite).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.sqlite import SQLiteConnection, SQLiteConnectionPool, SQLiteDatastore
from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

# Primary result codes (the low byte of the extended one) of a file that could not be written.
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN = 8, 10, 14
UNWRITABLE = frozenset({SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN})


def unwritable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, is SQLite's for an unwritable file."""
    while error is not None:
        if isinstance(error, sqlite3.Error) and (error.sqlite_errorcode or 0) & 0xFF in UNWRITABLE:
            return True
        error = error.__cause__ or error.__context__
    return False


def reopen_after_unwritable(engine: Engine) -> Engine:
    """The engine's connections are all replaced after such an error (SQLAlchemy treats it as a
    disconnect: the connection is invalidated, and the pool with it)."""

    @event.listens_for(engine, "handle_error")
    def _unwritable(context: ExceptionContext) -> None:
        if unwritable(context.original_exception):
            context.is_disconnect = True

    return engine


class ReopeningPool(SQLiteConnectionPool):
    """Each connection remembers the pool's generation when it was opened; an unwritable error
    starts a new generation, and connections of an older one are closed instead of lent."""

    generation = 0

    def _create_connection(self) -> SQLiteConnection:
        conn = super()._create_connection()
        conn.generation = self.generation  # type: ignore[attr-defined]
        return conn

    def current(self, *, is_writer: bool) -> SQLiteConnection:
        while True:
            conn = self.get_connection(is_writer=is_writer)
            if conn.generation == self.generation:  # type: ignore[attr-defined]
                return conn
            conn.close()
            self.put_connection(conn)


class ReopeningDatastore(SQLiteDatastore):
    """eventsourcing's SQLite datastore on a ReopeningPool."""

    def __init__(self, opened: SQLiteDatastore) -> None:
        """Takes the settings of `opened` (made by eventsourcing's factory, no connection yet)."""
        super().__init__(
            opened.pool.db_name,
            lock_timeout=opened.pool.lock_timeout,
            single_row_tracking=opened.single_row_tracking,
            originator_id_type=opened.originator_id_type,
        )
        self.pool.close()
        self.pool = ReopeningPool(
            db_name=opened.pool.db_name, lock_timeout=opened.pool.lock_timeout
        )
        opened.close()

    @contextmanager
    def get_connection(self, *, commit: bool) -> Iterator[SQLiteConnection]:
        pool = self.pool
        assert isinstance(pool, ReopeningPool)
        conn = pool.current(is_writer=commit)
        try:
            yield conn
        except BaseException as error:
            if unwritable(error):
                pool.generation += 1
                conn.close()
            raise
        finally:
            pool.put_connection(conn)
