"""Steps shared by the report API tests: record deals over HTTP, then read the reports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from .conftest import Api

REPORTS = "/api/v1/reports"
AGREEMENTS = "/api/v1/agreements"


def report(api: Api, name: str, **query: Any) -> dict[str, Any]:
    path = f"{REPORTS}/{name}" + (f"?{urlencode(query)}" if query else "")
    response = api.get(path)
    assert response.status_code == 200, response.json
    return response.json


def party(api: Api, name: str, country: str = "CN", kind: str = "university") -> str:
    body = {"name": name, "kind": kind, "country": country}
    response = api.post("/api/v1/parties", json=body)
    assert response.status_code == 201, response.json
    return response.json["id"]


def money(amount: str, currency: str = "CNY") -> dict[str, str]:
    return {"amount": amount, "currency": currency}


def posted(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.json
    return response.json


class Contract:
    """An agreement recorded over HTTP, taken as far as a test needs."""

    def __init__(
        self,
        api: Api,
        party_ids: list[str],
        kind: str = "cooperation",
        value: dict[str, str] | None = None,
        schedule: tuple[tuple[str, str], ...] = (),
        title: str = "Cooperation agreement",
    ) -> None:
        self.api, self.party_ids, self.kind, self.title = api, party_ids, kind, title
        currency = value["currency"] if value else "CNY"
        terms = {
            "title": title,
            "value": value,
            "payment_schedule": [
                {"due_on": due_on, "amount": money(amount, currency)} for due_on, amount in schedule
            ],
        }
        body = {
            "kind": kind,
            "terms": terms,
            "parties": [{"party_id": p, "role": "cooperation_partner"} for p in party_ids],
        }
        self.id = posted(api.post(AGREEMENTS, json=body), 201)["id"]
        self.url = f"{AGREEMENTS}/{self.id}"

    def open(self) -> Contract:
        posted(self.api.post(f"{self.url}/opening"))
        return self

    def sign(self, party_id: str, on: str) -> dict[str, Any]:
        body = {
            "party_id": party_id,
            "signatory_name": "Zhang Wei",
            "signatory_title": "President",
            "signed_on": on,
        }
        return posted(self.api.post(f"{self.url}/signatures", json=body))

    def effective(self, on: str) -> Contract:
        """Opens it and has every party sign on `on`: it takes effect that day."""
        self.open()
        for party_id in self.party_ids:
            agreement = self.sign(party_id, on)
        assert agreement["status"] == "effective"
        return self

    def milestone(self, title: str, due_on: str, owner: str) -> str:
        body = {"title": title, "due_on": due_on, "owner_party_id": owner}
        return posted(self.api.post(f"{self.url}/milestones", json=body))["milestones"][-1][
            "milestone_id"
        ]


def total(amounts: list[str]) -> str:
    """The exact sum of decimal strings, as the API writes it (two places)."""
    return str(sum((Decimal(a) for a in amounts), Decimal("0.00")))
