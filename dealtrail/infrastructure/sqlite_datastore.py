"""eventsourcing's SQLite datastore, its connections re-opened after the files could not be
written (why: sqlite_reopening.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.sqlite import SQLiteConnection, SQLiteConnectionPool, SQLiteDatastore

from dealtrail.infrastructure.sqlite_reopening import unwritable


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
