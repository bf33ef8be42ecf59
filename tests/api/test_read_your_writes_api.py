"""With the views followed by separate workers, a read can wait for the position it needs."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from flask.testing import FlaskClient

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web import consistency
from dealtrail.web.app import create_app


def test_a_read_waits_for_its_position_or_says_when_to_retry(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consistency, "WAIT_SECONDS", 0.3)
    worker_mode = dataclasses.replace(settings, inline_followers=False)
    services = bootstrap(worker_mode)
    try:
        client, auth, wait = _register_a_party(worker_mode, services)

        behind = client.get("/api/v1/parties", headers=wait)
        assert behind.status_code == 503 and behind.headers["Retry-After"] == "1"
        assert client.get("/api/v1/parties", headers=auth).json["items"] == []

        services.read_models.catch_up()  # what a `dealtrail projections run` worker does
        caught_up = client.get("/api/v1/parties", headers=wait)
        assert [p["name"] for p in caught_up.json["items"]] == ["Tashkent TU"]
    finally:
        services.close()


def test_a_read_ahead_of_the_views_waits_for_a_worker_to_catch_them_up(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker_mode = dataclasses.replace(settings, inline_followers=False)
    services, worker = bootstrap(worker_mode), bootstrap(worker_mode)
    try:
        client, _, wait = _register_a_party(worker_mode, services)
        waiting = _when_the_read_is_waiting(services, monkeypatch)
        failures: list[BaseException] = []

        def catch_up_once_the_read_waits() -> None:  # what `dealtrail projections run` does
            try:
                assert waiting.wait(timeout=30), "the read never waited for the views"
                worker.read_models.catch_up()
            except BaseException as failure:
                failures.append(failure)

        catching_up = threading.Thread(target=catch_up_once_the_read_waits)
        catching_up.start()
        read = client.get("/api/v1/parties", headers=wait)
        catching_up.join()

        assert failures == []
        assert read.status_code == 200, read.json
        assert [p["name"] for p in read.json["items"]] == ["Tashkent TU"]
    finally:
        worker.close()
        services.close()


def _register_a_party(
    settings: Settings, services: Services
) -> tuple[FlaskClient, dict[str, str], dict[str, str]]:
    """Staff register a party; the client, their auth headers, and those asking for the write."""
    app = create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, services)
    _, token = services.tokens.create("Li Na", Role.STAFF, created_by="pytest")
    client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
    created = client.post(
        "/api/v1/parties",
        json={"name": "Tashkent TU", "kind": "university", "country": "UZ"},
        headers=auth,
    )
    assert created.status_code == 201, created.json
    return (
        client,
        auth,
        {**auth, "Dealtrail-Min-Position": created.headers["Dealtrail-Log-Position"]},
    )


def _when_the_read_is_waiting(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> threading.Event:
    """Set once a read has found the views behind its position, and so waits for them."""
    waiting = threading.Event()
    has_tracking_id = services.read_models.tracking.has_tracking_id

    def polled(name: str, position: int | None) -> bool:
        reached = has_tracking_id(name, position)
        if not reached:
            waiting.set()
        return reached

    monkeypatch.setattr(services.read_models.tracking, "has_tracking_id", polled)
    return waiting
