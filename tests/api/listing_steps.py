"""Steps shared by the listing API tests: the parties of a listing and a listing at each stage."""

from __future__ import annotations

from typing import Any

from werkzeug.test import TestResponse

from .conftest import Api

LISTINGS = "/api/v1/listings"
CNY_5M = {"amount": "5000000.00", "currency": "CNY"}


def ok(response: TestResponse) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


def refused(response: TestResponse, status: int, code: str, field: str | None = None) -> None:
    """The response is a problem with this status and code, naming `field` if given."""
    assert (response.status_code, response.json["code"]) == (status, code), response.json
    if field is not None:
        assert [e["field"] for e in response.json["errors"]] == [field]


def register(api: Api, name: str, kind: str, country: str = "CN") -> str:
    response = api.post("/api/v1/parties", json={"name": name, "kind": kind, "country": country})
    assert response.status_code == 201, response.json
    return response.json["id"]


class Listing:
    """A robotics company applying to the sci-tech innovation board of a trading centre."""

    def __init__(
        self, api: Api, company: str = "Qinchuan Robotics", board: str = "sci_tech_innovation"
    ) -> None:
        self.api = api
        self.company = register(api, company, "company")
        self.centre = register(api, "Shaanxi Equity Trading Centre", "trading_centre")
        self.fund = register(api, "Silk Road Fund", "investor")
        self.angel = register(api, "Astana Angels", "investor", "KZ")
        body = {"company_id": self.company, "centre_id": self.centre, "board": board}
        self.applied = api.post(LISTINGS, json=body)
        assert self.applied.status_code == 201, self.applied.json
        self.id = self.applied.json["id"]
        self.url = f"{LISTINGS}/{self.id}"

    def post(self, part: str, body: dict[str, Any] | None = None) -> TestResponse:
        return self.api.post(f"{self.url}/{part}", json=body or {})

    def listed(self, code: str = "800123") -> dict[str, Any]:
        ok(self.post("review"))
        ok(self.post("approval"))
        return ok(self.post("listing", {"listing_code": code, "listed_on": "2026-03-02"}))

    def round(self, amount: dict[str, str] = CNY_5M, **body: Any) -> TestResponse:
        return self.post(
            "financing-rounds",
            {
                "instrument": "preferred_equity",
                "amount": amount,
                "investor_ids": [self.fund],
                "closed_on": "2026-06-30",
                **body,
            },
        )

    def transfer(self, **body: Any) -> TestResponse:
        return self.post(
            "share-transfers",
            {
                "from_party_id": self.fund,
                "to_party_id": self.angel,
                "shares": 10_000,
                "price_per_share": {"amount": "12.50", "currency": "CNY"},
                "transferred_on": "2026-07-01",
                **body,
            },
        )
