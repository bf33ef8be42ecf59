"""SQLite connections re-opened after the files could not be written, so the store recovers
once they can be again, without a restart.

A connection SQLite opens while its database file cannot be opened for writing (a read-only
directory or file, an immutable file) is read-only for good: each write is refused
(SQLITE_READONLY) after the file is writable again. A connection whose write failed (I/O error,
can't open) may have been opened so too. So after such an error the connection is closed,
and every other connection its pool opened before it, and the next ones are opened anew: the
first command after the files are writable again may still be refused (503, Retry-After), the
next one runs. Both pools are covered: SQLAlchemy's here (views, tokens, audit heads, secrets,
the leaves' engine) and eventsourcing's (the events, idempotency) in sqlite_datastore.py. This
module imports no eventsourcing: `dealtrail tokens list` opens the token table alone.
"""

from __future__ import annotations

import sqlite3

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
