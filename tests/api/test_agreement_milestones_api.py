"""Milestones of an agreement over HTTP: add, reschedule, achieve, waive, and find the overdue."""

from __future__ import annotations

from typing import Any

from .conftest import Api, draft_agreement, register_party, sign

AGREEMENTS = "/api/v1/agreements"


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


class Deal:
    """A draft agreement between a university and an academy, and the milestones added to it."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.university = register_party(api)
        self.academy = register_party(api, "National Academy of Sciences", "KZ")
        self.url = f"{AGREEMENTS}/{draft_agreement(api, [self.university, self.academy])['id']}"

    def add(self, title: str, due_on: str, owner: str | None = None) -> str:
        response = self.api.post(
            f"{self.url}/milestones",
            json={
                "title": title,
                "due_on": due_on,
                "owner_party_id": owner or self.university,
                "deliverable": f"{title} report",
            },
        )
        added = ok(response)["milestones"][-1]
        assert added["title"] == title
        return added["milestone_id"]

    def take_effect(self, signed_on: str = "2026-10-15") -> None:
        """Both parties sign: milestones are achieved only under an agreement in effect."""
        agreement_id = self.url.rsplit("/", 1)[-1]
        ok(self.api.post(f"{self.url}/opening"))
        for party in (self.university, self.academy):
            ok(sign(self.api, agreement_id, party, signed_on))

    def milestones(self, query: str = "") -> dict[str, dict[str, Any]]:
        found = ok(self.api.get(f"{self.url}/milestones{query}"))
        return {m["title"]: m for m in found}


def test_a_milestone_is_added_pending_and_owned_by_a_party(staff: Api) -> None:
    deal = Deal(staff)

    milestone_id = deal.add("Joint laboratory opens", "2027-03-31", deal.academy)

    assert deal.milestones() == {
        "Joint laboratory opens": {
            "milestone_id": milestone_id,
            "title": "Joint laboratory opens",
            "due_on": "2027-03-31",
            "owner_party_id": deal.academy,
            "deliverable": "Joint laboratory opens report",
            "state": "pending",
            "evidence_ref": None,
            "achieved_on": None,
            "waived_reason": None,
        }
    }


def test_a_milestone_owned_by_a_stranger_to_the_agreement_is_refused(staff: Api) -> None:
    deal = Deal(staff)
    stranger = register_party(staff, "Stranger Ltd", "DE")

    response = staff.post(
        f"{deal.url}/milestones",
        json={"title": "Audit", "due_on": "2027-01-01", "owner_party_id": stranger},
    )

    assert (response.status_code, response.json["code"]) == (422, "agreement.unknown_party")
    assert response.json["errors"][0]["field"] == "owner_party_id"


def test_a_milestone_is_rescheduled_with_a_reason(staff: Api) -> None:
    deal = Deal(staff)
    milestone_id = deal.add("Pilot plant", "2026-12-31")

    response = staff.post(
        f"{deal.url}/milestones/{milestone_id}/reschedule",
        json={"due_on": "2027-01-31", "reason": "Equipment delivery slipped"},
    )

    assert ok(response)["milestones"][0]["due_on"] == "2027-01-31"
    events = staff.get(f"{deal.url}/history").json["items"]
    assert events[-1]["type"] == "MilestoneRescheduled"
    assert events[-1]["data"]["reason"] == "Equipment delivery slipped"


def test_a_milestone_is_achieved_with_evidence_and_cannot_be_closed_again(staff: Api) -> None:
    deal = Deal(staff)
    milestone_id = deal.add("Prototype delivered", "2026-11-30")
    deal.take_effect()
    url = f"{deal.url}/milestones/{milestone_id}"

    achieved = ok(
        staff.post(
            f"{url}/achievement",
            json={"evidence_ref": "DMS-2026-0042", "achieved_on": "2026-11-24"},
        )
    )["milestones"][0]
    waived = staff.post(f"{url}/waiver", json={"reason": "Changed our minds"})

    assert (achieved["state"], achieved["evidence_ref"], achieved["achieved_on"]) == (
        "achieved",
        "DMS-2026-0042",
        "2026-11-24",
    )
    assert (waived.status_code, waived.json["code"]) == (409, "agreement.milestone_closed")


def test_a_milestone_cannot_be_achieved_in_the_future(staff: Api) -> None:
    deal = Deal(staff)
    milestone_id = deal.add("Prototype delivered", "2026-11-30")
    deal.take_effect()

    response = staff.post(
        f"{deal.url}/milestones/{milestone_id}/achievement",
        json={"evidence_ref": "DMS-2026-0042", "achieved_on": "2099-01-01"},
    )

    assert (response.status_code, response.json["code"]) == (422, "agreement.date_in_future")
    assert deal.milestones()["Prototype delivered"]["state"] == "pending"


def test_a_milestone_is_waived_with_a_reason(staff: Api) -> None:
    deal = Deal(staff)
    milestone_id = deal.add("Second roadshow", "2026-12-15")

    response = staff.post(
        f"{deal.url}/milestones/{milestone_id}/waiver", json={"reason": "Roadshow cancelled"}
    )

    waived = ok(response)["milestones"][0]
    assert (waived["state"], waived["waived_reason"]) == ("waived", "Roadshow cancelled")


def test_overdue_milestones_are_past_due_and_neither_achieved_nor_waived(staff: Api) -> None:
    deal = Deal(staff)
    late = deal.add("Feasibility study", "2026-10-01")
    deal.add("Pilot plant", "2026-12-31", deal.academy)
    achieved = deal.add("Prototype delivered", "2026-09-01")
    waived = deal.add("Second roadshow", "2026-09-15")
    deal.take_effect()
    staff.post(
        f"{deal.url}/milestones/{achieved}/achievement",
        json={"evidence_ref": "DMS-1", "achieved_on": "2026-11-01"},
    )
    staff.post(f"{deal.url}/milestones/{waived}/waiver", json={"reason": "Cancelled"})

    assert list(deal.milestones("?overdue_as_of=2026-11-15")) == ["Feasibility study"]
    assert list(deal.milestones("?overdue_as_of=2027-02-01")) == [
        "Feasibility study",
        "Pilot plant",
    ]
    assert deal.milestones("?overdue_as_of=2026-10-01") == {}
    assert len(deal.milestones()) == 4
    assert deal.milestones()["Feasibility study"]["milestone_id"] == late


def test_the_milestone_list_carries_the_agreements_etag(staff: Api, auditor: Api) -> None:
    deal = Deal(staff)
    deal.add("Feasibility study", "2026-10-01")

    response = auditor.get(f"{deal.url}/milestones")

    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'


def test_no_milestone_is_added_to_an_agreement_that_has_ended(staff: Api) -> None:
    deal = Deal(staff)
    staff.post(
        f"{deal.url}/termination", json={"reason": "Withdrawn", "terminated_on": "2026-11-20"}
    )

    response = staff.post(
        f"{deal.url}/milestones",
        json={"title": "Audit", "due_on": "2027-01-01", "owner_party_id": deal.university},
    )

    assert (response.status_code, response.json["code"]) == (409, "agreement.already_ended")
