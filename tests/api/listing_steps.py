"""Steps shared by the listing API tests: the parties of a listing and a listing at each stage."""

from __future__ import annotations

from typing import Any

from werkzeug.test import TestResponse

from .conftest import Api

LISTINGS = "/api/v1/listings"
CNY_5M = {"amount": "5000000.00", "currency": "CNY"}
# The application, its review and approval took effect before the listing (dated LISTED_ON):
# they are recorded back-dated, as they would be if recorded after the fact.
APPLIED_AT = "2026-02-09T09:00:00+00:00"
APPROVED_AT = "2026-02-16T09:00:00+00:00"
LISTED_ON = "2026-03-02"
FUND_SHARES = 2_000_000  # the fund's holding at listing
ROUND_SHARES = 400_000  # the shares a round issues to the fund


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
        body = {
            "company_id": self.company,
            "centre_id": self.centre,
            "board": board,
            "effective_at": APPLIED_AT,
        }
        self.applied = api.post(LISTINGS, json=body)
        assert self.applied.status_code == 201, self.applied.json
        self.id = self.applied.json["id"]
        self.url = f"{LISTINGS}/{self.id}"

    def post(self, part: str, body: dict[str, Any] | None = None) -> TestResponse:
        return self.api.post(f"{self.url}/{part}", json=body or {})

    def holders(self) -> list[dict[str, Any]]:
        """The register at listing: the company's founder shares and the fund's."""
        return [
            {"party_id": self.company, "shares": 8_000_000},
            {"party_id": self.fund, "shares": FUND_SHARES},
        ]

    def approved(self) -> dict[str, Any]:
        ok(self.post("review", {"effective_at": APPLIED_AT}))
        return ok(self.post("approval", {"effective_at": APPROVED_AT}))

    def listed(self, code: str = "800123") -> dict[str, Any]:
        self.approved()
        body = {"listing_code": code, "listed_on": LISTED_ON, "holders": self.holders()}
        return ok(self.post("listing", body))

    def round(self, amount: dict[str, str] = CNY_5M, **body: Any) -> TestResponse:
        """A preferred equity round issuing ROUND_SHARES to the fund (a bond issues none)."""
        equity = body.get("instrument", "preferred_equity") != "bond"
        shares = [{"party_id": self.fund, "shares": ROUND_SHARES}] if equity else []
        return self.post(
            "financing-rounds",
            {
                "instrument": "preferred_equity",
                "amount": amount,
                "investor_ids": [self.fund],
                "shares_issued": shares,
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
