"""Opening the stores: what every entry point does first, under the schema lock, and the one
table a command may need alone (the API tokens for `dealtrail tokens list`).

Only this is imported by such a command: not the application, the views nor the ledger, which
the composition root (bootstrap.py) builds on the engine opened here."""

from __future__ import annotations

from sqlalchemy import Engine

from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.migrations.upgrade import upgrade_stores
from dealtrail.infrastructure.postgres_url import DatabaseURLError
from dealtrail.infrastructure.schema_lock import schema_lock
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.store_format import StoreFormatMismatch, check_store_format
from dealtrail.infrastructure.tokens import SqlTokenStore

__all__ = [
    "DatabaseURLError",
    "Settings",
    "StoreFormatMismatch",
    "check_store_format",
    "migrated",
    "token_store",
]


def migrated(settings: Settings) -> Engine:
    """Dealtrail's own engine, the tables the log cannot rebuild migrated first. Run under the
    schema lock, after `check_store_format` (which refuses settings that would misread the
    store)."""
    engine = create_database_engine(settings)
    upgrade_stores(settings, engine)
    return engine


def token_store(settings: Settings) -> SqlTokenStore:
    """The API tokens alone, the stores opened as every entry point opens them; dispose of its
    `engine` when done."""
    with schema_lock(settings):
        check_store_format(settings)
        return SqlTokenStore(migrated(settings))
