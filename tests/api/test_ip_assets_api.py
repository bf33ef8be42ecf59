"""IP assets over HTTP: registration, reading (now, at a version, as of a time), grant, lapse,
expiry, history, and the list with its filters."""

from __future__ import annotations

import uuid

from .conftest import Api, register_party
from .ip_steps import ASSETS, ok, refused, register_asset


def test_registering_an_asset_answers_201_with_its_location_etag_and_normalised_numbers(
    staff: Api,
) -> None:
    holder = register_party(staff)

    response = staff.post(
        ASSETS,
        json={
            "holder_party_id": holder,
            "kind": "patent",
            "jurisdiction": "us",
            "title": "Self-healing concrete admixture",
            "identifiers": [
                {"kind": "application", "number": "16/123,456"},
                {"kind": "grant", "number": "US 11,234,567 B2"},
            ],
            "comment": "Brought to the conference",
        },
    )

    assert response.status_code == 201, response.json
    asset = response.json
    assert response.headers["Location"].endswith(f"{ASSETS}/{asset['id']}")
    assert response.headers["ETag"] == '"1"'
    assert (asset["jurisdiction"], asset["status"]) == ("US", "pending")
    assert asset["holder_party_id"] == asset["owner_party_id"] == holder
    assert asset["identifiers"] == [
        {"kind": "application", "number": "US16/123456"},
        {"kind": "grant", "number": "US11234567B2"},
    ]
    assert ok(staff.get(f"{ASSETS}/{asset['id']}"))["identifiers"] == asset["identifiers"]


def test_refused_registrations_name_the_field(staff: Api) -> None:
    holder = register_party(staff)
    good = {"holder_party_id": holder, "kind": "patent", "jurisdiction": "CN", "title": "T"}
    cases = [
        ({"holder_party_id": str(uuid.uuid4())}, "party.unknown", "holder_party_id"),
        ({"jurisdiction": "XX"}, "ip_office.unknown", "jurisdiction"),
        ({"kind": "design", "jurisdiction": "WO"}, "ip_office.kind_not_filed", "jurisdiction"),
        ({"kind": "trademark"}, "validation_failed", "kind"),
        ({"owner_party_id": holder}, "validation_failed", "owner_party_id"),
        (
            {"identifiers": [{"kind": "application", "number": "CN202010566088.1"}]},
            "ip_identifier.wrong_check_digit",
            "identifiers.0.number",
        ),
        (
            {"identifiers": [{"kind": "publication", "number": "CN112345678"}]},
            "ip_identifier.malformed",
            "identifiers.0.number",
        ),
        (
            {"kind": "know_how", "identifiers": [{"kind": "grant", "number": "CN112345678B"}]},
            "ip_identifier.not_for_kind",
            "identifiers.0.kind",
        ),
    ]
    for changes, code, field in cases:
        refused(staff.post(ASSETS, json=good | changes), 422, code, field)
    assert ok(staff.get(ASSETS))["items"] == []


def test_an_unknown_asset_is_not_found(staff: Api) -> None:
    missing = f"{ASSETS}/{uuid.uuid4()}"

    refused(staff.get(missing), 404, "not_found")
    refused(staff.get(f"{missing}/history"), 404, "not_found")
    refused(staff.post(f"{missing}/grant", json={"granted_on": "2026-01-01"}), 404, "not_found")


def test_grant_lapse_and_expiry_are_recorded_once_each_in_order(staff: Api, auditor: Api) -> None:
    url = f"{ASSETS}/{register_asset(staff, register_party(staff))['id']}"

    granted = ok(
        staff.post(
            f"{url}/grant", json={"granted_on": "2021-06-01", "grant_number": "CN 112345678 B"}
        )
    )
    assert (granted["status"], granted["granted_on"]) == ("granted", "2021-06-01")
    assert granted["identifiers"][-1] == {"kind": "grant", "number": "CN112345678B"}
    refused(
        staff.post(f"{url}/grant", json={"granted_on": "2021-06-02"}),
        409,
        "ip_asset.already_granted",
    )
    expired = ok(staff.post(f"{url}/expiry", json={"expired_on": "2026-06-01"}))
    assert (expired["status"], expired["ended_on"]) == ("expired", "2026-06-01")
    lapse = {"lapsed_on": "2026-06-02", "reason": "Fee unpaid"}
    refused(staff.post(f"{url}/lapse", json=lapse), 409, "ip_asset.already_ended")
    refused(
        staff.post(f"{url}/expiry", json={"expired_on": "2099-01-01"}),
        409,
        "ip_asset.already_ended",
    )

    history = ok(auditor.get(f"{url}/history"))["items"]
    assert [e["type"] for e in history] == ["Registered", "Granted", "Expired"]
    assert ok(auditor.get(f"{url}?version=1"))["status"] == "pending"
    as_of = history[1]["recorded_at"]
    assert ok(auditor.get(f"{url}?as_of={as_of.replace('+', '%2B')}"))["status"] == "granted"


def test_know_how_lapses_but_is_never_granted(staff: Api) -> None:
    holder = register_party(staff)
    url = f"{ASSETS}/{register_asset(staff, holder, kind='know_how', identifiers=[])['id']}"
    grant = {"granted_on": "2026-01-01"}
    lapse = {"lapsed_on": "2026-01-01", "reason": "Disclosed at a trade fair"}

    refused(staff.post(f"{url}/grant", json=grant), 409, "ip_asset.know_how_not_granted")
    in_future = lapse | {"lapsed_on": "2099-01-01"}
    refused(staff.post(f"{url}/lapse", json=in_future), 422, "ip_asset.date_in_future", "lapsed_on")
    lapsed = ok(staff.post(f"{url}/lapse", json=lapse))

    assert (lapsed["status"], lapsed["lapse_reason"]) == ("lapsed", "Disclosed at a trade fair")


def test_assets_are_listed_by_kind_jurisdiction_holder_owner_status_and_number(
    staff: Api, dashboard: Api
) -> None:
    university = register_party(staff)
    academy = register_party(staff, "National Academy of Sciences", "KZ")
    patent = register_asset(staff, university)["id"]
    design = register_asset(staff, academy, kind="design", jurisdiction="KZ", identifiers=[])["id"]
    software = register_asset(
        staff,
        university,
        kind="software_copyright",
        title="Loess slope monitor",
        identifiers=[{"kind": "registration", "number": "2023SR0123456"}],
    )["id"]
    ok(staff.post(f"{ASSETS}/{software}/grant", json={"granted_on": "2023-03-01"}))

    def ids(query: str) -> list[str]:
        return [i["id"] for i in ok(dashboard.get(f"{ASSETS}?{query}"))["items"]]

    assert ids("") == [patent, design, software]
    assert ids("kind=design") == [design]
    assert ids("jurisdiction=KZ") == [design]
    assert ids(f"holder_party_id={university}") == [patent, software]
    assert ids(f"owner_party_id={academy}") == [design]
    assert ids("status=granted") == [software]
    assert ids("q=monitor") == [software]
    assert ids("q=202010566088") == [patent]
    page = ok(dashboard.get(f"{ASSETS}?limit=2"))
    assert ids(f"limit=2&after={page['next_after']}") == [software]
    assert page["items"][0]["numbers"] == ["CN202010566088.9"]
    refused(dashboard.get(f"{ASSETS}?kind=trademark"), 422, "validation_failed", "kind")
    refused(dashboard.get(f"{ASSETS}?owner=someone"), 422, "validation_failed", "owner")
