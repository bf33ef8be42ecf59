"""The annual licensing summary, and what each trading event exhibited, pitched and signed."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D
from typing import Any

from .conftest import Api
from .ip_steps import Deal
from .listing_steps import LISTINGS, Listing
from .report_steps import Contract, money, party, posted, report
from .supermarket_steps import EVENTS, create_achievement, register, schedule


def royalties(deal: Deal, *payments: tuple[str, str]) -> None:
    body = {"kind": "running_royalty", "currency": "USD", "royalty_rate": "3.5"}
    posted(deal.api.put(f"{deal.url}/consideration", json=body))
    for amount, on in payments:
        posted(deal.pay(money(amount, "USD"), on))


def test_the_licensing_summary_counts_a_years_deals_income_start_ups_and_countries(
    staff: Api, dashboard: Api
) -> None:
    uni, kz, uz = (
        party(staff, "Xi'an University"),
        party(staff, "Academy", "KZ"),
        party(staff, "TSTU", "UZ"),
    )
    effective: list[tuple[str, set[str]]] = []
    for kind, on, parties in (
        ("technology_licence", "2026-03-01", {uni: "CN", kz: "KZ"}),
        ("technology_licence", "2025-12-31", {uni: "CN", uz: "UZ"}),
        ("cooperation", "2026-06-01", {kz: "KZ", uz: "UZ"}),
    ):
        Contract(staff, list(parties), kind=kind).effective(on)
        effective.append((on, set(parties.values())))
    Contract(staff, [uni, kz], kind="technology_licence").open()
    contracted = Counter[str]()
    for mode in ("exclusive_licence", "assignment", "non_exclusive_licence", "exclusive_licence"):
        Deal(staff, mode=mode).sign()
        contracted[mode] += 1
        effective.append(("2026-11-20", {"CN"}))  # each signed under a CN-CN agreement
    exclusive = Deal(staff, mode="exclusive_licence")
    exclusive.valuate("2025-12-01")
    older = Contract(staff, [exclusive.holder, exclusive.recipient]).effective("2025-12-30")
    posted(exclusive.post("contract", {"agreement_id": older.id}))
    effective.append(("2025-12-30", {"CN"}))
    posted(exclusive.schedule())
    income = {("exclusive_licence", "CNY"): ["250000.00"], ("non_exclusive_licence", "USD"): []}
    posted(exclusive.pay(on="2025-12-31"))
    posted(exclusive.pay(on="2026-02-01"))
    royalty = Deal(staff, mode="non_exclusive_licence")
    royalty.sign()
    contracted["non_exclusive_licence"] += 1
    effective.append(("2026-11-20", {"CN"}))
    royalties(royalty, ("1200.50", "2026-11-21"), ("800.25", "2026-11-24"))  # after its contract
    income["non_exclusive_licence", "USD"] += ["1200.50", "800.25"]
    assignment = Deal(staff)
    assignment.sign()
    contracted["assignment"] += 1
    effective.append(("2026-11-20", {"CN"}))
    posted(assignment.schedule())
    posted(assignment.pay())  # an assignment earns no licence income
    first = Listing(staff, company="Qinchuan Robotics")
    again = {"company_id": first.company, "centre_id": first.centre, "board": "sci_tech_innovation"}
    posted(staff.post(LISTINGS, json=again), 201)
    Listing(staff, company="Weihe Biotech")
    countries = Counter(c for on, found in effective if on.startswith("2026") for c in found)

    rows = report(dashboard, "licensing", year=2026)["rows"]

    def measured(measure: str) -> list[dict[str, Any]]:
        return [r for r in rows if r["measure"] == measure]

    assert [(r["category"], r["count"]) for r in measured("technology_licences_effective")] == [
        ("technology_licence", 1)
    ]
    assert {r["category"]: r["count"] for r in measured("ip_transfers_contracted")} == contracted
    assert [
        (r["category"], r["currency"], r["amount"], r["count"]) for r in measured("licence_income")
    ] == [
        (mode, currency, str(sum(map(D, amounts))), len(amounts))
        for (mode, currency), amounts in sorted(income.items())
    ]
    assert [r["count"] for r in measured("startups_formed")] == [2]
    assert {
        r["category"]: r["count"] for r in measured("agreements_by_partner_country")
    } == countries
    assert list(dict.fromkeys(r["measure"] for r in rows)) == [
        "technology_licences_effective",
        "ip_transfers_contracted",
        "licence_income",
        "startups_formed",
        "agreements_by_partner_country",
    ]
    last_year = report(dashboard, "licensing", year=2025)["rows"]
    assert [r["count"] for r in last_year if r["measure"] == "startups_formed"] == [0]
    assert [
        (r["category"], r["amount"]) for r in last_year if r["measure"] == "licence_income"
    ] == [("exclusive_licence", "250000.00")]


def test_each_trading_event_reports_what_was_exhibited_pitched_and_signed(
    staff: Api, dashboard: Api
) -> None:
    host = register(staff, "Xi'an University")
    presenters = {register(staff, f"Company {c}", "company", c): c for c in ("KZ", "UZ", "CN")}
    kz_two = register(staff, "Astana Robotics", "company", "KZ")
    presenters[kz_two] = "KZ"
    event_id = schedule(staff, host)
    url = f"{EVENTS}/{event_id}"
    roadshows = [
        posted(staff.post(f"{url}/roadshows", json={"theme": t, "held_on": "2026-11-20"}))[
            "roadshows"
        ][-1]["roadshow_id"]
        for t in ("International", "AI and big data")
    ]
    for index, company in enumerate(presenters):
        slot = {"presenter_party_id": company, "company_id": company}
        posted(staff.post(f"{url}/roadshows/{roadshows[index % 2]}/slots", json=slot))
    exhibited = [create_achievement(staff, host, title=f"Result {n}")["id"] for n in range(3)]
    for achievement_id in exhibited:
        body = {"event_id": event_id}
        posted(staff.post(f"/api/v1/achievements/{achievement_id}/exhibitions", json=body))
    signed = Contract(staff, [host, kz_two]).effective("2026-11-20")
    posted(staff.post(f"{url}/agreements", json={"agreement_id": signed.id}))
    international = [c for c in presenters.values() if c != "CN"]

    rows = report(dashboard, "trading-events")["rows"]

    assert [r["event_id"] for r in rows] == [event_id]
    assert {k: v for k, v in rows[0].items() if isinstance(v, int)} == {
        "achievements_exhibited": len(exhibited),
        "roadshows": len(roadshows),
        "projects_pitched": len(presenters),
        "international_projects": len(international),
        "international_countries": len(set(international)),
        "agreements_signed": 1,
    }
    assert (rows[0]["city"], rows[0]["country"], rows[0]["starts_on"]) == (
        "Xi'an",
        "CN",
        "2026-11-20",
    )
