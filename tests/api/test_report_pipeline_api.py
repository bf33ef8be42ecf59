"""Reports on where deals stand: the pipeline, IP transfers by kind, listings and their funds."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .conftest import Api
from .ip_steps import Deal
from .listing_steps import Listing
from .report_steps import Contract, party, posted, report
from .supermarket_steps import create_achievement


def test_the_pipeline_counts_every_record_at_its_stage_and_kind(staff: Api, dashboard: Api) -> None:
    a, b = party(staff, "Xi'an University"), party(staff, "Academy of Sciences", "KZ")
    recorded: Counter[tuple[str, str | None, str]] = Counter()
    for kind in ("cooperation", "cooperation", "technology_licence"):
        Contract(staff, [a, b], kind=kind)
        recorded["agreement", kind, "draft"] += 1
    Contract(staff, [a, b], kind="technology_licence").open()
    recorded["agreement", "technology_licence", "open_for_signature"] += 1
    Contract(staff, [a, b], kind="service").effective("2026-11-02")
    recorded["agreement", "service", "effective"] += 1
    Deal(staff)
    recorded["ip_transfer", None, "proposed"] += 1
    Deal(staff, mode="sole_licence").sign()  # its contract is an effective cooperation agreement
    recorded["ip_transfer", None, "contract_signed"] += 1
    recorded["agreement", "cooperation", "effective"] += 1
    Listing(staff)
    recorded["listing", None, "applied"] += 1
    for title in ("Laser welding", "Seed coating"):
        create_achievement(staff, a, title=title)
        recorded["achievement", None, "draft"] += 1
    listed = create_achievement(staff, a, title="Graphene membrane")
    posted(staff.post(f"/api/v1/achievements/{listed['id']}/listing"))
    recorded["achievement", None, "listed"] += 1

    rows = report(dashboard, "pipeline")["rows"]

    assert {(r["record"], r["kind"], r["status"]): r["count"] for r in rows} == recorded
    assert [r["record"] for r in rows] == sorted(
        (r["record"] for r in rows),
        key=["agreement", "ip_transfer", "listing", "achievement"].index,
    )
    agreement_statuses = [r["status"] for r in rows if r["record"] == "agreement"]
    assert agreement_statuses == ["draft", "draft", "open_for_signature", "effective", "effective"]


def test_ip_transfers_are_counted_by_asset_kind_mode_and_status(staff: Api, dashboard: Api) -> None:
    recorded: Counter[tuple[str, str, str]] = Counter()
    for mode in ("assignment", "assignment", "exclusive_licence"):
        Deal(staff, mode=mode)
        recorded["patent", mode, "proposed"] += 1
    Deal(staff, mode="exclusive_licence").valuate()
    recorded["patent", "exclusive_licence", "valuated"] += 1
    cancelled = Deal(staff, mode="non_exclusive_licence")
    posted(cancelled.post("cancellation", {"reason": "Withdrawn", "cancelled_on": "2026-11-21"}))
    recorded["patent", "non_exclusive_licence", "cancelled"] += 1

    rows = report(dashboard, "ip-transfers")["rows"]

    assert {(r["asset_kind"], r["mode"], r["status"]): r["count"] for r in rows} == recorded
    assert [(r["mode"], r["status"]) for r in rows][:2] == [
        ("assignment", "proposed"),
        ("exclusive_licence", "proposed"),
    ]


def test_listings_are_counted_by_state_with_the_funds_they_raised_per_currency(
    staff: Api, dashboard: Api
) -> None:
    Listing(staff, company="Qinchuan Robotics")
    review = Listing(staff, company="Weihe Biotech")
    posted(review.post("review"))
    raised: dict[str, list[str]] = {"CNY": [], "USD": []}
    first, second = (
        Listing(staff, company="Silk Road Optics"),
        Listing(staff, company="Chang'an AI"),
    )
    first.listed("800123")
    second.listed("800124")
    for listing, amount, currency in (
        (first, "5000000.00", "CNY"),
        (first, "1000000.00", "USD"),
        (first, "2500000.50", "CNY"),
        (second, "1000000.00", "CNY"),
    ):
        posted(listing.round({"amount": amount, "currency": currency}), 200)
        raised[currency].append(amount)

    rows = report(dashboard, "listings")["rows"]

    expected = [
        {"status": "applied", "listings": 1, "currency": None, "funds_raised": None},
        {"status": "under_review", "listings": 1, "currency": None, "funds_raised": None},
        *(
            {
                "status": "listed",
                "listings": 2,
                "currency": currency,
                "funds_raised": str(sum(map(Decimal, amounts))),
            }
            for currency, amounts in sorted(raised.items())
        ),
    ]
    assert rows == expected
    assert expected[2]["funds_raised"] == "8500000.50"
