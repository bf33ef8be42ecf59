"""python -m benchmarks [--quick|--full] [--store sqlite|postgres|both] [--json PATH]"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter

import psycopg

from benchmarks import (
    audit,
    commands,
    http_commands,
    load,
    memory,
    projection,
    proofs,
    queries,
)
from benchmarks.harness import DEFAULT_POSTGRES_URL, FULL, QUICK, STORES, Bench, Result
from benchmarks.report import document, machine, table
from dealtrail.infrastructure.postgres_url import PostgresURL

MEASUREMENTS: dict[str, Callable[[Bench], Result]] = {
    "commands": commands.measure,
    "http": http_commands.measure,
    "load": load.measure,
    "projection": projection.measure,
    "queries": queries.measure,
    "audit": audit.measure,
    "proofs": proofs.measure,
    "memory": memory.measure,
}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes, under a minute (default)")
    size.add_argument("--full", action="store_true", help="the issue's sizes (100,000 events)")
    parser.add_argument("--store", choices=[*STORES, "both"], default="both")
    parser.add_argument("--json", type=Path, help="where to write the results (default: tmp)")
    parser.add_argument(
        "--only", action="append", choices=list(MEASUREMENTS), help="run these only (repeatable)"
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("DEALTRAIL_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL),
        help="a database where the benchmark may create and drop schemas",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    mode = FULL if args.full else QUICK
    stores = list(STORES) if args.store == "both" else [args.store]
    if "postgres" in stores and not _reachable(args.postgres_url):
        if args.store == "postgres":
            print(f"PostgreSQL unreachable at {args.postgres_url}", file=sys.stderr)
            return 2
        print(f"note: PostgreSQL unreachable at {args.postgres_url}; SQLite only", file=sys.stderr)
        stores.remove("postgres")
    chosen = {k: v for k, v in MEASUREMENTS.items() if not args.only or k in args.only}
    started, load_at_start = datetime.now(UTC), os.getloadavg()
    results: dict[str, list[Result]] = {}
    for store in stores:
        bench = Bench(store, mode, args.postgres_url)
        try:
            results[store] = [_run(bench, key, run) for key, run in chosen.items()]
        finally:
            bench.close()
    info = machine(args.postgres_url if "postgres" in stores else None)
    info["load_average_at_start"] = load_at_start  # other work on the machine shows here
    path = args.json or Path(tempfile.gettempdir()) / f"dealtrail-benchmarks-{mode.name}.json"
    path.write_text(json.dumps(document(mode, info, results, started), indent=2) + "\n")
    print(
        f"dealtrail benchmarks, {mode.name} mode, {started:%Y-%m-%d}, {info['processor']}, "
        f"{info['cpu_count']} CPUs, Python {info['python']}"
    )
    print(table(results))
    print(f"\nload average at start {load_at_start}, at end {info['load_average_at_end']}")
    print(f"JSON: {path}")
    return 0


def _run(bench: Bench, key: str, run: Callable[[Bench], Result]) -> Result:
    print(f"{bench.store}: {key} ...", end="", file=sys.stderr, flush=True)
    start = perf_counter()
    result = run(bench)
    print(f" {perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return result


def _reachable(url: str) -> bool:
    try:
        with psycopg.connect(**{"connect_timeout": 3, **PostgresURL.parse(url).connect_kwargs()}):
            return True
    except psycopg.Error:
        return False


if __name__ == "__main__":
    sys.exit(main())
