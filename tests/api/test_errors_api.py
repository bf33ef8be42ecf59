"""Every refusal is RFC 9457 problem+json with a stable `code`; bad input names its fields."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app

from .conftest import Api, draft_agreement, register_party, sign

PARTIES = "/api/v1/parties"
AGREEMENTS = "/api/v1/agreements"
PARTY = {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"}


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json
    assert body["type"] == f"urn:dealtrail:problem:{code}"
    assert (body["status"], body["code"], body["instance"]) == (status, code, response.request.path)
    assert body["title"] and body["detail"]
    return body


def raw(api: Api, path: str, data: bytes | str, content_type: str = "application/json") -> Any:
    headers = {"Authorization": f"Bearer {api.token}", "Content-Type": content_type}
    return api.client.post(path, data=data, headers=headers)


def test_malformed_json_is_a_bad_request(staff: Api) -> None:
    assert_problem(raw(staff, PARTIES, '{"name": "XJTU", '), 400, "malformed_request")


def test_a_json_body_with_a_non_finite_number_is_a_bad_request(staff: Api) -> None:
    for constant in ("NaN", "Infinity", "-Infinity"):
        body = '{"name": "XJTU", "kind": "university", "country": "CN", "x": ' + constant + "}"
        assert_problem(raw(staff, PARTIES, body), 400, "malformed_request")
    assert staff.get(PARTIES).json["items"] == []


def test_a_body_that_is_not_utf8_is_a_bad_request_not_an_empty_one(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]

    response = raw(staff, f"{AGREEMENTS}/{agreement_id}/opening", b'{"comment": "\xff"}')

    assert_problem(response, 400, "malformed_request")
    assert staff.get(f"{AGREEMENTS}/{agreement_id}").json["status"] == "draft"


def test_a_request_without_a_token_is_unauthenticated(app: Flask) -> None:
    response = app.test_client().get(PARTIES)

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_unauthenticated(app: Flask, services: Services) -> None:
    info, secret = services.tokens.create("leaver", Role.STAFF, created_by="pytest")
    api = Api(app.test_client(), secret)
    assert api.get(PARTIES).status_code == 200
    assert services.tokens.revoke(info.token_id)

    response = api.get(PARTIES)

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="dealtrail", error="invalid_token"'


def test_a_forged_or_non_bearer_token_is_unauthenticated(app: Flask) -> None:
    for header in ("Bearer dt_0000_forged", "Basic c3RhZmY6c3RhZmY=", "Bearer ", "dt_0000"):
        response = app.test_client().get(PARTIES, headers={"Authorization": header})
        assert_problem(response, 401, "unauthenticated")
        assert response.headers["WWW-Authenticate"].startswith("Bearer"), header


def test_a_role_without_the_right_is_forbidden(staff: Api, dashboard: Api, auditor: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]

    assert_problem(dashboard.post(PARTIES, json=PARTY), 403, "forbidden")
    assert_problem(dashboard.get(f"{AGREEMENTS}/{agreement_id}"), 403, "forbidden")
    assert_problem(auditor.post(f"{AGREEMENTS}/{agreement_id}/opening"), 403, "forbidden")
    assert staff.get(f"{AGREEMENTS}/{agreement_id}").json["status"] == "draft"


def test_unknown_ids_and_routes_are_not_found(staff: Api) -> None:
    party_id = register_party(staff)

    assert_problem(staff.get(f"{PARTIES}/{uuid.uuid4()}"), 404, "not_found")
    assert_problem(staff.get(f"{AGREEMENTS}/{party_id}"), 404, "not_found")
    assert_problem(
        staff.put(f"{PARTIES}/{uuid.uuid4()}/name", json={"name": "X"}), 404, "not_found"
    )
    assert_problem(staff.get(f"{AGREEMENTS}/{uuid.uuid4()}/history"), 404, "not_found")
    assert_problem(staff.get(f"{PARTIES}/not-a-uuid"), 404, "not_found")
    assert_problem(staff.get("/api/v1/nothing-here"), 404, "not_found")
    assert_problem(staff.client.get("/api/v2/parties"), 404, "not_found")


def test_unknown_milestones_and_amendments_are_not_found(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    url = f"{AGREEMENTS}/{agreement_id}"
    staff.post(f"{url}/opening")
    sign(staff, agreement_id, a)
    assert sign(staff, agreement_id, b).json["status"] == "effective"
    signature = {"party_id": a, "signatory_name": "Li", "signatory_title": "Dean"}

    waiver = staff.post(f"{url}/milestones/{uuid.uuid4()}/waiver", json={"reason": "None"})
    amendment = staff.post(
        f"{url}/amendments/{uuid.uuid4()}/signatures", json={**signature, "signed_on": "2026-11-20"}
    )

    assert_problem(waiver, 404, "agreement.unknown_milestone")
    assert_problem(amendment, 404, "agreement.unknown_amendment")


def test_a_method_the_route_does_not_allow_is_refused_with_the_allowed_ones(staff: Api) -> None:
    response = staff.delete(PARTIES)

    assert_problem(response, 405, "method_not_allowed")
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["Allow"].split(",")}


def test_a_stale_if_match_is_a_failed_precondition_and_records_nothing(staff: Api) -> None:
    party_id = register_party(staff)
    staff.put(f"{PARTIES}/{party_id}/name", json={"name": "XJTU"})

    stale = staff.put(f"{PARTIES}/{party_id}/name", json={"name": "X"}, headers={"If-Match": '"1"'})
    garbled = staff.put(f"{PARTIES}/{party_id}/name", json={"name": "X"}, headers={"If-Match": "v"})

    assert_problem(stale, 412, "version_mismatch")
    assert_problem(garbled, 412, "precondition_failed")
    assert staff.get(f"{PARTIES}/{party_id}").json["name"] == "XJTU"


def test_a_body_over_the_size_limit_is_refused(
    settings: Settings, services: Services, staff: Api
) -> None:
    small = dataclasses.replace(settings, max_body_bytes=512)
    app = create_app({"DEALTRAIL_SETTINGS": small, "TESTING": True}, services)
    api = Api(app.test_client(), staff.token)

    assert api.post(PARTIES, json=PARTY).status_code == 201
    assert_problem(api.post(PARTIES, json={**PARTY, "name": "X" * 600}), 413, "payload_too_large")


def test_a_body_that_is_not_json_is_an_unsupported_media_type(staff: Api) -> None:
    response = raw(staff, PARTIES, "name=XJTU&kind=university", "text/plain")

    assert_problem(response, 415, "unsupported_media_type")


def test_invalid_fields_are_listed_with_their_nested_paths(staff: Api) -> None:
    response = staff.post(
        AGREEMENTS,
        json={
            "kind": "friendship",
            "terms": {"title": "", "value": {"amount": "lots", "currency": "CNY"}},
            "parties": [{"party_id": "xjtu", "role": "cooperation_partner"}, {"role": "witness"}],
            "signed": True,
        },
    )

    body = assert_problem(response, 422, "validation_failed")
    assert all(set(e) >= {"field", "message"} and e["message"] for e in body["errors"])
    assert sorted(e["field"] for e in body["errors"]) == [
        "kind",
        "parties.0.party_id",
        "parties.1.party_id",
        "signed",
        "terms.title",
        "terms.value.amount",
    ]
    assert "terms.value.amount" in body["detail"]
