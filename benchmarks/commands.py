"""Commands per second through the application layer, against raw eventsourcing saving the same
events.

Subject: `Parties.register` then `Parties.rename` through `bootstrap`, each command in its
own `recording(...)` block with an idempotency key: metadata on every event, the idempotency
record in the same transaction, the audit receipt (leaf hash) and the inline policies.
Baseline: a plain eventsourcing Application creating an equivalent aggregate, then loading it,
renaming it and saving it again.
"""

from __future__ import annotations

import itertools
from time import perf_counter

from benchmarks.harness import Bench, Result, interleaved, throughput
from benchmarks.raw import RawApplication, raw_env
from dealtrail.application.commands.parties import RegisterParty, RenameParty
from dealtrail.application.ledger import Options
from dealtrail.bootstrap import bootstrap
from dealtrail.domain.metadata import recording

TARGET = 0.8


def measure(bench: Bench) -> Result:
    settings = bench.fresh("commands")
    services = bootstrap(settings)
    raw = RawApplication(env=raw_env(settings))
    pairs = max(1, bench.mode.commands // 2)
    numbers = itertools.count()

    def subject() -> float:
        start = perf_counter()
        for _ in range(pairs):
            n = next(numbers)
            with recording("staff:bench"):
                register = RegisterParty(name=f"University {n}", kind="university", country="CN")
                result = services.ledger.handle(register, Options(idempotency_key=f"r{n}"))
            with recording("staff:bench"):
                rename = RenameParty(party_id=result.aggregate_id, name=f"Renamed {n}")
                services.ledger.handle(rename, Options(idempotency_key=f"n{n}"))
        return 2 * pairs / (perf_counter() - start)

    def baseline() -> float:
        start = perf_counter()
        for _ in range(pairs):
            n = next(numbers)
            party_id = raw.register(f"University {n}")
            raw.rename(party_id, f"Renamed {n}")
        return 2 * pairs / (perf_counter() - start)

    try:
        samples = interleaved(baseline, subject, bench.mode)
    finally:
        raw.close()
        services.close()
    return throughput(
        "commands",
        "commands/s through the application layer",
        "commands/s",
        samples,
        "raw eventsourcing Application, same events",
        TARGET,
        commands_per_repetition=2 * pairs,
    )
