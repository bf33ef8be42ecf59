from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


@pytest.fixture
def app(settings: Settings, services: Services) -> Flask:
    return create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, services)


class Api:
    """A test client that sends one role's bearer token."""

    def __init__(self, client: FlaskClient, token: str) -> None:
        self.client = client
        self.token = token

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
    _, secret = services.tokens.create(f"{role}-tester", role, created_by="pytest")
    return Api(app.test_client(), secret)


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
