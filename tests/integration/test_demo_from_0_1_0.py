"""The demo loaded by dealtrail 0.1.0 (tests/fixtures/stores/demo-0.1.0.tgz, commit 9be8743):
loading it again with today's code records nothing and fails nothing. Every demo command carries
an idempotency key, so this holds only while each command still fingerprints as it did then (a
refactoring of the commands must keep their fingerprints)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli
from tests.integration.old_stores import latest_revisions, unpack, versions

EVENTS = 2_319  # what the demo recorded: events, and commands with an idempotency key
KEYED_COMMANDS = 1_795


def _recorded(data_dir: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(data_dir / "events.sqlite3")) as conn:
        [(events,)] = conn.execute("SELECT max(rowid) FROM stored_events").fetchall()
        [(keyed,)] = conn.execute("SELECT count(*) FROM dealtrail_idempotency").fetchall()
    return events, keyed


@pytest.mark.slow(10)
def test_loading_the_demo_again_into_the_store_0_1_0_loaded_records_nothing(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    unpack("demo-0.1.0.tgz", settings.data_dir)
    assert _recorded(settings.data_dir) == (EVENTS, KEYED_COMMANDS)

    loaded = run_cli(settings, "demo", "load")

    assert loaded.exit_code == 0, loaded.output
    assert "demo loaded" in loaded.output
    assert _recorded(settings.data_dir) == (EVENTS, KEYED_COMMANDS)
    assert versions(settings) == latest_revisions(settings)
