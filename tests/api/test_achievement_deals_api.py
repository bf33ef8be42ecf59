"""An achievement's transaction over HTTP on both stores: the deal it names must be one its
owner made (422 otherwise, and nothing is recorded)."""

from __future__ import annotations

from .conftest import Api, draft_agreement
from .ip_steps import propose, register_asset
from .supermarket_steps import ACHIEVEMENTS, DAY, create_achievement, ok, refused, register


def negotiating(staff: Api, owner: str, buyer: str) -> str:
    url = f"{ACHIEVEMENTS}/{create_achievement(staff, owner)['id']}"
    ok(staff.post(f"{url}/listing"))
    ok(staff.post(f"{url}/negotiation", json={"counterparty_id": buyer}))
    return url


def test_an_agreement_the_owner_is_not_a_party_to_is_refused(staff: Api, auditor: Api) -> None:
    owner, buyer = register(staff, "Xi'an University"), register(staff, "Almaty", "company", "KZ")
    others = [register(staff, "Lanzhou University"), buyer]
    url = negotiating(staff, owner, buyer)
    agreement_id = draft_agreement(staff, others)["id"]
    before = ok(auditor.get(url))

    response = staff.post(
        f"{url}/transaction", json={"transacted_on": DAY, "agreement_id": agreement_id}
    )

    refused(response, 422, "achievement.owner_not_party_to_agreement", "agreement_id")
    assert response.headers["Content-Type"] == "application/problem+json"
    assert owner in response.json["detail"] and agreement_id in response.json["detail"]
    assert ok(auditor.get(url)) == before


def test_an_ip_transfer_of_rights_the_owner_does_not_hold_is_refused(
    staff: Api, auditor: Api
) -> None:
    owner, buyer = register(staff, "Xi'an University"), register(staff, "Almaty", "company", "KZ")
    holder = register(staff, "Lanzhou University")
    url = negotiating(staff, owner, buyer)
    proposed = propose(staff, register_asset(staff, holder)["id"], holder, buyer)
    assert proposed.status_code == 201, proposed.json
    before = ok(auditor.get(url))

    response = staff.post(
        f"{url}/transaction", json={"transacted_on": DAY, "ip_transfer_id": proposed.json["id"]}
    )

    refused(response, 422, "achievement.owner_not_transfer_holder", "ip_transfer_id")
    assert holder in response.json["detail"]
    assert ok(auditor.get(url)) == before


def test_an_ip_transfer_of_the_owners_own_rights_transacts_the_achievement(staff: Api) -> None:
    owner, buyer = register(staff, "Xi'an University"), register(staff, "Almaty", "company", "KZ")
    url = negotiating(staff, owner, buyer)
    proposed = propose(staff, register_asset(staff, owner)["id"], owner, buyer)
    assert proposed.status_code == 201, proposed.json

    deal = ok(
        staff.post(
            f"{url}/transaction", json={"transacted_on": DAY, "ip_transfer_id": proposed.json["id"]}
        )
    )

    assert (deal["status"], deal["transaction"]["ip_transfer_id"]) == (
        "transacted",
        proposed.json["id"],
    )
