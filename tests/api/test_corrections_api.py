"""A correction is a new event that names the earlier event it corrects; nothing is edited."""

from __future__ import annotations

from tests.api.conftest import Api, register_party


def test_a_correction_references_the_event_it_corrects(staff: Api) -> None:
    created = staff.post(
        "/api/v1/parties",
        json={"name": "Xian Jiaotong Univ", "kind": "university", "country": "CN"},
    )
    party, position = created.json["id"], created.json["position"]

    corrected = staff.put(
        f"/api/v1/parties/{party}/name",
        json={"name": "Xi'an Jiaotong University", "corrects": position, "comment": "typo"},
    )

    assert corrected.status_code == 200, corrected.json
    history = staff.get(f"/api/v1/parties/{party}/history").json["items"]
    assert [(e["type"], e["metadata"]["corrects"]) for e in history] == [
        ("Registered", None),
        ("Renamed", position),
    ]
    assert history[0]["data"]["name"] == "Xian Jiaotong Univ"  # the original stays as recorded


def test_a_correction_must_name_an_event_of_the_same_record(staff: Api) -> None:
    party = register_party(staff)
    other = staff.post(
        "/api/v1/parties", json={"name": "Academy", "kind": "academy", "country": "KZ"}
    ).json
    response = staff.put(
        f"/api/v1/parties/{party}/name", json={"name": "XJTU", "corrects": other["position"]}
    )
    assert response.status_code == 422
    assert response.json["code"] == "correction.unknown_event"
    assert response.json["errors"][0]["field"] == "corrects"


def test_a_new_record_cannot_claim_to_correct_anything(staff: Api) -> None:
    party = staff.post(
        "/api/v1/parties", json={"name": "Academy", "kind": "academy", "country": "KZ"}
    ).json
    response = staff.post(
        "/api/v1/parties",
        json={"name": "Academy", "kind": "academy", "country": "KZ", "corrects": party["position"]},
    )
    assert response.status_code == 422 and response.json["code"] == "correction.unknown_event"
