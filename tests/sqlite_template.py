"""An empty SQLite store built once per test process and copied for each SQLite test.

A `settings` test on SQLite used to have dealtrail create its thirty-odd tables in new files:
each CREATE a commit (an fsync), about 0.3 s of waiting and 0.06 s of CPU per test. Copying the
files of a store built once is a tenth of that. The copy is emptied as StorePool empties a
PostgreSQL schema (tests/store_pool.py): every row deleted, every AUTOINCREMENT counter reset, the
store format record's table dropped, only eventsourcing's record of its tracking table's layout
and each file's migration version kept; the audit signing key and the schema lock file are not
copied (each store makes its own).
So the store a test opens is as new: it records its own format, vault secrets and key.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings


class SqliteTemplate:
    def __init__(self, directory: Path) -> None:
        reference = directory / "reference"
        bootstrap(Settings(reference)).close()
        self.files = sorted(reference.glob("*.sqlite3"))
        assert self.files, f"no SQLite file in {reference}"
        for path in self.files:
            _empty(path)
        leftovers = {p.name for p in reference.iterdir()} - {p.name for p in self.files}
        # Only the files each store makes for itself may stay behind (no -wal, no -shm).
        assert leftovers <= {".schema.lock", "audit-signing-key.pem"}, leftovers

    def copy_to(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        for path in self.files:
            shutil.copyfile(path, data_dir / path.name)


def _empty(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TABLE IF EXISTS dealtrail_store_format")
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_") and name != "alembic_version"  # kept: as migrated
        ]
        for table in tables:
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            if "application_name" in columns:  # eventsourcing's tracking table: see StorePool
                conn.execute(f"DELETE FROM \"{table}\" WHERE application_name <> '__migration__'")
                [(remaining,)] = conn.execute(f'SELECT count(*) FROM "{table}"')
                assert remaining == 1, f"{path}: {table} has no migration row"
            else:
                conn.execute(f'DELETE FROM "{table}"')
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            conn.execute("DELETE FROM sqlite_sequence")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
