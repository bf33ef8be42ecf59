"""Migrations of the tables that cannot be rebuilt from the log (Alembic, run programmatically).

The views are not migrated: a view whose schema version changes is dropped and rebuilt from the
log (read_models.py). Everything else dealtrail keeps beside the log is here, on two branches:
- `records`: API tokens, the subject vault, the audit leaves and tree heads, the followers'
  positions (`dealtrail.sqlite3` on SQLite), declared in records.py's metadata;
- `events`: the idempotency records, which the event recorders write in the events'
  transaction (`events.sqlite3` on SQLite).
On SQLite each file has its own `alembic_version` table; on PostgreSQL both branches share one,
in DEALTRAIL_DATABASE_SCHEMA. `upgrade_stores` (upgrade.py) runs them at every start.

A change to one of these tables is a new revision in `versions/` on its branch, e.g.
`alembic.command.revision(migrations_config(), "add x", head="records@head")` (no alembic.ini),
and the Table changed to match (a test compares them). Migrations go forward only: these tables
cannot be rebuilt. On SQLite the driver runs DDL outside the transaction, so a revision stopped
half-way is run again from its start: write each one so that this is harmless (as the
baselines are: they create only what is missing).
"""
