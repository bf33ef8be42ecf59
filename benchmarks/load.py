"""Aggregate load time against the number of events, snapshots on (every 50 events, the default).

A party registered and then renamed until it has N events; the load is `Ledger.get`, as every
command and GET does. The ratio is the load time at the largest N over the time at 10 events.
Events are saved 500 to a transaction to build the aggregates quickly: snapshots are taken at the
same versions as one command per event would take them.
"""

from __future__ import annotations

import statistics
from time import perf_counter
from uuid import UUID

from benchmarks.harness import Bench, Result
from dealtrail.application.ledger import Ledger
from dealtrail.bootstrap import bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import Party, PartyKind

TARGET = 2.0
SAVE_EVERY = 500


def measure(bench: Bench) -> Result:
    mode = bench.mode
    services = bootstrap(bench.fresh("load"))
    try:
        ledger = services.ledger
        parties = {size: _party_with(ledger, size) for size in mode.load_sizes}

        def seconds_per_load(size: int) -> float:
            start = perf_counter()
            for _ in range(mode.loads):
                ledger.get(Party, parties[size])
            return (perf_counter() - start) / mode.loads

        samples: dict[int, list[float]] = {size: [] for size in mode.load_sizes}
        for repetition in range(-mode.warmup, mode.repetitions):
            sizes = list(mode.load_sizes)
            order = sizes if repetition % 2 == 0 else sizes[::-1]
            for size in order:
                took = seconds_per_load(size)
                if repetition >= 0:
                    samples[size].append(took)
    finally:
        services.close()
    ms = {size: statistics.median(s) * 1000 for size, s in samples.items()}
    smallest, largest = min(ms), max(ms)
    ratio = ms[largest] / ms[smallest]
    return Result(
        "load",
        f"aggregate load time at {largest:,} events (snapshots every 50)",
        "ms",
        ms[largest],
        ms[smallest],
        f"the same at {smallest} events",
        ratio,
        "subject / baseline (load time, lower is better)",
        f"<= {TARGET}x",
        ratio <= TARGET,
        "a party renamed N times: its state stays small as N grows",
        details={
            "milliseconds_by_events": {str(k): v for k, v in ms.items()},
            "ratio_to_smallest_by_events": {str(k): v / ms[smallest] for k, v in ms.items()},
            "samples_seconds": {str(k): v for k, v in samples.items()},
        },
    )


def _party_with(ledger: Ledger, events: int) -> UUID:
    with recording("staff:bench", comment="benchmark aggregate"):
        party = Party.register(f"Party of {events} events", PartyKind.COMPANY, "CN")
        while party.version < events:
            party.rename(f"Party of {events} events, name {party.version + 1}")
            if party.version % SAVE_EVERY == 0:
                ledger.save(party)
        ledger.save(party)
    return party.id
