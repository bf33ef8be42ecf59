"""Operations: readiness, security headers, CORS only when configured."""

from __future__ import annotations

import dataclasses

from flask import Flask

from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from dealtrail.web.services import Services
from tests.api.conftest import Api, register_party


def test_readiness_reports_the_log_head_and_no_lag(app: Flask, staff: Api) -> None:
    register_party(staff)
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json["head"] == 1
    assert response.json["lag"] == {"catalogue": 0, "audit": 0}


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
