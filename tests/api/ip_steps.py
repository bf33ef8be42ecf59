"""Steps shared by the IP asset and IP transfer API tests."""

from __future__ import annotations

from itertools import count
from typing import Any

from werkzeug.test import TestResponse

from .conftest import Api, draft_agreement, register_party, sign

ASSETS = "/api/v1/ip-assets"
TRANSFERS = "/api/v1/ip-transfers"
PRICE = {"amount": "500000.00", "currency": "CNY"}
HALF = {"amount": "250000.00", "currency": "CNY"}
APPLICATIONS = count(1)


def fresh_application() -> str:
    """A CN application number no asset registered in this test run was given: an IP number
    is unique at its office, so each deal's asset needs its own."""
    return f"CN 2019 1{next(APPLICATIONS):07d}"


def ok(response: TestResponse) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


def refused(response: TestResponse, status: int, code: str, field: str | None = None) -> None:
    """The response is a problem with this status and code, naming `field` if given."""
    assert (response.status_code, response.json["code"]) == (status, code), response.json
    if field is not None:
        assert [e["field"] for e in response.json["errors"]] == [field]


def register_asset(api: Api, holder: str, **changes: Any) -> dict[str, Any]:
    body = {
        "holder_party_id": holder,
        "kind": "patent",
        "jurisdiction": "CN",
        "title": "Graphene membrane for seawater desalination",
        "identifiers": [{"kind": "application", "number": "CN 2020 1056 6088.9"}],
    } | changes
    response = api.post(ASSETS, json=body)
    assert response.status_code == 201, response.json
    return response.json


def propose(api: Api, asset_id: str, holder: str, recipient: str, **changes: Any) -> TestResponse:
    body = {
        "asset_id": asset_id,
        "holder_party_id": holder,
        "recipient_party_id": recipient,
        "mode": "assignment",
        "territory": {"worldwide": True},
        "term": {"starts_on": "2026-11-20"},
    } | changes
    return api.post(TRANSFERS, json=body)


def effective_agreement(api: Api, a: str, b: str) -> str:
    agreement_id = draft_agreement(api, [a, b])["id"]
    ok(api.post(f"/api/v1/agreements/{agreement_id}/opening"))
    ok(sign(api, agreement_id, a))
    ok(sign(api, agreement_id, b))
    return agreement_id


class Deal:
    """A university assigning its patent to a company, step by step."""

    def __init__(self, api: Api, mode: str = "assignment", **proposal: Any) -> None:
        self.api = api
        self.holder = register_party(api)
        self.recipient = register_party(api, "Qinling Photonics Co., Ltd.")
        number = {"kind": "application", "number": fresh_application()}
        self.asset_id = register_asset(api, self.holder, identifiers=[number])["id"]
        response = propose(api, self.asset_id, self.holder, self.recipient, mode=mode, **proposal)
        assert response.status_code == 201, response.json
        self.id = response.json["id"]
        self.url = f"{TRANSFERS}/{self.id}"

    def post(self, step: str, body: dict[str, Any]) -> TestResponse:
        return self.api.post(f"{self.url}/{step}", json=body)

    def valuate(self, on: str = "2026-11-19") -> dict[str, Any]:
        body = {"appraiser": "Zhongxin", "method": "income", "value": PRICE}
        return ok(self.post("valuation", body | {"valuated_on": on}))

    def sign(self) -> dict[str, Any]:
        self.valuate()
        agreement_id = effective_agreement(self.api, self.holder, self.recipient)
        return ok(self.post("contract", {"agreement_id": agreement_id}))

    def schedule(self, body: dict[str, Any] | None = None) -> TestResponse:
        two_halves = {
            "kind": "instalments",
            "instalments": [
                {"due_on": "2026-12-01", "amount": HALF},
                {"due_on": "2027-01-01", "amount": HALF},
            ],
        }
        return self.api.put(f"{self.url}/consideration", json=body or two_halves)

    def record(self) -> TestResponse:
        body = {"office": "CN", "recordal_number": "2026990000123", "recorded_on": "2026-11-21"}
        return self.post("recordal", body)

    def pay(self, amount: dict[str, str] = HALF, on: str = "2026-11-22") -> TestResponse:
        return self.post("payments", {"amount": amount, "paid_on": on, "reference": "Wire"})

    def asset(self) -> dict[str, Any]:
        return ok(self.api.get(f"{ASSETS}/{self.asset_id}"))
