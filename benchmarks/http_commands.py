"""HTTP commands per second under gunicorn, against a bare Flask route doing the raw save.

Subject: `dealtrail serve --workers 2` (a staff token from `dealtrail tokens create`), POST
/api/v1/parties with an Idempotency-Key. Baseline: benchmarks/bare_app.py under gunicorn with
the same workers and keep-alive setting, POST /parties doing the raw eventsourcing save. Both
run at once on the same store and are driven in turn by the same client.
"""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from benchmarks.harness import Bench, Result, environ, interleaved, throughput
from benchmarks.http_load import CONCURRENCY, HOST, Run, drive, wait_until_up
from benchmarks.raw import RawApplication, raw_env

TARGET = 0.7
WORKERS = 2
KEEPALIVE = 5  # seconds, as `dealtrail serve` sets it
REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def measure(bench: Bench) -> Result:
    settings = bench.fresh("http")
    env = environ(settings)
    token = subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [str(BIN / "dealtrail"), "tokens", "create", "--role", "staff", "--name", "bench"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    RawApplication(env=raw_env(settings)).close()  # its tables, before two workers start
    ports = {"subject": _free_port(), "baseline": _free_port()}
    dealtrail = [str(BIN / "dealtrail"), "serve", "--port", str(ports["subject"])]
    bare = [
        *(
            str(BIN / "gunicorn"),
            "--chdir",
            str(REPOSITORY),
            "--bind",
            f"{HOST}:{ports['baseline']}",
        ),
        *("--keep-alive", str(KEEPALIVE)),
        "benchmarks.bare_app:create_app()",
    ]
    keys = itertools.count()  # idempotency keys, unique across repetitions
    runs: dict[str, list[Run]] = {"subject": [], "baseline": []}

    def requester(side: str, path: str, headers: dict[str, str]) -> Callable[[], float]:
        def run() -> float:
            done = drive(
                ports[side],
                path,
                lambda: headers | {"Idempotency-Key": f"http-{next(keys)}"},  # sent to both
                _party,
                bench.mode.http_requests,
                bench.mode.http_seconds,
            )
            runs[side].append(done)
            return done.rate

        return run

    json_type = {"Content-Type": "application/json"}
    subject = requester(
        "subject", "/api/v1/parties", json_type | {"Authorization": f"Bearer {token}"}
    )
    baseline = requester("baseline", "/parties", json_type)
    logs = settings.data_dir / "dealtrail-serve.log", settings.data_dir / "bare-flask.log"
    with ExitStack() as servers:
        started = [
            servers.enter_context(_serving([*command, "--workers", str(WORKERS)], env, log))
            for command, log in zip((dealtrail, bare), logs, strict=True)
        ]
        for port, process, log in zip(ports.values(), started, logs, strict=True):
            wait_until_up(port, process, log)
        samples = interleaved(baseline, subject, bench.mode)
    return throughput(
        "http",
        f"HTTP commands/s, gunicorn {WORKERS} workers, {CONCURRENCY} keep-alive clients",
        "requests/s",
        samples,
        "bare Flask route doing the raw save, same gunicorn settings",
        TARGET,
        "gunicorn's sync workers close each connection after its response, on both sides",
        requests_per_repetition=bench.mode.http_requests,
        seconds_cap_per_repetition=bench.mode.http_seconds,
        connections_per_request={
            side: sum(r.connections for r in done) / sum(r.done for r in done)
            for side, done in runs.items()
        },
    )


def _party(n: int) -> dict[str, str]:
    return {"name": f"University {n}", "kind": "university", "country": "CN"}


@contextmanager
def _serving(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """The server's logs go to a file: a pipe nobody reads would block it."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the servers this module names
            command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=REPOSITORY
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]
