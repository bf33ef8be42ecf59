"""SQLite recovers by itself once its files can be written again: a connection opened while they
could not be is read-only for good (every write SQLITE_READONLY), so such connections are
re-opened after that error, in each pool: the events' and every SQLAlchemy engine's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.unwritable_files import check_can_make_unwritable, unwritable

RECOVERS_WITHIN = 5.0


class Served:
    def __init__(self, data_dir: Path) -> None:
        settings = Settings(data_dir=data_dir)
        self.services = bootstrap(settings)
        app = create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, self.services)
        _, token = self.services.tokens.create("staff-tester", Role.STAFF, created_by="pytest")
        self.client: FlaskClient = app.test_client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def register(self, name: str) -> int:
        return self.client.post(
            "/api/v1/parties",
            json={"name": name, "kind": "company", "country": "KZ"},
            headers={**self.headers, "Idempotency-Key": name},
        ).status_code

    def ready(self) -> int:
        return self.client.get("/readyz").status_code


def open_every_connection_anew(services: Services) -> None:
    """Every pooled connection is replaced by one opened now, as a pool that grew or a worker
    that started meanwhile would hold."""
    services.read_models.engine.dispose()
    services.audit.events_engine.dispose()
    pool = services.ledger.recorder.datastore.pool
    for _ in range(2):  # the idle ones closed (not pooled again), then as many opened
        lent = [pool.get_connection() for _ in range(pool.pool_size)]
        for conn in lent:
            conn.close()
            pool.put_connection(conn)
    lent = [pool.get_connection() for _ in range(pool.pool_size)]
    for conn in lent:
        pool.put_connection(conn)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    opened = Served(tmp_path / "data")
    check_can_make_unwritable(opened.services.settings.data_dir)
    yield opened
    opened.services.close()


def test_connections_opened_while_the_files_were_read_only_are_reopened_once_writable(
    served: Served,
) -> None:
    assert served.register("Before LLP") == 201
    assert served.register("Not yet listed LLP") == 201  # the views have it to catch up

    with unwritable(served.services.settings.data_dir):
        open_every_connection_anew(served.services)
        assert served.register("During LLP") == 503
        assert served.ready() == 503  # the views cannot catch up

    deadline = time.monotonic() + RECOVERS_WITHIN
    answers = [served.register("During LLP")]
    while answers[-1] != 201 and time.monotonic() < deadline:
        answers.append(served.register("During LLP"))
    assert answers[-1] == 201, answers
    assert len(answers) <= 2, answers  # the read-only connections refused once, then replaced
    assert served.ready() == 200
    names = {
        p["name"]
        for p in served.client.get("/api/v1/parties", headers=served.headers).json["items"]
    }
    assert names == {"Before LLP", "Not yet listed LLP", "During LLP"}


def test_a_bad_token_is_refused_401_while_the_store_cannot_count_it(served: Served) -> None:
    """Counting a failed authentication writes to the store; when it cannot be written the
    refusal is still what the caller did wrong (401), not an outage (503)."""
    with unwritable(served.services.settings.data_dir):
        open_every_connection_anew(served.services)
        refused = served.client.get(
            "/api/v1/parties", headers={"Authorization": "Bearer not-a-token"}
        )
    assert refused.status_code == 401, refused.json
