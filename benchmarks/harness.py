"""What every measurement shares: modes, a fresh store per measurement, interleaved timing and
the shape of a result.

Baseline and subject are always measured in the same run, on the same kind of store, one after
the other within each repetition (which goes first alternates), after a warm-up; a figure is the
median of the repetitions.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from dealtrail.infrastructure.postgres_url import PostgresURL
from dealtrail.infrastructure.settings import Settings

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
STORES = ("sqlite", "postgres")


@dataclass(frozen=True)
class Mode:
    name: str
    warmup: int
    repetitions: int
    commands: int  # commands per repetition, on each side
    http_requests: int  # requests per repetition, to each server
    http_seconds: float  # ... or for at most this long
    load_sizes: tuple[int, ...]  # events in the aggregates loaded
    loads: int  # loads per size in one repetition
    log_events: int  # the log that projections, queries, audit and memory run over
    queries: int  # view queries timed one by one


QUICK = Mode(
    "quick",
    warmup=1,
    repetitions=3,
    commands=40,
    http_requests=48,
    http_seconds=2.0,
    load_sizes=(10, 100, 1_000, 10_000),
    loads=5,
    log_events=600,
    queries=120,
)
FULL = Mode(
    "full",
    warmup=1,
    repetitions=3,
    commands=600,
    http_requests=1_500,
    http_seconds=60.0,
    load_sizes=(10, 100, 1_000, 10_000),
    loads=40,
    log_events=100_000,
    queries=2_000,
)


@dataclass
class Against:
    """A second baseline the same subject is set against, measured in the same run and
    interleaved with it: ratio = subject / baseline, higher is better."""

    baseline: float
    baseline_what: str
    ratio: float
    target: str
    met: bool
    samples: list[float]


@dataclass
class Result:
    """One row of the table. `ratio` is formed as `ratio_is` says; `met` compares it (or the
    subject, where there is no baseline) with the target."""

    key: str
    what: str
    unit: str
    subject: float
    baseline: float | None = None
    baseline_what: str = "-"
    ratio: float | None = None
    ratio_is: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    second: Against | None = None  # a second baseline, where there is one


def throughput(
    key: str,
    what: str,
    unit: str,
    samples: tuple[list[float], list[float]],
    baseline_what: str,
    at_least: float,
    note: str = "",
    **details: Any,
) -> Result:
    """A rate set against its baseline's rate: ratio = subject / baseline, higher is better."""
    baseline_samples, subject_samples = samples
    baseline, subject = statistics.median(baseline_samples), statistics.median(subject_samples)
    ratio = subject / baseline
    return Result(
        key,
        what,
        unit,
        subject,
        baseline,
        baseline_what,
        ratio,
        "subject / baseline (higher is better)",
        f">= {at_least}x",
        ratio >= at_least,
        note,
        details={
            "baseline_samples": baseline_samples,
            "subject_samples": subject_samples,
            **details,
        },
    )


def interleaved(
    baseline: Callable[[], float], subject: Callable[[], float], mode: Mode
) -> tuple[list[float], list[float]]:
    """Each callable measures once and returns a figure; returns every repetition's figures
    (baseline, subject), the warm-up left out."""
    for _ in range(mode.warmup):
        baseline()
        subject()
    baselines: list[float] = []
    subjects: list[float] = []
    for repetition in range(mode.repetitions):
        if repetition % 2 == 0:
            baselines.append(baseline())
            subjects.append(subject())
        else:
            subjects.append(subject())
            baselines.append(baseline())
    return baselines, subjects


def against(subject: float, samples: list[float], baseline_what: str, at_least: float) -> Against:
    """`subject` (a median rate) set against a second baseline's rates."""
    baseline = statistics.median(samples)
    ratio = subject / baseline
    return Against(baseline, baseline_what, ratio, f">= {at_least}x", ratio >= at_least, samples)


def rotated(measures: list[Callable[[], float]], mode: Mode) -> list[list[float]]:
    """As `interleaved`, for several callables: each repetition runs each once, starting with
    the next one in turn; returns every callable's figures, the warm-up left out."""
    for _ in range(mode.warmup):
        for measure in measures:
            measure()
    figures: list[list[float]] = [[] for _ in measures]
    for repetition in range(mode.repetitions):
        for i in range(len(measures)):
            k = (repetition + i) % len(measures)
            figures[k].append(measures[k]())
    return figures


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


class Bench:
    """One store kind for one run: hands each measurement a fresh, empty store of that kind, and
    removes them all at the end."""

    def __init__(self, store: str, mode: Mode, postgres_url: str) -> None:
        self.store = store
        self.mode = mode
        self.postgres_url = postgres_url
        self.root = Path(tempfile.mkdtemp(prefix=f"dealtrail-bench-{store}-"))
        self.schemas: list[str] = []
        self.shared: dict[str, Any] = {}  # built once, used by several measurements

    @property
    def connect_kwargs(self) -> dict[str, Any]:
        return PostgresURL.parse(self.postgres_url).connect_kwargs()

    def fresh(self, name: str) -> Settings:
        data_dir = self.root / name
        if self.store == "sqlite":
            return Settings(data_dir=data_dir)
        schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(**self.connect_kwargs, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        self.schemas.append(schema)
        return Settings(data_dir=data_dir, database_url=self.postgres_url, database_schema=schema)

    def close(self) -> None:
        for close in self.shared.pop("closers", []):
            close()
        if self.schemas:
            with psycopg.connect(**self.connect_kwargs, autocommit=True) as conn:
                for schema in self.schemas:
                    conn.execute(
                        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
                    )
        shutil.rmtree(self.root, ignore_errors=True)

    def on_close(self, close: Callable[[], object]) -> None:
        self.shared.setdefault("closers", []).append(close)


def environ(settings: Settings) -> dict[str, str]:
    """The environment of a dealtrail process (CLI, server, worker) on these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALTRAIL_")}
    env["DEALTRAIL_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["DEALTRAIL_DATABASE_URL"] = settings.database_url
        env["DEALTRAIL_DATABASE_SCHEMA"] = settings.database_schema
    return env
