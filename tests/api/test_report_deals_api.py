"""Reports on agreements: value by month, who has yet to sign, and overdue milestones."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from .conftest import Api
from .report_steps import Contract, money, party, posted, report


def test_deal_value_sums_agreements_exactly_by_the_month_they_took_effect(
    staff: Api, dashboard: Api
) -> None:
    a, b = party(staff, "Xi'an University"), party(staff, "Academy of Sciences", "KZ")
    effective = [
        ("2026-09-15", "1000000.00", "CNY"),
        ("2026-09-30", "250000.10", "CNY"),
        ("2026-09-20", "30000.00", "USD"),
        ("2026-10-01", "0.20", "CNY"),
        ("2025-12-31", "10.00", "CNY"),
    ]
    for on, amount, currency in effective:
        Contract(staff, [a, b], value=money(amount, currency)).effective(on)
    Contract(staff, [a, b]).effective("2026-09-16")  # no value: nothing to sum
    Contract(staff, [a, b], value=money("999.00")).open()  # not in effect: not counted
    expected: dict[tuple[str, str], list[str]] = defaultdict(list)
    for on, amount, currency in effective:
        expected[on[:7], currency].append(amount)

    rows = report(dashboard, "deal-value")["rows"]
    this_year = report(dashboard, "deal-value", year=2026)

    assert rows == [
        {
            "month": month,
            "currency": currency,
            "agreements": len(amounts),
            "value": str(sum(map(Decimal, amounts))),
        }
        for (month, currency), amounts in sorted(expected.items())
    ]
    assert rows[1] == {
        "month": "2026-09",
        "currency": "CNY",
        "agreements": 2,
        "value": "1250000.10",
    }
    assert this_year["year"] == 2026
    assert this_year["rows"] == [r for r in rows if r["month"].startswith("2026-")]


def test_awaiting_signatures_names_each_party_yet_to_sign_an_open_agreement(
    staff: Api, dashboard: Api
) -> None:
    names = {"uni": ("Xi'an University", "CN"), "kz": ("Academy", "KZ"), "uz": ("Tashkent", "UZ")}
    ids = {key: party(staff, name, country) for key, (name, country) in names.items()}
    waiting = Contract(staff, list(ids.values()), title="Three-way cooperation").open()
    waiting.sign(ids["kz"], "2026-11-20")
    Contract(staff, [ids["uni"], ids["kz"]])  # a draft waits for nobody yet
    Contract(staff, [ids["uni"], ids["uz"]]).effective("2026-11-20")

    rows = report(dashboard, "awaiting-signatures")["rows"]

    assert sorted((r["party_name"], r["party_country"]) for r in rows) == sorted(
        names[key] for key in ("uni", "uz")
    )
    assert {(r["agreement_id"], r["title"], r["kind"], r["role"]) for r in rows} == {
        (waiting.id, "Three-way cooperation", "cooperation", "cooperation_partner")
    }
    assert {r["party_id"] for r in rows} == {ids["uni"], ids["uz"]}


def test_overdue_milestones_are_pending_ones_due_before_the_day_in_live_agreements(
    staff: Api, dashboard: Api
) -> None:
    uni, kz = party(staff, "Xi'an University"), party(staff, "Academy of Sciences", "KZ")
    live = Contract(staff, [uni, kz], title="Joint laboratory").effective("2026-09-01")
    late = live.milestone("Prototype", "2026-10-01", uni)
    done = live.milestone("Kick-off", "2026-09-15", kz)
    waived = live.milestone("Site visit", "2026-09-20", kz)
    live.milestone("Due on the day", "2026-11-01", uni)
    live.milestone("Future", "2026-12-01", uni)
    body = {"evidence_ref": "Minutes", "achieved_on": "2026-09-16"}
    posted(staff.post(f"{live.url}/milestones/{done}/achievement", json=body))
    posted(staff.post(f"{live.url}/milestones/{waived}/waiver", json={"reason": "Not needed"}))
    draft = Contract(staff, [uni, kz], title="Draft MoU")
    early = draft.milestone("Term sheet", "2026-08-31", kz)
    ended = Contract(staff, [uni, kz], title="Ended").effective("2026-09-01")
    ended.milestone("Never done", "2026-09-30", uni)
    posted(
        staff.post(f"{ended.url}/termination", json={"reason": "x", "terminated_on": "2026-10-02"})
    )
    as_of = date(2026, 11, 1)

    answer = report(dashboard, "overdue-milestones", as_of=as_of.isoformat())

    assert answer["as_of"] == "2026-11-01"
    assert [
        (r["milestone_id"], r["agreement_id"], r["agreement_status"], r["owner_name"])
        for r in answer["rows"]
    ] == [
        (early, draft.id, "draft", "Academy of Sciences"),
        (late, live.id, "effective", "Xi'an University"),
    ]
    assert [r["days_overdue"] for r in answer["rows"]] == [
        (as_of - date(2026, 8, 31)).days,
        (as_of - date(2026, 10, 1)).days,
    ]
    assert [
        r["title"] for r in report(dashboard, "overdue-milestones", as_of="2026-11-02")["rows"]
    ][-1] == "Due on the day"


def test_each_deal_value_bar_drills_to_exactly_its_agreements_by_month_and_currency(
    staff: Api, dashboard: Api
) -> None:
    a, b = party(staff, "Xi'an University"), party(staff, "Academy of Sciences", "KZ")
    for on, value in [
        ("2026-09-15", money("1000000.00")),
        ("2026-09-30", money("250000.10")),
        ("2026-09-20", money("30000.00", "USD")),
        ("2026-09-16", None),  # no value: in no bar, so in no bar's drill
        ("2026-10-01", money("0.20")),
    ]:
        Contract(staff, [a, b], value=value).effective(on)

    rows = report(dashboard, "deal-value", year=2026)["rows"]

    def drilled(month: str, currency: str) -> list[dict[str, Any]]:
        query = f"effective_from={month}-01&effective_to={month}-30&currency={currency}"
        response = dashboard.get(f"/api/v1/agreements?{query}")
        assert response.status_code == 200, response.json
        return response.json["items"]

    assert (
        [len(drilled(r["month"], r["currency"])) for r in rows]
        == [r["agreements"] for r in rows]
        == [2, 1, 1]
    )
    assert {i["value"]["currency"] for i in drilled("2026-09", "USD")} == {"USD"}
    assert sum(Decimal(i["value"]["amount"]) for i in drilled("2026-09", "CNY")) == Decimal(
        "1250000.10"
    )
    for bad in ("ZZZ", "cny", "CN"):
        refusal = dashboard.get(f"/api/v1/agreements?currency={bad}")
        assert refusal.status_code == 422, bad
        assert [e["field"] for e in refusal.json["errors"]] == ["currency"]
