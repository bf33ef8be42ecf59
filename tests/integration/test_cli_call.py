"""`dealtrail call` runs any API operation from the command line with the API's own rules."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dealtrail.infrastructure.settings import Settings
from dealtrail.web.cli import cli
from tests.integration.cli_runs import store_env


def test_staff_record_and_read_through_the_cli_as_their_os_user(settings: Settings) -> None:
    runner = CliRunner()
    env = store_env(settings)
    body = json.dumps(
        {"name": "Lanzhou University of Technology", "kind": "university", "country": "CN"}
    )
    created = runner.invoke(cli, ["call", "POST", "/api/v1/parties", "--data", body], env=env)
    assert created.exit_code == 0, created.output
    party = json.loads(created.stdout)

    history = runner.invoke(
        cli, ["call", "GET", f"/api/v1/parties/{party['id']}/history", "--role", "auditor"], env=env
    )
    entry = json.loads(history.stdout)["items"][0]
    assert entry["type"] == "Registered"
    assert entry["metadata"]["actor"].startswith("staff:cli:")


def test_the_role_matrix_and_validation_apply_to_the_cli(settings: Settings) -> None:
    runner = CliRunner()
    env = store_env(settings)
    refused = runner.invoke(
        cli, ["call", "POST", "/api/v1/parties", "--role", "dashboard", "--data", "{}"], env=env
    )
    assert refused.exit_code == 1 and json.loads(refused.stdout)["status"] == 403
    invalid = runner.invoke(cli, ["call", "POST", "/api/v1/parties", "--data", "{}"], env=env)
    assert invalid.exit_code == 1 and json.loads(invalid.stdout)["code"] == "validation_failed"


def test_the_cli_refuses_a_body_that_would_lose_or_misread_a_value(settings: Settings) -> None:
    runner = CliRunner()
    env = store_env(settings)
    party = '{"name": "A", "kind": "company", "country": "CN"'
    for data, code in [
        (party + ', "name": "B"}', "body.duplicate_key"),
        (party + ', "corrects": ' + "9" * 5000 + "}", "malformed_request"),
    ]:
        refused = runner.invoke(cli, ["call", "POST", "/api/v1/parties", "--data", data], env=env)
        assert refused.exit_code == 1, refused.output
        assert (json.loads(refused.stdout)["status"], json.loads(refused.stdout)["code"]) == (
            400,
            code,
        )
    listed = runner.invoke(cli, ["call", "GET", "/api/v1/parties"], env=env)
    assert json.loads(listed.stdout)["items"] == []
