"""`dealtrail --help` and `--version` speak of dealtrail alone, and never open the stores: they
work on a store the settings would refuse, or on none at all."""

from __future__ import annotations

import dataclasses
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import Result

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli

COMMANDS = {
    "audit",
    "call",
    "demo",
    "import",
    "init",
    "openapi",
    "privacy",
    "projections",
    "serve",
    "tokens",
}


def listed_commands(result: Result) -> set[str]:
    section = result.stdout.split("\nCommands:\n", 1)[1]
    return {line.split()[0] for line in section.splitlines() if line.startswith("  ")}


def test_the_help_lists_dealtrails_commands_and_options_only(tmp_path: Path) -> None:
    result = run_cli(Settings(data_dir=tmp_path / "data"), "--help")

    assert result.exit_code == 0, result.output
    assert listed_commands(result) == COMMANDS
    options = result.stdout.split("\nOptions:\n", 1)[1].split("\nCommands:\n", 1)[0]
    assert [line.split()[0] for line in options.splitlines()] == ["--version", "--help"]


def test_the_version_is_dealtrails_with_the_eventsourcing_it_runs_on(tmp_path: Path) -> None:
    result = run_cli(Settings(data_dir=tmp_path / "data"), "--version")

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"dealtrail {version('dealtrail')} (eventsourcing {version('eventsourcing')})\n"
    )


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["audit", "--help"], ["serve", "--help"]]
)
@pytest.mark.parametrize(
    "database_url", ["", "postgresql://nobody@127.0.0.1:1/nowhere"], ids=["sqlite", "postgres"]
)
def test_help_and_version_do_not_open_the_stores(
    tmp_path: Path, args: list[str], database_url: str
) -> None:
    """On SQLite, opening the store would create its directory; the PostgreSQL server named here
    does not exist, so opening it would fail."""
    data_dir = tmp_path / "data"

    result = run_cli(Settings(data_dir=data_dir), *args, DEALTRAIL_DATABASE_URL=database_url)

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert not data_dir.exists()


def test_help_on_a_store_the_settings_would_refuse_exits_0_without_a_traceback(
    settings: Settings,
) -> None:
    bootstrap(dataclasses.replace(settings, compress=True)).close()

    result = run_cli(settings, "--help", DEALTRAIL_COMPRESS="")

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert listed_commands(result) == COMMANDS
