"""Peak memory of a projection worker: `dealtrail projections rebuild catalogue` replaying the
whole shared log into every catalogue view, in a process of its own; for scale, the same command
line's `projections status` (services built, no catch-up)."""

from __future__ import annotations

import re
import subprocess
import sys

from benchmarks.dataset import shared_log
from benchmarks.harness import Bench, Result, environ
from benchmarks.http_commands import BIN, REPOSITORY

TARGET_MIB = 200.0


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    env = environ(log.services.settings)
    idle, _ = _peak_mib(env, "status")
    worker, output = _peak_mib(env, "rebuild", "catalogue")
    reached = re.search(r"up to position (\d+)", output)
    if reached is None or int(reached.group(1)) < log.events:
        raise RuntimeError(f"the worker did not catch up to {log.events}: {output}")
    return Result(
        "memory",
        f"peak memory of a projection worker, {log.events:,} events",
        "MiB",
        worker,
        idle,
        "`dealtrail projections status` (services built only)",
        target=f"< {TARGET_MIB:.0f} MiB",
        met=worker < TARGET_MIB,
        note="ru_maxrss of `dealtrail projections rebuild catalogue`; the baseline is for scale",
        details={"events": log.events, "idle_mib": idle, "worker_mib": worker},
    )


def _peak_mib(env: dict[str, str], *arguments: str) -> tuple[float, str]:
    """(peak RSS in MiB, what the command printed)."""
    command = [str(BIN / "dealtrail"), "projections", *arguments]
    output = subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [sys.executable, "-m", "benchmarks.rss_of", *command],
        env=env,
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    *printed, rss = output.strip().splitlines()
    return int(rss) / 1024, "\n".join(printed)
