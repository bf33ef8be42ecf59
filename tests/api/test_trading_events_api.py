"""Trading events over HTTP: schedule, the programme, roadshows and pitches, deals, counts."""

from __future__ import annotations

from typing import Any

from .conftest import Api
from .supermarket_steps import (
    DAY,
    EVENTS,
    create_achievement,
    ok,
    refused,
    register,
    schedule,
    signed_agreement,
)

STRANGER = "00000000-0000-4000-8000-000000000000"


def add_roadshow(api: Api, url: str, theme: str) -> str:
    return ok(api.post(f"{url}/roadshows", json={"theme": theme, "held_on": DAY}))["roadshows"][-1][
        "roadshow_id"
    ]


def pitch(api: Api, url: str, roadshow_id: str, **slot: str) -> dict[str, Any]:
    return ok(api.post(f"{url}/roadshows/{roadshow_id}/slots", json=slot))


def test_scheduling_answers_201_with_location_and_empty_counts(staff: Api) -> None:
    host = register(staff, "Xi'an University")
    body = {
        "host_party_id": host,
        "name": "Hard Sci-Tech Achievements Trading Conference",
        "city": "Xi'an",
        "country": "cn",
        "starts_on": DAY,
        "ends_on": "2026-11-21",
    }

    response = staff.post(EVENTS, json=body)

    assert response.status_code == 201, response.json
    assert response.headers["Location"].endswith(f"{EVENTS}/{response.json['id']}")
    assert (response.json["country"], response.json["host_country"]) == ("CN", "CN")
    assert set(response.json["counts"].values()) == {0}
    refused(staff.post(EVENTS, json={**body, "host_party_id": STRANGER}), 422, "party.unknown")
    refused(
        staff.post(EVENTS, json={**body, "ends_on": "2026-11-19"}),
        422,
        "trading_event.dates_reversed",
        "ends_on",
    )


def test_the_programme_is_recorded_part_by_part(staff: Api) -> None:
    host = register(staff, "Xi'an University")
    url = f"{EVENTS}/{schedule(staff, host)}"

    ok(staff.post(f"{url}/forums", json={"title": "Belt and Road forum", "held_on": DAY}))
    ok(staff.post(f"{url}/exhibitions", json={"title": "Achievements exhibition"}))
    ok(
        staff.post(
            f"{url}/unveilings",
            json={"institution": "IP exchange centre", "unveiled_on": DAY, "party_id": host},
        )
    )
    event = ok(
        staff.post(f"{url}/launches", json={"what": "Online supermarket", "launched_on": DAY})
    )

    assert [f["title"] for f in event["forums"]] == ["Belt and Road forum"]
    assert [e["title"] for e in event["exhibitions"]] == ["Achievements exhibition"]
    assert [(u["institution"], u["party_id"]) for u in event["unveilings"]] == [
        ("IP exchange centre", host)
    ]
    assert [launch["what"] for launch in event["launches"]] == ["Online supermarket"]
    assert event["version"] == 5
    refused(
        staff.post(f"{url}/forums", json={"title": "Late forum", "held_on": "2026-11-21"}),
        422,
        "trading_event.outside_dates",
        "held_on",
    )


def test_roadshows_count_projects_and_international_ones_by_country(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    almaty = register(staff, "Almaty Photonics", "company", "KZ")
    tashkent = register(staff, "Tashkent State Technical University", country="UZ")
    local = register(staff, "Qinling Photonics", "company")
    event_id = schedule(staff, host)
    url = f"{EVENTS}/{event_id}"
    international, ai = add_roadshow(staff, url, "International"), add_roadshow(staff, url, "AI")

    pitch(staff, url, international, presenter_party_id=almaty, company_id=almaty)
    seeds = create_achievement(staff, tashkent, title="Seed coating")["id"]
    pitch(staff, url, international, presenter_party_id=tashkent, achievement_id=seeds)
    event = pitch(staff, url, ai, presenter_party_id=local, company_id=local)

    slots = event["roadshows"][0]["slots"]
    assert [(s["presenter_country"], s["international"]) for s in slots] == [
        ("KZ", True),
        ("UZ", True),
    ]
    assert event["counts"] == {
        "achievements_exhibited": 0,
        "roadshows": 2,
        "projects_pitched": 3,
        "international_projects": 2,
        "international_countries": 2,
        "agreements_signed": 0,
    }
    listed = ok(dashboard.get(f"{EVENTS}?country=CN"))["items"]
    assert [(i["id"], i["counts"]["projects_pitched"]) for i in listed] == [(event_id, 3)]


def test_bad_pitches_are_refused(staff: Api) -> None:
    host = register(staff, "Xi'an University")
    url = f"{EVENTS}/{schedule(staff, host)}"
    roadshow_id = add_roadshow(staff, url, "International")
    slots = f"{url}/roadshows/{roadshow_id}/slots"

    refused(
        staff.post(slots, json={"presenter_party_id": host}),
        422,
        "trading_event.pitch_needs_one_project",
    )
    refused(
        staff.post(slots, json={"presenter_party_id": host, "company_id": host}),
        422,
        "trading_event.not_a_company",
        "company_id",
    )
    refused(
        staff.post(
            f"{url}/roadshows/nope/slots",
            json={"presenter_party_id": host, "achievement_id": STRANGER},
        ),
        422,
        "achievement.unknown",
        "achievement_id",
    )
    achievement_id = create_achievement(staff, host)["id"]
    refused(
        staff.post(
            f"{url}/roadshows/nope/slots",
            json={"presenter_party_id": host, "achievement_id": achievement_id},
        ),
        404,
        "trading_event.unknown_roadshow",
    )


def test_agreements_signed_at_the_event_are_linked_once(staff: Api, auditor: Api) -> None:
    host, guest = register(staff, "Xi'an University"), register(staff, "Academy", "academy", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    agreement_id = signed_agreement(staff, [host, guest])

    event = ok(staff.post(f"{url}/agreements", json={"agreement_id": agreement_id}))

    assert (event["agreements_signed"], event["counts"]["agreements_signed"]) == ([agreement_id], 1)
    refused(
        staff.post(f"{url}/agreements", json={"agreement_id": agreement_id}),
        409,
        "trading_event.agreement_already_recorded",
    )
    refused(
        staff.post(f"{url}/agreements", json={"agreement_id": STRANGER}),
        422,
        "trading_event.unknown_agreement",
        "agreement_id",
    )
    assert ok(auditor.get(f"{url}?version=1"))["agreements_signed"] == []
    history = ok(auditor.get(f"{url}/history"))["items"]
    assert [e["type"] for e in history] == ["Scheduled", "AgreementSigned"]
