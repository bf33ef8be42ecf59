"""The results as a table for people and a JSON document for machines."""

from __future__ import annotations

import os
import platform
import sqlite3
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.harness import Mode, Result
from dealtrail.infrastructure.postgres_url import PostgresURL

PACKAGES = ("dealtrail", "eventsourcing", "flask", "gunicorn", "sqlalchemy", "psycopg")
COLUMNS = ("store", "what", "subject", "baseline", "ratio", "target", "met?")
SECOND_COLUMNS = ("2nd baseline", "ratio", "target", "met?")
MET = {True: "yes", False: "NO", None: "-"}


def machine(postgres_url: str | None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "processor": _cpu_model() or platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average_at_end": os.getloadavg(),
        "packages": {name: _version(name) for name in PACKAGES},
    }
    if postgres_url:
        with psycopg.connect(**PostgresURL.parse(postgres_url).connect_kwargs()) as conn:
            row = conn.execute("SHOW server_version").fetchone()
        info["postgres"] = row[0] if row else None
    return info


def document(
    mode: Mode, info: dict[str, Any], results: dict[str, list[Result]], started: datetime
) -> dict[str, Any]:
    return {
        "date": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": asdict(mode),
        "machine": info,
        "results": {store: [asdict(r) for r in rows] for store, rows in results.items()},
    }


def table(results: dict[str, list[Result]]) -> str:
    seconds = any(r.second for measured in results.values() for r in measured)
    columns = COLUMNS + SECOND_COLUMNS if seconds else COLUMNS
    rows = [columns]
    for store, measured in results.items():
        for r in measured:
            row = (
                store,
                r.what,
                _figure(r.subject, r.unit),
                _figure(r.baseline, r.unit) if r.baseline is not None else "-",
                f"{r.ratio:.2f}x" if r.ratio is not None else "-",
                r.target,
                MET[r.met],
            )
            rows.append(row + _second(r) if seconds else row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes: dict[str, None] = {}  # in order, each once
    for store, measured in results.items():
        for r in measured:
            if r.ratio_is:
                notes[f"{r.key}: ratio = {r.ratio_is}; baseline = {r.baseline_what}"] = None
            if r.second:
                notes[f"{r.key}: 2nd baseline = {r.second.baseline_what}"] = None
            if r.note:
                notes[f"{r.key} ({store}): {r.note}"] = None
    return "\n".join([*lines, "", *notes])


def _second(r: Result) -> tuple[str, ...]:
    if r.second is None:
        return ("-",) * len(SECOND_COLUMNS)
    s = r.second
    return (_figure(s.baseline, r.unit), f"{s.ratio:.2f}x", s.target, MET[s.met])


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return f"{text} {unit}"


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _cpu_model() -> str | None:
    cpuinfo = Path("/proc/cpuinfo")
    if not cpuinfo.exists():
        return None
    for line in cpuinfo.read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return None
