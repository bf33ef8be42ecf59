"""Reading the past: `?version=N` and `?as_of=<time>` on parties and agreements."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from freezegun import freeze_time

from .conftest import Api, draft_agreement, register_party, sign

PARTIES = "/api/v1/parties"
AGREEMENTS = "/api/v1/agreements"
NAMES = ["XJTU", "Xi'an Jiaotong Univ.", "Xi'an Jiaotong University"]


def renamed_party(api: Api, names: list[str]) -> str:
    party_id = register_party(api, names[0])
    for name in names[1:]:
        response = api.put(f"{PARTIES}/{party_id}/name", json={"name": name})
        assert response.status_code == 200, response.json
    return party_id


def as_of(api: Api, party_id: str, moment: str) -> Any:
    return api.get(f"{PARTIES}/{party_id}?as_of={quote(moment)}")


def assert_422(response: Any, field: str) -> None:
    assert response.status_code == 422, response.json
    assert response.json["code"] == "validation_failed"
    assert [e["field"] for e in response.json["errors"]] == [field]


def test_a_version_returns_the_party_as_it_was_then(staff: Api, auditor: Api) -> None:
    party_id = renamed_party(staff, NAMES)

    for version, name in enumerate(NAMES, start=1):
        response = auditor.get(f"{PARTIES}/{party_id}?version={version}")
        assert response.status_code == 200, response.json
        assert (response.json["version"], response.json["name"]) == (version, name)
        assert response.headers["ETag"] == f'"{version}"'


def test_a_version_before_the_latest_snapshot_is_rebuilt_exactly(staff: Api) -> None:
    names = [f"Name {n}" for n in range(1, 13)]  # the stores snapshot every 5 versions
    party_id = renamed_party(staff, names)

    for version in (1, 4, 5, 6, 11, 12):
        response = staff.get(f"{PARTIES}/{party_id}?version={version}")
        assert (response.json["version"], response.json["name"]) == (version, names[version - 1])


def test_a_version_returns_the_agreement_as_it_was_then(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    staff.post(f"{AGREEMENTS}/{agreement_id}/opening")
    sign(staff, agreement_id, a)
    sign(staff, agreement_id, b)

    def at(version: int) -> dict[str, Any]:
        return staff.get(f"{AGREEMENTS}/{agreement_id}?version={version}").json

    assert [at(v)["status"] for v in range(1, 6)] == [
        "draft",
        "open_for_signature",
        "open_for_signature",
        "open_for_signature",
        "effective",
    ]
    assert at(3)["awaiting_signatures"] == [b]
    assert at(4)["effective_on"] is None


def test_a_version_beyond_the_current_one_is_not_found(staff: Api) -> None:
    party_id = renamed_party(staff, NAMES)

    response = staff.get(f"{PARTIES}/{party_id}?version=4")

    assert response.status_code == 404
    assert response.json["code"] == "not_found"


def test_version_zero_is_a_validation_error(staff: Api) -> None:
    party_id = register_party(staff)

    assert_422(staff.get(f"{PARTIES}/{party_id}?version=0"), "version")


def test_as_of_returns_the_party_as_it_had_been_recorded_by_then(staff: Api) -> None:
    with freeze_time("2026-11-01T09:00:00Z"):
        party_id = register_party(staff, NAMES[0])
    with freeze_time("2026-11-10T09:00:00Z"):
        staff.put(f"{PARTIES}/{party_id}/name", json={"name": NAMES[1]})
    with freeze_time("2026-11-20T09:00:00Z"):
        staff.put(f"{PARTIES}/{party_id}/name", json={"name": NAMES[2]})

    def name_as_of(moment: str) -> tuple[int, str]:
        response = as_of(staff, party_id, moment)
        assert response.status_code == 200, response.json
        return response.json["version"], response.json["name"]

    assert name_as_of("2026-11-01T09:00:00+00:00") == (1, NAMES[0])
    assert name_as_of("2026-11-09T23:59:59Z") == (1, NAMES[0])
    assert name_as_of("2026-11-10T16:59:59+08:00") == (1, NAMES[0])
    assert name_as_of("2026-11-10T17:00:00+08:00") == (2, NAMES[1])
    assert name_as_of("2026-11-19T12:00:00-05:00") == (2, NAMES[1])
    assert name_as_of("2030-01-01T00:00:00Z") == (3, NAMES[2])
    assert as_of(staff, party_id, "2026-11-10T09:00:00Z").json["modified_at"] == (
        "2026-11-10T09:00:00+00:00"
    )


def test_as_of_returns_the_agreement_as_it_had_been_recorded_by_then(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    with freeze_time("2026-11-18T02:00:00Z"):
        agreement_id = draft_agreement(staff, [a, b])["id"]
    with freeze_time("2026-11-19T02:00:00Z"):
        staff.post(f"{AGREEMENTS}/{agreement_id}/opening")
    with freeze_time("2026-11-21T02:00:00Z"):  # a signature back-dated to the 20th
        sign(staff, agreement_id, a, "2026-11-20")
        sign(staff, agreement_id, b, "2026-11-20")

    def status_as_of(moment: str) -> str:
        return staff.get(f"{AGREEMENTS}/{agreement_id}?as_of={quote(moment)}").json["status"]

    assert status_as_of("2026-11-18T12:00:00+08:00") == "draft"
    assert status_as_of("2026-11-20T23:59:59+00:00") == "open_for_signature"
    assert status_as_of("2026-11-21T10:00:00+08:00") == "effective"


def test_as_of_before_the_party_was_registered_is_not_found(staff: Api) -> None:
    with freeze_time("2026-11-01T09:00:00Z"):
        party_id = register_party(staff)

    response = as_of(staff, party_id, "2026-11-01T08:59:59Z")

    assert response.status_code == 404
    assert response.json["code"] == "not_found"


def test_a_naive_as_of_is_a_validation_error(staff: Api) -> None:
    party_id = register_party(staff)

    assert_422(as_of(staff, party_id, "2026-11-01T09:00:00"), "as_of")


def test_as_of_that_is_not_a_time_is_a_validation_error(staff: Api) -> None:
    party_id = register_party(staff)

    assert_422(as_of(staff, party_id, "last tuesday"), "as_of")


def test_asking_for_both_a_version_and_as_of_is_a_validation_error(staff: Api) -> None:
    party_id = register_party(staff)

    response = staff.get(f"{PARTIES}/{party_id}?version=1&as_of={quote('2026-11-01T09:00:00Z')}")

    assert_422(response, "as_of")
    assert "one of version, as_of or effective_at" in response.json["errors"][0]["message"]
