"""An individual an older build recorded in plain text (the small fixture store's inventor, on
SQLite and PostgreSQL) stays forgotten: a rebuild of the views and new events on the party read
the plain name again from its first event, yet the vault never seals it anew, so lists, search
and reports keep it erased; its snapshots (which held the plain name) are deleted and no new one
is taken; the log still verifies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from uuid import UUID

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.integration.cli_runs import run_cli
from tests.integration.old_stores import small_store_facts

PERSON = "Zhang Wei"  # the fixture's individual, and its signatory
PLAIN = [PERSON, "Zhang", "zhang wei"]
PARTIES = "/api/v1/parties"
REPORTS = ("pipeline", "awaiting-signatures", "deal-value", "trading-events")


class Store:
    """The store opened as a server opens it, with one token per role."""

    def __init__(self, settings: Settings) -> None:
        self.services = bootstrap(settings)
        app = create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, self.services)
        self.client: FlaskClient = app.test_client()
        self.secrets = {
            role: self.services.tokens.create(f"{role}-tester", role, created_by="pytest")[1]
            for role in (Role.STAFF, Role.ADMIN, Role.DASHBOARD)
        }

    def call(self, method: str, path: str, role: Role = Role.STAFF, **kw: object) -> TestResponse:
        headers = {"Authorization": f"Bearer {self.secrets[role]}", **kw.pop("headers", {})}  # type: ignore[dict-item]
        return self.client.open(path, method=method, headers=headers, **kw)  # type: ignore[arg-type]

    def snapshots(self, party: str) -> list[bytes]:
        snapshots = self.services.ledger.snapshots
        assert snapshots is not None
        return [bytes(s.state) for s in snapshots.recorder.select_events(UUID(party))]

    def join(self, party: str, *alliances: str) -> None:
        for alliance in alliances:
            joined = self.call("POST", f"{PARTIES}/{party}/alliances", json={"alliance": alliance})
            assert joined.status_code == 200, joined.json


@pytest.fixture
def settings(old_store: Settings) -> Settings:
    return replace(old_store, snapshot_interval=5)


@pytest.fixture
def person(settings: Settings) -> str:
    facts = small_store_facts("sqlite" if settings.postgres is None else "postgres")
    return str(facts["individual_id"])


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store(settings)
    yield opened
    opened.services.close()


def _shown(store: Store) -> bytes:
    """What the lists, searches and reports show."""
    paths = [
        f"{PARTIES}?kind=individual",
        f"{PARTIES}?sort=name",
        f"{PARTIES}?q=zhang",
        "/api/v1/agreements",
        *(f"/api/v1/reports/{name}" for name in REPORTS),
    ]
    answers = [store.call("GET", p, _role(p)) for p in paths]
    answers += [
        store.call("GET", f"/api/v1/reports/{n}", Role.DASHBOARD, headers={"Accept": "text/csv"})
        for n in REPORTS
    ]
    assert [a.status_code for a in answers] == [200] * len(answers)
    return b"\n".join(a.get_data() for a in answers)


def _role(path: str) -> Role:
    return Role.DASHBOARD if "reports" in path else Role.STAFF


def _forget(store: Store) -> None:
    body = {"name": PERSON, "reason": "GDPR art. 17 request"}
    erased = store.call("POST", "/api/v1/privacy/erasures", Role.ADMIN, json=body)
    assert erased.status_code == 201, erased.json


def test_a_person_recorded_in_clear_stays_erased_after_a_rebuild_and_new_events(
    settings: Settings, store: Store, person: str
) -> None:
    assert PERSON.encode() in _shown(store)  # the views sealed the plain name: found by search
    _forget(store)
    assert not any(p.encode() in _shown(store) for p in PLAIN)
    store.services.close()

    rebuilt = run_cli(settings, "projections", "rebuild", "catalogue")
    assert rebuilt.exit_code == 0, rebuilt.output
    again = Store(settings)
    try:
        again.join(person, "Inventors' Club")
        [row] = again.call("GET", f"{PARTIES}?kind=individual").json["items"]
        assert row["name"] == "[erased]"
        assert not any(p.encode() in _shown(again) for p in PLAIN)
        assert again.call("GET", f"{PARTIES}?q=erased").json["items"] == []
        renamed = again.call("PUT", f"{PARTIES}/{person}/name", json={"name": "Zhang Wu"})
        assert (renamed.status_code, renamed.json["code"]) == (409, "privacy.subject_forgotten")
    finally:
        again.services.close()
    verified = run_cli(settings, "audit", "verify")
    assert verified.exit_code == 0, verified.output


def test_forgetting_deletes_the_persons_snapshots_and_none_is_taken_again(
    settings: Settings, store: Store, person: str
) -> None:
    store.join(person, "A", "B", "C", "D")  # its fifth event: a snapshot, with the plain name
    [snapshot] = store.snapshots(person)
    assert PERSON.encode() in snapshot

    _forget(store)

    assert store.snapshots(person) == []
    store.join(person, "E", "F", "G", "H", "I")  # its tenth event: no snapshot now
    assert store.snapshots(person) == []
    party = store.call("GET", f"{PARTIES}/{person}").json  # rebuilt from its events
    assert (party["version"], len(party["alliances"])) == (10, 9)
    verified = run_cli(settings, "audit", "verify")
    assert verified.exit_code == 0, verified.output
