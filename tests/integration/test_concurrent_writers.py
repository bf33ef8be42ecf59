"""Several server processes writing at once: optimistic concurrency, idempotency, catch-up.

Every test here runs two real processes (multiprocessing, "spawn"), each building its own
services from the same Settings, as two gunicorn workers would. The processes start each race
at a barrier; the code they run is in tests/integration/workers.py.

Some races are "gated": the workers' `Ledger.save` waits at a second barrier, so both have
loaded the aggregate, checked the expected version (or the idempotency key) and decided before
either writes. Those rounds are true write-write conflicts every time; the ungated rounds race
the whole command and show what happens when the timing is left to chance.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
import pytest
from sqlalchemy import func, select

from dealtrail.application.commands.agreements import DraftAgreement, OpenForSignature
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.application.ledger import CommandResult
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import metadata_of
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import PartyKind
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.parties import parties as catalogue_parties
from tests.integration.workers import (
    WAIT,
    RegistrationRound,
    SigningRound,
    catch_up_read_models,
    open_in_rounds,
    register_in_rounds,
    sign_in_rounds,
)

SPAWN = multiprocessing.get_context("spawn")
WORKERS = ("staff:process-1", "staff:process-2")
LOSING_ERRORS = {"ConcurrentUpdate", "VersionMismatch"}

FREE_SIGNING_ROUNDS = 10
GATED_SIGNING_ROUNDS = 4
FREE_REGISTRATION_ROUNDS = 3
GATED_REGISTRATION_ROUNDS = 3
PARTIES_TO_CATCH_UP = 200
STARTUP_ROUNDS = 10

TERMS = Terms(
    title="Joint laboratory for membrane research",
    summary="Cooperation between three institutes.",
    value=None,
    starts_on=date(2025, 3, 1),
    ends_on=None,
)


@contextmanager
def opened(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    try:
        yield built
    finally:
        built.close()


def race(
    target: Callable[..., None], args: list[tuple[Any, ...]], messages: int, barriers: int = 2
) -> dict[tuple[str, int], tuple[Any, ...]]:
    """Runs `target(*args[i], opening, start, [gate,] results)` in one spawned process per tuple.

    `opening` is a lock the workers hold while they build their services; `start` and `gate`
    are barriers. Returns the outcome each worker reported, by (worker, round); fails if any
    worker crashed, reported too little or exited abnormally.
    """
    opening = SPAWN.Lock()
    sync = [SPAWN.Barrier(len(args)) for _ in range(barriers)]
    results = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=target, args=(*worker_args, opening, *sync, results), daemon=True)
        for worker_args in args
    ]
    for process in processes:
        process.start()
    outcomes: dict[tuple[str, int], tuple[Any, ...]] = {}
    try:
        while len(outcomes) < messages:
            worker, index, outcome = results.get(timeout=WAIT + 10)
            assert outcome[0] != "crashed", f"{worker} crashed in round {index}:\n{outcome[1]}"
            outcomes[worker, index] = outcome
    except queue.Empty:
        pytest.fail(f"workers reported {len(outcomes)} of {messages} outcomes: {outcomes}")
    finally:
        for process in processes:
            process.join(timeout=WAIT)
            if process.is_alive():
                process.kill()
                process.join()
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return outcomes


def postgres_settings(url: str, schema: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=url, database_schema=schema, snapshot_interval=3
    )


def open_agreement_between(services: Services, party_ids: list[UUID]) -> tuple[UUID, int]:
    """A fresh agreement open for signature that all three parties must sign, and its version."""
    participants = [Participant(str(p), PartyRole.COOPERATION_PARTNER, True) for p in party_ids]
    drafted = services.ledger.handle(
        DraftAgreement(kind=AgreementKind.COOPERATION, terms=TERMS, parties=participants)
    )
    services.ledger.handle(OpenForSignature(agreement_id=drafted.aggregate_id))
    return drafted.aggregate_id, services.ledger.get(Agreement, drafted.aggregate_id).version


def describe(outcome: tuple[Any, ...]) -> str:
    if outcome[0] == "won":
        result: CommandResult = outcome[1]
        return f"won v{result.version}@{result.position}" + (
            " (replayed)" if result.replayed else ""
        )
    return f"{outcome[1]}: {outcome[2]}"


# ---- optimistic concurrency ----------------------------------------------------------------------


@pytest.mark.postgres
def test_two_processes_signing_the_same_version_of_an_agreement_record_exactly_one_signature(
    postgres_url: str, postgres_schema: str, tmp_path: Path
) -> None:
    settings = postgres_settings(postgres_url, postgres_schema, tmp_path)
    rounds = FREE_SIGNING_ROUNDS + GATED_SIGNING_ROUNDS
    with opened(settings) as services:
        with recording("staff:test", comment="concurrent writer test setup"):
            party_ids = [
                services.ledger.handle(
                    RegisterParty(name=name, kind=PartyKind.RESEARCH_INSTITUTE, country="CN")
                ).aggregate_id
                for name in ("Institute A", "Institute B", "Institute C")
            ]
            agreements = [open_agreement_between(services, party_ids) for _ in range(rounds)]
        signer_of = {WORKERS[0]: str(party_ids[0]), WORKERS[1]: str(party_ids[1])}
        jobs = {
            worker: [
                SigningRound(
                    agreement_id, signer_of[worker], version, gated=i >= FREE_SIGNING_ROUNDS
                )
                for i, (agreement_id, version) in enumerate(agreements)
            ]
            for worker in WORKERS
        }

        outcomes = race(
            sign_in_rounds,
            [(settings, worker, jobs[worker]) for worker in WORKERS],
            messages=2 * rounds,
        )

        report = []
        losses: Counter[str] = Counter()
        for i, (agreement_id, version) in enumerate(agreements):
            gated = i >= FREE_SIGNING_ROUNDS
            by_worker = {worker: outcomes[worker, i] for worker in WORKERS}
            report.append(
                f"round {i:2} {'gated' if gated else 'free '}: "
                + "; ".join(f"{w} {describe(o)}" for w, o in by_worker.items())
            )
            winners = [w for w, o in by_worker.items() if o[0] == "won"]
            losers = [w for w, o in by_worker.items() if o[0] != "won"]
            assert len(winners) == 1, f"round {i}: exactly one winner expected\n" + "\n".join(
                report
            )
            (winner,), (loser,) = winners, losers
            error = by_worker[loser][1]
            assert error in LOSING_ERRORS, report[-1]
            if gated:  # both had checked the version before either wrote
                assert error == "ConcurrentUpdate", report[-1]
            losses[error] += 1

            result: CommandResult = by_worker[winner][1]
            assert (result.aggregate_id, result.version, result.replayed) == (
                agreement_id,
                version + 1,
                False,
            )
            assert services.ledger.positions(agreement_id, version, version + 1) == {
                version + 1: result.position
            }
            history = list(services.ledger.events.get(agreement_id))
            assert [e.originator_version for e in history] == list(range(1, version + 2))
            (signed,) = history[version:]
            assert type(signed).__qualname__ == "Agreement.Signed"
            assert signed.signature.party_id == signer_of[winner]
            assert metadata_of(signed).actor == winner
            agreement = services.ledger.get(Agreement, agreement_id)
            assert (agreement.version, list(agreement.signatures)) == (
                version + 1,
                [signer_of[winner]],
            )

        print("\n".join(["", *report, f"losers' errors: {dict(losses)}"]))
        assert sum(losses.values()) == rounds  # every round: one winner, one refusal
        assert losses["ConcurrentUpdate"] >= GATED_SIGNING_ROUNDS


# ---- idempotency -----------------------------------------------------------------------------


def test_two_processes_sending_the_same_idempotent_registration_create_one_party(
    settings: Settings,
) -> None:
    # Idempotency keys are scoped to the caller, so both processes record as the same actor:
    # two server processes handling one client's request and its retry.
    actor = "staff:process-client"
    rounds = [
        RegistrationRound(f"University {i}", f"register-university-{i}", gated=gated)
        for i, gated in enumerate(
            [False] * FREE_REGISTRATION_ROUNDS + [True] * GATED_REGISTRATION_ROUNDS
        )
    ]
    with opened(settings) as services:
        outcomes = race(
            register_in_rounds,
            [(settings, worker, actor, rounds) for worker in WORKERS],
            messages=2 * len(rounds),
        )

        report = [
            f"round {i} {'gated' if job.gated else 'free '}: "
            + "; ".join(f"{w} {describe(outcomes[w, i])}" for w in WORKERS)
            for i, job in enumerate(rounds)
        ]
        print("\n".join(["", *report]))
        registered = registrations(services)
        problems = []
        for i, job in enumerate(rounds):
            both = [outcomes[worker, i] for worker in WORKERS]
            created = registered.get(job.name, [])
            if [o[0] for o in both] != ["won", "won"]:
                problems.append(f"{report[i]} -- both callers should get the party")
                continue
            results: list[CommandResult] = [o[1] for o in both]
            if len({r.aggregate_id for r in results}) != 1:
                problems.append(f"{report[i]} -- different aggregate ids")
            if sorted(r.replayed for r in results) != [False, True]:
                problems.append(f"{report[i]} -- exactly one result should be a replay")
            if len({(r.version, r.position) for r in results}) != 1:
                problems.append(f"{report[i]} -- different versions or positions")
            if created != [results[0].aggregate_id]:
                problems.append(f"{report[i]} -- parties created: {created}")
        assert not problems, "\n".join(problems)

        # No round created a second party, whatever the callers were told.
        assert {name: len(ids) for name, ids in registered.items()} == {
            job.name: 1 for job in rounds
        }
        for job in rounds:
            record = services.ledger.store.idempotency_record(actor, job.key)
            assert record is not None
            assert (record.originator_id, record.originator_version) == (
                registered[job.name][0],
                1,
            )


def registrations(services: Services) -> dict[str, list[UUID]]:
    """The ids of the parties registered under each name, from the whole log."""
    found: dict[str, list[UUID]] = {}
    for notification in services.ledger.recorder.select_notifications(start=None, limit=10_000):
        event = services.ledger.mapper.to_domain_event(notification)
        if type(event).__qualname__ == "Party.Registered":
            found.setdefault(event.name, []).append(event.originator_id)
    return found


# ---- read model catch-up -------------------------------------------------------------------------


def test_two_processes_catching_up_the_catalogue_at_once_apply_every_event_exactly_once(
    settings: Settings,
) -> None:
    with opened(settings) as services:
        with recording("staff:test", comment="concurrent catch-up test setup"):
            created = {
                services.ledger.handle(
                    RegisterParty(name=f"Company {i}", kind=PartyKind.COMPANY, country="KZ")
                ).aggregate_id: i
                for i in range(PARTIES_TO_CATCH_UP)
            }
        last = services.ledger.recorder.max_notification_id()
        assert services.read_models.position() == 0

        outcomes = race(
            catch_up_read_models,
            [(settings, worker) for worker in WORKERS],
            messages=len(WORKERS),
            barriers=1,
        )

        assert {w: outcomes[w, 0] for w in WORKERS} == {w: ("caught_up", last) for w in WORKERS}
        assert services.read_models.position() == last
        with services.read_models.engine.connect() as conn:
            rows = conn.execute(
                select(catalogue_parties.c.id, catalogue_parties.c.seq, catalogue_parties.c.version)
            ).all()
            count, distinct = conn.execute(
                select(func.count(), func.count(catalogue_parties.c.id.distinct()))
            ).one()
        assert (count, distinct) == (PARTIES_TO_CATCH_UP, PARTIES_TO_CATCH_UP)
        log = {
            n.originator_id: n.id
            for n in services.ledger.recorder.select_notifications(start=None, limit=10_000)
        }
        assert len(log) == PARTIES_TO_CATCH_UP and max(log.values()) == last
        assert {UUID(r.id): (r.seq, r.version) for r in rows} == {
            party_id: (position, 1) for party_id, position in log.items()
        }
        assert set(log) == set(created)
        # A further catch-up finds nothing new.
        assert services.read_models.catch_up() == last


# ---- start-up --------------------------------------------------------------------------------


@contextmanager
def stores_for_each_round(settings: Settings, fresh: bool) -> Iterator[list[Settings]]:
    """The stores to open in each start-up round: `settings`' own, created beforehand, or (when
    `fresh`) a new empty data dir or PostgreSQL schema per round."""
    if not fresh:
        with opened(settings):
            pass
        yield [settings] * STARTUP_ROUNDS
        return
    stores = [
        replace(
            settings,
            data_dir=settings.data_dir / f"round-{i}",
            database_schema=f"{settings.database_schema}_{i}",
        )
        for i in range(STARTUP_ROUNDS)
    ]
    if settings.database_url is None:
        yield stores
        return
    with psycopg.connect(settings.database_url, autocommit=True) as conn:
        for store in stores:
            conn.execute(f"CREATE SCHEMA {store.database_schema}")
    try:
        yield stores
    finally:
        with psycopg.connect(settings.database_url, autocommit=True) as conn:
            for store in stores:
                conn.execute(f"DROP SCHEMA {store.database_schema} CASCADE")


@pytest.mark.slow(20)
@pytest.mark.parametrize("fresh", [False, True], ids=["existing stores", "empty stores"])
def test_two_processes_opening_the_same_stores_at_once_both_start(
    settings: Settings, fresh: bool
) -> None:
    # Server processes booting together each build their services, which creates whatever
    # tables are missing and re-runs the stores' idempotent schema statements. Under
    # `dealtrail serve` the stores exist before the gunicorn workers boot; with a process manager
    # starting several servers (or gunicorn run on the app factory directly) they may be empty.
    with stores_for_each_round(settings, fresh) as stores:
        outcomes = race(
            open_in_rounds,
            [(stores, worker) for worker in WORKERS],
            messages=len(WORKERS) * len(stores),
            barriers=1,
        )

    failures = [
        f"round {i}, {w}: {o[1]}" for (w, i), o in sorted(outcomes.items()) if o[0] != "opened"
    ]
    assert not failures, f"{len(failures)} of {len(outcomes)} start-ups failed:\n" + "\n".join(
        failures
    )
