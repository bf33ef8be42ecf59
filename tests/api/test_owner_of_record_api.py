"""No route changes an asset's owner of record: only the policy does, when an assignment is
recorded with the IP office."""

from __future__ import annotations

from flask import Flask

from dealtrail.application.followers import POLICIES
from dealtrail.bootstrap import Services

from .conftest import Api
from .ip_steps import ASSETS, Deal, ok, refused


def test_with_the_policy_stopped_a_recorded_assignment_leaves_the_owner_until_it_runs(
    staff: Api, services: Services
) -> None:
    services.ledger.after_commands.clear()
    deal = Deal(staff)
    deal.sign()
    ok(deal.schedule())

    ok(deal.record())
    for _ in range(2):
        ok(deal.pay())
    ok(deal.post("completion", {"completed_on": "2026-11-23"}))

    assert deal.asset()["owner_party_id"] == deal.holder
    assert deal.asset()["version"] == 1
    services.followers.run([POLICIES])
    owned = deal.asset()
    assert (owned["owner_party_id"], owned["title_transfers"]) == (deal.recipient, [deal.id])
    history = ok(staff.get(f"{ASSETS}/{deal.asset_id}/history"))["items"]
    assert [e["type"] for e in history] == ["Registered", "OwnerOfRecordChanged"]
    assert history[1]["metadata"]["actor"] == "policy:owner_of_record"
    assert history[1]["data"]["transfer_id"] == deal.id


def test_no_asset_route_takes_an_owner(app: Flask, staff: Api) -> None:
    deal = Deal(staff)
    url = f"{ASSETS}/{deal.asset_id}"

    asset_routes = {
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(ASSETS)
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert {r for r, _ in asset_routes} == {
        ASSETS,
        f"{ASSETS}/<uuid:asset_id>",
        f"{ASSETS}/<uuid:asset_id>/history",
        f"{ASSETS}/<uuid:asset_id>/grant",
        f"{ASSETS}/<uuid:asset_id>/lapse",
        f"{ASSETS}/<uuid:asset_id>/expiry",
    }
    for path in ("owner", "owner-of-record", ""):
        response = staff.client.open(
            f"{url}/{path}".rstrip("/"),
            method="PUT",
            json={"owner_party_id": deal.recipient},
            headers={"Authorization": f"Bearer {staff.token}"},
        )
        assert response.status_code in (404, 405)
    body = {"granted_on": "2026-01-01", "owner_party_id": deal.recipient}
    refused(staff.post(f"{url}/grant", json=body), 422, "validation_failed", "owner_party_id")
    assert deal.asset()["owner_party_id"] == deal.holder


def test_a_recorded_licence_leaves_the_owner_of_record_as_it_was(staff: Api) -> None:
    deal = Deal(
        staff, mode="exclusive_licence", term={"starts_on": "2026-11-20", "ends_on": "2031-11-19"}
    )
    deal.sign()

    assert ok(deal.record())["status"] == "recorded"
    assert deal.asset()["owner_party_id"] == deal.holder
