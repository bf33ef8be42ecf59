"""Business dates over HTTP: each follows the dates it must follow, and a body's effective_at
agrees with its business date. A refused command records nothing."""

from __future__ import annotations

from typing import Any

from freezegun import freeze_time
from werkzeug.test import TestResponse

from .conftest import Api, draft_agreement, register_party, sign
from .ip_steps import ASSETS, Deal, ok, refused, register_asset
from .listing_steps import Listing

AGREEMENTS = "/api/v1/agreements"
TAKES_EFFECT = "2026-11-21"


class Agreement:
    """A cooperation agreement between a university and an academy, open for signature."""

    def __init__(self, api: Api, **terms: Any) -> None:
        self.api = api
        self.university = register_party(api)
        self.academy = register_party(api, "National Academy of Sciences", "KZ")
        self.id = draft_agreement(api, [self.university, self.academy], **terms)["id"]
        self.url = f"{AGREEMENTS}/{self.id}"
        ok(api.post(f"{self.url}/opening"))

    def take_effect(self, on: str = TAKES_EFFECT) -> dict[str, Any]:
        ok(sign(self.api, self.id, self.university, "2026-11-18"))
        return ok(sign(self.api, self.id, self.academy, on))

    def post(self, part: str, body: dict[str, Any]) -> TestResponse:
        return self.api.post(f"{self.url}/{part}", json=body)

    def version(self) -> int:
        return int(ok(self.api.get(self.url))["version"])


def test_an_agreement_completed_before_it_took_effect_is_refused(staff: Api) -> None:
    agreement = Agreement(staff)
    agreement.take_effect()
    version = agreement.version()

    response = agreement.post("completion", {"completed_on": "2026-11-01"})

    refused(response, 422, "agreement.completed_before_effective", "completed_on")
    assert "2026-11-01" in response.json["detail"] and TAKES_EFFECT in response.json["detail"]
    assert agreement.version() == version
    ok(agreement.post("completion", {"completed_on": TAKES_EFFECT}))


def test_an_agreement_terminated_before_it_took_effect_is_refused(staff: Api) -> None:
    agreement = Agreement(staff)
    agreement.take_effect()
    version = agreement.version()

    response = agreement.post(
        "termination", {"reason": "Funding withdrawn", "terminated_on": "1901-01-01"}
    )

    refused(response, 422, "agreement.terminated_before_effective", "terminated_on")
    assert agreement.version() == version


def test_an_agreement_never_in_effect_is_terminated_after_its_signatures(staff: Api) -> None:
    agreement = Agreement(staff)
    ok(sign(staff, agreement.id, agreement.university, "2026-11-18"))
    version = agreement.version()

    early = agreement.post("termination", {"reason": "Withdrew", "terminated_on": "2026-11-17"})

    refused(early, 422, "agreement.terminated_before_signed", "terminated_on")
    assert agreement.version() == version
    ended = ok(agreement.post("termination", {"reason": "Withdrew", "terminated_on": "2026-11-18"}))
    assert ended["status"] == "terminated"


def test_a_signature_dated_after_the_term_ends_is_refused(staff: Api) -> None:
    agreement = Agreement(staff, starts_on="2025-01-01", ends_on="2025-12-31")

    response = sign(staff, agreement.id, agreement.university, "2026-01-01")

    refused(response, 422, "agreement.signed_after_term_end", "signed_on")
    assert ok(staff.get(agreement.url))["signatures"] == []


def test_a_back_dated_signature_may_predate_the_drafts_recording(staff: Api) -> None:
    with freeze_time("2026-11-25 10:00:00"):
        agreement = Agreement(staff)
        signed = agreement.take_effect("2026-11-20")

    assert (signed["status"], signed["effective_on"]) == ("effective", "2026-11-20")


def test_a_milestone_achieved_before_the_agreement_took_effect_is_refused(staff: Api) -> None:
    agreement = Agreement(staff)
    body = {"title": "Lab opens", "due_on": "2027-01-31", "owner_party_id": agreement.university}
    milestone = ok(agreement.post("milestones", body))["milestones"][0]["milestone_id"]
    achievement = f"milestones/{milestone}/achievement"
    evidence = {"evidence_ref": "DMS-1", "achieved_on": "2026-11-20"}

    not_yet = agreement.post(achievement, evidence)
    agreement.take_effect()
    early = agreement.post(achievement, evidence)

    refused(not_yet, 409, "agreement.not_effective")
    refused(early, 422, "agreement.milestone_achieved_before_effective", "achieved_on")
    assert ok(staff.get(agreement.url))["milestones"][0]["state"] == "pending"


def test_an_amendment_is_proposed_after_effect_and_signed_after_its_proposal(staff: Api) -> None:
    agreement = Agreement(staff)
    agreement.take_effect()
    terms = {"title": "International cooperation agreement", "summary": "Two laboratories"}

    early = agreement.post(
        "amendments", {"terms": terms, "rationale": "More", "proposed_on": "2026-11-20"}
    )
    proposed = ok(
        agreement.post(
            "amendments", {"terms": terms, "rationale": "More", "proposed_on": "2026-11-23"}
        )
    )
    amendment = proposed["amendments"][0]
    signatures = f"amendments/{amendment['amendment_id']}/signatures"
    body = {"party_id": agreement.university, "signatory_name": "Li", "signatory_title": "Rector"}
    before = agreement.post(signatures, body | {"signed_on": "2026-11-22"})

    refused(early, 422, "agreement.amendment_proposed_before_effective", "proposed_on")
    assert amendment["proposed_on"] == "2026-11-23"
    refused(before, 422, "agreement.amendment_signed_before_proposed", "signed_on")
    assert ok(agreement.post(signatures, body | {"signed_on": "2026-11-23"}))["version"] == 7


def test_an_undated_proposal_is_dated_by_its_effective_at(staff: Api) -> None:
    agreement = Agreement(staff)
    agreement.take_effect()
    terms = {"title": "International cooperation agreement", "summary": "Two laboratories"}

    proposed = ok(
        agreement.post(
            "amendments",
            {"terms": terms, "rationale": "More", "effective_at": "2026-11-24T01:00:00+08:00"},
        )
    )

    assert proposed["amendments"][0]["proposed_on"] == "2026-11-24"


def test_an_effective_at_contradicting_the_signing_day_is_refused(staff: Api) -> None:
    agreement = Agreement(staff)
    body = {
        "party_id": agreement.university,
        "signatory_name": "Zhang Wei",
        "signatory_title": "President",
        "signed_on": "2026-11-30",
    }

    contradicting = agreement.post("signatures", body | {"effective_at": "2026-01-01T00:00:00Z"})
    same_day_in_xian = agreement.post(
        "signatures", body | {"effective_at": "2026-11-30T23:30:00+08:00"}
    )

    refused(contradicting, 422, "effective_at.not_on_business_date", "effective_at")
    assert "signed_on (2026-11-30)" in contradicting.json["detail"]
    assert ok(same_day_in_xian)["version"] == 3
    history = ok(staff.get(f"{agreement.url}/history"))["items"]
    assert [e["type"] for e in history] == ["Drafted", "OpenedForSignature", "Signed"]
    assert history[-1]["metadata"]["effective_at"] == "2026-11-30T23:30:00+08:00"


def test_every_record_checks_effective_at_against_its_business_date(staff: Api) -> None:
    """One dated command of each kind of record: none is recorded with a contradicting time."""
    wrong = {"effective_at": "2026-01-01T00:00:00Z"}
    holder = register_party(staff)
    asset = register_asset(staff, holder)["id"]
    deal = Deal(staff)
    listing = Listing(staff)
    listing.approved()

    responses = {
        "register": staff.post(
            ASSETS,
            json={
                "holder_party_id": holder,
                "kind": "patent",
                "jurisdiction": "CN",
                "title": "Graphene membrane",
                "filed_on": "2020-06-19",
                **wrong,
            },
        ),
        "grant": staff.post(f"{ASSETS}/{asset}/grant", json={"granted_on": "2021-06-01", **wrong}),
        "valuation": deal.post(
            "valuation",
            {
                "appraiser": "Zhongxin",
                "method": "income",
                "value": {"amount": "1.00", "currency": "CNY"},
                "valuated_on": "2026-11-19",
                **wrong,
            },
        ),
        "listing": listing.post(
            "listing",
            {
                "listing_code": "800123",
                "listed_on": "2026-03-02",
                "holders": listing.holders(),
                **wrong,
            },
        ),
    }

    found = {name: (r.status_code, r.json["code"]) for name, r in responses.items()}
    assert found == dict.fromkeys(responses, (422, "effective_at.not_on_business_date"))
    assert {r.json["errors"][0]["field"] for r in responses.values()} == {"effective_at"}
    assert {r.json["errors"][0]["code"] for r in responses.values()} == {
        "effective_at.not_on_business_date"
    }
    assert ok(staff.get(f"{ASSETS}/{asset}"))["status"] == "pending"
    assert ok(staff.get(deal.url))["status"] == "proposed"
    assert ok(staff.get(listing.url))["status"] == "approved"


def test_an_asset_is_granted_after_filing_and_lapses_after_its_grant(staff: Api) -> None:
    holder = register_party(staff)
    asset = register_asset(staff, holder, filed_on="2020-06-19")
    url = f"{ASSETS}/{asset['id']}"

    before_filing = staff.post(f"{url}/grant", json={"granted_on": "2020-06-18"})
    ok(staff.post(f"{url}/grant", json={"granted_on": "2022-08-16"}))
    before_grant = staff.post(f"{url}/lapse", json={"lapsed_on": "2022-08-15", "reason": "Fee"})

    assert asset["filed_on"] == "2020-06-19"
    refused(before_filing, 422, "ip_asset.granted_before_filed", "granted_on")
    refused(before_grant, 422, "ip_asset.lapsed_before_granted", "lapsed_on")
    history = ok(staff.get(f"{url}/history"))["items"]
    assert [e["type"] for e in history] == ["Registered", "Granted"]
    assert history[0]["metadata"]["effective_at"] == "2020-06-19T00:00:00+00:00"


def test_know_how_has_no_filing_date(staff: Api) -> None:
    body = {
        "holder_party_id": register_party(staff),
        "kind": "know_how",
        "jurisdiction": "CN",
        "title": "Heat-treatment schedule",
        "filed_on": "2020-06-19",
    }

    refused(staff.post(ASSETS, json=body), 422, "ip_asset.know_how_not_filed", "filed_on")
