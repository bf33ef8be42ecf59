"""Alembic's environment: the connection (in upgrade_stores' transaction) and the schema of the
version table come from the Config's attributes.

Alembic's own INFO lines (which dialect it found, at every start of every process) are left out
of the logs; dealtrail logs each revision it applies instead.
"""

from __future__ import annotations

import logging
from typing import Any

from alembic import context

logger = logging.getLogger("dealtrail.migrations")
logging.getLogger("alembic").setLevel(logging.WARNING)


def _applied(*, step: Any, **_: Any) -> None:
    logger.info("store migrated", extra={"fields": {"revision": step.up_revision_id}})


config = context.config
context.configure(
    connection=config.attributes["connection"],
    version_table_schema=config.attributes["schema"],  # None on SQLite
    on_version_apply=_applied,
)
with context.begin_transaction():
    context.run_migrations()
