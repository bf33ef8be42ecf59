"""Brings the tables that cannot be rebuilt from the log to the latest revision, at every start.

Run by whatever opens the stores (`dealtrail init`, `serve`, every command and worker), under
the schema lock (so of processes starting together one migrates, the others find it done) and
before the Ledger opens the events. On PostgreSQL a store's migrations commit with its version
rows, or not at all.

A store already at the latest revisions is told by its version table alone (`at_heads`), so a
process that finds nothing to migrate never imports Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, column, inspect, select, table

from dealtrail.infrastructure.database import create_events_engine
from dealtrail.infrastructure.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

LOCATION = Path(__file__).parent
RECORDS = "records@head"
EVENTS = "events@head"
VERSION_TABLE = "alembic_version"  # Alembic's default, as env.py leaves it


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
    from alembic.config import Config  # noqa: PLC0415 (only to migrate: see the module's doc)

    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    return config


@cache
def heads() -> dict[str, str]:
    """Each branch's latest revision, by its label ("events", "records"), read from the
    scripts' own `revision`, `down_revision` and `branch_labels` lines; empty if a script has
    them in another form (then every start asks Alembic, as before this shortcut)."""
    down: dict[str, str | None] = {}
    labels: dict[str, str] = {}
    for script in (LOCATION / "versions").glob("[!_]*.py"):
        source = script.read_text(encoding="utf-8")
        revision = re.search(r'^revision = "(\w+)"$', source, re.MULTILINE)
        parent = re.search(r'^down_revision = (?:None|"(\w+)")$', source, re.MULTILINE)
        label = re.search(r'^branch_labels = (?:None|\("(\w+)",\))$', source, re.MULTILINE)
        if not (revision and parent and label):
            return {}
        down[revision.group(1)] = parent.group(1)
        if label.group(1):
            labels[revision.group(1)] = label.group(1)
    found: dict[str, str] = {}
    for tip in set(down) - set(down.values()):
        root: str | None = tip
        while root is not None and root not in labels:
            root = down.get(root)
        if root is None or labels[root] in found:
            return {}
        found[labels[root]] = tip
    return found


def at_heads(engine: Engine, schema: str | None, targets: tuple[str, ...]) -> bool:
    """Whether the version table holds exactly the latest revision of each branch in
    `targets`: then `command.upgrade` would find nothing to do."""
    wanted = {heads().get(target.partition("@")[0]) for target in targets}
    if None in wanted:
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE, schema=schema):
            return False
        versions = table(VERSION_TABLE, column("version_num"), schema=schema)
        found = set(conn.execute(select(versions.c.version_num)).scalars())
    return found == wanted


def _upgrade(engine: Engine, schema: str | None, targets: tuple[str, ...]) -> None:
    if at_heads(engine, schema, targets):
        return
    from alembic import command  # noqa: PLC0415 (only to migrate: see the module's doc)

    with engine.begin() as conn:
        config = migrations_config()
        config.attributes.update(connection=conn, schema=schema)
        for target in targets:
            command.upgrade(config, target)
