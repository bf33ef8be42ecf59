"""A real `dealtrail serve` (gunicorn) for end-to-end tests, and a small HTTP client for it.

The client never raises for an HTTP status: every answer comes back as a `Reply`, so a test can
assert on all of them (status, content type, headers and body) after a run under load.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dealtrail.infrastructure.settings import Settings

DEALTRAIL = str(Path(sys.executable).parent / "dealtrail")
PROBLEM = "application/problem+json"
START_WITHIN = 60.0


def dealtrail_env(settings: Settings) -> dict[str, str]:
    env = {**os.environ, "DEALTRAIL_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["DEALTRAIL_DATABASE_URL"] = settings.database_url
        env["DEALTRAIL_DATABASE_SCHEMA"] = settings.database_schema
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    headers: dict[str, str]
    body: Any = field(repr=False)

    @property
    def is_problem(self) -> bool:
        return self.content_type.split(";")[0].strip() == PROBLEM

    def describe(self) -> str:
        code = self.body.get("code") if isinstance(self.body, dict) else None
        return f"{self.status} {self.content_type} {code or ''}".strip()


class Client:
    def __init__(self, base: str, token: str, timeout: float = 30.0) -> None:
        self.base = base
        self.token = token
        self.timeout = timeout

    def call(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> Reply:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _reply(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return _reply(error.code, error.headers, error.read())


def _reply(status: int, headers: Any, raw: bytes) -> Reply:
    content_type = headers.get("Content-Type", "")
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        body = raw.decode("utf-8", "replace")
    return Reply(status, content_type, dict(headers.items()), body)


def run_dealtrail(settings: Settings, *args: str, timeout: float = 60.0) -> str:
    """Runs a `dealtrail` command on the store `settings` name; returns what it printed."""
    return subprocess.run(
        [DEALTRAIL, *args],
        env=dealtrail_env(settings),
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    ).stdout.strip()


def create_token(settings: Settings, role: str = "staff", name: str = "Li Na") -> str:
    return run_dealtrail(settings, "tokens", "create", "--role", role, "--name", name)


@dataclass(frozen=True)
class Server:
    base: str  # the /api/v1 URL
    process: subprocess.Popen[bytes]
    log: Path  # the server's stderr: one JSON line per request, and any tracebacks

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def serving(settings: Settings, workers: int = 2, dev: bool = False) -> Iterator[Server]:
    """Runs `dealtrail serve` (with `dev`: `serve --dev`) on a free port until the block ends.
    Waits (polling, with a deadline) until /healthz answers. Its stderr goes to a file next to
    the data dir (a pipe nobody reads would fill up and stall the server under load)."""
    port = free_port()
    server = ["--dev"] if dev else ["--workers", str(workers)]
    log = settings.data_dir.parent / f"serve-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [DEALTRAIL, "serve", "--port", str(port), *server],
            env=dealtrail_env(settings),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    with running(process, base + "/healthz", log.read_text, "dealtrail serve"):
        yield Server(base + "/api/v1", process, log)


@contextmanager
def running(
    process: subprocess.Popen[bytes], probe: str, log: Callable[[], str], name: str
) -> Iterator[None]:
    """Waits (polling, with a deadline) until `probe` answers, any HTTP status counting, then
    until the block ends; stops `process` either way (terminate, then kill)."""
    try:
        deadline = time.monotonic() + START_WITHIN
        while True:
            try:
                with urllib.request.urlopen(probe, timeout=1):
                    break
            except urllib.error.HTTPError:
                break  # it answered
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start ({error}): {log()}") from None
                time.sleep(0.05)
        yield
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def assert_clean_unavailability(reply: Reply) -> None:
    """A 503 that says the store is unavailable, as problem+json, with Retry-After."""
    assert reply.status == 503, reply
    assert reply.is_problem, reply
    assert reply.body["code"] == "store_unavailable", reply.body
    assert int(reply.headers["Retry-After"]) > 0, reply.headers
