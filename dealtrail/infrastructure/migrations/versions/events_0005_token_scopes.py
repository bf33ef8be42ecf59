"""Idempotency keys belong to one token: their scope, the caller's actor, names the token
(`<role>:token:<id>:<name>`) where it named only its holder (`<role>:<name>`).

A record kept before this revision is moved to the scope of the token that made it wherever
that can be known: exactly one token was ever issued with that role and name. Where two or
more were (the case this revision fixes) nothing tells which made it, so its records stay in
the old scope, which no caller has any more: a retry of such a command made before the upgrade
is recorded anew unless the record refuses it (a version check, a unique key). Old scopes
`<role>:cli:<user>` stay the CLI's: a token named `cli:<user>` shared them with
`dealtrail call`, so those are not moved either. The events keep the actor they were recorded
with.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "events_0005"
down_revision = "events_0004"
branch_labels = None
depends_on = None

TABLES = {"sqlite": "dealtrail_idempotency", "postgresql": "dealtrail_events_idempotency"}
TOKENS = "SELECT token_id, role, name FROM api_tokens"


def upgrade() -> None:
    bind = op.get_bind()
    table = TABLES[bind.dialect.name]
    issued: dict[str, list[str]] = defaultdict(list)
    for token_id, role, name in _tokens(bind):
        issued[f"{role}:{name}"].append(f"{role}:token:{token_id}:{name}")
    for old, (new, *others) in issued.items():
        if not others and not old.partition(":")[2].startswith("cli:"):
            bind.execute(
                sa.text(f"UPDATE {table} SET scope = :new WHERE scope = :old"),  # noqa: S608
                {"new": new, "old": old},
            )


def _tokens(bind: sa.Connection) -> list[tuple[str, str, str]]:
    """Every token issued before this revision (none in a new store)."""
    if bind.dialect.name != "sqlite":
        if not sa.inspect(bind).has_table("api_tokens"):
            return []
        return [tuple(row) for row in bind.execute(sa.text(TOKENS))]  # type: ignore[misc]
    # On SQLite the tokens are in the other database file, beside the views.
    events_file = bind.engine.url.database
    records_file = Path(events_file or "").with_name("dealtrail.sqlite3")
    if not events_file or not records_file.exists():
        return []
    records = sqlite3.connect(f"file:{records_file}?mode=ro", uri=True)
    try:
        found = records.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='api_tokens'"
        ).fetchone()
        return list(records.execute(TOKENS)) if found else []
    finally:
        records.close()
