"""Hostile and unusual input: exact Unicode, limits, malformed JSON, and values a record refuses.

Text in any script round-trips exactly (no normalisation, no stripping of joiners or direction
marks); every limit is a 422 naming the field; a body that is not JSON text is a 400; values no
deal can hold are 422 with a stable code, at the field that holds them.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.api.conftest import Api, draft_agreement, register_party, sign
from tests.api.ip_steps import propose, register_asset

PARTIES = "/api/v1/parties"

NAMES = {  # letters that look Latin are the point here
    "rtl with marks": "\u200fجامعة شيان جياوتونغ\u200f",  # noqa: RUF001
    "mixed direction": "Université \u2067جامعة\u2069 Lab",  # noqa: RUF001
    "emoji zwj sequence": "Lab 👩\u200d🔬 and 🏳️\u200d🌈",
    "zero-width non-joiner": "می\u200cخواهم Institute",  # noqa: RUF001
    "combining marks": "Cafe\u0301 Ne\u0301ant",  # decomposed: must not be recomposed
    "astral and cjk": "𝔘𝔫𝔦 西安交通大学 𠀋",  # noqa: RUF001
    "zero width space inside": "Open\u200bAI\u2060Lab",
}


def problem(response: Any, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    body = response.json
    assert body["code"] == code, body
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    return body


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_name_in_any_script_round_trips_exactly(staff: Api, name: str) -> None:
    party_id = register_party(staff, name)
    assert staff.get(f"{PARTIES}/{party_id}").json["name"] == name
    listed = {p["id"]: p["name"] for p in staff.get(f"{PARTIES}?limit=500").json["items"]}
    assert listed[party_id] == name
    (history,) = staff.get(f"{PARTIES}/{party_id}/history").json["items"]
    assert history["data"]["name"] == name


@pytest.mark.parametrize("name", ["\u200b", " \u200d\u200c ", "\u202e", "\ufeff\u2060"])
def test_a_name_of_invisible_characters_only_is_blank(staff: Api, name: str) -> None:
    response = staff.post(PARTIES, json={"name": name, "kind": "company", "country": "KZ"})
    problem(response, 422, "text.blank", "name")


# ---- limits --------------------------------------------------------------------------------


def party(**changes: Any) -> dict[str, Any]:
    return {"name": "Qinchuan Robotics", "kind": "company", "country": "CN", **changes}


def test_over_long_strings_and_lists_are_refused_at_their_field(staff: Api) -> None:
    problem(staff.post(PARTIES, json=party(name="n" * 301)), 422, "validation_failed", "name")
    too_long = party(comment="c" * 2001)
    problem(staff.post(PARTIES, json=too_long), 422, "validation_failed", "comment")
    many = {f"scheme{i}": "x" for i in range(21)}
    problem(
        staff.post(PARTIES, json=party(identifiers=many)), 422, "validation_failed", "identifiers"
    )
    a = register_party(staff)
    body = {
        "kind": "cooperation",
        "terms": {"title": "t" * 301},
        "parties": [{"party_id": a, "role": "cooperation_partner"}] * 51,
    }
    errors = problem(staff.post("/api/v1/agreements", json=body), 422, "validation_failed")
    assert {e["field"] for e in errors["errors"]} == {"terms.title", "parties"}


@pytest.mark.parametrize("query", ["limit=501", "limit=0", "after=-1", "q=" + "q" * 301])
def test_page_sizes_cursors_and_filters_out_of_range_are_refused(staff: Api, query: str) -> None:
    problem(staff.get(f"{PARTIES}?{query}"), 422, "validation_failed", query.partition("=")[0])


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode("utf-8", "surrogatepass")).decode().rstrip("=")


LIST = "catalogue_parties"
FORGED_CURSORS = {  # (sort, the JSON a client made up instead of passing `next_after` back)
    "NUL in a name": ("name", f'["{LIST}", "name", "a\\u0000b", 1]'),
    "lone surrogate": ("name", f'["{LIST}", "name", "\\ud800", 1]'),
    "no name": ("name", f'["{LIST}", "name", null, 1]'),
    "position beyond 64 bits": ("name", f'["{LIST}", "name", "a", 18446744073709551616]'),
    "position as text": ("name", f'["{LIST}", "name", "a", "1"]'),
    "name as a number": ("name", f'["{LIST}", "name", 7, 1]'),
    "not a time": ("modified_at", f'["{LIST}", "modified_at", "yesterday", 1]'),
    "an object for a country": ("country", f'["{LIST}", "country", {{"cn": 1}}, 1]'),
    "another list": ("created", '["catalogue_agreements", "created", 1, 1]'),
    "a sort no list has": ("created", f'["{LIST}", {{"x": 1}}, 1, 1]'),
    "three items": ("created", '["created", 1, 1]'),
    "not JSON": ("created", "created,1,1"),
}


@pytest.mark.parametrize("sort, raw", FORGED_CURSORS.values(), ids=FORGED_CURSORS)
def test_a_forged_list_cursor_is_refused_at_after(staff: Api, sort: str, raw: str) -> None:
    register_party(staff)
    query = f"{PARTIES}?sort={sort}&after={_cursor(raw)}"
    body = problem(staff.get(query), 422, "validation_failed", "after")
    assert not any("{" in e["message"] for e in body["errors"]), "a made-up sort is not echoed"


def test_a_cursor_is_read_only_in_the_spelling_it_was_given_out(staff: Api) -> None:
    for name in ("a", "b", "c"):
        register_party(staff, name)
    cursor = staff.get(f"{PARTIES}?limit=1").json["next_after"]
    assert staff.get(f"{PARTIES}?limit=1&after={cursor}").status_code == 200

    padded = cursor + "=" * (-len(cursor) % 4) or cursor + "===="
    for mangled in (f"{cursor}%0A", f"{cursor}%00", f"{cursor[:2]}%20{cursor[2:]}", padded):
        problem(staff.get(f"{PARTIES}?limit=1&after={mangled}"), 422, "validation_failed", "after")


@pytest.mark.parametrize("query", ["sort=name&sort=-name", "limit=1&limit=500", "q=a&q=b"])
def test_a_list_parameter_given_twice_is_refused(staff: Api, query: str) -> None:
    problem(staff.get(f"{PARTIES}?{query}"), 422, "validation_failed", query.partition("=")[0])


def test_an_over_long_idempotency_key_is_a_bad_request(staff: Api) -> None:
    response = staff.post(PARTIES, json=party(), headers={"Idempotency-Key": "k" * 201})
    problem(response, 400, "malformed_request")


# ---- bodies that are not JSON text ------------------------------------------------------------

MALFORMED = {
    "NaN": b'{"name": NaN}',
    "Infinity": b'{"name": Infinity}',
    "-Infinity": b'{"name": -Infinity}',
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
    "lone surrogate": b'{"name": "\\ud800 Lab", "kind": "company", "country": "KZ"}',
    "lone surrogate in a key": b'{"\\udfff": 1}',
    "not utf-8": b'{"name": "\xff"}',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_body_that_is_not_json_text_is_a_bad_request(staff: Api, body: bytes) -> None:
    response = staff.client.post(
        PARTIES,
        data=body,
        headers={"Authorization": f"Bearer {staff.token}", "Content-Type": "application/json"},
    )
    problem(response, 400, "malformed_request")


def test_an_escaped_surrogate_pair_is_one_character_and_welcome(staff: Api) -> None:
    body = b'{"name": "Lab \\ud83e\\uddea", "kind": "company", "country": "KZ"}'
    response = staff.client.post(
        PARTIES,
        data=body,
        headers={"Authorization": f"Bearer {staff.token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.json
    assert response.json["name"] == "Lab 🧪"


# ---- values no deal can hold -----------------------------------------------------------------


def draft(staff: Api, parties: list[str], **terms: Any) -> Any:
    body = {
        "kind": "cooperation",
        "terms": {"title": "Joint laboratory", **terms},
        "parties": [{"party_id": p, "role": "cooperation_partner"} for p in parties],
    }
    return staff.post("/api/v1/agreements", json=body)


@pytest.mark.parametrize("amount", ["-0.01", "-1000000", -5])
def test_negative_money_is_refused_at_its_field(staff: Api, amount: Any) -> None:
    a, b = register_party(staff), register_party(staff, "National Academy", "KZ")
    response = draft(staff, [a, b], value={"amount": amount, "currency": "CNY"})
    problem(response, 422, "money.negative_amount", "terms.value.amount")
    assert "must not be negative" in response.json["errors"][0]["message"]


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity", "1e999999"])
def test_money_that_is_not_a_finite_amount_is_refused_at_its_field(staff: Api, amount: str) -> None:
    a, b = register_party(staff), register_party(staff, "National Academy", "KZ")
    response = draft(staff, [a, b], value={"amount": amount, "currency": "CNY"})
    problem(response, 422, "number.not_decimal", "terms.value.amount")


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"starts_on": "0001-01-01"}, "terms.starts_on"),
        ({"starts_on": "1899-12-31"}, "terms.starts_on"),
        ({"starts_on": "2026-01-01", "ends_on": "9999-12-31"}, "terms.ends_on"),
    ],
)
def test_terms_dated_outside_the_dates_on_record_are_refused(
    staff: Api, terms: dict[str, str], field: str
) -> None:
    a, b = register_party(staff), register_party(staff, "National Academy", "KZ")
    problem(draft(staff, [a, b], **terms), 422, "date.out_of_range", field)
    bounds = draft(staff, [a, b], starts_on="1900-01-01", ends_on="2199-12-31")
    assert bounds.status_code == 201, bounds.json


@pytest.mark.parametrize(
    ("signed_on", "code"),
    [
        ("0001-01-01", "date.out_of_range"),
        ("1899-12-31", "date.out_of_range"),
        ("9999-12-31", "agreement.signed_in_future"),
    ],
)
def test_a_signature_dated_centuries_away_is_refused(staff: Api, signed_on: str, code: str) -> None:
    a, b = register_party(staff), register_party(staff, "National Academy", "KZ")
    agreement_id = draft_agreement(staff, [a, b])["id"]
    assert staff.post(f"/api/v1/agreements/{agreement_id}/opening").status_code == 200
    problem(sign(staff, agreement_id, a, signed_on), 422, code, "signed_on")
    problem(sign(staff, agreement_id, a, "10000-01-01"), 422, "validation_failed", "signed_on")
    assert sign(staff, agreement_id, a, "1900-01-01").status_code == 200


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_command_taking_effect_centuries_away_is_refused(staff: Api, moment: str) -> None:
    response = staff.post(PARTIES, json=party(effective_at=moment))
    problem(response, 422, "date.out_of_range", "effective_at")


def test_an_agreement_naming_a_party_twice_is_refused(staff: Api) -> None:
    a = register_party(staff)
    problem(draft(staff, [a, a]), 422, "agreement.duplicate_party", "parties")


def test_transferring_an_ip_asset_to_its_own_holder_is_refused(staff: Api) -> None:
    holder = register_party(staff)
    asset_id = register_asset(staff, holder)["id"]
    response = propose(staff, asset_id, holder, holder)
    problem(response, 422, "ip_transfer.self_transfer", "recipient_party_id")


# ---- control characters in filters, and the token store's limits ----------------------------

SEARCHABLE = ["parties", "agreements", "achievements", "ip-assets", "listings", "trading-events"]


@pytest.mark.parametrize(
    "character", ["%00", "%1B", "%7F", "%C2%85"], ids=["NUL", "ESC", "DEL", "NEL"]
)
@pytest.mark.parametrize("resource", SEARCHABLE)
def test_a_control_character_in_a_text_filter_is_refused_at_q(
    staff: Api, resource: str, character: str
) -> None:
    problem(staff.get(f"/api/v1/{resource}?q=Lab{character}"), 422, "validation_failed", "q")


@pytest.mark.parametrize("length", [191, 201, 300])
def test_a_token_name_longer_than_the_token_store_keeps_is_refused_at_name(
    admin: Api, length: int
) -> None:
    response = admin.post("/api/v1/tokens", json={"name": "n" * length, "role": "auditor"})
    problem(response, 422, "validation_failed", "name")
    assert (
        admin.post("/api/v1/tokens", json={"name": "n" * 190, "role": "auditor"}).status_code == 201
    )


NUL_IN_URL = [
    "/api/v1/parties?country=%00%00",
    "/api/v1/parties?country=a%00",
    "/api/v1/achievements?owner_country=%00%00",
    "/api/v1/trading-events?country=%00A",
    "/api/v1/ip-assets?jurisdiction=C%00",
    "/api/v1/agreements?%00=1",
    "/api/v1/parties/00000000-0000-0000-0000-00000000000%00",
]


@pytest.mark.parametrize("path", NUL_IN_URL)
def test_a_nul_anywhere_in_a_url_is_refused(staff: Api, path: str) -> None:
    """No store can hold a NUL (PostgreSQL refuses it in any text: it was a 500 there)."""
    answer = staff.get(path)
    if "?" in path:  # at the parameter
        field = path.split("?")[1].split("=", maxsplit=1)[0].replace("%00", "\0")
        problem(answer, 422, "validation_failed", field)
    else:
        assert answer.status_code == 400, answer.json
        assert answer.json["code"] == "malformed_request" and "NUL" in answer.json["detail"]


def test_a_nul_in_a_token_id_is_a_bad_request(admin: Api) -> None:
    answer = admin.delete("/api/v1/tokens/a%00b")
    assert answer.status_code == 400, answer.json
