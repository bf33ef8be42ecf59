from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dealtrail.application.ports.tokens import Principal, Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


# The process's apps, by the settings an app takes from its Settings (body limit, CORS origins).
# Building an app (its hundreds of routes) cost more CPU than most API tests; an app holds no
# state of its own besides its configuration and routes, so a test gets one an earlier test used,
# bound to its own Settings and Services.
_apps: dict[tuple[object, ...], Flask] = {}


def _app_shape(app: Flask) -> tuple[object, ...]:
    """What a test could change in an app: its configuration, routes, hooks and handlers."""
    return (
        dict(app.config),
        [(rule.rule, rule.endpoint, sorted(rule.methods or ())) for rule in app.url_map._rules],
        dict(app.view_functions),
        {key: list(funcs) for key, funcs in app.before_request_funcs.items()},
        {key: list(funcs) for key, funcs in app.after_request_funcs.items()},
        {key: list(funcs) for key, funcs in app.teardown_request_funcs.items()},
        {  # without the empty entries its defaultdicts gain as handlers are looked up
            (name, code): dict(handlers)
            for name, by_code in app.error_handler_spec.items()
            for code, handlers in by_code.items()
            if handlers
        },
        sorted(app.extensions),
    )


@pytest.fixture
def app(settings: Settings, services: Services) -> Iterator[Flask]:
    """An app serving `services`: one an earlier test of the process used, rebound, if none of
    them changed it (else a new one)."""
    key = (settings.max_body_bytes, settings.cors_origins, settings.trusted_proxies)
    built = _apps.pop(key, None) or create_app(
        {"DEALTRAIL_SETTINGS": settings, "TESTING": True}, services
    )
    built.config["DEALTRAIL_SETTINGS"] = settings
    built.extensions["dealtrail"] = services
    shape = _app_shape(built)
    yield built
    if _app_shape(built) == shape:
        built.extensions["dealtrail"] = None  # the test's services are closed after it
        _apps[key] = built


class Api:
    """A test client that sends one role's bearer token."""

    def __init__(self, client: FlaskClient, token: str, actor: str = "") -> None:
        self.client = client
        self.token = token
        self.actor = actor  # what the events it causes record as their actor

    def _headers(self, headers: dict[str, str] | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **(headers or {})}

    def get(self, path: str, headers: dict[str, str] | None = None) -> TestResponse:
        return self.client.get(path, headers=self._headers(headers))

    def post(
        self, path: str, json: Any = None, headers: dict[str, str] | None = None
    ) -> TestResponse:
        return self.client.post(path, json=json, headers=self._headers(headers))

    def put(
        self, path: str, json: Any = None, headers: dict[str, str] | None = None
    ) -> TestResponse:
        return self.client.put(path, json=json, headers=self._headers(headers))

    def delete(self, path: str, headers: dict[str, str] | None = None) -> TestResponse:
        return self.client.delete(path, headers=self._headers(headers))


def _api(app: Flask, services: Services, role: Role) -> Api:
    info, secret = services.tokens.create(f"{role}-tester", role, created_by="pytest")
    return Api(app.test_client(), secret, Principal(info.token_id, info.name, role).actor)


@pytest.fixture
def staff(app: Flask, services: Services) -> Api:
    return _api(app, services, Role.STAFF)


@pytest.fixture
def auditor(app: Flask, services: Services) -> Api:
    return _api(app, services, Role.AUDITOR)


@pytest.fixture
def dashboard(app: Flask, services: Services) -> Api:
    return _api(app, services, Role.DASHBOARD)


@pytest.fixture
def admin(app: Flask, services: Services) -> Api:
    return _api(app, services, Role.ADMIN)


def register_party(api: Api, name: str = "Xi'an Jiaotong University", country: str = "CN") -> str:
    response = api.post(
        "/api/v1/parties", json={"name": name, "kind": "university", "country": country}
    )
    assert response.status_code == 201, response.json
    return response.json["id"]


def draft_agreement(api: Api, party_ids: list[str], **terms: Any) -> dict[str, Any]:
    body = {
        "kind": "cooperation",
        "terms": {"title": "International cooperation agreement", **terms},
        "parties": [{"party_id": p, "role": "cooperation_partner"} for p in party_ids],
    }
    response = api.post("/api/v1/agreements", json=body)
    assert response.status_code == 201, response.json
    return response.json


def sign(api: Api, agreement_id: str, party_id: str, signed_on: str = "2026-11-20") -> TestResponse:
    return api.post(
        f"/api/v1/agreements/{agreement_id}/signatures",
        json={
            "party_id": party_id,
            "signatory_name": "Zhang Wei",
            "signatory_title": "President",
            "signed_on": signed_on,
        },
    )
