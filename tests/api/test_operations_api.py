"""Operations: readiness, security headers, CORS only when configured."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.api.conftest import Api, register_party
from tests.api.follower_steps import (
    FOLLOWERS,
    catch_ups,
    record_what_every_follower_follows,
)


def test_readiness_reports_the_log_head_and_no_lag(app: Flask, staff: Api) -> None:
    register_party(staff)
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json["head"] == 1
    assert response.json["lag"] == dict.fromkeys(FOLLOWERS, 0)


@pytest.fixture
def workers(settings: Settings) -> Iterator[Services]:
    """Services whose followers run elsewhere (`dealtrail projections run`), allowed to lag
    by one event."""
    built = bootstrap(dataclasses.replace(settings, inline_followers=False, ready_max_lag=1))
    yield built
    built.close()


@pytest.mark.parametrize("lagging", FOLLOWERS)
def test_readiness_fails_while_any_follower_lags_and_returns_once_it_caught_up(
    workers: Services, lagging: str
) -> None:
    app = create_app({"DEALTRAIL_SETTINGS": workers.settings, "TESTING": True}, workers)
    _, token = workers.tokens.create("Li Na", Role.STAFF, created_by="pytest")
    record_what_every_follower_follows(Api(app.test_client(), token))
    followers = catch_ups(workers)
    assert set(followers) == set(FOLLOWERS)
    others = [follow for name, follow in followers.items() if name != lagging]
    for follow in others:
        follow()

    behind = app.test_client().get("/readyz")
    assert behind.status_code == 503 and behind.headers["Retry-After"] == "5"
    assert [f for f in FOLLOWERS if f in behind.json["detail"]] == [lagging]

    followers[lagging]()
    for follow in others:  # they follow what it recorded, if anything
        follow()
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 200
    assert ready.json["lag"] == dict.fromkeys(FOLLOWERS, 0)


def test_pages_and_answers_carry_security_headers(app: Flask, staff: Api) -> None:
    docs = app.test_client().get("/api/docs")
    assert docs.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in docs.headers["Content-Security-Policy"]
    answer = staff.get("/api/v1/parties")
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Frame-Options"] == "DENY"


def test_cors_is_off_unless_origins_are_configured(
    app: Flask, settings: Settings, services: Services
) -> None:
    origin = {"Origin": "https://dashboard.example"}
    assert (
        "Access-Control-Allow-Origin"
        not in app.test_client().get("/healthz", headers=origin).headers
    )

    allowed = dataclasses.replace(settings, cors_origins=("https://dashboard.example",))
    cors_app = create_app({"DEALTRAIL_SETTINGS": allowed, "TESTING": True}, services)
    preflight = cors_app.test_client().options(
        "/api/v1/parties",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://dashboard.example"
