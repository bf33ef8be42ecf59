"""The README walkthrough against a real `dealtrail serve` (gunicorn), via the console script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, create_token, serving


@pytest.fixture
def server(settings: Settings) -> Iterator[Client]:
    token = create_token(settings, "staff", "Li Na")
    with serving(settings, workers=2) as running:
        yield Client(running.base, token)


def _ok(server: Client, method: str, path: str, body: Any = None, status: int = 200) -> Any:
    reply = server.call(method, path, body)
    assert reply.status == status, reply.body
    return reply.body


def test_a_new_user_reaches_an_effective_agreement_with_its_full_history(server: Client) -> None:
    uni = _ok(
        server,
        "POST",
        "/parties",
        {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"},
        201,
    )
    academy = _ok(
        server,
        "POST",
        "/parties",
        {"name": "National Academy of Sciences", "kind": "academy", "country": "KZ"},
        201,
    )
    agreement = _ok(
        server,
        "POST",
        "/agreements",
        {
            "kind": "cooperation",
            "terms": {
                "title": "International cooperation agreement",
                "value": {"amount": "250000.00", "currency": "CNY"},
            },
            "parties": [
                {"party_id": uni["id"], "role": "cooperation_partner"},
                {"party_id": academy["id"], "role": "cooperation_partner"},
            ],
        },
        201,
    )
    path = f"/agreements/{agreement['id']}"
    _ok(server, "POST", f"{path}/opening")
    for party, name in ((uni, "Wang Shuguo"), (academy, "Aida Nur")):
        agreement = _ok(
            server,
            "POST",
            f"{path}/signatures",
            {
                "party_id": party["id"],
                "signatory_name": name,
                "signatory_title": "President",
                "signed_on": "2026-11-20",
            },
        )
    assert agreement["status"] == "effective"

    history = _ok(server, "GET", f"{path}/history")
    assert [e["type"] for e in history["items"]] == [
        "Drafted",
        "OpenedForSignature",
        "Signed",
        "Signed",
        "BecameEffective",
    ]
    token_id = server.token.split("_")[1]  # dt_<token id>_<secret>
    assert {e["metadata"]["actor"] for e in history["items"]} == {f"staff:token:{token_id}:Li Na"}
    listed = _ok(server, "GET", "/agreements?status=effective")
    assert [a["id"] for a in listed["items"]] == [agreement["id"]]


def test_the_longest_list_query_reaches_the_api(server: Client) -> None:
    """The longest name filter and the cursor after it, in CJK characters beyond the BMP and
    percent-encoded, make a request line past gunicorn's default 4 KiB: the API answers it."""
    name = "𠀋" * 300  # 300 characters, 3,600 bytes percent-encoded
    for _ in range(3):
        server.call("POST", "/parties", {"name": name, "kind": "university", "country": "CN"})
    page = _ok(server, "GET", f"/parties?q={quote(name)}&sort=name&limit=1")
    query = f"/parties?q={quote(name)}&sort=name&limit=1&after={page['next_after']}"
    assert len(query) > 5000

    rest = _ok(server, "GET", query)
    assert [p["name"] for p in rest["items"]] == [name]

    problem = server.call("GET", query + "x")
    assert (problem.status, problem.is_problem) == (422, True)
    assert [e["field"] for e in problem.body["errors"]] == ["after"]
