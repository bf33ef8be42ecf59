"""Failed authentication is logged (client, token id, correlation id, never the secret) and a
client that keeps failing is refused with 429 by every worker until its window ends."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace

import pytest
from flask.testing import FlaskClient
from freezegun import freeze_time
from werkzeug.test import TestResponse

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from dealtrail.web.logs import JsonFormatter

PARTIES = "/api/v1/parties"
GUESSER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"
LIMIT, WINDOW = 3, 60


class Worker:
    """One app on its own services: what a gunicorn worker is."""

    def __init__(self, settings: Settings) -> None:
        self.services = bootstrap(settings)
        self.app = create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, self.services)
        self.client: FlaskClient = self.app.test_client()

    def get(self, token: str, client: str = GUESSER, **headers: str) -> TestResponse:
        return self.client.get(
            PARTIES,
            headers={"Authorization": f"Bearer {token}", **headers},
            environ_base={"REMOTE_ADDR": client},
        )


@pytest.fixture
def limited(settings: Settings) -> Settings:
    return replace(settings, auth_fail_limit=LIMIT, auth_fail_window=WINDOW)


@pytest.fixture
def workers(limited: Settings) -> Iterator[tuple[Worker, Worker]]:
    first, second = Worker(limited), Worker(limited)
    yield first, second
    first.services.close()
    second.services.close()


def _token(services: Services) -> tuple[str, str]:
    info, secret = services.tokens.create("Li Na", Role.STAFF, created_by="pytest")
    return info.token_id, secret


def _auth_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "dealtrail.auth"]


def test_each_failure_is_logged_with_client_token_id_and_correlation_id_never_the_secret(
    workers: tuple[Worker, Worker], caplog: pytest.LogCaptureFixture
) -> None:
    worker, _ = workers
    token_id, secret = _token(worker.services)
    guess = f"dt_{token_id}_{'x' * 43}"

    with caplog.at_level(logging.INFO, logger="dealtrail.auth"):
        assert worker.get(guess, **{"X-Correlation-ID": "guess-1"}).status_code == 401
        assert worker.get("not-a-token").status_code == 401
        missing = worker.client.get(PARTIES, environ_base={"REMOTE_ADDR": GUESSER})
        assert missing.status_code == 401
        assert worker.get(secret).status_code == 200

    lines = _auth_lines(caplog)
    picked = [(e["reason"], e["client"], e["token_id"]) for e in lines]
    assert picked == [
        ("invalid_token", GUESSER, token_id),
        ("invalid_token", GUESSER, None),
        ("missing_token", GUESSER, None),
    ]
    assert lines[0]["correlation_id"] == "guess-1"
    assert all(e["correlation_id"] for e in lines)
    assert (lines[0]["level"], lines[0]["path"]) == ("warning", PARTIES)
    assert guess not in json.dumps(lines) and secret not in json.dumps(lines)


def test_a_client_that_keeps_failing_is_refused_by_every_worker_until_its_window_ends(
    workers: tuple[Worker, Worker],
) -> None:
    first, second = workers
    _, secret = _token(first.services)
    guess = "dt_0123456789abcdef_guessed"
    with freeze_time("2026-12-07T09:00:00Z") as clock:
        answers = [w.get(guess).status_code for w in (first, second, first)]
        assert answers == [401] * LIMIT

        clock.tick(10)
        refused = second.get(guess)
        with_a_valid_token = first.get(secret)
        from_elsewhere = second.get(secret, client=COLLEAGUE)

        assert refused.status_code == 429
        assert refused.headers["Retry-After"] == str(WINDOW - 10)
        assert refused.content_type == "application/problem+json"
        assert (refused.json["status"], refused.json["code"]) == (429, "too_many_requests")
        assert with_a_valid_token.status_code == 429  # not looked at while the client waits
        assert from_elsewhere.status_code == 200

        clock.tick(WINDOW - 10)
        assert first.get(secret).status_code == 200
        again = [w.get(guess).status_code for w in (second, first, second, first)]
        assert again == [401] * LIMIT + [429]  # a new window, counted from 1
        assert first.get(guess).headers["Retry-After"] == str(WINDOW)


def test_a_token_this_worker_verified_is_not_refused_with_the_client(
    workers: tuple[Worker, Worker],
) -> None:
    """A secret this process checked before is no guess: it is answered from memory, with no
    look-up of the client's failures (so a request that authenticates costs no extra query)."""
    first, _ = workers
    _, secret = _token(first.services)
    assert first.get(secret).status_code == 200
    for _ in range(LIMIT + 1):
        first.get("dt_0123456789abcdef_guessed")

    assert first.get("dt_0123456789abcdef_guessed").status_code == 429
    assert first.get(secret).status_code == 200


def test_the_client_is_the_forwarded_one_only_behind_trusted_proxies(limited: Settings) -> None:
    guess = "dt_0123456789abcdef_guessed"
    direct = Worker(limited)
    try:
        for hop in range(LIMIT):  # a forged X-Forwarded-For changes nothing
            direct.get(guess, **{"X-Forwarded-For": f"192.0.2.{hop}"})
        assert direct.get(guess, **{"X-Forwarded-For": "192.0.2.99"}).status_code == 429
    finally:
        direct.services.close()

    proxied = Worker(replace(limited, trusted_proxies=1))
    try:
        for _ in range(LIMIT):  # every request comes from the proxy, for one client behind it
            proxied.get(guess, client="10.0.0.2", **{"X-Forwarded-For": "192.0.2.50"})
        behind = proxied.get(guess, client="10.0.0.2", **{"X-Forwarded-For": "192.0.2.50"})
        other = proxied.get(guess, client="10.0.0.2", **{"X-Forwarded-For": "192.0.2.51"})
        assert (behind.status_code, other.status_code) == (429, 401)
    finally:
        proxied.services.close()


def test_the_openapi_document_declares_the_429_on_every_operation_needing_a_token(
    workers: tuple[Worker, Worker],
) -> None:
    document = workers[0].client.get("/api/openapi.json").json
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "post", "put", "delete") and operation.get("security") != []:
                assert "429" in operation["responses"], (method, path)
