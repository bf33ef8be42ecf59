"""One process at a time creates the stores' tables: web workers start together."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from dealtrail.infrastructure.settings import Settings


@contextmanager
def schema_lock(settings: Settings) -> Iterator[None]:
    """Held while tables are created: a PostgreSQL advisory lock, or a lock file for SQLite."""
    pg = settings.postgres
    if pg is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # opened for reading: a process starting while the data dir is read-only still opens
        with open(
            os.open(settings.data_dir / ".schema.lock", os.O_RDONLY | os.O_CREAT, 0o644)
        ) as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)
        return
    import psycopg  # noqa: PLC0415 (on PostgreSQL only: a SQLite store's commands skip it)

    with psycopg.connect(**pg.connect_kwargs(), autocommit=True) as conn:
        key = f"dealtrail:schema:{settings.database_schema}"
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))
