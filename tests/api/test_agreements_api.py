"""Agreements over HTTP: the walkthrough from draft to effective, listing, amendments and ends."""

from __future__ import annotations

from typing import Any

from .conftest import Api, draft_agreement, register_party, sign

AGREEMENTS = "/api/v1/agreements"
VALUE = {"amount": "1000000.00", "currency": "CNY"}


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.json
    return response.json


def effective_agreement(api: Api, **terms: Any) -> tuple[dict[str, Any], str, str]:
    university = register_party(api)
    academy = register_party(api, "National Academy of Sciences", "KZ")
    agreement = draft_agreement(api, [university, academy], **terms)
    ok(api.post(f"{AGREEMENTS}/{agreement['id']}/opening"))
    ok(sign(api, agreement["id"], university))
    return ok(sign(api, agreement["id"], academy)), university, academy


def test_the_walkthrough_from_draft_to_effective_records_who_when_and_why(staff: Api) -> None:
    university = register_party(staff)
    academy = register_party(staff, "National Academy of Sciences", "KZ")
    drafted = staff.post(
        AGREEMENTS,
        json={
            "kind": "cooperation",
            "terms": {"title": "International cooperation agreement", "value": VALUE},
            "parties": [
                {"party_id": university, "role": "cooperation_partner"},
                {"party_id": academy, "role": "cooperation_partner"},
            ],
            "comment": "Prepared for the trading conference",
        },
        headers={"X-Correlation-ID": "conference-day"},
    )
    assert drafted.status_code == 201, drafted.json
    agreement_id = drafted.json["id"]
    assert drafted.headers["Location"].endswith(f"{AGREEMENTS}/{agreement_id}")
    assert drafted.json["status"] == "draft"
    url = f"{AGREEMENTS}/{agreement_id}"

    opened = staff.post(
        f"{url}/opening",
        json={"comment": "Terms fixed", "effective_at": "2026-11-18T09:00:00+08:00"},
        headers={"X-Correlation-ID": "conference-day"},
    )
    assert ok(opened)["status"] == "open_for_signature"
    first = ok(sign(staff, agreement_id, university, "2026-11-18"))
    assert first["status"] == "open_for_signature"
    assert first["awaiting_signatures"] == [academy]
    last = staff.post(
        f"{url}/signatures",
        json={
            "party_id": academy,
            "signatory_name": "Aziz Karimov",
            "signatory_title": "President",
            "signed_on": "2026-11-20",
            "comment": "Signed on stage",
            "effective_at": "2026-11-20T15:30:00+08:00",
        },
        headers={"X-Correlation-ID": "signing-ceremony"},
    )

    agreement = ok(last)
    assert agreement["status"] == "effective"
    assert agreement["effective_on"] == "2026-11-20"
    assert agreement["awaiting_signatures"] == []
    assert agreement["version"] == 5
    assert last.headers["ETag"] == '"5"'
    assert last.headers["X-Correlation-ID"] == "signing-ceremony"
    assert staff.get(url).json["status"] == "effective"
    history = staff.get(f"{url}/history").json["items"]
    assert [e["type"] for e in history] == [
        "Drafted",
        "OpenedForSignature",
        "Signed",
        "Signed",
        "BecameEffective",
    ]
    meta = [e["metadata"] for e in history]
    assert {m["actor"] for m in meta} == {staff.actor}
    assert [m["correlation_id"] for m in meta[:2]] == ["conference-day", "conference-day"]
    assert [m["correlation_id"] for m in meta[3:]] == ["signing-ceremony", "signing-ceremony"]
    assert [m["comment"] for m in meta] == [
        "Prepared for the trading conference",
        "Terms fixed",
        None,
        "Signed on stage",
        "Signed on stage",
    ]
    assert [m["effective_at"] for m in meta] == [
        None,
        "2026-11-18T09:00:00+08:00",
        "2026-11-18T00:00:00+00:00",  # no effective_at given: the signing day counts
        "2026-11-20T15:30:00+08:00",
        "2026-11-20T15:30:00+08:00",
    ]
    assert history[4]["data"] == {"effective_on": "2026-11-20"}
    assert history[4]["position"] == last.json["position"]


def test_back_dated_signatures_take_effect_on_the_latest_signature_date(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    ok(staff.post(f"{AGREEMENTS}/{agreement_id}/opening"))
    ok(sign(staff, agreement_id, b, "2026-11-19"))

    assert ok(sign(staff, agreement_id, a, "2026-10-01"))["effective_on"] == "2026-11-19"


def test_a_draft_is_revised_until_it_opens_for_signature(staff: Api) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    url = f"{AGREEMENTS}/{draft_agreement(staff, [a, b])['id']}"
    revised = {"title": "Licence of the graphene membrane process", "value": VALUE}

    assert ok(staff.put(f"{url}/draft", json={"terms": revised}))["terms"] == {
        **revised,
        "summary": "",
        "starts_on": None,
        "ends_on": None,
        "payment_schedule": [],
    }
    ok(staff.post(f"{url}/opening"))
    late = staff.put(f"{url}/draft", json={"terms": {"title": "Too late"}})

    assert (late.status_code, late.json["code"]) == (409, "agreement.not_draft")
    assert staff.get(url).json["terms"]["value"] == VALUE


def test_agreements_are_listed_and_filtered_by_status_kind_party_and_title(
    staff: Api, dashboard: Api
) -> None:
    effective, university, _ = effective_agreement(staff, value=VALUE)
    investor = register_party(staff, "Silk Road Fund", "CN")
    licence = staff.post(
        AGREEMENTS,
        json={
            "kind": "technology_licence",
            "terms": {"title": "Graphene membrane licence"},
            "parties": [
                {"party_id": university, "role": "licensor"},
                {"party_id": investor, "role": "licensee"},
            ],
        },
    ).json

    def ids(query: str) -> list[str]:
        return [i["id"] for i in ok(dashboard.get(f"{AGREEMENTS}?{query}"))["items"]]

    assert ids("") == [effective["id"], licence["id"]]
    assert ids("status=effective") == [effective["id"]]
    assert ids("status=draft&kind=technology_licence") == [licence["id"]]
    assert ids("kind=investment") == []
    assert ids(f"party_id={investor}") == [licence["id"]]
    assert ids(f"party_id={university}") == [effective["id"], licence["id"]]
    assert ids("q=graphene") == [licence["id"]]
    summary = ok(dashboard.get(f"{AGREEMENTS}?status=draft"))["items"][0]
    assert sorted(summary["awaiting_signatures"]) == sorted([university, investor])
    assert summary["value"] is None
    assert ok(dashboard.get(f"{AGREEMENTS}?status=effective"))["items"][0]["value"] == VALUE


def test_agreements_are_filtered_by_the_days_they_took_effect_inclusive(
    staff: Api, dashboard: Api
) -> None:
    university = register_party(staff)
    academy = register_party(staff, "National Academy of Sciences", "KZ")
    took_effect = {}
    for day in ("2026-08-31", "2026-09-01", "2026-09-30", "2026-10-01"):
        agreement = draft_agreement(staff, [university, academy])
        ok(staff.post(f"{AGREEMENTS}/{agreement['id']}/opening"))
        ok(sign(staff, agreement["id"], university, day))
        took_effect[day] = ok(sign(staff, agreement["id"], academy, day))["id"]
    draft_agreement(staff, [university, academy])  # not in effect: no day to filter by

    def ids(query: str) -> list[str]:
        return [i["id"] for i in ok(dashboard.get(f"{AGREEMENTS}?{query}"))["items"]]

    september = [took_effect["2026-09-01"], took_effect["2026-09-30"]]
    assert ids("effective_from=2026-09-01&effective_to=2026-09-30") == september
    assert ids("effective_from=2026-09-30") == [
        took_effect["2026-09-30"],
        took_effect["2026-10-01"],
    ]
    assert ids("effective_to=2026-08-31") == [took_effect["2026-08-31"]]
    assert ids("effective_from=2026-09-15&effective_to=2026-09-15") == []
    reversed_range = dashboard.get(
        f"{AGREEMENTS}?effective_from=2026-10-01&effective_to=2026-09-01"
    )
    assert reversed_range.status_code == 422
    assert [(e["field"], e["code"]) for e in reversed_range.json["errors"]] == [
        ("effective_to", "agreement.effective_range_reversed")
    ]
    assert dashboard.get(f"{AGREEMENTS}?effective_from=2026-02-30").status_code == 422


def test_an_amendment_replaces_the_terms_once_every_party_has_signed_it(staff: Api) -> None:
    agreement, university, academy = effective_agreement(staff, value=VALUE)
    url = f"{AGREEMENTS}/{agreement['id']}"
    raised = {"amount": "1200000.00", "currency": "CNY"}
    new_terms = {"title": "International cooperation agreement", "value": raised}

    proposal = {"terms": new_terms, "rationale": "More", "proposed_on": "2026-11-22"}
    proposed = ok(staff.post(f"{url}/amendments", json=proposal))
    amendment = proposed["amendments"][0]
    assert (amendment["state"], amendment["proposed_on"]) == ("pending", "2026-11-22")
    assert proposed["terms"]["value"] == VALUE
    amendment_url = f"{url}/amendments/{amendment['amendment_id']}/signatures"
    body = {"signatory_name": "Zhang Wei", "signatory_title": "Rector", "signed_on": "2026-11-25"}
    half = ok(staff.post(amendment_url, json={"party_id": university, **body}))
    assert half["amendments"][0]["state"] == "pending"
    assert half["terms"]["value"] == VALUE
    applied = ok(staff.post(amendment_url, json={"party_id": academy, **body}))

    assert applied["amendments"][0]["state"] == "applied"
    assert applied["terms"]["value"] == raised
    assert applied["amendments"][0]["previous_terms"]["value"] == VALUE
    assert {s["party_id"] for s in applied["amendments"][0]["signatures"]} == {university, academy}
    assert staff.get(f"{url}?version={agreement['version']}").json["terms"]["value"] == VALUE
    types = [e["type"] for e in staff.get(f"{url}/history").json["items"]]
    assert types[5:] == [
        "AmendmentProposed",
        "AmendmentSigned",
        "AmendmentSigned",
        "AmendmentApplied",
    ]
