"""An admin forgets a data subject; their name reads as erased wherever it appeared."""

from __future__ import annotations

from dealtrail.bootstrap import Services
from tests.api.conftest import Api, draft_agreement, register_party, sign

ERASURES = "/api/v1/privacy/erasures"


def test_an_erasure_makes_a_signatory_name_read_as_erased(
    staff: Api, admin: Api, auditor: Api
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement = draft_agreement(staff, [a, b])["id"]
    staff.post(f"/api/v1/agreements/{agreement}/opening")
    assert sign(staff, agreement, a).status_code == 200

    response = admin.post(
        "/api/v1/privacy/erasures", json={"name": "Zhang Wei", "reason": "GDPR art. 17 request"}
    )

    assert response.status_code == 201, response.json
    assert response.json["subjects_forgotten"] == 1
    signatures = staff.get(f"/api/v1/agreements/{agreement}").json["signatures"]
    assert [s["signatory_name"] for s in signatures] == ["[erased]"]
    history = auditor.get(f"/api/v1/agreements/{agreement}/history").json["items"]
    assert history[-1]["data"]["signature"]["signatory_name"] == "[erased]"
    erasures = auditor.get("/api/v1/events?event_type=Forgotten").json["items"]
    assert [e["metadata"]["actor"] for e in erasures] == [admin.actor]
    assert "Zhang Wei" not in str(erasures)


def test_only_admins_may_erase(staff: Api, auditor: Api) -> None:
    body = {"name": "Zhang Wei", "reason": "request"}
    assert staff.post("/api/v1/privacy/erasures", json=body).status_code == 403
    assert auditor.post("/api/v1/privacy/erasures", json=body).status_code == 403


def test_forgetting_a_name_with_no_personal_data_on_record_is_refused(
    services: Services, staff: Api, admin: Api
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement = draft_agreement(staff, [a, b])["id"]
    staff.post(f"/api/v1/agreements/{agreement}/opening")
    assert sign(staff, agreement, a).status_code == 200
    body = {"name": "Zhang Wei", "reason": "GDPR art. 17 request"}
    assert admin.post(ERASURES, json=body).status_code == 201
    head = services.ledger.recorder.max_notification_id()

    for name in ("Nobody", "Zhang Wei"):  # never on record; forgotten already
        response = admin.post(ERASURES, json={**body, "name": name})
        assert response.status_code == 422, response.json
        assert response.mimetype == "application/problem+json"
        assert response.json["code"] == "privacy.unknown_subject"
        assert [e["field"] for e in response.json["errors"]] == ["name"]
        assert services.ledger.recorder.max_notification_id() == head


def test_an_erasure_retried_with_its_idempotency_key_answers_as_the_first_time(
    staff: Api, admin: Api
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement = draft_agreement(staff, [a, b])["id"]
    staff.post(f"/api/v1/agreements/{agreement}/opening")
    assert sign(staff, agreement, a).status_code == 200
    body = {"name": "Zhang Wei", "reason": "GDPR art. 17 request"}
    key = {"Idempotency-Key": "erasure-2026-11-21"}

    first = admin.post(ERASURES, json=body, headers=key)
    again = admin.post(ERASURES, json=body, headers=key)

    assert (first.status_code, again.status_code) == (201, 201), again.json
    assert again.json == first.json
