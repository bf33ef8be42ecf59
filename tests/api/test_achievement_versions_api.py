"""Achievements and trading events as they were (`?as_of=`), and commands replayed by key."""

from __future__ import annotations

from urllib.parse import quote

from .conftest import Api
from .supermarket_steps import (
    ACHIEVEMENTS,
    CONTACT,
    DAY,
    EVENTS,
    create_achievement,
    offer,
    ok,
    register,
    schedule,
)


def test_an_achievement_reads_as_it_was_recorded_at_a_time(staff: Api, auditor: Api) -> None:
    owner = register(staff, "Xi'an University")
    created = create_achievement(staff, owner)
    url = f"{ACHIEVEMENTS}/{created['id']}"
    ok(staff.post(f"{url}/listing"))

    then = ok(auditor.get(f"{url}?as_of={quote(created['modified_at'])}"))

    assert (then["version"], then["status"]) == (1, "draft")
    assert ok(auditor.get(url))["status"] == "listed"


def test_a_trading_event_reads_with_the_counts_it_had_at_a_version(
    staff: Api, auditor: Api
) -> None:
    host = register(staff, "Xi'an University")
    event_id = schedule(staff, host)
    url = f"{EVENTS}/{event_id}"
    ok(staff.post(f"{url}/roadshows", json={"theme": "International", "held_on": DAY}))

    assert ok(auditor.get(f"{url}?version=1"))["counts"]["roadshows"] == 0
    assert ok(auditor.get(f"{url}?version=2"))["counts"]["roadshows"] == 1


def test_a_registration_sent_twice_with_one_key_records_one_achievement(staff: Api) -> None:
    owner = register(staff, "Xi'an University")
    body = {
        "owner_party_id": owner,
        "offer": offer(),
        "contact": CONTACT,
        "external_ref": {"scope": "alliance", "reference": "SRA-1"},
    }
    key = {"Idempotency-Key": "register-sra-1"}

    first = staff.post(ACHIEVEMENTS, json=body, headers=key)
    again = staff.post(ACHIEVEMENTS, json=body, headers=key)

    assert (first.status_code, again.status_code) == (201, 201), again.json
    assert again.json["id"] == first.json["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(ok(staff.get(ACHIEVEMENTS))["items"]) == 1
