"""The CLI refuses what the API refuses, in one line on stderr with exit 1, recording nothing:
a token's name that is blank or not one line, and forgetting a name with no personal data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.cli import cli
from tests.integration.cli_runs import run_cli


def run(settings: Settings, *args: str) -> Result:
    return run_cli(settings, *args)


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


def recorded(services: Services) -> tuple[int, int]:
    """The log's head and the number of tokens."""
    return services.ledger.recorder.max_notification_id() or 0, len(services.tokens.list())


def refused_in_one_line(result: Result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "token name must not be blank"),
        ("\u200b", "token name must not be blank"),
        ("\u3164\u2800", "token name must not be blank"),
        ("Li\nNa", "token name must not contain tabs, line breaks"),
        ("Li\tNa", "token name must not contain tabs, line breaks"),
        ("n" * 191, "at most 190 characters"),
    ],
    ids=["empty", "zero width space", "fillers", "line feed", "tab", "too long"],
)
def test_a_token_is_not_created_for_a_name_that_is_not_one_line_of_text(
    settings: Settings, services: Services, name: str, message: str
) -> None:
    before = recorded(services)

    result = run(settings, "tokens", "create", "--role", "staff", "--name", name)

    refused_in_one_line(result, message)
    assert recorded(services) == before


def test_a_token_name_is_trimmed_and_recorded_as_issued(
    settings: Settings, services: Services
) -> None:
    result = run(settings, "tokens", "create", "--role", "staff", "--name", "  Li Na ")

    assert result.exit_code == 0, result.output
    assert [t.name for t in services.tokens.list()] == ["Li Na"]


def test_forgetting_nobody_records_no_erasure(settings: Settings, services: Services) -> None:
    before = recorded(services)

    result = run(settings, "privacy", "forget", "Nobody", "--reason", "Erasure request")

    refused_in_one_line(result, "No data subject named 'Nobody'")
    assert recorded(services) == before


def test_a_database_url_of_another_database_is_refused_in_one_line(tmp_path: Path) -> None:
    env = {"DEALTRAIL_DATA_DIR": str(tmp_path), "DEALTRAIL_DATABASE_URL": "mysql://u:hunter2@h/d"}

    result = CliRunner().invoke(cli, ["init"], env=env)

    refused_in_one_line(result, "DEALTRAIL_DATABASE_URL must be a postgresql:// URL, not mysql://")
    assert "hunter2" not in result.output
