"""`audit verify` throughput: events per second recomputing and checking every leaf, against
hashing the raw stored bytes alone.

Subject: what `dealtrail audit verify` runs, `verify_log` over `AuditTrail.events()` and
`leaves()` with the latest signed head (canonical bytes, leaf hashes, comparison with the stored
leaves, the Merkle root, the signature). Baseline: the same pages of the log read with
`select_notifications`, and the SHA-256 of each stored state.
"""

from __future__ import annotations

import hashlib
from time import perf_counter

from benchmarks.dataset import shared_log
from benchmarks.harness import Bench, Result, interleaved, throughput
from dealtrail.domain.audit.verification import verify_log
from dealtrail.infrastructure.audit_trail import PAGE

TARGET = 0.5


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    trail = log.services.audit
    recorder = log.services.ledger.recorder
    trail.sign_head()  # the leaves and a signed head, as after `dealtrail audit sign`
    public_key = trail.key.public_key()

    def subject() -> float:
        start = perf_counter()
        report = verify_log(trail.events(), trail.leaves(), trail.latest_head(), public_key)
        took = perf_counter() - start
        if not report.ok or report.events != log.events:
            raise RuntimeError(f"verification failed: {report}")
        return report.events / took

    def baseline() -> float:
        start = perf_counter()
        position: int | None = None
        seen = 0
        while True:
            batch = recorder.select_notifications(
                start=position, limit=PAGE, inclusive_of_start=False
            )
            for notification in batch:
                hashlib.sha256(notification.state).digest()
            seen += len(batch)
            if len(batch) < PAGE:
                return seen / (perf_counter() - start)
            position = batch[-1].id

    return throughput(
        "audit",
        f"audit verify, {log.events:,} events",
        "events/s",
        interleaved(baseline, subject, bench.mode),
        "reading the log and hashing each raw stored state",
        TARGET,
        events=log.events,
    )
