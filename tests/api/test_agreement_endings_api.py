"""How agreements end over HTTP: completed, terminated, or expired at the end of their term."""

from __future__ import annotations

from typing import Any

from .conftest import Api, draft_agreement, register_party, sign

AGREEMENTS = "/api/v1/agreements"


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


def effective_agreement(api: Api, signed_on: str = "2026-11-20", **terms: Any) -> dict[str, Any]:
    university = register_party(api)
    academy = register_party(api, "National Academy of Sciences", "KZ")
    agreement = draft_agreement(api, [university, academy], **terms)
    ok(api.post(f"{AGREEMENTS}/{agreement['id']}/opening"))
    ok(sign(api, agreement["id"], university, signed_on))
    return ok(sign(api, agreement["id"], academy, signed_on))


def test_an_effective_agreement_is_completed(staff: Api) -> None:
    agreement = effective_agreement(staff)
    url = f"{AGREEMENTS}/{agreement['id']}"

    completed = ok(staff.post(f"{url}/completion", json={"completed_on": "2026-11-25"}))

    assert (completed["status"], completed["ended_on"]) == ("completed", "2026-11-25")
    again = staff.post(f"{url}/completion", json={"completed_on": "2026-11-25"})
    assert (again.status_code, again.json["code"]) == (409, "agreement.not_effective")


def test_an_agreement_open_for_signature_is_terminated_with_a_reason(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    url = f"{AGREEMENTS}/{draft_agreement(staff, [a, b])['id']}"
    ok(staff.post(f"{url}/opening"))
    body = {"reason": "Academy withdrew", "terminated_on": "2026-11-21"}

    ended = ok(staff.post(f"{url}/termination", json=body))

    assert (ended["status"], ended["ended_on"], ended["end_reason"]) == (
        "terminated",
        "2026-11-21",
        "Academy withdrew",
    )
    late = sign(staff, ended["id"], a)
    assert (late.status_code, late.json["code"]) == (409, "agreement.not_open_for_signature")


def test_an_agreement_expires_only_after_its_term_has_run_out(staff: Api) -> None:
    past = effective_agreement(
        staff, signed_on="2024-12-20", starts_on="2025-01-01", ends_on="2025-12-31"
    )
    current = effective_agreement(staff, ends_on="2099-12-31")
    open_ended = effective_agreement(staff)

    expired = ok(staff.post(f"{AGREEMENTS}/{past['id']}/expiry"))
    not_yet = staff.post(f"{AGREEMENTS}/{current['id']}/expiry")
    never = staff.post(f"{AGREEMENTS}/{open_ended['id']}/expiry", json={})

    assert (expired["status"], expired["ended_on"]) == ("expired", "2025-12-31")
    assert (not_yet.status_code, not_yet.json["code"]) == (409, "agreement.not_yet_expired")
    assert (never.status_code, never.json["code"]) == (409, "agreement.no_end_date")


def test_an_agreement_cannot_be_completed_before_it_is_effective_or_on_a_future_date(
    staff: Api,
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    draft = draft_agreement(staff, [a, b])
    effective = effective_agreement(staff)

    early = staff.post(
        f"{AGREEMENTS}/{draft['id']}/completion", json={"completed_on": "2026-11-25"}
    )
    future = staff.post(
        f"{AGREEMENTS}/{effective['id']}/completion", json={"completed_on": "2099-01-01"}
    )

    assert (early.status_code, early.json["code"]) == (409, "agreement.not_effective")
    assert (future.status_code, future.json["code"]) == (422, "agreement.date_in_future")
    assert future.json["errors"] == [
        {"field": "completed_on", "message": future.json["detail"], "code": future.json["code"]},
    ]


def test_an_ended_agreement_cannot_be_terminated_again(staff: Api) -> None:
    agreement = effective_agreement(staff)
    url = f"{AGREEMENTS}/{agreement['id']}/termination"
    body = {"reason": "Funding withdrawn", "terminated_on": "2026-11-24"}
    ok(staff.post(url, json=body))

    again = staff.post(url, json=body)

    assert (again.status_code, again.json["code"]) == (409, "agreement.already_ended")
    history = staff.get(f"{AGREEMENTS}/{agreement['id']}/history").json["items"]
    assert [e["type"] for e in history][-1] == "Terminated"
    assert history[-1]["data"] == {"reason": "Funding withdrawn", "terminated_on": "2026-11-24"}


def test_a_termination_must_give_a_reason(staff: Api) -> None:
    agreement = effective_agreement(staff)

    response = staff.post(
        f"{AGREEMENTS}/{agreement['id']}/termination",
        json={"reason": "   ", "terminated_on": "2026-11-24"},
    )

    assert (response.status_code, response.json["code"]) == (422, "text.blank")
    assert response.json["errors"][0]["field"] == "reason"
