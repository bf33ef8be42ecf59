"""Money is exact or refused: every amount is stored exactly as sent or answered with a 422.

An amount finer than the currency's minor unit is refused even where Python's decimal context
(28 digits) would round it; amount text is ASCII digits only; a JSON number is taken at its
exact value, exponent or not. A refusal names the field and the rule's code and records nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from iso4217 import Currency

from dealtrail.bootstrap import Services

from .conftest import Api, register_party
from .ip_steps import Deal
from .listing_steps import Listing
from .supermarket_steps import CONTACT, offer

AGREEMENTS = "/api/v1/agreements"
BEYOND_THE_CONTEXT = ["999999999999999.999999999999999", "5.0000000000000000000000000001"]
OTHER_SPELLINGS = {
    "underscores": "1_000",
    "arabic-indic digits": "\u0661\u0660\u0660",
    "full-width digits": "\uff11\uff10\uff10",
    "exponent": "1e3",
    "capital exponent": "1.5E+2",
    "leading space": " 5",
    "thousands separator": "1,000",
}


def head(services: Services) -> int:
    return services.ledger.recorder.max_notification_id() or 0


def refused_at(response: Any, field: str, code: str) -> None:
    """A 422 problem whose only field error is `field`, refused by the rule `code`."""
    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    assert [(e["field"], e.get("code")) for e in response.json["errors"]] == [(field, code)]


def draft_worth(api: Api, parties: list[str], value: str) -> Any:
    """Drafts an agreement whose `terms.value.amount` is the JSON text `value`, as written."""
    body = {
        "kind": "technology_licence",
        "terms": {"title": "Licence", "value": {"amount": "AMOUNT", "currency": "CNY"}},
        "parties": [{"party_id": p, "role": "licensor"} for p in parties],
    }
    text = json.dumps(body).replace('"AMOUNT"', value)
    headers = {"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"}
    return api.client.post(AGREEMENTS, data=text, headers=headers)


@pytest.fixture
def parties(staff: Api) -> list[str]:
    return [register_party(staff), register_party(staff, "National Academy", "KZ")]


@pytest.mark.parametrize("amount", BEYOND_THE_CONTEXT)
def test_an_amount_finer_than_the_decimal_context_is_refused_not_rounded(
    staff: Api, services: Services, parties: list[str], amount: str
) -> None:
    before = head(services)
    for sent in (json.dumps(amount), amount):  # as a string and as a JSON number
        refused_at(draft_worth(staff, parties, sent), "terms.value.amount", "money.too_precise")
    assert head(services) == before
    assert staff.get(f"{AGREEMENTS}?kind=technology_licence").json["items"] == []


@pytest.mark.parametrize("amount", OTHER_SPELLINGS.values(), ids=OTHER_SPELLINGS.keys())
def test_an_amount_is_text_of_ascii_digits_and_nothing_else(
    staff: Api, services: Services, parties: list[str], amount: str
) -> None:
    before = head(services)
    response = draft_worth(staff, parties, json.dumps(amount))
    refused_at(response, "terms.value.amount", "number.not_decimal")
    assert head(services) == before


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("true", "number.not_decimal"),
        ("1e-999999", "money.too_precise"),
        ("1e999999", "money.too_large"),
        ("1000000000000000", "money.too_large"),
        ("-0.5", "money.negative_amount"),
    ],
)
def test_a_json_number_or_boolean_no_exact_amount_can_be_is_refused(
    staff: Api, services: Services, parties: list[str], number: str, code: str
) -> None:
    before = head(services)
    refused_at(draft_worth(staff, parties, number), "terms.value.amount", code)
    assert head(services) == before


def test_a_json_number_in_exponent_notation_is_its_exact_value(
    staff: Api, parties: list[str]
) -> None:
    for number, stored in [("1.5E+2", "150.00"), ("12345e-2", "123.45"), ("7.50000e0", "7.50")]:
        response = draft_worth(staff, parties, number)
        assert response.status_code == 201, response.json
        assert response.json["terms"]["value"] == {"amount": stored, "currency": "CNY"}


# ---- every place an amount enters -------------------------------------------------------------

Send = Callable[[], Any]


def _entry_points(amount: str) -> dict[str, Callable[[Api], tuple[Send, str]]]:
    """Each way an amount enters: a setup that returns the command sending `amount`, and the
    field it must be refused at."""
    money = {"amount": amount, "currency": "CNY"}

    def agreement_instalment(api: Api) -> tuple[Send, str]:
        a, b = register_party(api), register_party(api, "Academy", "KZ")
        terms = {
            "title": "Licence",
            "value": {"amount": "10.00", "currency": "CNY"},
            "payment_schedule": [{"due_on": "2026-12-01", "amount": money}],
        }
        parties = [{"party_id": p, "role": "licensor"} for p in (a, b)]
        body = {"kind": "technology_licence", "terms": terms, "parties": parties}
        return lambda: api.post(AGREEMENTS, json=body), "terms.payment_schedule.0.amount.amount"

    def asking_price(api: Api) -> tuple[Send, str]:
        body = {"owner_party_id": register_party(api), "offer": offer(asking_price=money)}
        body["contact"] = CONTACT
        return lambda: api.post("/api/v1/achievements", json=body), "offer.asking_price.amount"

    def valuation(api: Api) -> tuple[Send, str]:
        deal = Deal(api)
        body = {"appraiser": "Z", "method": "income", "value": money, "valuated_on": "2026-11-19"}
        return lambda: deal.post("valuation", body), "value.amount"

    def consideration(api: Api) -> tuple[Send, str]:
        deal = Deal(api)
        deal.sign()
        body = {"kind": "lump_sum", "instalments": [{"due_on": "2026-12-01", "amount": money}]}
        return lambda: deal.schedule(body), "instalments.0.amount.amount"

    def payment(api: Api) -> tuple[Send, str]:
        deal = Deal(api)
        deal.sign()
        assert deal.schedule().status_code == 200
        return lambda: deal.pay(money), "amount.amount"

    def financing_round(api: Api) -> tuple[Send, str]:
        listing = Listing(api)
        listing.listed()
        return lambda: listing.round(money), "amount.amount"

    def share_price(api: Api) -> tuple[Send, str]:
        listing = Listing(api)
        listing.listed()
        return lambda: listing.transfer(price_per_share=money), "price_per_share.amount"

    return {
        "agreement instalment": agreement_instalment,
        "asking price": asking_price,
        "valuation": valuation,
        "consideration instalment": consideration,
        "payment": payment,
        "financing round": financing_round,
        "share price": share_price,
    }


@pytest.mark.parametrize(
    ("amount", "code"),
    [(BEYOND_THE_CONTEXT[1], "money.too_precise"), ("\uff15", "number.not_decimal")],
    ids=["beyond the context", "full-width digit"],
)
def test_every_amount_a_command_takes_is_exact_or_refused(
    staff: Api, services: Services, amount: str, code: str
) -> None:
    wrong = {}
    for name, setup in _entry_points(amount).items():
        send, field = setup(staff)
        before = head(services)
        response = send()
        errors = [(e["field"], e.get("code")) for e in response.json.get("errors", [])]
        if (response.status_code, errors, head(services)) != (422, [(field, code)], before):
            wrong[name] = (response.status_code, errors)
    assert wrong == {}


def test_an_imported_asking_price_is_exact_or_its_row_refused(
    staff: Api, services: Services
) -> None:
    header = (
        "external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,"
        "owner_name,owner_kind,owner_country,contact_name,contact_email"
    )
    row = "{ref},Laser welding,advanced_manufacturing,6,licence,{amount},CNY,Xi'an U,university,"
    row += "CN,Wang Hong,wang@xa.edu.cn"
    spellings = [a for a in OTHER_SPELLINGS.values() if a.strip() == a]  # cells are trimmed
    amounts = [*BEYOND_THE_CONTEXT, *spellings]
    lines = [row.format(ref=f"R-{i}", amount=json.dumps(a)) for i, a in enumerate(amounts)]
    before = head(services)
    response = staff.post("/api/v1/achievements/imports", json={"csv": "\n".join([header, *lines])})
    assert response.status_code == 200, response.json
    report = response.json
    assert (report["imported"], report["parties_registered"]) == ([], 0)
    codes = ["money.too_precise"] * 2 + ["money.invalid_amount"] * len(spellings)
    assert [
        (r["reference"], [(p["column"], p["code"]) for p in r["problems"]])
        for r in report["rejected"]
    ] == [(f"R-{i}", [("asking_price_amount", code)]) for i, code in enumerate(codes)]
    assert head(services) == before


# ---- the property -----------------------------------------------------------------------------

CURRENCIES = ["CNY", "JPY", "KWD", "USD"]
PLAIN_DECIMAL = r"-?[0-9]+(\.[0-9]+)?"
AMOUNT_TEXT = st.from_regex(r"-?[0-9]{1,18}(\.[0-9]{1,8})?", fullmatch=True) | st.text(
    alphabet=st.characters(categories=["Nd"]) | st.sampled_from(list("0123456789.-+_eE ,")),
    min_size=1,
    max_size=12,
)
IN_RANGE = st.decimals(min_value=0, max_value=10**15, places=3).map(lambda d: format(d, "f"))
# Beyond the 28 digits of Python's decimal context: trailing zeros (exact), or a last 1 (not).
LONG = st.builds(
    "{}.{}{}{}".format,
    st.integers(min_value=1, max_value=10**15),
    st.from_regex(r"[0-9]{0,3}", fullmatch=True),
    st.text("0", min_size=28, max_size=40),
    st.sampled_from(["", "1"]),
)
JSON_NUMBER = st.one_of(
    IN_RANGE,
    LONG,
    st.decimals(min_value=-(10**20), max_value=10**20, allow_nan=False).map(str),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.builds("{}e{}".format, st.integers(-(10**6), 10**18), st.integers(-30, 30)),
)


def expected(text: str, currency: str, *, as_string: bool) -> str | None:
    """What the API must store for the amount written `text`: its exact value to the currency's
    minor unit, or None where it must refuse. Worked out with fractions, not the code under
    test."""
    if as_string and not re.fullmatch(PLAIN_DECIMAL, text):
        return None
    value = Fraction(text)
    places = Currency(currency).exponent or 0
    scaled = value * 10**places
    if value < 0 or value >= 10**15 or scaled.denominator != 1:
        return None
    whole, minor = divmod(int(scaled), 10**places)
    return f"{whole}.{minor:0{places}d}" if places else str(whole)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sent=st.one_of(
        (AMOUNT_TEXT | IN_RANGE | LONG).map(lambda t: (t, True)),
        JSON_NUMBER.map(lambda t: (t, False)),
    ),
    currency=st.sampled_from(CURRENCIES),
)
def test_any_amount_is_stored_exactly_or_refused_never_changed(
    staff: Api, parties: list[str], sent: tuple[str, bool], currency: str
) -> None:
    text, as_string = sent
    written = json.dumps(text) if as_string else text
    body = json.dumps(
        {
            "kind": "cooperation",
            "terms": {"title": "Joint lab", "value": {"amount": "AMOUNT", "currency": currency}},
            "parties": [{"party_id": p, "role": "cooperation_partner"} for p in parties],
        }
    ).replace('"AMOUNT"', written)
    headers = {"Authorization": f"Bearer {staff.token}", "Content-Type": "application/json"}
    response = staff.client.post(AGREEMENTS, data=body, headers=headers)
    stored = expected(text, currency, as_string=as_string)
    if stored is None:
        assert response.status_code == 422, (written, response.json)
        assert [e["field"] for e in response.json["errors"]] == ["terms.value.amount"]
        return
    assert response.status_code == 201, (written, response.json)
    value = {"amount": stored, "currency": currency}
    assert response.json["terms"]["value"] == value, written
    again = staff.get(f"{AGREEMENTS}/{response.json['id']}").json
    assert again["terms"]["value"] == value, written
