"""Auditors page and stream through the global log, filtered."""

from __future__ import annotations

import json

from tests.api.conftest import Api, draft_agreement, register_party, sign


def _setup(staff: Api) -> tuple[str, str, str]:
    a = register_party(staff, "Xi'an Jiaotong University", "CN")
    b = register_party(staff, "National Academy of Sciences", "KZ")
    agreement = draft_agreement(staff, [a, b])["id"]
    staff.post(f"/api/v1/agreements/{agreement}/opening")
    assert sign(staff, agreement, a).status_code == 200
    return a, b, agreement


def test_the_log_lists_every_event_in_order_of_position(staff: Api, auditor: Api) -> None:
    _setup(staff)
    page = auditor.get("/api/v1/events?limit=3").json
    rest = auditor.get(f"/api/v1/events?after={page['next_after']}").json
    items = page["items"] + rest["items"]
    assert [i["type"] for i in items] == [
        "Registered",
        "Registered",
        "Drafted",
        "OpenedForSignature",
        "Signed",
    ]
    assert [i["position"] for i in items] == sorted(i["position"] for i in items)
    assert rest["next_after"] is None
    assert {i["metadata"]["actor"] for i in items} == {staff.actor}


def test_the_log_filters_by_aggregate_event_type_and_actor(staff: Api, auditor: Api) -> None:
    _, _, agreement = _setup(staff)
    by_type = auditor.get("/api/v1/events?aggregate_type=agreement").json["items"]
    assert {(i["aggregate_type"], i["aggregate_id"]) for i in by_type} == {("agreement", agreement)}
    signed = auditor.get("/api/v1/events?event_type=Signed").json["items"]
    assert [i["type"] for i in signed] == ["Signed"]
    assert auditor.get("/api/v1/events?actor=staff:someone-else").json["items"] == []
    by_id = auditor.get(f"/api/v1/events?aggregate_id={agreement}").json["items"]
    assert len(by_id) == 3


def test_the_log_streams_as_ndjson(staff: Api, auditor: Api) -> None:
    _setup(staff)
    response = auditor.get("/api/v1/events", headers={"Accept": "application/x-ndjson"})
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [line["position"] for line in lines] == [1, 2, 3, 4, 5]


def test_only_auditors_and_admins_read_the_global_log(
    staff: Api, dashboard: Api, admin: Api
) -> None:
    assert staff.get("/api/v1/events").status_code == 403
    assert dashboard.get("/api/v1/events").status_code == 403
    assert admin.get("/api/v1/events").status_code == 200
