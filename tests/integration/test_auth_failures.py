"""The failure counts every worker shares: one upsert a failure, exact under concurrent
workers, and the windows that are over deleted when a new one starts."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from freezegun import freeze_time
from sqlalchemy import func, select

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.auth_failures import SqlAuthFailures, auth_failures
from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.settings import Settings


def test_failures_counted_by_concurrent_workers_are_all_counted(settings: Settings) -> None:
    bootstrap(settings).close()
    engines = [create_database_engine(settings) for _ in range(2)]
    try:
        counters = [SqlAuthFailures(engine, limit=1000, window_seconds=60) for engine in engines]
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda n: counters[n % 2].record("203.0.113.7"), range(100)))
        assert counters[0].retry_after("203.0.113.7") is None
        with engines[0].connect() as conn:
            counted = conn.execute(select(auth_failures.c.failures)).scalar_one()
        assert counted == 100
    finally:
        for engine in engines:
            engine.dispose()


def test_the_windows_that_are_over_go_when_a_new_one_starts(settings: Settings) -> None:
    bootstrap(settings).close()
    engine = create_database_engine(settings)
    try:
        counter = SqlAuthFailures(engine, limit=2, window_seconds=60)
        with freeze_time("2026-12-07T09:00:00Z") as clock:
            counter.record("192.0.2.1")
            counter.record("192.0.2.2")
            clock.tick(30)
            counter.record("192.0.2.3")
            clock.tick(40)  # the first two windows are over, the third is not
            counter.record("192.0.2.4")
            with engine.connect() as conn:
                clients = conn.execute(select(auth_failures.c.client)).scalars().all()
                rows = conn.execute(select(func.count()).select_from(auth_failures)).scalar()
        assert sorted(clients) == ["192.0.2.3", "192.0.2.4"] and rows == 2
    finally:
        engine.dispose()
