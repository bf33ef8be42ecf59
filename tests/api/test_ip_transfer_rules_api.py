"""IP transfer rules over HTTP: the recordal is made once, at the asset's own office, on or after
the contract both parties signed; a recorded transfer is never cancelled; every step says what
is wrong when it is taken out of turn. A refused command records nothing."""

from __future__ import annotations

from typing import Any

from .conftest import Api, sign
from .ip_steps import PRICE, Deal, ok, refused

RECORDAL = {"office": "CN", "recordal_number": "2026990000123", "recorded_on": "2026-11-21"}


def version(deal: Deal) -> int:
    return int(ok(deal.api.get(deal.url))["version"])


def test_a_cn_patent_is_recorded_at_the_cn_office_not_at_another(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    before = version(deal)

    response = deal.post("recordal", RECORDAL | {"office": "US"})

    refused(response, 422, "ip_transfer.recordal_office_mismatch", "office")
    assert "CN" in response.json["detail"] and "US" in response.json["detail"]
    assert version(deal) == before
    assert ok(deal.post("recordal", RECORDAL))["recordal"]["office"] == "CN"


def test_a_recorded_transfer_is_not_recorded_again_and_says_so(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    ok(deal.post("recordal", RECORDAL))
    before = version(deal)

    again = deal.post("recordal", RECORDAL | {"recordal_number": "2026990000124"})

    refused(again, 409, "ip_transfer.already_recorded")
    assert "already recorded" in again.json["detail"]
    assert version(deal) == before


def test_a_recorded_assignment_is_not_cancelled_and_its_recipient_stays_owner(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    ok(deal.post("recordal", RECORDAL))
    before = version(deal)

    cancel = {"reason": "Changed our minds", "cancelled_on": "2026-11-22"}
    response = deal.post("cancellation", cancel)

    refused(response, 409, "ip_transfer.recorded_not_cancellable")
    assert "new transfer back" in response.json["detail"]
    assert (ok(staff.get(deal.url))["status"], version(deal)) == ("recorded", before)
    assert deal.asset()["owner_party_id"] == deal.recipient


def test_a_transfer_not_yet_recorded_is_still_cancelled(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()

    cancelled = ok(deal.post("cancellation", {"reason": "Withdrew", "cancelled_on": "2026-11-21"}))

    assert cancelled["status"] == "cancelled"
    assert deal.asset()["owner_party_id"] == deal.holder


def test_a_step_already_taken_is_refused_with_a_code_that_says_so(staff: Api) -> None:
    deal = Deal(staff)
    signed = deal.sign()
    valuation = {"appraiser": "Again", "method": "cost", "value": PRICE}
    valuation["valuated_on"] = "2026-11-19"

    revaluated = deal.post("valuation", valuation)
    resigned = deal.post("contract", {"agreement_id": signed["agreement_id"]})

    refused(revaluated, 409, "ip_transfer.already_valuated")
    refused(resigned, 409, "ip_transfer.contract_already_signed")
    assert version(deal) == signed["version"]


def _agreement_signed_late_by_the_recipient(deal: Deal, recipient_signs: str | None) -> str:
    """An assignment that took effect when the holder, the only required signatory, signed on
    2026-11-20; the recipient, not required to sign, signs on `recipient_signs` (or never)."""
    body: dict[str, Any] = {
        "kind": "technology_assignment",
        "terms": {"title": "Assignment of the graphene membrane patent"},
        "parties": [
            {"party_id": deal.holder, "role": "assignor"},
            {"party_id": deal.recipient, "role": "assignee", "must_sign": False},
        ],
    }
    created = deal.api.post("/api/v1/agreements", json=body)
    assert created.status_code == 201, created.json
    agreement_id = created.json["id"]
    ok(deal.api.post(f"/api/v1/agreements/{agreement_id}/opening"))
    if recipient_signs:
        ok(sign(deal.api, agreement_id, deal.recipient, recipient_signs))
    assert ok(sign(deal.api, agreement_id, deal.holder, "2026-11-20"))["status"] == "effective"
    return agreement_id


def test_the_recordal_follows_the_recipients_own_signature_of_the_contract(staff: Api) -> None:
    deal = Deal(staff)
    deal.valuate()
    agreement_id = _agreement_signed_late_by_the_recipient(deal, "2026-11-25")

    signed = ok(deal.post("contract", {"agreement_id": agreement_id}))
    early = deal.post("recordal", RECORDAL)

    assert signed["contract_signed_on"] == "2026-11-25"
    refused(early, 422, "ip_transfer.recorded_before_contract", "recorded_on")
    assert ok(deal.post("recordal", RECORDAL | {"recorded_on": "2026-11-25"}))["status"] == (
        "recorded"
    )


def test_a_contract_the_recipient_never_signed_is_refused(staff: Api) -> None:
    deal = Deal(staff)
    valuated = deal.valuate()
    agreement_id = _agreement_signed_late_by_the_recipient(deal, None)

    response = deal.post("contract", {"agreement_id": agreement_id})

    refused(response, 422, "ip_transfer.party_not_signed", "agreement_id")
    assert version(deal) == valuated["version"]


def test_a_contract_signed_before_the_valuation_is_refused(staff: Api) -> None:
    deal = Deal(staff)
    body = {"appraiser": "Zhongxin", "method": "income", "value": PRICE}
    ok(deal.post("valuation", body | {"valuated_on": "2026-11-21"}))
    agreement_id = _agreement_signed_late_by_the_recipient(deal, "2026-11-20")

    response = deal.post("contract", {"agreement_id": agreement_id})

    refused(response, 422, "ip_transfer.contract_signed_before_valuated", "agreement_id")


def test_payments_and_completion_follow_the_steps_before_them(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()  # the contract was signed on 2026-11-20
    ok(deal.schedule())

    early_payment = deal.pay(on="2026-11-19")
    ok(deal.post("recordal", RECORDAL))
    ok(deal.pay(on="2026-11-22"))
    ok(deal.pay(on="2026-11-23"))
    before = version(deal)
    before_recordal = deal.post("completion", {"completed_on": "2026-11-20"})
    before_payment = deal.post("completion", {"completed_on": "2026-11-22"})

    refused(early_payment, 422, "ip_transfer.paid_before_contract", "paid_on")
    refused(before_recordal, 422, "ip_transfer.completed_before_recorded", "completed_on")
    refused(before_payment, 422, "ip_transfer.completed_before_paid", "completed_on")
    assert version(deal) == before
    assert ok(deal.post("completion", {"completed_on": "2026-11-23"}))["status"] == "completed"
