"""With the views followed by separate workers, a read can wait for the position it needs."""

from __future__ import annotations

import dataclasses

import pytest

from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.tokens import Role
from dealtrail.web import consistency
from dealtrail.web.app import create_app
from dealtrail.web.services import build_services


def test_a_read_waits_for_its_position_or_says_when_to_retry(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consistency, "WAIT_SECONDS", 0.3)
    worker_mode = dataclasses.replace(settings, inline_followers=False)
    services = build_services(worker_mode)
    try:
        app = create_app({"DEALTRAIL_SETTINGS": worker_mode, "TESTING": True}, services)
        _, token = services.tokens.create("Li Na", Role.STAFF, created_by="pytest")
        client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
        created = client.post(
            "/api/v1/parties",
            json={"name": "Tashkent TU", "kind": "university", "country": "UZ"},
            headers=auth,
        )
        position = created.headers["Dealtrail-Log-Position"]
        wait = {**auth, "Dealtrail-Min-Position": position}

        behind = client.get("/api/v1/parties", headers=wait)
        assert behind.status_code == 503 and behind.headers["Retry-After"] == "1"
        assert client.get("/api/v1/parties", headers=auth).json["items"] == []

        services.catalogue.catch_up()  # what a `dealtrail projections run` worker does
        caught_up = client.get("/api/v1/parties", headers=wait)
        assert [p["name"] for p in caught_up.json["items"]] == ["Tashkent TU"]
    finally:
        services.close()
