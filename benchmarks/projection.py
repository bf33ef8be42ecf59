"""Projection catch-up: events per second through every view, against raw iteration over
the same notification log.

Subject: `ReadModels.rebuild()` (empty every view, then catch up from position 0: batches of the
log; each aggregate touched is brought to its latest version in the batch, carried from the
previous batch or loaded, and the batch's rows are written together).
Baseline: `select_notifications` over the same log in the follower's batch size, nothing else.
Second baseline: the library's own projection path over the same log, one row per event with its
tracking (benchmarks/library_projection.py).
Also measured, to show how far any projection that reads the events' fields can get: the same
iteration decoding every event into its domain event with the library's mapper (the subjects'
keys read once a batch, as the catch-up reads them) and nothing else. It is reported in the note
and the JSON (`decoded`). The four are run in turn, each repetition starting with the next.
"""

from __future__ import annotations

import statistics
from dataclasses import replace
from time import perf_counter

from benchmarks import library_projection
from benchmarks.dataset import shared_log
from benchmarks.harness import Bench, Mode, Result, against, rotated, throughput
from dealtrail.application.vault import keys_held
from dealtrail.infrastructure.follower import BATCH

TARGET = 0.3
LIBRARY_TARGET = 1.0
SELF_WARMING = 10_000  # events: a rebuild this long needs no warm-up run


def _mode(mode: Mode, events: int) -> Mode:
    return replace(mode, warmup=0) if events >= SELF_WARMING else mode


def measure(bench: Bench) -> Result:
    log = shared_log(bench)
    read_models = log.services.read_models
    recorder = log.services.ledger.recorder

    def subject() -> float:
        start = perf_counter()
        position = read_models.rebuild()
        took = perf_counter() - start
        if position < log.events:
            raise RuntimeError(f"the views caught up to {position}, not {log.events}")
        return log.events / took

    def baseline() -> float:
        start = perf_counter()
        position, seen = 0, 0
        while batch := recorder.select_notifications(
            start=position, limit=BATCH, inclusive_of_start=False
        ):
            seen += len(batch)
            position = batch[-1].id
        return seen / (perf_counter() - start)

    def decoded() -> float:
        ledger = log.services.ledger
        start = perf_counter()
        position, seen = 0, 0
        while batch := recorder.select_notifications(
            start=position, limit=BATCH, inclusive_of_start=False
        ):
            with keys_held(ledger.vault, ledger.mapper, (n.state for n in batch)):
                for notification in batch:
                    ledger.mapper.to_domain_event(notification)
            seen += len(batch)
            position = batch[-1].id
        return seen / (perf_counter() - start)

    library, close = library_projection.baseline(log.services.ledger, bench.root)
    try:
        raw, by_library, decoding, subjects = rotated(
            [baseline, library, decoded, subject], _mode(bench.mode, log.events)
        )
    finally:
        close()
    result = throughput(
        "projection",
        f"projection catch-up, all views, {log.events:,} events",
        "events/s",
        (raw, subjects),
        "raw iteration over the notification log",
        TARGET,
        events=log.events,
        batch=BATCH,
        decoded=decoding,
    )
    floor = statistics.median(decoding)
    result.note = (
        f"decoding alone (read + the library's mapper, nothing written): {floor:,.0f} events/s,"
        f" {floor / result.baseline:.2f}x raw; the catch-up runs at"
        f" {result.subject / floor:.2f}x that"
    )
    result.second = against(
        result.subject,
        by_library,
        "the library's projection path: one row per event and its tracking, one transaction"
        " each (ProjectionRunner on PostgreSQL, polling select_notifications on SQLite)",
        LIBRARY_TARGET,
    )
    return result
