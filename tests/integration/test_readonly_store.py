"""The embedded SQLite store when it cannot be written: read-only, or the disk full.

A command then gets a 503 problem+json with Retry-After and records nothing (no event, no
idempotency key); reads still answer (lists from the views as they stand, since they cannot catch
up); once the store is writable again the same command succeeds, the log verifies against its
Merkle tree and SQLite finds no corruption.

How the two conditions are made, since the tests run as root (for whom chmod stops nothing) and a
file system cannot be remounted read-only while the store has its files open for writing:

- read-only: the data dir and its databases are made immutable (tests/unwritable_files.py; chmod
  when not root): the kernel refuses each write, through the connections already open too, and
  SQLite opens the connections it re-opens meanwhile read-only.
- disk full: the data dir is a 16 MiB tmpfs of its own, filled up with a file: the kernel's own
  ENOSPC, which SQLite reports as SQLITE_FULL. (The write-ahead logs are checkpointed and
  truncated first, so the next write needs new space rather than reusing old log pages.) It needs
  root to mount, and is skipped without.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.unwritable_files import check_can_make_unwritable, unwritable

DATABASES = ("events.sqlite3", "dealtrail.sqlite3")


class Store:
    """dealtrail on SQLite in `data_dir`, with a staff client."""

    def __init__(self, data_dir: Path) -> None:
        self.settings = Settings(data_dir=data_dir)
        self.services = bootstrap(self.settings)
        app = create_app({"DEALTRAIL_SETTINGS": self.settings, "TESTING": True}, self.services)
        _, token = self.services.tokens.create("staff-tester", Role.STAFF, created_by="pytest")
        self.client: FlaskClient = app.test_client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def register(self, name: str, key: str) -> tuple[int, dict, dict]:
        response = self.client.post(
            "/api/v1/parties",
            json={"name": name, "kind": "company", "country": "KZ"},
            headers={**self.headers, "Idempotency-Key": key},
        )
        return response.status_code, response.get_json(), dict(response.headers)

    def get(self, path: str) -> tuple[int, dict]:
        response = self.client.get(path, headers=self.headers)
        return response.status_code, response.get_json()

    def head(self) -> int:
        return self.services.ledger.recorder.max_notification_id() or 0


@contextmanager
def full_disk(data_dir: Path) -> Iterator[None]:
    """The file system under `data_dir` has no space left, until the block ends."""
    for name in DATABASES:
        with sqlite3.connect(data_dir / name) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = data_dir.parent / "filler"
    with suppress(OSError), open(filler, "wb") as out:
        while True:
            out.write(bytes(1 << 16))
            out.flush()
    try:
        yield
    finally:
        filler.unlink()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "data")
    yield opened
    opened.services.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Store]:
    disk = tmp_path / "disk"
    disk.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        why = getattr(error, "stderr", b"").decode().strip() or str(error)
        pytest.skip(f"cannot mount a small file system (needs root): {why}")
    try:
        opened = Store(disk / "data")
        yield opened
        opened.services.close()
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def check_refused_and_recovered(store: Store, unwritable: Iterator[None]) -> None:
    status, created, _ = store.register("Before the outage LLP", "before")
    assert status == 201
    assert store.get("/api/v1/parties")[0] == 200  # the views are caught up
    status, behind, _ = store.register("Not yet listed LLP", "behind")  # the views are not
    assert status == 201
    head = store.head()

    with unwritable:
        status, problem, headers = store.register("During the outage LLP", "during")
        assert status == 503, problem
        assert headers["Content-Type"] == "application/problem+json"
        assert problem["code"] == "store_unavailable"
        assert int(headers["Retry-After"]) > 0
        assert store.head() == head  # nothing recorded

        # Reads still answer.
        status, party = store.get(f"/api/v1/parties/{created['id']}")
        assert (status, party["name"]) == (200, "Before the outage LLP")
        assert store.get(f"/api/v1/parties/{behind['id']}/history")[0] == 200
        # Lists answer from the views as they stand (they cannot catch up now) ...
        status, page = store.get("/api/v1/parties")
        assert (status, [p["id"] for p in page["items"]]) == (200, [created["id"]])
        # ... unless the caller needs them to reflect a position: then it is told to retry.
        response = store.client.get(
            "/api/v1/parties",
            headers={**store.headers, "Dealtrail-Min-Position": str(behind["position"])},
        )
        assert response.status_code == 503, response.get_json()
        assert response.get_json()["code"] == "store_unavailable"

    # Writable again: the refused command is new (its key was not recorded with it), and runs,
    # at the latest when retried once (a connection opened read-only meanwhile refuses it, and
    # is re-opened with every other its pool holds).
    status, later, headers = store.register("During the outage LLP", "during")
    if status == 503:
        status, later, headers = store.register("During the outage LLP", "during")
    assert status == 201, later
    assert "Idempotent-Replayed" not in headers
    assert store.head() == head + 1
    status, page = store.get("/api/v1/parties")
    assert sorted(p["name"] for p in page["items"]) == [
        "Before the outage LLP",
        "During the outage LLP",
        "Not yet listed LLP",
    ]

    trail = store.services.audit
    trail.catch_up()
    trail.sign_head()
    report = trail.verify()
    assert report.ok and report.events == head + 1, report
    for name in DATABASES:
        with sqlite3.connect(store.settings.data_dir / name) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_read_only_store_refuses_commands_with_503_and_still_answers_reads(
    store: Store,
) -> None:
    check_can_make_unwritable(store.settings.data_dir)
    check_refused_and_recovered(store, unwritable(store.settings.data_dir))


def test_a_full_disk_refuses_commands_with_503_and_loses_nothing(small_disk: Store) -> None:
    check_refused_and_recovered(small_disk, full_disk(small_disk.settings.data_dir))
