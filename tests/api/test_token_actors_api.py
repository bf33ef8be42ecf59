"""A token is its own caller: its actor names it (role, token id, name) and its idempotency keys
are its own, even when another token was issued to the same name."""

from __future__ import annotations

from flask import Flask

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services

from .conftest import Api

PARTIES = "/api/v1/parties"
PARTY = {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"}


def _issued(app: Flask, services: Services, name: str) -> tuple[str, Api]:
    info, secret = services.tokens.create(name, Role.STAFF, created_by="pytest")
    return info.token_id, Api(app.test_client(), secret)


def test_two_tokens_issued_to_one_name_each_record_the_same_keyed_command(
    app: Flask, services: Services, auditor: Api
) -> None:
    first_id, first = _issued(app, services, "Li Na")
    second_id, second = _issued(app, services, "Li Na")
    key = {"Idempotency-Key": "conference-day-1"}

    mine = first.post(PARTIES, json=PARTY, headers=key)
    theirs = second.post(PARTIES, json=PARTY, headers=key)

    assert (mine.status_code, theirs.status_code) == (201, 201), theirs.json
    assert "Idempotent-Replayed" not in theirs.headers
    assert theirs.json["id"] != mine.json["id"]
    actors = [
        auditor.get(f"{PARTIES}/{p.json['id']}/history").json["items"][0]["metadata"]["actor"]
        for p in (mine, theirs)
    ]
    assert actors == [f"staff:token:{first_id}:Li Na", f"staff:token:{second_id}:Li Na"]
    again = second.post(PARTIES, json=PARTY, headers=key)  # each token still replays its own
    assert (again.headers["Idempotent-Replayed"], again.json["id"]) == ("true", theirs.json["id"])


def test_the_log_filters_by_one_tokens_actor(
    app: Flask, services: Services, auditor: Api
) -> None:
    first_id, first = _issued(app, services, "Li Na")
    _, second = _issued(app, services, "Li Na")
    first.post(PARTIES, json=PARTY)
    second.post(PARTIES, json={**PARTY, "name": "Lanzhou University"})

    actor = f"staff:token:{first_id}:Li Na"
    items = auditor.get(f"/api/v1/events?actor={actor}").json["items"]

    assert [(i["metadata"]["actor"], i["type"]) for i in items] == [(actor, "Registered")]
