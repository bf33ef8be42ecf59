"""State as it was in effect at a time: back-dated signatures count from their signing day."""

from __future__ import annotations

from urllib.parse import quote

from freezegun import freeze_time

from tests.api.conftest import Api, draft_agreement, register_party, sign


def _at(api: Api, agreement_id: str, moment: str) -> dict[str, object]:
    response = api.get(f"/api/v1/agreements/{agreement_id}?effective_at={quote(moment)}")
    assert response.status_code == 200, response.json
    return response.json


def test_back_dated_signatures_are_in_effect_from_their_signing_day(staff: Api) -> None:
    with freeze_time("2026-11-25 10:00:00"):
        a, b = (
            register_party(staff, "Xi'an Jiaotong University"),
            register_party(staff, "Academy", "KZ"),
        )
        agreement = draft_agreement(staff, [a, b])["id"]
        staff.post(f"/api/v1/agreements/{agreement}/opening")
        assert sign(staff, agreement, a, signed_on="2026-11-18").status_code == 200
        assert sign(staff, agreement, b, signed_on="2026-11-20").status_code == 200

    assert _at(staff, agreement, "2026-11-19T12:00:00Z")["signatures"] == [
        {
            "party_id": a,
            "signatory_name": "Zhang Wei",
            "signatory_title": "President",
            "signed_on": "2026-11-18",
        }
    ]
    in_effect = _at(staff, agreement, "2026-11-20T00:00:00Z")
    assert in_effect["status"] == "effective"
    assert in_effect["effective_on"] == "2026-11-20"


def test_the_history_shows_when_each_event_took_effect_and_was_recorded(staff: Api) -> None:
    with freeze_time("2026-11-25 10:00:00"):
        a, b = register_party(staff), register_party(staff, "Academy", "KZ")
        agreement = draft_agreement(staff, [a, b])["id"]
        staff.post(f"/api/v1/agreements/{agreement}/opening")
        sign(staff, agreement, a, signed_on="2026-11-18")
    signed = staff.get(f"/api/v1/agreements/{agreement}/history").json["items"][-1]
    assert signed["type"] == "Signed"
    assert signed["recorded_at"].startswith("2026-11-25T10:00:00")
    assert signed["metadata"]["effective_at"] == "2026-11-18T00:00:00+00:00"


def test_only_one_way_of_time_travel_per_request(staff: Api) -> None:
    party = register_party(staff)
    response = staff.get(f"/api/v1/parties/{party}?version=1&effective_at=2026-11-19T00:00:00Z")
    assert response.status_code == 422
