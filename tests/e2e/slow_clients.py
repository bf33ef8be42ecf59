"""Slow clients, and the latency of the requests answered while they are connected."""

from __future__ import annotations

import math
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from urllib.parse import urlsplit

from tests.e2e.serving import Client

PARTIAL_LINE = b"GET /api/v1/parties?q=sl"  # half a request line, and then nothing
# ... or a whole request with the next one's half line behind it (kept alive, pipelined)
PIPELINED = b"GET /healthz HTTP/1.1\r\nHost: slow\r\n\r\n" + PARTIAL_LINE


@contextmanager
def slow_clients(base: str, count: int) -> Iterator[list[socket.socket]]:
    """`count` connections to the server at `base`, each having sent half a request line:
    half of them after a whole request."""
    address = urlsplit(base)
    with ExitStack() as stack:
        held = []
        for n in range(count):
            conn = stack.enter_context(
                socket.create_connection((address.hostname, address.port), timeout=5)
            )
            conn.sendall(PIPELINED if n % 2 else PARTIAL_LINE)
            held.append(conn)
        yield held


def p99_of_probes(client: Client, path: str, probes: int = 20) -> float:
    """Sends `probes` GETs one after the other; each must answer 200 (within the client's
    timeout). Returns the 99th percentile (nearest rank) of their durations."""
    took = []
    for _ in range(probes):
        started = time.monotonic()
        reply = client.call("GET", path)
        took.append(time.monotonic() - started)
        assert reply.status == 200, reply
    took.sort()
    return took[math.ceil(0.99 * len(took)) - 1]


def still_held(conns: list[socket.socket]) -> int:
    """How many of the slow connections the server has not closed (nothing was read or sent
    on them, so a readable one was closed by the server)."""
    open_ = 0
    for conn in conns:
        conn.setblocking(False)
        try:
            open_ += conn.recv(1, socket.MSG_PEEK) != b""
        except BlockingIOError:
            open_ += 1
        except OSError:
            pass
    return open_


def answer_to_endless_head(base: str, size: int) -> bytes:
    """What the server at `base` answers a request whose head runs on for `size` bytes."""
    address = urlsplit(base)
    with socket.create_connection((address.hostname, address.port), timeout=5) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nX-Padding: " + b"x" * size)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        return answer


def raw_answer(base: str, request: bytes) -> bytes:
    """What the server at `base` answers `request`, sent as it is (whatever it holds)."""
    address = urlsplit(base)
    with socket.create_connection((address.hostname, address.port), timeout=5) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        return answer
