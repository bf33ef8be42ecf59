"""Several gunicorn workers on the embedded SQLite store (and on PostgreSQL), under concurrent load.

`dealtrail serve --workers 4` on the default store, whose writers all share one file lock (and the
same on PostgreSQL). 8 clients at once register parties, rename a few shared parties (the same
aggregates, so commands race) and list parties (each list catches the catalogue up inline: the
workers race to write the views too). Whatever the interleaving:

- no answer is a 500 (no "database is locked" escaping); at worst a 503 with Retry-After;
- a rename either wins (200) or loses the race with a 409 concurrent_update: no lost update, every
  accepted rename is in the party's history once, at the version it was acknowledged with, and
  the party ends in the state of the last accepted one;
- every acknowledged registration exists, and the catalogue lists every party exactly once in its
  latest state (no projection skipped or repeated an event).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, Reply, assert_clean_unavailability, create_token, serving

WORKERS = 4
CLIENTS = 8
ROUNDS = 30  # per client: 240 requests in all
SHARED = 3  # parties every client renames


@dataclass(frozen=True)
class Outcome:
    client: int
    round: int
    action: str  # register | rename | list
    target: str  # the registered name, or the renamed party's id
    name: str  # the name sent
    reply: Reply


def name_of(client: int, index: int) -> str:
    return f"Worker Test Company {client}-{index}"


def run_client(client: Client, number: int, shared: list[str], out: list[Outcome]) -> None:
    """One client's rounds: register, rename a shared party, register, list; in turn."""
    for index in range(ROUNDS):
        action = ("register", "rename", "register", "list")[index % 4]
        if action == "register":
            name = name_of(number, index)
            reply = client.call(
                "POST",
                "/parties",
                {"name": name, "kind": "company", "country": "KZ"},
                headers={"Idempotency-Key": f"{number}-{index}"},
            )
            out.append(Outcome(number, index, action, name, name, reply))
        elif action == "rename":
            party_id = shared[(number + index) % SHARED]
            name = f"Shared Lab renamed by {number} in round {index}"
            reply = client.call("PUT", f"/parties/{party_id}/name", {"name": name})
            out.append(Outcome(number, index, action, party_id, name, reply))
        else:
            reply = client.call("GET", "/parties?limit=20&kind=company")
            out.append(Outcome(number, index, action, "", "", reply))


def list_all(client: Client) -> list[dict]:
    parties: list[dict] = []
    after = ""
    while after is not None:
        page = client.call("GET", f"/parties?limit=500{after and f'&after={after}'}")
        assert page.status == 200, page
        parties += page.body["items"]
        after = page.body["next_after"]
    return parties


@pytest.mark.slow(20)
def test_four_workers_answer_eight_clients_without_errors_or_lost_writes(
    settings: Settings,
) -> None:
    token = create_token(settings)
    with serving(settings, workers=WORKERS) as server:
        client = Client(server.base, token)
        shared = []
        for i in range(SHARED):
            created = client.call(
                "POST", "/parties", {"name": f"Shared Lab {i}", "kind": "academy", "country": "CN"}
            )
            assert created.status == 201, created
            shared.append(created.body["id"])

        results: list[list[Outcome]] = [[] for _ in range(CLIENTS)]
        threads = [
            threading.Thread(
                target=run_client, args=(Client(server.base, token), n, shared, results[n])
            )
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not any(t.is_alive() for t in threads), "clients did not finish"
        outcomes = [o for per_client in results for o in per_client]
        assert len(outcomes) == CLIENTS * ROUNDS
        print("\n", Counter((o.action, o.reply.describe()) for o in outcomes))

        # No 500s: a win, a lost race (409) or, at worst, a clean 503.
        expected = {"register": {201}, "rename": {200, 409}, "list": {200}}
        for o in outcomes:
            if o.reply.status == 503:
                assert_clean_unavailability(o.reply)
            else:
                assert o.reply.status in expected[o.action], o
            if o.reply.status == 409:
                assert o.reply.is_problem and o.reply.body["code"] == "concurrent_update", o

        # Registrations refused with a 503 are retried with their key, as a client would.
        registered = {}
        for o in outcomes:
            if o.action == "register":
                reply = o.reply
                if reply.status == 503:
                    reply = client.call(
                        "POST",
                        "/parties",
                        {"name": o.name, "kind": "company", "country": "KZ"},
                        headers={"Idempotency-Key": f"{o.client}-{o.round}"},
                    )
                    assert reply.status == 201, reply
                registered[o.name] = reply.body["id"]

        # Every accepted rename is in the history once, at its acknowledged version.
        final_names = {}
        for party_id in shared:
            accepted = {
                int(o.reply.headers["ETag"].strip('"')): o.name
                for o in outcomes
                if o.action == "rename" and o.target == party_id and o.reply.status == 200
            }
            history = client.call("GET", f"/parties/{party_id}/history?limit=500")
            assert history.status == 200, history
            events = history.body["items"]
            assert [e["version"] for e in events] == list(range(1, len(events) + 1))
            renamed = {e["version"]: e["data"]["name"] for e in events if e["type"] == "Renamed"}
            assert renamed == accepted
            party = client.call("GET", f"/parties/{party_id}")
            final = accepted[max(accepted)] if accepted else party.body["name"]
            assert (party.body["version"], party.body["name"]) == (len(events), final)
            final_names[party_id] = final

        # The catalogue lists every party once, in its latest state.
        listed = list_all(client)
        assert Counter(p["id"] for p in listed) == Counter([*registered.values(), *shared]), (
            "a party is missing from the catalogue or listed twice"
        )
        by_id = {p["id"]: p for p in listed}
        assert {i: by_id[i]["name"] for i in shared} == final_names
        assert {by_id[i]["name"]: i for i in registered.values()} == registered
        ready = Client(server.base.removesuffix("/api/v1"), token).call("GET", "/readyz")
        assert ready.status == 200 and set(ready.body["lag"].values()) == {0}, ready
    log = server.log_text()
    assert '"status": 500' not in log
    assert "unhandled error" not in log
    assert "WORKER TIMEOUT" not in log
