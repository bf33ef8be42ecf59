"""A projection worker killed with SIGKILL at any moment, restarted, never double-applies."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from dealtrail.application.commands.parties import JoinAlliance, RegisterParty
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.parties import parties, party_alliances

DEALTRAIL = str(Path(sys.executable).parent / "dealtrail")
KILLS = 4
BATCH = 120


def _env(settings: Settings) -> dict[str, str]:
    env = {**os.environ, "DEALTRAIL_DATA_DIR": str(settings.data_dir)}
    env["DEALTRAIL_INLINE_FOLLOWERS"] = "0"
    if settings.database_url:
        env["DEALTRAIL_DATABASE_URL"] = settings.database_url
        env["DEALTRAIL_DATABASE_SCHEMA"] = settings.database_schema
    return env


def _rows(services: Services) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with services.read_models.engine.connect() as conn:
        return (
            [tuple(r) for r in conn.execute(select(parties).order_by(parties.c.seq))],
            [
                tuple(r)
                for r in conn.execute(
                    select(party_alliances).order_by(*party_alliances.primary_key)
                )
            ],
        )


def _write(services: Services, batch: int) -> None:
    with recording("staff:load"):
        for n in range(BATCH):
            register = RegisterParty(
                name=f"Institute {batch}-{n}", kind="research_institute", country="CN"
            )
            result = services.ledger.handle(register)
            join = JoinAlliance(party_id=result.aggregate_id, alliance=f"Alliance {n % 7}")
            services.ledger.handle(join)


@pytest.mark.slow(45)
def test_a_worker_killed_mid_batch_resumes_without_double_counting(settings: Settings) -> None:
    worker_mode = dataclasses.replace(settings, inline_followers=False)
    services = bootstrap(worker_mode)
    rng, moved = random.Random(2026), 0
    try:
        for kill in range(KILLS):
            _write(services, kill)
            start = services.read_models.position()
            worker = subprocess.Popen(
                [DEALTRAIL, "projections", "run", "catalogue", "--interval", "0.05"],
                env=_env(worker_mode),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            # Fault injection: SIGKILL at a random instant of the worker's life (start-up,
            # mid-batch, idle), seeded so a failure can be replayed.
            try:
                assert worker.stderr is not None
                assert "following the log" in worker.stderr.readline()  # started: kill it
                time.sleep(rng.uniform(0.0, 3.0))
            finally:  # killed whatever happened: a failed check must not leave it running
                worker.send_signal(signal.SIGKILL)
                worker.wait(timeout=30)
            moved += services.read_models.position() > start

        assert moved > 0, "no worker got as far as applying a batch before it was killed"
        services.read_models.catch_up()
        incremental = _rows(services)
        assert len(incremental[0]) == KILLS * BATCH
        assert len(incremental[1]) == KILLS * BATCH

        services.read_models.rebuild()
        assert _rows(services) == incremental
    finally:
        services.close()
