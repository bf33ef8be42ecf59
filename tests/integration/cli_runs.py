"""Runs the `dealtrail` command in-process (click's CliRunner) on the store `settings` name."""

from __future__ import annotations

from click.testing import CliRunner, Result

from dealtrail.infrastructure.settings import Settings
from dealtrail.web.cli import cli


def store_env(settings: Settings) -> dict[str, str]:
    """The environment variables that name the store `settings` name."""
    return {
        "DEALTRAIL_DATA_DIR": str(settings.data_dir),
        "DEALTRAIL_DATABASE_URL": settings.database_url or "",
        "DEALTRAIL_DATABASE_SCHEMA": settings.database_schema,
    }


def run_cli(settings: Settings, *args: str, **env: str) -> Result:
    """`env` adds to (or overrides) the variables that name the store."""
    return CliRunner().invoke(cli, list(args), env={**store_env(settings), **env})
