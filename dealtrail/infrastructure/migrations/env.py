"""Alembic's environment: the connection (in upgrade_stores' transaction) and the schema of the
version table come from the Config's attributes."""

from __future__ import annotations

from alembic import context

config = context.config
context.configure(
    connection=config.attributes["connection"],
    version_table_schema=config.attributes["schema"],  # None on SQLite
)
with context.begin_transaction():
    context.run_migrations()
