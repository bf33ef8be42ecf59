"""A browser client on a listed origin may send every header the API reads and read every header
it answers with (read-your-writes, idempotency, concurrency control, receipts); any other origin
gets no CORS headers at all."""

from __future__ import annotations

import dataclasses

import pytest
from flask.testing import FlaskClient

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app

ORIGIN = "https://dashboard.example"
SENT = [
    "Authorization",
    "Content-Type",
    "Dealtrail-Min-Position",
    "X-Correlation-ID",
    "X-Causation-ID",
    "Idempotency-Key",
    "If-Match",
]
READ = [
    "ETag",
    "Location",
    "Dealtrail-Log-Position",
    "Dealtrail-Leaf-Hash",
    "Dealtrail-Receipt",
    "Idempotent-Replayed",
    "X-Correlation-ID",
    "Retry-After",
]
PARTY = {"name": "Tashkent TU", "kind": "university", "country": "UZ"}


@pytest.fixture
def client(settings: Settings, services: Services) -> FlaskClient:
    allowed = dataclasses.replace(settings, cors_origins=(ORIGIN,))
    return create_app({"DEALTRAIL_SETTINGS": allowed, "TESTING": True}, services).test_client()


@pytest.fixture
def token(services: Services) -> str:
    return services.tokens.create("Li Na", Role.STAFF, created_by="pytest")[1]


def listed(value: str | None) -> set[str]:
    return {name.strip().lower() for name in (value or "").split(",") if name.strip()}


def preflight(client: FlaskClient, origin: str) -> dict[str, str]:
    """What a browser asks before a POST that sends all of SENT (lower-case, as browsers do)."""
    response = client.options(
        "/api/v1/parties",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": ",".join(sorted(h.lower() for h in SENT)),
        },
    )
    assert response.status_code == 200
    return dict(response.headers)


def cors_headers(headers: dict[str, str]) -> list[str]:
    return [name for name in headers if name.lower().startswith("access-control-")]


def test_a_preflight_from_a_listed_origin_allows_every_header_the_api_reads(
    client: FlaskClient,
) -> None:
    allowed = preflight(client, ORIGIN)

    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "post" in listed(allowed["Access-Control-Allow-Methods"])
    refused = {h.lower() for h in SENT} - listed(allowed.get("Access-Control-Allow-Headers"))
    assert refused == set()


def test_a_command_from_a_listed_origin_exposes_every_header_it_answers_with(
    client: FlaskClient, token: str
) -> None:
    sent = {
        "Origin": ORIGIN,
        "Authorization": f"Bearer {token}",
        "Idempotency-Key": "register-tashkent",
        "X-Correlation-ID": "browser-session-1",
    }
    client.post("/api/v1/parties", json=PARTY, headers=sent)

    replayed = client.post("/api/v1/parties", json=PARTY, headers=sent)

    assert replayed.status_code == 201, replayed.json
    assert replayed.headers["Access-Control-Allow-Origin"] == ORIGIN
    exposed = listed(replayed.headers.get("Access-Control-Expose-Headers"))
    hidden = {h.lower() for h in READ} - exposed
    assert hidden == set()
    answered = {
        "ETag",
        "Location",
        "Dealtrail-Log-Position",
        "Dealtrail-Leaf-Hash",
        "Dealtrail-Receipt",
    }
    assert answered | {"Idempotent-Replayed", "X-Correlation-ID"} <= set(replayed.headers.keys())


def test_an_origin_not_listed_gets_no_cors_headers(client: FlaskClient, token: str) -> None:
    elsewhere = "https://elsewhere.example"

    assert cors_headers(preflight(client, elsewhere)) == []
    answer = client.post(
        "/api/v1/parties",
        json=PARTY,
        headers={"Origin": elsewhere, "Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 201
    assert cors_headers(dict(answer.headers)) == []
