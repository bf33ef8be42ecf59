"""Every follower's lag is the same in /readyz and `dealtrail projections status`: the events
from the first one it has yet to take into account, 0 once it has caught up, whatever it skips
(a policy reads only the events it reacts to). After a catch-up each policy's position is the
head it found, so status shows no follower behind once the workers have run."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.api.conftest import Api
from tests.api.follower_steps import FOLLOWERS, catch_ups, record_what_every_follower_follows
from tests.integration.cli_runs import run_cli

KEPT_BEHIND = "policy:owner_of_record"


@pytest.fixture
def workers(settings: Settings) -> Iterator[Services]:
    """Services whose followers run in `dealtrail projections run` workers (here: by hand), with
    a readiness threshold no lag reaches, so /readyz reports every lag."""
    built = bootstrap(dataclasses.replace(settings, inline_followers=False, ready_max_lag=10**6))
    yield built
    built.close()


def _status(settings: Settings) -> dict[str, tuple[int, int, int]]:
    """`projections status`, by follower: (position, head, lag)."""
    shown = run_cli(settings, "projections", "status", DEALTRAIL_INLINE_FOLLOWERS="0")
    assert shown.exit_code == 0, shown.output
    rows = [line.split() for line in shown.stdout.splitlines()[1:] if line.strip()]
    return {name: (int(position), int(head), int(lag)) for name, position, head, lag in rows}


def _readiness(app: Flask) -> dict[str, int]:
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 200, ready.json
    return ready.json["lag"]


def test_status_and_readiness_agree_on_every_lag_and_show_none_once_caught_up(
    workers: Services,
) -> None:
    app = create_app({"DEALTRAIL_SETTINGS": workers.settings, "TESTING": True}, workers)
    _, token = workers.tokens.create("Li Na", Role.STAFF, created_by="pytest")
    record_what_every_follower_follows(Api(app.test_client(), token))
    followers = catch_ups(workers)
    for name, follow in followers.items():
        if name != KEPT_BEHIND:
            follow()
    for name, follow in followers.items():  # what the other policy recorded
        if not name.startswith("policy:"):
            follow()

    status = _status(workers.settings)
    lags = _readiness(app)
    assert set(status) == set(lags) == set(FOLLOWERS)
    assert {name: lag for name, (_, _, lag) in status.items()} == lags
    assert lags[KEPT_BEHIND] > 0  # the assignment waits for it
    assert [name for name, lag in lags.items() if lag] == [KEPT_BEHIND]

    for _ in range(2):  # then the others follow what it recorded
        for follow in followers.values():
            follow()

    status = _status(workers.settings)
    assert _readiness(app) == dict.fromkeys(FOLLOWERS, 0)
    head = workers.followers.head()
    assert {
        name: (lag, shown_head) for name, (_, shown_head, lag) in status.items()
    } == dict.fromkeys(FOLLOWERS, (0, head))
    # every follower but the signer (which signs on its cadence) has reached the head
    assert {name: position for name, (position, _, _) in status.items() if name != "audit"} == (
        dict.fromkeys(set(FOLLOWERS) - {"audit"}, head)
    )
