"""`dealtrail call` runs any API operation from the command line with the API's own rules."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from dealtrail.web.cli import cli
from tests.integration.cli_runs import run_cli, store_env


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


PARTY = {"name": "Lanzhou University of Technology", "kind": "university", "country": "CN"}


def test_a_token_named_like_an_operator_records_as_that_token_not_as_the_operator(
    settings: Settings,
) -> None:
    """A token an admin names `cli:root` and `dealtrail call` run by root are two callers: two
    actors, and the same idempotency key records once for each."""
    services = bootstrap(settings)
    try:
        info, secret = services.tokens.create("cli:root", Role.STAFF, created_by="pytest")
        client = create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, services)
        auth = {"Authorization": f"Bearer {secret}"}
        keyed = {**auth, "Idempotency-Key": "register-lut"}
        by_token = client.test_client().post("/api/v1/parties", json=PARTY, headers=keyed)
        assert by_token.status_code == 201, by_token.json
        args = ["call", "POST", "/api/v1/parties", "--data", json.dumps(PARTY)]
        by_root = run_cli(
            settings, *args, "--idempotency-key", "register-lut", LOGNAME="root", USER="root"
        )
        assert by_root.exit_code == 0, by_root.output
        ids = [by_token.json["id"], json.loads(by_root.stdout)["id"]]
        actors = [
            client.test_client()
            .get(f"/api/v1/parties/{party_id}/history", headers=auth)
            .json["items"][0]["metadata"]["actor"]
            for party_id in ids
        ]
    finally:
        services.close()
    assert ids[0] != ids[1]
    assert actors == [f"staff:token:{info.token_id}:cli:root", "staff:cli:root"]
