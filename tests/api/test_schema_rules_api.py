"""The rules across fields that the OpenAPI document states (a body's `oneOf` of shapes) are the
domain's: a body in one of the shapes is accepted, a body in none is refused."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from flask import Flask

from tests.api.conftest import Api, register_party
from tests.api.ip_steps import ASSETS


def shapes(app: Flask, component: str) -> Any:
    schemas = app.test_client().get("/api/openapi.json").json["components"]["schemas"]
    return jsonschema_rs.validator_for({"oneOf": schemas[component]["oneOf"]})


CN_APPLICATION = {"kind": "application", "number": "CN 2020 1056 6088.9"}
ASSET_BODIES = {
    "a patent at a regional office": {"kind": "patent", "jurisdiction": "EP"},
    "a design at a regional office": {"kind": "design", "jurisdiction": "EP"},
    "a design at a national office": {"kind": "design", "jurisdiction": "CN"},
    "a patent application": {
        "kind": "patent",
        "jurisdiction": "CN",
        "identifiers": [CN_APPLICATION],
    },
    "know-how": {"kind": "know_how", "jurisdiction": "CN"},
    "know-how filed": {"kind": "know_how", "jurisdiction": "CN", "filed_on": "2024-03-01"},
    "know-how at a regional office": {"kind": "know_how", "jurisdiction": "WO"},
    "know-how with a number": {
        "kind": "know_how",
        "jurisdiction": "CN",
        "identifiers": [CN_APPLICATION],
    },
    "software with an application number": {
        "kind": "software_copyright",
        "jurisdiction": "CN",
        "identifiers": [CN_APPLICATION],
    },
}


@pytest.mark.parametrize("body", ASSET_BODIES.values(), ids=ASSET_BODIES.keys())
def test_an_asset_is_registered_exactly_when_its_body_has_a_documented_shape(
    app: Flask, staff: Api, body: dict[str, Any]
) -> None:
    holder = register_party(staff)
    sent = {"holder_party_id": holder, "title": "Graphene membrane", **body}
    response = staff.post(ASSETS, json=sent)
    assert (response.status_code == 201) == shapes(app, "AssetCreate").is_valid(sent), response.json
