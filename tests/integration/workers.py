"""Code that runs in child processes for tests/integration/test_concurrent_writers.py.

Spawned processes import these functions by reference, so they live at module top level. Each
worker builds its own services from the Settings it is given, records as its own actor, reports
every outcome through a queue as plain tuples (never exceptions, which may not unpickle) and
closes its services at the end.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.application.errors import ApplicationError
from dealtrail.application.ledger import CommandResult, Ledger, Options
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import PartyKind
from dealtrail.infrastructure.settings import Settings
from tests.integration.builders import signature

# How long any process waits at a barrier before giving up (so a broken child cannot hang a test).
WAIT = 20.0

SIGNED_ON = date(2025, 3, 1)


@dataclass(frozen=True)
class SigningRound:
    """One race: sign `agreement_id` for `party_id`, expecting the agreement at `expected_version`.

    When `gated`, the worker waits at the save gate after loading the agreement and checking its
    version, so both workers have read the same version before either writes.
    """

    agreement_id: UUID
    party_id: str
    expected_version: int
    gated: bool


@dataclass(frozen=True)
class RegistrationRound:
    """One race: register the party `name` with idempotency key `key`."""

    name: str
    key: str
    gated: bool


# An outcome is ("won", CommandResult) or ("refused", error class name, message) or
# ("crashed", traceback text); every message on the queue is (worker name, round index, outcome).
Outcome = tuple[Any, ...]


def _outcome(command: Callable[[], CommandResult]) -> Outcome:
    try:
        return ("won", command())
    except ApplicationError as error:
        return ("refused", type(error).__name__, str(error))
    except Exception:
        return ("crashed", traceback.format_exc())


def _build(settings: Settings, opening: Any) -> Services:
    """Builds the services while holding `opening`, so workers open the stores one at a time.

    Opening them at the same instant is a race of its own (see `open_in_rounds`); the tests of
    concurrent writers keep it out of their way.
    """
    with opening:
        return bootstrap(settings)


def _abort_if_crashed(outcome: Outcome, *barriers: Any) -> None:
    """After a crash the other worker would wait in vain: break the barriers so it stops now."""
    if outcome[0] == "crashed":
        for barrier in barriers:
            barrier.abort()


@contextmanager
def _save_gate(ledger: Ledger, gate: Any) -> Iterator[Callable[[bool], None]]:
    """Makes `ledger.save` wait at `gate` while armed: the command has read and decided by then."""
    original = ledger.save
    armed = [False]

    def gated_save(*objs: Any, **kwargs: Any) -> Any:
        if armed[0]:
            gate.wait(WAIT)
        return original(*objs, **kwargs)

    def arm(on: bool) -> None:
        armed[0] = on

    ledger.save = gated_save  # type: ignore[method-assign]
    try:
        yield arm
    finally:
        del ledger.save


def run_rounds(
    settings: Settings,
    worker: str,
    actor: str,
    rounds: Sequence[Any],
    command: Callable[[Services, Any], CommandResult],
    barriers: tuple[Any, Any, Any, Any],
    outcome_of: Callable[[Callable[[], CommandResult]], Outcome] = _outcome,
) -> None:
    """Runs `command(services, job)` once per round as `actor`, each round starting at the same
    instant in both workers; in a gated round (`job.gated`) both have read and decided before
    either saves. `barriers` are (opening, start, gate, results); each outcome goes to results."""
    opening, start, gate, results = barriers
    try:
        services = _build(settings, opening)
    except Exception:
        results.put((worker, -1, ("crashed", traceback.format_exc())))
        start.abort()
        gate.abort()
        return
    try:
        with (
            recording(actor, comment=f"race test, {worker}"),
            _save_gate(services.ledger, gate) as arm,
        ):
            for index, job in enumerate(rounds):
                arm(job.gated)
                start.wait(WAIT)
                outcome = outcome_of(lambda job=job: command(services, job))
                _abort_if_crashed(outcome, start, gate)
                results.put((worker, index, outcome))
    finally:
        services.close()


def sign_in_rounds(
    settings: Settings,
    worker: str,
    rounds: list[SigningRound],
    opening: Any,
    start: Any,
    gate: Any,
    results: Any,
) -> None:
    """Signs one agreement per round, each round starting at the same instant in both workers."""

    def sign(services: Services, job: SigningRound) -> CommandResult:
        sign = signature(
            job.agreement_id, job.party_id, f"Signatory of {worker}", "Director", SIGNED_ON
        )
        return services.ledger.handle(sign, Options(expected_version=job.expected_version))

    run_rounds(settings, worker, worker, rounds, sign, (opening, start, gate, results))


def register_in_rounds(
    settings: Settings,
    worker: str,
    actor: str,
    rounds: list[RegistrationRound],
    opening: Any,
    start: Any,
    gate: Any,
    results: Any,
) -> None:
    """Registers the same party with the same idempotency key as the other worker, per round.

    Idempotency keys belong to a caller (the actor), so both workers record as the same `actor`:
    they are two server processes handling one client's request and its retry.
    """

    def register(services: Services, job: RegistrationRound) -> CommandResult:
        register = RegisterParty(name=job.name, kind=PartyKind.UNIVERSITY, country="CN")
        return services.ledger.handle(register, Options(idempotency_key=job.key))

    run_rounds(settings, worker, actor, rounds, register, (opening, start, gate, results))


def catch_up_read_models(
    settings: Settings, worker: str, opening: Any, start: Any, results: Any
) -> None:
    """Brings the views up to date at the same instant as the other worker."""
    try:
        services = _build(settings, opening)
    except Exception:
        results.put((worker, -1, ("crashed", traceback.format_exc())))
        start.abort()
        return
    try:
        with recording(worker, comment="concurrent catch-up test"):
            start.wait(WAIT)
            try:
                outcome: Outcome = ("caught_up", services.read_models.catch_up())
            except Exception:
                outcome = ("crashed", traceback.format_exc())
            results.put((worker, 0, outcome))
    finally:
        services.close()


def open_in_rounds(
    stores: list[Settings], worker: str, opening: Any, start: Any, results: Any
) -> None:
    """Opens and closes `stores[i]` in round i, at the same instant as the other worker.

    This is what server processes do when they boot together: each builds its own services.
    `opening` is not used: the point is to open the stores at the same time.
    """
    del opening
    for index, settings in enumerate(stores):
        try:
            start.wait(WAIT)
        except Exception:
            results.put((worker, index, ("crashed", traceback.format_exc())))
            return
        try:
            bootstrap(settings).close()
            outcome: Outcome = ("opened",)
        except Exception as error:
            outcome = ("failed", f"{type(error).__name__}: {error}".splitlines()[0])
        results.put((worker, index, outcome))
