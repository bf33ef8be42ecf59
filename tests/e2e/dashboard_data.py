"""A small, fixed set of deals recorded over HTTP, so the dashboard has something of each kind."""

from __future__ import annotations

from typing import Any

from tests.e2e.serving import Client

SIGNED = "2026-09-15"


def _ok(client: Client, method: str, path: str, body: Any = None) -> dict[str, Any]:
    reply = client.call(method, path, body)
    assert reply.status in (200, 201), (method, path, reply.status, reply.body)
    return reply.body


def _party(client: Client, name: str, kind: str, country: str) -> str:
    body = {"name": name, "kind": kind, "country": country}
    return _ok(client, "POST", "/parties", body)["id"]


def agreement(
    client: Client,
    parties: list[str],
    kind: str,
    title: str,
    value: str | None,
    signed: str | None,
    currency: str = "CNY",
) -> str:
    """Drafts an agreement; opens it if `signed` is "open"; makes it effective on `signed`."""
    terms = {"title": title, "value": {"amount": value, "currency": currency} if value else None}
    body = {
        "kind": kind,
        "terms": terms,
        "parties": [{"party_id": p, "role": "cooperation_partner"} for p in parties],
    }
    agreement_id = _ok(client, "POST", "/agreements", body)["id"]
    if signed:
        _ok(client, "POST", f"/agreements/{agreement_id}/opening")
    for party_id in parties if signed and signed != "open" else ():
        signature = {"party_id": party_id, "signatory_name": "Li Hua", "signatory_title": "Dean"}
        _ok(
            client,
            "POST",
            f"/agreements/{agreement_id}/signatures",
            signature | {"signed_on": signed},
        )
    return agreement_id


def record(client: Client) -> dict[str, str]:
    """Records the conference's deals; returns the ids a test may need."""
    uni = _party(client, "Xi'an Jiaotong University", "university", "CN")
    academy = _party(client, "Kazakh National Academy of Sciences", "academy", "KZ")
    company = _party(client, "Qinling Photonics Co., Ltd.", "company", "CN")
    centre = _party(client, "Shaanxi Equity Trading Centre", "trading_centre", "CN")
    almaty = _party(client, "Almaty Robotics LLP", "company", "KZ")
    _party(client, "Karaganda Steel JSC", "company", "KZ")  # of a mapped country, not at the event
    pair = [uni, academy]
    licence = agreement(
        client, pair, "technology_licence", "Laser welding licence", "1200000.00", SIGNED
    )
    agreement(client, pair, "cooperation", "International cooperation", "350000.50", "2026-10-08")
    agreement(client, [uni, company], "service", "Testing services", "80000.00", "2026-10-20")
    agreement(client, pair, "service", "Pilot line audit", "45000.00", "2026-10-22", "USD")
    agreement(client, [uni, academy, company], "investment", "Joint venture", "5000000.00", "open")
    agreement(client, pair, "cooperation", "Framework MoU", None, None)
    milestone = {"title": "Prototype delivered", "due_on": "2026-10-01", "owner_party_id": academy}
    _ok(client, "POST", f"/agreements/{licence}/milestones", milestone)
    asset = {
        "holder_party_id": uni,
        "kind": "patent",
        "jurisdiction": "CN",
        "title": "Graphene membrane for seawater desalination",
        "identifiers": [{"kind": "application", "number": "CN 2020 1056 6088.9"}],
    }
    asset_id = _ok(client, "POST", "/ip-assets", asset)["id"]
    proposal = {
        "asset_id": asset_id,
        "holder_party_id": uni,
        "recipient_party_id": company,
        "mode": "exclusive_licence",
        "territory": {"worldwide": True},
        "term": {"starts_on": "2026-10-20"},
    }
    transfer = _ok(client, "POST", "/ip-transfers", proposal)["id"]
    price = {"amount": "500000.00", "currency": "CNY"}
    valuation = {
        "appraiser": "Zhongxin",
        "method": "income",
        "value": price,
        "valuated_on": "2026-10-10",
    }
    _ok(client, "POST", f"/ip-transfers/{transfer}/valuation", valuation)
    contract = agreement(
        client, [uni, company], "technology_licence", "Membrane licence", None, "2026-10-20"
    )
    _ok(client, "POST", f"/ip-transfers/{transfer}/contract", {"agreement_id": contract})
    half = {"amount": "250000.00", "currency": "CNY"}
    schedule = {
        "kind": "instalments",
        "instalments": [
            {"due_on": "2026-09-01", "amount": half},
            {"due_on": "2027-03-01", "amount": half},
        ],
    }
    _ok(client, "PUT", f"/ip-transfers/{transfer}/consideration", schedule)
    payment = {
        "amount": {"amount": "100000.00", "currency": "CNY"},
        "paid_on": "2026-11-02",
        "reference": "Wire",
    }
    _ok(client, "POST", f"/ip-transfers/{transfer}/payments", payment)
    approved_at = {"effective_at": "2026-02-16T09:00:00+00:00"}  # before the listing
    application = {"company_id": company, "centre_id": centre, "board": "sci_tech_innovation"}
    listing = _ok(client, "POST", "/listings", {**application, **approved_at})["id"]
    for step in ("review", "approval"):
        _ok(client, "POST", f"/listings/{listing}/{step}", approved_at)
    admission = {
        "listing_code": "800123",
        "listed_on": "2026-03-02",
        "holders": [{"party_id": uni, "shares": 10_000_000}],
    }
    _ok(client, "POST", f"/listings/{listing}/listing", admission)
    funds = {
        "instrument": "preferred_equity",
        "amount": {"amount": "5000000.00", "currency": "CNY"},
        "investor_ids": [academy],
        "shares_issued": [{"party_id": academy, "shares": 500_000}],
        "closed_on": "2026-06-30",
    }
    _ok(client, "POST", f"/listings/{listing}/financing-rounds", funds)
    event = {
        "host_party_id": uni,
        "name": "Hard Sci-Tech Trading Conference",
        "city": "Xi'an",
        "country": "CN",
        "starts_on": SIGNED,  # the licence is signed at the event
        "ends_on": SIGNED,
    }
    event_id = _ok(client, "POST", "/trading-events", event)["id"]
    roadshow = _ok(
        client,
        "POST",
        f"/trading-events/{event_id}/roadshows",
        {"theme": "International", "held_on": SIGNED},
    )["roadshows"][-1]["roadshow_id"]
    for presenter in (almaty, company):
        slot = {"presenter_party_id": presenter, "company_id": presenter}
        _ok(client, "POST", f"/trading-events/{event_id}/roadshows/{roadshow}/slots", slot)
    _ok(client, "POST", f"/trading-events/{event_id}/agreements", {"agreement_id": licence})
    return {"uni": uni, "academy": academy}
