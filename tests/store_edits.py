"""Writes straight to a store's tables, around dealtrail, as someone with database access could:
what the feed and the audit tools must make visible."""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg

from dealtrail.infrastructure.settings import Settings

SQLITE = {
    "t": "stored_events",
    "p": "rowid",
    "l": "dealtrail_leaves",
    "n": "dealtrail_tree_nodes",
    "h": "audit_tree_heads",
}
POSTGRES = {
    "t": "dealtrail_events",
    "p": "notification_id",
    "l": "dealtrail_events_leaves",
    "n": "dealtrail_events_tree_nodes",
    "h": "audit_tree_heads",
}


def store_sql(
    settings: Settings, statement: str, params: tuple[object, ...] = (), *, heads: bool = False
) -> list[Any]:
    """Runs one statement ({t} the events table, {p} its position column, {l} the leaves, {n} the
    stored subtrees, {h} the signed heads, which on SQLite are in dealtrail.sqlite3: say
    `heads=True`); its rows."""
    if settings.database_url is None:
        path = settings.data_dir / ("dealtrail.sqlite3" if heads else "events.sqlite3")
        with sqlite3.connect(path) as conn:
            cursor = conn.execute(statement.replace("%s", "?").format(**SQLITE), params)
            return cursor.fetchall()
    with psycopg.connect(settings.database_url, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        cursor = conn.execute(statement.format(**POSTGRES), params)
        return cursor.fetchall() if cursor.description else []


def edit_state(settings: Settings, position: int, old: bytes, new: bytes) -> None:
    """Replaces `old` by `new` in the stored state of the event at `position`."""
    [(state,)] = store_sql(settings, "SELECT state FROM {t} WHERE {p} = %s", (position,))
    assert old in bytes(state)
    edited = bytes(state).replace(old, new)
    store_sql(settings, "UPDATE {t} SET state = %s WHERE {p} = %s", (edited, position))
