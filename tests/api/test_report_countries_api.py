"""The reports a dashboard's map and tiles read: where an event's international projects and
partner parties come from, funds raised per board, and the position the reports have reached."""

from __future__ import annotations

import csv
import io

from flask import Flask

from .conftest import Api
from .listing_steps import Listing
from .report_steps import REPORTS, report
from .supermarket_steps import DAY, EVENTS, ok, refused, register, schedule, signed_agreement

STRANGER = "00000000-0000-4000-8000-000000000000"


def pitch_companies(api: Api, url: str, *companies: str, on: str = DAY) -> None:
    """A roadshow held `on` a day of the event, where each company pitches itself."""
    body = {"theme": "International", "held_on": on}
    roadshow_id = ok(api.post(f"{url}/roadshows", json=body))["roadshows"][-1]["roadshow_id"]
    for company in companies:
        slot = {"presenter_party_id": company, "company_id": company}
        ok(api.post(f"{url}/roadshows/{roadshow_id}/slots", json=slot))


def sign_at(api: Api, url: str, party_ids: list[str]) -> None:
    agreement_id = signed_agreement(api, party_ids)
    ok(api.post(f"{url}/agreements", json={"agreement_id": agreement_id}))


def test_the_countries_report_maps_an_events_international_projects_and_partner_parties(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    almaty = register(staff, "Almaty Photonics", "company", "KZ")
    astana = register(staff, "Astana Robotics", "company", "KZ")
    kowloon = register(staff, "Kowloon Materials", "company", "HK")
    local = register(staff, "Qinling Photonics", "company")
    academy = register(staff, "National Academy of Sciences", "academy", "KZ")
    person = register(staff, "Tan Wei Ming", "individual", "SG")
    url = f"{EVENTS}/{schedule(staff, host)}"
    pitch_companies(staff, url, almaty, astana, kowloon, local)
    sign_at(staff, url, [host, academy])
    sign_at(staff, url, [host, academy, person])
    signed_agreement(staff, [host, kowloon])  # signed that day, not recorded at the event

    answer = report(dashboard, "countries")

    assert answer["event_id"] == url.rsplit("/", 1)[1]
    assert answer["rows"] == [
        {"country": "KZ", "international_projects": 2, "partner_parties": 1},
        {"country": "HK", "international_projects": 1, "partner_parties": 0},
        {"country": "SG", "international_projects": 0, "partner_parties": 1},
    ]  # the host's own country is not abroad: neither the local pitch nor the host is counted
    assert report(dashboard, "countries", event_id=answer["event_id"]) == answer
    [counts] = report(dashboard, "trading-events")["rows"]
    international = [r for r in answer["rows"] if r["international_projects"]]
    assert len(international) == counts["international_countries"]
    assert sum(r["international_projects"] for r in international) == 2 + 1


def test_the_countries_report_defaults_to_the_latest_event_and_names_none_without_one(
    staff: Api, dashboard: Api
) -> None:
    assert report(dashboard, "countries") == {"event_id": None, "rows": []}
    host = register(staff, "Xi'an University")
    latest = schedule(staff, host, "Hard Sci-Tech Trading Conference 2026")
    body = {
        "host_party_id": host,
        "name": "Hard Sci-Tech Trading Conference 2025",
        "city": "Xi'an",
        "country": "CN",
        "starts_on": "2025-11-20",
        "ends_on": "2025-11-21",
    }
    earlier = staff.post(EVENTS, json=body)
    assert earlier.status_code == 201, earlier.json
    pitch_companies(
        staff,
        f"{EVENTS}/{earlier.json['id']}",
        register(staff, "Almaty", "company", "KZ"),
        on="2025-11-21",
    )

    assert report(dashboard, "countries", as_of=DAY) == {"event_id": latest, "rows": []}
    assert report(dashboard, "countries", event_id=earlier.json["id"])["rows"] == [
        {"country": "KZ", "international_projects": 1, "partner_parties": 0}
    ]
    assert report(dashboard, "trading-events")["rows"][0]["event_id"] == latest


def test_the_countries_report_defaults_to_the_latest_event_that_has_started_not_a_planned_one(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    held = schedule(staff, host, "Hard Sci-Tech Trading Conference 2026")
    pitch_companies(staff, f"{EVENTS}/{held}", register(staff, "Almaty Photonics", "company", "KZ"))
    body = {
        "host_party_id": host,
        "name": "Hard Sci-Tech Trading Conference 2027",
        "city": "Xi'an",
        "country": "CN",
        "starts_on": "2027-11-18",
        "ends_on": "2027-11-19",
    }
    planned = staff.post(EVENTS, json=body)
    assert planned.status_code == 201, planned.json
    planned_id = planned.json["id"]

    assert report(dashboard, "trading-events")["rows"][0]["event_id"] == planned_id
    assert report(dashboard, "countries", as_of=DAY)["event_id"] == held
    assert report(dashboard, "countries", as_of="2027-11-17")["rows"] == [
        {"country": "KZ", "international_projects": 1, "partner_parties": 0}
    ]
    assert report(dashboard, "countries", as_of="2027-11-18") == {
        "event_id": planned_id,
        "rows": [],
    }  # the day it starts, it is the default
    assert report(dashboard, "countries", as_of="2026-01-01")["event_id"] == planned_id
    # before any has started: the latest overall
    assert report(dashboard, "countries", event_id=planned_id, as_of=DAY)["rows"] == []
    assert dashboard.get(f"{REPORTS}/countries?as_of=2026-02-30").status_code == 422


def test_the_parties_behind_each_map_country_are_listed_by_event_and_country(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    almaty = register(staff, "Almaty Photonics", "company", "KZ")
    astana = register(staff, "Astana Robotics", "company", "KZ")
    kowloon = register(staff, "Kowloon Materials", "company", "HK")
    local = register(staff, "Qinling Photonics", "company")
    academy = register(staff, "National Academy of Sciences", "academy", "KZ")
    person = register(staff, "Tan Wei Ming", "individual", "SG")
    register(staff, "Karaganda Steel", "company", "KZ")  # of a mapped country, not at the event
    url = f"{EVENTS}/{schedule(staff, host)}"
    other = f"{EVENTS}/{schedule(staff, host, 'Silk Road Expo')}"
    pitch_companies(staff, url, almaty, astana, kowloon, local)
    pitch_companies(staff, url, almaty)  # a second project of one presenter: one party
    pitch_companies(staff, other, register(staff, "Bishkek Labs", "company", "KG"))
    sign_at(staff, url, [host, academy])
    sign_at(staff, url, [host, academy, person])
    sign_at(staff, other, [host, kowloon])
    event_id = url.rsplit("/", 1)[1]

    def parties(query: str) -> set[str]:
        response = dashboard.get(f"/api/v1/parties?{query}")
        assert response.status_code == 200, response.json
        return {p["id"] for p in response.json["items"]}

    rows = report(dashboard, "countries", event_id=event_id)["rows"]

    assert {
        r["country"]: len(parties(f"event_id={event_id}&country={r['country']}")) for r in rows
    } == {"KZ": 3, "HK": 1, "SG": 1}
    assert parties(f"event_id={event_id}&country=KZ") == {almaty, astana, academy}
    assert parties(f"event_id={event_id}") == {
        host,
        almaty,
        astana,
        kowloon,
        local,
        academy,
        person,
    }
    assert parties(f"event_id={STRANGER}") == set()  # a filter: an unknown event has none
    refusal = dashboard.get("/api/v1/parties?event_id=nope")
    assert refusal.status_code == 422
    assert [e["field"] for e in refusal.json["errors"]] == ["event_id"]


def test_the_countries_report_refuses_an_unknown_or_malformed_event_and_answers_csv(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    url = f"{EVENTS}/{schedule(staff, host)}"
    pitch_companies(staff, url, register(staff, "Kowloon Materials", "company", "HK"))

    refused(dashboard.get(f"{REPORTS}/countries?event_id={STRANGER}"), 404, "not_found")
    assert dashboard.get(f"{REPORTS}/countries?event_id=nope").status_code == 422
    assert dashboard.get(f"{REPORTS}/countries?event=nope").status_code == 422
    response = dashboard.get(f"{REPORTS}/countries", headers={"Accept": "text/csv"})

    assert response.status_code == 200
    assert 'filename="countries.csv"' in response.headers["Content-Disposition"]
    assert response.get_data(as_text=True) == (
        "country,international_projects,partner_parties\r\nHK,1,0\r\n"
    )


def test_funds_raised_sums_each_boards_rounds_per_currency_exactly(
    staff: Api, dashboard: Api
) -> None:
    robotics = Listing(staff)
    robotics.listed()
    ok(robotics.round({"amount": "0.10", "currency": "CNY"}))
    ok(robotics.round({"amount": "0.20", "currency": "CNY"}))
    ok(robotics.round({"amount": "1000.00", "currency": "USD"}))
    biotech = Listing(staff, company="Weihe Biotech")
    biotech.listed("800124")
    ok(biotech.round({"amount": "5000000.00", "currency": "CNY"}))
    growth = Listing(staff, company="Qinchuan Motors", board="growth")
    growth.listed("800125")
    ok(growth.round({"amount": "12500000.00", "currency": "CNY"}))
    Listing(staff, company="Not Yet Listed")  # no rounds: not a row

    assert report(dashboard, "funds-raised")["rows"] == [
        {
            "board": "growth",
            "currency": "CNY",
            "listings": 1,
            "rounds": 1,
            "funds_raised": "12500000.00",
        },
        {
            "board": "sci_tech_innovation",
            "currency": "CNY",
            "listings": 2,
            "rounds": 3,
            "funds_raised": "5000000.30",
        },
        {
            "board": "sci_tech_innovation",
            "currency": "USD",
            "listings": 1,
            "rounds": 1,
            "funds_raised": "1000.00",
        },
    ]


def test_the_report_position_follows_each_command(staff: Api, dashboard: Api, app: Flask) -> None:
    before = report(dashboard, "position")["position"]
    created = staff.post(
        "/api/v1/parties", json={"name": "Xi'an University", "kind": "university", "country": "CN"}
    )

    after = report(dashboard, "position")

    assert before == 0
    assert after == {"position": created.json["position"]} and after["position"] > before
    response = dashboard.get(f"{REPORTS}/position", headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert list(csv.reader(io.StringIO(response.get_data(as_text=True)))) == [
        ["position"],
        [str(after["position"])],
    ]
    assert app.test_client().get(f"{REPORTS}/position").status_code == 401
