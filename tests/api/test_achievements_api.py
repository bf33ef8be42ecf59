"""Achievements over HTTP: register, read, every lifecycle step, versions and history."""

from __future__ import annotations

from .conftest import Api, draft_agreement
from .ip_steps import register_asset
from .supermarket_steps import (
    ACHIEVEMENTS,
    CONTACT,
    DAY,
    create_achievement,
    offer,
    ok,
    refused,
    register,
    schedule,
)

STRANGER = "00000000-0000-4000-8000-000000000000"


def test_registering_answers_201_with_location_etag_and_the_whole_achievement(
    staff: Api,
) -> None:
    owner = register(staff, "Xi'an University")
    asset_id = register_asset(staff, owner)["id"]
    body = {
        "owner_party_id": owner,
        "offer": offer(asking_price="negotiable", ip_asset_ids=[asset_id]),
        "contact": CONTACT,
        "external_ref": {"scope": "alliance", "reference": "SRA-1"},
    }

    response = staff.post(ACHIEVEMENTS, json=body)

    assert response.status_code == 201, response.json
    created = response.json
    assert response.headers["Location"].endswith(f"{ACHIEVEMENTS}/{created['id']}")
    assert response.headers["ETag"] == '"1"'
    assert (created["status"], created["owner_party_id"]) == ("draft", owner)
    assert created["offer"]["asking_price"] == "negotiable"
    assert created["offer"]["ip_asset_ids"] == [asset_id]
    assert created["contact"] == CONTACT
    assert created["external_ref"] == {"scope": "alliance", "reference": "SRA-1"}
    refused(staff.post(ACHIEVEMENTS, json=body), 409, "achievement.external_ref_taken")


def test_bad_values_are_refused_naming_their_fields(staff: Api) -> None:
    owner = register(staff, "Xi'an University")

    def create(**changes: object) -> object:
        body = {"owner_party_id": owner, "offer": offer(), "contact": CONTACT, **changes}
        return staff.post(ACHIEVEMENTS, json=body)

    refused(create(offer=offer(trl=10)), 422, "validation_failed", "offer.trl")
    refused(
        create(offer=offer(transfer_modes=[])), 422, "validation_failed", "offer.transfer_modes"
    )
    refused(
        create(offer=offer(asking_price="cheap")), 422, "validation_failed", "offer.asking_price"
    )
    refused(
        create(offer=offer(asking_price={"amount": "1.234", "currency": "CNY"})),
        422,
        "money.too_precise",
        "offer.asking_price.amount",
    )
    refused(
        create(contact={**CONTACT, "email": "nobody"}),
        422,
        "contact.invalid_email",
        "contact.email",
    )
    refused(create(owner_party_id=STRANGER), 422, "party.unknown", "owner_party_id")
    refused(
        create(offer=offer(ip_asset_ids=[STRANGER])),
        422,
        "achievement.unknown_ip_asset",
        "offer.ip_asset_ids.0",
    )


def test_an_achievement_goes_from_the_supermarket_through_negotiation_to_a_deal(
    staff: Api,
) -> None:
    owner, buyer = register(staff, "Xi'an University"), register(staff, "Almaty", "company", "KZ")
    url = f"{ACHIEVEMENTS}/{create_achievement(staff, owner)['id']}"
    agreement = draft_agreement(staff, [owner, buyer])

    assert ok(staff.post(f"{url}/listing"))["status"] == "listed"
    negotiating = ok(staff.post(f"{url}/negotiation", json={"counterparty_id": buyer}))
    assert (negotiating["status"], negotiating["counterparty_id"]) == ("under_negotiation", buyer)
    fell = ok(staff.post(f"{url}/negotiation/fall-through", json={"reason": "Price too high"}))
    assert (fell["status"], fell["counterparty_id"]) == ("listed", None)
    ok(staff.post(f"{url}/negotiation", json={"counterparty_id": buyer}))
    refused(
        staff.post(f"{url}/transaction", json={"transacted_on": DAY}),
        422,
        "achievement.transaction_needs_one_deal",
    )
    deal = ok(
        staff.post(
            f"{url}/transaction", json={"transacted_on": DAY, "agreement_id": agreement["id"]}
        )
    )

    assert deal["status"] == "transacted"
    assert deal["transaction"] == {
        "transacted_on": DAY,
        "agreement_id": agreement["id"],
        "ip_transfer_id": None,
    }
    refused(staff.post(f"{url}/withdrawal", json={"reason": "Too late"}), 409, "achievement.closed")


def test_steps_out_of_order_are_conflicts(staff: Api) -> None:
    owner = register(staff, "Xi'an University")
    url = f"{ACHIEVEMENTS}/{create_achievement(staff, owner)['id']}"

    refused(
        staff.post(f"{url}/negotiation", json={"counterparty_id": owner}),
        409,
        "achievement.not_listed",
    )
    refused(
        staff.post(f"{url}/negotiation/fall-through", json={"reason": "x"}),
        409,
        "achievement.not_negotiating",
    )
    withdrawn = ok(staff.post(f"{url}/withdrawal", json={"reason": "The patent lapsed"}))
    assert (withdrawn["status"], withdrawn["withdrawal_reason"]) == (
        "withdrawn",
        "The patent lapsed",
    )
    refused(staff.post(f"{url}/listing"), 409, "achievement.not_draft")


def test_exhibiting_at_a_trading_event_is_counted_there(staff: Api, auditor: Api) -> None:
    owner = register(staff, "Xi'an University")
    achievement_id = create_achievement(staff, owner)["id"]
    event_id = schedule(staff, owner)
    url = f"{ACHIEVEMENTS}/{achievement_id}/exhibitions"

    assert ok(staff.post(url, json={"event_id": event_id}))["exhibited_at"] == [event_id]
    refused(staff.post(url, json={"event_id": event_id}), 409, "achievement.already_exhibited")
    refused(
        staff.post(url, json={"event_id": STRANGER}),
        422,
        "achievement.unknown_trading_event",
        "event_id",
    )
    event = ok(auditor.get(f"/api/v1/trading-events/{event_id}"))
    assert event["achievements_exhibited"] == [achievement_id]
    assert event["counts"]["achievements_exhibited"] == 1


def test_an_achievement_reads_at_a_version_and_with_its_history(staff: Api, auditor: Api) -> None:
    owner = register(staff, "Xi'an University")
    url = f"{ACHIEVEMENTS}/{create_achievement(staff, owner)['id']}"
    ok(staff.post(f"{url}/listing", json={"comment": "Approved by the committee"}))

    assert ok(auditor.get(f"{url}?version=1"))["status"] == "draft"
    current = auditor.get(url)
    assert (current.json["status"], current.headers["ETag"]) == ("listed", '"2"')
    history = ok(auditor.get(f"{url}/history"))["items"]
    assert [e["type"] for e in history] == ["Registered", "Listed"]
    assert history[1]["metadata"]["comment"] == "Approved by the committee"
    refused(auditor.get(f"{url}?version=3"), 404, "not_found")
