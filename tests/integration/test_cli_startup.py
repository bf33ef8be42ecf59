"""Commands that do not serve never build the Flask app: they import neither it, its OpenAPI
machinery, gunicorn nor the demo (a fresh interpreter per command, as a user runs it)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import dealtrail_env
from tests.store_edits import store_sql

APP_ONLY = ("flask_smorest", "apispec", "gunicorn", "dealtrail.web.app", "dealtrail.demo")
PROBE = """
import json, sys
from dealtrail.web.cli import cli
try:
    cli(sys.argv[1:], prog_name="dealtrail")
except SystemExit as stop:
    code = stop.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(settings: Settings, *args: str) -> tuple[str, int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=dealtrail_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, report["code"], set(report["modules"])


@pytest.mark.parametrize(
    "command", [("tokens", "list"), ("projections", "status"), ("audit", "verify")]
)
def test_a_command_that_does_not_serve_imports_no_app(
    settings: Settings, command: tuple[str, ...]
) -> None:
    _, code, modules = _run(settings, *command)

    assert code == 0
    imported = {m for m in modules if any(m == a or m.startswith(f"{a}.") for a in APP_ONLY)}
    assert imported == set()


def test_the_commands_that_serve_build_the_app(settings: Settings) -> None:
    stdout, code, modules = _run(settings, "call", "GET", "/api/v1/parties")

    assert code == 0 and json.loads(stdout)["items"] == []
    assert {"flask_smorest", "dealtrail.web.app"} <= modules


# what `tokens list` skips once the store is at the latest revisions: the application and the
# ledger (it reads one table), Alembic (nothing to migrate)
NOT_FOR_TOKENS = (
    "dealtrail.application.ledger",
    "dealtrail.bootstrap",
    "dealtrail.domain.base",
    "eventsourcing.persistence",
    "alembic",
)


def test_listing_tokens_opens_the_token_table_alone(settings: Settings) -> None:
    _run(settings, "init")  # migrates the new store: Alembic runs
    _, code, modules = _run(settings, "tokens", "list")

    assert code == 0
    imported = {m for m in modules if any(m == a or m.startswith(f"{a}.") for a in NOT_FOR_TOKENS)}
    assert imported == set()
    assert ("psycopg" in modules) == (settings.database_url is not None)


def test_a_store_behind_is_migrated_by_any_command(settings: Settings) -> None:
    _run(settings, "init")
    store_sql(settings, "DELETE FROM alembic_version", ())  # as before the first migration
    if settings.database_url is None:
        store_sql(settings, "DELETE FROM alembic_version", (), heads=True)
    _, code, modules = _run(settings, "tokens", "list")

    assert code == 0 and "alembic" in modules
