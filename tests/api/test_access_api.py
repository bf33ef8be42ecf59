"""Who may call what: every route has a rule, public routes need no token, roles are enforced."""

from __future__ import annotations

import uuid

import pytest
from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.web import access

from .conftest import Api, draft_agreement, register_party

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, a concrete path) for every rule the app serves."""
    found = []
    for rule in app.url_map.iter_rules():
        values = {
            a: str(uuid.uuid4()) if a.endswith("_id") else "some-name" for a in rule.arguments
        }
        path = rule.build(values)[1]
        found.extend((rule.endpoint, m, path) for m in sorted(rule.methods - IGNORED_METHODS))
    return found


def test_every_endpoint_and_method_has_a_rule_in_the_role_matrix(app: Flask) -> None:
    missing = [
        f"{method} {endpoint}"
        for endpoint, method, _ in routes(app)
        if endpoint not in access.PUBLIC and method not in access.MATRIX.get(endpoint, {})
    ]

    assert missing == [], "add these to dealtrail.web.access.MATRIX (or PUBLIC)"


def test_every_rule_in_the_role_matrix_names_a_route_that_exists(app: Flask) -> None:
    served = {(endpoint, method) for endpoint, method, _ in routes(app)}

    stale = [
        f"{method} {endpoint}"
        for endpoint, methods in access.MATRIX.items()
        for method in methods
        if (endpoint, method) not in served
    ]

    assert stale == []


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_the_rights_the_matrix_gives_it(
    app: Flask, role: Role, request: pytest.FixtureRequest
) -> None:
    api: Api = request.getfixturevalue(str(role))
    wrong = []
    for endpoint, method, path in routes(app):
        if endpoint in access.PUBLIC:
            continue
        allowed = role in access.MATRIX[endpoint][method]
        response = api.client.open(
            path, method=method, json={}, headers={"Authorization": f"Bearer {api.token}"}
        )
        if (response.status_code == 403) == allowed or response.status_code == 401:
            wrong.append(f"{method} {path}: {response.status_code}")

    assert wrong == []


def test_public_routes_need_no_token(app: Flask) -> None:
    for path in ("/healthz", "/api/openapi.json", "/api/docs"):
        assert app.test_client().get(path).status_code == 200, path


def test_health_says_the_process_is_up(app: Flask) -> None:
    assert app.test_client().get("/healthz").json == {"status": "ok"}


def test_the_openapi_document_declares_bearer_auth_and_every_versioned_path(app: Flask) -> None:
    spec = app.test_client().get("/api/openapi.json").json

    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "/api/v1/agreements/{agreement_id}/signatures" in spec["paths"]
    assert "/api/v1/parties/{party_id}/history" in spec["paths"]


def test_an_auditor_reads_histories_but_records_nothing(staff: Api, auditor: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]

    party_history = auditor.get(f"/api/v1/parties/{a}/history")
    agreement_history = auditor.get(f"/api/v1/agreements/{agreement_id}/history")
    opening = auditor.post(f"/api/v1/agreements/{agreement_id}/opening")

    assert party_history.status_code == agreement_history.status_code == 200
    assert [e["type"] for e in agreement_history.json["items"]] == ["Drafted"]
    assert opening.status_code == 403
    assert auditor.get(f"/api/v1/agreements/{agreement_id}").json["status"] == "draft"


def test_a_dashboard_lists_but_reads_no_history_or_single_record(
    staff: Api, dashboard: Api
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]

    assert dashboard.get("/api/v1/parties").status_code == 200
    assert [i["id"] for i in dashboard.get("/api/v1/agreements").json["items"]] == [agreement_id]
    assert (
        dashboard.client.head(
            "/api/v1/agreements", headers={"Authorization": f"Bearer {dashboard.token}"}
        ).status_code
        == 200
    )
    for path in (
        f"/api/v1/parties/{a}/history",
        f"/api/v1/agreements/{agreement_id}/history",
        f"/api/v1/agreements/{agreement_id}",
        f"/api/v1/agreements/{agreement_id}/milestones",
    ):
        response = dashboard.get(path)
        assert (response.status_code, response.json["code"]) == (403, "forbidden"), path


def test_an_admin_reads_but_records_nothing(staff: Api, admin: Api) -> None:
    party_id = register_party(staff)

    assert admin.get(f"/api/v1/parties/{party_id}/history").status_code == 200
    assert admin.put(f"/api/v1/parties/{party_id}/name", json={"name": "X"}).status_code == 403
