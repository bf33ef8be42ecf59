"""`dealtrail serve` on SQLite recovers by itself once its data dir can be written again.

While the databases cannot be written (tests/unwritable_files.py), a command gets a clean 503 and
/readyz is 503 (the views cannot catch up); every worker meets the outage. Once they can be
written again, within a few seconds and without restarting a worker, commands run and /readyz
is 200 on every worker, and nothing refused was recorded.

Each refusal makes the worker re-open its connections (dealtrail/infrastructure/
sqlite_reopening.py), so the workers hold connections opened while the files could not be
written, read-only for good: this is the path the issue met (there, connections opened during
the outage; as root with immutable files, a server without the fix would recover here, since its
older connections can write again: tests/integration/test_unwritable_store_recovery.py opens
them during the outage itself).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

from dealtrail.infrastructure.settings import Settings
from tests.e2e.serving import Client, assert_clean_unavailability, create_token, serving
from tests.unwritable_files import check_can_make_unwritable, unwritable

WORKERS = 2
RECOVERS_WITHIN = 10.0
STEADY = 8  # answers in a row, so that each worker has answered


def _party(name: str) -> dict[str, str]:
    return {"name": name, "kind": "company", "country": "KZ"}


def _ready(root: str) -> int:
    try:
        with urllib.request.urlopen(root + "/readyz", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


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
            for attempt in range(STEADY):
                refused = client.call(
                    "POST", "/parties", _party("During LLP"), {"Idempotency-Key": "during"}
                )
                assert_clean_unavailability(refused)
                assert _ready(root) == 503, attempt
        writable = time.monotonic()

        deadline = writable + RECOVERS_WITHIN
        while True:
            reply = client.call(
                "POST", "/parties", _party("During LLP"), {"Idempotency-Key": "during"}
            )
            if reply.status == 201 and _ready(root) == 200:
                break
            assert time.monotonic() < deadline, f"not recovered: {reply.describe()}"
        recovered = time.monotonic() - writable
        for _ in range(STEADY):
            assert _ready(root) == 200
            assert client.call("GET", "/parties").status == 200
        parties = client.call("GET", "/parties?limit=10").body["items"]
        assert sorted(p["name"] for p in parties) == [
            "Before LLP",
            "During LLP",
            "Not yet listed LLP",
        ]
        print(f"recovered {recovered:.2f} s after the files were writable again")
