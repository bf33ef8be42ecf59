"""Baseline of the `events` branch: the idempotency records kept beside the events, exactly as
the event recorders of commit 9be8743 created them (the same statements, so the same table).

Created only if missing: a store made before migrations holds it already, so upgrading it
records this revision and creates and alters nothing (it is adopted as it is).
"""

from __future__ import annotations

from alembic import op

revision = "events_0001"
down_revision = None
branch_labels = ("events",)
depends_on = None

SQLITE = (
    "CREATE TABLE IF NOT EXISTS dealtrail_idempotency ("
    "scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, "
    "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
    "PRIMARY KEY (scope, key))"
)
# In the schema the connection's search_path names (DEALTRAIL_DATABASE_SCHEMA), beside the
# Ledger's dealtrail_events table.
POSTGRES = (
    "CREATE TABLE IF NOT EXISTS dealtrail_events_idempotency ("
    "scope text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, "
    "originator_id text NOT NULL, originator_version bigint NOT NULL, "
    "PRIMARY KEY (scope, key))"
)


def upgrade() -> None:
    op.execute(SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRES)
