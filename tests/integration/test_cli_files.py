"""A file named on the command line that cannot be read or written ends the command with one
line on stderr and exit 2 (click's code for a usage error), having recorded nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli


def refused_in_one_line(result: Result, line: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"Error: {line}\n"


@pytest.mark.parametrize(
    "command",
    [
        ["call", "POST", "/api/v1/parties", "--data", "@{path}"],
        ["audit", "check-bundle", "{path}"],
        ["import", "achievements", "{path}"],
    ],
    ids=["call --data", "audit check-bundle", "import achievements"],
)
def test_a_missing_file_to_read_is_refused_in_one_line(
    settings: Settings, services: Services, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.json"
    before = services.ledger.recorder.max_notification_id()

    result = run_cli(settings, *(arg.format(path=missing) for arg in command))

    refused_in_one_line(result, f"cannot read {missing}: No such file or directory")
    assert services.ledger.recorder.max_notification_id() == before


def test_a_directory_to_read_is_refused_in_one_line(settings: Settings, tmp_path: Path) -> None:
    result = run_cli(settings, "import", "achievements", str(tmp_path))

    refused_in_one_line(result, f"cannot read {tmp_path}: Is a directory")


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing-dir/audit.jsonl", "No such file or directory"), ("", "Is a directory")],
    ids=["in a missing directory", "a directory"],
)
def test_an_audit_bundle_that_cannot_be_written_is_refused_and_signs_no_head(
    settings: Settings, services: Services, tmp_path: Path, where: str, reason: str
) -> None:
    target = tmp_path / where

    result = run_cli(settings, "audit", "export", str(target))

    refused_in_one_line(result, f"cannot write {target}: {reason}")
    assert services.audit.latest_head() is None
