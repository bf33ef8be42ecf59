"""`dealtrail projections status` reports each follower's lag as `/readyz` counts it."""

from __future__ import annotations

import json

from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli


def _lags(output: str) -> dict[str, int]:
    rows = [line.split() for line in output.splitlines()[1:] if line.strip()]
    return {name: int(lag) for name, _position, _head, lag in rows}


def test_a_policy_with_nothing_to_react_to_shows_no_lag_while_the_views_do(
    settings: Settings,
) -> None:
    worker_mode = {"DEALTRAIL_INLINE_FOLLOWERS": "0"}
    for name in ("Xi'an Jiaotong University", "Northwest University"):
        body = json.dumps({"name": name, "kind": "university", "country": "CN"})
        created = run_cli(
            settings, "call", "POST", "/api/v1/parties", "--data", body, **worker_mode
        )
        assert created.exit_code == 0, created.output

    status = run_cli(settings, "projections", "status", **worker_mode)

    assert status.exit_code == 0, status.output
    lags = _lags(status.stdout)
    assert lags["catalogue"] == 2
    # the policies react to no party registration: nothing holds them up
    assert {n: lag for n, lag in lags.items() if n.startswith("policy:")} == {
        "policy:trading_event_exhibits": 0,
        "policy:owner_of_record": 0,
    }
