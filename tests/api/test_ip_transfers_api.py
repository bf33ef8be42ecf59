"""IP transfers over HTTP: proposing, reading, history, and the list with its filters."""

from __future__ import annotations

import uuid

from .conftest import Api, register_party
from .ip_steps import TRANSFERS, Deal, ok, propose, refused, register_asset


def test_proposing_a_transfer_answers_201_with_its_location_and_etag(staff: Api) -> None:
    holder, recipient = register_party(staff), register_party(staff, "Academy", "KZ")
    asset = register_asset(staff, holder, kind="utility_model", identifiers=[])

    response = propose(
        staff,
        asset["id"],
        holder,
        recipient,
        mode="exclusive_licence",
        territory={"countries": ["uz", "KZ"]},
        term={"starts_on": "2026-12-01", "ends_on": "2031-11-30"},
    )

    assert response.status_code == 201, response.json
    transfer = response.json
    assert response.headers["Location"].endswith(f"{TRANSFERS}/{transfer['id']}")
    assert response.headers["ETag"] == '"1"'
    assert transfer["status"] == "proposed"
    assert (transfer["asset_kind"], transfer["mode"]) == ("utility_model", "exclusive_licence")
    assert transfer["territory"] == {"worldwide": False, "countries": ["KZ", "UZ"]}
    assert transfer["term"] == {"starts_on": "2026-12-01", "ends_on": "2031-11-30"}
    assert transfer["paid"] is transfer["outstanding"] is transfer["consideration"] is None
    assert ok(staff.get(f"{TRANSFERS}/{transfer['id']}")) == {
        k: v for k, v in transfer.items() if k != "position"
    }


def test_refused_proposals_name_the_field(staff: Api) -> None:
    holder, recipient = register_party(staff), register_party(staff, "Academy", "KZ")
    asset_id = register_asset(staff, holder)["id"]
    nobody = str(uuid.uuid4())
    cases = [
        ({"asset_id": nobody}, "ip_asset.unknown", "asset_id"),
        ({"asset_id": holder}, "ip_asset.unknown", "asset_id"),
        ({"holder_party_id": nobody}, "party.unknown", "holder_party_id"),
        ({"recipient_party_id": nobody}, "party.unknown", "recipient_party_id"),
        ({"recipient_party_id": holder}, "ip_transfer.self_transfer", "recipient_party_id"),
        ({"mode": "joint_venture"}, "validation_failed", "mode"),
        ({"territory": {"countries": ["CN", "XX"]}}, "country.unknown", "territory.countries.1"),
        ({"territory": {}}, "ip_transfer.territory_empty", "territory.countries"),
        (
            {"term": {"starts_on": "2026-12-01", "ends_on": "2030-01-01"}},
            "ip_transfer.assignment_has_no_end",
            "term.ends_on",
        ),
        (
            {"mode": "sole_licence", "term": {"starts_on": "2026-12-01", "ends_on": "2026-11-30"}},
            "ip_transfer.term_dates_reversed",
            "term.ends_on",
        ),
    ]
    good = {
        "asset_id": asset_id,
        "holder_party_id": holder,
        "recipient_party_id": recipient,
        "mode": "assignment",
        "territory": {"worldwide": True},
        "term": {"starts_on": "2026-12-01"},
    }
    for changes, code, field in cases:
        refused(staff.post(TRANSFERS, json=good | changes), 422, code, field)
    assert ok(staff.get(TRANSFERS))["items"] == []


def test_a_holder_that_is_not_the_owner_of_record_is_refused_with_409(staff: Api) -> None:
    owner, other = register_party(staff), register_party(staff, "Academy", "KZ")
    asset_id = register_asset(staff, owner)["id"]

    response = propose(staff, asset_id, other, owner)

    refused(response, 409, "ip_transfer.holder_not_owner_of_record", "holder_party_id")


def test_a_lapsed_asset_cannot_be_transferred(staff: Api) -> None:
    holder, recipient = register_party(staff), register_party(staff, "Academy", "KZ")
    asset_id = register_asset(staff, holder)["id"]
    lapse = {"lapsed_on": "2026-01-01", "reason": "Withdrawn"}
    ok(staff.post(f"/api/v1/ip-assets/{asset_id}/lapse", json=lapse))

    refused(propose(staff, asset_id, holder, recipient), 409, "ip_transfer.asset_ended", "asset_id")


def test_an_unknown_transfer_is_not_found(staff: Api) -> None:
    missing = f"{TRANSFERS}/{uuid.uuid4()}"

    refused(staff.get(missing), 404, "not_found")
    refused(staff.get(f"{missing}/history"), 404, "not_found")
    refused(
        staff.post(f"{missing}/cancellation", json={"reason": "x", "cancelled_on": "2026-11-20"}),
        404,
        "not_found",
    )


def test_a_transfer_is_read_at_a_version_and_its_history_says_who_did_what(
    staff: Api, auditor: Api
) -> None:
    deal = Deal(staff)
    deal.valuate()

    assert ok(auditor.get(f"{deal.url}?version=1"))["status"] == "proposed"
    history = ok(auditor.get(f"{deal.url}/history"))["items"]
    assert [e["type"] for e in history] == ["Proposed", "Valuated"]
    assert history[1]["data"]["valuation"]["value"] == {"amount": "500000.00", "currency": "CNY"}
    assert {e["metadata"]["actor"] for e in history} == {staff.actor}


def test_transfers_are_listed_by_asset_kind_mode_status_and_party(
    staff: Api, dashboard: Api
) -> None:
    assignment = Deal(staff)
    assignment.sign()
    licence = Deal(staff, mode="non_exclusive_licence")
    design_holder = register_party(staff, "Design Institute")
    design = register_asset(staff, design_holder, kind="design", identifiers=[])["id"]
    third = propose(staff, design, design_holder, licence.holder, mode="sole_licence").json["id"]

    def ids(query: str) -> list[str]:
        return [i["id"] for i in ok(dashboard.get(f"{TRANSFERS}?{query}"))["items"]]

    assert ids("") == [assignment.id, licence.id, third]
    assert ids(f"asset_id={licence.asset_id}") == [licence.id]
    assert ids("asset_kind=design") == [third]
    assert ids("mode=assignment") == [assignment.id]
    assert ids("status=contract_signed") == [assignment.id]
    assert ids(f"party_id={licence.holder}") == [licence.id, third]
    assert ids(f"limit=2&after={ok(dashboard.get(f'{TRANSFERS}?limit=2'))['next_after']}") == [
        third
    ]
    summary = ok(dashboard.get(f"{TRANSFERS}?mode=assignment"))["items"][0]
    assert summary["value"] == {"amount": "500000.00", "currency": "CNY"}
    assert summary["outstanding"] is None
    refused(dashboard.get(f"{TRANSFERS}?status=paid"), 422, "validation_failed", "status")
