"""`dealtrail serve` on SQLite recovers by itself once its data dir can be written again.

While the databases cannot be written (tests/unwritable_files.py), a command gets a clean 503 and
/readyz is 503 (the views cannot catch up). Meanwhile every worker is killed, as gunicorn's
timeout kills a stuck one: the workers it starts instead open their connections while the files
cannot be written, read-only for good (what the issue met: 503 until the next restart; and
before, a worker could not even start: the schema lock file was opened for writing, and gunicorn
stopped). Once the files can be written again, within seconds and with no further restart,
commands run and /readyz is 200, and nothing refused was recorded.
"""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import (
    START_WITHIN,
    Client,
    Server,
    assert_clean_unavailability,
    create_token,
    serving,
)
from tests.unwritable_files import check_can_make_unwritable, unwritable

WORKERS = 2
RECOVERS_WITHIN = 10.0
STEADY = 8  # answers in a row, so that each worker has answered


def _party(name: str) -> dict[str, str]:
    return {"name": name, "kind": "company", "country": "KZ"}


def _ready(root: str) -> int:
    """/readyz's status; 0 when nothing answers."""
    try:
        with urllib.request.urlopen(root + "/readyz", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _workers(server: Server) -> set[int]:
    pid = server.process.pid
    return {int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _restart_workers(server: Server, root: str) -> set[int]:
    """Kills every worker; returns the new ones once they are serving."""
    killed = _workers(server)
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + START_WITHIN
    while True:
        started = _workers(server) - killed
        if len(started) == WORKERS and server.process.poll() is None:
            break
        assert server.process.poll() is None, server.log_text()[-2000:]
        assert time.monotonic() < deadline, server.log_text()[-2000:]
        time.sleep(0.1)
    while _ready(root) == 0:  # not answering yet
        assert time.monotonic() < deadline
        time.sleep(0.1)
    return started


@pytest.mark.slow(15)
def test_a_store_made_read_only_then_writable_serves_again_within_seconds(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    token = create_token(settings)
    check_can_make_unwritable(settings.data_dir)
    with serving(settings, workers=WORKERS) as server:
        client = Client(server.base, token)
        root = server.base.removesuffix("/api/v1")
        assert client.call("POST", "/parties", _party("Before LLP")).status == 201
        behind = client.call("POST", "/parties", _party("Not yet listed LLP"))
        assert behind.status == 201  # no read yet: the views have it to catch up

        with unwritable(settings.data_dir):
            workers = _restart_workers(server, root)
            for attempt in range(STEADY):
                refused = client.call(
                    "POST", "/parties", _party("During LLP"), {"Idempotency-Key": "during"}
                )
                assert_clean_unavailability(refused)
                assert _ready(root) == 503, attempt
        writable = time.monotonic()

        deadline = writable + RECOVERS_WITHIN
        refused = 0
        while True:
            reply = client.call(
                "POST", "/parties", _party("During LLP"), {"Idempotency-Key": "during"}
            )
            if reply.status == 201 and _ready(root) == 200:
                break
            refused += 1
            assert time.monotonic() < deadline, f"not recovered: {reply.describe()}"
        recovered = time.monotonic() - writable
        for _ in range(STEADY):
            assert _ready(root) == 200
            assert client.call("GET", "/parties").status == 200
        assert _workers(server) == workers  # none restarted to recover
        parties = client.call("GET", "/parties?limit=10").body["items"]
        assert sorted(p["name"] for p in parties) == [
            "Before LLP",
            "During LLP",
            "Not yet listed LLP",
        ]
        print(f"recovered {recovered:.2f} s after the files were writable, {refused} refused")
