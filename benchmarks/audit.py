"""`audit verify` throughput: events per second recomputing and checking every leaf, against
hashing the raw stored bytes alone.

Subject: what `dealtrail audit verify` runs, `AuditTrail.verify()`: every event's canonical bytes
and leaf hash compared with the leaf stored with it, the Merkle roots and signatures of every
signed head. Baseline: the same pages of the log read with
`select_notifications`, and the SHA-256 of each stored state.
"""

from __future__ import annotations

import hashlib
from time import perf_counter

from benchmarks.dataset import shared_log
from benchmarks.harness import Bench, Result, interleaved, throughput
from dealtrail.infrastructure.audit_trail import PAGE

TARGET = 0.5


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    trail = log.services.audit
    recorder = log.services.ledger.recorder
    trail.sign_head()  # a signed head, as after `dealtrail audit sign`

    def subject() -> float:
        start = perf_counter()
        report = trail.verify()
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
