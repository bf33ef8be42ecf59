"""Party identifiers over HTTP on both stores: known schemes, numbers checked by python-stdnum
and stored compact; refusals name the scheme's field and record nothing; parties stored before
the check still load."""

from __future__ import annotations

import json
import uuid
from typing import Any

from eventsourcing.persistence import StoredEvent
from werkzeug.test import TestResponse

from dealtrail.bootstrap import Services
from dealtrail.domain.party_identifiers import SCHEMES

from .conftest import Api

PARTIES = "/api/v1/parties"


def register(
    api: Api, identifiers: dict[str, str], name: str = "Qinchuan Robotics"
) -> TestResponse:
    body = {"name": name, "kind": "company", "country": "CN", "identifiers": identifiers}
    return api.post(PARTIES, json=body)


def problem(response: TestResponse, code: str, field: str) -> dict[str, Any]:
    assert (response.status_code, response.json["code"]) == (422, code), response.json
    assert response.headers["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in response.json["errors"]] == [field]
    return response.json


def names(api: Api) -> list[str]:
    return [p["name"] for p in api.get(PARTIES).json["items"]]


def test_identifiers_are_stored_in_their_compact_form(staff: Api, auditor: Api) -> None:
    written = {
        "uscc": "9161 0000 MA6T G000 1A",
        "lei": "2138 00KU D8LA JWSQ 9D15",
        "ror": "https://ror.org/03vek6s52",
    }

    response = register(staff, written)

    assert response.status_code == 201, response.json
    compact = {"uscc": "91610000MA6TG0001A", "lei": "213800KUD8LAJWSQ9D15", "ror": "03vek6s52"}
    assert response.json["identifiers"] == compact
    assert auditor.get(f"{PARTIES}/{response.json['id']}").json["identifiers"] == compact


def test_a_malformed_number_is_refused_naming_the_scheme_and_the_field(
    staff: Api, auditor: Api
) -> None:
    body = problem(register(staff, {"uscc": "x"}), "party.invalid_identifier", "identifiers.uscc")

    assert "Unified Social Credit Code" in body["detail"]
    assert "(scheme uscc)" in body["detail"]
    assert names(auditor) == []


def test_a_wrong_check_digit_is_refused(staff: Api, auditor: Api) -> None:
    response = register(staff, {"uscc": "91610000MA6TG0001A", "lei": "213800KUD8LXJWSQ9D15"})

    body = problem(response, "party.invalid_identifier", "identifiers.lei")
    assert "check digits" in body["detail"]
    assert names(auditor) == []


def test_an_unknown_scheme_is_refused_listing_the_accepted_ones(staff: Api, auditor: Api) -> None:
    response = register(staff, {"duns": "150483782"})

    body = problem(response, "party.unknown_identifier_scheme", "identifiers.duns")
    assert all(scheme in body["detail"] for scheme in SCHEMES)
    assert names(auditor) == []


def test_the_api_description_lists_the_accepted_schemes(auditor: Api) -> None:
    spec = auditor.client.get("/api/openapi.json").json
    described = spec["components"]["schemas"]["PartyCreate"]["properties"]["identifiers"]

    assert all(f"`{scheme}`" in described["description"] for scheme in SCHEMES)


def test_a_party_stored_before_identifiers_were_checked_still_loads(
    staff: Api, auditor: Api, services: Services
) -> None:
    registered = register(staff, {"uscc": "91610000MA6TG0001A"}, "Template Co.").json
    stored = services.ledger.recorder.select_events(uuid.UUID(registered["id"]))[0]
    state = json.loads(stored.state)
    state["name"], state["identifiers"] = "Legacy Co.", {"uscc": "x", "duns": "150483782"}
    legacy_id = uuid.uuid4()
    services.ledger.recorder.insert_events(
        [StoredEvent(legacy_id, 1, stored.topic, json.dumps(state).encode())]
    )

    response = auditor.get(f"{PARTIES}/{legacy_id}")
    assert response.status_code == 200, response.json
    assert response.json["identifiers"] == {"uscc": "x", "duns": "150483782"}
    assert register(staff, {}, "Newcomer Co.").status_code == 201  # the views catch up
    assert "Legacy Co." in names(auditor)
