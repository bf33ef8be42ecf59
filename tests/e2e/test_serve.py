"""The README walkthrough against a real `dealtrail serve` (gunicorn), via the console script."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from dealtrail.infrastructure.settings import Settings

DEALTRAIL = str(Path(sys.executable).parent / "dealtrail")


def _env(settings: Settings) -> dict[str, str]:
    env = {**os.environ, "DEALTRAIL_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["DEALTRAIL_DATABASE_URL"] = settings.database_url
        env["DEALTRAIL_DATABASE_SCHEMA"] = settings.database_schema
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.token = token

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)


@pytest.fixture
def server(settings: Settings) -> Iterator[Client]:
    env = _env(settings)
    token = subprocess.run(
        [DEALTRAIL, "tokens", "create", "--role", "staff", "--name", "Li Na"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    port = _free_port()
    process = subprocess.Popen(
        [DEALTRAIL, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"dealtrail serve did not start: {process.stderr.read()}")
                time.sleep(0.1)
        yield Client(base + "/api/v1", token)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_new_user_reaches_an_effective_agreement_with_its_full_history(server: Client) -> None:
    status, uni = server.call(
        "POST",
        "/parties",
        {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"},
    )
    assert status == 201
    _, academy = server.call(
        "POST",
        "/parties",
        {"name": "National Academy of Sciences", "kind": "academy", "country": "KZ"},
    )
    status, agreement = server.call(
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
    )
    assert status == 201
    path = f"/agreements/{agreement['id']}"
    assert server.call("POST", f"{path}/opening")[0] == 200
    for party, name in ((uni, "Wang Shuguo"), (academy, "Aida Nur")):
        status, agreement = server.call(
            "POST",
            f"{path}/signatures",
            {
                "party_id": party["id"],
                "signatory_name": name,
                "signatory_title": "President",
                "signed_on": "2026-11-20",
            },
        )
        assert status == 200, agreement
    assert agreement["status"] == "effective"

    status, history = server.call("GET", f"{path}/history")
    assert status == 200
    assert [e["type"] for e in history["items"]] == [
        "Drafted",
        "OpenedForSignature",
        "Signed",
        "Signed",
        "BecameEffective",
    ]
    assert {e["metadata"]["actor"] for e in history["items"]} == {"staff:Li Na"}
    status, listed = server.call("GET", "/agreements?status=effective")
    assert [a["id"] for a in listed["items"]] == [agreement["id"]]


def test_the_longest_list_query_reaches_the_api(server: Client) -> None:
    """The longest name filter and the cursor after it, in CJK characters beyond the BMP and
    percent-encoded, make a request line past gunicorn's default 4 KiB: the API answers it."""
    name = "𠀋" * 300  # 300 characters, 3,600 bytes percent-encoded
    for _ in range(3):
        server.call("POST", "/parties", {"name": name, "kind": "university", "country": "CN"})
    status, page = server.call("GET", f"/parties?q={quote(name)}&sort=name&limit=1")
    assert status == 200, page
    query = f"/parties?q={quote(name)}&sort=name&limit=1&after={page['next_after']}"
    assert len(query) > 5000

    status, rest = server.call("GET", query)
    assert status == 200, rest
    assert [p["name"] for p in rest["items"]] == [name]

    status, problem = server.call("GET", query + "x")
    assert status == 422
    assert [e["field"] for e in problem["errors"]] == ["after"]
