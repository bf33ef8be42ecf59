"""Slow clients cannot take the service down: with 50 connections that sent half a request line
and wait, /healthz and the API answer in under a second (p99), from `dealtrail serve` itself
and through the shipped nginx configuration; the errors nginx answers itself are problem+json.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dealtrail.infrastructure.settings import Settings
from tests.e2e.proxy import nginx
from tests.e2e.serving import Client, create_token, serving
from tests.e2e.slow_clients import (
    answer_to_endless_head,
    p99_of_probes,
    raw_answer,
    slow_clients,
    still_held,
)

SLOW = 50
WRITERS = 8
PROBE_TIMEOUT = 5.0  # a probe stuck behind the slow clients fails in this time, not the suite's


@dataclass(frozen=True)
class Served:
    origin: str  # http://127.0.0.1:PORT of `dealtrail serve`
    proxied: str  # the same through nginx
    token: str

    def client(self, origin: str, prefix: str = "/api/v1") -> Client:
        return Client(origin + prefix, self.token, timeout=PROBE_TIMEOUT)


@pytest.fixture
def served(settings: Settings, tmp_path: Path) -> Iterator[Served]:
    """A server on the store, with nginx in front of it."""
    token = create_token(settings, "staff", "Li Na")
    with serving(settings) as server:
        origin = server.base.removesuffix("/api/v1")
        with nginx(tmp_path / "nginx", urlsplit(origin).netloc) as proxied:
            yield Served(origin, proxied, token)


@pytest.mark.slow(15)
def test_fifty_slow_clients_leave_health_and_the_api_answering(served: Served) -> None:
    """Bare and through nginx, with the slow clients connected: /healthz and an authenticated
    list answer (p99 < 1 s), and concurrent writers, each served by a thread, are all recorded.
    Bare, a head that never ends is refused."""
    for through, origin in (("dealtrail", served.origin), ("nginx", served.proxied)):
        with slow_clients(origin, SLOW) as held:
            written = _register_concurrently(served.client(origin), through, WRITERS)
            health = p99_of_probes(served.client(origin, prefix=""), "/healthz")
            api = p99_of_probes(served.client(origin), "/parties?limit=5")
            assert still_held(held) == SLOW, through  # they waited all along
        assert written == [201] * WRITERS, through
        assert health < 1.0, (through, health)
        assert api < 1.0, (through, api)
        print(f"{through}: {SLOW} slow clients held; p99 /healthz {health:.3f} s, API {api:.3f} s")
    names = {p["name"] for p in served.client(served.origin).call("GET", "/parties").body["items"]}
    assert len(names) == 2 * WRITERS

    # A head that never ends is refused once it is past 64 KiB, not read for ever.
    head, _, body = answer_to_endless_head(served.origin, 70_000).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 431 "), head
    assert b"Content-Type: application/problem+json" in head
    assert json.loads(body)["code"] == "headers_too_large"

    # What gunicorn refuses itself is a problem too, bare and through nginx (which passes on
    # more headers than gunicorn's 100).
    many = b"Connection: close\r\n" + b"".join(b"X-H%d: x\r\n" % n for n in range(120))
    for origin, request, status in (
        (served.origin, b"GET /" + b"x" * 9_000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        (served.origin, b"NOT HTTP AT ALL\r\n\r\n", 400),
        (served.origin, b"GET /healthz HTTP/1.0\n\n", 400),  # bare LFs: refused, not awaited
        (served.proxied, b"GET /healthz HTTP/1.1\r\nHost: a\r\n" + many + b"\r\n", 431),
    ):
        head, _, body = raw_answer(origin, request).partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 %d " % status), (origin, head)
        assert b"Content-Type: application/problem+json" in head, (origin, head)
        problem = json.loads(body)
        assert problem["status"] == status and problem["detail"] and problem["type"], problem


def _register_concurrently(client: Client, through: str, writers: int) -> list[int]:
    with ThreadPoolExecutor(writers) as pool:
        replies = pool.map(
            lambda n: client.call(
                "POST",
                "/parties",
                {"name": f"University {through} {n}", "kind": "university", "country": "UZ"},
            ),
            range(writers),
        )
    return sorted(reply.status for reply in replies)


@pytest.fixture
def proxy_to_nowhere(tmp_path: Path) -> Iterator[Client]:
    """nginx in front of a port nothing listens on."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        down = f"127.0.0.1:{unused.getsockname()[1]}"
        with nginx(tmp_path / "nginx", down) as proxied:
            yield Client(proxied + "/api/v1", "any", timeout=PROBE_TIMEOUT)


def test_an_upstream_that_is_down_is_a_problem_through_nginx(proxy_to_nowhere: Client) -> None:
    reply = proxy_to_nowhere.call("GET", "/parties")
    assert (reply.status, reply.is_problem) == (502, True), reply
    assert reply.body["code"] == "upstream_unavailable"
    assert reply.body["type"] and reply.body["title"] and reply.body["detail"]


def test_a_huge_request_line_is_refused_by_nginx_as_a_problem(proxy_to_nowhere: Client) -> None:
    reply = proxy_to_nowhere.call("GET", "/parties?q=" + "x" * 10_000)
    assert (reply.status, reply.is_problem) == (414, True), reply
    assert reply.body["status"] == 414 and reply.body["title"] and reply.body["detail"]


def test_huge_headers_are_refused_by_nginx_as_a_problem(proxy_to_nowhere: Client) -> None:
    reply = proxy_to_nowhere.call("GET", "/parties", headers={"X-Padding": "x" * 10_000})
    assert (reply.status, reply.is_problem) == (431, True), reply
    assert reply.body["status"] == 431 and reply.body["detail"]


@pytest.mark.parametrize(
    "request_bytes, status",
    [
        (b"TRACE / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 405),
        (b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n", 501),
        (b"GET / HTTP/2.0\r\nHost: a\r\nConnection: close\r\n\r\n", 505),
    ],
    ids=["method", "transfer-coding", "http-version"],
)
def test_what_else_nginx_refuses_itself_is_a_problem(
    proxy_to_nowhere: Client, request_bytes: bytes, status: int
) -> None:
    origin = proxy_to_nowhere.base.removesuffix("/api/v1")
    head, _, body = raw_answer(origin, request_bytes).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 %d " % status), head
    assert b"Content-Type: application/problem+json" in head, head
    assert json.loads(body)["status"] == status
