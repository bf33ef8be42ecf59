"""Trading events on both stores: only agreements that took effect at the event count as signed
there; international is judged against where the event is held; closed achievements are not
pitched. A refused command records nothing."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api, draft_agreement, sign
from .report_steps import report
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


def history(api: Api, url: str) -> list[str]:
    return [e["type"] for e in ok(api.get(f"{url}/history"))["items"]]


def record_signed(api: Api, url: str, agreement_id: str) -> Any:
    return api.post(f"{url}/agreements", json={"agreement_id": agreement_id})


def test_a_draft_nobody_signed_is_not_signed_at_the_event(
    staff: Api, auditor: Api, dashboard: Api
) -> None:
    host, guest = register(staff, "Xi'an University"), register(staff, "Academy", "academy", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    agreement_id = draft_agreement(staff, [host, guest])["id"]

    response = record_signed(staff, url, agreement_id)

    refused(response, 409, "trading_event.agreement_not_signed", "agreement_id")
    assert response.content_type == "application/problem+json"
    assert "draft" in response.json["detail"]
    assert history(auditor, url) == ["Scheduled"]
    assert ok(auditor.get(url))["counts"]["agreements_signed"] == 0
    assert report(dashboard, "trading-events")["rows"][0]["agreements_signed"] == 0


def test_an_agreement_awaiting_a_signature_is_not_signed_at_the_event(
    staff: Api, auditor: Api
) -> None:
    host, guest = register(staff, "Xi'an University"), register(staff, "Academy", "academy", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    agreement_id = draft_agreement(staff, [host, guest])["id"]
    ok(staff.post(f"/api/v1/agreements/{agreement_id}/opening"))
    ok(sign(staff, agreement_id, host, DAY))

    refused(
        record_signed(staff, url, agreement_id),
        409,
        "trading_event.agreement_not_signed",
        "agreement_id",
    )
    assert history(auditor, url) == ["Scheduled"]


@pytest.mark.parametrize("last_signed", ["2026-11-19", "2026-11-25"])
def test_an_agreement_that_took_effect_outside_the_event_is_refused_naming_the_dates(
    staff: Api, auditor: Api, last_signed: str
) -> None:
    host, guest = register(staff, "Xi'an University"), register(staff, "Academy", "academy", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    agreement_id = signed_agreement(staff, [host, guest], "2026-11-19", last_signed)

    response = record_signed(staff, url, agreement_id)

    refused(response, 409, "trading_event.agreement_signed_outside_event", "agreement_id")
    assert f"took effect on {last_signed}" in response.json["detail"]
    assert f"from {DAY} to {DAY}" in response.json["detail"]
    assert history(auditor, url) == ["Scheduled"]


def test_an_agreement_whose_last_signature_is_dated_at_the_event_counts_even_once_ended(
    staff: Api, dashboard: Api
) -> None:
    host, guest = register(staff, "Xi'an University"), register(staff, "Academy", "academy", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    agreement_id = signed_agreement(staff, [host, guest], "2026-11-18", DAY)
    ok(staff.post(f"/api/v1/agreements/{agreement_id}/completion", json={"completed_on": DAY}))

    event = ok(record_signed(staff, url, agreement_id))

    assert (event["agreements_signed"], event["counts"]["agreements_signed"]) == ([agreement_id], 1)
    assert report(dashboard, "trading-events")["rows"][0]["agreements_signed"] == 1


def test_international_is_judged_against_the_event_country_not_the_host_country(
    staff: Api, dashboard: Api
) -> None:
    """A conference held in China by a Kazakh host: Chinese presenters are at home there."""
    host = register(staff, "Astana International Technology Park", "company", "KZ")
    url = f"{EVENTS}/{schedule(staff, host)}"
    event = ok(staff.post(f"{url}/roadshows", json={"theme": "International", "held_on": DAY}))
    slots = f"{url}/roadshows/{event['roadshows'][-1]['roadshow_id']}/slots"
    for n, country in enumerate(("CN", "CN", "KZ", "UZ")):
        company = register(staff, f"Company {n} of {country}", "company", country)
        event = ok(staff.post(slots, json={"presenter_party_id": company, "company_id": company}))

    assert (event["country"], event["host_country"]) == ("CN", "KZ")
    assert [s["international"] for s in event["roadshows"][0]["slots"]] == [
        False,
        False,
        True,
        True,
    ]
    counts = {"international_projects": 2, "international_countries": 2}
    assert {k: event["counts"][k] for k in counts} == counts
    listed = ok(staff.get(EVENTS))["items"][0]["counts"]
    assert {k: listed[k] for k in counts} == counts
    row = report(dashboard, "trading-events")["rows"][0]
    assert {k: row[k] for k in counts} == counts


@pytest.mark.parametrize("ending", ["withdrawal", "transaction"])
def test_a_withdrawn_or_transacted_achievement_cannot_be_pitched(
    staff: Api, auditor: Api, ending: str
) -> None:
    owner, buyer = register(staff, "Xi'an University"), register(staff, "Almaty", "company", "KZ")
    url = f"{EVENTS}/{schedule(staff, owner)}"
    event = ok(staff.post(f"{url}/roadshows", json={"theme": "International", "held_on": DAY}))
    slots = f"{url}/roadshows/{event['roadshows'][-1]['roadshow_id']}/slots"
    achievement_id = create_achievement(staff, owner)["id"]
    achievement = f"/api/v1/achievements/{achievement_id}"
    if ending == "withdrawal":
        ok(staff.post(f"{achievement}/withdrawal", json={"reason": "Developed in house"}))
    else:
        ok(staff.post(f"{achievement}/listing"))
        ok(staff.post(f"{achievement}/negotiation", json={"counterparty_id": buyer}))
        deal = {"transacted_on": DAY, "agreement_id": draft_agreement(staff, [owner, buyer])["id"]}
        ok(staff.post(f"{achievement}/transaction", json=deal))
    before = history(auditor, url)

    response = staff.post(
        slots, json={"presenter_party_id": owner, "achievement_id": achievement_id}
    )

    refused(response, 409, "trading_event.achievement_closed", "achievement_id")
    assert history(auditor, url) == before
