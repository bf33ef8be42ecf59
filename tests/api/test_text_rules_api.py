"""The text rules over HTTP: a one-line field holds one line, and required text must show.

Invisible text (characters that show nothing: Hangul fillers, the blank Braille cell, joiners,
variation selectors) is `text.blank`; a tab or line break in a name, title or code is
`text.control_character`. Summaries, descriptions, reasons and comments keep their lines.
Each refusal names its field and records nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from werkzeug.test import TestResponse

from dealtrail.bootstrap import Services
from tests.api.conftest import Api, draft_agreement, register_party
from tests.api.ip_steps import ASSETS
from tests.api.listing_steps import Listing
from tests.api.supermarket_steps import EVENTS

PARTIES = "/api/v1/parties"
AGREEMENTS = "/api/v1/agreements"

INVISIBLE = {
    "hangul filler": "\u3164",
    "braille pattern blank": "\u2800",
    "hangul choseong and jungseong fillers": "\u115f\u1160",
    "combining grapheme joiner": "\u034f",
    "variation selector-16": "\ufe0f",
    "all of them, spaced": " \u3164 \u2800\u115f\u1160\u034f\ufe0f ",
}

LINE_BREAKS_AND_TABS = {
    "line feed": "Xi'an\nJiaotong",
    "tab": "Xi'an\tJiaotong",
    "carriage return": "Xi'an\rJiaotong",
    "crlf": "Xi'an\r\nJiaotong",
    "next line": "Xi'an\u0085Jiaotong",
    "line separator": "Xi'an\u2028Jiaotong",
    "paragraph separator": "Xi'an\u2029Jiaotong",
    "vertical tab": "Xi'an\x0bJiaotong",
}


Send = Callable[[str], TestResponse]


def party_name(api: Api) -> Send:
    return lambda text: api.post(
        PARTIES, json={"name": text, "kind": "university", "country": "CN"}
    )


def agreement_title(api: Api) -> Send:
    parties = [register_party(api), register_party(api, "Academy", "KZ")]
    return lambda text: api.post(
        AGREEMENTS,
        json={
            "kind": "cooperation",
            "terms": {"title": text},
            "parties": [{"party_id": p, "role": "cooperation_partner"} for p in parties],
        },
    )


def _open_agreement(api: Api) -> tuple[str, str]:
    a, b = register_party(api), register_party(api, "Academy", "KZ")
    agreement_id = draft_agreement(api, [a, b])["id"]
    assert api.post(f"{AGREEMENTS}/{agreement_id}/opening").status_code == 200
    return agreement_id, a


def _signature(api: Api, field: str) -> Send:
    agreement_id, party_id = _open_agreement(api)
    body = {
        "party_id": party_id,
        "signatory_name": "Zhang Wei",
        "signatory_title": "President",
        "signed_on": "2026-11-20",
    }
    url = f"{AGREEMENTS}/{agreement_id}/signatures"
    return lambda text: api.post(url, json={**body, field: text})


def signatory_name(api: Api) -> Send:
    return _signature(api, "signatory_name")


def signatory_title(api: Api) -> Send:
    return _signature(api, "signatory_title")


def milestone_title(api: Api) -> Send:
    a, b = register_party(api), register_party(api, "Academy", "KZ")
    url = f"{AGREEMENTS}/{draft_agreement(api, [a, b])['id']}/milestones"
    return lambda text: api.post(
        url, json={"title": text, "due_on": "2027-06-30", "owner_party_id": a}
    )


def event_name(api: Api) -> Send:
    body = {
        "host_party_id": register_party(api),
        "city": "Xi'an",
        "country": "CN",
        "starts_on": "2026-11-20",
        "ends_on": "2026-11-21",
    }
    return lambda text: api.post(EVENTS, json={**body, "name": text})


def asset_title(api: Api) -> Send:
    body = {"holder_party_id": register_party(api), "kind": "know_how", "jurisdiction": "CN"}
    return lambda text: api.post(ASSETS, json={**body, "title": text})


def listing_code(api: Api) -> Send:
    listing = Listing(api)
    listing.approved()
    body = {"listed_on": "2026-03-02", "holders": listing.holders()}
    return lambda text: listing.post("listing", {**body, "listing_code": text})


def identifier(api: Api) -> Send:
    body = {"name": "Qinchuan Robotics", "kind": "company", "country": "CN"}
    return lambda text: api.post(PARTIES, json={**body, "identifiers": {"uscc": text}})


def token_name(api: Api) -> Send:
    return lambda text: api.post("/api/v1/tokens", json={"name": text, "role": "staff"})


def erasure_reason(api: Api) -> Send:
    return lambda text: api.post(
        "/api/v1/privacy/erasures", json={"name": "Zhang Wei", "reason": text}
    )


def rejection_reason(api: Api) -> Send:
    listing = Listing(api)
    assert listing.post("review").status_code == 200
    return lambda text: listing.post("rejection", {"reason": text})


Field = tuple[Callable[[Api], Send], str]

ONE_LINE: dict[str, Field] = {
    "party name": (party_name, "name"),
    "agreement title": (agreement_title, "terms.title"),
    "signatory name": (signatory_name, "signatory_name"),
    "signatory title": (signatory_title, "signatory_title"),
    "milestone title": (milestone_title, "title"),
    "trading event name": (event_name, "name"),
    "IP asset title": (asset_title, "title"),
    "party identifier": (identifier, "identifiers.uscc.value"),
    "listing code": (listing_code, "listing_code"),
    "token name": (token_name, "name"),
}
REQUIRED = {k: v for k, v in ONE_LINE.items() if k != "listing code"}  # a code has its own rule
REASONS: dict[str, Field] = {
    "erasure reason": (erasure_reason, "reason"),
    "listing rejection reason": (rejection_reason, "reason"),
}
ADMINS_ONLY = {token_name, erasure_reason}


def refused_at(response: TestResponse, code: str, field: str) -> None:
    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    assert response.json["code"] == code, response.json
    assert [e["field"] for e in response.json["errors"]] == [field]


def head(services: Services) -> int:
    return services.ledger.recorder.max_notification_id() or 0


def each_refused(
    services: Services, api: Api, field: Field, texts: dict[str, str], code: str
) -> dict[str, object]:
    """Sends each text to the field's command: the ones not refused with `code` at the field,
    with nothing recorded (no event, no token), and what came back instead."""
    setup, name = field
    send = setup(api)
    wrong: dict[str, object] = {}
    for label, text in texts.items():
        before, tokens = head(services), len(services.tokens.list())
        response = send(text)
        fields = [e["field"] for e in response.json.get("errors", [])]
        if (response.status_code, response.json.get("code"), fields) != (422, code, [name]):
            wrong[label] = (response.status_code, response.json)
        elif (head(services), len(services.tokens.list())) != (before, tokens):
            wrong[label] = "refused, yet recorded"
        else:
            assert response.mimetype == "application/problem+json"
    return wrong


def client(field: Field, staff: Api, admin: Api) -> Api:
    return admin if field[0] in ADMINS_ONLY else staff


@pytest.mark.parametrize("field", REQUIRED.values(), ids=REQUIRED.keys())
def test_required_one_line_text_of_invisible_characters_only_is_blank(
    services: Services, staff: Api, admin: Api, field: Field
) -> None:
    api = client(field, staff, admin)
    assert each_refused(services, api, field, INVISIBLE, "text.blank") == {}


@pytest.mark.parametrize("field", ONE_LINE.values(), ids=ONE_LINE.keys())
def test_a_tab_or_line_break_in_a_one_line_field_is_a_control_character(
    services: Services, staff: Api, admin: Api, field: Field
) -> None:
    api = client(field, staff, admin)
    code = "text.control_character"
    assert each_refused(services, api, field, LINE_BREAKS_AND_TABS, code) == {}


@pytest.mark.parametrize("field", REASONS.values(), ids=REASONS.keys())
def test_a_reason_of_invisible_characters_and_line_breaks_only_is_blank(
    services: Services, staff: Api, admin: Api, field: Field
) -> None:
    texts = {**INVISIBLE, "blank lines": "\u3164\n\u115f\u1160\t\ufe0f\r\n\u2800"}
    assert each_refused(services, client(field, staff, admin), field, texts, "text.blank") == {}


def test_a_name_that_shows_something_keeps_its_invisible_characters(staff: Api) -> None:
    send = party_name(staff)
    for name in ("\u3164Lab\u3164", "\u2800\u2801", "Lab \ufe0f", "\u0600\u0661"):
        response = send(name)
        assert response.status_code == 201, (name, response.json)
        assert response.json["name"] == name


MULTI_LINE = "First line\n\tindented second\r\nthird\u2028fourth\u2029fifth"


def test_summaries_deliverables_reasons_and_comments_keep_their_lines_and_tabs(
    staff: Api, auditor: Api
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    agreement = draft_agreement(staff, [a, b], summary=MULTI_LINE)
    assert agreement["terms"]["summary"] == MULTI_LINE
    url = f"{AGREEMENTS}/{agreement['id']}"
    milestone = {"title": "Pilot", "due_on": "2027-06-30", "owner_party_id": a}
    added = staff.post(f"{url}/milestones", json={**milestone, "deliverable": MULTI_LINE})
    assert added.status_code == 200, added.json
    assert added.json["milestones"][0]["deliverable"] == MULTI_LINE
    opened = staff.post(f"{url}/opening", json={"comment": MULTI_LINE})
    assert opened.status_code == 200, opened.json
    listing = Listing(staff)
    assert listing.post("review").status_code == 200
    rejected = listing.post("rejection", {"reason": MULTI_LINE})
    assert rejected.status_code == 200, rejected.json
    assert rejected.json["status_reason"] == MULTI_LINE.strip()

    history = auditor.get(f"{url}/history").json["items"]
    assert history[-1]["metadata"]["comment"] == MULTI_LINE


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f", "\u0085", "\u009b"])
def test_multi_line_text_still_refuses_other_control_characters(
    services: Services, staff: Api, control: str
) -> None:
    a, b = register_party(staff), register_party(staff, "Academy", "KZ")
    before = head(services)
    body = {
        "kind": "cooperation",
        "terms": {"title": "Cooperation", "summary": f"Joint{control}lab"},
        "parties": [{"party_id": p, "role": "cooperation_partner"} for p in (a, b)],
    }
    refused_at(staff.post(AGREEMENTS, json=body), "text.control_character", "terms.summary")
    assert head(services) == before


def test_a_request_breaking_a_text_rule_and_another_rule_is_a_plain_validation_failure(
    staff: Api,
) -> None:
    response = staff.post(PARTIES, json={"name": "\u3164", "kind": "university", "country": "C"})

    assert (response.status_code, response.json["code"]) == (422, "validation_failed")
    assert {e["field"] for e in response.json["errors"]} == {"name", "country"}
