"""The OpenAPI document states the domain's rules for text as patterns: names, e-mail addresses
and phone numbers the document allows are accepted, those it does not are refused. A client (or
a fuzzer) that follows the document is not refused for a rule it could not read."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from dealtrail.domain.text import is_blank
from dealtrail.web.api.schemas.text import BLANK_RANGES, UNSTATED_BLANK_RANGES
from tests.api.conftest import Api, register_party
from tests.api.supermarket_steps import ACHIEVEMENTS, CONTACT, offer


def test_the_characters_the_document_calls_blank_are_those_the_domain_does() -> None:
    ranges = BLANK_RANGES + UNSTATED_BLANK_RANGES
    stated = {code for low, high in ranges for code in range(low, high + 1)}
    every = (code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert stated == {code for code in every if is_blank(chr(code))}


def schemas(app: Flask) -> dict[str, Any]:
    return app.test_client().get("/api/openapi.json").json["components"]["schemas"]


NAMES = {
    "a word": "Xi'an Jiaotong University",
    "a word between spaces": "  Xi'an  ",
    "spaces": "   ",
    "the empty name": "",
    "a Braille blank": "\u2800",
    "zero-width spaces and a word joiner": "\u200b\u200b\u2060",
    "a tag and a letter": "\U000e0041A",
    "an Arabic number sign (drawn)": "\u0600",
    "a Hangul filler and a letter": "\u3164\uac00",
    "a tab inside": "Xi'an\tJiaotong",
    "a line separator": "Xi'an\u2028",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_name_is_accepted_exactly_when_the_documents_pattern_allows_it(
    app: Flask, staff: Api, name: str
) -> None:
    pattern = schemas(app)["PartyCreate"]["properties"]["name"]["pattern"]
    response = staff.post(
        "/api/v1/parties", json={"name": name, "kind": "university", "country": "CN"}
    )
    allowed = re.fullmatch(pattern, name) is not None and name != ""  # minLength 1
    assert (response.status_code == 201) == allowed, response.json


CONTACTS = {
    "an address": ("email", "liaison@xjtu.edu.cn"),
    "two dots in the domain": ("email", "a@b..cn"),
    "no dot in the domain": ("email", "liaison@localhost"),
    "a dot at the end": ("email", "liaison@xjtu.edu.cn."),
    "two @": ("email", "a@b@xjtu.cn"),
    "a space inside": ("email", "liaison @xjtu.cn"),
    "nothing before the @": ("email", "@xjtu.cn"),
    "a line separator inside": ("email", "liaison\u2028@xjtu.cn"),
    "a phone number": ("phone", "+86 29 8266 8888"),
    "no phone number": ("phone", ""),
    "too few digits": ("phone", "123"),
    "a letter": ("phone", "+86 29 8266 888x"),
    "Arabic-Indic digits": ("phone", "\u0668\u0666\u0662\u0669\u0668"),
}


@pytest.mark.parametrize(("field", "value"), CONTACTS.values(), ids=CONTACTS.keys())
def test_a_contact_is_accepted_exactly_when_the_documents_patterns_allow_it(
    app: Flask, staff: Api, field: str, value: str
) -> None:
    pattern = schemas(app)["ContactIn"]["properties"][field]["pattern"]
    owner = register_party(staff)
    contact = {**CONTACT, field: value}
    response = staff.post(
        ACHIEVEMENTS, json={"owner_party_id": owner, "offer": offer(), "contact": contact}
    )
    assert (response.status_code == 201) == (re.fullmatch(pattern, value) is not None), (
        response.json
    )
