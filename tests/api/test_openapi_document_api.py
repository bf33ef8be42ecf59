"""The OpenAPI document says what the API does: amounts as served (strings), the headers every
operation reads and sends, and what a header value may be (a malformed one is a 400 whatever
else the request holds)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from tests.api.conftest import Api, register_party

WRITES = ("post", "put", "patch", "delete")


def document(app: Flask) -> dict[str, Any]:
    return app.test_client().get("/api/openapi.json").json


def parameters(operation: dict[str, Any]) -> set[str]:
    return {p["$ref"].rpartition("/")[2] for p in operation["parameters"] if "$ref" in p}


def test_every_operation_declares_the_headers_it_reads_and_sends(app: Flask) -> None:
    paths = document(app)["paths"]
    operations = [
        (m, p, op) for p, item in paths.items() for m, op in item.items() if m != "parameters"
    ]
    assert len(operations) > 50
    for method, path, operation in operations:
        read = parameters(operation)
        if method in WRITES:
            assert {"X-Correlation-ID", "Idempotency-Key", "X-Causation-ID", "If-Match"} <= read, (
                path
            )
        else:
            assert {"X-Correlation-ID", "Dealtrail-Min-Position"} <= read, path
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                assert "X-Correlation-ID" in response["headers"], (method, path, status)
            if status == "201":
                assert {"Location", "ETag"} <= response["headers"].keys(), (method, path)


def test_error_answers_declare_their_correlation_id_and_when_to_retry(app: Flask) -> None:
    responses = document(app)["components"]["responses"]
    assert {"X-Correlation-ID", "Retry-After"} <= responses["PROBLEM_503"]["headers"].keys()
    assert "Retry-After" not in responses["PROBLEM_422"]["headers"]


def test_amounts_are_declared_as_served_and_as_read(app: Flask, staff: Api) -> None:
    schemas = document(app)["components"]["schemas"]
    served = schemas["Money"]["properties"]["amount"]
    assert served["type"] == "string"
    a, b = register_party(staff), register_party(staff, "National Academy", "KZ")
    body = {
        "kind": "cooperation",
        "terms": {"title": "Joint laboratory", "value": {"amount": 250000, "currency": "CNY"}},
        "parties": [{"party_id": p, "role": "cooperation_partner"} for p in (a, b)],
    }
    amount = staff.post("/api/v1/agreements", json=body).json["terms"]["value"]["amount"]
    assert re.fullmatch(served["pattern"], amount), amount
    read = schemas["MoneyIn"]["properties"]["amount"]["oneOf"]
    assert [choice["type"] for choice in read] == ["string", "number"]
    assert "CNY" in schemas["Money"]["properties"]["currency"]["enum"]


@pytest.mark.parametrize(
    "value", ["k\u00e9y", " ", "k" * 201, "a\x7fb"], ids=["latin-1", "blank", "long", "DEL"]
)
def test_an_identifier_header_that_is_not_visible_ascii_is_a_bad_request(
    staff: Api, value: str
) -> None:
    party = {"name": "Qinchuan Robotics", "kind": "company", "country": "CN"}
    for name in ("Idempotency-Key", "X-Correlation-ID", "X-Causation-ID"):
        headers = {name: value.encode("latin-1").decode("latin-1"), "If-Match": "garbled"}
        response = staff.post("/api/v1/parties", json=party, headers=headers)
        assert response.status_code == 400, (name, response.json)
        assert response.mimetype == "application/problem+json"
