"""Aggregate load time against the number of events, snapshots on (DEALTRAIL_SNAPSHOT_INTERVAL,
the default unless the environment sets it).

A party registered and then renamed until it has N events; the load is `Ledger.get`, as every
command and GET does. The sizes include the worst case: the largest size plus interval - 1, the
most events a load replays after its snapshot. The ratio is the slowest load over the load at 10
events.
Events are saved 500 to a transaction to build the aggregates quickly: snapshots are taken at the
same versions as one command per event would take them.
"""

from __future__ import annotations

import dataclasses
import os
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
    settings = bench.fresh("load")
    interval = int(os.environ.get("DEALTRAIL_SNAPSHOT_INTERVAL") or settings.snapshot_interval)
    settings = dataclasses.replace(settings, snapshot_interval=interval)
    sizes = (*mode.load_sizes, max(mode.load_sizes) + interval - 1)
    services = bootstrap(settings)
    try:
        ledger = services.ledger
        parties = {size: _party_with(ledger, size) for size in sizes}

        def seconds_per_load(size: int) -> float:
            start = perf_counter()
            for _ in range(mode.loads):
                ledger.get(Party, parties[size])
            return (perf_counter() - start) / mode.loads

        samples: dict[int, list[float]] = {size: [] for size in sizes}
        for repetition in range(-mode.warmup, mode.repetitions):
            order = sizes if repetition % 2 == 0 else sizes[::-1]
            for size in order:
                took = seconds_per_load(size)
                if repetition >= 0:
                    samples[size].append(took)
    finally:
        services.close()
    ms = {size: statistics.median(s) * 1000 for size, s in samples.items()}
    smallest = min(ms)
    worst = max(ms, key=lambda size: ms[size])
    ratio = ms[worst] / ms[smallest]
    return Result(
        "load",
        f"aggregate load time, slowest of {', '.join(f'{n:,}' for n in sizes[1:])} events "
        f"({worst:,}; snapshots every {interval})",
        "ms",
        ms[worst],
        ms[smallest],
        f"the same at {smallest} events",
        ratio,
        "subject / baseline (load time, lower is better)",
        f"<= {TARGET}x",
        ratio <= TARGET,
        f"a party renamed N times: its state stays small as N grows; {sizes[-1]:,} events is "
        f"{interval - 1} after a snapshot",
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
