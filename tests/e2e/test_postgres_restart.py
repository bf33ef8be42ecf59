"""PostgreSQL restarts under load: a real `dealtrail serve` keeps answering, cleanly.

While several clients register parties, the PostgreSQL server is restarted (fast mode: every
open connection is cut). Each answer must be a 201 or a 503 problem+json with Retry-After (never a
500 or a dropped connection); once the server is back, commands succeed again without restarting
dealtrail; every acknowledged party exists afterwards, and a refused one is recorded exactly once
when retried with its Idempotency-Key.

Restarting the server disturbs anything else using it, so this runs only when
DEALTRAIL_TEST_RESTART_POSTGRES=1 (CI sets it) and the server is the local cluster.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, Reply, assert_clean_unavailability, create_token, serving

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("DEALTRAIL_TEST_RESTART_POSTGRES") != "1",
        reason="restarts the PostgreSQL server: set DEALTRAIL_TEST_RESTART_POSTGRES=1",
    ),
]

CLIENTS = 4
ACKED_BEFORE_RESTART = 20
ACKED_AFTER_RESTART = 30
MAX_REQUESTS = 1_500  # all clients together: bounds the run whatever happens
WITHIN = 90.0  # seconds for each phase
BACK_OFF = 0.2  # seconds a client waits after a 503


@dataclass(frozen=True)
class Sent:
    index: int
    reply: Reply | None  # None: no HTTP answer at all (the error says why)
    error: str | None
    after_restart: bool


class Load:
    """CLIENTS threads registering parties with unique names and idempotency keys."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.sent: list[Sent] = []
        self.counter = itertools.count()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.restarted = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(CLIENTS)]

    def _run(self) -> None:
        while not self.stop.is_set():
            with self.lock:
                if len(self.sent) >= MAX_REQUESTS:
                    return
                index = next(self.counter)
            after = self.restarted.is_set()
            try:
                reply, error = register(self.client, index), None
            except Exception as exc:  # a dropped connection or a timeout: recorded, then failed
                reply, error = None, f"{type(exc).__name__}: {exc}"
            with self.lock:
                self.sent.append(Sent(index, reply, error, after))
            if reply is None or reply.status == 503:
                # A client backs off when refused (more briefly than Retry-After asks, to see
                # the recovery sooner); without it the outage would use up MAX_REQUESTS at once.
                self.stop.wait(BACK_OFF)

    def acked(self, after_restart: bool) -> int:
        with self.lock:
            return sum(
                1
                for s in self.sent
                if s.after_restart == after_restart and s.reply and s.reply.status == 201
            )

    def refused(self) -> int:
        with self.lock:
            return sum(1 for s in self.sent if s.reply is None or s.reply.status != 201)

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WITHIN
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting for {what}: {self.summary()}"
            assert any(t.is_alive() for t in self.threads), f"clients stopped: {self.summary()}"
            time.sleep(0.05)

    def summary(self) -> dict[str, int]:
        with self.lock:
            counts: dict[str, int] = {}
            for s in self.sent:
                key = s.reply.describe() if s.reply else f"no answer: {s.error}"
                counts[key] = counts.get(key, 0) + 1
            return counts


def name_of(index: int) -> str:
    return f"Restart Institute {index:05d}"


def register(client: Client, index: int) -> Reply:
    return client.call(
        "POST",
        "/parties",
        {"name": name_of(index), "kind": "research_institute", "country": "KZ"},
        headers={"Idempotency-Key": f"restart-{index}"},
    )


def pg_ctlcluster(action: str) -> None:
    (version,) = os.listdir("/etc/postgresql")
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        timeout=60,
        capture_output=True,
    )


def wait_for_postgres(url: str) -> None:
    deadline = time.monotonic() + WITHIN
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2):
                return
        except psycopg.OperationalError:
            assert time.monotonic() < deadline, "PostgreSQL did not come back"
            time.sleep(0.1)


def started_at(url: str) -> object:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT pg_postmaster_start_time()").fetchone()


def test_a_postgres_restart_under_load_gives_clean_503s_and_loses_nothing_acknowledged(
    postgres_url: str, postgres_schema: str, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", database_url=postgres_url, database_schema=postgres_schema
    )
    token = create_token(settings)
    with serving(settings, workers=2) as server:
        client = Client(server.base, token)
        load = Load(client)
        for thread in load.threads:
            thread.start()
        try:
            load.wait_until(lambda: load.acked(False) >= ACKED_BEFORE_RESTART, "first commands")
            before = started_at(postgres_url)
            # The restart, in two steps so that requests do meet the server down: stop (fast
            # shutdown: open connections are cut), wait until a request has been refused, start.
            pg_ctlcluster("stop")
            try:
                load.wait_until(lambda: load.refused() >= 1, "a request refused while down")
            finally:
                pg_ctlcluster("start")
                wait_for_postgres(postgres_url)
            load.restarted.set()
            assert started_at(postgres_url) != before, "the server did not restart"
            load.wait_until(
                lambda: load.acked(True) >= ACKED_AFTER_RESTART, "commands after the restart"
            )
        finally:
            load.stop.set()
            for thread in load.threads:
                thread.join(timeout=60)
        print(f"\nanswers under load: {load.summary()}")

        # Every answer: created, or a clean 503; never a 500, never a dropped connection.
        for sent in load.sent:
            assert sent.reply is not None, f"request {sent.index}: {sent.error}"
            if sent.reply.status != 201:
                assert_clean_unavailability(sent.reply)
        assert server.process.poll() is None, "dealtrail serve stopped"

        # Commands refused with 503 are retried with their key: each is then recorded once.
        ids = {s.index: s.reply.body["id"] for s in load.sent if s.reply and s.reply.status == 201}
        for sent in load.sent:
            if sent.index not in ids:
                retried = register(client, sent.index)
                assert retried.status == 201, retried
                ids[sent.index] = retried.body["id"]

        # Every acknowledged party is there, and listed once under its own name.
        for index, party_id in ids.items():
            got = client.call("GET", f"/parties/{party_id}")
            assert got.status == 200, got
            assert got.body["name"] == name_of(index)
        listed: dict[str, list[str]] = {}
        after = ""
        while after is not None:
            page = client.call("GET", f"/parties?limit=500{after and f'&after={after}'}")
            assert page.status == 200, page
            for party in page.body["items"]:
                listed.setdefault(party["name"], []).append(party["id"])
            after = page.body["next_after"]
        assert listed == {name_of(index): [party_id] for index, party_id in ids.items()}
    # Nothing unhandled, and no worker killed for taking too long (gunicorn's 30 s timeout).
    log = server.log_text()
    assert '"status": 500' not in log
    assert "unhandled error" not in log
    assert "WORKER TIMEOUT" not in log
