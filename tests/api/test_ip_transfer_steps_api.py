"""The steps of an IP transfer over HTTP: valuation, contract, consideration, recordal,
payments, completion and cancellation, each refused with a stable code when out of turn."""

from __future__ import annotations

import uuid

from .conftest import Api, draft_agreement
from .ip_steps import HALF, PRICE, Deal, ok, refused

ZERO = {"amount": "0.00", "currency": "CNY"}


def test_an_assignment_walks_from_proposal_to_completion(staff: Api) -> None:
    deal = Deal(staff)

    signed = deal.sign()
    assert signed["valuation"] == {
        "appraiser": "Zhongxin",
        "method": "income",
        "value": PRICE,
        "valuated_on": "2026-11-19",
    }
    assert (signed["status"], signed["contract_signed_on"]) == ("contract_signed", "2026-11-20")
    scheduled = ok(deal.schedule())
    assert scheduled["consideration"]["total"] == PRICE
    assert (scheduled["paid"], scheduled["outstanding"]) == (ZERO, PRICE)
    recorded = ok(deal.record())
    assert recorded["recordal"] == {
        "office": "CN",
        "recordal_number": "2026990000123",
        "recorded_on": "2026-11-21",
    }
    assert deal.asset()["owner_party_id"] == deal.recipient
    assert ok(deal.pay())["outstanding"] == HALF
    refused(
        deal.post("completion", {"completed_on": "2026-11-23"}),
        409,
        "ip_transfer.consideration_outstanding",
    )
    paid = ok(deal.pay(on="2026-11-23"))
    assert (paid["paid"], paid["outstanding"]) == (PRICE, ZERO)
    assert [p["reference"] for p in paid["payments"]] == ["Wire", "Wire"]
    completed = ok(deal.post("completion", {"completed_on": "2026-11-24"}))

    assert (completed["status"], completed["ended_on"]) == ("completed", "2026-11-24")
    assert completed["version"] == 8
    history = ok(staff.get(f"{deal.url}/history"))["items"]
    assert [e["type"] for e in history][-3:] == ["PaymentRecorded", "PaymentRecorded", "Completed"]


def test_each_step_out_of_turn_is_refused_with_a_stable_code(staff: Api) -> None:
    deal = Deal(staff)

    refused(
        deal.post("contract", {"agreement_id": str(uuid.uuid4())}),
        422,
        "ip_transfer.unknown_agreement",
        "agreement_id",
    )
    refused(deal.schedule(), 409, "ip_transfer.contract_not_signed")
    refused(deal.record(), 409, "ip_transfer.not_contract_signed")
    refused(deal.pay(), 409, "ip_transfer.contract_not_signed")
    refused(
        deal.post("completion", {"completed_on": "2026-11-23"}), 409, "ip_transfer.not_recorded"
    )
    deal.valuate()
    refused(
        deal.post(
            "valuation",
            {"appraiser": "Again", "method": "cost", "value": PRICE, "valuated_on": "2026-11-19"},
        ),
        409,
        "ip_transfer.already_valuated",
    )
    draft = draft_agreement(staff, [deal.holder, deal.recipient])["id"]
    refused(
        deal.post("contract", {"agreement_id": draft}),
        409,
        "ip_transfer.agreement_not_effective",
        "agreement_id",
    )


def test_payments_never_exceed_what_is_outstanding(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    ok(deal.schedule())
    ok(deal.pay())

    too_much = {"amount": "250000.01", "currency": "CNY"}
    refused(deal.pay(too_much), 409, "ip_transfer.payment_exceeds_outstanding", "amount.amount")
    refused(
        deal.pay({"amount": "10.00", "currency": "USD"}),
        422,
        "ip_transfer.payment_currency_mismatch",
        "amount.currency",
    )
    refused(deal.pay(on="2099-01-01"), 422, "ip_transfer.date_in_future", "paid_on")
    refused(deal.schedule(), 409, "ip_transfer.schedule_has_payments")
    assert ok(staff.get(deal.url))["outstanding"] == HALF


def test_a_schedule_is_refused_naming_the_field_at_fault(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    one = [{"due_on": "2026-12-01", "amount": PRICE}]

    refused(
        deal.schedule({"kind": "instalments", "instalments": one}),
        422,
        "consideration.wrong_amounts",
        "instalments",
    )
    refused(
        deal.schedule({"kind": "running_royalty"}),
        422,
        "consideration.currency_missing",
        "currency",
    )
    refused(
        deal.schedule({"kind": "running_royalty", "currency": "CNY", "royalty_rate": "120"}),
        422,
        "consideration.percentage_out_of_range",
        "royalty_rate",
    )
    refused(
        deal.schedule({"kind": "equity", "instalments": one}),
        422,
        "consideration.percentage_required",
        "equity_percent",
    )

    royalty = ok(
        deal.schedule({"kind": "running_royalty", "currency": "CNY", "royalty_rate": "3.5"})
    )
    assert royalty["consideration"] | {"instalments": None} == {
        "kind": "running_royalty",
        "currency": "CNY",
        "instalments": None,
        "royalty_rate": "3.5",
        "equity_percent": None,
        "total": None,
    }
    assert royalty["outstanding"] is None
    assert (
        ok(deal.pay({"amount": "9000000.00", "currency": "CNY"}))["paid"]["amount"] == "9000000.00"
    )


def test_a_transfer_is_cancelled_once_with_a_reason(staff: Api) -> None:
    deal = Deal(staff)
    deal.sign()
    cancel = {"reason": "The company withdrew", "cancelled_on": "2026-11-22"}

    cancelled = ok(deal.post("cancellation", cancel))

    assert (cancelled["status"], cancelled["cancel_reason"]) == (
        "cancelled",
        "The company withdrew",
    )
    refused(deal.post("cancellation", cancel), 409, "ip_transfer.already_ended")
    refused(deal.record(), 409, "ip_transfer.already_ended")
    refused(
        deal.post("cancellation", {"cancelled_on": "2026-11-22"}),
        422,
        "validation_failed",
        "reason",
    )
