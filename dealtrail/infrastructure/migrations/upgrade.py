"""Brings the tables that cannot be rebuilt from the log to the latest revision, at every start.

Run by whatever opens the stores (`dealtrail init`, `serve`, every command and worker), under
the schema lock (so of processes starting together one migrates, the others find it done) and
before the Ledger opens the events. On PostgreSQL a store's migrations commit with its version
rows, or not at all.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from dealtrail.infrastructure.database import create_events_engine
from dealtrail.infrastructure.settings import Settings

LOCATION = Path(__file__).parent
RECORDS = "records@head"
EVENTS = "events@head"


def upgrade_stores(settings: Settings, engine: Engine) -> None:
    """`engine` is dealtrail's own database (create_database_engine). On PostgreSQL it holds the
    events too, and both branches; on SQLite the events branch is in events.sqlite3. The events
    branch goes first: its events_0002 copies the audit leaves that records_0002 then drops."""
    if settings.postgres is not None:
        _upgrade(engine, settings.database_schema, (EVENTS, RECORDS))
        return
    events = create_events_engine(settings)
    try:
        _upgrade(events, None, (EVENTS,))
    finally:
        events.dispose()
    _upgrade(engine, None, (RECORDS,))


def migrations_config() -> Config:
    """Alembic's configuration, without an alembic.ini: the scripts ship in the package."""
    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    return config


def _upgrade(engine: Engine, schema: str | None, targets: tuple[str, ...]) -> None:
    with engine.begin() as conn:
        config = migrations_config()
        config.attributes.update(connection=conn, schema=schema)
        for target in targets:
            command.upgrade(config, target)
