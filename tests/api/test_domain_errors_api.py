"""Values the domain refuses (422, with the field at fault) and lifecycle conflicts (409)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from .conftest import Api, draft_agreement, register_party, sign

AGREEMENTS = "/api/v1/agreements"


def draft_worth(api: Api, value: str, **terms: Any) -> Any:
    """Drafts an agreement whose `terms.value` is the JSON text `value`, sent exactly as written."""
    parties = [register_party(api), register_party(api, "Academy", "KZ")]
    body = {
        "kind": "technology_licence",
        "terms": {"title": "Licence", **terms, "value": "VALUE"},
        "parties": [{"party_id": p, "role": "licensor"} for p in parties],
    }
    text = json.dumps(body).replace('"VALUE"', value)
    headers = {"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"}
    return api.client.post(AGREEMENTS, data=text, headers=headers)


def assert_invalid(response: Any, field: str, code: str = "validation_failed") -> None:
    assert response.status_code == 422, response.json
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json["code"] == code
    assert [e["field"] for e in response.json["errors"]] == [field]
    assert all(e["message"] for e in response.json["errors"])


EXACT = {
    '{"amount": 0.10, "currency": "CNY"}': {"amount": "0.10", "currency": "CNY"},
    '{"amount": "0.1", "currency": "CNY"}': {"amount": "0.10", "currency": "CNY"},
    '{"amount": 100, "currency": "cny"}': {"amount": "100.00", "currency": "CNY"},
    '{"amount": 1e2, "currency": "JPY"}': {"amount": "100", "currency": "JPY"},
    '{"amount": 1.500, "currency": "KWD"}': {"amount": "1.500", "currency": "KWD"},
    '{"amount": 98765432109876.54, "currency": "USD"}': {
        "amount": "98765432109876.54",
        "currency": "USD",
    },
}

REFUSED = {
    '{"amount": "0.001", "currency": "CNY"}': "terms.value.amount",
    '{"amount": 0.30000000000000004, "currency": "CNY"}': "terms.value.amount",
    '{"amount": "1.5", "currency": "JPY"}': "terms.value.amount",
    '{"amount": "-1.00", "currency": "CNY"}': "terms.value.amount",
    '{"amount": "1e30", "currency": "CNY"}': "terms.value.amount",
    '{"amount": "NaN", "currency": "CNY"}': "terms.value.amount",
    '{"amount": "ten", "currency": "CNY"}': "terms.value.amount",
    '{"amount": "10.00", "currency": "XYZ"}': "terms.value.currency",
    '{"amount": "10.00", "currency": "XAU"}': "terms.value.currency",
    '{"amount": "10.00", "currency": "YUAN"}': "terms.value.currency",
    '{"amount": "10.00"}': "terms.value.currency",
}


def test_amounts_are_kept_exact_whether_sent_as_numbers_or_strings(staff: Api) -> None:
    for value, exact in EXACT.items():
        response = draft_worth(staff, value)
        assert response.status_code == 201, (value, response.json)
        agreement_id = response.json["id"]
        assert response.json["terms"]["value"] == exact, value
        assert staff.get(f"{AGREEMENTS}/{agreement_id}").json["terms"]["value"] == exact, value

    listed = staff.get(f"{AGREEMENTS}?kind=technology_licence").json["items"]
    assert [item["value"] for item in listed] == list(EXACT.values())


def test_money_that_is_not_exact_currency_is_refused_at_its_field(staff: Api) -> None:
    wrong = {}
    for value, field in REFUSED.items():
        response = draft_worth(staff, value)
        errors = [e["field"] for e in response.json.get("errors", [])]
        if (response.status_code, errors) != (422, [field]):
            wrong[value] = (response.status_code, errors)

    assert wrong == {}
    assert staff.get(AGREEMENTS).json["items"] == []


def test_an_instalment_is_refused_at_its_nested_path(staff: Api) -> None:
    schedule = [{"due_on": "2027-01-01", "amount": {"amount": "0.005", "currency": "CNY"}}]

    response = draft_worth(
        staff, '{"amount": "10.00", "currency": "CNY"}', payment_schedule=schedule
    )

    assert_invalid(response, "terms.payment_schedule.0.amount.amount", "money.too_precise")


def test_a_draft_naming_an_unregistered_party_is_refused_at_that_party(staff: Api) -> None:
    party_id = register_party(staff)
    body = {
        "kind": "cooperation",
        "terms": {"title": "International cooperation agreement"},
        "parties": [
            {"party_id": party_id, "role": "cooperation_partner"},
            {"party_id": str(uuid.uuid4()), "role": "cooperation_partner"},
        ],
    }

    response = staff.post(AGREEMENTS, json=body)

    assert_invalid(response, "parties.1.party_id", "party.unknown")
    assert staff.get(AGREEMENTS).json["items"] == []


def test_signing_a_draft_is_a_conflict(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]

    response = sign(staff, agreement_id, a)

    assert response.status_code == 409
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json["code"] == "agreement.not_open_for_signature"
    assert response.json["type"] == "urn:dealtrail:problem:agreement.not_open_for_signature"
    assert "draft" in response.json["detail"]


def test_signing_twice_for_the_same_party_is_a_conflict(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    staff.post(f"{AGREEMENTS}/{agreement_id}/opening")
    assert sign(staff, agreement_id, a).status_code == 200

    response = sign(staff, agreement_id, a, "2026-11-21")

    assert response.status_code == 409
    assert response.json["code"] == "agreement.party_already_signed"
    assert response.json["errors"] == [
        {"field": "party_id", "message": response.json["detail"], "code": response.json["code"]}
    ]
    history = staff.get(f"{AGREEMENTS}/{agreement_id}/history").json["items"]
    assert [e["type"] for e in history] == ["Drafted", "OpenedForSignature", "Signed"]


def test_a_signature_dated_in_the_future_is_refused(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    staff.post(f"{AGREEMENTS}/{agreement_id}/opening")

    assert_invalid(
        sign(staff, agreement_id, a, "2099-01-01"), "signed_on", "agreement.signed_in_future"
    )


def test_text_with_control_characters_is_refused(staff: Api) -> None:
    response = staff.post(
        "/api/v1/parties", json={"name": "XJTU\x00", "kind": "university", "country": "CN"}
    )

    assert_invalid(response, "name", "text.control_character")


def test_an_unknown_query_parameter_is_refused_rather_than_ignored(staff: Api) -> None:
    # Ignoring a misspelt parameter answers another question than the one asked: every
    # agreement instead of the effective ones, the party now instead of as it was recorded then.
    party_id = register_party(staff)

    assert_invalid(staff.get(f"{AGREEMENTS}?stauts=effective"), "stauts")
    assert_invalid(staff.get(f"/api/v1/parties/{party_id}?as_at=2026-11-01T00:00:00Z"), "as_at")
