"""A keep-alive HTTP client driving one server from several threads, 127.0.0.1 only, bounded in
requests and in time."""

from __future__ import annotations

import http.client
import itertools
import json
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

HOST = "127.0.0.1"
CONCURRENCY = 8
RETRIED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


@dataclass
class Run:
    done: int = 0
    seconds: float = 0.0
    connections: int = 0  # connections opened: fewer than requests if the server kept them
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.done / self.seconds


def drive(
    port: int,
    path: str,
    headers: Callable[[], dict[str, str]],
    body: Callable[[int], dict[str, Any]],
    requests: int,
    seconds: float,
) -> Run:
    """POSTs up to `requests` JSON bodies over CONCURRENCY connections, stopping early after
    `seconds`; every response must be 201."""
    numbers = itertools.count()
    lock = threading.Lock()
    run = Run()
    deadline = perf_counter() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        try:
            while True:
                with lock:
                    n = next(numbers)
                if n >= requests or perf_counter() > deadline:
                    return
                status = _post(conn, path, json.dumps(body(n)), headers(), run, lock)
                with lock:
                    if status == 201:
                        run.done += 1
                    else:
                        run.failures.append(str(status))
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    start = perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = perf_counter() - start
    if run.failures or run.done == 0:
        raise RuntimeError(f"requests to port {port} failed: {sorted(set(run.failures))}")
    return run


def _post(
    conn: http.client.HTTPConnection,
    path: str,
    payload: str,
    headers: dict[str, str],
    run: Run,
    lock: threading.Lock,
) -> int:
    for attempt in range(2):  # a kept-alive connection the server has just closed: reopen once
        if conn.sock is None:
            with lock:
                run.connections += 1
        try:
            conn.request("POST", path, body=payload, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status
        except RETRIED:
            conn.close()
            if attempt:
                raise
    raise AssertionError("unreachable")


def wait_until_up(
    port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                tail = log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"server on port {port} did not start: {tail}") from None
            time.sleep(0.1)
