"""JSON bodies no value is lost from: an integer too long to read is malformed (400), and a key
given twice in one object, at any depth, is refused (400 `body.duplicate_key`) rather than read
as its last value. On every route that takes a body; nothing is recorded."""

from __future__ import annotations

from typing import Any

import pytest

from dealtrail.bootstrap import Services

from .conftest import Api, register_party

PARTY = '{"name": "Qinchuan Robotics", "kind": "company", "country": "CN"'
LONG = "7" * 5000  # beyond the 4300 digits Python's int() reads


def head(services: Services) -> int:
    return services.ledger.recorder.max_notification_id() or 0


def post_raw(api: Api, path: str, text: str, method: str = "POST") -> Any:
    headers = {"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"}
    return api.client.open(path, method=method, data=text.encode(), headers=headers)


def malformed(response: Any, code: str = "malformed_request") -> dict[str, Any]:
    assert response.status_code == 400, response.json
    assert response.mimetype == "application/problem+json"
    assert response.json["code"] == code, response.json
    return response.json


def _bodies(staff: Api) -> dict[str, tuple[str, str, str]]:
    """Routes that take a body, each (method, path, a valid body's text without its closing
    brace), parsed by the API's JSON reader whatever the route."""
    party = register_party(staff)
    return {
        "create": ("POST", "/api/v1/parties", PARTY),
        "rename": ("PUT", f"/api/v1/parties/{party}/name", '{"name": "Renamed"'),
        "token": ("POST", "/api/v1/tokens", '{"name": "ops", "role": "auditor"'),
        "import": ("POST", "/api/v1/achievements/imports", '{"csv": "external_ref"'),
    }


@pytest.mark.parametrize("number", [LONG, "-" + LONG])
def test_an_integer_too_long_to_read_is_a_malformed_body_on_every_route(
    staff: Api, admin: Api, services: Services, number: str
) -> None:
    for name, (method, path, body) in _bodies(staff).items():
        api = admin if name == "token" else staff
        before = head(services)
        for text in (f'{body}, "x": {number}}}', f'{body}, "comment": [{{"n": {number}}}]}}'):
            detail = malformed(post_raw(api, path, text, method))["detail"]
            assert f"A number of {len(number)} digits" in detail, (name, detail)
        assert head(services) == before, name


def test_a_long_number_that_python_reads_is_refused_at_its_field(staff: Api) -> None:
    response = post_raw(staff, "/api/v1/parties", f'{PARTY}, "corrects": {"9" * 4000}}}')
    assert response.status_code == 422, response.json
    assert [e["field"] for e in response.json["errors"]] == ["corrects"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"name": "A", "name": "B", "kind": "company", "country": "CN"}', "name"),
        ('{"name": "A", "kind": "company", "country": "CN", "country": "CN"}', "country"),
        ('{"name": "A", "kind": "company", "country": "CN", "identifiers": {"x": 1, "x": 2}}', "x"),
        ('{"name": "A", "kind": "company", "country": "CN", "l": [[{"d": 1, "d": 1}]]}', "d"),
    ],
    ids=["top level", "same value twice", "nested object", "object in a list"],
)
def test_a_key_given_twice_in_one_object_is_refused_naming_the_key(
    staff: Api, services: Services, text: str, key: str
) -> None:
    before = head(services)
    body = malformed(post_raw(staff, "/api/v1/parties", text), "body.duplicate_key")
    assert repr(key) in body["detail"]
    assert head(services) == before
    assert staff.get("/api/v1/parties").json["items"] == []


def test_a_key_given_twice_is_refused_on_every_route(
    staff: Api, admin: Api, services: Services
) -> None:
    for name, (method, path, body) in _bodies(staff).items():
        api = admin if name == "token" else staff
        before = head(services)
        response = post_raw(api, path, f'{body}, "comment": "a", "comment": "b"}}', method)
        malformed(response, "body.duplicate_key")
        assert head(services) == before, name


def test_the_same_key_in_different_objects_is_welcome(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    text = (
        '{"kind": "cooperation", "terms": {"title": "Lab"}, "parties": ['
        f'{{"party_id": "{a}", "role": "cooperation_partner"}}, '
        f'{{"party_id": "{b}", "role": "cooperation_partner"}}]}}'
    )
    assert post_raw(staff, "/api/v1/agreements", text).status_code == 201
